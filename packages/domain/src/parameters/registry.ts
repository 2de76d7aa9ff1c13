/**
 * The default parameter store, validated when this module loads: a data defect fails the import
 * with a ParameterDefinitionError naming the parameter.
 */
import type { Decimal } from "decimal.js";
import { ALL_PARAMETER_DEFINITIONS } from "./data/index.js";
import type { IndexedAmount, IndexOptions } from "./indices/resolve.js";
import { decimalOf, indexedAmountOf, loadParameters, type ParameterStore, type ResolvedParameter } from "./store.js";
import type { IsoDate, ParameterVersion, RegimeOptions } from "./types.js";

export const PARAMETERS: ParameterStore = loadParameters(ALL_PARAMETER_DEFINITIONS);

/**
 * The value of parameter `id` on `asOf` under a regime, with the exact version used.
 * `asOf` is on the parameter's date axis (definition.dateAxis; default: the calculation date).
 * BILL_8535 needs `bill8535EntryIntoForce` for provisions amended at entry into force.
 */
export function resolveParameter(id: string, asOf: IsoDate, options: RegimeOptions): ResolvedParameter {
  return PARAMETERS.resolve(id, asOf, options);
}

/** A scalar decimal parameter (rate, count, amount at its index basis). */
export function resolveDecimal(id: string, asOf: IsoDate, options: RegimeOptions): { value: Decimal; version: ParameterVersion } {
  const resolved = PARAMETERS.resolve(id, asOf, options);
  return { value: decimalOf(resolved), version: resolved.version };
}

/**
 * A scalar amount in force: the version in force on `asOf`, indexed to the index applying on
 * `indexDate` (default `asOf`): amount × index(indexDate) / base. Unrounded.
 */
export function resolveIndexedAmount(
  id: string,
  asOf: IsoDate,
  options: RegimeOptions,
  index: IndexOptions & { indexDate?: IsoDate } = {},
): IndexedAmount & { version: ParameterVersion } {
  const resolved = PARAMETERS.resolve(id, asOf, options);
  return { ...indexedAmountOf(resolved, index.indexDate ?? asOf, index), version: resolved.version };
}
