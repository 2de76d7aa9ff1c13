/**
 * The decision record by reference (issue 16, schema `abordable.allocation.shortlist/2`): what was
 * decided at ranking time — vacancy, day, regime, methodology, distances and parameter versions
 * used, each candidate's offers, earlier snapshots (the freeze) and rehousing ground — and every
 * candidate's inputs by the SHA-256 of its immutable `ApplicationSnapshot`; the ranking as
 * [candidate index, total] in rank order, the excluded as indices. The register's applications the
 * SQL filter left out (they cannot be ranked) are counted, with the filter's wording.
 *
 * Verification (`verifySnapshotRecord`): the stored bytes hash to the stored hash; every referenced
 * snapshot exists and its stored canonical text hashes to its id (a changed snapshot row is
 * detected); the ranking is replayed from the snapshots alone with the full domain path of the
 * whole-register shortlist (`prepareCandidates`: household, `checkEligibility`,
 * `evaluateSocioEconomic`, then `shortlist`), and the replayed record must hash identically.
 */
import type { CriteriaSnapshot, DistanceFn, Methodology, OfferOutcome, RegimeOptions, RehousingGround, ShortlistResult, Vacancy } from "@abordable/domain";
import { shortlist } from "@abordable/domain";
import { nodeSha256, openStored, sealForStorage } from "../../db/sealed-records.js";
import type { Tx } from "./common.js";
import { prepareCandidates, type RegisterRows } from "./register.js";
import { APPLICATION_SNAPSHOT_SCHEMA, rowsOfSnapshot, type SnapshotInput } from "./snapshots.js";

export const SNAPSHOT_RECORD_SCHEMA = "abordable.allocation.shortlist/2";

/** A candidate of the record: its snapshot and what the ranking read besides it. */
export interface CandidateRef {
  snapshot: string;
  offers?: readonly OfferOutcome[];
  previousCriteria?: readonly CriteriaSnapshot[];
  sittingTenant?: { leaseId: string; ground: RehousingGround };
}

export interface RegisterSummary {
  snapshotSchema: string;
  filter: string;
  /** Active applications on the day, one per candidate. */
  considered: number;
  invalidHouseholds: number;
  /** Left out by the SQL filter (not loaded): they cannot be ranked. */
  notLoaded: number;
}

export interface SnapshotDecisionRecord {
  schema: typeof SNAPSHOT_RECORD_SCHEMA;
  vacancy: Vacancy;
  allocationDate: string;
  /** The regime options set and the operator readings applied, as the domain's shortlist records them. */
  regime: ShortlistResult["record"]["regime"];
  readings: NonNullable<ShortlistResult["record"]["readings"]>;
  methodology: Methodology;
  register: RegisterSummary;
  candidates: readonly CandidateRef[];
  distances: ShortlistResult["record"]["distances"];
  parameters: ShortlistResult["record"]["parameters"];
  result: { ranking: readonly (readonly [number, number])[]; excluded: readonly number[] };
}

export interface RecordBase {
  vacancy: Vacancy;
  allocationDate: string;
  regime: RegimeOptions;
  methodology: Methodology;
}

/** The record of a ranking whose domain candidates are `refs` in order (candidate i of the result is refs[i]). */
export function buildSnapshotRecord(
  base: RecordBase,
  register: RegisterSummary,
  refs: readonly CandidateRef[],
  result: ShortlistResult,
): SnapshotDecisionRecord {
  const index = new Map(result.record.candidates.map((c, i) => [c.candidateId, i]));
  return {
    schema: SNAPSHOT_RECORD_SCHEMA,
    vacancy: base.vacancy,
    allocationDate: base.allocationDate,
    regime: result.record.regime,
    readings: result.record.readings!,
    methodology: base.methodology,
    register,
    candidates: refs,
    distances: result.record.distances,
    parameters: result.record.parameters,
    result: {
      ranking: result.ranked.map((r) => [index.get(r.candidateId)!, r.total] as const),
      excluded: result.excluded.map((e) => index.get(e.candidateId)!).sort((a, b) => a - b),
    },
  };
}

