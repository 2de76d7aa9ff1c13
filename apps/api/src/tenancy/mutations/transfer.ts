/**
 * A change of social landlord for a dwelling, with every accommodation unit, active lease and
 * deposit (bill art. 63bis §2 al. 6: « les garanties sont transférées de plein droit au nouveau
 * bailleur social »). It is a proposal of the landlord holding the dwelling (or of a ministry
 * administrator) that the receiving landlord (or a ministry administrator) accepts or declines:
 * nothing moves before acceptance (issue 12 finding 5). The proposer learns nothing of the
 * receiving landlord's stock: a clash of references is found, in the receiver's own stock, when it
 * accepts.
 */
import { todayIso } from "@abordable/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { DwellingTransfer } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { runMutation } from "../../schema/mutation.js";
import { Problems, UserErrorRef, type UserError } from "../../schema/user-errors.js";
import { checkText } from "../../schema/validate.js";
import { dwellingToChange, landlordToReceive, transferToDecide, type Tx } from "../../access/policy.js";
import { isMinistryAdmin, organisationOf } from "../../identity/viewer.js";
import type { Context } from "../../schema/context.js";
import { conflict, guarded, uniquely } from "../../schema/one-winner.js";
import { dateOf, fail, MUTATE } from "./support.js";
import { iso } from "../adapters/common.js";

const OPEN_FILE = ["VACANCY", "SHORTLIST", "SOCIAL_ENQUIRY", "COMMISSION_OPINION", "HOUSING_PROMISE", "VISIT", "REFUSED"] as const;
const RULE = "bill 8535 art. 38 (→ art. 63bis §2 al. 6)";

export const DwellingTransferStatusEnum = builder.enumType("DwellingTransferStatus", {
  description: "State of a proposed change of social landlord.",
  values: {
    PROPOSED: { description: "Proposed; nothing has moved." },
    ACCEPTED: { description: "Accepted by the receiving landlord (or the ministry): the dwelling, its units, active leases and deposits moved." },
    DECLINED: { description: "Declined: nothing moved." },
  } as const,
});

/** What a transfer proposal shows: to the proposer and the receiver (its parties) and the ministry. */
export const DwellingTransferRef = builder.objectRef<DwellingTransfer & { dwellingReference: string; activeLeases: number }>("DwellingTransfer").implement({
  description:
    "A proposed change of social landlord for a dwelling with its units, active leases and deposits (bill art. 63bis §2 al. 6), which the receiving landlord accepts or declines.",
  fields: (t) => ({
    id: t.field({
      type: "ID",
      description: "Global ID of the proposal (acceptDwellingTransfer, declineDwellingTransfer).",
      resolve: (x) => encodeGlobalID("DwellingTransfer", x.id),
    }),
    status: t.field({ type: DwellingTransferStatusEnum, description: "State of the proposal.", resolve: (x) => x.status }),
    fromLandlordId: t.field({
      type: "ID",
      description: "Global ID of the landlord holding the dwelling (Organisation).",
      resolve: (x) => encodeGlobalID("Organisation", x.fromLandlordId),
    }),
    toLandlordId: t.field({
      type: "ID",
      description: "Global ID of the receiving landlord (Organisation).",
      resolve: (x) => encodeGlobalID("Organisation", x.toLandlordId),
    }),
    dwellingReference: t.string({ description: "The holder's reference of the dwelling transferred.", resolve: (x) => x.dwellingReference }),
    activeLeases: t.int({ description: "Active leases that move with the dwelling.", resolve: (x) => x.activeLeases }),
    on: t.field({ type: "Date", description: "Date of the change of landlord.", resolve: (x) => iso(x.on) }),
    decidedOn: t.field({
      type: "Date",
      nullable: true,
      description: "Day of the acceptance or refusal.",
      resolve: (x) => (x.decidedOn ? iso(x.decidedOn) : null),
    }),
  }),
});

export type TransferView = DwellingTransfer & { dwellingReference: string; activeLeases: number };

async function viewOf(tx: Tx, t: DwellingTransfer): Promise<TransferView> {
  const d = await tx.dwelling.findUniqueOrThrow({ where: { id: t.dwellingId }, select: { reference: true } });
  const activeLeases = await tx.lease.count({ where: { dwellingId: t.dwellingId, status: "ACTIVE" } });
  return { ...t, dwellingReference: d.reference, activeLeases };
}

