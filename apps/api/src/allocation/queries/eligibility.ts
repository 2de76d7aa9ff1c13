/**
 * Eligibility (law art. 55 §1, annex II, art. 56; bill art. 32): a public what-if computation over
 * a household given inline (nothing stored, nothing read), and the same check for a candidate of
 * the register (landlords and the ministry). Every failed condition comes back with its article.
 */
import { GraphQLError } from "graphql";
import {
  checkEligibility,
  type EligibilityResult,
  type LegalReference,
  type Household,
  type IncomeItem,
  type Member,
  type RealRight,
  type RegimeOptions,
} from "@abordable/domain";
import { builder } from "../../schema/builder.js";
import { domainGraphQLError, toDomainError } from "../../schema/domain-errors.js";
import { decodeGlobalId } from "../../schema/ids.js";
import { candidateScope } from "../../access/tenant.js";
import {
  AllocationRegimeEnum,
  EligibilityConditionEnum,
  EligibilityPurposeEnum,
  IncomeKindEnum,
  RealRightKindEnum,
  RightLocationEnum,
} from "../types/enums.js";
import { householdOf, iso, requestedRegime, ruleOf, todayIso } from "../adapters/common.js";
import { LegalReferenceRef, LegalRegimeEnum, useInstead } from "../../schema/law.js";
import { REGIME_DEPRECATION, regimeOrBadInput } from "../../schema/regime-arg.js";
import { isLandlord, organisationOf } from "../../identity/viewer.js";
import type { Context } from "../../schema/context.js";
import { CANDIDATE_ELIGIBILITY_COST, eligibilityCost } from "../../schema/complexity.js";
import { indexSeriesOf, type IndexSeriesSet } from "../../indices/series.js";
import { IndexPointUsedRef, indexPointsOf } from "../../indices/types.js";

// ───────────── result ─────────────

interface EligibilityView {
  result: EligibilityResult;
  regime: RegimeOptions;
  /** Figures and reasons are personal data: shown only to callers allowed to see them. */
  personal: boolean;
  /**
   * About a candidate the caller may not see (issue 12, finding 4): only eligible or not — no failed
   * condition, no condition list, no parameter or note trace, which would let a caller bracket its
   * dates and incomes by asking again with other inputs.
   */
  outcomeOnly?: boolean;
}

const EligibilityDisclosureEnum = builder.enumType("EligibilityDisclosure", {
  description: "How much of an eligibility computation the caller is shown (GDPR data minimisation, art. 5 1 c).",
  values: {
    FULL: { description: "Every condition checked and failed, with the figures when the caller may see the household's personal data." },
    OUTCOME_ONLY: { description: "About a candidate the caller may not see: only `eligible`; failures, conditions and trace are empty." },
  } as const,
});
type FailureView = EligibilityResult["failures"][number] & { personal: boolean };

const CitationView = builder.objectRef<EligibilityResult["failures"][number]["citation"]>("EligibilityCitation").implement({
  description: "Deprecated alias of LegalReference (every field returning it is deprecated): the provision a condition comes from.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "The text: LAW_2023 or BILL_8535." }),
    article: t.exposeString("article", { description: "Article." }),
    rule: t.string({ description: 'Short citation, e.g. "law art. 55 §1 3°".', resolve: (c) => ruleOf(c) }),
    label: t.exposeString("label", { description: "What the provision requires, in short." }),
  }),
});

const FailureRef = builder.objectRef<FailureView>("EligibilityFailure").implement({
  description: "A condition of art. 55 that is not met, with the reason and the article.",
  fields: (t) => ({
    condition: t.field({ type: EligibilityConditionEnum, description: "The condition.", resolve: (f) => f.condition }),
    memberKey: t.string({
      nullable: true,
      description: "The member concerned (the key given in the input, or the stored member's ID); null when the caller may not see it.",
      resolve: (f) => (f.personal ? (f.memberId ?? null) : null),
    }),
    reason: t.string({
      description: "Why it fails (with the figures when the caller may see them; otherwise what the provision requires).",
      resolve: (f) => (f.personal ? f.reason : f.citation.label),
    }),
    rule: t.string({ description: 'Short citation of the provision, e.g. "law art. 55 §1 2°".', resolve: (f) => ruleOf(f.citation) }),
    citation: t.field({ type: CitationView, description: "The provision.", deprecationReason: useInstead("legalReference"), resolve: (f) => f.citation }),
    legalReference: t.field({
      type: LegalReferenceRef,
      description: "The provision (référence légale: law art. 55, bill 8535 art. 32).",
      resolve: (f) => f.citation as LegalReference,
    }),
  }),
});

