/**
 * Rental deposit — bill 8535 art. 38 inserting art. 63bis (no deposit rule in the law in force).
 * §1: 3,000 EUR, paid by a schedule agreed between the parties, in full at the latest two years after
 *     entry into the premises.
 * §2: half returned within one month of the keys when the exit inventory matches the entry one and
 *     nothing is owed; the balance, less duly justified sums, within three months of the charge
 *     statements (requested at the latest one month after the lease ends) or of the co-owners' approval
 *     of the building's accounts; late, after the tenant's formal notice: + 10 % of the last monthly
 *     rent (principal) per monthly period begun, unless the delay is the tenant's doing; deposits pass
 *     of right to a new landlord.
 */
import type { Decimal } from "decimal.js";
import { Dec, parseDecimal, roundMoney, type DecimalInput } from "../money/decimal.js";
import type { ResolvedParameter } from "../parameters/store.js";
import { citeVersion, type ComputationTrace, type ParameterVersionUsed } from "../parameters/trace.js";
import type { IsoDate, LegalReference, RegimeOptions } from "../parameters/types.js";
import { addDays, addMonths, addYears, billRef, decimalValue, fraction, maxDate, resolveIfInForce, TenancyRuleError, wholeValue } from "./common.js";

const ART_63BIS = (paragraph: string, alinea: string): LegalReference => billRef("38", { amends: { article: "63bis", paragraph, alinea } });

function requireBill(id: string, asOf: IsoDate, options: RegimeOptions, reference: LegalReference): ResolvedParameter {
  const r = resolveIfInForce(id, asOf, options);
  if (!r)
    throw new TenancyRuleError(
      "tenancy.deposit",
      reference,
      `no rental deposit rule on ${asOf} under ${options.regime}: art. 63bis is introduced by bill 8535 (note bill-only-provisions)`,
    );
  return r;
}

export interface DepositInstallment {
  readonly dueOn: IsoDate;
  readonly amount: DecimalInput;
}
export interface DepositPayment {
  readonly paidOn: IsoDate;
  readonly amount: DecimalInput;
}
export interface DepositTransfer {
  readonly on: IsoDate;
  readonly fromLandlordId: string;
  readonly toLandlordId: string;
  readonly reference: LegalReference;
}

export interface DepositAccount {
  readonly leaseId: string;
  readonly landlordId: string;
  /** Entry into the premises (entrée en jouissance). */
  readonly entryDate: IsoDate;
  /** The deposit asked (art. 63bis §1 al. 1), decimal string. */
  readonly amount: string;
  readonly schedule: readonly { readonly dueOn: IsoDate; readonly amount: string }[];
  readonly payments: readonly { readonly paidOn: IsoDate; readonly amount: string }[];
  readonly transfers: readonly DepositTransfer[];
  readonly parameters: readonly ParameterVersionUsed[];
}

export interface ScheduleViolation {
  readonly rule: "SCHEDULE_TOTAL" | "SCHEDULE_LATEST_DATE" | "INSTALLMENT_AMOUNT" | "INSTALLMENT_BEFORE_SIGNATURE" | "EMPTY_SCHEDULE";
  readonly reference: LegalReference;
  readonly detail: string;
}

export interface ScheduleValidation {
  readonly ok: boolean;
  readonly amount: Decimal;
  /** Last day on which the deposit must be paid in full: entry + 2 years. */
  readonly latestFullPaymentDate: IsoDate;
  readonly violations: readonly ScheduleViolation[];
  readonly parameters: readonly ParameterVersionUsed[];
}

