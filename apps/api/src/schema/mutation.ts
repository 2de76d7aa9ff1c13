/**
 * Runs a mutation atomically: validation, change and audit record in one transaction. A user
 * error or an unexpected failure rolls everything back; the payload then carries the user errors
 * (unexpected failures surface as a masked GraphQL error with the correlation id).
 */
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
      if (ctx.idempotencyKey && ctx.viewer.kind === "apiKey") {
        await tx.idempotencyRecord.updateMany({ where: { apiKeyId: ctx.viewer.apiKeyId, key: ctx.idempotencyKey }, data: { committedAt: new Date() } });
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
    throw error;
  }
}
