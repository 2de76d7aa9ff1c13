/** Law as data: dated legal parameters, index series, regimes, and the computation trace. */
export * from "./types.js";

export { ParameterDefinitionError, validateParameterDefinition } from "./validate.js";
export { ParameterResolutionError, billStartFor, materialise } from "./timeline.js";
export { loadParameters, decimalOf, indexedAmountOf, type ParameterStore, type ResolvedParameter } from "./store.js";
export { PARAMETERS, resolveParameter, resolveDecimal, resolveIndexedAmount } from "./registry.js";
export { ALL_PARAMETER_DEFINITIONS } from "./data/index.js";
export { lookupBracket, lookupHousehold, TableLookupError } from "./tables.js";
export { PARAMETER_INTERPRETATION_NOTES, type InterpretationNote } from "./notes.js";
export { citeVersion, type ComputationTrace, type ParameterVersionUsed, type TraceValue } from "./trace.js";
export * from "./indices/types.js";
export { COTE_SERIES, CONSTRUCTION_SERIES, ECB_SHORT_TERM_RATE_SERIES } from "./indices/data.js";
export {
  amountAtIndex,
  constructionSemesterFor,
  indexAmount,
  IndexResolutionError,
  resolveConstructionIndex,
  resolveCote,
  resolveEcbShortTermRate,
  withEcbRatePoints,
  type EcbRateUsed,
  validateConstructionSeries,
  validateCoteSeries,
  withConstructionPoints,
  withCotePoints,
  type IndexedAmount,
  type IndexOptions,
} from "./indices/resolve.js";
