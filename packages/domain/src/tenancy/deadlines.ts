/**
 * Every dated obligation of a lease in a window — the API's « leases with a deadline in the next N
 * days ». Pure: it only composes the rules of the other modules (art. 62, 63bis, 67, 69, 70).
 */
import type { IsoDate, LegalReference, RegimeOptions } from "../parameters/types.js";
import { Dec } from "../money/decimal.js";
import { addDays, addMonths, resolveRequired, TenancyRuleError, wholeValue } from "./common.js";
import { depositBalance, depositExitStatement, validateDepositSchedule, type DepositAccount, type DepositExit } from "./deposit.js";
import { assessRehousing, type RehousingFile } from "./rehousing.js";
import type { TenancyOptions } from "./rent.js";
import { nextAnnualRevision, revisionDue, type RevisionEvent, type RevisionLease } from "./revision.js";
import { leaseEnd, type EndFacts } from "./termination.js";

export type LeaseDeadlineKind =
  | "DEPOSIT_INSTALLMENT"
  | "DEPOSIT_FULL_PAYMENT"
  | "DEPOSIT_FIRST_HALF_RETURN"
  | "DEPOSIT_CHARGE_STATEMENTS_REQUEST"
  | "DEPOSIT_BALANCE_RETURN"
  | "REVISION_DUE"
  | "REVISION_EFFECTIVE"
  | "ANNUAL_REVISION"
  | "REVISION_ANSWER_DUE"
  | "REHOUSING_OFFER_DUE"
  | "REHOUSING_LEASE_END"
  | "LEASE_END"
  | "LEASE_END_WINDOW_CLOSES";

export interface LeaseDeadline {
  readonly leaseId: string;
  readonly kind: LeaseDeadlineKind;
  readonly date: IsoDate;
  readonly description: string;
  readonly reference: LegalReference;
  /** Already past on the window's start (still listed when inside the window). */
  readonly overdue: boolean;
}

export interface LeaseFacts {
  readonly leaseId: string;
  readonly revision?: { readonly lease: RevisionLease; readonly events: readonly RevisionEvent[] };
  readonly deposit?: { readonly account: DepositAccount; readonly exit?: DepositExit };
  readonly rehousing?: readonly RehousingFile[];
  readonly ends?: readonly EndFacts[];
}

export interface LeaseDeadlineWindow {
  /** First day of the window, inclusive (the calculation date). */
  readonly from: IsoDate;
  /** Last day of the window, inclusive. */
  readonly to: IsoDate;
}

/** The window [asOf, asOf + days]. */
export const deadlineWindowNextDays = (asOf: IsoDate, days: number): LeaseDeadlineWindow => ({ from: asOf, to: addDays(asOf, days) });

/** Every deadline of the lease falling inside the window, in date order. Facts are evaluated as of `window.from`. */
export function leaseDeadlines(facts: LeaseFacts, window: LeaseDeadlineWindow, options: TenancyOptions): LeaseDeadline[] {
  const out: LeaseDeadline[] = [];
  const asOf = window.from;
  const add = (kind: LeaseDeadlineKind, date: IsoDate | null | undefined, description: string, reference: LegalReference) => {
    if (!date || date < window.from || date > window.to) return;
    out.push({ leaseId: facts.leaseId, kind, date, description, reference, overdue: date < asOf });
  };

  // Rent revision (art. 62).
  if (facts.revision) {
    for (const r of revisionDue(facts.revision.lease, facts.revision.events, asOf, options)) {
      add("REVISION_DUE", r.dueBy, `${r.reason}: ${r.detail}`, r.reference);
      add("REVISION_EFFECTIVE", r.effectiveFrom, `${r.reason}: revised rent applies`, r.reference);
    }
    const next = nextAnnualRevision(facts.revision.lease, addDays(asOf, -1), options);
    add("ANNUAL_REVISION", next.date, "yearly rent revision", { text: "LAW_2023", article: "62", paragraph: "1", alinea: "1" });
    for (const e of facts.revision.events) {
      if (e.kind !== "INFORMATION_REQUEST" || e.answeredOn !== undefined || e.requestedOn > asOf) continue;
      const p = resolveRequired("rent.revision.tenantResponseMonths", e.requestedOn, options);
      add(
        "REVISION_ANSWER_DUE",
        addMonths(e.requestedOn, wholeValue(p)),
        `tenant's answer to the information request of ${e.requestedOn}`,
        p.version.reference,
      );
    }
  }

  // Deposit (bill art. 63bis).
  if (facts.deposit) {
    const { account, exit } = facts.deposit;
    if (!exit) {
      const bal = depositBalance(account, asOf);
      if (!bal.outstanding.isZero()) {
        let cumulative = new Dec(0);
        for (const i of account.schedule) {
          cumulative = cumulative.plus(i.amount);
          if (cumulative.greaterThan(bal.paid))
            add("DEPOSIT_INSTALLMENT", i.dueOn, `deposit installment of ${i.amount} EUR`, {
              text: "BILL_8535",
              article: "38",
              amends: { article: "63bis", paragraph: "1", alinea: "2" },
            });
        }
        try {
          const v = validateDepositSchedule(account.entryDate, account.entryDate, [], options);
          add("DEPOSIT_FULL_PAYMENT", v.latestFullPaymentDate, `deposit fully paid (outstanding ${bal.outstanding.toString()} EUR)`, {
            text: "BILL_8535",
            article: "38",
            amends: { article: "63bis", paragraph: "1", alinea: "2" },
          });
        } catch (e) {
          if (!(e instanceof TenancyRuleError)) throw e;
        }
      }
    } else {
      const st = depositExitStatement(account, exit, asOf, options);
      for (const i of st.items) {
        if (i.status === "DONE" || i.status === "DONE_LATE" || i.status === "NOT_DUE") continue;
        const kind =
          i.kind === "FIRST_HALF_RETURN"
            ? "DEPOSIT_FIRST_HALF_RETURN"
            : i.kind === "BALANCE_RETURN"
              ? "DEPOSIT_BALANCE_RETURN"
              : "DEPOSIT_CHARGE_STATEMENTS_REQUEST";
        add(kind, i.dueBy, i.detail, i.reference);
      }
    }
  }

  // Rehousing (art. 67).
  for (const file of facts.rehousing ?? []) {
    const a = assessRehousing(file, asOf, options);
    if (a.obligation && !a.offerDeadlineMissed && file.offers.length === 0)
      add("REHOUSING_OFFER_DUE", a.offerDeadline, `rehousing offer (${file.case}) due`, a.reference);
    add("REHOUSING_LEASE_END", a.terminationOn, "lease ends of right after two refused rehousing offers", a.reference);
  }

  // Ends of lease (art. 69-70).
  for (const f of facts.ends ?? []) {
    const e = leaseEnd(f, asOf, options);
    if (!e.available) continue;
    add("LEASE_END", e.endsOn, `${e.ground}: ${e.ofRight ? "lease ends of right" : "lease may be ended with effect from this date"}`, e.reference);
    add("LEASE_END_WINDOW_CLOSES", e.latestEndOn ?? null, `${e.ground}: last date of effect`, e.reference);
  }

  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind)));
}

/** The leases among `all` with at least one deadline in the window, with those deadlines. */
export function leasesWithDeadlines(
  all: readonly LeaseFacts[],
  window: LeaseDeadlineWindow,
  options: RegimeOptions,
): { leaseId: string; deadlines: LeaseDeadline[] }[] {
  return all.map((f) => ({ leaseId: f.leaseId, deadlines: leaseDeadlines(f, window, options) })).filter((x) => x.deadlines.length > 0);
}
