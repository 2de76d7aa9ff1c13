/**
 * "What would it be": public rule computations (like OpenFisca's calculate) open to anonymous
 * callers. No stored data is read; the inputs mirror the engine's calculators (Decimal strings for
 * money, ISO dates, enums) and every result carries its trace. Bad figures come back as
 * BAD_USER_INPUT errors naming the field.
 */
import {
  calculateDeveloperCompensation,
  calculateLandlordCompensation,
  calculateResidualValue,
  prefinancingServiceYears,
  type CompensationOptions,
  type PrefinancingServiceYears,
  type DeveloperCompensationResult,
  type Exclusion,
  type LandlordCompensationResult,
  type Regime,
  type ResidualValueResult,
  legalOptions,
} from "@abordable/domain";
import type { Decimal } from "decimal.js";
import { builder } from "../../schema/builder.js";
import { DedicatedSubCategoryEnum } from "../../schema/enums.js";
import type { Context } from "../../schema/context.js";
import { dedicatedCategoryOf } from "../adapters/inputs.js";
import { domainGraphQLError } from "../../schema/domain-errors.js";
import { badUserInput, computeOrBadInput, isUserFacingDomainError } from "../../schema/domain-errors.js";
import {
  CompensationComponentEnum,
  CompensationDeveloperKindEnum,
  CompensationLandlordKindEnum,
  CompensationOutcomeEnum,
  CompensationRegimeEnum,
} from "../types/enums.js";
import { ComponentSubtotalRef } from "../types/statement-parts.js";
import { LegalRegimeEnum, ParameterVersionRef as ParameterVersionUsedRef, RuleTraceRef, useInstead } from "../../schema/law.js";
import { cite, ComputationTraceRef, ParameterVersionRef } from "../types/trace.js";
import { REGIME_DEPRECATION, regimeOrBadInput } from "../../schema/regime-arg.js";
import { compensationIndexSeries, indexSeriesOf, type IndexSeriesSet } from "../../indices/series.js";
import { CapitalRateBoundsCheckRef, IndexPointUsedRef, indexPointsOf } from "../../indices/types.js";
import { capitalRateChecks } from "../adapters/rate-bounds.js";

// ───────────── shared inputs ─────────────

const MAX_AMOUNT = "1000000000000";

/**
 * Options from the input: the regime (`legalRegime`, or the deprecated `regime`; both given must agree)
 * and, for the bill, the caller's hypothetical entry-into-force date or the operator's; the index series
 * in use (built-in + operator values, loaded once per request) when given.
 */
export function optionsOf(
  input: { regime?: Regime | null; legalRegime?: Regime | null; bill8535EntryIntoForce?: string | null },
  ctx: Context,
  series?: IndexSeriesSet,
  fallback: Regime = "LAW",
): CompensationOptions {
  const regime = regimeOrBadInput(input, fallback);
  return {
    ...computeOrBadInput(
      () => legalOptions(ctx.legal, { regime, bill8535EntryIntoForce: input.bill8535EntryIntoForce ?? null }),
      ["regime", "legalRegime", "bill8535EntryIntoForce"],
    ),
    ...(series && { indexSeries: compensationIndexSeries(series) }),
  };
}

function money(value: Decimal | null | undefined, field: string, opts: { negative?: boolean } = {}): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!opts.negative && value.isNegative()) throw badUserInput(`${field} must not be negative (got ${value.toFixed()})`, `input.${field}`);
  if (value.abs().greaterThan(MAX_AMOUNT)) throw badUserInput(`${field} is implausibly large (at most ${MAX_AMOUNT})`, `input.${field}`);
  return value.toFixed();
}

function wholeNumber(value: number | null | undefined, field: string, max: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0 || value > max) throw badUserInput(`${field} must be between 0 and ${max} (got ${value})`, `input.${field}`);
  return value;
}

const CapitalInput = builder.inputType("CompensationCapitalInput", {
  description: "Capital of one part (land, or construction / renovation) of a dwelling (art. 13 §3).",
  fields: (t) => ({
    capitalInvested: t.field({ type: "Decimal", required: true, description: "Eligible costs invested, EUR." }),
    ownContribution: t.field({
      type: "Decimal",
      required: true,
      description: "The developer's own contribution to them, EUR (the capital taken into account is at most this).",
    }),
  }),
});

