/**
 * The rental deposit (bill art. 63bis) and inventories: agreeing the schedule, recording
 * payments (row-locked: concurrent payments on one deposit are serialised), inventories, the keys'
 * return, the returns of the deposit, and its transfer on a change of landlord.
 */
import { depositBalance, validateDepositSchedule, type ScheduleViolation } from "@abordable/domain";
import type { Deposit, Inventory, Lease } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { runMutation } from "../../schema/mutation.js";
import { Problems, UserErrorRef, type UserError } from "../../schema/user-errors.js";
import { checkDecimal, checkText } from "../../schema/validate.js";
import { DwellingTransferRef, proposeTransfer, type TransferView } from "./transfer.js";
import { LeaseRef } from "../types/lease.js";
import { citation, iso, LegalRegimeEnum } from "../adapters/common.js";
import { depositAccountOf } from "../adapters/deposit.js";
import { DepositRef, InventoryRef } from "../types/records.js";
import { InventoryKindEnum } from "../types/enums.js";
import { dateOf, fail, MUTATE, ownLease, regimeFor, ruleError } from "./support.js";
import { endLeaseAt } from "./terminate-lease.js";

const MONEY = { greaterThan: "0", max: "100000", scale: 2, unit: "EUR" } as const;
const ART_63BIS_1 = "bill 8535 art. 38 (→ art. 63bis §1)";
const ART_63BIS_2 = "bill 8535 art. 38 (→ art. 63bis §2)";

const DepositPayload = builder
  .objectRef<{ deposit: Deposit | null; lease: Lease | null; transfer?: TransferView | null; userErrors: UserError[] }>("DepositPayload")
  .implement({
    description: "Result of a deposit mutation.",
    fields: (t) => ({
      transfer: t.field({
        type: DwellingTransferRef,
        nullable: true,
        description: "transferDeposit: the transfer proposal recorded (nothing moves before the receiving landlord accepts it).",
        resolve: (p) => p.transfer ?? null,
      }),
      deposit: t.field({
        type: DepositRef,
        nullable: true,
        description: "The deposit as changed; null when there are user errors.",
        resolve: (p) => p.deposit,
      }),
      lease: t.field({ type: LeaseRef, nullable: true, description: "Its lease.", resolve: (p) => p.lease }),
      userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
    }),
  });

const InstallmentInput = builder.inputType("DepositInstallmentInput", {
  description: "An installment of the deposit schedule.",
  fields: (t) => ({
    dueOn: t.field({ type: "Date", required: true, description: "Due date: at the latest entry + two years." }),
    amount: t.field({ type: "Decimal", required: true, description: "Amount, EUR, greater than 0." }),
  }),
});

const WithheldInput = builder.inputType("DepositWithheldInput", {
  description: "A sum withheld from the deposit at exit, with its justification (bill art. 63bis §2 al. 3).",
  fields: (t) => ({
    amount: t.field({ type: "Decimal", required: true, description: "Amount, EUR." }),
    reason: t.string({ required: true, description: "Justification: arrears, charges, rental damage (at most 300 characters)." }),
  }),
});

// ───────────── agreeDepositSchedule ─────────────

const AgreeDepositScheduleInput = builder.inputType("AgreeDepositScheduleInput", {
  description: "The deposit schedule agreed between the parties (bill art. 63bis §1): 3,000 EUR, fully paid at the latest two years after entry.",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    agreedOn: t.field({ type: "Date", required: true, description: "Day the schedule was agreed (signature)." }),
    schedule: t.field({ type: [InstallmentInput], required: true, description: "Installments; they add up to the deposit." }),
    regime: t.field({
      type: LegalRegimeEnum,
      required: false,
      description: "Regime (default: the bill once in force; the deposit exists only under the bill).",
    }),
  }),
});

const VIOLATION_FIELD: Record<ScheduleViolation["rule"], string> = {
  SCHEDULE_TOTAL: "schedule",
  SCHEDULE_LATEST_DATE: "schedule",
  INSTALLMENT_AMOUNT: "schedule",
  INSTALLMENT_BEFORE_SIGNATURE: "schedule",
  EMPTY_SCHEDULE: "schedule",
};

