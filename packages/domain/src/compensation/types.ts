/** Types shared by the compensation engine: statement lines, statements, inputs' vocabulary. */
import type { ConstructionSeries, CoteSeries, EcbRateSeries, IndexPointUsed } from "../parameters/indices/types.js";
import type { IndexOptions } from "../parameters/indices/resolve.js";
import type { ComputationTrace, ParameterVersionUsed, TraceValue } from "../parameters/trace.js";
import type { IsoDate, LegalReference, Regime, RegimeOptions } from "../parameters/types.js";
import type { MonthKey, Period } from "./calendar.js";
import type { CompensationReadingOptions, CompensationReadings, SurplusReading } from "./readings.js";

export type { MonthKey, Period };

/** Who the social developer is (art. 13 §2-3 exclusions, art. 13 §3bis, art. 93bis). */
export const DEVELOPER_KINDS = ["FONDS_DU_LOGEMENT", "MUNICIPALITY", "SYNDICATE_OF_MUNICIPALITIES", "OTHER"] as const;
export type DeveloperKind = (typeof DEVELOPER_KINDS)[number];

/** Who the social landlord is (art. 40 §4: Fonds du Logement; bill art. 40 §5 2°: University of Luxembourg). */
export const LANDLORD_KINDS = ["FONDS_DU_LOGEMENT", "UNIVERSITY_OF_LUXEMBOURG", "OTHER"] as const;
export type LandlordKind = (typeof LANDLORD_KINDS)[number];

/** Dedicated categories of art. 12 §3 that matter for compensation (art. 13 §2 al. 4 law; art. 40 §5). */
export const DEDICATED_CATEGORIES = [
  "INTERNATIONAL_PROTECTION",
  "STUDENTS",
  "DEVELOPER_EMPLOYEES",
  "COOPERATIVE_MEMBERS",
  "CLOSE_SOCIAL_SUPPORT",
  "YOUNG_PEOPLE",
  "SENIORS",
  "RESERVE",
] as const;
export type DedicatedCategory = (typeof DEDICATED_CATEGORIES)[number];

/** Vacancy reasons listed by art. 40 §3 al. 2 3°-5°. */
export const VACANCY_REASONS = ["CHANGE_OF_OWNER", "RENOVATION", "OTHER"] as const;
export type VacancyReason = (typeof VACANCY_REASONS)[number];

/** What a line compensates. Developer components first, then landlord components. */
export const COMPONENTS = [
  "OPERATING_COST",
  "CAPITAL_LAND",
  "CAPITAL_CONSTRUCTION",
  "EMPHYTEUSIS_DEDUCTION",
  "FONDS_DU_LOGEMENT_INDEMNITY",
  "RENT_PAID_TO_DEVELOPER",
  "MANAGEMENT_FLAT",
  "TENANT_RENTS",
  "ANCILLARY_RENTS",
  "VACANCY_REDUCTION",
] as const;
export type Component = (typeof COMPONENTS)[number];

export type ObjectKind = "DWELLING" | "ACCOMMODATION_UNIT";

/**
 * The index series a computation resolves against (issue 17 point 4): the built-in series with the
 * operator's recorded points (`withCotePoints`, `withConstructionPoints`, `withEcbRatePoints`).
 * Absent, the built-in series of parameters/indices/data.ts.
 */
export interface CompensationIndexSeries {
  readonly coteSeries?: CoteSeries;
  readonly constructionSeries?: ConstructionSeries;
  readonly ecbRateSeries?: EcbRateSeries;
}

/**
 * Options of every computation: the regime, for BILL_8535 the operator's entry-into-force date, the
 * operator's readings (readings.ts) and the index series to resolve against (`indexSeries`; never part
 * of a statement: the index points a line used are in its `indices`, each with `unconfirmedAfter` when
 * it rests on a value after its series' knownUntil).
 */
export type CompensationOptions = RegimeOptions & CompensationReadingOptions & { readonly indexSeries?: CompensationIndexSeries };

/** The index options (cote, construction series) of compensation options, for `indexedAmountOf` / `resolveCote`. */
export function indexOptionsOf(options: { readonly indexSeries?: CompensationIndexSeries }): IndexOptions {
  const s = options.indexSeries;
  return { ...(s?.coteSeries && { coteSeries: s.coteSeries }), ...(s?.constructionSeries && { constructionSeries: s.constructionSeries }) };
}

/**
 * One statement line: one dwelling or accommodation unit, one month, one component. `amount` is
 * rounded to the cent (half-up) here and nowhere else; totals are sums of these strings.
 */
export interface StatementLine {
  /** `${objectId}|${month}|${component}` — stable across versions of a statement (used by the diff). */
  readonly lineId: string;
  readonly dwellingId: string;
  readonly objectId: string;
  readonly objectKind: ObjectKind;
  readonly month: MonthKey;
  readonly component: Component;
  /** Stable rule id; its interpretation notes are in `statement.rules[ruleId]`. */
  readonly ruleId: string;
  /** Short citation, e.g. "law art. 40 §2 al. 1; RGD 2024 art. 3"; the full references are in `statement.references[article]`. */
  readonly article: string;
  /** Inputs of the line (decimals as strings, day counts as strings). */
  readonly inputs: Readonly<Record<string, TraceValue>>;
  /** Keys into `statement.parameters` (see `parameterKey`). */
  readonly parameterVersions: readonly string[];
  readonly indices: readonly IndexPointUsed[];
  /** Unrounded amount, for audit. */
  readonly exactAmount: string;
  /** Signed amount to the cent, e.g. "-416.67". */
  readonly amount: string;
}

