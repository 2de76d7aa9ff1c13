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
  /**
   * Whether the viewer may see the personal data of a household's members (by household ID): the
   * candidate's rule above, plus the landlord of the household's lease (its tenants).
   */
  householdPersonalData: DataLoader<string, boolean>;
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
    householdPersonalData: new DataLoader(async (householdIds: readonly string[]) => {
      if (isMinistryAdmin(viewer)) return householdIds.map(() => true);
      if (!isLandlord(viewer)) return householdIds.map(() => false);
      const landlordId = organisationOf(viewer);
      const rows = await prisma.household.findMany({
        where: {
          id: { in: [...householdIds] },
          OR: [
            { candidate: { applications: { some: { allocationEntries: { some: { allocationFile: { landlordId } } } } } } },
            { leases: { some: { landlordId } } },
          ],
        },
        select: { id: true },
      });
      const visible = new Set(rows.map((r) => r.id));
      return householdIds.map((id) => visible.has(id));
    }),
  };
}
