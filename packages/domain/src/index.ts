/**
 * @abordable/domain — the law of 7 August 2023 on affordable housing (loi relative au
 * logement abordable), consolidated on 1 January 2026, and as amended by bill 8535, as
 * pure functions over exact decimals. Each capability has its own folder.
 */
export * from "./law/index.js";
export * from "./money/index.js";
export * from "./parameters/index.js";
export * from "./tenancy/index.js";
export * from "./compensation/index.js";
export * from "./allocation/index.js";
export { INTERPRETATION_NOTES, INTERPRETATION_NOTE_IDS, NOTES } from "./notes.js";
