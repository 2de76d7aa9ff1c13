import { describe, expect, it } from "vitest";
import { indexAmount, lookupBracket, lookupHousehold, resolveParameter, TableLookupError, type HouseholdTable, type ParameterValue } from "../../src/index.js";

const LAW = { regime: "LAW" } as const;
const BILL = { regime: "BILL_8535", bill8535EntryIntoForce: "2027-01-01" } as const;
type Scale = Extract<ParameterValue, { kind: "brackets" }>;
const scale = (id: string, date: string, options: typeof LAW | typeof BILL = LAW) => resolveParameter(id, date, options).value as Scale;
const table = (id: string) => resolveParameter(id, "2025-06-01", LAW).value as HouseholdTable;

describe("bracket scales", () => {
  it("prefinancing coefficient (RGD 2024 art. 2 al. 3): 1.64 years 1-20, 0.36 years 21-40, nothing after", () => {
    const s = scale("compensation.developer.prefinancingCoefficient", "2024-01-01");
    expect(lookupBracket(s, "1").value).toBe("1.64");
    expect(lookupBracket(s, "20").value).toBe("1.64");
    expect(lookupBracket(s, "21").value).toBe("0.36");
    expect(lookupBracket(s, "40").value).toBe("0.36");
    expect(() => lookupBracket(s, "41")).toThrow(TableLookupError);
  });
  it("free-choice quota: law 200 → 0 %, 201 → 10 %, 501 → 25 %; bill 101 → 10 %, 201 → 15 %, 751 → 50 %", () => {
    const law = scale("allocation.freeChoiceQuota", "2027-06-01");
    const bill = scale("allocation.freeChoiceQuota", "2027-06-01", BILL);
    expect([200, 201, 500, 501].map((n) => lookupBracket(law, String(n)).value)).toEqual(["0", "10", "10", "25"]);
    expect([100, 101, 200, 201, 500, 501, 750, 751].map((n) => lookupBracket(bill, String(n)).value)).toEqual(["0", "10", "10", "15", "15", "25", "25", "50"]);
  });
  it("energy flat (annex III table B): 50 m² → 1.75, 50.5 m² → 2.34, 151 m² → 5.26; at cote 968.04, 1.75 → 16.9407", () => {
    const s = scale("rent.energyFlat", "2025-06-01");
    expect(lookupBracket(s, "50").value).toBe("1.75");
    expect(lookupBracket(s, "50.5").value).toBe("2.34");
    expect(lookupBracket(s, "150").value).toBe("4.67");
    expect(lookupBracket(s, "151").value).toBe("5.26");
    const r = resolveParameter("rent.energyFlat", "2025-06-01", LAW);
    expect(indexAmount("1.75", r.version.indexBasis, "2025-06-01").value.toString()).toBe("16.9407");
  });
  it("children entering working life (art. 56 §3): 0/25/50/100 %", () => {
    const s = scale("income.newWorkerInclusion", "2024-01-01");
    expect(["1", "2", "3", "4", "9"].map((y) => lookupBracket(s, y).value)).toEqual(["0", "25", "50", "100", "100"]);
  });
});

describe("household tables", () => {
  it("annex II at cote 100: listed rows and increments", () => {
    const t = table("eligibility.incomeCeiling");
    expect(lookupHousehold(t, 1, 0).ceiling!.toString()).toBe("4736");
    expect(lookupHousehold(t, 2, 0).ceiling!.toString()).toBe("7104");
    expect(lookupHousehold(t, 1, 1).ceiling!.toString()).toBe("8998");
    expect(lookupHousehold(t, 2, 3).ceiling!.toString()).toBe("12787");
    expect(lookupHousehold(t, 2, 5).ceiling!.toString()).toBe("15629"); // 12,787 + 2 × 1,421
    expect(lookupHousehold(t, 3, 0).ceiling!.toString()).toBe("8998"); // 7,104 + 1,894
  });
  it("annex III table A: thresholds per household type", () => {
    const t = table("rent.thresholds");
    const single = lookupHousehold(t, 1, 0);
    expect([single.lowIncome, single.maxEffort, single.rentCeiling].map(String)).toEqual(["2013", "5485", "6397"]);
    const big = lookupHousehold(t, 3, 4); // 2 adults 3 children + 1 child + 1 adult
    expect([big.lowIncome, big.maxEffort, big.rentCeiling].map(String)).toEqual(["6843", "18648", "21751"]); // 5,434+604+805; 14,809+1,645+2,194; 17,273+1,919+2,559
  });
  it("the annex II reading is recorded as an operator switch (ANNUAL)", () => {
    expect(resolveParameter("eligibility.incomeCeiling.readingPeriod", "2024-01-01", LAW).value).toMatchObject({ kind: "code", code: "ANNUAL" });
  });
  it("rejects impossible compositions", () => {
    expect(() => lookupHousehold(table("eligibility.incomeCeiling"), 0, 1)).toThrow(TableLookupError);
  });
});
