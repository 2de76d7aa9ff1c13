/**
 * Rate limits: a token bucket per key (an API key, an address, a presented credential), holding
 * `perMinute` tokens and refilled continuously at `perMinute` per minute.
 *
 * Two stores, one behaviour:
 * - in memory (the embedded PGlite deployment, one process): a bounded map that evicts the bucket
 *   used least recently when full. A bucket untouched for a minute is full again, so evicting the
 *   least recently used one never takes tokens from anybody; an attacker filling the map only
 *   evicts buckets that were as good as full.
 * - in PostgreSQL (DATABASE_URL set): one row per bucket in "RateLimitBucket", refilled and taken
 *   in a single atomic upsert, so that several API processes behind one address share each key's
 *   limit instead of each granting it in full. Rows older than a minute (full again) are purged.
 *
 * The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers) are built from a decision:
 * `RateLimit-Policy: "<name>";q=<quota>;w=60` and `RateLimit: "<name>";r=<remaining>;t=<seconds>`.
 */
import type { SqlSession } from "../db/migrate.js";

export interface RateDecision {
  allowed: boolean;
  /** Quota of the window (tokens per minute). */
  limit: number;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds to wait before a request is allowed again (0 when allowed). */
  retryAfter: number;
}

export interface RateLimitStore {
  /** Takes one token from `key`'s bucket of `perMinute` tokens. */
  take(key: string, perMinute: number): Promise<RateDecision>;
  /** The bucket's state without taking from it. */
  peek(key: string, perMinute: number): Promise<RateDecision>;
}

function decide(tokensAfter: number, allowed: boolean, perMinute: number): RateDecision {
  const rate = perMinute / 60; // tokens per second
  return {
    allowed,
    limit: perMinute,
    remaining: Math.max(0, Math.floor(tokensAfter)),
    resetSeconds: Math.max(0, Math.ceil((perMinute - tokensAfter) / rate)),
    retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - tokensAfter) / rate)),
  };
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  private refill(key: string, perMinute: number): { tokens: number; at: number } {
    const now = this.now();
    const found = this.buckets.get(key);
    const bucket = found ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    bucket.at = now;
    // Map order is insertion order: re-inserting marks the bucket as the most recently used.
    if (found) this.buckets.delete(key);
    this.buckets.set(key, bucket);
    while (this.buckets.size > this.maxEntries) this.buckets.delete(this.buckets.keys().next().value as string);
    return bucket;
  }

  async take(key: string, perMinute: number): Promise<RateDecision> {
    const bucket = this.refill(key, perMinute);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return decide(bucket.tokens, true, perMinute);
    }
    return decide(bucket.tokens, false, perMinute);
  }

  async peek(key: string, perMinute: number): Promise<RateDecision> {
    if (!this.buckets.has(key)) return decide(perMinute, true, perMinute);
    const bucket = this.refill(key, perMinute);
    return decide(bucket.tokens, bucket.tokens >= 1, perMinute);
  }
}

/**
 * Buckets in PostgreSQL. One statement per decision: the refill and the take happen in the row's
 * own upsert, so two processes taking the last token at once cannot both get it. A refused
 * request leaves the bucket at `refill - 1` (floored at -1): it borrows at most one token, so a
 * client that keeps hammering past the limit waits at most one token longer. Time is the server's
 * clock_timestamp(), read after the row lock is granted: an upsert that waited behind another one
 * (from this process or another) refills from that one's time, never from before it (now() is
 * the statement's start, which would refill a negative amount and refuse a token that is there).
 */
export class PostgresRateLimitStore implements RateLimitStore {
  private calls = 0;
  constructor(private readonly sql: SqlSession) {}

  async take(key: string, perMinute: number): Promise<RateDecision> {
    if (++this.calls % 1000 === 0) void this.purge().catch(() => undefined);
    const rows = await this.sql.query<{ tokens: number }>(
      `INSERT INTO "RateLimitBucket" AS b ("key", "tokens", "updatedAt") VALUES ($1, $2::float8 - 1, clock_timestamp())
       ON CONFLICT ("key") DO UPDATE SET
         "tokens" = GREATEST(-1, LEAST($2::float8, b."tokens" + GREATEST(0, EXTRACT(EPOCH FROM (clock_timestamp() - b."updatedAt"))) * $2::float8 / 60) - 1),
         "updatedAt" = GREATEST(b."updatedAt", clock_timestamp())
       RETURNING "tokens"`,
      [key, perMinute],
    );
    const tokens = Number(rows[0]!.tokens);
    return decide(tokens, tokens >= 0, perMinute);
  }

  async peek(key: string, perMinute: number): Promise<RateDecision> {
    const rows = await this.sql.query<{ tokens: number }>(
      `SELECT LEAST($2::float8, "tokens" + GREATEST(0, EXTRACT(EPOCH FROM (clock_timestamp() - "updatedAt"))) * $2::float8 / 60) AS tokens FROM "RateLimitBucket" WHERE "key" = $1`,
      [key, perMinute],
    );
    if (rows.length === 0) return decide(perMinute, true, perMinute);
    const tokens = Number(rows[0]!.tokens);
    return decide(tokens, tokens >= 1, perMinute);
  }

  /** Buckets untouched for over a minute are full again: the same as no row. */
  async purge(): Promise<void> {
    await this.sql.exec(`DELETE FROM "RateLimitBucket" WHERE "updatedAt" < now() - interval '61 seconds'`);
  }
}

/** The IETF RateLimit-Policy and RateLimit header values for a decision under the policy `name`. */
export function rateLimitHeaders(name: string, d: RateDecision): Record<string, string> {
  return {
    "ratelimit-policy": `"${name}";q=${d.limit};w=60`,
    ratelimit: `"${name}";r=${d.remaining};t=${d.resetSeconds}`,
  };
}