/** Records a proposal for the caller's dwelling (checks in its own stock only). */
export async function proposeTransfer(
  tx: Tx,
  ctx: Context,
  p: Problems,
  dwelling: { id: string; landlordId: string },
  newLandlordGlobalId: string | number,
  on: string,
): Promise<TransferView> {
  const to = await landlordToReceive(tx, p, "newLandlordId", newLandlordGlobalId, dwelling.landlordId);
  // Issue 12 finding 3 g: a deactivated landlord has no keys to accept with and holds no stock any more.
  if (to.deactivatedAt)
    p.add("newLandlordId", "RULE_VIOLATION", "newLandlordId: this landlord was deactivated; it cannot receive a dwelling, its leases or deposits", RULE);
  const open = await tx.allocationFile.findFirst({ where: { dwellingId: dwelling.id, status: { in: [...OPEN_FILE] } }, select: { id: true } });
  if (open) p.add("dwellingId", "INVALID_STATE", "Close the open allocation file of this dwelling first: an allocation is the holder's procedure");
  if (p.any) fail(p);
  const created = await uniquely(
    tx.dwellingTransfer.create({ data: { dwellingId: dwelling.id, fromLandlordId: dwelling.landlordId, toLandlordId: to.id, on: dateOf(on) } }),
    [],
    { field: "dwellingId", message: "A transfer of this dwelling is already proposed" },
  );
  return viewOf(tx, created);
}

