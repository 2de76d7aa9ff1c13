/**
 * Per-request batch loaders: one SQL statement answers a whole page's question, whatever
 * the page size (no N+1).
 */
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.js";
import { isLandlord, isMinistryAdmin, organisationOf, type Viewer } from "../access/viewer.js";

export interface Loaders {
  /** Whether the viewer may see a candidate's personal data (GDPR): ministry administrators, or a landlord with the candidate in one of its allocation files. */
  candidatePersonalData: DataLoader<string, boolean>;
}

export function createLoaders(prisma: PrismaClient, viewer: Viewer): Loaders {
  return {
    candidatePersonalData: new DataLoader(async (candidateIds: readonly string[]) => {
      if (isMinistryAdmin(viewer)) return candidateIds.map(() => true);
      if (!isLandlord(viewer)) return candidateIds.map(() => false);
      const rows = await prisma.application.findMany({
        where: {
          candidateId: { in: [...candidateIds] },
          allocationEntries: { some: { allocationFile: { landlordId: organisationOf(viewer) } } },
        },
        select: { candidateId: true },
      });
      const visible = new Set(rows.map((r) => r.candidateId));
      return candidateIds.map((id) => visible.has(id));
    }),
  };
}