const IncomeRef = builder.objectRef<NonNullable<EligibilityResult["income"]>>("EligibilityIncome").implement({
  description: "The household income of art. 56 (previous calendar year, extrapolations applied).",
  fields: (t) => ({
    referenceYear: t.exposeInt("referenceYear", { description: "The calendar year the income is taken from." }),
    annual: t.field({ type: "Decimal", description: "Counted annual income, family allowances included, EUR.", resolve: (i) => i.annual.toFixed(2) }),
    annualForAnnexII: t.field({
      type: "Decimal",
      description: "The same without family allowances (compared with annex II), EUR.",
      resolve: (i) => i.annualForAnnexII.toFixed(2),
    }),
    adults: t.exposeInt("adults", { description: "Adults of the annex II composition (every member who is not a dependent child)." }),
    dependentChildren: t.exposeInt("dependentChildren", { description: "Dependent children (art. 56 §3 al. 5)." }),
  }),
});

const CeilingRef = builder.objectRef<NonNullable<EligibilityResult["ceiling"]>>("EligibilityCeiling").implement({
  description: "The annex II ceiling for the household's composition, indexed to the cote in force.",
  fields: (t) => ({
    ceiling: t.field({
      type: "Decimal",
      description: "Ceiling in force, EUR (annual reading by default: interpretation note annex-ii-annual-reading).",
      resolve: (c) => c.ceiling.toFixed(2),
    }),
    ceilingAtCote100: t.field({ type: "Decimal", description: "Ceiling of annex II at cote 100, EUR.", resolve: (c) => c.ceilingAtCote100.toFixed() }),
    cote: t.field({ type: "Decimal", nullable: true, description: "Cote d'application of the index used.", resolve: (c) => c.cote?.value ?? null }),
    cotePoint: t.field({
      type: IndexPointUsedRef,
      nullable: true,
      description:
        "The « cote d'application de l'échelle mobile des salaires » the annex II ceiling was indexed to (law art. 55 §1 3°, annexe II), from the series in use (built in or recorded by an operator with recordIndexValue), with its source and `unconfirmed`.",
      resolve: (c) => c.cote,
    }),
    unconfirmedIndexAfter: t.field({
      type: "Date",
      nullable: true,
      description:
        "Set when the ceiling rests on a cote resolved after its series' « known until » day (this day): a later tranche may already apply. Null when the cote used is confirmed.",
      resolve: (c) => c.cote?.unconfirmedAfter ?? null,
    }),
    readingPeriod: t.string({
      description:
        "ANNUAL or MONTHLY: how annex II is read — the operator's setting ABORDABLE_ANNEX_II_READING_PERIOD (default ANNUAL; parameter eligibility.incomeCeiling.readingPeriod).",
      resolve: (c) => c.readingPeriod,
    }),
    comparedIncome: t.field({ type: "Decimal", description: "The income compared with the ceiling, EUR.", resolve: (c) => c.income.toFixed(2) }),
  }),
});

const ParameterRef = builder.objectRef<EligibilityResult["trace"]["parameters"][number]>("EligibilityParameterUsed").implement({
  description: "A dated legal parameter version the computation read.",
  fields: (t) => ({
    parameterId: t.exposeString("parameterId", { description: "Parameter, e.g. eligibility.incomeCeiling." }),
    validFrom: t.field({ type: "Date", description: "First day of the version.", resolve: (p) => p.validFrom }),
    origin: t.exposeString("origin", { description: "LAW or BILL_8535: the text the version comes from." }),
  }),
});

