/**
 * GraphQL types of an affordable-rent computation (law art. 60, annex III): `AffordableRentComputation`
 * with its figures, each with the rule, articles and parameter versions that produced it.
 */
import { type LegalReference, type ParameterVersionUsed } from "@abordable/domain";
import { builder } from "../../schema/builder.js";
import { LegalReferenceRef, LegalRegimeEnum, ParameterVersionRef, RuleTraceRef } from "../adapters/common.js";
import type { RentComputationRecord } from "../adapters/rent.js";
import { IndexPointUsedRef, indexPointsOf } from "../../indices/types.js";

interface Figure {
  name: string;
  value: string;
  ruleId: string;
  references: readonly LegalReference[];
  parameters: readonly ParameterVersionUsed[];
}

const EffortBandEnum = builder.enumType("EffortBand", {
  description: "Where the household's income stands on the annex III effort scale.",
  values: {
    BELOW_LOW_INCOME: { description: "At or below the low-income threshold: 10 % effort rate (and the commission-advised flat rent may apply below it)." },
    SLIDING: { description: "Between the thresholds: 10 % + (RND − low) / (max − low) × 25 %." },
    MAX_EFFORT: { description: "At or above the max-effort threshold: 35 %." },
  } as const,
});

const RentFigureRef = builder.objectRef<Figure>("RentFigure").implement({
  description: "One figure of an affordable-rent computation with the rule, articles and parameter versions that produced it.",
  fields: (t) => ({
    name: t.string({ description: 'Figure name, e.g. "effortRate", "grossMonthly", "energyFlat", "netMonthly".', resolve: (f) => f.name }),
    value: t.field({ type: "Decimal", description: "Exact value (unrounded except the final net rent).", resolve: (f) => f.value }),
    ruleId: t.string({ description: "Rule of the domain engine that produced it.", resolve: (f) => f.ruleId }),
    references: t.field({ type: [LegalReferenceRef], description: "Articles applied.", resolve: (f) => [...f.references] }),
    parameters: t.field({ type: [ParameterVersionRef], description: "Parameter versions used by that rule.", resolve: (f) => [...f.parameters] }),
  }),
});

function figures(r: RentComputationRecord): Figure[] {
  const steps = r.trace.steps ?? [];
  const by = (ruleId: string) => steps.find((s) => s.ruleId === ruleId);
  const fig = (name: string, value: string, ruleId: string): Figure => {
    const s = by(ruleId);
    return { name, value, ruleId, references: s?.references ?? r.trace.references, parameters: s?.parameters ?? [] };
  };
  return [
    fig("lowIncomeThreshold", r.lowIncome, "tenancy.rent.thresholds"),
    fig("maxEffortThreshold", r.maxEffort, "tenancy.rent.thresholds"),
    fig("rentCeilingThreshold", r.rentCeiling, "tenancy.rent.thresholds"),
    fig("effortRate", r.effortRate, "tenancy.rent.effortRate"),
    fig("grossAnnualUncapped", r.grossAnnualUncapped, "tenancy.rent.grossCap"),
    fig("grossAnnualCap", r.grossAnnualCap, "tenancy.rent.grossCap"),
    fig("grossMonthly", r.grossMonthly, "tenancy.rent.grossMonthly"),
    fig("noEquippedKitchenAdjustment", r.noEquippedKitchen, "tenancy.rent.equipmentAdjustments"),
    fig("noOutdoorSpaceAdjustment", r.noOutdoorSpace, "tenancy.rent.equipmentAdjustments"),
    fig("houseAdjustment", r.house, "tenancy.rent.equipmentAdjustments"),
    fig("energyFlat", r.energyFlat, "tenancy.rent.energyFlat"),
    fig("netMonthlyUnrounded", r.netMonthlyUnrounded, "tenancy.rent.netMonthly"),
    fig("netMonthly", r.netMonthly, "tenancy.rent.netMonthly"),
  ];
}

