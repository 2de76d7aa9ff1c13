/**
 * The parameter model ("law as data", in the spirit of OpenFisca parameters).
 *
 * Validity convention (used everywhere in this folder): a period is half-open,
 * `[validFrom, validTo)` — `validFrom` is the first day in force, `validTo` is the first day
 * NO LONGER in force (exclusive), `null` means open-ended. Dates are ISO `YYYY-MM-DD` strings.
 * Half-open periods tile without "day before" arithmetic: a successor starts exactly at its
 * predecessor's `validTo`.
 */

/** ISO calendar date `YYYY-MM-DD` (validated at load, compared as strings). */
export type IsoDate = string;

/** The two regimes the product models side by side (docs/rules.md, preamble). */
export const REGIMES = ["LAW", "BILL_8535"] as const;
export type Regime = (typeof REGIMES)[number];

/** Closed list of the texts a parameter may cite. */
export const LEGAL_TEXTS = {
  LAW_2023: "Loi du 7 août 2023 relative au logement abordable, version consolidée applicable au 1er janvier 2026",
  BILL_8535: "Projet de loi 8535 (texte coordonné proposé par la Commission du Logement, 19 mai 2026)",
  RGD_2024_01_24:
    "Règlement grand-ducal du 24 janvier 2024 relatif à la compensation de service public en matière de logements abordables destinés à la location",
  RGD_2023_10_13:
    "Règlement grand-ducal du 13 octobre 2023 relatif à la location de logements destinés à la location abordable",
  ESCH_ROI: "Règlement d'ordre intérieur de la commission consultative de la Ville d'Esch-sur-Alzette",
} as const;
export type LegalTextId = keyof typeof LEGAL_TEXTS;

/** Where a figure comes from: text, article, paragraph (§), alinea (al.), point (pt), and a short verbatim quote. */
export interface LegalReference {
  readonly text: LegalTextId;
  /** "13", "63bis", "annexe III". */
  readonly article: string;
  readonly paragraph?: string;
  readonly alinea?: string;
  readonly point?: string;
  /** For bill articles: the article of the law of 7 August 2023 it amends or inserts. */
  readonly amends?: { readonly article: string; readonly paragraph?: string; readonly alinea?: string; readonly point?: string };
  /** Short verbatim French quote carrying the figure. */
  readonly quote?: string;
}

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
export type DateAxis =
  | "CALCULATION_DATE"
  | "CONVENTION_SIGNATURE_DATE"
  | "FIRST_LETTING_DATE"
  | "ALLOCATION_DATE"
  | "APPLICATION_DATE";

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
export const BILL_RETROACTIVE_FROM: IsoDate = "2023-10-01";

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

/**
 * Readings the operator chooses where a text is ambiguous (each backed by an interpretation note).
 * Each one overrides the value of the CODE parameter whose definition names it in `operatorSetting`,
 * with one of that parameter's `allowed` codes; absent, the stored reading applies.
 */
export interface OperatorReadings {
  /**
   * Annex II ceilings compared with ANNUAL or MONTHLY household income (note `annex-ii-annual-reading`,
   * parameter `eligibility.incomeCeiling.readingPeriod`).
   */
  readonly annexIIReadingPeriod?: "ANNUAL" | "MONTHLY";
}
export type OperatorReading = keyof OperatorReadings;

export interface RegimeOptions extends OperatorReadings {
  readonly regime: Regime;
  /** Operator-configured entry-into-force date of bill 8535; required for BILL_8535 parameters amended at entry into force. */
  readonly bill8535EntryIntoForce?: IsoDate;
}

/** Only the regime options of `o` (regime, entry into force, operator readings), the ones that are set: what a decision record keeps. */
export function regimeOptionsOf(o: RegimeOptions): RegimeOptions {
  return {
    regime: o.regime,
    ...(o.bill8535EntryIntoForce ? { bill8535EntryIntoForce: o.bill8535EntryIntoForce } : {}),
    ...(o.annexIIReadingPeriod ? { annexIIReadingPeriod: o.annexIIReadingPeriod } : {}),
  };
}
