/** Lists of the allocation capability, each a Relay connection scoped to the caller's organisation. */
import type { Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { pageCost } from "../../schema/complexity.js";
import { AllocationFileStatusEnum } from "../../schema/enums.js";
import { decodeGlobalIds } from "../../schema/ids.js";
import { allocationFileScope } from "../../access/tenant.js";
import { requireActingFor } from "../../access/acting-for.js";
import type { Viewer } from "../../identity/viewer.js";
import { commissionScope, methodologyScope } from "../adapters/scope.js";

const AllocationFileFilter = builder.inputType("AllocationFileFilter", {
  description: "Filters on allocation files; all given conditions apply together.",
  fields: (t) => ({
    statuses: t.field({ type: [AllocationFileStatusEnum], required: false, description: "Stages." }),
    dwellingIds: t.idList({ required: false, description: "Global IDs of dwellings." }),
    landlordIds: t.idList({
      required: false,
      description: "Global IDs of landlords (the ministry: any; a landlord only itself, FORBIDDEN (HTTP 403) otherwise).",
    }),
    openedFrom: t.field({ type: "Date", required: false, description: "Opened on or after this day." }),
    openedTo: t.field({ type: "Date", required: false, description: "Opened on or before this day." }),
    freeChoice: t.boolean({ required: false, description: "Allocated under the free-choice quota (art. 53) or not." }),
  }),
});

/** Rows of the landlords named in `argument`, each one the caller may act for (FORBIDDEN otherwise); no condition when none are named. */
function ofLandlords(v: Viewer, argument: string, ids: readonly (string | number)[] | null | undefined): { landlordId?: { in: string[] } } {
  if (!ids) return {};
  const landlordIds = decodeGlobalIds(ids, "Organisation", argument);
  requireActingFor(v, argument, landlordIds, "LANDLORD");
  return { landlordId: { in: landlordIds } };
}

function fileWhere(f: typeof AllocationFileFilter.$inferInput | null | undefined, v: Viewer): Prisma.AllocationFileWhereInput {
  if (!f) return {};
  const where: Prisma.AllocationFileWhereInput = {};
  if (f.statuses) where.status = { in: f.statuses };
  if (f.dwellingIds) where.dwellingId = { in: decodeGlobalIds(f.dwellingIds, "Dwelling", "filter.dwellingIds") };
  if (f.landlordIds) Object.assign(where, ofLandlords(v, "filter.landlordIds", f.landlordIds));
  if (f.openedFrom || f.openedTo)
    where.openedOn = { ...(f.openedFrom && { gte: new Date(`${f.openedFrom}T00:00:00Z`) }), ...(f.openedTo && { lte: new Date(`${f.openedTo}T00:00:00Z`) }) };
  if (f.freeChoice != null) where.freeChoice = f.freeChoice;
  return where;
}

builder.queryField("allocationFiles", (t) =>
  t.prismaConnection({
    type: "AllocationFile",
    cursor: "id",
    complexity: pageCost,
    description: "Allocation files the caller may see (a landlord its own, the ministry all), latest opened first.",
    authScopes: { ministry: true, landlord: true },
    args: { filter: t.arg({ type: AllocationFileFilter, required: false, description: "Conditions." }) },
    totalCount: (_c, args, ctx) => ctx.prisma.allocationFile.count({ where: { AND: [allocationFileScope(ctx.viewer), fileWhere(args.filter, ctx.viewer)] } }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.allocationFile.findMany({
        ...query,
        where: { AND: [allocationFileScope(ctx.viewer), fileWhere(args.filter, ctx.viewer)] },
        orderBy: [{ openedOn: "desc" }, { id: "asc" }],
      }),
  }),
);

builder.queryField("allocationMethodologies", (t) =>
  t.prismaConnection({
    type: "AllocationMethodology",
    cursor: "id",
    complexity: pageCost,
    description: "Allocation methodologies (art. 57; RGD art. 3) the caller may see, by landlord then latest version first.",
    authScopes: { ministry: true, landlord: true },
    args: {
      landlordIds: t.arg.idList({
        required: false,
        description: "Global IDs of landlords (the ministry: any; a landlord only itself, FORBIDDEN (HTTP 403) otherwise).",
      }),
    },
    totalCount: (_c, args, ctx) =>
      ctx.prisma.allocationMethodology.count({ where: { AND: [methodologyScope(ctx.viewer), ofLandlords(ctx.viewer, "landlordIds", args.landlordIds)] } }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.allocationMethodology.findMany({
        ...query,
        where: { AND: [methodologyScope(ctx.viewer), ofLandlords(ctx.viewer, "landlordIds", args.landlordIds)] },
        orderBy: [{ landlordId: "asc" }, { version: "desc" }, { id: "asc" }],
      }),
  }),
);

builder.queryField("commissions", (t) =>
  t.prismaConnection({
    type: "Commission",
    cursor: "id",
    complexity: pageCost,
    description: "Advisory commissions the caller may see (a landlord its own, the ministry all).",
    authScopes: { ministry: true, landlord: true },
    args: {
      landlordIds: t.arg.idList({
        required: false,
        description: "Global IDs of landlords (the ministry: any; a landlord only itself, FORBIDDEN (HTTP 403) otherwise).",
      }),
    },
    totalCount: (_c, args, ctx) =>
      ctx.prisma.commission.count({ where: { AND: [commissionScope(ctx.viewer), ofLandlords(ctx.viewer, "landlordIds", args.landlordIds)] } }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.commission.findMany({
        ...query,
        where: { AND: [commissionScope(ctx.viewer), ofLandlords(ctx.viewer, "landlordIds", args.landlordIds)] },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