const EligibilityResultRef = builder.objectRef<EligibilityView>("EligibilityResult").implement({
  description:
    "Eligibility under law art. 55 (bill art. 32): every condition checked for the applicant and every member, every failure reported with its article.",
  fields: (t) => ({
    eligible: t.boolean({ description: "All conditions checked are met.", resolve: (v) => v.result.eligible }),
    asOf: t.field({
      type: "Date",
      description: "Day of the check (the application day, or the day of becoming tenant, art. 55 §1 al. 2).",
      resolve: (v) => v.result.asOf,
    }),
    regime: t.field({
      type: AllocationRegimeEnum,
      description: "Regime applied.",
      deprecationReason: useInstead("legalRegime"),
      resolve: (v) => v.regime.regime,
    }),
    legalRegime: t.field({ type: LegalRegimeEnum, description: "Régime légal applied (loi du 7 août 2023 or bill 8535).", resolve: (v) => v.regime.regime }),
    billEntryIntoForce: t.field({
      type: "Date",
      nullable: true,
      description: "Entry into force of bill 8535 used (regime BILL_8535).",
      resolve: (v) => v.regime.bill8535EntryIntoForce ?? null,
    }),
    purpose: t.field({ type: EligibilityPurposeEnum, description: "Candidate (§1) or tenant (§3).", resolve: (v) => v.result.purpose }),
    disclosure: t.field({
      type: EligibilityDisclosureEnum,
      description: "FULL, or OUTCOME_ONLY for a candidate the caller may not see (then only `eligible` carries information).",
      resolve: (v) => (v.outcomeOnly ? "OUTCOME_ONLY" : "FULL"),
    }),
    checked: t.field({
      type: [EligibilityConditionEnum],
      description: "Conditions checked (empty when OUTCOME_ONLY).",
      resolve: (v) => (v.outcomeOnly ? [] : [...v.result.checked]),
    }),
    failures: t.field({
      type: [FailureRef],
      description: "Every failed condition (empty when eligible, and when OUTCOME_ONLY).",
      resolve: (v) => (v.outcomeOnly ? [] : v.result.failures.map((f) => ({ ...f, personal: v.personal }))),
    }),
    income: t.field({
      type: IncomeRef,
      nullable: true,
      description: "Household income (art. 56); null for a tenant check or when the caller may not see it.",
      resolve: (v) => (v.personal ? (v.result.income ?? null) : null),
    }),
    ceiling: t.field({
      type: CeilingRef,
      nullable: true,
      description: "Annex II ceiling compared; null for a tenant check or when the caller may not see it.",
      resolve: (v) => (v.personal ? (v.result.ceiling ?? null) : null),
    }),
    parameters: t.field({
      type: [ParameterRef],
      description: "Parameter versions read (empty when OUTCOME_ONLY).",
      resolve: (v) => (v.outcomeOnly ? [] : [...v.result.trace.parameters]),
    }),
    unconfirmedIndexAfter: t.field({
      type: "Date",
      nullable: true,
      description:
        "Set when the check rests on an index value (the cote of the annex II ceiling) resolved after its series' « known until » day (this day): a later tranche may already apply. Null when every index value used is confirmed, and when OUTCOME_ONLY.",
      resolve: (v) => (v.outcomeOnly ? null : indexPointsOf([{ indices: v.result.trace.indices ?? [] }]).unconfirmedAfter),
    }),
    interpretationNotes: t.stringList({
      description: "Ids of the interpretation notes the rule relies on (see the domain README; empty when OUTCOME_ONLY).",
      resolve: (v) => (v.outcomeOnly ? [] : [...(v.result.trace.interpretationNotes ?? [])]),
    }),
  }),
});

// ───────────── inline household ─────────────

const IncomeItemInput = builder.inputType("EligibilityIncomeItemInput", {
  description: "An income item of art. 56 §3 for the reference year.",
  fields: (t) => ({
    kind: t.field({ type: IncomeKindEnum, required: true, description: "Kind of income." }),
    amount: t.field({ type: "Decimal", required: true, description: "Amount over `months` months (or the last known monthly amount), EUR, positive." }),
    months: t.int({
      required: false,
      description: "Months of the reference year covered (1-12, default 12): an occupation not exercised all year is extrapolated (art. 56 §2).",
    }),
    lastKnownMonthly: t.boolean({
      required: false,
      description:
        "The amount is the last known monthly income, extrapolated to the year (change of employer or contract, or no income in the reference year, art. 56 §2).",
    }),
    insured: t.boolean({ required: false, description: "INTERNSHIP only: insured for sickness and pension." }),
  }),
});

