/**
 * Refusals — law art. 57 §3 al. 2 inserted by bill art. 34 3°: « les critères d'attribution … du
 * candidat-locataire qui a refusé deux propositions successives d'attribution d'un logement, sans
 * justification valable, ne sont révisés que lors de la deuxième année suivant celle du deuxième
 * refus ». Implemented as a freeze of the candidate's criteria snapshot: until 1 January of the
 * second year after the year of the second refusal, the snapshot in force at the second refusal is
 * used (reading `refusal-freeze-snapshot`). Under the law (before the bill) there is no freeze:
 * criteria are revised at least yearly (art. 57 §3 al. 1).
 */
import type { IsoDate, RegimeOptions } from "../parameters/types.js";
import { yearOf } from "./household.js";
import { cite, type Citation, lawReader, type LawReader } from "./law.js";
import type { CriteriaSnapshot } from "./priority.js";

export interface OfferOutcome {
  readonly offeredOn: IsoDate;
  /** Date of the refusal or acceptance. */
  readonly decidedOn: IsoDate;
  readonly outcome: "ACCEPTED" | "REFUSED_JUSTIFIED" | "REFUSED_UNJUSTIFIED";
}

export interface RefusalFreeze {
  readonly frozen: boolean;
  /** Date of the refusal that completed the run of successive unjustified refusals. */
  readonly triggeredOn?: IsoDate;
  /** First day criteria may be revised again: 1 January of (year of that refusal + deferral years). */
  readonly revisableFrom?: IsoDate;
  readonly citation: Citation;
}

const CITATION = cite(
  "BILL_8535",
  "34",
  "art. 57 §3 al. 2: after two successive unjustified refusals, criteria revised only in the second year after the second refusal",
  { point: "3°" },
);

/** Whether the candidate's criteria are frozen on `asOf` (bill art. 57 §3 al. 2). */
export function refusalFreeze(offers: readonly OfferOutcome[], asOf: IsoDate, options: RegimeOptions, law: LawReader = lawReader(options)): RefusalFreeze {
  if (!law.inForce("allocation.refusals.count", asOf))
    return { frozen: false, citation: cite("LAW_2023", "57", "criteria revised at least yearly", { paragraph: "3" }) };
  const count = law.integer("allocation.refusals.count", asOf);
  const deferral = law.integer("allocation.refusals.revisionDeferralYears", asOf);
  const sorted = [...offers].filter((o) => o.decidedOn <= asOf).sort((a, b) => (a.offeredOn < b.offeredOn ? -1 : a.offeredOn > b.offeredOn ? 1 : 0));
  let run = 0;
  let triggeredOn: IsoDate | undefined;
  for (const o of sorted) {
    if (o.outcome === "REFUSED_UNJUSTIFIED") {
      run += 1;
      if (run === count) {
        triggeredOn = o.decidedOn;
        run = 0;
      }
    } else run = 0;
  }
  if (triggeredOn === undefined) return { frozen: false, citation: CITATION };
  const revisableFrom = `${String(yearOf(triggeredOn) + deferral).padStart(4, "0")}-01-01`;
  return { frozen: asOf < revisableFrom, triggeredOn, revisableFrom, citation: CITATION };
}

export interface CriteriaInForce {
  readonly snapshot: CriteriaSnapshot | undefined;
  readonly freeze: RefusalFreeze;
}

/**
 * The criteria snapshot that applies on `asOf`: the latest evaluated on or before `asOf`; while
 * frozen, the latest evaluated on or before the triggering refusal (later revisions are ignored).
 */
export function criteriaInForce(
  history: readonly CriteriaSnapshot[],
  offers: readonly OfferOutcome[],
  asOf: IsoDate,
  options: RegimeOptions,
  law: LawReader = lawReader(options),
): CriteriaInForce {
  const freeze = offers.length === 0 ? { frozen: false, citation: CITATION } : refusalFreeze(offers, asOf, options, law);
  const limit = freeze.frozen && freeze.triggeredOn ? freeze.triggeredOn : asOf;
  let best: CriteriaSnapshot | undefined;
  for (const s of history) if (s.evaluatedOn <= limit && (best === undefined || s.evaluatedOn > best.evaluatedOn)) best = s;
  return { snapshot: best, freeze };
}
