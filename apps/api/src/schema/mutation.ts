/**
 * Runs a mutation atomically: validation, change and audit record in one transaction. A user
 * error or an unexpected failure rolls everything back; the payload then carries the user errors
 * (unexpected failures surface as a masked GraphQL error with the correlation id).
 */
import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { domainUserError, toDomainError } from "./domain-errors.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { Context } from "./context.js";
import { UserErrorsAbort, type UserError } from "./user-errors.js";
import { recordAudit } from "../audit/record.js";

export interface Change<T> {
  result: T;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export type MutationOutcome<T> = { result: T | null; userErrors: UserError[] };

export async function runMutation<T>(
  ctx: Context,
  action: string,
  work: (tx: Prisma.TransactionClient) => Promise<Change<T>>,
): Promise<MutationOutcome<T>> {
  try {
    const result = await ctx.prisma.$transaction(async (tx) => {
      const change = await work(tx);
      // Marks the Idempotency-Key as committed with the change itself (http/idempotency.ts).
      if (ctx.idempotency && ctx.viewer.kind === "apiKey") {
        const { key, claimedAt } = ctx.idempotency;
        const marked = await tx.idempotencyRecord.updateMany({ where: { apiKeyId: ctx.viewer.apiKeyId, key, createdAt: claimedAt, committedAt: null }, data: { committedAt: new Date() } });
        // A retry took the key over after this request's lease ran out: only one of them may apply.
        if (marked.count !== 1) throw new UserErrorsAbort([{ field: ["idempotencyKey"], code: "CONFLICT", message: "A retry with the same Idempotency-Key took this request over; this one applied nothing" }]);
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
    if (error instanceof UserErrorsAbort) return { result: null, userErrors: error.userErrors };
    // A domain error (a date before a rule applies, an index not yet published, a rule the input
    // breaks): the caller's to fix, mapped by its code in the API's one mapping (domain-errors.ts).
    if (toDomainError(error)) return { result: null, userErrors: [domainUserError(error)] };
    // No connection or transaction could be had in time (P2028): the database is overloaded, not
    // broken. Nothing was applied; the client is told to retry (503 with Retry-After), not handed
    // an internal error.
    if ((error as { code?: unknown } | null)?.code === "P2028") {
      throw new GraphQLError("The database is busy and this change was not applied; retry shortly", {
        // Apollo reads http.headers as a Map (its own typing says a record).
        extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503, headers: new HeaderMap([["retry-after", "1"]]) as never } },
      });
    }
    throw error;
  }
}
