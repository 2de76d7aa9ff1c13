/**
 * A file's decision record read the same way whatever its schema: 1 (self-contained) or 2 (by
 * reference to application snapshots, issue 16: the snapshots give the application ids).
 */
import { gunzipSync } from "node:zlib";
import type { PrismaClient } from "../../src/generated/prisma/client.js";

export interface RecordView {
  schema: string;
  regime: unknown;
  readings: unknown;
  candidates: { candidateId: string; snapshot?: string; sittingTenant?: { leaseId: string; ground: string } }[];
  result: { ranking: { candidateId: string; total: number; rank: number }[]; excluded: { candidateId: string; reasons?: string[] }[] };
  raw: Record<string, unknown>;
}

export async function recordView(prisma: PrismaClient, fileId: string): Promise<RecordView> {
  const row = await prisma.allocationFile.findUniqueOrThrow({ where: { id: fileId } });
  const raw = JSON.parse(gunzipSync(row.decisionRecord!).toString("utf8")) as Record<string, any>;
  if (raw.schema !== "abordable.allocation.shortlist/2")
    return { schema: raw.schema, regime: raw.regime, readings: raw.readings, candidates: raw.candidates, result: raw.result, raw };
  const hashes: string[] = raw.candidates.map((c: { snapshot: string }) => c.snapshot);
  const snaps = await prisma.applicationSnapshot.findMany({ where: { hash: { in: hashes } }, select: { hash: true, applicationId: true } });
  const app = new Map(snaps.map((s) => [s.hash, s.applicationId]));
  const candidates = raw.candidates.map((c: { snapshot: string; sittingTenant?: { leaseId: string; ground: string } }) => ({
    candidateId: app.get(c.snapshot)!,
    snapshot: c.snapshot,
    ...(c.sittingTenant ? { sittingTenant: c.sittingTenant } : {}),
  }));
  return {
    schema: raw.schema,
    regime: raw.regime,
    readings: raw.readings,
    candidates,
    result: {
      ranking: raw.result.ranking.map(([i, total]: [number, number], k: number) => ({ candidateId: candidates[i].candidateId, total, rank: k + 1 })),
      excluded: raw.result.excluded.map((i: number) => ({ candidateId: candidates[i].candidateId })),
    },
    raw,
  };
}
