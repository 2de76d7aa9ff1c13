/** The Lease node (bail abordable, law art. 64) and the `leases` connection, scoped to the caller (access/tenant.ts leaseScope). */
import { pageCost } from "../../schema/complexity.js";
import { builder } from "../../schema/builder.js";
import { LeaseStatusEnum } from "../../schema/enums.js";
import { moneyString } from "../../schema/money.js";
import { leaseScope, owns } from "../../access/tenant.js";
import { todayIso } from "../adapters/common.js";
import { RENT_HISTORY_ORDER, rentOn } from "../adapters/rent-history.js";

/** Bail abordable (law art. 64). */
export const LeaseRef = builder.prismaNode("Lease", {
  description: "An affordable lease (bail abordable, law art. 64): of indefinite duration, for the household's main and permanent home.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [leaseScope(ctx.viewer)] }),
  authScopes: (lease, ctx) => owns.lease(ctx.viewer, lease),
  fields: (t) => ({
    startsOn: t.expose("startsOn", { type: "Date", description: "Start of the lease (entry)." }),
    endsOn: t.expose("endsOn", { type: "Date", nullable: true, description: "End of the lease, once known (art. 69-70)." }),
    monthlyRent: t.field({
      type: "Decimal",
      description:
        "Affordable net rent per month in force today (loyer abordable, art. 60-62), EUR: the latest revision effective on or before today, else the rent set at signature. A revision applies only from its effective date (art. 62 §2 al. 2); `rentOn(date)` gives the rent on any day.",
      select: { monthlyRent: true, revisions: { orderBy: RENT_HISTORY_ORDER } },
      resolve: (l) => rentOn(l, l.revisions, todayIso()),
    }),
    monthlyCharges: t.field({
      type: "Decimal",
      description: "Charges per month (art. 63), EUR; never part of the compensation.",
      resolve: (l) => moneyString(l.monthlyCharges)!,
    }),
    status: t.expose("status", { type: LeaseStatusEnum, description: "Status." }),
    landlord: t.relation("landlord", { description: "Social landlord (bailleur social)." }),
    dwelling: t.relation("dwelling", { description: "Dwelling let." }),
    accommodationUnit: t.relation("accommodationUnit", {
      nullable: true,
      description: "Accommodation unit let, when the lease is for a unit of a shared dwelling.",
    }),
    household: t.relation("household", { description: "Tenant household (communauté domestique)." }),
  }),
});

builder.queryField("leases", (t) =>
  t.prismaConnection({
    type: "Lease",
    cursor: "id",
    complexity: pageCost,
    description: "Leases of the caller's stock (the ministry: all), newest first.",
    authScopes: { authenticated: true },
    args: { status: t.arg({ type: LeaseStatusEnum, required: false, description: "Only leases in this status." }) },
    totalCount: (_c, args, ctx) => ctx.prisma.lease.count({ where: { AND: [leaseScope(ctx.viewer), args.status ? { status: args.status } : {}] } }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.lease.findMany({
        ...query,
        where: { AND: [leaseScope(ctx.viewer), args.status ? { status: args.status } : {}] },
        orderBy: [{ startsOn: "desc" }, { id: "asc" }],
      }),
  }),
);
