/**
 * The rent of a lease over time (law art. 61-62). The rent set at the start of the lease is
 * `Lease.monthlyRent`; every later rent is a dated `RentRevision` that applies from its
 * `effectiveFrom` (e.g. an income change reported on 10 March applies from 1 May, art. 62 §2 al. 2).
 * The rent in force on a date is the latest revision effective on or before it (the one recorded
 * last when two start the same day), else the starting rent. Pure: callers load the revisions
 * with the lease (`RENT_HISTORY_SELECT`), so a page of leases costs a fixed number of statements.
 */
import { iso } from "./common.js";

type Money = { toFixed(dp?: number): string };

export interface RentRevisionRow {
  readonly effectiveFrom: Date;
  readonly monthlyRent: Money;
  readonly createdAt: Date;
}

/** The revisions as `revisionLeaseOf` and the deadlines also read them: one relation selection shared by every lease field. */
export const RENT_HISTORY_ORDER = [{ effectiveFrom: "asc" as const }, { createdAt: "asc" as const }];

/** The revision in force on `on` (YYYY-MM-DD), or null when none has started yet. */
export function revisionInForce<R extends RentRevisionRow>(revisions: readonly R[], on: string): R | null {
  let best: R | null = null;
  for (const r of revisions) {
    const from = iso(r.effectiveFrom);
    if (from > on) continue;
    if (!best) {
      best = r;
      continue;
    }
    const bestFrom = iso(best.effectiveFrom);
    if (from > bestFrom || (from === bestFrom && r.createdAt.getTime() >= best.createdAt.getTime())) best = r;
  }
  return best;
}

/** The monthly rent in force on `on` (exact decimal string, 2 places). */
export function rentOn(lease: { monthlyRent: Money }, revisions: readonly RentRevisionRow[], on: string): string {
  return (revisionInForce(revisions, on)?.monthlyRent ?? lease.monthlyRent).toFixed(2);
}

export interface RentPeriod {
  /** First day (inclusive). */
  readonly from: string;
  /** First day no longer covered (exclusive): the next change or the lease's end; null = open-ended. */
  readonly to: string | null;
  readonly monthlyRent: string;
}

/**
 * The lease's rent as consecutive half-open periods over `[startsOn, endsOn)`: the starting rent
 * until the first revision takes effect, then each revision until the next one. What a statement
 * prorates month by month (compensation: « rents received » follow the revisions), e.g. as one
 * `LeaseInput` per period.
 */
export function rentPeriods(lease: { startsOn: Date; endsOn: Date | null; monthlyRent: Money }, revisions: readonly RentRevisionRow[]): RentPeriod[] {
  const start = iso(lease.startsOn);
  const end = lease.endsOn ? iso(lease.endsOn) : null;
  // Change dates: each distinct effectiveFrom after the start and before the end.
  const dates = [...new Set(revisions.map((r) => iso(r.effectiveFrom)).filter((d) => d > start && (end === null || d < end)))].sort();
  const bounds = [start, ...dates];
  const out: RentPeriod[] = [];
  for (const [i, from] of bounds.entries()) {
    const monthlyRent = rentOn(lease, revisions, from);
    const to = bounds[i + 1] ?? end;
    const last = out[out.length - 1];
    if (last && last.monthlyRent === monthlyRent) out[out.length - 1] = { ...last, to };
    else out.push({ from, to, monthlyRent });
  }
  return out;
}