const CalculatorExclusionRef = builder.objectRef<Exclusion>("CompensationCalculatorExclusion").implement({
  description: "A component a rule left out of the computation, with the article that excludes it.",
  fields: (t) => ({
    component: t.field({ type: CompensationComponentEnum, description: "Component left out.", resolve: (e) => e.component }),
    reason: t.string({ description: "Why, in words.", resolve: (e) => e.reason }),
    article: t.string({ description: "The excluding article.", resolve: (e) => e.article }),
  }),
});

// ───────────── developer ─────────────

const DeveloperInput = builder.inputType("CalculateDeveloperCompensationInput", {
  description: "One dwelling's developer compensation for one month (art. 13; RGD 2024 art. 1-2), from figures only.",
  fields: (t) => ({
    regime: t.field({
      type: CompensationRegimeEnum,
      required: false,
      deprecationReason: REGIME_DEPRECATION,
      description: "Regime (default LAW). Deprecated: give legalRegime; both given must agree.",
    }),
    legalRegime: t.field({
      type: LegalRegimeEnum,
      required: false,
      description: "Régime légal to compute under (loi du 7 août 2023, or bill 8535); default LAW.",
    }),
    bill8535EntryIntoForce: t.field({
      type: "Date",
      required: false,
      description: "BILL_8535: the bill's entry into force to assume (default: the operator's setting).",
    }),
    developerKind: t.field({ type: CompensationDeveloperKindEnum, required: true, description: "Who the developer is (art. 13 §2-3 exclusions)." }),
    conventionSignedOn: t.field({ type: "Date", required: true, description: "Signature of the convention (RGD 2024 amounts and rates of that date)." }),
    firstLettingDate: t.field({
      type: "Date",
      required: true,
      description: "First letting of the dwelling (start of public service; service years count from its month).",
    }),
    month: t.field({ type: "Month", required: true, description: "The month to compute." }),
    letUntil: t.field({ type: "Date", required: false, description: "End of the letting (exclusive), if it stops." }),
    accommodationUnits: t.int({
      required: false,
      description: "Bill: number of accommodation units let (all from the first letting); 0 or absent = the dwelling as a whole.",
    }),
    dedicatedTo: t.field({
      type: DedicatedSubCategoryEnum,
      required: false,
      description: "Dedicated sub-category (law: international protection has no operating cover).",
    }),
    land: t.field({ type: CapitalInput, required: false, description: "Land capital (art. 13 §3)." }),
    construction: t.field({ type: CapitalInput, required: false, description: "Construction or renovation capital (art. 13 §3)." }),
    bankLoanPrefinancing: t.boolean({
      required: false,
      description: "Own contribution prefinanced by a bank loan, staggering requested (RGD 2024 art. 2 al. 3).",
    }),
    emphyteusisFeesReceivedPerYear: t.field({
      type: "Decimal",
      required: false,
      description: "Bill: annual emphyteusis fees received for the land (deducted, art. 17 §1 al. 3).",
    }),
    usefulLivingAreaM2: t.field({ type: "Decimal", required: false, description: "Useful living area, m2 (Fonds du Logement indemnity, bill art. 13 §3bis)." }),
    fondsDuLogementIndemnityRequested: t.boolean({ required: false, description: "Bill art. 13 §3bis: the Fonds du Logement requested the indemnity." }),
    managedByAnotherLandlord: t.boolean({ required: false, description: "Bill art. 13 §3bis: another landlord manages the dwelling." }),
  }),
});

