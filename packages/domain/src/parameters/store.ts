/** A validated set of parameters, and resolution of a parameter on a date under a regime. */
import type { Decimal } from "decimal.js";
import { parseDecimal } from "../money/decimal.js";
import { assertIsoDate, inPeriod } from "./dates.js";
import { indexAmount, type IndexedAmount, type IndexOptions } from "./indices/resolve.js";
import { PARAMETER_NOTE_IDS } from "./notes.js";
import { materialise, ParameterResolutionError } from "./timeline.js";
import type { IsoDate, ParameterDefinition, ParameterValue, ParameterVersion, RegimeOptions } from "./types.js";
import { ParameterDefinitionError, validateParameterDefinition } from "./validate.js";

export interface ResolvedParameter {
  readonly id: string;
  readonly value: ParameterValue;
  /** The exact version used: id, regime, origin, validFrom, validTo, reference, index basis. */
  readonly version: ParameterVersion;
}

export interface ParameterStore {
  readonly ids: readonly string[];
  definition(id: string): ParameterDefinition;
  /** All versions of `id` under a regime, in order; they tile the declared span. */
  versions(id: string, options: RegimeOptions): ParameterVersion[];
  /** The declared span under a regime: first validFrom to last validTo (null = open). */
  span(id: string, options: RegimeOptions): { from: IsoDate; to: IsoDate | null } | null;
  resolve(id: string, asOf: IsoDate, options: RegimeOptions): ResolvedParameter;
}

/** Validates every definition (throws ParameterDefinitionError naming the parameter) and builds a store. */
export function loadParameters(definitions: readonly ParameterDefinition[], knownNoteIds: ReadonlySet<string> = PARAMETER_NOTE_IDS): ParameterStore {
  const byId = new Map<string, ParameterDefinition>();
  for (const def of definitions) {
    validateParameterDefinition(def, knownNoteIds);
    if (byId.has(def.id)) throw new ParameterDefinitionError(def.id, "defined twice");
    byId.set(def.id, def);
  }
  const definition = (id: string): ParameterDefinition => {
    const def = byId.get(id);
    if (!def) throw new ParameterResolutionError(id, "unknown parameter", "DATA_DEFECT");
    return def;
  };
  const versions = (id: string, options: RegimeOptions) => {
    const def = definition(id);
    return withOperatorReading(def, materialise(def, options), options);
  };
  return {
    ids: [...byId.keys()],
    definition,
    versions,
    span(id, options) {
      const vs = versions(id, options);
      return vs.length === 0 ? null : { from: vs[0]!.validFrom, to: vs[vs.length - 1]!.validTo };
    },
    resolve(id, asOf, options) {
      assertIsoDate(asOf, `asOf for ${id}`);
      const vs = versions(id, options);
      const matching = vs.filter((v) => inPeriod(asOf, v.validFrom, v.validTo));
      if (matching.length === 0) {
        const span = vs.length === 0 ? "no version" : `versions from ${vs[0]!.validFrom} to ${vs[vs.length - 1]!.validTo ?? "open end"}`;
        throw new ParameterResolutionError(id, `not in force on ${asOf} under regime ${options.regime} (${span})`);
      }
      if (matching.length > 1) throw new ParameterResolutionError(id, `${matching.length} versions in force on ${asOf}: overlapping data`, "DATA_DEFECT");
      const version = matching[0]!;
      return { id, value: version.value, version };
    },
  };
}

/**
 * The operator's reading (`RegimeOptions`, e.g. `annexIIReadingPeriod`) replaces the value of a CODE
 * parameter that names it in `operatorSetting`, in every version, with a note saying so; a code the
 * parameter does not allow is refused (ParameterResolutionError).
 */
function withOperatorReading(def: ParameterDefinition, versions: ParameterVersion[], options: RegimeOptions): ParameterVersion[] {
  const setting = def.operatorSetting;
  const chosen = setting === undefined ? undefined : options[setting];
  if (setting === undefined || chosen === undefined) return versions;
  return versions.map((v) => {
    if (typeof v.value === "string" || v.value.kind !== "code")
      throw new ParameterResolutionError(def.id, `operator setting ${setting} applies to CODE values only`);
    if (!v.value.allowed.includes(chosen))
      throw new ParameterResolutionError(def.id, `operator setting ${setting} = "${String(chosen)}" is not one of ${v.value.allowed.join(", ")}`);
    return { ...v, value: { ...v.value, code: chosen }, note: `${v.note ? `${v.note}; ` : ""}reading chosen by the operator (${setting} = ${chosen})` };
  });
}

/** Resolves a scalar decimal parameter; fails if the value is a table, date or code. */
export function decimalOf(resolved: ResolvedParameter): Decimal {
  if (typeof resolved.value !== "string") throw new ParameterResolutionError(resolved.id, `is a ${resolved.value.kind}, not a scalar decimal`);
  return parseDecimal(resolved.value);
}

/** A scalar amount resolved to the amount in force on `indexDate` (default: asOf) per its index basis. */
export function indexedAmountOf(resolved: ResolvedParameter, indexDate: IsoDate, indexOptions?: IndexOptions): IndexedAmount {
  if (typeof resolved.value !== "string") throw new ParameterResolutionError(resolved.id, `is a ${resolved.value.kind}, not a scalar amount`);
  return indexAmount(resolved.value, resolved.version.indexBasis, indexDate, indexOptions);
}