/** Bill art. 63bis §1 al. 2: validates the schedule agreed at signature (note `deposit-schedule-limit`). */
export function validateDepositSchedule(
  entryDate: IsoDate,
  signedOn: IsoDate,
  schedule: readonly DepositInstallment[],
  options: RegimeOptions,
): ScheduleValidation {
  const amountP = requireBill("tenancy.deposit.amount", signedOn, options, ART_63BIS("1", "1"));
  const yearsP = requireBill("tenancy.deposit.fullPaymentYears", signedOn, options, ART_63BIS("1", "2"));
  const amount = decimalValue(amountP);
  const latest = addYears(entryDate, wholeValue(yearsP));
  const violations: ScheduleViolation[] = [];
  const ref2 = ART_63BIS("1", "2");
  if (schedule.length === 0) violations.push({ rule: "EMPTY_SCHEDULE", reference: ref2, detail: "no installment agreed" });
  let total = new Dec(0);
  for (const [i, inst] of schedule.entries()) {
    const a = parseDecimal(inst.amount);
    total = total.plus(a);
    if (!a.isPositive() || a.isZero())
      violations.push({
        rule: "INSTALLMENT_AMOUNT",
        reference: ref2,
        detail: `installment ${i + 1} (${inst.dueOn}) has a non-positive amount ${a.toString()}`,
      });
    if (inst.dueOn < signedOn)
      violations.push({
        rule: "INSTALLMENT_BEFORE_SIGNATURE",
        reference: ref2,
        detail: `installment ${i + 1} is due on ${inst.dueOn}, before the schedule was agreed (${signedOn})`,
      });
    if (inst.dueOn > latest)
      violations.push({
        rule: "SCHEDULE_LATEST_DATE",
        reference: ref2,
        detail: `installment ${i + 1} is due on ${inst.dueOn}, after ${latest} (entry ${entryDate} + two years: « au plus tard deux années après le jour de l'entrée en jouissance »)`,
      });
  }
  if (schedule.length > 0 && !total.equals(amount))
    violations.push({
      rule: "SCHEDULE_TOTAL",
      reference: ART_63BIS("1", "1"),
      detail: `installments add up to ${total.toString()} EUR, the deposit is ${amount.toString()} EUR`,
    });
  return {
    ok: violations.length === 0,
    amount,
    latestFullPaymentDate: latest,
    violations,
    parameters: [citeVersion(amountP.version), citeVersion(yearsP.version)],
  };
}

/** Opens the deposit account of a lease; refuses a schedule that breaks art. 63bis §1 (TenancyRuleError naming the rule). */
export function openDeposit(
  input: { leaseId: string; landlordId: string; entryDate: IsoDate; signedOn: IsoDate; schedule: readonly DepositInstallment[] },
  options: RegimeOptions,
): DepositAccount {
  const v = validateDepositSchedule(input.entryDate, input.signedOn, input.schedule, options);
  if (!v.ok) {
    const first = v.violations[0]!;
    throw new TenancyRuleError(`tenancy.deposit.schedule.${first.rule}`, first.reference, v.violations.map((x) => x.detail).join("; "));
  }
  return {
    leaseId: input.leaseId,
    landlordId: input.landlordId,
    entryDate: input.entryDate,
    amount: v.amount.toString(),
    schedule: [...input.schedule].map((i) => ({ dueOn: i.dueOn, amount: parseDecimal(i.amount).toString() })).sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1)),
    payments: [],
    transfers: [],
    parameters: v.parameters,
  };
}

/** Records a payment (a new account value; the input is not mutated). */
export function recordDepositPayment(account: DepositAccount, payment: DepositPayment): DepositAccount {
  const a = parseDecimal(payment.amount);
  if (!a.isPositive() || a.isZero()) throw new RangeError("a deposit payment must be positive");
  return { ...account, payments: [...account.payments, { paidOn: payment.paidOn, amount: a.toString() }] };
}

/** Bill art. 63bis §2 al. 6: « les garanties sont transférées de plein droit au nouveau bailleur social ». */
export function transferDeposit(account: DepositAccount, to: { newLandlordId: string; on: IsoDate }): DepositAccount {
  if (to.newLandlordId === account.landlordId) throw new RangeError("the deposit already belongs to this landlord");
  return {
    ...account,
    landlordId: to.newLandlordId,
    transfers: [...account.transfers, { on: to.on, fromLandlordId: account.landlordId, toLandlordId: to.newLandlordId, reference: ART_63BIS("2", "6") }],
  };
}