const RealRightInput = builder.inputType("EligibilityRealRightInput", {
  description: "A real right a member holds on another dwelling (art. 55 §1 2°).",
  fields: (t) => ({
    kind: t.field({ type: RealRightKindEnum, required: true, description: "The right." }),
    shareNumerator: t.int({ required: false, description: "Undivided share: numerator (absent: the whole right)." }),
    shareDenominator: t.int({ required: false, description: "Undivided share: denominator." }),
    location: t.field({ type: RightLocationEnum, required: true, description: "Where the dwelling is." }),
    bedrooms: t.int({ required: false, description: "Bedrooms of that dwelling (seniors' derogation, art. 54 §2)." }),
    underSocialRentalManagement: t.boolean({ required: false, description: "That dwelling is (to be) placed under social rental management (art. 54 §2)." }),
  }),
});

const ResidenceInput = builder.inputType("EligibilityResidenceInput", {
  description: "A member's residence situation (art. 55 §1 4°; bill art. 32).",
  fields: (t) => ({
    luxembourgNationality: t.boolean({ required: false, description: "Luxembourg national." }),
    residenceRightMonths: t.int({ required: false, description: "A right of residence (law of 29 August 2008) covering this many months." }),
    residenceRightUnlimited: t.boolean({ required: false, description: "A right of residence of unlimited duration (e.g. permanent residence)." }),
    residenceRightValidUntil: t.field({ type: "Date", required: false, description: "Last day of validity of the residence right." }),
    internationalProtection: t.boolean({ required: false, description: "Beneficiary of international protection in Luxembourg." }),
    diplomaticOrLegitimationCard: t.boolean({ required: false, description: "Holder of a diplomatic or legitimation card." }),
  }),
});

const MemberInput = builder.inputType("EligibilityMemberInput", {
  description: "A member of the household (art. 3), the applicant included.",
  fields: (t) => ({
    key: t.string({ required: true, description: "Any label unique within the household (reported back in failures)." }),
    applicant: t.boolean({ required: false, description: "The applicant (exactly one member)." }),
    birthDate: t.field({ type: "Date", required: true, description: "Date of birth." }),
    partnerKey: t.string({ required: false, description: "Key of the member this one forms a couple with (bill art. 3 4°bis)." }),
    dependentChild: t.boolean({ required: false, description: "A child for whom a member receives family allowances (dependent child, art. 56 §3 al. 5)." }),
    coInsuredChild: t.boolean({ required: false, description: "A child co-insured with a member (dependent until 27, art. 56 §3 al. 5)." }),
    workingLifeStartYear: t.int({ required: false, description: "Year a child entered working life (art. 56 §3 al. 4)." }),
    incomes: t.field({ type: [IncomeItemInput], required: false, description: "Income items of the reference year." }),
    otherDwellingRights: t.field({ type: [RealRightInput], required: false, description: "Rights on other dwellings." }),
    residence: t.field({ type: ResidenceInput, required: false, description: "Residence situation." }),
  }),
});

const EligibilityInput = builder.inputType("EligibilityInput", {
  description: "A household given inline for a what-if eligibility computation; nothing is stored.",
  fields: (t) => ({
    asOf: t.field({ type: "Date", required: true, description: "Day of the check (the application day)." }),
    legalRegime: t.field({
      type: LegalRegimeEnum,
      required: false,
      description: "Régime légal to apply (loi du 7 août 2023 or bill 8535); default: the operator's setting.",
    }),
    regime: t.field({
      type: AllocationRegimeEnum,
      required: false,
      deprecationReason: REGIME_DEPRECATION,
      description: "Regime; default: the operator's setting. Deprecated: give legalRegime; both given must agree.",
    }),
    billEntryIntoForce: t.field({
      type: "Date",
      required: false,
      description: "Entry into force of bill 8535 to assume (regime BILL_8535); default: the operator's setting.",
    }),
    purpose: t.field({ type: EligibilityPurposeEnum, required: false, description: "CANDIDATE (default) or TENANT." }),
    seniorsDedicatedDwelling: t.boolean({ required: false, description: "For a seniors' dedicated dwelling (art. 54 §2 derogation)." }),
    members: t.field({ type: [MemberInput], required: true, description: "The members (at most 20)." }),
  }),
});

function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field } });
}