export const AffordableRentRef = builder.objectRef<RentComputationRecord>("AffordableRentComputation").implement({
  description:
    "An affordable-rent computation (law art. 60, annex III): every figure exact, with the rule, article and parameter version behind it. Only the final monthly net rent is rounded (to the cent).",
  fields: (t) => ({
    regime: t.field({ type: LegalRegimeEnum, description: "Regime applied.", resolve: (r) => r.regime }),
    asOf: t.field({
      type: "Date",
      description: "Calculation date (allocation or revision date): table A and B are read at the cote in force then.",
      resolve: (r) => r.asOf,
    }),
    annualNetDisposableIncome: t.field({
      type: "Decimal",
      description: "Annual net disposable income (RND, art. 56) used, EUR.",
      resolve: (r) => r.annualNetDisposableIncome,
    }),
    adults: t.int({ description: "Adults counted for table A (14 or more on 1 January of the calculation year).", resolve: (r) => r.adults }),
    children: t.int({ description: "Children counted for table A (under 14 on 1 January).", resolve: (r) => r.children }),
    cote: t.field({ type: "Decimal", description: "Cote d'application of the index in force on the calculation date.", resolve: (r) => r.cote }),
    lowIncomeThreshold: t.field({ type: "Decimal", description: "Low-income threshold of table A, indexed (annual, EUR).", resolve: (r) => r.lowIncome }),
    maxEffortThreshold: t.field({ type: "Decimal", description: "Max-effort threshold of table A, indexed (annual, EUR).", resolve: (r) => r.maxEffort }),
    rentCeilingThreshold: t.field({ type: "Decimal", description: "Rent-ceiling threshold of table A, indexed (annual, EUR).", resolve: (r) => r.rentCeiling }),
    band: t.field({ type: EffortBandEnum, description: "Band of the effort scale.", resolve: (r) => r.band as "SLIDING" }),
    effortRate: t.field({ type: "Decimal", description: "Effort rate as a fraction (0.225 = 22.5 %).", resolve: (r) => r.effortRate }),
    grossAnnualUncapped: t.field({ type: "Decimal", description: "RND × effort rate, before the cap (annual, EUR).", resolve: (r) => r.grossAnnualUncapped }),
    grossAnnualCap: t.field({
      type: "Decimal",
      description: "Cap: 35 % of the rent-ceiling threshold (annex III 1° b), annual, EUR.",
      resolve: (r) => r.grossAnnualCap,
    }),
    capApplied: t.boolean({ description: "The cap binds.", resolve: (r) => r.capApplied }),
    flatApplied: t.boolean({ description: "The commission-advised flat gross rent replaced the formula (art. 60 §2 al. 2).", resolve: (r) => r.flatApplied }),
    grossMonthly: t.field({ type: "Decimal", description: "Monthly gross affordable rent, unrounded, EUR.", resolve: (r) => r.grossMonthly }),
    adjustmentRate: t.field({
      type: "Decimal",
      description: "Sum of the equipment and house adjustments as a fraction of the gross rent.",
      resolve: (r) => r.adjustmentRate,
    }),
    energyFlat: t.field({
      type: "Decimal",
      description: "Monthly energy flat deducted (table B), EUR; 0 when it does not apply.",
      resolve: (r) => r.energyFlat,
    }),
    netMonthlyUnrounded: t.field({ type: "Decimal", description: "Monthly net rent before rounding, EUR.", resolve: (r) => r.netMonthlyUnrounded }),
    netMonthly: t.field({
      type: "Decimal",
      description: "Monthly affordable net rent (loyer abordable), rounded once to the cent, EUR.",
      resolve: (r) => r.netMonthly,
    }),
    indexPointsUsed: t.field({
      type: [IndexPointUsedRef],
      description:
        "Index values used (« cote d'application de l'échelle mobile des salaires » of table A and, when the energy flat applies, table B; law art. 60, annexe III), each with its source (built in or recorded by an operator) and `unconfirmed` when resolved after its series' knownUntil.",
      resolve: (r) => indexPointsOf([{ indices: r.trace.indices ?? [] }]).points,
    }),
    unconfirmedIndexAfter: t.field({
      type: "Date",
      nullable: true,
      description:
        "Set when the rent rests on an index value resolved after its series' « known until » day (this day): a later tranche of the cote may already apply. Null when every index value used is confirmed. Operators confirm values with recordIndexValue.",
      resolve: (r) => indexPointsOf([{ indices: r.trace.indices ?? [] }]).unconfirmedAfter,
    }),
    figures: t.field({ type: [RentFigureRef], description: "Every figure with its rule, articles and parameter versions.", resolve: (r) => figures(r) }),
    parameters: t.field({ type: [ParameterVersionRef], description: "Every parameter version the computation used.", resolve: (r) => [...r.trace.parameters] }),
    trace: t.field({ type: RuleTraceRef, description: "The full computation trace, step by step.", resolve: (r) => r.trace }),
  }),
});
