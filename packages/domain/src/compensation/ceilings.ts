/**
 * The flats actually paid must respect the ceilings of the law (the RGD may set a flat only within
 * them): developer operating costs, RGD 24 January 2024 art. 1 within art. 13 §2 al. 1; landlord
 * management, RGD art. 3 within art. 40 §2 al. 1. The ceilings are amounts at a construction-price
 * index (881.15 under the law, 100 under the bill), so a flat is within its ceiling on a date when
 * flat ≤ ceiling × index(date) / base, compared exactly (no rounding).
 */
import type { IndexPointUsed } from "../parameters/indices/types.js";
import type { IndexOptions } from "../parameters/indices/resolve.js";
import { resolveDecimal, resolveIndexedAmount } from "../parameters/registry.js";
import type { IsoDate, ParameterVersion, RegimeOptions } from "../parameters/types.js";

export const FLAT_CEILING_PAIRS = [
  {
    flat: "compensation.developer.operatingCostFlat",
    ceiling: "compensation.developer.operatingCostCeiling",
    article: "RGD 2024 art. 1 within law art. 13 §2 al. 1",
  },
  {
    flat: "compensation.landlord.managementFlat",
    ceiling: "compensation.landlord.managementFlatCeiling",
    article: "RGD 2024 art. 3 within law art. 40 §2 al. 1",
  },
] as const;

export interface FlatCeilingCheck {
  readonly flatId: string;
  readonly ceilingId: string;
  readonly article: string;
  /** The flat, in euros (as written in the regulation). */
  readonly flat: string;
  /** The ceiling in force on the date, indexed, unrounded. */
  readonly ceiling: string;
  readonly within: boolean;
  readonly index: IndexPointUsed | null;
  readonly flatVersion: ParameterVersion;
  readonly ceilingVersion: ParameterVersion;
}

/**
 * Checks each flat against its ceiling: the flat as it applies to a convention signed on
 * `conventionSignedOn` (the RGD's date axis), the ceiling in force and indexed on `date`.
 * Fails with the index error when the construction index of `date`'s semester is not in the data
 * (missing semesters are never guessed).
 */
export function checkFlatsAgainstCeilings(conventionSignedOn: IsoDate, date: IsoDate, options: RegimeOptions, index: IndexOptions = {}): FlatCeilingCheck[] {
  return FLAT_CEILING_PAIRS.map((pair) => {
    const flat = resolveDecimal(pair.flat, conventionSignedOn, options);
    const ceiling = resolveIndexedAmount(pair.ceiling, date, options, index);
    return {
      flatId: pair.flat,
      ceilingId: pair.ceiling,
      article: pair.article,
      flat: flat.value.toFixed(),
      ceiling: ceiling.value.toFixed(),
      within: flat.value.lessThanOrEqualTo(ceiling.value),
      index: ceiling.index,
      flatVersion: flat.version,
      ceilingVersion: ceiling.version,
    };
  });
}
