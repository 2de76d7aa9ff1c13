/**
 * The affordable rent (law art. 60, annex III): the public what-if query and the stored
 * computation of a lease. A computation is stored (Lease.rentComputation, RentRevision.computation)
 * as a `RentComputationRecord`: every figure as a decimal string plus the domain's full trace, so
 * that what the API returns later is exactly what was computed when the rent was set.
 */
import { computeAffordableRent, householdIncome as domainHouseholdIncome, type AffordableRentInput, type AffordableRentResult, type ComputationTrace, type Household, type LegalReference, type ParameterVersionUsed, type RegimeOptions } from "@abordable/domain";
import { GraphQLError } from "graphql";
import type { Decimal } from "decimal.js";
import { builder } from "../schema/builder.js";
import { LegalReferenceRef, LegalRegimeEnum, ParameterVersionRef, regimeOrThrow, RuleTraceRef, todayIso, type Regime } from "./common.js";

export interface RentDwellingFacts {
  equippedKitchen: boolean;
  outdoorSpace: boolean;
  isHouse: boolean;
  firstOccupiedOn: string;
  energyRenovated: boolean;
  usefulLivingAreaM2: string;
}

/** What is stored in Lease.rentComputation and RentRevision.computation (JSON). */
export interface RentComputationRecord {
  kind: "AFFORDABLE_RENT";
  regime: Regime;
  asOf: string;
  annualNetDisposableIncome: string;
  adults: number;
  children: number;
  dwelling: RentDwellingFacts;
  flatGrossMonthlyRent: string | null;
  cote: string;
  lowIncome: string;
  maxEffort: string;
  rentCeiling: string;
  band: string;
  effortRate: string;
  grossAnnualUncapped: string;
  grossAnnualCap: string;
  capApplied: boolean;
  flatApplied: boolean;
  grossMonthly: string;
  adjustmentRate: string;
  noEquippedKitchen: string;
  noOutdoorSpace: string;
  house: string;
  energyFlat: string;
  netMonthlyUnrounded: string;
  netMonthly: string;
  trace: ComputationTrace;
}

export function toRecord(r: AffordableRentResult, input: { annualNetDisposableIncome: string; dwelling: RentDwellingFacts; flatGrossMonthlyRent?: string | undefined }, asOf: string, options: RegimeOptions): RentComputationRecord {
  return {
    kind: "AFFORDABLE_RENT",
    regime: options.regime,
    asOf,
    annualNetDisposableIncome: input.annualNetDisposableIncome,
    adults: r.household.adults,
    children: r.household.children,
    dwelling: input.dwelling,
    flatGrossMonthlyRent: input.flatGrossMonthlyRent ?? null,
    cote: r.cote,
    lowIncome: r.thresholds.lowIncome.toString(),
    maxEffort: r.thresholds.maxEffort.toString(),
    rentCeiling: r.thresholds.rentCeiling.toString(),
    band: r.band,
    effortRate: r.effortRate.toString(),
    grossAnnualUncapped: r.grossAnnualUncapped.toString(),
    grossAnnualCap: r.grossAnnualCap.toString(),
    capApplied: r.capApplied,
    flatApplied: r.flatApplied,
    grossMonthly: r.grossMonthly.toString(),
    adjustmentRate: r.adjustmentRate.toString(),
    noEquippedKitchen: r.adjustments.noEquippedKitchen.toString(),
    noOutdoorSpace: r.adjustments.noOutdoorSpace.toString(),
    house: r.adjustments.house.toString(),
    energyFlat: r.energyFlat.toString(),
    netMonthlyUnrounded: r.netMonthlyUnrounded.toString(),
    netMonthly: r.netMonthly.toFixed(2),
    trace: r.trace,
  };
}

export interface RentRequest {
  annualNetDisposableIncome: string;
  household: { adults: number; children: number } | { birthDates: string[] };
  dwelling: RentDwellingFacts;
  flatGrossMonthlyRent?: string | undefined;
}