export interface DepositBalance {
  readonly required: Decimal;
  readonly paid: Decimal;
  /** Still to be paid overall. */
  readonly outstanding: Decimal;
  /** Due under the schedule by `asOf` and not paid. */
  readonly overdue: Decimal;
  readonly nextInstallment: { readonly dueOn: IsoDate; readonly amount: string } | null;
  /** Held by the landlord (payments up to `asOf`). */
  readonly held: Decimal;
}

/** Payments recorded up to `asOf` against the schedule. */
export function depositBalance(account: DepositAccount, asOf: IsoDate): DepositBalance {
  const required = parseDecimal(account.amount);
  const paid = account.payments.filter((p) => p.paidOn <= asOf).reduce((s, p) => s.plus(parseDecimal(p.amount)), new Dec(0));
  const scheduledToDate = account.schedule.filter((i) => i.dueOn <= asOf).reduce((s, i) => s.plus(parseDecimal(i.amount)), new Dec(0));
  const overdue = Dec.max(scheduledToDate.minus(paid), 0);
  const outstanding = Dec.max(required.minus(paid), 0);
  // The next installment not covered by cumulative payments.
  let cumulative = new Dec(0);
  let nextInstallment: DepositBalance["nextInstallment"] = null;
  for (const i of account.schedule) {
    cumulative = cumulative.plus(parseDecimal(i.amount));
    if (cumulative.greaterThan(paid)) {
      nextInstallment = i;
      break;
    }
  }
  return { required, paid, outstanding, overdue, nextInstallment, held: paid };
}

/** What happened at the end of the lease. */
export interface DepositExit {
  readonly leaseEndedOn: IsoDate;
  /** Keys handed back in person or by registered letter. */
  readonly keysReturnedOn: IsoDate;
  /** Exit inventory conforms to the entry one (fair wear and tear aside). */
  readonly inventoriesMatch: boolean;
  /** The landlord claims arrears of rent, charges or rental damage. */
  readonly landlordClaims: boolean;
  /** The building is in co-ownership (balance keyed on the co-owners' approval of the accounts). */
  readonly coOwnership: boolean;
  readonly chargeStatementsReceivedOn?: IsoDate;
  readonly coOwnersAccountsApprovedOn?: IsoDate;
  /** Sums still owed to the landlord and duly justified, deducted from the balance. */
  readonly justifiedDeductions?: DecimalInput;
  /** The last monthly affordable rent in principal (net rent, charges excluded). */
  readonly lastMonthlyRentPrincipal: DecimalInput;
  /** The tenant's formal notice by registered letter. */
  readonly formalNoticeOn?: IsoDate;
  /** The delay results from a reason attributable to the tenant (no increase). */
  readonly delayImputableToTenant?: boolean;
  readonly firstHalfReturnedOn?: IsoDate;
  readonly balanceReturnedOn?: IsoDate;
}

export type DepositItemKind = "FIRST_HALF_RETURN" | "CHARGE_STATEMENTS_REQUEST" | "BALANCE_RETURN";

export interface DepositExitItem {
  readonly kind: DepositItemKind;
  /** Last day; null while the triggering event (statements, accounts approval) is unknown. */
  readonly dueBy: IsoDate | null;
  /** Amount to return (unrounded) — "0" for the statements request. */
  readonly amount: Decimal;
  readonly status: "NOT_DUE" | "PENDING" | "DONE" | "DONE_LATE" | "OVERDUE" | "WAITING_FOR_TRIGGER";
  /** Monthly periods begun late after the formal notice. */
  readonly latePeriods: number;
  /** The increase for late return, rounded to the cent. */
  readonly latePenalty: Decimal;
  readonly reference: LegalReference;
  readonly detail: string;
}

