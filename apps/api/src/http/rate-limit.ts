/**
 * Per-key rate limit: a token bucket per API key (per address for anonymous callers and failed
 * authentications), refilled
 * continuously at `perMinute`. In memory: one API process holds its own buckets; a deployment
 * with several processes divides the limit between them or moves this to a shared store.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  /** Takes one token; returns 0 when allowed, otherwise the seconds to wait (for Retry-After). */
  take(key: string): number {
    const bucket = this.refill(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.waitFor(bucket);
  }

  /** Like take, without taking: 0 while a token is left, otherwise the seconds to wait. */
  peek(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    return this.refill(key).tokens >= 1 ? 0 : this.waitFor(bucket);
  }

  private refill(key: string): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * (this.perMinute / 60_000));
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.buckets.clear();
    return bucket;
  }

  private waitFor(bucket: { tokens: number }): number {
    return Math.max(1, Math.ceil((1 - bucket.tokens) / (this.perMinute / 60_000) / 1000));
  }
}
