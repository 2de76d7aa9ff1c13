/**
 * Idempotent mutations. A client sends `Idempotency-Key: <key>` with a mutation; the first request
 * with that key (per API key) runs and its response is kept for 24 hours; a retry with the same
 * key and the same body gets that response again (header `idempotency-replayed: true`) and the
 * change is not applied twice. The same key with a different body is refused (422). A retry
 * while the first request is still running gets 409 with Retry-After.
 *
 * The "committed" mark is written inside the mutation's own transaction (schema/mutation.ts), so
 * a crash after the commit but before the response is stored is detected (409 telling the client
 * the change was applied) instead of applying the change again.
 */
import { createHash } from "node:crypto";
import { Kind, parse, type DocumentNode } from "graphql";
import type { PrismaClient } from "../generated/prisma/client.js";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export type IdempotencyDecision =
  | { kind: "run" }
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
export async function claim(prisma: PrismaClient, apiKeyId: string, key: string, hash: string, now = new Date()): Promise<IdempotencyDecision> {
  await prisma.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
  // INSERT … ON CONFLICT DO NOTHING: exactly one of two concurrent requests claims the key.
  const { count } = await prisma.idempotencyRecord.createMany({ data: [{ apiKeyId, key, requestHash: hash }], skipDuplicates: true });
  if (count === 1) return { kind: "run" };
  const existing = await prisma.idempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
  if (!existing) return claim(prisma, apiKeyId, key, hash, now);
  if (existing.requestHash !== hash) {
    return { kind: "refuse", status: 422, code: "IDEMPOTENCY_KEY_REUSED", message: "This Idempotency-Key was used with a different request; use a new key for a new request" };
  }
  if (existing.status !== null && existing.response !== null) return { kind: "replay", status: existing.status, body: existing.response };
  if (existing.committedAt) {
    return { kind: "refuse", status: 409, code: "IDEMPOTENT_REQUEST_APPLIED", message: "The change of the first request with this key was applied but its response was lost; read the object instead of retrying" };
  }
  return { kind: "refuse", status: 409, code: "IDEMPOTENT_REQUEST_IN_PROGRESS", message: "A request with this Idempotency-Key is still running; retry shortly", retryAfter: 1 };
}

export async function complete(prisma: PrismaClient, apiKeyId: string, key: string, status: number, body: string): Promise<void> {
  await prisma.idempotencyRecord.update({ where: { apiKeyId_key: { apiKeyId, key } }, data: { status, response: body } });
}

/** The request failed before producing a response worth replaying: free the key for a retry. */
export async function release(prisma: PrismaClient, apiKeyId: string, key: string): Promise<void> {
  await prisma.idempotencyRecord.deleteMany({ where: { apiKeyId, key, committedAt: null } });
}
