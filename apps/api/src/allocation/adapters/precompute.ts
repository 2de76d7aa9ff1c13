/**
 * What the shortlist precomputes per application snapshot (issue 16), so that a vacancy does not
 * re-evaluate the whole register. Everything is computed by the domain's own functions, on the
 * very inputs the old path used, and keyed by everything it depends on — nothing is approximated:
 *
 * - `ApplicationEvaluation` (snapshot, ranking day, regime): art. 55 §1 eligibility as a candidate
 *   (`checkEligibility`: 1° and 4° on the lodging day, 2° and 3° on the ranking day), the
 *   bedrooms the household needs (RGD art. 4, `countBedroomsNeeded`, ages on 1 January of the
 *   ranking year) and its units for art. 66 (`countUnits`). It depends on the day, not on the vacancy: the first ranking of a day evaluates
 *   the register once (in bulk), every later vacancy that day reads the stored rows.
 * - `ApplicationCriteria` (snapshot, methodology version, evaluation day, regime): the art. 57 §1
 *   snapshot (`evaluateSocioEconomic`), evaluated on the documented situation's day (or the ranking
 *   day when undocumented) — a documented situation is evaluated once per methodology version.
 *
 * These rows are derived data, never evidence: a decision record references the snapshots, and
 * `verifyShortlist` replays from the snapshots alone with the full domain path.
 */
import {
  checkEligibility,
  countBedroomsNeeded,
  countUnits,
  firstJanuaryOf,
  canonicalise,
  type CriteriaSnapshot,
  type LawReader,
  type Methodology,
  type RegimeOptions,
} from "@abordable/domain";
import { nodeSha256 } from "../../db/sealed-records.js";
import { householdOf, type Tx } from "./common.js";
import { situationOf, snapshotOf } from "./register.js";
import { rowsOfSnapshot, type SnapshotInput } from "./snapshots.js";

/** The key of a regime (SHA-256 of its canonical options): a precomputation is used only under the regime it was made with. */
export function regimeKeyOf(regime: RegimeOptions): string {
  return nodeSha256(canonicalise(regime));
}

/** The active applications on `date`, one per candidate (the oldest: seniority), as SQL (parameters: the date). */
export const ACTIVE_ONE_PER_CANDIDATE = `SELECT DISTINCT ON (a."candidateId") a.id, a."candidateId", a."registeredOn", a."isSittingTenantToRehouse", a."snapshotHash"
  FROM "Application" a WHERE a.status = 'ACTIVE' AND a."registeredOn" <= $1::date ORDER BY a."candidateId", a."registeredOn", a.id`;

export interface Evaluation {
  valid: boolean;
  eligible: boolean;
  bedroomsNeeded: number;
  /** countUnits on the day's basis (art. 66 under-occupancy threshold, without the extra bedrooms). */
  units: number;
}

/** The domain's household of a snapshot on `date` (the register mapping of common.ts). */
export function householdOfInput(input: SnapshotInput, date: string) {
  const r = rowsOfSnapshot(input);
  return householdOf(r.candidate, r.members, date);
}

/** Eligibility as a candidate on `date` and bedrooms needed, from a snapshot (what prepareCandidates decides, without the vacancy). */
export function evaluate(input: SnapshotInput, date: string, regime: RegimeOptions, law: LawReader): Evaluation {
  const members = input.household?.members ?? [];
  if (members.length === 0 || members.filter((m) => m.role === "APPLICANT").length !== 1) return { valid: false, eligible: false, bedroomsNeeded: 0, units: 0 };
  const h = householdOfInput(input, date);
  try {
    const e = checkEligibility(h, { ...regime, asOf: date, applicationDate: input.application.registeredOn, purpose: "CANDIDATE" });
    const needed = countBedroomsNeeded(
      h,
      firstJanuaryOf(date),
      law.integer("allocation.bedroom.ownBedroomFromAge", date),
      law.integer("allocation.bedroom.childrenPerSharedBedroom", date),
    );
    return { valid: true, eligible: e.eligible, bedroomsNeeded: needed, units: countUnits(h, law.code("allocation.underOccupancy.countingBasis", date)) };
  } catch {
    return { valid: false, eligible: false, bedroomsNeeded: 0, units: 0 };
  }
}

/** Evaluates, in bulk, the active snapshots that have no evaluation for the day and regime yet; returns how many. */
export async function ensureEvaluations(db: Tx, date: string, regime: RegimeOptions, law: LawReader): Promise<number> {
  const key = regimeKeyOf(regime);
  const missing = await db.$queryRawUnsafe<{ hash: string; canonical: string }[]>(
    `WITH active AS (${ACTIVE_ONE_PER_CANDIDATE})
     SELECT s.hash, s.canonical FROM active JOIN "ApplicationSnapshot" s ON s.hash = active."snapshotHash"
     WHERE NOT EXISTS (SELECT 1 FROM "ApplicationEvaluation" e WHERE e."snapshotHash" = s.hash AND e."asOf" = $1::date AND e."regimeKey" = $2)`,
    date,
    key,
  );
  const rows = missing.map((m) => ({ hash: m.hash, ...evaluate(JSON.parse(m.canonical) as SnapshotInput, date, regime, law) }));
  await storeEvaluations(db, date, key, rows);
  return rows.length;
}

/**
 * After a bulk write, the table's statistics are refreshed: with the stale ones the planner takes
 * thousands of fresh rows for one and joins by filter instead of by key (seconds instead of ms).
 */
export async function analyzeAfterBulk(db: Tx, table: "ApplicationSnapshot" | "ApplicationEvaluation" | "ApplicationCriteria", written: number): Promise<void> {
  if (written >= 500) await db.$executeRawUnsafe(`ANALYZE "${table}"`);
}

