/**
 * The affordable rent (law art. 60, annex III) from stored rows: the dwelling's annex III features,
 * the household's income for the rent (art. 56 §3), and the computation as stored
 * (Lease.rentComputation, RentRevision.computation): a `RentComputationRecord` with every figure as
 * a decimal string plus the domain's full trace, so that what the API returns later is exactly what
 * was computed when the rent was set.
 */
import {
  computeAffordableRent,
  householdIncome as domainHouseholdIncome,
  type AffordableRentInput,
  type AffordableRentResult,
  type ComputationTrace,
  type Household,
  type RegimeOptions,
  type TenancyOptions,
} from "@abordable/domain";
import { type Regime } from "./common.js";

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

export function toRecord(
  r: AffordableRentResult,
  input: { annualNetDisposableIncome: string; dwelling: RentDwellingFacts; flatGrossMonthlyRent?: string | undefined },
  asOf: string,
  options: RegimeOptions,
): RentComputationRecord {
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

/**
 * Art. 60 / annex III through the domain engine; throws the engine's errors (RangeError, parameter
 * errors, INDEX_MISSING). `options.index.coteSeries`: the series in use (`withCote`), else the built-in one.
 */
export function computeRent(req: RentRequest, asOf: string, options: TenancyOptions): RentComputationRecord {
  const input: AffordableRentInput = {
    annualNetDisposableIncome: req.annualNetDisposableIncome,
    household: req.household,
    dwelling: req.dwelling,
    ...(req.flatGrossMonthlyRent !== undefined ? { flatGrossMonthlyRent: req.flatGrossMonthlyRent } : {}),
  };
  return toRecord(computeAffordableRent(input, asOf, options), req, asOf, options);
}

/** Dwelling features for annex III from a dwelling row (a unit lease uses the unit's useful area). */
export function rentDwellingOf(
  d: {
    type: string;
    hasEquippedKitchen: boolean;
    hasOutdoorSpace: boolean;
    firstOccupiedYear: number | null;
    energyRenovated: boolean;
    usefulArea: { toFixed(): string };
  },
  fallbackFirstOccupiedOn: string,
  unitArea?: { toFixed(): string } | null,
): RentDwellingFacts {
  // Annex III 2° c): without the year of first occupation the energy flat cannot be decided; the
  // lease start is no stand-in for it (it silently skipped the flat). Only a renovated dwelling,
  // which never carries the flat, may go without it.
  if (!d.firstOccupiedYear && !d.energyRenovated)
    throw new RangeError(
      "the dwelling's firstOccupiedYear is required: the energy flat (law art. 60 §5, annexe III 2° c) applies to dwellings first occupied before 1 January 1990 and not energy-renovated; enter the year of first occupation",
    );
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