builder.mutationField("agreeDepositSchedule", (t) =>
  t.field({
    type: DepositPayload,
    description:
      "Records the deposit and its agreed schedule (bill art. 63bis §1); refused when the installments do not add up to the deposit or run beyond two years after entry.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: AgreeDepositScheduleInput, required: true, description: "The schedule." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "agreeDepositSchedule", async (tx) => {
        const p = new Problems();
        const options = regimeFor(ctx, p, input.regime);
        input.schedule.forEach((i, n) => checkDecimal(p, `schedule.${n}.amount`, i.amount, MONEY));
        if (input.schedule.length > 48) p.add("schedule", "OUT_OF_RANGE", "At most 48 installments");
        if (p.any) fail(p);
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, { deposit: true });
        if (lease.deposit) p.add("leaseId", "CONFLICT", "A deposit schedule is already agreed for this lease");
        if (lease.status !== "ACTIVE") p.add("leaseId", "INVALID_STATE", "The lease has ended");
        if (p.any) fail(p);
        const schedule = input.schedule.map((i) => ({ dueOn: i.dueOn, amount: i.amount.toFixed(2) }));
        let v;
        try {
          v = validateDepositSchedule(iso(lease.startsOn), input.agreedOn, schedule, options);
        } catch (error) {
          if (ruleError(p, "agreedOn", error)) fail(p);
          throw error;
        }
        for (const violation of v.violations) {
          const index = /installment (\d+)/.exec(violation.detail)?.[1];
          const field =
            index && violation.rule !== "SCHEDULE_TOTAL"
              ? `schedule.${Number(index) - 1}.${violation.rule === "INSTALLMENT_AMOUNT" ? "amount" : "dueOn"}`
              : VIOLATION_FIELD[violation.rule];
          p.add(field, "RULE_VIOLATION", violation.detail, citation(violation.reference));
        }
        if (p.any) fail(p);
        const sorted = [...schedule].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
        const deposit = await tx.deposit.create({
          data: { leaseId: lease.id, holderId: lease.landlordId, amount: v.amount.toFixed(2), agreedOn: dateOf(input.agreedOn), schedule: sorted },
        });
        const { deposit: _d, ...plain } = lease;
        return { result: { deposit, lease: plain }, entityType: "Deposit", entityId: deposit.id, before: null, after: deposit };
      });
      return { deposit: out.result?.deposit ?? null, lease: out.result?.lease ?? null, userErrors: out.userErrors };
    },
  }),
);

// ───────────── recordDepositPayment ─────────────

const RecordDepositPaymentInput = builder.inputType("RecordDepositPaymentInput", {
  description: "A payment towards the deposit.",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    paidOn: t.field({ type: "Date", required: true, description: "Date paid." }),
    amount: t.field({ type: "Decimal", required: true, description: "Amount, EUR; at most what remains to be paid." }),
  }),
});

