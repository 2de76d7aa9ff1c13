/**
 * The parameter model ("law as data", in the spirit of OpenFisca parameters).
 *
 * Validity convention (used everywhere in this folder): a period is half-open,
 * `[validFrom, validTo)` — `validFrom` is the first day in force, `validTo` is the first day
 * NO LONGER in force (exclusive), `null` means open-ended. Dates are ISO `YYYY-MM-DD` strings.
 * Half-open periods tile without "day before" arithmetic: a successor starts exactly at its
 * predecessor's `validTo`.
 */

/** The law's vocabulary (dates, regimes, texts, references) is the kernel's (src/law/types.ts). */
import type { OperatorReading } from "../law/regime.js";
import type { IsoDate, LegalReference, Regime } from "../law/types.js";
export { LEGAL_TEXTS, REGIMES, type IsoDate, type LegalReference, type LegalTextId, type Regime } from "../law/types.js";
export { regimeOptionsOf, type OperatorReading, type OperatorReadings, type RegimeOptions } from "../law/regime.js";

/**
 * Closed list of units. Monetary units are the only ones that may be index-linked.
 * `DURATION` is used only where the unit of a time limit itself changes between versions
 * (art. 69 unpaid rent: law "six mois", bill "quinze jours").
 */
export const UNITS = [
  "EUR",
  "EUR_PER_DWELLING",
  "EUR_PER_MONTH",
  "EUR_PER_YEAR",
  "EUR_PER_MONTH_PER_DWELLING",
  "EUR_PER_M2",
  "EUR_PER_M2_PER_MONTH",
  "EUR_PER_PARKING_SPACE",
  "PERCENT",
  "PERCENT_PER_YEAR",
  "BASIS_POINTS",
  "RATIO",
  "COEFFICIENT",
  "YEARS",
  "MONTHS",
  "DAYS",
  "COUNT",
  "DURATION",
  "DATE",
  "DAY_OF_YEAR",
  "CODE",
] as const;
export type Unit = (typeof UNITS)[number];

export const MONETARY_UNITS: ReadonlySet<Unit> = new Set<Unit>([
  "EUR",
  "EUR_PER_DWELLING",
  "EUR_PER_MONTH",
  "EUR_PER_YEAR",
  "EUR_PER_MONTH_PER_DWELLING",
  "EUR_PER_M2",
  "EUR_PER_M2_PER_MONTH",
  "EUR_PER_PARKING_SPACE",
]);
/** Units whose scalar values must be whole numbers. */
export const INTEGER_UNITS: ReadonlySet<Unit> = new Set<Unit>(["YEARS", "MONTHS", "DAYS", "COUNT"]);

/** How an amount is index-linked: "X euros à la valeur N de l'indice …". */
export type IndexBasis =
  | { readonly kind: "NONE" }
  | { readonly kind: "CONSTRUCTION_PRICE_INDEX"; readonly base: string; readonly baseLabel?: string }
  | { readonly kind: "COST_OF_LIVING_COTE"; readonly base: string; readonly baseLabel?: string };
export type IndexSeriesId = Exclude<IndexBasis["kind"], "NONE">;

/** One bracket of a bracket scale. Bounds are decimal strings; `null` = unbounded. */
export interface Bracket {
  readonly from: string | null;
  readonly fromInclusive: boolean;
  readonly to: string | null;
  readonly toInclusive: boolean;
  readonly value: string;
  /** The French wording of the bracket, as in the text ("51 à 70m²"). */
  readonly label?: string;
}

/** Household-composition table (annex II; annex III table A). Cells are decimal strings. */
export interface HouseholdRow {
  readonly adults: number;
  readonly children: number;
  readonly label: string;
  readonly values: Readonly<Record<string, string>>;
}
export interface HouseholdTable {
  readonly kind: "householdTable";
  readonly columns: readonly string[];
  readonly rows: readonly HouseholdRow[];
  /** Added per dependent child beyond the largest row listed for the adult count. */
  readonly extraChild: Readonly<Record<string, string>>;
  /** Added per adult beyond the largest adult count listed. */
  readonly extraAdult: Readonly<Record<string, string>>;
}

