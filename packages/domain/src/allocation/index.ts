/** Allocation of affordable rental dwellings: law art. 12, 53-59, 66-67, annex II; RGD 13 Oct 2023; Esch ROI; bill 8535. */
export * from "./household.js";
export * from "./readings.js";
export * from "./income.js";
export * from "./eligibility.js";
export * from "./bedrooms.js";
export * from "./dedicated.js";
export * from "./methodology.js";
export * from "./priority.js";
export * from "./distance.js";
export * from "./refusals.js";
export * from "./shortlist.js";
export * from "./quotas.js";
export * from "./free-choice.js";
export * from "./commission.js";
export * from "./file-state.js";
export { ALLOCATION_INTERPRETATION_NOTES } from "./notes.js";
export { lawReader as allocationLawReader, type Citation, type LawReader } from "./law.js";
