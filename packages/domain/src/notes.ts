/**
 * THE registry of interpretation notes: every capability's notes, one id each (src/law/notes.ts).
 * It sits at the top of the domain because it gathers the capabilities' lists.
 */
import { ALLOCATION_INTERPRETATION_NOTES } from "./allocation/notes.js";
import { COMPENSATION_INTERPRETATION_NOTES } from "./compensation/notes.js";
import { LAW_INTERPRETATION_NOTES, noteRegistry, type NoteRegistry } from "./law/notes.js";
import { PARAMETER_INTERPRETATION_NOTES } from "./parameters/notes.js";
import { TENANCY_INTERPRETATION_NOTES } from "./tenancy/notes.js";

export const NOTES: NoteRegistry = noteRegistry({
  LAW: LAW_INTERPRETATION_NOTES,
  PARAMETERS: PARAMETER_INTERPRETATION_NOTES,
  ALLOCATION: ALLOCATION_INTERPRETATION_NOTES,
  TENANCY: TENANCY_INTERPRETATION_NOTES,
  COMPENSATION: COMPENSATION_INTERPRETATION_NOTES,
});

/** Every interpretation note of the domain, tagged with its capability. */
export const INTERPRETATION_NOTES = NOTES.notes;
/** The ids of every interpretation note. */
export const INTERPRETATION_NOTE_IDS = NOTES.ids;
