/**
 * Every parameter of the store. The source is `parameters/<id>.json` (one file per parameter),
 * compiled by `scripts/compile-parameters.mjs` into `generated.ts`: statically imported TS data,
 * no I/O at runtime.
 */
import type { ParameterDefinition } from "../types.js";
import { GENERATED_PARAMETER_DEFINITIONS, PARAMETER_GROUPS } from "./generated.js";

export const ALL_PARAMETER_DEFINITIONS: readonly ParameterDefinition[] = GENERATED_PARAMETER_DEFINITIONS;

/** The parameters of one group (`group` in their file: README section, former data module). */
export function parametersOfGroup(group: string): readonly ParameterDefinition[] {
  return ALL_PARAMETER_DEFINITIONS.filter((d) => PARAMETER_GROUPS[d.id] === group);
}