builder.mutationField("recordDepositPayment", (t) =>
  t.field({
    type: DepositPayload,
    description:
      "Records a payment towards the deposit. The deposit row is locked for the transaction (SELECT … FOR UPDATE): two payments at once are applied one after the other, and a payment beyond what remains is refused.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordDepositPaymentInput, required: true, description: "The payment." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordDepositPayment", async (tx) => {
        const p = new Problems();
        checkDecimal(p, "amount", input.amount, MONEY);
        if (p.any) fail(p);
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, { deposit: true });
        if (!lease.deposit) {
          p.add("leaseId", "INVALID_STATE", "No deposit schedule is agreed for this lease (agreeDepositSchedule)", ART_63BIS_1);
          fail(p);
        }
        // Serialise payments on this deposit: the second transaction waits here for the first to commit.
        await tx.$queryRaw`SELECT "id" FROM "Deposit" WHERE "id" = ${lease.deposit.id}::uuid FOR UPDATE`;
        const deposit = await tx.deposit.findUniqueOrThrow({ where: { id: lease.deposit.id }, include: { payments: true } });
        if (input.paidOn < iso(deposit.agreedOn)) p.add("paidOn", "OUT_OF_RANGE", `paidOn is before the schedule was agreed (${iso(deposit.agreedOn)})`);
        if (deposit.keysReturnedOn) p.add("leaseId", "INVALID_STATE", "The keys were returned: the deposit is being settled");
        const balance = depositBalance(depositAccountOf(lease, deposit), "9999-12-31");
        if (input.amount.greaterThan(balance.outstanding)) {
          p.add(
            "amount",
            "RULE_VIOLATION",
            `Only ${balance.outstanding.toFixed(2)} EUR of the ${balance.required.toFixed(2)} EUR deposit remain to be paid`,
            ART_63BIS_1,
          );
        }
        if (p.any) fail(p);
        const payment = await tx.depositPayment.create({ data: { depositId: deposit.id, paidOn: dateOf(input.paidOn), amount: input.amount.toFixed(2) } });
        const after = await tx.deposit.update({ where: { id: deposit.id }, data: { updatedAt: new Date() } });
        const { deposit: _d, ...plain } = lease;
        return {
          result: { deposit: after, lease: plain },
          entityType: "Deposit",
          entityId: deposit.id,
          before: { paid: balance.paid.toFixed(2) },
          after: { payment, paid: balance.paid.plus(input.amount).toFixed(2) },
        };
      });
      return { deposit: out.result?.deposit ?? null, lease: out.result?.lease ?? null, userErrors: out.userErrors };
    },
  }),
);

// ───────────── recordInventory ─────────────

const RecordInventoryInput = builder.inputType("RecordInventoryInput", {
  description: "An inventory (état des lieux) at entry or exit.",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    kind: t.field({ type: InventoryKindEnum, required: true, description: "Entry or exit." }),
    doneOn: t.field({ type: "Date", required: true, description: "Date." }),
    matchesEntry: t.boolean({ required: false, description: "EXIT (required): the dwelling is as at entry, fair wear aside." }),
    notes: t.string({ required: false, description: "Notes (at most 2000 characters)." }),
  }),
});

const InventoryPayload = builder.objectRef<{ inventory: Inventory | null; lease: Lease | null; userErrors: UserError[] }>("InventoryPayload").implement({
  description: "Result of recordInventory.",
  fields: (t) => ({
    inventory: t.field({ type: InventoryRef, nullable: true, description: "The inventory recorded.", resolve: (p) => p.inventory }),
    lease: t.field({ type: LeaseRef, nullable: true, description: "Its lease.", resolve: (p) => p.lease }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

builder.mutationField("recordInventory", (t) =>
  t.field({
    type: InventoryPayload,
    description: "Records the entry or exit inventory of a lease (one of each); the exit one says whether it matches the entry one (bill art. 63bis §2 al. 2).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordInventoryInput, required: true, description: "The inventory." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordInventory", async (tx) => {
        const p = new Problems();
        const notes = checkText(p, "notes", input.notes, { max: 2000 });
        if (input.kind === "EXIT" && input.matchesEntry == null)
          p.add("matchesEntry", "REQUIRED", "An exit inventory says whether it matches the entry one", ART_63BIS_2);
        if (input.kind === "ENTRY" && input.matchesEntry != null)
          p.add("matchesEntry", "INVALID_VALUE", "Only an exit inventory is compared with the entry one");
        if (p.any) fail(p);
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, { inventories: true });
        if (lease.inventories.some((i) => i.kind === input.kind)) p.add("kind", "CONFLICT", `The ${input.kind.toLowerCase()} inventory is already recorded`);
        if (input.doneOn < iso(lease.startsOn) && input.kind === "EXIT")
          p.add("doneOn", "OUT_OF_RANGE", "The exit inventory cannot precede the start of the lease");
        if (input.kind === "EXIT" && !lease.inventories.some((i) => i.kind === "ENTRY"))
          p.add("kind", "INVALID_STATE", "Record the entry inventory first: the exit one is compared with it");
        if (p.any) fail(p);
        const inventory = await tx.inventory.create({
          data: { leaseId: lease.id, kind: input.kind, doneOn: dateOf(input.doneOn), matchesEntry: input.matchesEntry ?? null, notes: notes ?? null },
        });
        const { inventories: _i, ...plain } = lease;
        return { result: { inventory, lease: plain }, entityType: "Inventory", entityId: inventory.id, before: null, after: inventory };
      });
      return { inventory: out.result?.inventory ?? null, lease: out.result?.lease ?? null, userErrors: out.userErrors };
    },
  }),
);

// ───────────── recordKeysReturned ─────────────

const RecordKeysReturnedInput = builder.inputType("RecordKeysReturnedInput", {
  description: "The keys handed back at the end of the lease: starts the deposit's return time limits (bill art. 63bis §2).",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    keysReturnedOn: t.field({ type: "Date", required: true, description: "Keys handed back (in person or by registered letter)." }),
    withheld: t.field({ type: [WithheldInput], required: false, description: "Sums the landlord claims (arrears, charges, damage): no early half then." }),
  }),
});

