/**
 * Runs a mutation atomically: validation, change and audit record in one transaction. A user
 * error or an unexpected failure rolls everything back; the payload then carries the user errors
 * (unexpected failures surface as a masked GraphQL error with the correlation id).
 *
 * Two failures are not faults of the platform and are said as such: a unique violation (another
 * request took the value first, Prisma P2002) is a CONFLICT user error naming the field; a database
 * that cannot serve (db/errors.ts) is SERVICE_UNAVAILABLE, HTTP 503 with Retry-After, nothing applied.
 */
import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { domainUserError, toDomainError } from "./domain-errors.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { Context } from "./context.js";
import { UserErrorsAbort, type UserError } from "./user-errors.js";
import { recordAudit } from "../db/audit-trail.js";
import { databaseUnavailable, uniqueViolation } from "../db/errors.js";

export interface Change<T> {
  result: T;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export type MutationOutcome<T> = { result: T | null; userErrors: UserError[] };

export async function runMutation<T>(ctx: Context, action: string, work: (tx: Prisma.TransactionClient) => Promise<Change<T>>): Promise<MutationOutcome<T>> {
  try {
    const result = await ctx.prisma.$transaction(async (tx) => {
      const change = await work(tx);
      // Marks the Idempotency-Key as committed with the change itself (http/idempotency.ts).
      if (ctx.idempotency && ctx.viewer.kind === "apiKey") {
        const { key, claimedAt } = ctx.idempotency;
        const marked = await tx.idempotencyRecord.updateMany({
          where: { apiKeyId: ctx.viewer.apiKeyId, key, createdAt: claimedAt, committedAt: null },
          data: { committedAt: new Date() },
        });
        // A retry took the key over after this request's lease ran out: only one of them may apply.
        if (marked.count !== 1)
          throw new UserErrorsAbort([
            { field: ["idempotencyKey"], code: "CONFLICT", message: "A retry with the same Idempotency-Key took this request over; this one applied nothing" },
          ]);
      }
      await recordAudit(tx, {
        viewer: ctx.viewer,
        correlationId: ctx.correlationId,
        action,
        entityType: change.entityType,
        entityId: change.entityId,
        before: change.before,
        after: change.after,
      });
      return change.result;
    });
    return { result, userErrors: [] };
  } catch (error) {
    if (error instanceof UserErrorsAbort) {
      if (error.userErrors.some((e) => e.code === "FORBIDDEN")) {
        ctx.logger.warn("security event", {
          event: "mutation_forbidden",
          action,
          correlationId: ctx.correlationId,
          fields: error.userErrors.filter((e) => e.code === "FORBIDDEN").map((e) => e.field.join(".")),
          ...viewerFields(ctx),
        });
      }
      return { result: null, userErrors: error.userErrors };
    }
    // A domain error (a date before a rule applies, an index not yet published, a rule the input
    // breaks): the caller's to fix, mapped by its code in the API's one mapping (domain-errors.ts).
    if (toDomainError(error)) return { result: null, userErrors: [domainUserError(error)] };
    // Two requests raced for a value that must be unique (a reference, a number): the database's
    // unique index decided, and the loser is told which field collided.
    const unique = uniqueViolation(error);
    if (unique) {
      const fields = unique.fields.length > 0 ? unique.fields : ["input"];
      return {
        result: null,
        userErrors: fields.map((f) => ({
          field: f === "input" ? ["input"] : ["input", f],
          code: "CONFLICT",
          message: `Another record already has this ${f === "input" ? "value" : f} (it was taken, possibly by a concurrent request); nothing was applied`,
        })),
      };
    }
    // No connection or transaction could be had in time, the connection died, the disk is full:
    // the database cannot serve now, the change was not applied, and the client is told to retry
    // (503 with Retry-After), not handed an internal error.
    const unavailable = databaseUnavailable(error);
    if (unavailable) {
      ctx.logger.warn("database unavailable during a mutation", { action, correlationId: ctx.correlationId, reason: unavailable.reason, error });
      throw new GraphQLError(
        unavailable.reason === "disk-full"
          ? "The database's disk is full and this change was not applied; retry later"
          : "The database is busy or unavailable and this change was not applied; retry shortly",
        {
          // Apollo reads http.headers as a Map (its own typing says a record).
          extensions: {
            code: "SERVICE_UNAVAILABLE",
            reason: unavailable.reason,
            retryAfter: unavailable.retryAfterSeconds,
            http: { status: 503, headers: new HeaderMap([["retry-after", String(unavailable.retryAfterSeconds)]]) as never },
          },
        },
      );
    }
    throw error;
  }
}

function viewerFields(ctx: Context): Record<string, unknown> {
  const v = ctx.viewer;
  return v.kind === "apiKey" ? { apiKeyId: v.apiKeyId, role: v.role, organisationId: v.organisationId } : { viewer: "anonymous" };
}
