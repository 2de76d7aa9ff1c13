/** The LeaseDeadline type: one dated obligation of a lease (deposit, rehousing, end of lease, rent revision). */
import DataLoader from "dataloader";
import type { FieldNode } from "graphql";
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { Lease } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import type { Context } from "../../schema/context.js";
import { moneyString } from "../../schema/money.js";
import { LeaseRef } from "./lease.js";
import { LegalReferenceRef } from "../adapters/common.js";
import type { Deadline } from "../adapters/deadlines.js";

/** Longest window accepted, in days. */
export const MAX_WINDOW_DAYS = 3660;

export const LeaseDeadlineKindEnum = builder.enumType("LeaseDeadlineKind", {
  description: "Kind of lease deadline.",
  values: {
    DEPOSIT_INSTALLMENT: { description: "A deposit installment falls due (bill art. 63bis §1)." },
    DEPOSIT_FULL_PAYMENT: { description: "The deposit must be fully paid: entry + two years (bill art. 63bis §1 al. 2)." },
    DEPOSIT_FIRST_HALF_RETURN: { description: "Half of the deposit back within one month of the keys (bill art. 63bis §2 al. 2)." },
    DEPOSIT_CHARGE_STATEMENTS_REQUEST: {
      description: "The landlord asks for the charge statements, at the latest one month after the end (bill art. 63bis §2 al. 3).",
    },
    DEPOSIT_BALANCE_RETURN: { description: "The balance back within three months of the charge statements (bill art. 63bis §2 al. 3)." },
    REVISION_DUE: { description: "A rent revision must be made (art. 62)." },
    REVISION_EFFECTIVE: { description: "A revised rent applies (art. 62 §2 al. 2)." },
    ANNUAL_REVISION: { description: "The yearly rent revision (art. 62 §1 al. 1)." },
    REVISION_ANSWER_DUE: { description: "The tenant's answer to an information request (art. 62 §1 al. 3)." },
    REHOUSING_OFFER_DUE: { description: "Last day to offer a rehousing dwelling (bill art. 67 §2: three years from knowledge)." },
    REHOUSING_LEASE_END: { description: "The lease ends of right after two refused rehousing offers (art. 67 §1 al. 4, bill §2bis)." },
    LEASE_END: { description: "A ground of art. 69-70 lets the lease end (a young tenant's 32nd birthday, job end + three months…)." },
    LEASE_END_WINDOW_CLOSES: { description: "Last date of effect of a windowed ground (reserve dwellings, bill art. 69 §2 al. 6)." },
    TERMINATION_EFFECTIVE: { description: "A recorded termination takes effect: the occupancy title is lost." },
  } as const,
});

export type DeadlineRow = Deadline & { lease: Lease };

/**
 * The leases of a page of deadlines (or of under-occupied leases), loaded in one batch with the selection the query asks under
 * `lease` (queryFromInfo): nested relations cost one statement per level, not one per lease.
 * One loader per request and per selection (field node).
 */
const leaseLoaders = new WeakMap<Context, Map<FieldNode, DataLoader<string, Lease>>>();

export function leaseLoader(ctx: Context, info: Parameters<typeof queryFromInfo>[0]["info"]): DataLoader<string, Lease> {
  let byField = leaseLoaders.get(ctx);
  if (!byField) leaseLoaders.set(ctx, (byField = new Map()));
  const node = info.fieldNodes[0]!;
  let loader = byField.get(node);
  if (!loader) {
    const query = queryFromInfo({ context: ctx, info });
    loader = new DataLoader<string, Lease>(async (ids) => {
      const rows = (await ctx.prisma.lease.findMany({ ...(query as object), where: { id: { in: [...ids] } } })) as Lease[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? new Error(`lease ${id} not found`));
    });
    byField.set(node, loader);
  }
  return loader;
}

export const LeaseDeadlineRef = builder.objectRef<DeadlineRow>("LeaseDeadline").implement({
  description: "A dated obligation of a lease and what is due then.",
  fields: (t) => ({
    lease: t.field({ type: LeaseRef, description: "The lease.", resolve: (d, _a, ctx, info) => leaseLoader(ctx, info).load(d.leaseId) }),
    kind: t.field({ type: LeaseDeadlineKindEnum, description: "What kind of deadline.", resolve: (d) => d.kind }),
    date: t.field({ type: "Date", description: "The date (last day to act, or date of effect).", resolve: (d) => d.date }),
    description: t.string({ description: "What is due, in words.", resolve: (d) => d.description }),
    amountDue: t.field({
      type: "Decimal",
      nullable: true,
      description: "Amount due then, EUR (deposit installments and returns, late increase included); null otherwise.",
      resolve: (d) => (d.amountDue ? moneyString({ toFixed: () => d.amountDue! }) : null),
    }),
    reference: t.field({ type: LegalReferenceRef, description: "Article.", resolve: (d) => d.reference }),
  }),
});
