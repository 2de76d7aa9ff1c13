/**
 * Which path computes and verifies a shortlist (issue 16). By default the ranking reads the
 * register through its application snapshots (rank-snapshots.ts) and seals the record by reference
 * (snapshot-record.ts, schema 2). `ABORDABLE_SHORTLIST_SNAPSHOTS=off` ranks the whole register as
 * before (register.ts, self-contained record, schema 1) — the comparison the tests and the bench
 * make. Verification follows the stored record's schema, so records of either kind still verify.
 */
import type { Methodology, RegimeOptions, ShortlistResult, Vacancy } from "@abordable/domain";
import { openStored } from "../../db/sealed-records.js";
import type { Context } from "../../schema/context.js";
import type { Tx } from "./common.js";
import { rankFromSnapshots } from "./rank-snapshots.js";
import { loadRegisterRows, prepareCandidates, rankRegister, sealRecord, verifyRecord, type SealedRecord } from "./register.js";
import { APPLICATION_SNAPSHOT_SCHEMA } from "./snapshots.js";
import { buildSnapshotRecord, SNAPSHOT_RECORD_SCHEMA, verifySnapshotRecord } from "./snapshot-record.js";
import { REGISTER_FILTER } from "./rank-snapshots.js";

export interface RankedShortlist {
  result: ShortlistResult;
  sealed: SealedRecord;
  invalidHouseholds: number;
  notLoaded: number;
  timings: { loadMs: number; rankMs: number; recordMs: number };
}

export const snapshotsEnabled = () => process.env.ABORDABLE_SHORTLIST_SNAPSHOTS !== "off";

export async function rankShortlist(
  ctx: Pick<Context, "prisma">,
  landlordId: string,
  vacancy: Vacancy,
  date: string,
  methodologyId: string,
  m: Methodology,
  regime: RegimeOptions,
  keep: number,
  useSnapshots = snapshotsEnabled(),
): Promise<RankedShortlist> {
  if (!useSnapshots) {
    const t0 = performance.now();
    const rows = await ctx.prisma.$transaction((tx) => loadRegisterRows(tx, landlordId, date), {
      isolationLevel: "RepeatableRead",
      timeout: 10 * 60_000,
      maxWait: 60_000,
    });
    const t1 = performance.now();
    const prepared = prepareCandidates(rows, date, m, regime);
    const result = rankRegister(prepared, vacancy, date, m, regime, keep);
    const t2 = performance.now();
    const sealed = sealRecord(result.record);
    return {
      result,
      sealed,
      invalidHouseholds: prepared.invalidHouseholds,
      notLoaded: 0,
      timings: { loadMs: t1 - t0, rankMs: t2 - t1, recordMs: performance.now() - t2 },
    };
  }
  const r = await rankFromSnapshots(ctx.prisma, landlordId, vacancy, date, methodologyId, m, regime, keep);
  const t2 = performance.now();
  const record = buildSnapshotRecord(
    { vacancy, allocationDate: date, regime, methodology: m },
    {
      snapshotSchema: APPLICATION_SNAPSHOT_SCHEMA,
      filter: REGISTER_FILTER,
      considered: r.considered,
      invalidHouseholds: r.invalidHouseholds,
      notLoaded: r.notLoaded,
    },
    r.refs,
    r.result,
  );
  const sealed = sealRecord(record as never);
  return {
    result: r.result,
    sealed,
    invalidHouseholds: r.invalidHouseholds,
    notLoaded: r.notLoaded,
    timings: { loadMs: r.timings.prepareMs + r.timings.loadMs, rankMs: r.timings.rankMs, recordMs: performance.now() - t2 },
  };
}

export interface StoredVerification {
  storedHashMatches: boolean;
  snapshotsIntact: boolean;
  snapshotCount: number;
  recomputedHash: string;
  rankedCount: number;
  /** The replayed ranking, rank order. */
  ranking: { applicationId: string; total: number; rank: number }[];
  /** The ranking as recorded, rank order. */
  recordedRanking: { applicationId: string; total: number }[];
}

/** Verifies a stored record of either schema. */
export async function verifyStoredShortlist(db: Tx, bytes: Uint8Array, storedHash: string): Promise<StoredVerification> {
  const { canonical } = openStored(bytes, storedHash);
  const schema = (JSON.parse(canonical) as { schema?: string }).schema;
  if (schema === SNAPSHOT_RECORD_SCHEMA) {
    const v = await verifySnapshotRecord(db, bytes, storedHash);
    return {
      storedHashMatches: v.storedHashMatches,
      snapshotsIntact: v.snapshotsIntact,
      snapshotCount: v.snapshotCount,
      recomputedHash: v.recomputedHash,
      rankedCount: v.rankedCount,
      ranking: v.ranking,
      recordedRanking: v.recordedRanking,
    };
  }
  const v = verifyRecord(bytes, storedHash);
  return {
    storedHashMatches: v.storedHashMatches,
    snapshotsIntact: true,
    snapshotCount: 0,
    recomputedHash: v.recomputedHash,
    rankedCount: v.rankedCount,
    ranking: v.replay.ranked.map((r) => ({ applicationId: r.candidateId, total: r.total, rank: r.rank })),
    recordedRanking: v.record.result.ranking.map((r) => ({ applicationId: r.candidateId, total: r.total })),
  };
}