const DeveloperResultRef = builder
  .objectRef<{
    result: DeveloperCompensationResult;
    regime: Regime;
    options: CompensationOptions;
    conventionSignedOn: string;
  }>("DeveloperCompensationCalculation")
  .implement({
    description: "A developer's compensation for one dwelling and one month, with its trace.",
    fields: (t) => ({
      regime: t.field({
        type: CompensationRegimeEnum,
        description: "Regime computed under.",
        deprecationReason: useInstead("legalRegime"),
        resolve: (r) => r.regime,
      }),
      legalRegime: t.field({
        type: LegalRegimeEnum,
        description: "Régime légal the figure was computed under (loi du 7 août 2023 or bill 8535).",
        resolve: (r) => r.regime,
      }),
      month: t.field({ type: "Month", description: "Month computed.", resolve: (r) => r.result.month }),
      serviceYear: t.int({ description: "Service year of the month (1 from the first letting's month; 0 before it).", resolve: (r) => r.result.serviceYear }),
      total: t.field({
        type: "Decimal",
        description: "Compensation of the month, two decimals (sum of the rounded components).",
        resolve: (r) => r.result.total,
      }),
      components: t.field({ type: [ComponentSubtotalRef], description: "Amount per component.", resolve: (r) => [...r.result.components] }),
      exclusions: t.field({
        type: [CalculatorExclusionRef],
        description: "Components left out, with the excluding article.",
        resolve: (r) => [...r.result.exclusions],
      }),
      parameterVersions: t.field({
        type: [ParameterVersionRef],
        description: "Parameter versions used.",
        deprecationReason: useInstead("parameters"),
        resolve: (r) => Object.entries(r.result.parameters).map(([key, version]) => ({ key, version })),
      }),
      parameters: t.field({
        type: [ParameterVersionUsedRef],
        description: "Parameter versions used (versions datées des paramètres légaux).",
        resolve: (r) => Object.values(r.result.parameters),
      }),
      trace: t.field({
        type: ComputationTraceRef,
        description: "The computation: one step per line (rule, article, inputs, parameter versions, amount).",
        deprecationReason: useInstead("ruleTrace"),
        resolve: (r) => r.result.trace,
      }),
      ruleTrace: t.field({
        type: RuleTraceRef,
        description: "The computation: one step per line (rule, article, inputs, parameter versions, amount).",
        resolve: (r) => r.result.trace,
      }),
      indexPointsUsed: t.field({
        type: [IndexPointUsedRef],
        description:
          "Index values used (« cote d'application » for the capital indexation, art. 13 §5), each with its source and `unconfirmed` when resolved after its series' knownUntil.",
        resolve: (r) => indexPointsOf(r.result.lines).points,
      }),
      unconfirmedIndexAfter: t.field({
        type: "Date",
        nullable: true,
        description:
          "Set when the figure rests on an index value resolved after its series' « known until » day (this day): a later tranche may already apply. Null when every index value used is confirmed.",
        resolve: (r) => indexPointsOf(r.result.lines).unconfirmedAfter,
      }),
      capitalRateBounds: t.field({
        type: [CapitalRateBoundsCheckRef],
        description:
          "Law art. 13 §4: each capital remuneration rate used (land, construction) against the bounds on the « taux à court terme de la BCE » (€STR) of the convention's signature day; flagged when breached, when the €STR is missing or unconfirmed. Empty without capital lines.",
        resolve: (r) => capitalRateChecks(r.result.lines, r.conventionSignedOn, r.options),
      }),
    }),
  });

