/** Small constructors that keep the data modules readable. They add nothing the loader does not check. */
import type {
  BillSpec,
  BillStart,
  BillVersionSpec,
  Bracket,
  IndexBasis,
  IsoDate,
  LegalReference,
  ParameterValue,
  ParameterVersionSpec,
} from "../types.js";

/** Date of the data entry / last check against the texts. */
export const CHECKED: IsoDate = "2026-11-21";
/** The law of 7 August 2023 applies from 1 October 2023 (« version en vigueur depuis 2023-10-01 »). */
export const LAW_IN_FORCE: IsoDate = "2023-10-01";

type RefDetail = Omit<LegalReference, "text" | "article">;
export const law = (article: string, detail: RefDetail = {}): LegalReference => ({ text: "LAW_2023", article, ...detail });
export const bill = (article: string, detail: RefDetail = {}): LegalReference => ({ text: "BILL_8535", article, ...detail });
export const rgd2024 = (article: string, detail: RefDetail = {}): LegalReference => ({ text: "RGD_2024_01_24", article, ...detail });
export const rgd2023 = (article: string, detail: RefDetail = {}): LegalReference => ({ text: "RGD_2023_10_13", article, ...detail });
export const eschRoi = (article: string, detail: RefDetail = {}): LegalReference => ({ text: "ESCH_ROI", article, ...detail });

export const NONE: IndexBasis = { kind: "NONE" };
export const construction = (base: string, baseLabel?: string): IndexBasis => ({ kind: "CONSTRUCTION_PRICE_INDEX", base, ...(baseLabel ? { baseLabel } : {}) });
export const cote = (base: string): IndexBasis => ({ kind: "COST_OF_LIVING_COTE", base });
export const CONSTRUCTION_APRIL_2021 = construction("881.15", "April 2021");
export const CONSTRUCTION_100 = construction("100");
export const COTE_100 = cote("100");

/** An open-ended version from `validFrom`. */
export function from(validFrom: IsoDate, value: ParameterValue, reference: LegalReference, indexBasis: IndexBasis = NONE, note?: string): ParameterVersionSpec {
  return { validFrom, validTo: null, value, indexBasis, reference, ...(note ? { note } : {}) };
}

/** A bill amendment with one open-ended version. */
export function amended(start: BillStart, value: ParameterValue, reference: LegalReference, indexBasis: IndexBasis = NONE, note?: string): BillSpec {
  const v: BillVersionSpec = { validTo: null, value, indexBasis, reference, ...(note ? { note } : {}) };
  return { start, versions: [v] };
}
export const atEntryIntoForce = (value: ParameterValue, reference: LegalReference, indexBasis: IndexBasis = NONE, note?: string) =>
  amended("ENTRY_INTO_FORCE", value, reference, indexBasis, note);
export const retroactive = (value: ParameterValue, reference: LegalReference, indexBasis: IndexBasis = NONE, note?: string) =>
  amended("RETROACTIVE_93BIS", value, reference, indexBasis, note);
export const repealedAtEntryIntoForce: BillSpec = { start: "ENTRY_INTO_FORCE", versions: [], repealed: true };

/** Bracket helpers: closed [a, b], left-open (a, b], and open-ended tails. */
export const closed = (a: string, b: string, value: string, label?: string): Bracket => ({ from: a, fromInclusive: true, to: b, toInclusive: true, value, ...(label ? { label } : {}) });
export const above = (a: string, b: string | null, value: string, label?: string): Bracket => ({
  from: a,
  fromInclusive: false,
  to: b,
  toInclusive: b !== null,
  value,
  ...(label ? { label } : {}),
});
export const atLeast = (a: string, value: string, label?: string): Bracket => ({ from: a, fromInclusive: true, to: null, toInclusive: false, value, ...(label ? { label } : {}) });
export const brackets = (axis: string, axisType: "INTEGER" | "CONTINUOUS", list: Bracket[]): ParameterValue => ({ kind: "brackets", axis, axisType, brackets: list });
export const months = (amount: string): ParameterValue => ({ kind: "duration", amount, unit: "MONTHS" });
export const days = (amount: string): ParameterValue => ({ kind: "duration", amount, unit: "DAYS" });
