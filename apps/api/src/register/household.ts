import { builder } from "../schema/builder.js";
import { HouseholdRoleEnum } from "../schema/enums.js";
import { moneyString } from "../schema/money.js";
import { householdScope } from "../access/tenant.js";
import { ageOn, todayUtc } from "./age.js";

/** Communauté domestique (law art. 3). Personal data: reachable only where the caller may see it. */
export const HouseholdRef = builder.prismaNode("Household", {
  description:
    "A household (communauté domestique, law art. 3): the applicant and everyone sharing the home and budget. Personal data: visible to the ministry, to the landlord of its lease, and to a landlord whose allocation file holds its application.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [householdScope(ctx.viewer)] }),
  fields: (t) => ({
    incomeYear: t.exposeInt("incomeYear", { description: "Calendar year whose income is declared (art. 56: the previous calendar year)." }),
    size: t.exposeInt("memberCount", { description: "Number of members." }),
    members: t.relation("members", {
      description: "Members, the applicant first.",
      query: { orderBy: [{ role: "asc" }, { birthDate: "asc" }] },
    }),
  }),
});

export const HouseholdMemberRef = builder.prismaObject("HouseholdMember", {
  description: "A member of a household (art. 3), the applicant included.",
  fields: (t) => ({
    role: t.expose("role", { type: HouseholdRoleEnum, description: "Place in the household." }),
    firstName: t.exposeString("firstName", { description: "First name." }),
    lastName: t.exposeString("lastName", { description: "Last name." }),
    birthDate: t.expose("birthDate", { type: "Date", description: "Date of birth (ages count on 1 January of the allocation year, RGD location art. 4)." }),
    age: t.int({ description: "Age in full years today.", resolve: (m) => ageOn(m.birthDate, todayUtc()) }),
    partner: t.relation("partner", { nullable: true, description: "The member this one forms a couple with (couple, bill art. 3 4°bis)." }),
    hasDisability: t.exposeBoolean("hasDisability", { description: "Has a disability (art. 57 §1 6°, art. 67 rehousing exception)." }),
    workplaceMunicipality: t.relation("workplaceMunicipality", { nullable: true, description: "Municipality of work (art. 58 proximity)." }),
    annualNetIncome: t.field({ type: "Decimal", description: "Net income of the previous calendar year (art. 56), EUR.", resolve: (m) => moneyString(m.annualNetIncome)! }),
    isDependent: t.exposeBoolean("isDependent", { description: "Dependent child: its income is ignored (art. 56)." }),
  }),
});
