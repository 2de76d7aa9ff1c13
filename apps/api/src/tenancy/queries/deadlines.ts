/**
 * Query.leaseDeadlines: every deadline of the caller's leases in a window (deposit installments
 * and returns, rehousing offers and ends, ends of dedicated leases, rent revisions, recorded
 * terminations). One findMany with fixed includes loads the candidate leases — a constant number
 * of SQL statements whatever their number — and the domain's `leaseDeadlines` does the rest.
 */
import { deadlineWindowNextDays } from "@abordable/domain";
import { resolveArrayConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { pageCost } from "../../schema/complexity.js";
import { leaseScope } from "../../access/tenant.js";
import { omitRow } from "../../privacy/personal-data.js";
import { LegalRegimeEnum, tenancyOptionsOrThrow, todayIso } from "../adapters/common.js";
import { deadlinesOf } from "../adapters/deadlines.js";
import { FACTS_INCLUDE } from "../adapters/facts.js";
import { LeaseDeadlineRef, MAX_WINDOW_DAYS, type DeadlineRow } from "../types/deadline.js";

/** Leases that can have a deadline at all: active ones with tenancy facts, and ended ones whose deposit is not settled. */
const WITH_FACTS: Prisma.LeaseWhereInput = {
  OR: [
    { deposit: { is: { OR: [{ keysReturnedOn: null }, { firstHalfReturnedOn: null }, { balanceReturnedOn: null }] } } },
    {
      status: "ACTIVE",
      OR: [
        { revisions: { some: {} } },
        { rehousingCases: { some: { closedOn: null } } },
        { NOT: { endFacts: { equals: Prisma.AnyNull } } },
        { dwelling: { dedicatedSubCategory: { in: ["YOUNG_PEOPLE", "RESERVE"] } } },
        { terminations: { some: {} } },
      ],
    },
  ],
};

builder.queryField("leaseDeadlines", (t) =>
  t.connection(
    {
      type: LeaseDeadlineRef,
      description:
        "Every deadline of the caller's leases (the ministry: all) in the window [asOf, asOf + withinDays], by date: deposit installments and returns, rehousing offers due and ends after two refusals, ends of dedicated leases, rent revisions, recorded terminations.",
      authScopes: { authenticated: true },
      complexity: pageCost,
      args: {
        withinDays: t.arg.int({ required: false, defaultValue: 90, description: `Window length in days after asOf (0-${MAX_WINDOW_DAYS}).` }),
        asOf: t.arg({ type: "Date", required: false, description: "First day of the window (default today)." }),
        regime: t.arg({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once its entry into force is set, else the law)." }),
      },
      resolve: async (_r, args, ctx) => {
        const days = args.withinDays ?? 90;
        if (days < 0 || days > MAX_WINDOW_DAYS)
          throw new GraphQLError(`withinDays must be between 0 and ${MAX_WINDOW_DAYS}`, { extensions: { code: "BAD_USER_INPUT" } });
        const options = await tenancyOptionsOrThrow(ctx, args.regime);
        const window = deadlineWindowNextDays(args.asOf ?? todayIso(), days);
        const leases = await ctx.prisma.lease.findMany({
          where: { AND: [leaseScope(ctx.viewer), WITH_FACTS] },
          include: FACTS_INCLUDE,
          orderBy: { id: "asc" },
        });
        const all: DeadlineRow[] = [];
        // Deadlines dated by a birth date (YOUNG_TENANT_AGE) are left out for callers who may not see it (analysts).
        for (const lease of leases) for (const d of deadlinesOf(lease, window, options)) if (!omitRow(ctx, "LeaseDeadline", d)) all.push({ ...d, lease });
        all.sort((a, b) =>
          a.date < b.date ? -1 : a.date > b.date ? 1 : a.leaseId < b.leaseId ? -1 : a.leaseId > b.leaseId ? 1 : a.kind.localeCompare(b.kind),
        );
        return resolveArrayConnection({ args, defaultSize: 20, maxSize: 100 }, all);
      },
    },
    {
      description: "A page of lease deadlines, by date.",
      fields: (c) => ({
        totalCount: c.int({
          description: "Number of deadlines in the window (all pages).",
          resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    { description: "A lease deadline with its cursor." },
  ),
);