function checkWithheld(
  p: Problems,
  list:
    | readonly { amount: { toFixed(): string; greaterThan(v: string): boolean; decimalPlaces(): number; isNegative(): boolean }; reason: string }[]
    | null
    | undefined,
) {
  if (!list) return undefined;
  list.forEach((w, n) => {
    checkDecimal(p, `withheld.${n}.amount`, w.amount as never, MONEY);
    checkText(p, `withheld.${n}.reason`, w.reason, { max: 300, required: true });
  });
  return list.map((w) => ({ amount: w.amount.toFixed(), reason: w.reason.trim() }));
}

builder.mutationField("recordKeysReturned", (t) =>
  t.field({
    type: DepositPayload,
    description:
      "Records the keys' return: the first half of the deposit is due within one month if the exit inventory matches and nothing is claimed; the lease ends that day if no end was recorded.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordKeysReturnedInput, required: true, description: "The keys' return." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordKeysReturned", async (tx) => {
        const p = new Problems();
        const withheld = checkWithheld(p, input.withheld);
        if (p.any) fail(p);
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, { deposit: true });
        if (!lease.deposit) p.add("leaseId", "INVALID_STATE", "No deposit is recorded for this lease", ART_63BIS_2);
        else if (lease.deposit.keysReturnedOn)
          p.add("keysReturnedOn", "CONFLICT", `The keys' return is already recorded (${iso(lease.deposit.keysReturnedOn)})`);
        if (input.keysReturnedOn < iso(lease.startsOn)) p.add("keysReturnedOn", "OUT_OF_RANGE", "The keys cannot come back before the lease started");
        if (p.any || !lease.deposit) fail(p);
        const deposit = await tx.deposit.update({
          where: { id: lease.deposit.id },
          data: { keysReturnedOn: dateOf(input.keysReturnedOn), ...(withheld ? { withheld } : {}) },
        });
        const { deposit: before, ...plain } = lease;
        const after = plain.endsOn ? plain : await endLeaseAt(tx, plain, input.keysReturnedOn);
        return { result: { deposit, lease: after }, entityType: "Deposit", entityId: deposit.id, before, after: deposit };
      });
      return { deposit: out.result?.deposit ?? null, lease: out.result?.lease ?? null, userErrors: out.userErrors };
    },
  }),
);

// ───────────── recordDepositReturn ─────────────

const RecordDepositReturnInput = builder.inputType("RecordDepositReturnInput", {
  description: "Facts of the deposit's return after the keys (bill art. 63bis §2); fields left out stay as they are.",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    chargeStatementsOn: t.field({
      type: "Date",
      required: false,
      description: "Charge statements (or co-owners' accounts approval) received: the balance is due three months later.",
    }),
    formalNoticeOn: t.field({ type: "Date", required: false, description: "The tenant's formal notice: the late increase runs from it." }),
    firstHalfReturnedOn: t.field({ type: "Date", required: false, description: "First half returned." }),
    balanceReturnedOn: t.field({ type: "Date", required: false, description: "Balance returned." }),
    withheld: t.field({ type: [WithheldInput], required: false, description: "Sums withheld from the balance, with their justification (replaces the list)." }),
  }),
});