function inlineHousehold(input: typeof EligibilityInput.$inferInput): Household {
  if (input.members.length === 0 || input.members.length > 20) throw badInput("input.members", "A household has between 1 and 20 members");
  const keys = new Set(input.members.map((m) => m.key));
  const members: Member[] = input.members.map((m, i) => {
    const incomes: IncomeItem[] = (m.incomes ?? []).map((x) => ({
      kind: x.kind,
      amount: x.amount.toFixed(),
      ...(x.months != null ? { months: x.months } : {}),
      ...(x.lastKnownMonthly ? { lastKnownMonthly: true } : {}),
      ...(x.insured != null ? { insured: x.insured } : {}),
    }));
    const rights: RealRight[] = (m.otherDwellingRights ?? []).map((r, j) => {
      if ((r.shareNumerator == null) !== (r.shareDenominator == null))
        throw badInput(`input.members.${i}.otherDwellingRights.${j}`, "An undivided share needs both its numerator and its denominator");
      return {
        kind: r.kind,
        location: r.location,
        ...(r.shareNumerator != null ? { share: { numerator: r.shareNumerator, denominator: r.shareDenominator! } } : {}),
        ...(r.bedrooms != null ? { bedrooms: r.bedrooms } : {}),
        ...(r.underSocialRentalManagement != null ? { underSocialRentalManagement: r.underSocialRentalManagement } : {}),
      };
    });
    const r = m.residence;
    const child = m.dependentChild || m.coInsuredChild || m.workingLifeStartYear != null;
    return {
      id: m.key,
      birthDate: m.birthDate,
      role: m.applicant ? "APPLICANT" : "MEMBER",
      ...(child
        ? {
            child: {
              ...(m.dependentChild ? { familyAllowanceReceived: true } : {}),
              ...(m.coInsuredChild ? { coInsured: true } : {}),
              ...(m.workingLifeStartYear != null ? { workingLifeStartYear: m.workingLifeStartYear } : {}),
            },
          }
        : {}),
      ...(incomes.length ? { incomes } : {}),
      ...(rights.length ? { realRights: rights } : {}),
      residence: {
        ...(r?.luxembourgNationality ? { luxembourgNationality: true } : {}),
        ...(r?.residenceRightUnlimited || r?.residenceRightMonths != null
          ? {
              residenceRight: {
                coversMonths: r.residenceRightUnlimited ? null : r.residenceRightMonths!,
                ...(r.residenceRightValidUntil ? { validUntil: r.residenceRightValidUntil } : {}),
              },
            }
          : {}),
        ...(r?.internationalProtection ? { internationalProtection: true } : {}),
        ...(r?.diplomaticOrLegitimationCard ? { diplomaticOrLegitimationCard: true } : {}),
      },
    };
  });
  const couples: { a: string; b: string; kind: "COHABITING" }[] = [];
  input.members.forEach((m, i) => {
    if (!m.partnerKey) return;
    if (!keys.has(m.partnerKey)) throw badInput(`input.members.${i}.partnerKey`, `No member with key "${m.partnerKey}"`);
    if (!couples.some((c) => c.a === m.partnerKey && c.b === m.key)) couples.push({ a: m.key, b: m.partnerKey, kind: "COHABITING" });
  });
  return { members, ...(couples.length ? { couples } : {}) };
}

function check(
  h: Household,
  regime: RegimeOptions,
  series: IndexSeriesSet,
  asOf: string,
  purpose: "CANDIDATE" | "TENANT",
  seniors: boolean,
): EligibilityResult {
  try {
    // The annex II ceiling at the cote of the series in use: built in, with the operator's recorded tranches (issue 17 point 4).
    return checkEligibility(h, { ...regime, asOf, purpose, seniorsDedicatedDwelling: seniors, indexOptions: { coteSeries: series.cote } });
  } catch (e) {
    // By code (schema/domain-errors.ts): the household's shape is the members' fault, a regime or parameter not applicable the entry-into-force date's.
    const d = toDomainError(e);
    if (d) throw domainGraphQLError(d, { field: d.code === "INVALID_INPUT" ? "input.members" : "input.billEntryIntoForce" });
    throw e;
  }
}

