/** Bill 8535 art. 38 → art. 63bis — rental deposit, hand-computed dates and amounts. */
import { describe, expect, it } from "vitest";
import {
  depositBalance,
  depositExitStatement,
  depositLatePenalty,
  openDeposit,
  recordDepositPayment,
  TenancyRuleError,
  transferDeposit,
  validateDepositSchedule,
  type DepositExit,
} from "../../src/index.js";

const BILL = { regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-01" } as const;
const SCHEDULE = [
  { dueOn: "2026-09-01", amount: "1000" },
  { dueOn: "2027-09-01", amount: "1000" },
  { dueOn: "2028-09-01", amount: "1000" },
];
const open = () => openDeposit({ leaseId: "L1", landlordId: "B1", entryDate: "2026-09-01", signedOn: "2026-08-15", schedule: SCHEDULE }, BILL);
const paidInFull = () => SCHEDULE.reduce((a, i) => recordDepositPayment(a, { paidOn: i.dueOn, amount: i.amount }), open());

describe("art. 63bis §1 — 3,000 EUR by a schedule completed within two years of entry", () => {
  it("art63bis_1_schedule_ok: entry 2026-09-01, last installment 2028-09-01 = entry + 2 years (the last allowed day)", () => {
    const v = validateDepositSchedule("2026-09-01", "2026-08-15", SCHEDULE, BILL);
    expect(v.ok).toBe(true);
    expect(v.amount.toString()).toBe("3000");
    expect(v.latestFullPaymentDate).toBe("2028-09-01");
  });
  it("art63bis_1_schedule_over_two_years_refused: last installment 2028-09-02 → refused with the rule", () => {
    const late = [...SCHEDULE.slice(0, 2), { dueOn: "2028-09-02", amount: "1000" }];
    const v = validateDepositSchedule("2026-09-01", "2026-08-15", late, BILL);
    expect(v.ok).toBe(false);
    expect(v.violations.map((x) => x.rule)).toEqual(["SCHEDULE_LATEST_DATE"]);
    expect(v.violations[0]!.reference).toMatchObject({ text: "BILL_8535", article: "38", amends: { article: "63bis", paragraph: "1", alinea: "2" } });
    expect(() => openDeposit({ leaseId: "L1", landlordId: "B1", entryDate: "2026-09-01", signedOn: "2026-08-15", schedule: late }, BILL)).toThrow(
      TenancyRuleError,
    );
    expect(() => openDeposit({ leaseId: "L1", landlordId: "B1", entryDate: "2026-09-01", signedOn: "2026-08-15", schedule: late }, BILL)).toThrow(
      /SCHEDULE_LATEST_DATE/,
    );
  });
  it("art63bis_1_schedule_total: installments must add up to 3,000", () => {
    const v = validateDepositSchedule("2026-09-01", "2026-08-15", [{ dueOn: "2026-09-01", amount: "2999.99" }], BILL);
    expect(v.violations.map((x) => x.rule)).toEqual(["SCHEDULE_TOTAL"]);
  });
  it("art63bis_law: no deposit rule under the law in force", () => {
    expect(() => validateDepositSchedule("2026-09-01", "2026-08-15", SCHEDULE, { regime: "LAW" })).toThrow(/introduced by bill 8535/);
  });
  it("art63bis_1_balance: payments recorded → paid, outstanding, overdue", () => {
    let a = open();
    a = recordDepositPayment(a, { paidOn: "2026-09-01", amount: "1000" });
    const b = depositBalance(a, "2027-10-01");
    expect(b.paid.toString()).toBe("1000");
    expect(b.outstanding.toString()).toBe("2000");
    expect(b.overdue.toString()).toBe("1000"); // 2,000 scheduled by 2027-09-01 − 1,000 paid
    expect(b.nextInstallment).toEqual({ dueOn: "2027-09-01", amount: "1000" });
  });
  it("art63bis_2_transfer: the deposit passes of right to the new landlord", () => {
    const t = transferDeposit(paidInFull(), { newLandlordId: "B2", on: "2027-01-01" });
    expect(t.landlordId).toBe("B2");
    expect(t.transfers[0]).toMatchObject({
      fromLandlordId: "B1",
      toLandlordId: "B2",
      reference: { amends: { article: "63bis", paragraph: "2", alinea: "6" } },
    });
    expect(depositBalance(t, "2029-01-01").paid.toString()).toBe("3000");
  });
});

describe("art. 63bis §2 — return at the end of the lease", () => {
  // Keys back 2029-03-15 (lease ended that day); 3,000 held; last monthly rent 680.47.
  const EXIT: DepositExit = {
    leaseEndedOn: "2029-03-15",
    keysReturnedOn: "2029-03-15",
    inventoriesMatch: true,
    landlordClaims: false,
    coOwnership: false,
    chargeStatementsReceivedOn: "2029-06-10",
    justifiedDeductions: "200",
    lastMonthlyRentPrincipal: "680.47",
  };
  it("art63bis_2_half_and_balance_deadlines: half (1,500) by 2029-04-15; statements asked by 2029-04-15; balance 3,000 − 1,500 − 200 = 1,300 by 2029-09-10", () => {
    const s = depositExitStatement(paidInFull(), EXIT, "2029-03-20", BILL);
    const [half, request, balance] = s.items;
    expect(half).toMatchObject({ kind: "FIRST_HALF_RETURN", dueBy: "2029-04-15", status: "PENDING" });
    expect(half!.amount.toString()).toBe("1500");
    expect(request).toMatchObject({ kind: "CHARGE_STATEMENTS_REQUEST", dueBy: "2029-04-15" });
    expect(balance).toMatchObject({ kind: "BALANCE_RETURN", dueBy: "2029-09-10", status: "PENDING" });
    expect(balance!.amount.toString()).toBe("1300");
  });
  it("art63bis_2_coownership: balance three months after the co-owners' approval (2029-11-30 → 2030-02-28)", () => {
    const s = depositExitStatement(paidInFull(), { ...EXIT, coOwnership: true, coOwnersAccountsApprovedOn: "2029-11-30" }, "2029-12-01", BILL);
    expect(s.items[2]).toMatchObject({ dueBy: "2030-02-28" });
    const pending = depositExitStatement(paidInFull(), { ...EXIT, coOwnership: true }, "2029-12-01", BILL);
    expect(pending.items[2]).toMatchObject({ dueBy: null, status: "WAITING_FOR_TRIGGER" });
  });
  it("art63bis_2_no_half_when_inventories_differ: everything with the balance, 3,000 − 200 = 2,800", () => {
    const s = depositExitStatement(paidInFull(), { ...EXIT, inventoriesMatch: false }, "2029-03-20", BILL);
    expect(s.items[0]).toMatchObject({ status: "NOT_DUE", dueBy: null });
    expect(s.items[2]!.amount.toString()).toBe("2800");
  });
  it("art63bis_2_late_penalty: half due 2029-04-15, formal notice 2029-04-20, still unpaid 2029-06-25 → periods from 04-20: 04-20, 05-20, 06-20 = 3 × 10 % × 680.47 = 204.141 → 204.14", () => {
    const s = depositExitStatement(paidInFull(), { ...EXIT, formalNoticeOn: "2029-04-20" }, "2029-06-25", BILL);
    expect(s.items[0]).toMatchObject({ status: "OVERDUE", latePeriods: 3 });
    expect(s.items[0]!.latePenalty.toFixed(2)).toBe("204.14");
    // still to pay: 1,500 + 1,300 (balance, not yet due) + 204.14 = 3,004.14
    expect(s.dueToTenant.toFixed(2)).toBe("3004.14");
  });
  it("art63bis_2_late_penalty periods begun: returned 2029-05-19 → 1 period (68.047 → 68.05); 2029-05-20 → 2 periods (136.094 → 136.09)", () => {
    const p = (returnedOn: string) =>
      depositLatePenalty({ dueBy: "2029-04-15", returnedOn, asOf: "2029-07-01", formalNoticeOn: "2029-04-20", lastMonthlyRentPrincipal: "680.47" }, BILL);
    expect(p("2029-05-19")).toMatchObject({ latePeriods: 1, lateFrom: "2029-04-20" });
    expect(p("2029-05-19").penalty.toFixed(2)).toBe("68.05");
    expect(p("2029-05-20").penalty.toFixed(2)).toBe("136.09");
  });
  it("art63bis_2_late_penalty: none without formal notice, none when the delay is the tenant's doing, runs from the first late day when notice came earlier", () => {
    const base = { dueBy: "2029-04-15", returnedOn: "2029-06-01", asOf: "2029-07-01", lastMonthlyRentPrincipal: "680.47" };
    expect(depositLatePenalty(base, BILL).latePeriods).toBe(0);
    expect(depositLatePenalty({ ...base, formalNoticeOn: "2029-04-20", delayImputableToTenant: true }, BILL).latePeriods).toBe(0);
    // notice 2029-04-10 (before the deadline): late from 2029-04-16; periods 04-16, 05-16 → 2 (136.09)
    const early = depositLatePenalty({ ...base, formalNoticeOn: "2029-04-10" }, BILL);
    expect(early).toMatchObject({ latePeriods: 2, lateFrom: "2029-04-16" });
  });
});
