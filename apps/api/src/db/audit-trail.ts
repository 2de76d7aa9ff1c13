/**
 * The audit trail: every mutation writes one append-only AuditEvent (who, when, what, before and
 * after) in the same transaction as its change, so that no change exists without its record. The
 * table refuses UPDATE and DELETE (trigger in the migrations).
 */
import { Prisma } from "../generated/prisma/client.js";
import type { Viewer } from "../identity/viewer.js";

export async function recordAudit(
  tx: Prisma.TransactionClient,
  args: { viewer: Viewer; correlationId: string; action: string; entityType: string; entityId: string | null; before: unknown; after: unknown },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      apiKeyId: args.viewer.kind === "apiKey" ? args.viewer.apiKeyId : null,
      organisationId: args.viewer.kind === "apiKey" ? args.viewer.organisationId : null,
      role: args.viewer.kind === "apiKey" ? args.viewer.role : null,
      action: args.action,
      entityType: args.entityType,
      entityId: args.entityId,
      before: toJson(args.before),
      after: toJson(args.after),
      correlationId: args.correlationId,
    },
  });
}

/** Dates, decimals and bigints become strings so that the record is plain, exact JSON. */
function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === null || value === undefined) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}
