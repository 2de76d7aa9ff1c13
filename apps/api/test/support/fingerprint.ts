/**
 * A fingerprint of the whole database, to prove that requests changed nothing: for every table,
 * its row count and an order-independent hash of its rows. The idempotency records and the rate
 * limiter's buckets (PostgreSQL keeps them in RateLimitBucket) are left out, and the API keys are hashed without their last-use time (both move with every authenticated
 * request), so that a key created or revoked still shows.
 */
import type { Database } from "../../src/db/database.js";

export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: t } of tables) {
    if (t === "IdempotencyRecord" || t === "RateLimitBucket") continue;
    const row = t === "ApiKey" ? `(to_jsonb(x) - 'lastUsedAt')::text` : "x::text";
    const [result] = await db.prisma.$queryRawUnsafe<{ n: string; h: string | null }[]>(
      `SELECT count(*)::text AS n, md5(string_agg(md5(${row}), '' ORDER BY md5(${row}))) AS h FROM "${t}" x`,
    );
    out[t] = `${result!.n}:${result!.h ?? ""}`;
  }
  return out;
}
