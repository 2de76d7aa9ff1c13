import { describe, expect, it } from "vitest";
import { freeChoiceAllowance } from "../../src/index.js";
import { AFTER, BEFORE, BILL, LAW } from "./fixtures.js";

const quota = (opts: typeof LAW, asOf: string, managedDwellings: number) =>
  freeChoiceAllowance({ ...opts, asOf, managedDwellings, allocationsThisYear: 99, freeChoiceThisYear: 0 }).quotaPercent.toFixed();

describe("art. 53 al. 3 — free-choice quotas at each threshold", () => {
  it.each([
    [100, "0"],
    [101, "0"],
    [200, "0"],
    [201, "10"],
    [500, "10"],
    [501, "25"],
    [750, "25"],
    [751, "25"],
    [5000, "25"],
  ])("law art. 53 al. 3: a landlord managing %i dwellings may allocate up to %s %%", (n, pct) => {
    expect(quota(LAW, BEFORE, n)).toBe(pct);
    expect(quota(LAW, AFTER, n)).toBe(pct);
    expect(quota(BILL, BEFORE, n)).toBe(pct); // bill not yet in force
  });

  it.each([
    [100, "0"],
    [101, "10"],
    [200, "10"],
    [201, "15"],
    [500, "15"],
    [501, "25"],
    [750, "25"],
    [751, "50"],
  ])("bill art. 30 2° (art. 53 al. 3): a landlord managing %i dwellings may allocate up to %s %%", (n, pct) => {
    expect(quota(BILL, AFTER, n)).toBe(pct);
  });

  it("law art. 53: exactly 200 dwellings → no free choice; 201 → 10 %, the 10th allocation of the year may be free", () => {
    const at200 = freeChoiceAllowance({ ...LAW, asOf: BEFORE, managedDwellings: 200, allocationsThisYear: 9, freeChoiceThisYear: 0 });
    expect(at200).toMatchObject({ allowed: false, maxWithNext: 0 });
    expect(at200.reason).toMatch(/under the lowest threshold/);
    expect(at200.citation).toMatchObject({ text: "LAW_2023", article: "53" });
    const at201 = freeChoiceAllowance({ ...LAW, asOf: BEFORE, managedDwellings: 201, allocationsThisYear: 9, freeChoiceThisYear: 0 });
    expect(at201).toMatchObject({ allowed: true, maxWithNext: 1, bracketLabel: "plus de 200 logements" });
    expect(freeChoiceAllowance({ ...LAW, asOf: BEFORE, managedDwellings: 201, allocationsThisYear: 8, freeChoiceThisYear: 0 }).allowed).toBe(false);
    expect(freeChoiceAllowance({ ...LAW, asOf: BEFORE, managedDwellings: 201, allocationsThisYear: 19, freeChoiceThisYear: 1 }).allowed).toBe(true);
    expect(freeChoiceAllowance({ ...LAW, asOf: BEFORE, managedDwellings: 201, allocationsThisYear: 19, freeChoiceThisYear: 2 }).allowed).toBe(false);
  });

  it("bill art. 30: exactly 200 → 10 %, 201 → 15 %, 751 → 50 %, cited to the bill", () => {
    const at200 = freeChoiceAllowance({ ...BILL, asOf: AFTER, managedDwellings: 200, allocationsThisYear: 19, freeChoiceThisYear: 2 });
    expect(at200).toMatchObject({ allowed: false, maxWithNext: 2 });
    const at201 = freeChoiceAllowance({ ...BILL, asOf: AFTER, managedDwellings: 201, allocationsThisYear: 19, freeChoiceThisYear: 2 });
    expect(at201).toMatchObject({ allowed: true, maxWithNext: 3 });
    expect(at201.citation).toMatchObject({ text: "BILL_8535", article: "30" });
    const at751 = freeChoiceAllowance({ ...BILL, asOf: AFTER, managedDwellings: 751, allocationsThisYear: 1, freeChoiceThisYear: 0 });
    expect(at751).toMatchObject({ allowed: true, maxWithNext: 1 });
    expect(freeChoiceAllowance({ ...BILL, asOf: AFTER, managedDwellings: 751, allocationsThisYear: 1, freeChoiceThisYear: 1 }).allowed).toBe(false);
    expect(at751.parameter.origin).toBe("BILL_8535");
  });

  it("rejects impossible counts", () => {
    expect(() => freeChoiceAllowance({ ...LAW, asOf: BEFORE, managedDwellings: 300, allocationsThisYear: 1, freeChoiceThisYear: 2 })).toThrow(/cannot exceed/);
    expect(() => freeChoiceAllowance({ ...LAW, asOf: BEFORE, managedDwellings: -1, allocationsThisYear: 1, freeChoiceThisYear: 0 })).toThrow(/non-negative/);
  });
});