export interface DepositExitStatement {
  readonly held: Decimal;
  readonly items: readonly DepositExitItem[];
  /** Total still to pay the tenant on `asOf`: unreturned sums + the increase (rounded to the cent). */
  readonly dueToTenant: Decimal;
  /**
   * Art. 63bis §2 al. 5: the one increase of « la partie du dépôt de garantie restant due »: 10 % of
   * the last monthly rent per monthly period begun while any part is late (after the formal notice),
   * counted once over the late days of all parts together, never once per part.
   */
  readonly increase: { readonly latePeriods: number; readonly amount: Decimal; readonly windows: readonly { readonly from: IsoDate; readonly to: IsoDate }[] };
  readonly trace: ComputationTrace;
}

/** Monthly periods begun from `start` (inclusive) up to `end` (inclusive); 0 if end < start. */
export function monthlyPeriodsBegun(start: IsoDate, end: IsoDate): number {
  if (end < start) return 0;
  let n = 0;
  while (addMonths(start, n) <= end) n += 1;
  return n;
}

/**
 * Bill art. 63bis §2 al. 5: the increase on one late sum (note `deposit-late-penalty`): 10 % of the last
 * monthly rent per monthly period begun from the later of the first late day and the formal notice.
 */
export function depositLatePenalty(
  input: {
    dueBy: IsoDate;
    returnedOn: IsoDate | null;
    asOf: IsoDate;
    formalNoticeOn?: IsoDate;
    delayImputableToTenant?: boolean;
    lastMonthlyRentPrincipal: DecimalInput;
  },
  options: RegimeOptions,
): { latePeriods: number; penalty: Decimal; lateFrom: IsoDate | null; perPeriod: Decimal; version: ResolvedParameter["version"] } {
  const rateP = requireBill("tenancy.deposit.latePenaltyRate", input.dueBy, options, ART_63BIS("2", "5"));
  const firstLateDay = addDays(input.dueBy, 1);
  const end = input.returnedOn ?? input.asOf;
  const perPeriod = parseDecimal(input.lastMonthlyRentPrincipal).times(fraction(decimalValue(rateP)));
  if (input.formalNoticeOn === undefined || input.delayImputableToTenant || end < firstLateDay)
    return { latePeriods: 0, penalty: new Dec(0), lateFrom: null, perPeriod, version: rateP.version };
  const lateFrom = maxDate(firstLateDay, input.formalNoticeOn);
  const latePeriods = monthlyPeriodsBegun(lateFrom, end);
  return { latePeriods, penalty: roundMoney(perPeriod.times(latePeriods)), lateFrom, perPeriod, version: rateP.version };
}

