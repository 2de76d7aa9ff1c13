-- Rate-limit buckets without write-ahead log (issue 16). Every API request on PostgreSQL takes a
-- token with one UPSERT on "RateLimitBucket" (http/rate-limit.ts); on a logged table that is a
-- durable commit, an fsync (4.2 ms on the benchmark machine against 0.5 ms without), on the one row
-- of the caller's key, so concurrent requests of one key queued behind each other's fsync: the
-- dwelling page served at most ~120 requests/s at 50 connections whatever its own cost. The
-- buckets are per-minute, transient state: unlogged, a crash of PostgreSQL empties the table, i.e.
-- every bucket is full again (what a bucket untouched for a minute is anyway), and a standby does not
-- carry them (after a failover, the same). Nothing else depends on them. Not expressible in
-- schema.prisma (Prisma does not model a table's persistence), so the schema is unchanged.
ALTER TABLE "RateLimitBucket" SET UNLOGGED;
