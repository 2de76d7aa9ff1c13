/**
 * The first step of a real deployment (ABORDABLE_SEED=none): an empty database gets the public
 * reference data (the 100 municipalities with their cantons and coordinates) and the ministry
 * with a first administrator key; everything else — organisations, conventions, the register,
 * portfolios — is then created through the API by those who own it. Idempotent: the reference
 * data is written once, and the ministry only when there is none.
 */
import type { PrismaClient } from "../../generated/prisma/client.js";
import { MUNICIPALITIES } from "../../seed/municipalities.js";
import { MUNICIPALITY_COORDINATES } from "../../seed/municipality-coordinates.js";
import { issueApiKey } from "../../identity/api-keys.js";
import { recordAudit } from "../../db/audit-trail.js";

export const BOOTSTRAP_VIEWER = { kind: "anonymous" } as const;

export async function bootstrap(
  prisma: PrismaClient,
  ministryName: string,
  label = "first ministry administrator",
): Promise<{ municipalities: number; ministryId: string; key: string | null }> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.municipality.count();
    if (existing === 0) {
      await tx.municipality.createMany({ data: MUNICIPALITIES.map((m) => ({ id: m.id, name: m.name, canton: m.canton, ...MUNICIPALITY_COORDINATES[m.id] })) });
    }
    const ministry = await tx.organisation.findFirst({ where: { kind: "MINISTRY" } });
    if (ministry) return { municipalities: existing || MUNICIPALITIES.length, ministryId: ministry.id, key: null };
    const created = await tx.organisation.create({ data: { name: ministryName, kind: "MINISTRY" } });
    const issued = await issueApiKey(tx, { organisationId: created.id, role: "MINISTRY_ADMIN", label });
    await recordAudit(tx, {
      viewer: BOOTSTRAP_VIEWER,
      correlationId: "bootstrap",
      action: "bootstrap",
      entityType: "Organisation",
      entityId: created.id,
      before: null,
      after: { name: ministryName, municipalities: MUNICIPALITIES.length, apiKeyPrefix: issued.prefix },
    });
    return { municipalities: MUNICIPALITIES.length, ministryId: created.id, key: issued.key };
  });
}