/** Bill art. 63bis §2: the deposit return at the end of the lease — each time limit, amount and status on `asOf`. */
export function depositExitStatement(account: DepositAccount, exit: DepositExit, asOf: IsoDate, options: RegimeOptions): DepositExitStatement {
  const at = exit.leaseEndedOn;
  const shareP = requireBill("tenancy.deposit.firstRefundShare", at, options, ART_63BIS("2", "2"));
  const firstP = requireBill("tenancy.deposit.firstRefundMonths", at, options, ART_63BIS("2", "2"));
  const balP = requireBill("tenancy.deposit.balanceRefundMonths", at, options, ART_63BIS("2", "3"));
  const reqP = requireBill("tenancy.deposit.chargeStatementsRequestMonths", at, options, ART_63BIS("2", "3"));
  const held = depositBalance(account, exit.keysReturnedOn).held;
  const deductions = parseDecimal(exit.justifiedDeductions ?? "0");
  const halfApplies = exit.inventoriesMatch && !exit.landlordClaims;
  const firstHalf = halfApplies ? held.times(fraction(decimalValue(shareP))) : new Dec(0);
  const balance = Dec.max(held.minus(firstHalf).minus(deductions), 0);
  const items: DepositExitItem[] = [];
  const penaltyVersions = new Map<string, ParameterVersionUsed>();

  const status = (dueBy: IsoDate | null, returnedOn: IsoDate | undefined, amount: Decimal): DepositExitItem["status"] => {
    if (amount.isZero()) return "NOT_DUE";
    if (dueBy === null) return returnedOn !== undefined && returnedOn <= asOf ? "DONE" : "WAITING_FOR_TRIGGER";
    if (returnedOn !== undefined && returnedOn <= asOf) return returnedOn <= dueBy ? "DONE" : "DONE_LATE";
    return asOf > dueBy ? "OVERDUE" : "PENDING";
  };
  const windows: { from: IsoDate; to: IsoDate }[] = [];
  let perPeriod = new Dec(0);
  const late = (dueBy: IsoDate | null, returnedOn: IsoDate | undefined, amount: Decimal) => {
    if (dueBy === null || amount.isZero()) return { latePeriods: 0, penalty: new Dec(0) };
    const ret = returnedOn !== undefined && returnedOn <= asOf ? returnedOn : null;
    const p = depositLatePenalty(
      {
        dueBy,
        returnedOn: ret,
        asOf,
        ...(exit.formalNoticeOn !== undefined && exit.formalNoticeOn <= asOf ? { formalNoticeOn: exit.formalNoticeOn } : {}),
        ...(exit.delayImputableToTenant !== undefined ? { delayImputableToTenant: exit.delayImputableToTenant } : {}),
        lastMonthlyRentPrincipal: exit.lastMonthlyRentPrincipal,
      },
      options,
    );
    penaltyVersions.set(p.version.parameterId, citeVersion(p.version));
    if (p.lateFrom !== null && p.latePeriods > 0) {
      windows.push({ from: p.lateFrom, to: ret ?? asOf });
      perPeriod = p.perPeriod;
    }
    return p;
  };

  // First half: one month from the keys, only when inventories match and nothing is claimed.
  const firstDue = halfApplies ? addMonths(exit.keysReturnedOn, wholeValue(firstP)) : null;
  const f = late(firstDue, exit.firstHalfReturnedOn, firstHalf);
  items.push({
    kind: "FIRST_HALF_RETURN",
    dueBy: firstDue,
    amount: firstHalf,
    status: halfApplies ? status(firstDue, exit.firstHalfReturnedOn, firstHalf) : "NOT_DUE",
    latePeriods: f.latePeriods,
    latePenalty: f.penalty,
    reference: ART_63BIS("2", "2"),
    detail: halfApplies
      ? `half of the ${held.toString()} EUR held, within one month of the keys (${exit.keysReturnedOn})`
      : "no early half: the exit inventory does not match the entry one or the landlord claims sums owed; the whole deposit is settled with the balance",
  });

  // The landlord asks for the charge statements at the latest one month after the end of the lease.
  const requestBy = addMonths(exit.leaseEndedOn, wholeValue(reqP));
  items.push({
    kind: "CHARGE_STATEMENTS_REQUEST",
    dueBy: requestBy,
    amount: new Dec(0),
    status: exit.coOwnership ? "NOT_DUE" : asOf > requestBy ? "OVERDUE" : "PENDING",
    latePeriods: 0,
    latePenalty: new Dec(0),
    reference: ART_63BIS("2", "3"),
    detail: `the landlord requests the charge statements from the services and administrations by ${requestBy}`,
  });

  // Balance: three months from the statements or the co-owners' approval (note `deposit-balance-trigger`).
  const trigger = exit.coOwnership ? exit.coOwnersAccountsApprovedOn : exit.chargeStatementsReceivedOn;
  const balanceDue = trigger !== undefined ? addMonths(trigger, wholeValue(balP)) : null;
  const b = late(balanceDue, exit.balanceReturnedOn, balance);
  items.push({
    kind: "BALANCE_RETURN",
    dueBy: balanceDue,
    amount: balance,
    status: status(balanceDue, exit.balanceReturnedOn, balance),
    latePeriods: b.latePeriods,
    latePenalty: b.penalty,
    reference: ART_63BIS("2", "3"),
    detail: `${held.toString()} held − ${firstHalf.toString()} first half − ${deductions.toString()} justified sums; three months from ${exit.coOwnership ? "the co-owners' final approval of the building's accounts" : "receipt of the charge statements"}${trigger ? ` (${trigger})` : " (not yet known)"}`,
  });

  // Art. 63bis §2 al. 5: one increase on the part still owed, per monthly period begun late —
  // overlapping or adjacent late windows of the two parts are one late state, counted once.
  windows.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: { from: IsoDate; to: IsoDate }[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.from <= addDays(last.to, 1)) merged[merged.length - 1] = { from: last.from, to: maxDate(last.to, w.to) };
    else merged.push({ ...w });
  }
  const increasePeriods = merged.reduce((n, w) => n + monthlyPeriodsBegun(w.from, w.to), 0);
  const increaseAmount = roundMoney(perPeriod.times(increasePeriods));
  // Items keep their own late periods for information; their increases are the share of the one
  // increase each adds (the first late part carries its periods, a later one only the periods not yet counted).
  let counted = new Dec(0);
  const shared = items.map((i) => {
    if (i.latePenalty.isZero()) return i;
    const share = Dec.min(i.latePenalty, increaseAmount.minus(counted));
    counted = counted.plus(share);
    return { ...i, latePenalty: share };
  });
  items.splice(0, items.length, ...shared);

  const returned = (on: IsoDate | undefined) => on !== undefined && on <= asOf;
  const unreturned = (returned(exit.firstHalfReturnedOn) ? new Dec(0) : firstHalf).plus(returned(exit.balanceReturnedOn) ? new Dec(0) : balance);
  const dueToTenant = roundMoney(unreturned.plus(increaseAmount));

  const trace: ComputationTrace = {
    ruleId: "tenancy.deposit.exit",
    references: [ART_63BIS("2", "2"), ART_63BIS("2", "3"), ART_63BIS("2", "4"), ART_63BIS("2", "5")],
    regime: options.regime,
    asOf,
    inputs: {
      leaseId: account.leaseId,
      held: held.toString(),
      leaseEndedOn: exit.leaseEndedOn,
      keysReturnedOn: exit.keysReturnedOn,
      inventoriesMatch: exit.inventoriesMatch,
      landlordClaims: exit.landlordClaims,
      coOwnership: exit.coOwnership,
      justifiedDeductions: deductions.toString(),
      lastMonthlyRentPrincipal: parseDecimal(exit.lastMonthlyRentPrincipal).toString(),
      formalNoticeOn: exit.formalNoticeOn ?? null,
    },
    parameters: [citeVersion(shareP.version), citeVersion(firstP.version), citeVersion(balP.version), citeVersion(reqP.version), ...penaltyVersions.values()],
    indices: [],
    result: {
      items: items.map((i) => ({
        kind: i.kind,
        dueBy: i.dueBy,
        amount: roundMoney(i.amount).toFixed(2),
        status: i.status,
        latePeriods: String(i.latePeriods),
        latePenalty: i.latePenalty.toFixed(2),
      })),
      dueToTenant: dueToTenant.toFixed(2),
      increase: { latePeriods: String(increasePeriods), amount: increaseAmount.toFixed(2) },
    },
    interpretationNotes: ["deposit-half-of-held", "deposit-balance-trigger", "deposit-late-penalty", "tenancy-month-arithmetic"],
  };
  return { held, items, dueToTenant, increase: { latePeriods: increasePeriods, amount: increaseAmount, windows: merged }, trace };
}