export async function storeEvaluations(db: Tx, date: string, key: string, rows: ({ hash: string } & Evaluation)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    const batch = JSON.stringify(rows.slice(i, i + 5_000));
    await db.$executeRaw`INSERT INTO "ApplicationEvaluation" ("snapshotHash", "asOf", "regimeKey", "valid", "eligible", "bedroomsNeeded", "units")
      SELECT x.hash, ${date}::date, ${key}, x.valid, x.eligible, x."bedroomsNeeded", x.units FROM jsonb_to_recordset(${batch}::jsonb) AS x(hash text, valid boolean, eligible boolean, "bedroomsNeeded" int, units int)
      ON CONFLICT DO NOTHING`;
  }
  // A day's evaluations serve that day's rankings: those made more than a month ago are dropped with a bulk write (derived data, made again if needed).
  if (rows.length >= 500) await db.$executeRaw`DELETE FROM "ApplicationEvaluation" WHERE "createdAt" < now() - interval '31 days'`;
  await analyzeAfterBulk(db, "ApplicationEvaluation", rows.length);
}

/** The day a snapshot's criteria are evaluated on for a ranking on `date`: the documented situation's day when not after it, else the ranking day (as prepareCandidates). */
export function evaluationDayOf(input: SnapshotInput, date: string): string {
  const s = situationOf(input.application.situation);
  return s?.evaluatedOn && s.evaluatedOn <= date ? s.evaluatedOn : date;
}

/** The art. 57 §1 snapshot of an application snapshot (snapshotOf on the household of the ranking day). */
export function criteriaOf(input: SnapshotInput, date: string, m: Methodology, regime: RegimeOptions, law: LawReader): CriteriaSnapshot {
  return snapshotOf(
    input.application.id,
    householdOfInput(input, date),
    situationOf(input.application.situation),
    evaluationDayOf(input, date),
    m,
    regime,
    law,
  );
}

export interface CriteriaRef {
  hash: string;
  evaluatedOn: string;
  input: SnapshotInput;
}

/**
 * The criteria totals of the snapshots under the methodology version, computing and storing those
 * not yet precomputed (the stored rows keep the full snapshot for the kept candidates' breakdowns).
 */
export async function criteriaTotals(
  db: Tx,
  refs: readonly CriteriaRef[],
  methodologyId: string,
  date: string,
  m: Methodology,
  regime: RegimeOptions,
  law: LawReader,
): Promise<Map<string, number>> {
  const key = regimeKeyOf(regime);
  const totals = new Map<string, number>();
  for (let i = 0; i < refs.length; i += 10_000) {
    const batch = JSON.stringify(refs.slice(i, i + 10_000).map((r) => ({ hash: r.hash, evaluatedOn: r.evaluatedOn })));
    const found = await db.$queryRaw<
      { hash: string; total: number }[]
    >`SELECT c."snapshotHash" AS hash, c.total FROM jsonb_to_recordset(${batch}::jsonb) AS x(hash text, "evaluatedOn" date)
      JOIN "ApplicationCriteria" c ON c."snapshotHash" = x.hash AND c."methodologyId" = ${methodologyId}::uuid AND c."evaluatedOn" = x."evaluatedOn" AND c."regimeKey" = ${key}`;
    for (const f of found) totals.set(f.hash, f.total);
  }
  const missing = refs.filter((r) => !totals.has(r.hash));
  const computed = missing.map((r) => ({ hash: r.hash, evaluatedOn: r.evaluatedOn, criteria: criteriaOf(r.input, date, m, regime, law) }));
  for (const c of computed) totals.set(c.hash, c.criteria.total);
  for (let i = 0; i < computed.length; i += 2_000) {
    const batch = JSON.stringify(
      computed.slice(i, i + 2_000).map((c) => ({ hash: c.hash, evaluatedOn: c.evaluatedOn, total: c.criteria.total, criteria: c.criteria })),
    );
    await db.$executeRaw`INSERT INTO "ApplicationCriteria" ("snapshotHash", "methodologyId", "evaluatedOn", "regimeKey", "total", "criteria")
      SELECT x.hash, ${methodologyId}::uuid, x."evaluatedOn", ${key}, x.total, x.criteria FROM jsonb_to_recordset(${batch}::jsonb) AS x(hash text, "evaluatedOn" date, total int, criteria jsonb)
      ON CONFLICT DO NOTHING`;
  }
  await analyzeAfterBulk(db, "ApplicationCriteria", computed.length);
  return totals;
}

/** The stored full criteria snapshots of a few application snapshots (the kept candidates). */
export async function storedCriteria(
  db: Tx,
  refs: readonly { hash: string; evaluatedOn: string }[],
  methodologyId: string,
  regime: RegimeOptions,
): Promise<Map<string, CriteriaSnapshot>> {
  if (refs.length === 0) return new Map();
  const batch = JSON.stringify(refs);
  const rows = await db.$queryRaw<
    { hash: string; criteria: CriteriaSnapshot }[]
  >`SELECT c."snapshotHash" AS hash, c.criteria FROM jsonb_to_recordset(${batch}::jsonb) AS x(hash text, "evaluatedOn" date)
    JOIN "ApplicationCriteria" c ON c."snapshotHash" = x.hash AND c."methodologyId" = ${methodologyId}::uuid AND c."evaluatedOn" = x."evaluatedOn" AND c."regimeKey" = ${regimeKeyOf(regime)}`;
  return new Map(rows.map((r) => [r.hash, typeof r.criteria === "string" ? (JSON.parse(r.criteria) as CriteriaSnapshot) : r.criteria]));
}
