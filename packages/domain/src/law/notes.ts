/**
 * Interpretation notes: where a text is ambiguous, the reading chosen and why (docs/rules.md,
 * preamble). Each capability keeps its notes as data next to its rules; ONE registry
 * (`noteRegistry`, assembled in src/notes.ts) holds them all, refuses duplicate ids, and is what
 * results, parameters and READMEs are checked against.
 */
import { DomainError } from "./errors.js";

export interface InterpretationNote {
  readonly id: string;
  readonly question: string;
  readonly reading: string;
  readonly reason: string;
}

/** The part of the domain whose rules rely on a note (and whose README documents it). */
export type NoteCapability = "LAW" | "PARAMETERS" | "ALLOCATION" | "TENANCY" | "COMPENSATION";

export interface RegisteredNote extends InterpretationNote {
  readonly capability: NoteCapability;
}

export interface NoteRegistry {
  readonly notes: readonly RegisteredNote[];
  readonly ids: ReadonlySet<string>;
  /** The note `id`, or undefined. */
  get(id: string): RegisteredNote | undefined;
  /** Throws DomainError DATA_DEFECT naming the first unknown id. */
  assertKnown(ids: readonly string[], where: string): void;
}

/** Builds the registry; a duplicate id (the same note written twice) fails at load. */
export function noteRegistry(lists: Readonly<Record<NoteCapability, readonly InterpretationNote[]>>): NoteRegistry {
  const byId = new Map<string, RegisteredNote>();
  for (const [capability, notes] of Object.entries(lists) as [NoteCapability, readonly InterpretationNote[]][])
    for (const n of notes) {
      const other = byId.get(n.id);
      if (other)
        throw new DomainError("DATA_DEFECT", `interpretation note "${n.id}" is registered twice (${other.capability} and ${capability})`, { subject: n.id });
      byId.set(n.id, { ...n, capability });
    }
  const notes = [...byId.values()];
  const ids: ReadonlySet<string> = new Set(byId.keys());
  return {
    notes,
    ids,
    get: (id) => byId.get(id),
    assertKnown(list, where) {
      for (const id of list) if (!ids.has(id)) throw new DomainError("DATA_DEFECT", `${where}: unknown interpretation note "${id}"`, { subject: id });
    },
  };
}

/** The kernel's own notes (calendar); law/README.md reproduces them. */
export const LAW_INTERPRETATION_NOTES: readonly InterpretationNote[] = [
  {
    id: "leap-day-anniversary",
    question:
      "A person born on 29 February, or a period in years starting on 29 February: on which day of a common year is the anniversary (e.g. born 1956-02-29: 70 years old on 2026-02-28 or 2026-03-01)?",
    reading:
      "On 28 February (reading FEB_28, the default): a period in years runs « de quantième à quantième » and, « à défaut d'un quantième identique », ends on the last day of the month — the same rule as `addMonths` (31 January + 1 month = 28/29 February). Ages, birthdays, full years and anniversaries all use it, so birthday(b, n) is the first day on which ageOn(b, ·) = n. The alternative reading MAR_1 (the anniversary falls on 1 March) is available to the calendar functions as a named reading.",
    reason:
      "The civil computation of periods expressed in months or years (Luxembourg Nouveau code de procédure civile on délais; European Convention on the Calculation of Time-Limits, Basel 1972, art. 4) ends a period that has no identical day in its last month on that month's last day. The texts on affordable housing set no rule of their own. The two readings differ on one day every four years for the age thresholds (18, 26/29, 60, 70) and the yearly cycles; the product names FEB_28 so that every age, deadline and anniversary agree (to be confirmed by a jurist).",
  },
];
