/**
 * Tenant scoping of the allocation capability's own models (commissions, methodologies), next to
 * `access/tenant.ts` (which scopes allocation files): a landlord its own, the ministry all, others
 * nothing. Plus per-request batch loaders for fields that are not Prisma relations.
 */
import DataLoader from "dataloader";
import type { Prisma } from "../../generated/prisma/client.js";
import { isLandlord, isMinistry, organisationOf, type Viewer } from "../../identity/viewer.js";
import type { Context } from "../../schema/context.js";

const NO_ROWS = { id: { in: [] as string[] } };

export function commissionScope(v: Viewer): Prisma.CommissionWhereInput {
  if (isMinistry(v)) return {};
  if (isLandlord(v)) return { landlordId: organisationOf(v) };
  return NO_ROWS;
}

export function methodologyScope(v: Viewer): Prisma.AllocationMethodologyWhereInput {
  if (isMinistry(v)) return {};
  if (isLandlord(v)) return { landlordId: organisationOf(v) };
  return NO_ROWS;
}

export const ownsLandlordRow = (v: Viewer, row: { landlordId: string }): boolean => isMinistry(v) || (isLandlord(v) && row.landlordId === organisationOf(v));

interface AllocationLoaders {
  /** Application id → its candidate id (one statement per page). */
  candidateOfApplication: DataLoader<string, string | null>;
}

const perRequest = new WeakMap<object, AllocationLoaders>();

export function allocationLoaders(ctx: Context): AllocationLoaders {
  let l = perRequest.get(ctx);
  if (!l) {
    l = {
      candidateOfApplication: new DataLoader(async (ids: readonly string[]) => {
        const rows = await ctx.prisma.application.findMany({ where: { id: { in: [...ids] } }, select: { id: true, candidateId: true } });
        const by = new Map(rows.map((r) => [r.id, r.candidateId]));
        return ids.map((id) => by.get(id) ?? null);
      }),
    };
    perRequest.set(ctx, l);
  }
  return l;
}
