/**
 * The computation trace shared by the compensation, allocation and tenancy engines: every result
 * says which rule produced it, under which article, from which inputs, and which parameter
 * versions and index values were used — so a statement can cite "which parameter versions
 * produced it".
 */
import type { IndexPointUsed } from "./indices/types.js";
import type { IsoDate, LegalReference, ParameterVersion, Regime } from "./types.js";

/** A parameter version as cited in a trace (the value is kept in its data form). */
export type ParameterVersionUsed = Pick<
  ParameterVersion,
  "parameterId" | "regime" | "origin" | "validFrom" | "validTo" | "reference" | "indexBasis" | "unit" | "value"
>;

/** Trace values are strings (decimals as strings — never JS numbers), booleans, or nested records. */
export type TraceValue = string | boolean | null | readonly TraceValue[] | { readonly [key: string]: TraceValue };

export interface ComputationTrace<TResult extends TraceValue = TraceValue> {
  /** Stable rule id, e.g. "compensation.landlord.deficit". */
  readonly ruleId: string;
  /** The article(s) the rule implements. */
  readonly references: readonly LegalReference[];
  readonly regime: Regime;
  /** The date the rule was evaluated for (and the date axis it stands on, if not the calculation date). */
  readonly asOf: IsoDate;
  readonly inputs: Readonly<Record<string, TraceValue>>;
  readonly parameters: readonly ParameterVersionUsed[];
  readonly indices: readonly IndexPointUsed[];
  readonly result: TResult;
  /** Sub-computations, in order. */
  readonly steps?: readonly ComputationTrace[];
  /** Ids of the interpretation notes the rule relied on. */
  readonly interpretationNotes?: readonly string[];
}

/** Strips a materialised version to what a trace cites. */
export function citeVersion(v: ParameterVersion): ParameterVersionUsed {
  return {
    parameterId: v.parameterId,
    regime: v.regime,
    origin: v.origin,
    validFrom: v.validFrom,
    validTo: v.validTo,
    reference: v.reference,
    indexBasis: v.indexBasis,
    unit: v.unit,
    value: v.value,
  };
}