builder.queryField("calculateDeveloperCompensation", (t) =>
  t.field({
    type: DeveloperResultRef,
    description: "What a developer's compensation would be for one dwelling and one month (art. 13). Public: no API key needed, no stored data read.",
    args: { input: t.arg({ type: DeveloperInput, required: true, description: "The figures." }) },
    resolve: async (_r, { input }, ctx) => {
      const options = optionsOf(input, ctx, await indexSeriesOf(ctx));
      const units = wholeNumber(input.accommodationUnits, "accommodationUnits", 100);
      const capital = (c: typeof input.land, field: string) =>
        c
          ? { capitalInvested: money(c.capitalInvested, `${field}.capitalInvested`)!, ownContribution: money(c.ownContribution, `${field}.ownContribution`)! }
          : undefined;
      const land = capital(input.land, "land");
      const construction = capital(input.construction, "construction");
      const fees = money(input.emphyteusisFeesReceivedPerYear, "emphyteusisFeesReceivedPerYear");
      const area = money(input.usefulLivingAreaM2, "usefulLivingAreaM2");
      if (input.letUntil && input.letUntil < input.firstLettingDate) throw badUserInput("letUntil must not precede firstLettingDate", "input.letUntil");
      const result = computeOrBadInput(
        () =>
          calculateDeveloperCompensation(
            {
              developerKind: input.developerKind,
              conventionSignedOn: input.conventionSignedOn,
              firstLettingDate: input.firstLettingDate,
              month: input.month,
              letUntil: input.letUntil ?? null,
              ...(units !== undefined && { accommodationUnits: units }),
              dedicatedTo: dedicatedCategoryOf(input.dedicatedTo ?? null),
              ...(land && { land }),
              ...(construction && { construction }),
              ...(input.bankLoanPrefinancing && { bankLoanPrefinancing: true }),
              ...(fees !== undefined && { emphyteusisFeesReceivedPerYear: fees }),
              ...(area !== undefined && { usefulLivingAreaM2: area }),
              ...(input.fondsDuLogementIndemnityRequested != null && {
                fondsDuLogementIndemnity: {
                  requested: input.fondsDuLogementIndemnityRequested,
                  managedByAnotherLandlord: input.managedByAnotherLandlord ?? false,
                },
              }),
            },
            options,
          ),
        ["conventionSignedOn", "firstLettingDate", "month", "letUntil", "accommodationUnits", "usefulLivingAreaM2", "bill8535EntryIntoForce"],
      );
      return { result, regime: options.regime, options, conventionSignedOn: input.conventionSignedOn };
    },
  }),
);

// ───────────── landlord ─────────────

const PartialMonthInput = builder.inputType("CompensationPartialMonthInput", {
  description: "A month partly in the stock: the flat is prorated (actual days over days in the month).",
  fields: (t) => ({
    days: t.int({ required: true, description: "Days carrying the flat." }),
    daysInMonth: t.int({ required: true, description: "Days of that month (28-31)." }),
  }),
});

const LandlordInput = builder.inputType("CalculateLandlordCompensationInput", {
  description:
    "A landlord's yearly compensation from totals (art. 40 §1; RGD 2024 art. 3): (rent paid to the developer + management flats) − (rents received + ancillary rents). The ministry's example: 4,000 + 12 × 300 − 5,000 = 2,600.",
  fields: (t) => ({
    regime: t.field({
      type: CompensationRegimeEnum,
      required: false,
      deprecationReason: REGIME_DEPRECATION,
      description: "Regime (default LAW). Deprecated: give legalRegime; both given must agree.",
    }),
    legalRegime: t.field({
      type: LegalRegimeEnum,
      required: false,
      description: "Régime légal to compute under (loi du 7 août 2023, or bill 8535); default LAW.",
    }),
    bill8535EntryIntoForce: t.field({
      type: "Date",
      required: false,
      description: "BILL_8535: the bill's entry into force to assume (default: the operator's setting).",
    }),
    landlordKind: t.field({ type: CompensationLandlordKindEnum, required: true, description: "Who the landlord is (art. 40 §4, §5)." }),
    conventionSignedOn: t.field({ type: "Date", required: true, description: "Signature of the landlord's convention (RGD 2024 art. 3 flat of that date)." }),
    asOf: t.field({ type: "Date", required: true, description: "A day of the compensated period (the art. 40 §5 rule and the flat are evaluated for it)." }),
    rentPaidToDeveloper: t.field({ type: "Decimal", required: true, description: "Rent paid to the developer over the period, EUR." }),
    tenantRents: t.field({ type: "Decimal", required: true, description: "Rents received from tenants over the period, EUR." }),
    ancillaryRents: t.field({ type: "Decimal", required: false, description: "Rents of ancillary areas over the period, EUR." }),
    managementFlatMonths: t.int({ required: true, description: "Full dwelling-months (bill: or unit-months) carrying the management flat." }),
    partialMonths: t.field({ type: [PartialMonthInput], required: false, description: "Partial months, each prorated." }),
    dedicatedTo: t.field({ type: DedicatedSubCategoryEnum, required: false, description: "Dedicated sub-category (art. 40 §5: no flat for some)." }),
  }),
});