/** Replays a record from the snapshots' canonical texts (by hash) with the whole-register path. */
export function replaySnapshotRecord(
  record: SnapshotDecisionRecord,
  canonicalByHash: ReadonlyMap<string, string>,
): { result: ShortlistResult; record: SnapshotDecisionRecord } {
  const rows: RegisterRows = {
    applications: [],
    candidates: [],
    households: [],
    members: [],
    offers: [],
    previousEntries: [],
    sittingLeases: [],
    rehousingCases: [],
    municipalities: [],
  };
  const refs: CandidateRef[] = [];
  for (const ref of record.candidates) {
    const text = canonicalByHash.get(ref.snapshot);
    if (text === undefined) throw new RangeError(`snapshot ${ref.snapshot} not found`);
    const input = JSON.parse(text) as SnapshotInput;
    if (input.schema !== APPLICATION_SNAPSHOT_SCHEMA) throw new RangeError(`snapshot ${ref.snapshot}: unknown schema ${String(input.schema)}`);
    const r = rowsOfSnapshot(input);
    rows.applications.push(r.application);
    rows.candidates.push(r.candidate);
    if (r.household) rows.households.push(r.household);
    rows.members.push(...r.members);
    for (const o of ref.offers ?? [])
      rows.offers.push({
        applicationId: r.application.id,
        offeredOn: new Date(`${o.offeredOn}T00:00:00Z`),
        respondedOn: new Date(`${o.decidedOn}T00:00:00Z`),
        outcome: o.outcome,
      });
    for (const c of ref.previousCriteria ?? []) rows.previousEntries.push({ applicationId: r.application.id, scoreBreakdown: { criteria: c } as never });
    if (ref.sittingTenant && r.household) {
      rows.sittingLeases.push({ id: ref.sittingTenant.leaseId, householdId: r.household.id });
      rows.rehousingCases.push({ id: ref.sittingTenant.leaseId, leaseId: ref.sittingTenant.leaseId, reason: ref.sittingTenant.ground, knownOn: new Date(0) });
    }
    refs.push(ref);
  }
  const regime = { ...record.regime, internationalProtectionReading: record.readings.internationalProtectionReading } as RegimeOptions;
  const prepared = prepareCandidates(rows, record.allocationDate, record.methodology, regime);
  // Candidates the replay could not read (a household altered into an invalid one) keep their place in the references but are not ranked.
  const byApplication = new Map(prepared.candidates.map((c) => [c.candidateId, c]));
  const ordered = rows.applications.map((a) => byApplication.get(a.id)).filter((c) => c !== undefined);
  const kept = refs.filter((_r, i) => byApplication.has(rows.applications[i]!.id));
  const distances: DistanceFn = ((entries) => {
    const m = new Map(entries.map(([a, b, km]) => [`${a}\u0000${b}`, km]));
    return (a: string, b: string) => m.get(`${a}\u0000${b}`);
  })(record.distances);
  const result = shortlist({
    ...regime,
    vacancy: record.vacancy,
    allocationDate: record.allocationDate,
    candidates: ordered,
    methodology: record.methodology,
    distances,
    explainTop: 0,
  });
  return { result, record: buildSnapshotRecord({ ...record, regime }, record.register, kept, result) };
}

export interface SnapshotVerification {
  storedHashMatches: boolean;
  /** Every referenced snapshot exists and hashes to its id. */
  snapshotsIntact: boolean;
  snapshotCount: number;
  recomputedHash: string;
  rankedCount: number;
  record: SnapshotDecisionRecord;
  /** The replayed ranking as application ids and totals, in rank order. */
  ranking: { applicationId: string; total: number; rank: number }[];
  recordedRanking: { applicationId: string; total: number }[];
}

/** Verifies a stored record: bytes against hash, snapshots against their ids, replay against the record. */
export async function verifySnapshotRecord(db: Tx, bytes: Uint8Array, storedHash: string): Promise<SnapshotVerification> {
  const { canonical, verification } = openStored(bytes, storedHash);
  const record = JSON.parse(canonical) as SnapshotDecisionRecord;
  const hashes = [...new Set(record.candidates.map((c) => c.snapshot))];
  const found = new Map<string, string>();
  for (let i = 0; i < hashes.length; i += 5_000) {
    const rows = await db.applicationSnapshot.findMany({ where: { hash: { in: hashes.slice(i, i + 5_000) } }, select: { hash: true, canonical: true } });
    for (const r of rows) found.set(r.hash, r.canonical);
  }
  const intact = hashes.every((h) => found.has(h) && nodeSha256(found.get(h)!) === h);
  const applicationOf = (i: number) => (JSON.parse(found.get(record.candidates[i]!.snapshot) ?? "null") as SnapshotInput | null)?.application.id ?? "";
  const recordedRanking = record.result.ranking.map(([i, total]) => ({ applicationId: applicationOf(i), total }));
  if (hashes.some((h) => !found.has(h)))
    return {
      storedHashMatches: verification.intact,
      snapshotsIntact: false,
      snapshotCount: hashes.length,
      recomputedHash: "",
      rankedCount: 0,
      record,
      ranking: [],
      recordedRanking,
    };
  const replay = replaySnapshotRecord(record, found);
  return {
    storedHashMatches: verification.intact,
    snapshotsIntact: intact,
    snapshotCount: hashes.length,
    recomputedHash: sealForStorage(replay.record).hash,
    rankedCount: replay.result.ranked.length,
    record,
    ranking: replay.result.ranked.map((r) => ({ applicationId: r.candidateId, total: r.total, rank: r.rank })),
    recordedRanking,
  };
}