const TransferPayload = builder.objectRef<{ transfer: TransferView | null; userErrors: UserError[] }>("DwellingTransferPayload").implement({
  description: "Result of a dwelling-transfer mutation.",
  fields: (t) => ({
    transfer: t.field({
      type: DwellingTransferRef,
      nullable: true,
      description: "The proposal as changed; null when there are user errors.",
      resolve: (p) => p.transfer,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

// ───────────── proposeDwellingTransfer ─────────────

const ProposeDwellingTransferInput = builder.inputType("ProposeDwellingTransferInput", {
  description:
    "Proposes to hand a dwelling of the caller's stock, with its units, active leases and deposits, to another social landlord (bill art. 63bis §2 al. 6).",
  fields: (t) => ({
    dwellingId: t.id({ required: true, description: "The dwelling, of the caller's stock." }),
    newLandlordId: t.id({ required: true, description: "The receiving social landlord (Organisation)." }),
    on: t.field({ type: "Date", required: true, description: "Date of the change of landlord." }),
  }),
});

builder.mutationField("proposeDwellingTransfer", (t) =>
  t.field({
    type: TransferPayload,
    description:
      "Proposes a change of social landlord for a dwelling with its units, active leases and deposits; nothing moves until the receiving landlord (or a ministry administrator) accepts it (acceptDwellingTransfer).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: ProposeDwellingTransferInput, required: true, description: "The proposal." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "proposeDwellingTransfer", async (tx) => {
        const p = new Problems();
        const dwelling = await dwellingToChange(tx, ctx, p, "dwellingId", input.dwellingId, {});
        const transfer = await proposeTransfer(tx, ctx, p, dwelling, input.newLandlordId, input.on);
        return { result: transfer, entityType: "DwellingTransfer", entityId: transfer.id, before: null, after: transfer };
      });
      return { transfer: out.result, userErrors: out.userErrors };
    },
  }),
);

// ───────────── acceptDwellingTransfer / declineDwellingTransfer ─────────────

const DecideDwellingTransferInput = builder.inputType("DecideDwellingTransferInput", {
  description: "The receiving landlord's decision on a transfer proposal addressed to it.",
  fields: (t) => ({
    transferId: t.id({ required: true, description: "The proposal (DwellingTransfer)." }),
    decidedOn: t.field({ type: "Date", required: false, description: "Day of the decision (default today)." }),
    reason: t.string({ required: false, description: "Declining: why (at most 1000 characters)." }),
  }),
});

async function pending(tx: Tx, ctx: Context, p: Problems, globalId: string | number) {
  const transfer = await transferToDecide(tx, ctx, p, "transferId", globalId);
  if (transfer.status !== "PROPOSED") {
    p.add("transferId", "CONFLICT", `The proposal was already ${transfer.status.toLowerCase()}`);
    fail(p);
  }
  return transfer;
}

builder.mutationField("acceptDwellingTransfer", (t) =>
  t.field({
    type: TransferPayload,
    description:
      "The receiving landlord (or a ministry administrator) accepts a transfer proposal: the dwelling, its units, its active leases (with their rehousing cases) and their deposits pass to it (bill art. 63bis §2 al. 6); the dwelling leaves the former landlord's compensation convention (art. 40).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: DecideDwellingTransferInput, required: true, description: "The decision." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "acceptDwellingTransfer", async (tx) => {
        const p = new Problems();
        const transfer = await pending(tx, ctx, p, input.transferId);
        const dwelling = await tx.dwelling.findUniqueOrThrow({ where: { id: transfer.dwellingId } });
        // The receiver's own stock: a reference it already uses.
        if (await tx.dwelling.findFirst({ where: { landlordId: transfer.toLandlordId, reference: dwelling.reference }, select: { id: true } })) {
          p.add("transferId", "CONFLICT", `Your stock already has a dwelling with reference ${dwelling.reference}: change it first (updateDwelling)`);
        }
        if (dwelling.landlordId !== transfer.fromLandlordId) p.add("transferId", "INVALID_STATE", "The dwelling changed hands since the proposal");
        const receiver = await tx.organisation.findUniqueOrThrow({ where: { id: transfer.toLandlordId }, select: { deactivatedAt: true } });
        if (receiver.deactivatedAt)
          p.add("transferId", "RULE_VIOLATION", "The receiving landlord was deactivated since the proposal: it cannot receive the dwelling", RULE);
        if (await tx.allocationFile.findFirst({ where: { dwellingId: dwelling.id, status: { in: [...OPEN_FILE] } }, select: { id: true } }))
          p.add("transferId", "INVALID_STATE", "An allocation file was opened for this dwelling since the proposal");
        if (p.any) fail(p);
        const decidedOn = input.decidedOn ?? todayIso();
        await guarded(
          tx.dwellingTransfer.updateMany({ where: { id: transfer.id, status: "PROPOSED" }, data: { status: "ACCEPTED", decidedOn: dateOf(decidedOn) } }),
          "transferId",
          "The proposal was decided meanwhile by another request",
        );
        const moved = await tx.dwelling.updateMany({
          where: { id: dwelling.id, landlordId: transfer.fromLandlordId },
          data: { landlordId: transfer.toLandlordId, compensationConventionId: null },
        });
        if (moved.count !== 1) conflict("transferId", "The dwelling changed hands meanwhile");
        const leases = await tx.lease.findMany({ where: { dwellingId: dwelling.id, status: "ACTIVE" }, include: { deposit: true } });
        await tx.lease.updateMany({ where: { id: { in: leases.map((l) => l.id) } }, data: { landlordId: transfer.toLandlordId } });
        await tx.deposit.updateMany({ where: { leaseId: { in: leases.map((l) => l.id) } }, data: { holderId: transfer.toLandlordId } });
        const after = await tx.dwellingTransfer.findUniqueOrThrow({ where: { id: transfer.id } });
        const view = await viewOf(tx, after);
        return {
          result: view,
          entityType: "DwellingTransfer",
          entityId: transfer.id,
          before: { status: transfer.status, landlordId: transfer.fromLandlordId },
          after: {
            status: "ACCEPTED",
            landlordId: transfer.toLandlordId,
            leases: leases.map((l) => l.id),
            deposits: leases.flatMap((l) => (l.deposit ? [l.deposit.id] : [])),
            rule: RULE,
            by: isMinistryAdmin(ctx.viewer) ? "ministry" : organisationOf(ctx.viewer),
          },
        };
      });
      return { transfer: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("declineDwellingTransfer", (t) =>
  t.field({
    type: TransferPayload,
    description: "The receiving landlord (or a ministry administrator) declines a transfer proposal: nothing moves.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: DecideDwellingTransferInput, required: true, description: "The decision." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "declineDwellingTransfer", async (tx) => {
        const p = new Problems();
        const reason = checkText(p, "reason", input.reason, { max: 1000 });
        if (p.any) fail(p);
        const transfer = await pending(tx, ctx, p, input.transferId);
        const decidedOn = input.decidedOn ?? todayIso();
        await guarded(
          tx.dwellingTransfer.updateMany({
            where: { id: transfer.id, status: "PROPOSED" },
            data: { status: "DECLINED", decidedOn: dateOf(decidedOn), reason: reason ?? null },
          }),
          "transferId",
          "The proposal was decided meanwhile by another request",
        );
        const view = await viewOf(tx, await tx.dwellingTransfer.findUniqueOrThrow({ where: { id: transfer.id } }));
        return {
          result: view,
          entityType: "DwellingTransfer",
          entityId: transfer.id,
          before: { status: transfer.status },
          after: { status: "DECLINED", reason: reason ?? null },
        };
      });
      return { transfer: out.result, userErrors: out.userErrors };
    },
  }),
);
