/** The deposit account and its exit statement from stored rows (bill art. 63bis): the schedule, payments, withheld sums and inventories as the domain reads them. */
import { Dec, type DepositAccount, type DepositExit } from "@abordable/domain";
import { iso } from "./common.js";
import { rentOn } from "./rent-history.js";
import type { LeaseCore } from "./facts.js";

// ───────────── deposit (bill art. 63bis) ─────────────

export interface Installment {
  dueOn: string;
  amount: string;
}
export interface Withheld {
  amount: string;
  reason: string;
}

export function scheduleOf(json: unknown): Installment[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter(
      (i): i is { dueOn: string; amount: string } =>
        typeof i === "object" && i !== null && typeof i.dueOn === "string" && (typeof i.amount === "string" || typeof i.amount === "number"),
    )
    .map((i) => ({ dueOn: i.dueOn, amount: String(i.amount) }));
}

export function withheldOf(json: unknown): Withheld[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((w): w is Withheld => typeof w === "object" && w !== null && typeof w.amount === "string")
    .map((w) => ({ amount: w.amount, reason: typeof w.reason === "string" ? w.reason : "" }));
}

type DepositRow = {
  holderId: string;
  amount: { toFixed(): string };
  schedule: unknown;
  keysReturnedOn: Date | null;
  chargeStatementsOn: Date | null;
  formalNoticeOn: Date | null;
  withheld: unknown;
  firstHalfReturnedOn: Date | null;
  balanceReturnedOn: Date | null;
  payments: readonly { paidOn: Date; amount: { toFixed(): string } }[];
};

export function depositAccountOf(lease: Pick<LeaseCore, "id" | "startsOn">, d: DepositRow): DepositAccount {
  return {
    leaseId: lease.id,
    landlordId: d.holderId,
    entryDate: iso(lease.startsOn),
    amount: d.amount.toFixed(),
    schedule: scheduleOf(d.schedule).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)),
    payments: d.payments.map((p) => ({ paidOn: iso(p.paidOn), amount: p.amount.toFixed() })),
    transfers: [],
    parameters: [],
  };
}

/**
 * The exit facts once the keys are back; null before. No co-ownership flag is stored: the
 * charge-statements date is the balance's trigger (note in the README). The « dernier loyer » is the
 * rent in force on the last day of the lease (revisions included).
 */
export function depositExitOf(
  lease: Pick<LeaseCore, "endsOn" | "monthlyRent" | "revisions">,
  d: DepositRow,
  inventories: readonly { kind: string; matchesEntry: boolean | null }[],
): DepositExit | null {
  if (!d.keysReturnedOn) return null;
  const lastDay = iso(lease.endsOn ?? d.keysReturnedOn);
  const withheld = withheldOf(d.withheld);
  const exit = inventories.find((i) => i.kind === "EXIT");
  const deductions = withheld.reduce((s, w) => s.plus(w.amount), new Dec(0));
  return {
    leaseEndedOn: lastDay,
    keysReturnedOn: iso(d.keysReturnedOn),
    inventoriesMatch: exit?.matchesEntry === true,
    landlordClaims: withheld.length > 0,
    coOwnership: false,
    ...(d.chargeStatementsOn ? { chargeStatementsReceivedOn: iso(d.chargeStatementsOn) } : {}),
    justifiedDeductions: deductions.toFixed(),
    lastMonthlyRentPrincipal: rentOn(lease, lease.revisions, lastDay),
    ...(d.formalNoticeOn ? { formalNoticeOn: iso(d.formalNoticeOn) } : {}),
    ...(d.firstHalfReturnedOn ? { firstHalfReturnedOn: iso(d.firstHalfReturnedOn) } : {}),
    ...(d.balanceReturnedOn ? { balanceReturnedOn: iso(d.balanceReturnedOn) } : {}),
  };
}