builder.queryField("eligibility", (t) =>
  t.field({
    type: EligibilityResultRef,
    description:
      "Public what-if: is this household (given inline, nothing stored) eligible under art. 55 on this day? Every failed condition with its article. No API key needed.",
    complexity: (args) => eligibilityCost(args),
    args: { input: t.arg({ type: EligibilityInput, required: true, description: "The household and the day." }) },
    resolve: async (_r, { input }, ctx) => {
      const regime = requestedRegime(ctx, regimeOrBadInput(input, undefined), input.billEntryIntoForce);
      const household = inlineHousehold(input);
      const result = check(household, regime, await indexSeriesOf(ctx), input.asOf, input.purpose ?? "CANDIDATE", Boolean(input.seniorsDedicatedDwelling));
      return { result, regime, personal: true };
    },
  }),
);

/**
 * The days a caller may ask about a candidate it may not see (finding 4): today, and the days of its
 * own allocation files holding the candidate (opening, shortlist, proposal steps, closing) — what the
 * allocation needs; any other day would let a binary search on `asOf` recover a birth date, a
 * residence date or an income threshold. A caller who sees the candidate asks any day.
 */
async function askableDays(ctx: Context, candidateId: string): Promise<Set<string>> {
  const days = new Set([todayIso()]);
  if (!isLandlord(ctx.viewer)) return days;
  const files = await ctx.prisma.allocationFile.findMany({
    where: { landlordId: organisationOf(ctx.viewer), candidates: { some: { application: { candidateId } } } },
    select: { openedOn: true, closedOn: true, events: { select: { occurredOn: true } } },
  });
  for (const f of files) {
    days.add(iso(f.openedOn));
    if (f.closedOn) days.add(iso(f.closedOn));
    for (const e of f.events) days.add(iso(e.occurredOn));
  }
  return days;
}

builder.queryField("candidateEligibility", (t) =>
  t.field({
    type: EligibilityResultRef,
    nullable: true,
    description:
      "Eligibility of a candidate of the register (art. 55 §1) on a day, from the stored household (landlords and the ministry; null when no such candidate). A caller who may see the candidate's personal data gets every condition with its figures, on any day. About any other candidate (pseudonymised) the answer is only eligible or not (disclosure OUTCOME_ONLY), and only for today or a day of the caller's own allocation files holding the candidate (otherwise BAD_USER_INPUT on asOf).",
    authScopes: { ministry: true, landlord: true },
    complexity: CANDIDATE_ELIGIBILITY_COST,
    args: {
      candidateId: t.arg.id({ required: true, description: "Global ID of the candidate." }),
      asOf: t.arg({
        type: "Date",
        required: false,
        description: "Day of the check (default today); for a pseudonymised candidate, today or a day of one of the caller's files holding it.",
      }),
      legalRegime: t.arg({
        type: LegalRegimeEnum,
        required: false,
        description: "Régime légal to apply (loi du 7 août 2023 or bill 8535); default: the operator's setting.",
      }),
      regime: t.arg({
        type: AllocationRegimeEnum,
        required: false,
        deprecationReason: REGIME_DEPRECATION,
        description: "Regime; default: the operator's setting. Deprecated: give legalRegime; both given must agree.",
      }),
    },
    resolve: async (_r, args, ctx) => {
      const id = decodeGlobalId(String(args.candidateId), "Candidate", "candidateId");
      const asOf = args.asOf ?? todayIso();
      const regime = requestedRegime(ctx, regimeOrBadInput(args, undefined, "legalRegime"));
      const candidate = await ctx.prisma.candidate.findFirst({
        where: { id, AND: [candidateScope(ctx.viewer)] },
        select: { id: true, residenceStatus: true, residentSince: true, municipalityId: true, household: { select: { members: true } } },
      });
      if (!candidate) return null;
      const personal = await ctx.loaders.candidatePersonalData.load(candidate.id);
      if (!personal && !(await askableDays(ctx, candidate.id)).has(asOf))
        throw new GraphQLError("asOf: about a pseudonymised candidate, ask for today or a day of one of your allocation files holding it", {
          extensions: { code: "BAD_USER_INPUT", field: "asOf" },
        });
      if (!candidate.household || candidate.household.members.length === 0)
        throw new GraphQLError("The candidate has no household on the register", { extensions: { code: "BAD_USER_INPUT", field: "candidateId" } });
      const result = check(householdOf(candidate, candidate.household.members, asOf), regime, await indexSeriesOf(ctx), asOf, "CANDIDATE", false);
      return { result, regime, personal, outcomeOnly: !personal };
    },
  }),
);
