import { describe, expect, it } from "vitest";
import { householdIncome, type Household } from "../../src/index.js";
import { applicant, BEFORE, child, LAW, person, salary } from "./fixtures.js";

const withIncomes = (...members: Household["members"]): Household => ({ members });

describe("art. 56 — household income", () => {
  it("art. 56 §2: the reference year is the calendar year before the determination date", () => {
    expect(householdIncome(withIncomes(applicant("a", "1980-01-01", { incomes: [salary("36000")] })), BEFORE, LAW).referenceYear).toBe(2025);
  });

  it("art. 56 §2: an occupation exercised 8 months is extrapolated to the year (24,000 × 12 / 8 = 36,000)", () => {
    const r = householdIncome(withIncomes(applicant("a", "1980-01-01", { incomes: [salary("24000", 8)] })), BEFORE, LAW);
    expect(r.annual.toFixed()).toBe("36000");
    expect(r.monthly.toFixed()).toBe("3000");
  });

  it("art. 56 §2: after a change of employer the last known monthly income is extrapolated (3,250 × 12)", () => {
    const r = householdIncome(
      withIncomes(applicant("a", "1980-01-01", { incomes: [{ kind: "NET_TAXABLE_INCOME", amount: "3250", lastKnownMonthly: true }] })),
      BEFORE,
      LAW,
    );
    expect(r.annual.toFixed()).toBe("39000");
  });

  it("art. 56 §3: items counted and deducted; alimony received is not extrapolated; uninsured internship is not income", () => {
    const r = householdIncome(
      withIncomes(
        applicant("a", "1980-01-01", {
          incomes: [
            salary("30000"),
            { kind: "ALIMONY_RECEIVED", amount: "2400", months: 6 },
            { kind: "ACCIDENT_ANNUITY", amount: "1200" },
            { kind: "OVERTIME", amount: "800" },
            { kind: "FAMILY_ALLOWANCE", amount: "3000" },
            { kind: "ALIMONY_PAID", amount: "4800" },
            { kind: "INTERNSHIP", amount: "5000", insured: false },
          ],
        }),
      ),
      BEFORE,
      LAW,
    );
    expect(r.annual.toFixed()).toBe("32600"); // 30000 + 2400 + 1200 + 800 + 3000 − 4800
    expect(r.annualForAnnexII.toFixed()).toBe("29600"); // family allowances excluded (annex II)
    expect(r.members[0]!.items.find((i) => i.kind === "INTERNSHIP")!.counted).toBe(false);
  });

  it("art. 56 §3 al. 4: dependent children's income is ignored", () => {
    const r = householdIncome(
      withIncomes(applicant("a", "1980-01-01", { incomes: [salary("30000")] }), child("c", "2010-01-01", { incomes: [salary("4000")] })),
      BEFORE,
      LAW,
    );
    expect(r.annual.toFixed()).toBe("30000");
    expect(r.members[1]!.treatment).toBe("DEPENDENT_CHILD_IGNORED");
    expect(r.dependentChildren).toBe(1);
  });

  it("art. 56 §3 al. 5: a co-insured child is dependent until the 27th birthday", () => {
    const coInsured = (birth: string) =>
      householdIncome(withIncomes(applicant("a", "1970-01-01"), person("c", birth, { child: { coInsured: true } })), BEFORE, LAW);
    expect(coInsured("1999-03-03").dependentChildren).toBe(1); // 26 on 2026-03-02
    expect(coInsured("1999-03-02").dependentChildren).toBe(0); // 27 that day
  });

  it.each([
    [2025, "0", "NEW_WORKER_PARTIAL"],
    [2024, "25", "NEW_WORKER_PARTIAL"],
    [2023, "50", "NEW_WORKER_PARTIAL"],
    [2022, "100", "COUNTED"],
    [2015, "100", "COUNTED"],
  ])("art. 56 §3 al. 4: a child who started working in %i is counted at %s %% in 2025 income", (start, pct, treatment) => {
    const r = householdIncome(
      withIncomes(
        applicant("a", "1970-01-01", { incomes: [salary("40000")] }),
        person("c", "2000-01-01", { child: { familyAllowanceReceived: true, workingLifeStartYear: start }, incomes: [salary("20000")] }),
      ),
      BEFORE,
      LAW,
    );
    expect(r.members[1]!.inclusionPercent.toFixed()).toBe(pct);
    expect(r.members[1]!.treatment).toBe(treatment);
    expect(r.annual.toFixed()).toBe(String(40000 + (20000 * Number(pct)) / 100));
    // From the first year the child is an adult of the household.
    expect(r.adults).toBe(2);
    expect(r.dependentChildren).toBe(0);
  });
});