/** Art. 60 / annex III through the domain engine; throws the engine's errors (RangeError, parameter errors). */
export function computeRent(req: RentRequest, asOf: string, options: RegimeOptions): RentComputationRecord {
  const input: AffordableRentInput = {
    annualNetDisposableIncome: req.annualNetDisposableIncome,
    household: req.household,
    dwelling: req.dwelling,
    ...(req.flatGrossMonthlyRent !== undefined ? { flatGrossMonthlyRent: req.flatGrossMonthlyRent } : {}),
  };
  return toRecord(computeAffordableRent(input, asOf, options), req, asOf, options);
}

/** Dwelling features for annex III from a dwelling row (a unit lease uses the unit's useful area). */
export function rentDwellingOf(d: { type: string; hasEquippedKitchen: boolean; hasOutdoorSpace: boolean; firstOccupiedYear: number | null; energyRenovated: boolean; usefulArea: { toFixed(): string } }, fallbackFirstOccupiedOn: string, unitArea?: { toFixed(): string } | null): RentDwellingFacts {
  // Annex III 2° c): without the year of first occupation the energy flat cannot be decided; the
  // lease start is no stand-in for it (it silently skipped the flat). Only a renovated dwelling,
  // which never carries the flat, may go without it.
  if (!d.firstOccupiedYear && !d.energyRenovated)
    throw new RangeError("the dwelling's firstOccupiedYear is required: the energy flat (law art. 60 §5, annexe III 2° c) applies to dwellings first occupied before 1 January 1990 and not energy-renovated; enter the year of first occupation");
  return {
    equippedKitchen: d.hasEquippedKitchen,
    outdoorSpace: d.hasOutdoorSpace,
    isHouse: d.type === "HOUSE",
    // The year is what the register keeps; 1 January of it decides « avant le 1er janvier 1990 » exactly.
    firstOccupiedOn: d.firstOccupiedYear ? `${String(d.firstOccupiedYear).padStart(4, "0")}-01-01` : fallbackFirstOccupiedOn,
    energyRenovated: d.energyRenovated,
    usefulLivingAreaM2: (unitArea ?? d.usefulArea).toFixed(),
  };
}

/**
 * Art. 56 §3: the household's annual income for the rent on `asOf`, as the law kernel counts it
 * (`householdIncome`): family allowances included (only annex II leaves them out), a dependent
 * child's income ignored, a child in its first years of working life at 0, 25, 50 then 100 %.
 */
export function rentIncome(household: Household, asOf: string, options: RegimeOptions): string {
  return domainHouseholdIncome(household, asOf, options).annual.toFixed(2);
}

export function isRentRecord(v: unknown): v is RentComputationRecord {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "AFFORDABLE_RENT";
}

