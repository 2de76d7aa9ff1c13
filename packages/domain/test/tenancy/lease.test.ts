/** Art. 63-65 — charges and lease terms. */
import { describe, expect, it } from "vitest";
import { CHARGE_CATEGORIES, createAffordableLease, isRecoverableCharge, LEASE_TERMS, recoverableChargeCategories } from "../../src/index.js";

const BILL = { regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-01" } as const;

describe("art. 63 — recoverable charges", () => {
  it("art63_charges: eight points under the law, bill art. 37 adds 9° from entry into force", () => {
    expect(recoverableChargeCategories("2026-03-01", { regime: "LAW" })).toHaveLength(8);
    expect(recoverableChargeCategories("2026-06-30", BILL)).toHaveLength(8);
    expect(recoverableChargeCategories("2026-07-01", BILL)).toHaveLength(9);
    expect(isRecoverableCharge("OTHER_INDISPENSABLE_EXPENSE", "2026-07-01", BILL)).toBe(true);
    expect(CHARGE_CATEGORIES.OTHER_INDISPENSABLE_EXPENSE.reference).toMatchObject({ text: "BILL_8535", article: "37", amends: { article: "63", point: "9°" } });
    expect(Object.values(CHARGE_CATEGORIES).map((c) => c.point)).toEqual(["1°", "2°", "3°", "4°", "5°", "6°", "7°", "8°", "9°"]);
  });
  it("art64_indefinite: every affordable lease is of indefinite duration", () => {
    const l = createAffordableLease({
      id: "L",
      dwellingId: "D",
      landlordId: "B",
      category: "ALL_PUBLIC",
      tenants: [{ id: "T", birthDate: "1980-01-01" }],
      startDate: "2026-01-01",
    });
    expect(l.duration).toBe("INDEFINITE");
    expect(LEASE_TERMS.duration.reference).toMatchObject({ article: "64" });
  });
});
