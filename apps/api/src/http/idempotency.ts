/**
 * Idempotent mutations. A client sends `Idempotency-Key: <key>` with a mutation; the first request
 * with that key (per API key) runs and its response is kept for 24 hours; a retry with the same
 * key and the same body gets that response again (header `idempotency-replayed: true`) and the
 * change is not applied twice. The same key with a different body is refused (422). A retry
 * while the first request is still running, or has committed but not yet stored its response,
 * gets 409 IDEMPOTENT_REQUEST_IN_PROGRESS with Retry-After. All of this state is rows of
 * "IdempotencyRecord" (unique per API key and key), so several API processes on one database
 * share it: exactly one of them claims a key.
 *
 * Only committed results are kept (complete()); secrets are redacted from what is kept.
 *
 * The "committed" mark is written inside the mutation's own transaction (schema/mutation.ts), so
 * a crash after the commit but before the response is stored is detected once the claim's lease
 * has run out (409 IDEMPOTENT_REQUEST_APPLIED: the change was applied) instead of applying the
 * change again.
 *
 * A claim is a lease: its time (`createdAt`) is its token. A process killed between the claim and
 * the commit leaves a claim nobody will finish; once the lease has run out, a retry takes it over
 * by moving the token. The committed mark, the stored response and the release all name the
 * token, so a slow first request that outlived its lease cannot commit, answer or free the key
 * after a retry took it over: the change is applied at most once.
 */
import { createHash } from "node:crypto";
import { Kind, parse, type DocumentNode } from "graphql";
import type { PrismaClient } from "../generated/prisma/client.js";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export type IdempotencyDecision =
  | { kind: "run"; claimedAt: Date }
  | { kind: "replay"; status: number; body: string }
  | { kind: "refuse"; status: number; code: string; message: string; retryAfter?: number };

export function isValidIdempotencyKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** True when the request body's selected operation is a mutation (queries need no idempotency). */
export function isMutationRequest(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== "string") return false;
  let doc: DocumentNode;
  try {
    doc = parse(query, { noLocation: true });
  } catch {
    return false;
  }
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = typeof operationName === "string" ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  return op?.operation === "mutation";
}

export function requestHash(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

/** Claims the key for this request, or says what to answer instead. */
export async function claim(
  prisma: PrismaClient,
  apiKeyId: string,
  key: string,
  hash: string,
  leaseMs: number,
  now = new Date(),
): Promise<IdempotencyDecision> {
  await prisma.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
  // INSERT … ON CONFLICT DO NOTHING: exactly one of two concurrent requests claims the key.
  const { count } = await prisma.idempotencyRecord.createMany({ data: [{ apiKeyId, key, requestHash: hash, createdAt: now }], skipDuplicates: true });
  if (count === 1) return { kind: "run", claimedAt: now };
  const existing = await prisma.idempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
  if (!existing) return claim(prisma, apiKeyId, key, hash, leaseMs, now);
  if (existing.requestHash !== hash) {
    return {
      kind: "refuse",
      status: 422,
      code: "IDEMPOTENCY_KEY_REUSED",
      message: "This Idempotency-Key was used with a different request; use a new key for a new request",
    };
  }
  if (existing.status !== null && existing.response !== null) return { kind: "replay", status: existing.status, body: existing.response };
  const leaseEnds = existing.createdAt.getTime() + leaseMs;
  if (existing.committedAt) {
    // Committed, and the response is being stored by the first request (in this process or
    // another one behind the same address): a retry in a moment replays it. Only once the lease
    // has run out is the response taken as lost (its process died between commit and answer).
    if (leaseEnds > now.getTime()) {
      return {
        kind: "refuse",
        status: 409,
        code: "IDEMPOTENT_REQUEST_IN_PROGRESS",
        message: "A request with this Idempotency-Key was just applied and its response is being stored; retry shortly to get it",
        retryAfter: 1,
      };
    }
    return {
      kind: "refuse",
      status: 409,
      code: "IDEMPOTENT_REQUEST_APPLIED",
      message: "The change of the first request with this key was applied but its response was lost; read the object instead of retrying",
    };
  }
  if (leaseEnds <= now.getTime()) {
    // The claimant neither committed nor answered within its lease: take the claim over, once.
    const taken = await prisma.idempotencyRecord.updateMany({
      where: { apiKeyId, key, createdAt: existing.createdAt, committedAt: null, status: null },
      data: { createdAt: now },
    });
    if (taken.count === 1) return { kind: "run", claimedAt: now };
    return claim(prisma, apiKeyId, key, hash, leaseMs, now);
  }
  return {
    kind: "refuse",
    status: 409,
    code: "IDEMPOTENT_REQUEST_IN_PROGRESS",
    message: "A request with this Idempotency-Key is still running; retry shortly",
    retryAfter: Math.max(1, Math.ceil((leaseEnds - now.getTime()) / 1000)),
  };
}

/**
 * Keeps the response for replay, only when the request's change was committed (the mark written
 * in the mutation's own transaction): a response to a request that applied nothing (user errors,
 * an unavailable database, an internal error) is never replayed; the key is released and a retry
 * runs again. Returns whether the response was kept.
 *
 * An API key's secret is shown once, in the response that created it, and never kept: the stored
 * copy has the secret redacted, so a replay says the key was created but cannot hand it out again.
 *
 * Never throws: when the database refuses this bookkeeping (it went away, or its disk filled up,
 * just after the mutation committed), the committed change must still be answered as applied,
 * not turned into a 503 saying nothing was applied. The response is then not kept (false); the
 * record stays committed, so a retry gets 409 IN_PROGRESS during the lease and
 * IDEMPOTENT_REQUEST_APPLIED after it, never a second application.
 */
export async function complete(prisma: PrismaClient, apiKeyId: string, key: string, claimedAt: Date, status: number, body: string): Promise<boolean> {
  try {
    const { count } = await prisma.idempotencyRecord.updateMany({
      where: { apiKeyId, key, createdAt: claimedAt, committedAt: { not: null } },
      data: { status, response: redactSecrets(body) },
    });
    return count === 1;
  } catch {
    return false;
  }
}

/** API key secrets (`abk_<prefix>_<secret>`) replaced by their prefix and a note. */
export function redactSecrets(body: string): string {
  return body.replace(/abk_([0-9a-f]{8})_[A-Za-z0-9_-]{32}/g, "abk_$1_[redacted: the secret is shown only once, in the first response]");
}

/**
 * The request failed before producing a response worth replaying: free the key for a retry. A
 * committed claim is never freed. Never throws: a claim the database refuses to free now (it is
 * unavailable) stays until its lease runs out, and a retry then takes it over; the answer the
 * client gets is the request's own, not this bookkeeping's failure.
 */
export async function release(prisma: PrismaClient, apiKeyId: string, key: string, claimedAt: Date): Promise<void> {
  try {
    await prisma.idempotencyRecord.deleteMany({ where: { apiKeyId, key, createdAt: claimedAt, committedAt: null } });
  } catch {
    // left to the lease (see above)
  }
}
