/** Every deadline of a lease in a window (the domain's `leaseDeadlines` over the facts of adapters/facts.ts, deposit.ts, lease-ends.ts): pure mapping, no query. */
import {
  depositExitStatement,
  leaseDeadlines,
  roundMoney,
  type LeaseDeadlineKind,
  type LeaseDeadlineWindow,
  type LeaseFacts,
  type LegalReference,
  type TenancyOptions,
} from "@abordable/domain";
import { iso } from "./common.js";
import { depositAccountOf, depositExitOf } from "./deposit.js";
import { type LeaseFactsRow, revisionLeaseOf, revisionEventsOf } from "./facts.js";
import { endFactsOf } from "./lease-ends.js";
import { rehousingFileOf } from "./rehousing.js";

// ───────────── deadlines ─────────────

export type DeadlineKind = LeaseDeadlineKind | "TERMINATION_EFFECTIVE";

export interface Deadline {
  leaseId: string;
  kind: DeadlineKind;
  date: string;
  description: string;
  reference: LegalReference;
  amountDue: string | null;
}

/**
 * Every deadline of one lease in the window, from the domain's `leaseDeadlines`, one concern at a
 * time so that a concern the regime cannot evaluate (e.g. the deposit before bill 8535) drops
 * only its own deadlines. Ended leases keep their deposit deadlines only.
 */
export function deadlinesOf(lease: LeaseFactsRow, window: LeaseDeadlineWindow, options: TenancyOptions): Deadline[] {
  const active = lease.status === "ACTIVE";
  const members = lease.household.members;
  const parts: LeaseFacts[] = [];
  const revision = active ? revisionLeaseOf(lease, lease.revisions) : null;
  if (revision) parts.push({ leaseId: lease.id, revision: { lease: revision, events: revisionEventsOf(lease.rentInformationRequests) } });
  let exitAmounts: Map<string, string> | null = null;
  if (lease.deposit) {
    const account = depositAccountOf(lease, lease.deposit);
    const exit = depositExitOf(lease, lease.deposit, lease.inventories);
    parts.push({ leaseId: lease.id, deposit: { account, ...(exit ? { exit } : {}) } });
    if (exit) {
      try {
        const st = depositExitStatement(account, exit, window.from, options);
        exitAmounts = new Map(
          st.items.map((i) => [
            i.kind === "FIRST_HALF_RETURN"
              ? "DEPOSIT_FIRST_HALF_RETURN"
              : i.kind === "BALANCE_RETURN"
                ? "DEPOSIT_BALANCE_RETURN"
                : "DEPOSIT_CHARGE_STATEMENTS_REQUEST",
            roundMoney(i.amount.plus(i.latePenalty)).toFixed(2),
          ]),
        );
      } catch {
        exitAmounts = null;
      }
    }
  }
  if (active) {
    const files = lease.rehousingCases.filter((c) => !c.closedOn).map((c) => rehousingFileOf(lease, members, c));
    if (files.length > 0) parts.push({ leaseId: lease.id, rehousing: files });
    // One part per ground: a ground the engine cannot evaluate drops only its own deadline.
    for (const end of endFactsOf(lease, lease.dwelling, members)) parts.push({ leaseId: lease.id, ends: [end] });
  }
  const out: Deadline[] = [];
  for (const part of parts) {
    let found;
    try {
      found = leaseDeadlines(part, window, options);
    } catch {
      continue;
    }
    for (const d of found) {
      let amountDue: string | null = null;
      if (d.kind === "DEPOSIT_INSTALLMENT") amountDue = /of ([\d.]+) EUR/.exec(d.description)?.[1] ?? null;
      else if (exitAmounts?.has(d.kind)) amountDue = exitAmounts.get(d.kind)!;
      out.push({
        leaseId: lease.id,
        kind: d.kind,
        date: d.date,
        description: d.description,
        reference: d.reference,
        amountDue: amountDue === "0.00" && d.kind === "DEPOSIT_CHARGE_STATEMENTS_REQUEST" ? null : amountDue,
      });
    }
  }
  // Recorded terminations that take effect inside the window (unless already listed on that date).
  if (active) {
    for (const t of lease.terminations) {
      const on = iso(t.effectiveOn);
      if (on < window.from || on > window.to || out.some((d) => d.date === on && (d.kind === "REHOUSING_LEASE_END" || d.kind === "LEASE_END"))) continue;
      out.push({
        leaseId: lease.id,
        kind: "TERMINATION_EFFECTIVE",
        date: on,
        description: `termination (${t.ground}) takes effect: the occupancy title is lost`,
        reference: { text: t.regime === "BILL_8535" ? "BILL_8535" : "LAW_2023", article: t.regime === "BILL_8535" ? "42" : "69" },
        amountDue: null,
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind)));
}
