/**
 * Query.underOccupiedLeases: the caller's leases whose dwelling is under-occupied on a day (law
 * art. 66, bill art. 39), across the whole stock, for rehousing (art. 67). The candidate leases
 * (active on the day, in the caller's scope) are loaded in one findMany with the few columns the
 * rule reads — a fixed number of SQL statements whatever their number — and the domain's
 * `tenancyUnderOccupancy` decides each one, with the seniors' medical bedroom recorded on the lease
 * (recordMedicalBedroomReason). The leases of a page are then loaded in one batch with the
 * query's own selection.
 */
import { tenancyUnderOccupancy } from "@abordable/domain";
import { mayConsiderLeaseHealth } from "../../privacy/personal-data.js";
import { resolveArrayConnection } from "@pothos/plugin-relay";
import { builder } from "../../schema/builder.js";
import { pageCost } from "../../schema/complexity.js";
import { leaseScope } from "../../access/tenant.js";
import { LegalRegimeEnum, regimeOrThrow, todayIso } from "../adapters/common.js";
import { LeaseRef } from "./lease.js";
import { leaseLoader } from "./deadline.js";
import { occupancyFactsOf } from "../adapters/facts.js";
import { dateOf } from "../mutations/support.js";
import { UnderOccupancyRef, type UnderOccupancyView } from "./results.js";

interface UnderOccupiedRow {
  leaseId: string;
  underOccupancy: UnderOccupancyView;
}

const UnderOccupiedLeaseRef = builder.objectRef<UnderOccupiedRow>("UnderOccupiedLease").implement({
  description: "A lease whose dwelling is under-occupied (art. 66, bill art. 39), with the engine's assessment.",
  fields: (t) => ({
    lease: t.field({ type: LeaseRef, description: "The lease.", resolve: (r, _a, ctx, info) => leaseLoader(ctx, info).load(r.leaseId) }),
    underOccupancy: t.field({
      type: UnderOccupancyRef,
      description: "Bedrooms, members counted, threshold, the seniors' medical exception, article and parameters.",
      resolve: (r) => r.underOccupancy,
    }),
  }),
});

builder.queryField("underOccupiedLeases", (t) =>
  t.connection(
    {
      type: UnderOccupiedLeaseRef,
      description:
        "The caller's leases (the ministry: all) whose dwelling is under-occupied on asOf (art. 66, bill art. 39): leases active that day, with the household as recorded now and the seniors' medical bedroom recorded on the lease. Most spare bedrooms first, then by lease.",
      authScopes: { authenticated: true },
      complexity: pageCost,
      args: {
        asOf: t.arg({ type: "Date", required: false, description: "Day of the assessment (default today)." }),
        regime: t.arg({
          type: LegalRegimeEnum,
          required: false,
          description: "Regime (default: the bill once its entry into force is set, else the law): under the bill a couple counts once.",
        }),
      },
      resolve: async (_r, args, ctx) => {
        const options = regimeOrThrow(ctx, args.regime);
        const asOf = args.asOf ?? todayIso();
        const day = dateOf(asOf);
        const leases = await ctx.prisma.lease.findMany({
          where: { AND: [leaseScope(ctx.viewer), { status: "ACTIVE", startsOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gt: day } }] }] },
          select: {
            id: true,
            landlordId: true,
            accommodationUnitId: true,
            medicalReasonDocumentedOn: true,
            dwelling: { select: { bedrooms: true, dedicatedSubCategory: true } },
            household: { select: { members: { select: { id: true, partnerId: true } } } },
          },
          orderBy: { id: "asc" },
        });
        const rows: (UnderOccupiedRow & { spare: number })[] = [];
        for (const l of leases) {
          // A household without members cannot be assessed (the engine refuses it): not listed.
          if (l.household.members.length === 0) continue;
          // Health data (the medical reason) only for those who may read it: analysts list leases as if none were recorded.
          const healthDataConsidered = await mayConsiderLeaseHealth(ctx, l.landlordId);
          const u = tenancyUnderOccupancy(
            occupancyFactsOf(healthDataConsidered ? l : { ...l, medicalReasonDocumentedOn: null }, l.dwelling, l.household.members, asOf),
            asOf,
            options,
          );
          if (u.underOccupied) rows.push({ leaseId: l.id, underOccupancy: { ...u, healthDataConsidered }, spare: u.bedrooms - u.threshold });
        }
        rows.sort((a, b) => b.spare - a.spare || (a.leaseId < b.leaseId ? -1 : a.leaseId > b.leaseId ? 1 : 0));
        return resolveArrayConnection({ args, defaultSize: 20, maxSize: 100 }, rows);
      },
    },
    {
      description: "A page of under-occupied leases.",
      fields: (c) => ({
        totalCount: c.int({
          description: "Number of under-occupied leases (all pages).",
          resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    { description: "An under-occupied lease with its cursor." },
  ),
);