// ───────────── GraphQL ─────────────

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
    name: t.string({ description: "Figure name, e.g. \"effortRate\", \"grossMonthly\", \"energyFlat\", \"netMonthly\".", resolve: (f) => f.name }),
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
  description: "An affordable-rent computation (law art. 60, annex III): every figure exact, with the rule, article and parameter version behind it. Only the final monthly net rent is rounded (to the cent).",
  fields: (t) => ({
    regime: t.field({ type: LegalRegimeEnum, description: "Regime applied.", resolve: (r) => r.regime }),
    asOf: t.field({ type: "Date", description: "Calculation date (allocation or revision date): table A and B are read at the cote in force then.", resolve: (r) => r.asOf }),
    annualNetDisposableIncome: t.field({ type: "Decimal", description: "Annual net disposable income (RND, art. 56) used, EUR.", resolve: (r) => r.annualNetDisposableIncome }),
    adults: t.int({ description: "Adults counted for table A (14 or more on 1 January of the calculation year).", resolve: (r) => r.adults }),
    children: t.int({ description: "Children counted for table A (under 14 on 1 January).", resolve: (r) => r.children }),
    cote: t.field({ type: "Decimal", description: "Cote d'application of the index in force on the calculation date.", resolve: (r) => r.cote }),
    lowIncomeThreshold: t.field({ type: "Decimal", description: "Low-income threshold of table A, indexed (annual, EUR).", resolve: (r) => r.lowIncome }),
    maxEffortThreshold: t.field({ type: "Decimal", description: "Max-effort threshold of table A, indexed (annual, EUR).", resolve: (r) => r.maxEffort }),
    rentCeilingThreshold: t.field({ type: "Decimal", description: "Rent-ceiling threshold of table A, indexed (annual, EUR).", resolve: (r) => r.rentCeiling }),
    band: t.field({ type: EffortBandEnum, description: "Band of the effort scale.", resolve: (r) => r.band as "SLIDING" }),
    effortRate: t.field({ type: "Decimal", description: "Effort rate as a fraction (0.225 = 22.5 %).", resolve: (r) => r.effortRate }),
    grossAnnualUncapped: t.field({ type: "Decimal", description: "RND × effort rate, before the cap (annual, EUR).", resolve: (r) => r.grossAnnualUncapped }),
    grossAnnualCap: t.field({ type: "Decimal", description: "Cap: 35 % of the rent-ceiling threshold (annex III 1° b), annual, EUR.", resolve: (r) => r.grossAnnualCap }),
    capApplied: t.boolean({ description: "The cap binds.", resolve: (r) => r.capApplied }),
    flatApplied: t.boolean({ description: "The commission-advised flat gross rent replaced the formula (art. 60 §2 al. 2).", resolve: (r) => r.flatApplied }),
    grossMonthly: t.field({ type: "Decimal", description: "Monthly gross affordable rent, unrounded, EUR.", resolve: (r) => r.grossMonthly }),
    adjustmentRate: t.field({ type: "Decimal", description: "Sum of the equipment and house adjustments as a fraction of the gross rent.", resolve: (r) => r.adjustmentRate }),
    energyFlat: t.field({ type: "Decimal", description: "Monthly energy flat deducted (table B), EUR; 0 when it does not apply.", resolve: (r) => r.energyFlat }),
    netMonthlyUnrounded: t.field({ type: "Decimal", description: "Monthly net rent before rounding, EUR.", resolve: (r) => r.netMonthlyUnrounded }),
    netMonthly: t.field({ type: "Decimal", description: "Monthly affordable net rent (loyer abordable), rounded once to the cent, EUR.", resolve: (r) => r.netMonthly }),
    figures: t.field({ type: [RentFigureRef], description: "Every figure with its rule, articles and parameter versions.", resolve: (r) => figures(r) }),
    parameters: t.field({ type: [ParameterVersionRef], description: "Every parameter version the computation used.", resolve: (r) => [...r.trace.parameters] }),
    trace: t.field({ type: RuleTraceRef, description: "The full computation trace, step by step.", resolve: (r) => r.trace }),
  }),
});

// ───────────── the public what-if query ─────────────

const RentHouseholdInput = builder.inputType("RentHouseholdInput", {
  description: "The household as table A counts it: either adults and children, or every member's birth date (counted on 1 January of the calculation year).",
  fields: (t) => ({
    adults: t.int({ required: false, description: "Members aged 14 or more on 1 January (at least 1)." }),
    children: t.int({ required: false, description: "Members under 14 on 1 January." }),
    birthDates: t.field({ type: ["Date"], required: false, description: "Every member's birth date, instead of the counts." }),
  }),
});

const RentDwellingInput = builder.inputType("RentDwellingInput", {
  description: "The dwelling's features annex III 2° adjusts the rent by.",
  fields: (t) => ({
    equippedKitchen: t.boolean({ required: true, description: "Equipped kitchen (without: −2.5 %)." }),
    outdoorSpace: t.boolean({ required: true, description: "Balcony, terrace or private garden (without: −2.5 %)." }),
    isHouse: t.boolean({ required: true, description: "A house (+10 %)." }),
    firstOccupiedOn: t.field({ type: "Date", required: true, description: "Date of first occupation (energy flat before 1990-01-01 unless renovated)." }),
    energyRenovated: t.boolean({ required: true, description: "Energy renovation to class D or better." }),
    usefulArea: t.field({ type: "Decimal", required: true, description: "Useful living area, m2 (table B bracket)." }),
  }),
});