export interface Subtotal {
  readonly key: string;
  readonly amount: string;
  readonly lines: number;
}

/** A component or dwelling left out by a rule, with the rule's article. */
export interface Exclusion {
  readonly objectId: string;
  readonly component: Component;
  readonly reason: string;
  readonly article: string;
  /** Months concerned (empty = the whole statement). */
  readonly months?: readonly MonthKey[];
}

export interface VacancyRate {
  readonly objectId: string;
  readonly managedDays: number;
  readonly vacantDays: Readonly<Record<VacancyReason, number>>;
  /** vacantDays / managedDays, to 6 decimal places half-up ("0.083333"); "0" when not managed. */
  readonly rates: Readonly<Record<VacancyReason, string>>;
}

export interface StatementBase {
  readonly schema: "abordable.compensation-statement/1";
  readonly kind: "DEVELOPER" | "LANDLORD";
  /** Convention id (developer) or landlord id. */
  readonly subjectId: string;
  readonly year: number;
  readonly months: { readonly from: MonthKey; readonly to: MonthKey };
  readonly regime: Regime;
  readonly bill8535EntryIntoForce: IsoDate | null;
  /** The operator readings this statement applied (readings.ts), every one named. */
  readonly readings: CompensationReadings;
  readonly proration: "ACTUAL_DAYS_OVER_DAYS_IN_MONTH";
  readonly rounding: "LINE_CENT_HALF_UP";
  readonly lines: readonly StatementLine[];
  readonly subtotals: {
    readonly byDwelling: readonly Subtotal[];
    readonly byComponent: readonly Subtotal[];
  };
  readonly total: string;
  readonly exclusions: readonly Exclusion[];
  /** Every parameter version used, by key (`parameterKey`): lines cite these keys. */
  readonly parameters: Readonly<Record<string, ParameterVersionUsed>>;
  /** The legal references behind each `article` citation used by a line. */
  readonly references: Readonly<Record<string, readonly LegalReference[]>>;
  /** Per rule id: the interpretation notes it relies on (see COMPENSATION_INTERPRETATION_NOTES). */
  readonly rules: Readonly<Record<string, { readonly interpretationNotes: readonly string[] }>>;
}

export interface DeveloperStatement extends StatementBase {
  readonly kind: "DEVELOPER";
  readonly developer: { readonly id: string; readonly kind: DeveloperKind };
  readonly conventionSignedOn: IsoDate;
}

export interface LandlordStatement extends StatementBase {
  readonly kind: "LANDLORD";
  readonly landlord: { readonly id: string; readonly kind: LandlordKind };
  readonly conventionSignedOn: IsoDate;
  /** COMPENSATION_DUE (total > 0), SURPLUS_OWED_TO_STATE (total < 0: a surplus of receipts, law art. 47), BALANCED, or EXCLUDED (Fonds du Logement, art. 40 §4). */
  readonly outcome: "COMPENSATION_DUE" | "SURPLUS_OWED_TO_STATE" | "BALANCED" | "EXCLUDED";
  /** Positive amount to pay to the State through the Fonds spécial (art. 47) under PAID_TO_STATE, else "0.00". */
  readonly surplusOwedToState: string;
  /** Art. 47: the surplus (positive, "0.00" when none) and what the reading does with it. */
  readonly surplus: SurplusTreatment;
  /** Art. 40 §3: vacancy rates per object and for the whole stock (objectId "*"). */
  readonly vacancy: readonly VacancyRate[];
  /** Art. 40 §3 2°: charges are listed in the statement but never enter the compensation (art. 63). */
  readonly chargesListed: readonly { readonly objectId: string; readonly amount: string }[];
  readonly vacancyReduction: VacancyReductionRule;
  readonly socialSupportStaffFte: string | null;
}

/** Law art. 47: « versés à la trésorerie de l'État via le Fonds spécial … à moins de pouvoir être déduits de la prochaine tranche de la compensation à liquider ». */
export interface SurplusTreatment {
  readonly amount: string;
  readonly reading: SurplusReading;
  /** Paid to the State through the Fonds spécial pour le logement abordable (PAID_TO_STATE). */
  readonly paidToState: string;
  /** Deducted from the next compensation tranche to be paid (DEDUCTED_FROM_NEXT_TRANCHE). */
  readonly deductedFromNextTranche: string;
  readonly article: "law art. 47";
}

/** Art. 47 applied to a signed landlord total (negative = surplus) under a reading. */
export function surplusTreatment(total: string, reading: SurplusReading): SurplusTreatment {
  const amount = total.startsWith("-") ? total.slice(1) : "0.00";
  return {
    amount,
    reading,
    paidToState: reading === "PAID_TO_STATE" ? amount : "0.00",
    deductedFromNextTranche: reading === "DEDUCTED_FROM_NEXT_TRANCHE" ? amount : "0.00",
    article: "law art. 47",
  };
}

export type CompensationStatement = DeveloperStatement | LandlordStatement;

/**
 * Vacancy reduction: NOT in the sources (art. 40 §3 asks only for vacancy rates in the statement,
 * and leaves the computation modalities to a regulation that does not exist yet). Operator setting,
 * OFF by default. When enabled, the management flat is reduced by `share` of the flat prorated over
 * the vacant days whose reason is listed.
 */
export interface VacancyReductionRule {
  readonly enabled: boolean;
  readonly reasons: readonly VacancyReason[];
  /** Decimal in [0, 1]; required when enabled. */
  readonly share: string;
}

export const VACANCY_REDUCTION_OFF: VacancyReductionRule = { enabled: false, reasons: [], share: "0" };

export type { ComputationTrace };
