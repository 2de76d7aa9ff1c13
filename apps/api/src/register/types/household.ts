import { builder } from "../../schema/builder.js";
import { HouseholdRoleEnum } from "../../schema/enums.js";
import { moneyString } from "../../schema/money.js";
import type { Context } from "../../schema/context.js";
import { MunicipalityRef } from "../../portfolio/types/municipality.js";
import { householdScope } from "../../access/tenant.js";
import { AGE_BANDS, ageBand, ageOn, todayUtc } from "../adapters/age.js";
import { incomeBand } from "../../privacy/bands.js";
import { Dec } from "@abordable/domain";

export const AgeBandEnum = builder.enumType("AgeBand", {
  description: "Age band shown on pseudonymised records instead of a birth date (thresholds of arts. 12, 55, 67).",
  values: Object.fromEntries(
    AGE_BANDS.map((b) => [
      b,
      { value: b, description: b === "UNDER_18" ? "Under 18." : `Aged ${b.slice(4).replace("_PLUS", " or more").replace("_", " to ")}.` },
    ]),
  ) as {
    [K in (typeof AGE_BANDS)[number]]: { value: K; description: string };
  },
});

interface Composition {
  size: number;
  adults: number;
  children: number;
  couples: number;
}

export const HouseholdComposition = builder.objectRef<Composition>("HouseholdComposition").implement({
  description: "Composition of a household without personal data (shown on pseudonymised candidate records).",
  fields: (t) => ({
    size: t.exposeInt("size", { description: "Number of members." }),
    adults: t.exposeInt("adults", { description: "Members aged 18 or more today." }),
    children: t.exposeInt("children", { description: "Members under 18 today." }),
    couples: t.exposeInt("couples", { description: "Couples in the household (bill art. 3 4°bis)." }),
  }),
});

export function compositionOf(members: readonly { birthDate: Date; partnerId: string | null }[]): Composition {
  const today = todayUtc();
  const adults = members.filter((m) => ageOn(m.birthDate, today) >= 18).length;
  return { size: members.length, adults, children: members.length - adults, couples: members.filter((m) => m.partnerId !== null).length };
}

/**
 * Members' personal data follows the candidate's rule (GDPR, see schema/loaders.ts): ministry
 * administrators, a landlord holding the candidate in one of its allocation files, and the
 * landlord of the household's lease see it; everyone else who may reach the household (the
 * ministry's analysts) gets it pseudonymised: role, age band and composition only.
 */
const personal = (ctx: Context, m: { householdId: string }): Promise<boolean> => ctx.loaders.householdPersonalData.load(m.householdId);
const PSEUDONYMISED = "; null when pseudonymised (the caller may not see this household's personal data)";

/** Communauté domestique (law art. 3). Personal data: reachable only where the caller may see it. */
export const HouseholdRef = builder.prismaNode("Household", {
  description:
    "A household (communauté domestique, law art. 3): the applicant and everyone sharing the home and budget. Visible to the ministry, to the landlord of its lease, and to a landlord whose allocation file holds its application. Members' personal data (names, birth dates, incomes, disability, workplace) only to ministry administrators, the landlord of its lease and a landlord whose allocation file holds its application; pseudonymised (role, age band, composition) for the others.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [householdScope(ctx.viewer)] }),
  fields: (t) => ({
    incomeYear: t.exposeInt("incomeYear", { description: "Calendar year whose income is declared (art. 56: the previous calendar year)." }),
    size: t.exposeInt("memberCount", { description: "Number of members." }),
    composition: t.field({
      type: HouseholdComposition,
      description: "Composition of the household, without personal data.",
      select: { members: { select: { birthDate: true, partnerId: true } } },
      resolve: (h) => compositionOf(h.members),
    }),
    incomeBand: t.string({
      description:
        "Coarse band of the household's income of the reference year (art. 56: members who are not dependent children), in EUR 20,000 steps (e.g. EUR_40000_TO_59999; EUR_100000_OR_MORE): what a pseudonymised record shows instead of the amounts.",
      select: { members: { select: { annualNetIncome: true, isDependent: true } } },
      resolve: (h) =>
        incomeBand(
          h.members
            .filter((m) => !m.isDependent)
            .reduce((sum, m) => sum.plus(m.annualNetIncome.toFixed()), new Dec(0))
            .toFixed(2),
        )!,
    }),
    personalDataVisible: t.boolean({
      description: "Whether the caller sees the members' personal data; when false, members are pseudonymised (role and age band only).",
      resolve: (h, _args, ctx) => ctx.loaders.householdPersonalData.load(h.id),
    }),
    members: t.relation("members", {
      description: "Members, the applicant first; pseudonymised (role and age band only) unless `personalDataVisible`.",
      query: { orderBy: [{ role: "asc" }, { birthDate: "asc" }] },
    }),
  }),
});

