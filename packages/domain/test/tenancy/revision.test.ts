/** Art. 61-62 — rent revision triggers, hand-computed dates. */
import { describe, expect, it } from "vitest";
import { incomeChangeTriggersRevision, nextAnnualRevision, revisionDue, type RevisionLease } from "../../src/index.js";

const LAW = { regime: "LAW" } as const;
const lease: RevisionLease = {
  id: "L1",
  rentSettings: [{ effectiveFrom: "2026-01-15", kind: "ALLOCATION", annualIncome: "40000" }],
  household: { adults: 1, children: 0 },
};

describe("art. 62 §2 — income change of at least 5 %", () => {
  it("art62_2_5pct_boundary: 40,000 → 42,000 is +5 % exactly (due); 41,999.99 is +4.999975 % (not due)", () => {
    expect(incomeChangeTriggersRevision("40000", "42000", "2026-03-10", LAW).triggers).toBe(true);
    expect(incomeChangeTriggersRevision("40000", "41999.99", "2026-03-10", LAW).triggers).toBe(false);
    // decreases: 38,000 is −5 % (due), 38,000.01 is −4.999975 % (not due)
    expect(incomeChangeTriggersRevision("40000", "38000", "2026-03-10", LAW).triggers).toBe(true);
    expect(incomeChangeTriggersRevision("40000", "38000.01", "2026-03-10", LAW).triggers).toBe(false);
  });
  it("art62_2_income_change: received 2026-03-10 → revise by 2026-04-10 → applies 2026-05-01", () => {
    const due = revisionDue(lease, [{ kind: "INCOME_CHANGE", receivedOn: "2026-03-10", newAnnualIncome: "42000" }], "2026-03-20", LAW);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ reason: "INCOME_CHANGE", dueBy: "2026-04-10", effectiveFrom: "2026-05-01", incomeChange: "0.05" });
    expect(due[0]!.reference).toMatchObject({ article: "62", paragraph: "2", point: "3°" });
    expect(revisionDue(lease, [{ kind: "INCOME_CHANGE", receivedOn: "2026-03-10", newAnnualIncome: "41999.99" }], "2026-03-20", LAW)).toHaveLength(0);
    const down = revisionDue(lease, [{ kind: "INCOME_CHANGE", receivedOn: "2026-03-10", newAnnualIncome: "38000" }], "2026-03-20", LAW);
    expect(down[0]!.reference.point).toBe("2°");
  });
  it("art62_2_household_change: received 2026-03-31 → by 2026-04-30 → applies 2026-05-01; art. 62 §3 retroactive flag when reported late", () => {
    const due = revisionDue(lease, [{ kind: "HOUSEHOLD_CHANGE", receivedOn: "2026-03-31", occurredOn: "2026-02-01" }], "2026-04-01", LAW);
    expect(due[0]).toMatchObject({ reason: "HOUSEHOLD_CHANGE", dueBy: "2026-04-30", effectiveFrom: "2026-05-01", retroactiveClaimFrom: "2026-02-01" });
  });
  it("events handled or not yet received are not due", () => {
    expect(revisionDue(lease, [{ kind: "HOUSEHOLD_CHANGE", receivedOn: "2026-03-31", handledOn: "2026-04-10" }], "2026-04-15", LAW)).toHaveLength(0);
    expect(revisionDue(lease, [{ kind: "HOUSEHOLD_CHANGE", receivedOn: "2026-05-31" }], "2026-04-15", LAW)).toHaveLength(0);
  });
});

describe("art. 62 §1 — yearly revision", () => {
  it("art62_1_annual: allocation 2026-01-15 → yearly revision due 2027-01-15, applying from notification", () => {
    expect(nextAnnualRevision(lease, null, LAW).date).toBe("2027-01-15");
    const due = revisionDue(lease, [], "2027-01-20", LAW);
    expect(due[0]).toMatchObject({ reason: "ANNUAL", dueBy: "2027-01-15", effectiveFrom: null });
    expect(revisionDue(lease, [], "2027-01-14", LAW)).toHaveLength(0);
  });
  it("art62_1_pre_law_lease: a rent set on 2022-02-11, before the rule applied (2023-10-01), is first revised on its anniversary 2024-02-11; an income change still triggers", () => {
    const old: RevisionLease = { id: "L-2022", rentSettings: [{ effectiveFrom: "2022-02-11", kind: "ALLOCATION", annualIncome: "40000" }] };
    expect(nextAnnualRevision(old, null, LAW).date).toBe("2024-02-11");
    expect(nextAnnualRevision(old, "2024-02-11", LAW).date).toBe("2025-02-11");
    const due = revisionDue(old, [{ kind: "INCOME_CHANGE", receivedOn: "2026-03-10", newAnnualIncome: "42000" }], "2026-03-10", LAW);
    expect(due.map((d) => d.reason).sort()).toEqual(["ANNUAL", "INCOME_CHANGE"]);
  });

  it("art62_1_under_three_months: an event revision applying from 2026-11-01 is under 3 months old on 2027-01-15 (until 2027-02-01) → skipped to 2028-01-15", () => {
    const l: RevisionLease = { ...lease, rentSettings: [...lease.rentSettings, { effectiveFrom: "2026-11-01", kind: "EVENT", annualIncome: "44000" }] };
    const n = nextAnnualRevision(l, null, LAW);
    expect(n.skipped).toEqual(["2027-01-15"]);
    expect(n.date).toBe("2028-01-15");
    // exactly three months old: event from 2026-10-15 → 2027-01-15 is not « moins de trois mois » → due
    const l2: RevisionLease = { ...lease, rentSettings: [...lease.rentSettings, { effectiveFrom: "2026-10-15", kind: "EVENT", annualIncome: "44000" }] };
    expect(nextAnnualRevision(l2, null, LAW).date).toBe("2027-01-15");
  });
  it("art62_1_flat_rent: request 2026-03-01 unanswered → two months end 2026-05-01 → flat rent allowed from 2026-05-02, up to 1,806.160965 / month (1 adult: 35 % × 61,925.5188 / 12)", () => {
    const ev = [{ kind: "INFORMATION_REQUEST", requestedOn: "2026-03-01" }] as const;
    expect(revisionDue(lease, ev, "2026-05-01", LAW)).toHaveLength(0);
    const due = revisionDue(lease, ev, "2026-05-02", LAW);
    expect(due[0]).toMatchObject({ reason: "FLAT_RENT_ALLOWED", effectiveFrom: "2026-05-02", flatRentCeilingMonthly: "1806.160965" });
    const after = revisionDue(lease, [{ kind: "INFORMATION_REQUEST", requestedOn: "2026-03-01", answeredOn: "2026-06-10" }], "2026-06-11", LAW);
    expect(after[0]).toMatchObject({ reason: "AFTER_INFORMATION", dueBy: "2026-07-10" });
    expect(revisionDue(lease, [{ kind: "INFORMATION_REQUEST", requestedOn: "2026-03-01", answeredOn: "2026-04-30" }], "2026-06-11", LAW)).toHaveLength(0);
  });
});