const LandlordResultRef = builder.objectRef<{ result: LandlordCompensationResult; regime: Regime }>("LandlordCompensationCalculation").implement({
  description: "A landlord's compensation from yearly totals, with its trace.",
  fields: (t) => ({
    regime: t.field({
      type: CompensationRegimeEnum,
      description: "Regime computed under.",
      deprecationReason: useInstead("legalRegime"),
      resolve: (r) => r.regime,
    }),
    legalRegime: t.field({
      type: LegalRegimeEnum,
      description: "Régime légal the figure was computed under (loi du 7 août 2023 or bill 8535).",
      resolve: (r) => r.regime,
    }),
    rentPaidToDeveloper: t.field({ type: "Decimal", description: "Rent paid to the developer, two decimals.", resolve: (r) => r.result.rentPaidToDeveloper }),
    managementFlats: t.field({
      type: "Decimal",
      description: "Management flats, two decimals (0 when art. 40 §5 excludes them).",
      resolve: (r) => r.result.managementFlats,
    }),
    tenantRents: t.field({ type: "Decimal", description: "Rents received from tenants, two decimals.", resolve: (r) => r.result.tenantRents }),
    ancillaryRents: t.field({ type: "Decimal", description: "Rents of ancillary areas, two decimals.", resolve: (r) => r.result.ancillaryRents }),
    compensation: t.field({
      type: "Decimal",
      description: "(rent paid + flats) − (tenant rents + ancillary rents); negative = surplus owed to the State.",
      resolve: (r) => r.result.compensation,
    }),
    outcome: t.field({
      type: CompensationOutcomeEnum,
      description: "Compensation due, surplus owed to the State, balanced, or excluded (Fonds du Logement).",
      resolve: (r) => r.result.outcome,
    }),
    surplusOwedToState: t.field({
      type: "Decimal",
      description: 'Surplus to repay to the State, "0.00" when none.',
      resolve: (r) => r.result.surplusOwedToState,
    }),
    indexPointsUsed: t.field({
      type: [IndexPointUsedRef],
      description: "Index values used, each with its source and `unconfirmed` (the RGD 2024 art. 3 flat is not indexed: usually empty).",
      resolve: (r) => indexPointsOf([r.result.trace]).points,
    }),
    unconfirmedIndexAfter: t.field({
      type: "Date",
      nullable: true,
      description:
        "Set when the figure rests on an index value resolved after its series' « known until » day (this day); null when every index value used is confirmed.",
      resolve: (r) => indexPointsOf([r.result.trace]).unconfirmedAfter,
    }),
    trace: t.field({
      type: ComputationTraceRef,
      description: "The computation (rule, articles, inputs, parameter versions, result).",
      deprecationReason: useInstead("ruleTrace"),
      resolve: (r) => r.result.trace,
    }),
    ruleTrace: t.field({
      type: RuleTraceRef,
      description: "The computation (rule, articles, inputs, parameter versions, result).",
      resolve: (r) => r.result.trace,
    }),
  }),
});

builder.queryField("calculateLandlordCompensation", (t) =>
  t.field({
    type: LandlordResultRef,
    description: "What a landlord's compensation would be from yearly totals (art. 40 §1). Public: no API key needed, no stored data read.",
    args: { input: t.arg({ type: LandlordInput, required: true, description: "The figures." }) },
    resolve: async (_r, { input }, ctx) => {
      const options = optionsOf(input, ctx, await indexSeriesOf(ctx));
      const months = wholeNumber(input.managementFlatMonths, "managementFlatMonths", 1_000_000)!;
      const partial = (input.partialMonths ?? []).map((m, i) => {
        if (m.daysInMonth < 28 || m.daysInMonth > 31)
          throw badUserInput(`partialMonths[${i}].daysInMonth must be 28 to 31 (got ${m.daysInMonth})`, `input.partialMonths.${i}.daysInMonth`);
        if (m.days < 0 || m.days > m.daysInMonth)
          throw badUserInput(`partialMonths[${i}].days must be between 0 and ${m.daysInMonth} (got ${m.days})`, `input.partialMonths.${i}.days`);
        return { days: m.days, daysInMonth: m.daysInMonth };
      });
      const result = computeOrBadInput(
        () =>
          calculateLandlordCompensation(
            {
              landlordKind: input.landlordKind,
              conventionSignedOn: input.conventionSignedOn,
              asOf: input.asOf,
              rentPaidToDeveloper: money(input.rentPaidToDeveloper, "rentPaidToDeveloper")!,
              tenantRents: money(input.tenantRents, "tenantRents")!,
              ...(input.ancillaryRents != null && { ancillaryRents: money(input.ancillaryRents, "ancillaryRents")! }),
              managementFlatMonths: months,
              partialMonths: partial,
              dedicatedTo: dedicatedCategoryOf(input.dedicatedTo ?? null),
            },
            options,
          ),
        ["conventionSignedOn", "asOf", "bill8535EntryIntoForce"],
      );
      return { result, regime: options.regime };
    },
  }),
);