export const HouseholdMemberRef = builder.prismaObject("HouseholdMember", {
  description: "A member of a household (art. 3), the applicant included. Personal fields are null when the caller may not see the household's personal data.",
  fields: (t) => ({
    role: t.expose("role", { type: HouseholdRoleEnum, description: "Place in the household." }),
    ageBand: t.field({
      type: AgeBandEnum,
      description: "Age band today (shown whether or not the member is pseudonymised).",
      resolve: (m) => ageBand(ageOn(m.birthDate, todayUtc())),
    }),
    firstName: t.string({
      nullable: true,
      description: `First name${PSEUDONYMISED}.`,
      resolve: async (m, _a, ctx) => ((await personal(ctx, m)) ? m.firstName : null),
    }),
    lastName: t.string({
      nullable: true,
      description: `Last name${PSEUDONYMISED}.`,
      resolve: async (m, _a, ctx) => ((await personal(ctx, m)) ? m.lastName : null),
    }),
    birthDate: t.field({
      type: "Date",
      nullable: true,
      description: `Date of birth (ages count on 1 January of the allocation year, RGD location art. 4)${PSEUDONYMISED}.`,
      resolve: async (m, _a, ctx) => ((await personal(ctx, m)) ? m.birthDate : null),
    }),
    age: t.int({
      nullable: true,
      description: `Age in full years today${PSEUDONYMISED}.`,
      resolve: async (m, _a, ctx) => ((await personal(ctx, m)) ? ageOn(m.birthDate, todayUtc()) : null),
    }),
    partner: t.relation("partner", { nullable: true, description: "The member this one forms a couple with (couple, bill art. 3 4°bis)." }),
    hasDisability: t.boolean({
      nullable: true,
      description: `Has a disability (art. 57 §1 6°, art. 67 rehousing exception)${PSEUDONYMISED}.`,
      resolve: async (m, _a, ctx) => ((await personal(ctx, m)) ? m.hasDisability : null),
    }),
    workplaceMunicipality: t.field({
      type: MunicipalityRef,
      nullable: true,
      description: `Municipality of work (art. 58 proximity)${PSEUDONYMISED}.`,
      // Loaded with the members (no statement per member), shown only to callers allowed.
      select: { workplaceMunicipality: true },
      resolve: async (m, _a, ctx) => ((await personal(ctx, m)) ? m.workplaceMunicipality : null),
    }),
    annualNetIncome: t.field({
      type: "Decimal",
      nullable: true,
      description: `Net income of the previous calendar year (art. 56), EUR${PSEUDONYMISED}.`,
      resolve: async (m, _a, ctx) => ((await personal(ctx, m)) ? moneyString(m.annualNetIncome)! : null),
    }),
    isDependent: t.boolean({
      nullable: true,
      description: `Dependent child: its income is ignored (art. 56)${PSEUDONYMISED}.`,
      resolve: async (m, _a, ctx) => ((await personal(ctx, m)) ? m.isDependent : null),
    }),
    workingLifeStartYear: t.int({
      nullable: true,
      description: `Year the member (a child of the household) started working life: its income counts 0, 25, 50 then 100 % over the first years (début de la vie active, art. 56 §3 al. 4); null when not recorded${PSEUDONYMISED}.`,
      resolve: async (m, _a, ctx) => ((await personal(ctx, m)) ? m.workingLifeStartYear : null),
    }),
  }),
});
