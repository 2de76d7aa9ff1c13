/**
 * The law kernel: the one implementation of each concept the engines share — calendar, legal
 * references, regime selection, domain errors, interpretation notes, canonical records.
 */
export * from "./types.js";
export * from "./errors.js";
export * from "./calendar.js";
export * from "./references.js";
export * from "./regime.js";
export * from "./readings.js";
export * from "./record.js";
export { LAW_INTERPRETATION_NOTES, noteRegistry, type InterpretationNote, type NoteCapability, type NoteRegistry, type RegisteredNote } from "./notes.js";