builder.mutationField("recordDepositReturn", (t) =>
  t.field({
    type: DepositPayload,
    description:
      "Records the charge statements, the tenant's formal notice and the returns of the deposit; the exit statement then gives each time limit, the amount due and the late increase (10 % of the last monthly rent per monthly period begun late).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordDepositReturnInput, required: true, description: "The facts." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordDepositReturn", async (tx) => {
        const p = new Problems();
        const withheld = checkWithheld(p, input.withheld);
        if (p.any) fail(p);
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, { deposit: true });
        if (!lease.deposit?.keysReturnedOn) {
          p.add("leaseId", "INVALID_STATE", "Record the keys' return first: the time limits run from it", ART_63BIS_2);
          fail(p);
        }
        const keys = iso(lease.deposit.keysReturnedOn);
        for (const f of ["chargeStatementsOn", "formalNoticeOn", "firstHalfReturnedOn", "balanceReturnedOn"] as const) {
          const v = input[f];
          if (v && v < keys) p.add(f, "OUT_OF_RANGE", `${f} cannot precede the keys' return (${keys})`);
        }
        if (p.any) fail(p);
        const deposit = await tx.deposit.update({
          where: { id: lease.deposit.id },
          data: {
            ...(input.chargeStatementsOn ? { chargeStatementsOn: dateOf(input.chargeStatementsOn) } : {}),
            ...(input.formalNoticeOn ? { formalNoticeOn: dateOf(input.formalNoticeOn) } : {}),
            ...(input.firstHalfReturnedOn ? { firstHalfReturnedOn: dateOf(input.firstHalfReturnedOn) } : {}),
            ...(input.balanceReturnedOn ? { balanceReturnedOn: dateOf(input.balanceReturnedOn) } : {}),
            ...(withheld ? { withheld } : {}),
          },
        });
        const { deposit: before, ...plain } = lease;
        return { result: { deposit, lease: plain }, entityType: "Deposit", entityId: deposit.id, before, after: deposit };
      });
      return { deposit: out.result?.deposit ?? null, lease: out.result?.lease ?? null, userErrors: out.userErrors };
    },
  }),
);

// ───────────── transferDeposit ─────────────

const TransferDepositInput = builder.inputType("TransferDepositInput", {
  description:
    "A change of social landlord for a let dwelling: proposed to the new landlord, the lease and its deposit pass of right to it once it accepts (bill art. 63bis §2 al. 6).",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    newLandlordId: t.id({ required: true, description: "The new social landlord (Organisation)." }),
    on: t.field({ type: "Date", required: true, description: "Date of the change of landlord." }),
  }),
});

builder.mutationField("transferDeposit", (t) =>
  t.field({
    type: DepositPayload,
    description:
      "Proposes to transfer the lease's dwelling, with every unit, active lease and deposit, to a new social landlord (« les garanties sont transférées de plein droit au nouveau bailleur social »). Nothing moves until the receiving landlord (or a ministry administrator) accepts the proposal (acceptDwellingTransfer); the payload carries the proposal.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: TransferDepositInput, required: true, description: "The change of landlord." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "transferDeposit", async (tx) => {
        const p = new Problems();
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, { deposit: true, dwelling: true });
        if (!lease.deposit) p.add("leaseId", "INVALID_STATE", "No deposit is recorded for this lease", ART_63BIS_2);
        if (lease.status !== "ACTIVE") p.add("leaseId", "INVALID_STATE", "The lease has ended");
        // Issue 12 finding 5: a proposal; the receiving landlord's stock is not read here, so no refusal reveals its references.
        const transfer = await proposeTransfer(tx, ctx, p, lease.dwelling, input.newLandlordId, input.on);
        const { deposit, dwelling: _d, ...plain } = lease;
        return {
          result: { deposit: deposit!, lease: plain, transfer },
          entityType: "DwellingTransfer",
          entityId: transfer.id,
          before: null,
          after: { ...transfer, leaseId: lease.id, rule: "bill 8535 art. 38 (→ art. 63bis §2 al. 6)" },
        };
      });
      return { deposit: out.result?.deposit ?? null, lease: out.result?.lease ?? null, transfer: out.result?.transfer ?? null, userErrors: out.userErrors };
    },
  }),
);