// ───────────── residual value ─────────────

const PrefinancingYearInput = builder.inputType("CompensationPrefinancingYearInput", {
  description: "A service year paid with the prefinancing coefficient (RGD 2024 art. 2 al. 3).",
  fields: (t) => ({
    serviceYear: t.int({ required: true, description: "Service year (1 = the first letting's twelve months)." }),
    remunerationWithoutCoefficient: t.field({ type: "Decimal", required: true, description: "The year's capital remuneration before the coefficient, EUR." }),
  }),
});

const ResidualInput = builder.inputType("CalculateResidualValueInput", {
  description:
    "Residual value of the State's financial participation on a sale (bill annex IV): VRPF = (1 − AE/DC) × (PFA/CT) × PV, plus prefinancing already paid.",
  fields: (t) => ({
    regime: t.field({
      type: CompensationRegimeEnum,
      required: false,
      deprecationReason: REGIME_DEPRECATION,
      description: "Regime (default BILL_8535). Deprecated: give legalRegime; both given must agree.",
    }),
    legalRegime: t.field({
      type: LegalRegimeEnum,
      required: false,
      description: "Régime légal to compute under (loi du 7 août 2023, or bill 8535); default BILL_8535.",
    }),
    bill8535EntryIntoForce: t.field({ type: "Date", required: false, description: "The bill's entry into force to assume (default: the operator's setting)." }),
    date: t.field({ type: "Date", required: true, description: "Date of the sale (annex IV applies from the bill's entry into force)." }),
    fullYearsOfService: t.int({ required: false, description: "AE: full years of public service performed (or give serviceStart)." }),
    serviceStart: t.field({ type: "Date", required: false, description: "Start of public service; AE is then counted to `date`." }),
    conventionYears: t.int({ required: true, description: "DC: initial length of the convention, in years." }),
    stateParticipation: t.field({ type: "Decimal", required: true, description: "PFA: the State's financial participation, land included, EUR." }),
    totalCost: t.field({ type: "Decimal", required: true, description: "CT: initial total cost including land brought, EUR." }),
    salePrice: t.field({ type: "Decimal", required: true, description: "PV: sale price, EUR." }),
    prefinancingAdvance: t.field({
      type: "Decimal",
      required: false,
      description: "Net prefinancing advance already received, EUR (or give prefinancingYearsPaid).",
    }),
    prefinancingConventionSignedOn: t.field({
      type: "Date",
      required: false,
      description: "Signature of the convention (coefficients of that date), with prefinancingYearsPaid.",
    }),
    prefinancingYearsPaid: t.field({ type: [PrefinancingYearInput], required: false, description: "Years paid with the coefficient." }),
  }),
});

const ResidualResultRef = builder.objectRef<{ result: ResidualValueResult; regime: Regime }>("ResidualValueCalculation").implement({
  description: "Residual value to repay on a sale (bill annex IV), with its trace.",
  fields: (t) => ({
    regime: t.field({
      type: CompensationRegimeEnum,
      description: "Regime computed under.",
      deprecationReason: useInstead("legalRegime"),
      resolve: (r) => r.regime,
    }),
    legalRegime: t.field({
      type: LegalRegimeEnum,
      description: "Régime légal the figure was computed under (loi du 7 août 2023 or bill 8535).",
      resolve: (r) => r.regime,
    }),
    formulaValue: t.field({ type: "Decimal", description: "(1 − AE/DC) × (PFA/CT) × PV, to the cent.", resolve: (r) => r.result.formulaValue }),
    prefinancingAdvance: t.field({
      type: "Decimal",
      description: "Net prefinancing advance added, to the cent.",
      resolve: (r) => r.result.prefinancingAdvance,
    }),
    residualValue: t.field({ type: "Decimal", description: "VRPF to repay: formulaValue + prefinancingAdvance.", resolve: (r) => r.result.residualValue }),
    trace: t.field({
      type: ComputationTraceRef,
      description: "The computation (rule, article, inputs, result, steps).",
      deprecationReason: useInstead("ruleTrace"),
      resolve: (r) => r.result.trace,
    }),
    ruleTrace: t.field({ type: RuleTraceRef, description: "The computation (rule, article, inputs, result, steps).", resolve: (r) => r.result.trace }),
  }),
});