const AffordableRentInputRef = builder.inputType("AffordableRentInput", {
  description: "A what-if affordable-rent computation (law art. 60, annex III).",
  fields: (t) => ({
    annualNetDisposableIncome: t.field({ type: "Decimal", required: true, description: "Annual net disposable income of the household (RND, art. 56), EUR." }),
    household: t.field({ type: RentHouseholdInput, required: true, description: "Household composition." }),
    dwelling: t.field({ type: RentDwellingInput, required: true, description: "Dwelling features." }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once its entry into force is set, else the law). The rent rules are the same in both." }),
    asOf: t.field({ type: "Date", required: false, description: "Calculation date (default today)." }),
    flatGrossMonthlyRent: t.field({ type: "Decimal", required: false, description: "Monthly flat gross rent set on the commission's advice (art. 60 §2 al. 2); used only below the low-income threshold." }),
  }),
});

function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field: ["input", ...field.split(".")] } });
}

export function householdFromInput(h: { adults?: number | null; children?: number | null; birthDates?: string[] | null }): RentRequest["household"] {
  if (h.birthDates && (h.adults != null || h.children != null)) throw badInput("household", "Give either adults and children or birthDates, not both");
  if (h.birthDates) {
    if (h.birthDates.length === 0 || h.birthDates.length > 30) throw badInput("household.birthDates", "Between 1 and 30 birth dates");
    return { birthDates: h.birthDates };
  }
  const adults = h.adults ?? 0;
  const children = h.children ?? 0;
  if (adults < 1 || adults > 20) throw badInput("household.adults", "At least one adult (14 or more on 1 January), at most 20 (annex III table A)");
  if (children < 0 || children > 20) throw badInput("household.children", "Children between 0 and 20");
  return { adults, children };
}

function decimalString(field: string, d: Decimal, max: string): string {
  if (d.isNegative()) throw badInput(field, `${field} cannot be negative`);
  if (d.greaterThan(max)) throw badInput(field, `${field} must be at most ${max}`);
  return d.toFixed();
}

builder.queryField("calculateAffordableRent", (t) =>
  t.field({
    type: AffordableRentRef,
    description: "Public what-if: the affordable rent a household would pay for a dwelling (law art. 60, annex III), every figure with its rule, article and parameter version. Open to anonymous callers; nothing is stored.",
    args: { input: t.arg({ type: AffordableRentInputRef, required: true, description: "Household, income, dwelling, regime and date." }) },
    resolve: (_r, { input }, ctx) => {
      const options = regimeOrThrow(ctx, input.regime);
      const asOf = input.asOf ?? todayIso();
      const d = input.dwelling;
      const req: RentRequest = {
        annualNetDisposableIncome: decimalString("annualNetDisposableIncome", input.annualNetDisposableIncome, "100000000"),
        household: householdFromInput(input.household),
        dwelling: {
          equippedKitchen: d.equippedKitchen,
          outdoorSpace: d.outdoorSpace,
          isHouse: d.isHouse,
          firstOccupiedOn: d.firstOccupiedOn,
          energyRenovated: d.energyRenovated,
          usefulLivingAreaM2: decimalString("dwelling.usefulArea", d.usefulArea, "10000"),
        },
        flatGrossMonthlyRent: input.flatGrossMonthlyRent ? decimalString("flatGrossMonthlyRent", input.flatGrossMonthlyRent, "100000") : undefined,
      };
      try {
        return computeRent(req, asOf, options);
      } catch (error) {
        throw new GraphQLError(`The rent cannot be computed: ${error instanceof Error ? error.message : String(error)}`, { extensions: { code: "BAD_USER_INPUT" } });
      }
    },
  }),
);
