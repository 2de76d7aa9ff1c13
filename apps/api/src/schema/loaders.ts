/**
 * Per-request batch loaders: one SQL statement answers a whole page's question, whatever
 * the page size (no N+1).
 */
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Viewer } from "../identity/viewer.js";
import { candidateBases, householdBases, logAccesses, type AccessLogContext } from "../privacy/relationship.js";

export interface Loaders {
  /** Whether the viewer may see a candidate's personal data (GDPR; rules in privacy/personal-data.ts); every `true` is logged as an access record first. */
  candidatePersonalData: DataLoader<string, boolean>;
  /**
   * Whether the viewer may see the personal data of a household's members (by household ID): the
   * candidate's rule above, plus the landlord of the household's lease (its tenants); logged likewise.
   */
  householdPersonalData: DataLoader<string, boolean>;
}

export function createLoaders(prisma: PrismaClient, viewer: Viewer, log: AccessLogContext = {}): Loaders {
  return {
    candidatePersonalData: new DataLoader(async (candidateIds: readonly string[]) => {
      const bases = await candidateBases(prisma, viewer, candidateIds);
      await logAccesses(
        prisma,
        viewer,
        log,
        [...bases].map(([candidateId, b]) => ({ ...b, candidateId, householdId: null })),
      );
      return candidateIds.map((id) => bases.has(id));
    }),
    householdPersonalData: new DataLoader(async (householdIds: readonly string[]) => {
      const bases = await householdBases(prisma, viewer, householdIds);
      await logAccesses(
        prisma,
        viewer,
        log,
        [...bases].map(([householdId, b]) => ({ ...b, householdId })),
      );
      return householdIds.map((id) => bases.has(id));
    }),
  };
}