builder.queryField("calculateResidualValue", (t) =>
  t.field({
    type: ResidualResultRef,
    description: "What the residual value of the State's participation would be on a sale (bill annex IV). Public: no API key needed, no stored data read.",
    args: { input: t.arg({ type: ResidualInput, required: true, description: "The figures." }) },
    resolve: (_r, { input }, ctx) => {
      const options = optionsOf(input, ctx, undefined, "BILL_8535");
      if ((input.fullYearsOfService == null) === (input.serviceStart == null))
        throw badUserInput("Give exactly one of fullYearsOfService and serviceStart", "input.fullYearsOfService");
      if (input.prefinancingAdvance != null && input.prefinancingYearsPaid != null)
        throw badUserInput("Give prefinancingAdvance or prefinancingYearsPaid, not both", "input.prefinancingAdvance");
      if (input.prefinancingYearsPaid != null && input.prefinancingConventionSignedOn == null)
        throw badUserInput("prefinancingYearsPaid needs prefinancingConventionSignedOn", "input.prefinancingConventionSignedOn");
      // The service years the coefficient covers come from its bracket scale (RGD 2024 art. 2 al. 3: 1 to 40), for the convention's date.
      let covered: PrefinancingServiceYears | null = null;
      if (input.prefinancingYearsPaid != null)
        try {
          covered = prefinancingServiceYears(input.prefinancingConventionSignedOn!, options);
        } catch (e) {
          if (isUserFacingDomainError(e)) throw domainGraphQLError(e, { field: "input.prefinancingConventionSignedOn" });
          throw e;
        }
      const years = (input.prefinancingYearsPaid ?? []).map((y, i) => {
        if (covered && ((covered.first !== null && y.serviceYear < covered.first) || (covered.last !== null && y.serviceYear > covered.last)))
          throw badUserInput(
            `prefinancingYearsPaid[${i}].serviceYear must be ${covered.first ?? "…"} to ${covered.last ?? "…"}: the service years of ${covered.version.parameterId} (${cite(covered.version.reference)}) for a convention signed on ${input.prefinancingConventionSignedOn}`,
            `input.prefinancingYearsPaid.${i}.serviceYear`,
          );
        return {
          serviceYear: y.serviceYear,
          remunerationWithoutCoefficient: money(y.remunerationWithoutCoefficient, `prefinancingYearsPaid.${i}.remunerationWithoutCoefficient`)!,
        };
      });
      const prefinancing =
        input.prefinancingAdvance != null
          ? { advance: money(input.prefinancingAdvance, "prefinancingAdvance")! }
          : input.prefinancingYearsPaid != null
            ? { conventionSignedOn: input.prefinancingConventionSignedOn!, yearsPaid: years }
            : undefined;
      const result = computeOrBadInput(
        () =>
          calculateResidualValue(
            {
              date: input.date,
              ...(input.fullYearsOfService != null && { fullYearsOfService: wholeNumber(input.fullYearsOfService, "fullYearsOfService", 200)! }),
              ...(input.serviceStart != null && { serviceStart: input.serviceStart }),
              conventionYears: input.conventionYears,
              stateParticipation: money(input.stateParticipation, "stateParticipation")!,
              totalCost: money(input.totalCost, "totalCost")!,
              salePrice: money(input.salePrice, "salePrice")!,
              ...(prefinancing && { prefinancing }),
            },
            options,
          ),
        ["date", "conventionYears", "totalCost", "stateParticipation", "salePrice", "bill8535EntryIntoForce"],
      );
      return { result, regime: options.regime };
    },
  }),
);
