/** Tenancy rules: affordable rent (art. 60, annex III), revision (art. 61-62), lease (art. 63-65), deposit (bill art. 63bis), under-occupancy and rehousing (art. 66-67), ends of lease (art. 69-70), deadlines. */
export { TenancyRuleError } from "./common.js";
export * from "./rent.js";
export * from "./revision.js";
export * from "./lease.js";
export * from "./deposit.js";
export * from "./rehousing.js";
export * from "./termination.js";
export * from "./deadlines.js";
export { TENANCY_INTERPRETATION_NOTES } from "./notes.js";