export type DurationUnit = "DAYS" | "MONTHS" | "YEARS";

/** The value of one version. A plain string is a scalar decimal ("140", "0.64"). */
export type ParameterValue =
  | string
  | {
      readonly kind: "brackets";
      /** What the bracket bounds measure ("serviceYear", "usefulLivingAreaM2", "managedDwellings"). */
      readonly axis: string;
      /** INTEGER axes tile as [1,20] then [21,40]; CONTINUOUS axes as (50,70] then (70,90]. */
      readonly axisType: "INTEGER" | "CONTINUOUS";
      readonly brackets: readonly Bracket[];
    }
  | HouseholdTable
  | { readonly kind: "duration"; readonly amount: string; readonly unit: DurationUnit }
  | { readonly kind: "date"; readonly date: IsoDate }
  | { readonly kind: "monthDay"; readonly month: number; readonly day: number }
  | { readonly kind: "code"; readonly code: string; readonly allowed: readonly string[] };

/** The calendar date a caller must pass as `asOf` for this parameter. */
export type DateAxis = "CALCULATION_DATE" | "CONVENTION_SIGNATURE_DATE" | "FIRST_LETTING_DATE" | "ALLOCATION_DATE" | "APPLICATION_DATE";

export interface ParameterVersionSpec {
  readonly validFrom: IsoDate;
  /** Exclusive; `null` = open-ended. */
  readonly validTo: IsoDate | null;
  readonly value: ParameterValue;
  readonly indexBasis: IndexBasis;
  readonly reference: LegalReference;
  readonly note?: string;
}

/** A bill version: the first one starts when the bill takes effect, so its `validFrom` is implicit. */
export interface BillVersionSpec extends Omit<ParameterVersionSpec, "validFrom"> {
  readonly validFrom?: IsoDate;
}

/**
 * When the bill's text starts to apply to a parameter:
 * - ENTRY_INTO_FORCE: the date the operator configures (`bill8535EntryIntoForce`);
 * - RETROACTIVE_93BIS: 1 October 2023 — bill art. 49 inserting art. 93bis: "Les articles 13 et 40,
 *   paragraphes 2 et 3, produisent leurs effets au 1er octobre 2023."
 */
export type BillStart = "ENTRY_INTO_FORCE" | "RETROACTIVE_93BIS";
/** Art. 93bis provisions apply from the law's entry into force. */
export { LAW_IN_FORCE_FROM as BILL_RETROACTIVE_FROM } from "../law/regime.js";

export type BillSpec =
  | "UNCHANGED"
  | {
      readonly start: BillStart;
      /** Empty with `repealed: true` when the bill abrogates the provision. */
      readonly versions: readonly BillVersionSpec[];
      readonly repealed?: boolean;
    };

export interface ParameterDefinition {
  /** Dotted camelCase id, e.g. `compensation.developer.operatingCostCeiling`. */
  readonly id: string;
  /** English description, with the French legal term in `frenchTerm`. */
  readonly description: string;
  readonly frenchTerm: string;
  readonly unit: Unit;
  readonly dateAxis?: DateAxis;
  /** Versions under the law consolidated 2026-01-01 (+ regulations). Empty if the bill introduces the parameter. */
  readonly law: readonly ParameterVersionSpec[];
  readonly bill: BillSpec;
  readonly lastChecked: IsoDate;
  readonly interpretationNotes?: readonly string[];
  /**
   * CODE parameters only: the operator reading (`RegimeOptions`) that, when set, replaces the value
   * of every version with the code chosen (one of the version's `allowed` codes).
   */
  readonly operatorSetting?: OperatorReading;
}

/** A version as materialised for one regime: concrete dates, and which text produced it. */
export interface ParameterVersion {
  readonly parameterId: string;
  readonly regime: Regime;
  readonly origin: "LAW" | "BILL_8535";
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly value: ParameterValue;
  readonly indexBasis: IndexBasis;
  readonly reference: LegalReference;
  readonly unit: Unit;
  readonly note?: string;
}
