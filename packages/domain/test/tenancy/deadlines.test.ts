/** Deadlines within a window (art. 62, 63bis, 67, 69, 70) — « leases with a deadline in the next 90 days ». */
import { describe, expect, it } from "vitest";
import { deadlineWindowNextDays, leaseDeadlines, leasesWithDeadlines, openDeposit, recordDepositPayment, type LeaseFacts } from "../../src/index.js";

const BILL = { regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-01" } as const;

describe("lease deadlines in the next 90 days", () => {
  const deposit = openDeposit(
    {
      leaseId: "L1",
      landlordId: "B1",
      entryDate: "2026-09-01",
      signedOn: "2026-08-15",
      schedule: [
        { dueOn: "2026-09-01", amount: "1500" },
        { dueOn: "2027-03-01", amount: "1500" },
      ],
    },
    BILL,
  );
  const facts: LeaseFacts = {
    leaseId: "L1",
    revision: {
      lease: { id: "L1", rentSettings: [{ effectiveFrom: "2026-02-15", kind: "ALLOCATION", annualIncome: "40000" }] },
      events: [{ kind: "INCOME_CHANGE", receivedOn: "2027-01-10", newAnnualIncome: "30000" }],
    },
    deposit: { account: recordDepositPayment(deposit, { paidOn: "2026-09-01", amount: "1500" }) },
    ends: [{ ground: "YOUNG_TENANT_AGE", category: "YOUNG", tenantBirthDate: "1995-03-20" }],
    rehousing: [
      { leaseId: "L1", case: "UNDER_OCCUPANCY", knownOn: "2024-04-01", tenants: [{ id: "T", birthDate: "1995-03-20" }], disabledMember: false, offers: [] },
    ],
  };
  it("deadlines_90_days: from 2027-01-15 to 2027-04-15 — income revision (by 2027-02-10, applies 2027-03-01), annual revision 2027-02-15, deposit installment 2027-03-01, 32nd birthday 2027-03-20", () => {
    const d = leaseDeadlines(facts, deadlineWindowNextDays("2027-01-15", 90), BILL);
    expect(d.map((x) => [x.kind, x.date])).toEqual([
      ["REVISION_DUE", "2027-02-10"],
      ["ANNUAL_REVISION", "2027-02-15"],
      ["DEPOSIT_INSTALLMENT", "2027-03-01"],
      ["REVISION_EFFECTIVE", "2027-03-01"],
      ["LEASE_END", "2027-03-20"],
    ]);
  });
  it("deadlines_rehousing_offer: knowledge 2024-04-01 before entry into force → offer due 2029-07-01; deposit full payment 2028-09-01", () => {
    const d = leaseDeadlines(facts, { from: "2028-08-01", to: "2029-07-31" }, BILL);
    expect(d.map((x) => [x.kind, x.date])).toContainEqual(["REHOUSING_OFFER_DUE", "2029-07-01"]);
    expect(d.map((x) => [x.kind, x.date])).toContainEqual(["DEPOSIT_FULL_PAYMENT", "2028-09-01"]);
  });
  it("deadlines_deposit_exit: half back and statements request one month after the keys", () => {
    const exitFacts: LeaseFacts = {
      leaseId: "L2",
      deposit: {
        account: recordDepositPayment(deposit, { paidOn: "2026-09-01", amount: "3000" }),
        exit: {
          leaseEndedOn: "2027-05-31",
          keysReturnedOn: "2027-05-31",
          inventoriesMatch: true,
          landlordClaims: false,
          coOwnership: false,
          lastMonthlyRentPrincipal: "680.47",
        },
      },
    };
    const d = leaseDeadlines(exitFacts, deadlineWindowNextDays("2027-06-01", 90), BILL);
    expect(d.map((x) => [x.kind, x.date])).toEqual([
      ["DEPOSIT_CHARGE_STATEMENTS_REQUEST", "2027-06-30"],
      ["DEPOSIT_FIRST_HALF_RETURN", "2027-06-30"],
    ]);
    expect(leasesWithDeadlines([exitFacts, { leaseId: "L3" }], deadlineWindowNextDays("2027-06-01", 90), BILL).map((x) => x.leaseId)).toEqual(["L2"]);
  });
});
