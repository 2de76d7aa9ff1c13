import { describe, expect, it } from "vitest";
import { BILL_RETROACTIVE_FROM, ParameterResolutionError, PARAMETERS, resolveDecimal, resolveParameter } from "../../src/index.js";

const LAW = { regime: "LAW" } as const;
const EIF = "2027-01-01";
const BILL = { regime: "BILL_8535", bill8535EntryIntoForce: EIF } as const;

describe("two regimes side by side", () => {
  it("resolve the developer operating-cost ceiling differently on the same date, citing different texts", () => {
    const law = resolveParameter("compensation.developer.operatingCostCeiling", "2024-03-01", LAW);
    const bill = resolveParameter("compensation.developer.operatingCostCeiling", "2024-03-01", BILL);
    expect(law.value).toBe("140");
    expect(law.version).toMatchObject({
      origin: "LAW",
      validFrom: "2023-10-01",
      validTo: null,
      indexBasis: { kind: "CONSTRUCTION_PRICE_INDEX", base: "881.15" },
    });
    expect(law.version.reference).toMatchObject({ text: "LAW_2023", article: "13", paragraph: "2", alinea: "1" });
    expect(bill.value).toBe("20");
    expect(bill.version).toMatchObject({
      origin: "BILL_8535",
      regime: "BILL_8535",
      validFrom: "2023-10-01",
      indexBasis: { kind: "CONSTRUCTION_PRICE_INDEX", base: "100" },
    });
    expect(bill.version.reference).toMatchObject({ text: "BILL_8535", article: "9", amends: { article: "13", paragraph: "2", alinea: "1" } });
  });

  it("the free-choice quota scale changes at the bill's entry into force, not before", () => {
    const before = resolveParameter("allocation.freeChoiceQuota", "2026-12-31", BILL);
    const after = resolveParameter("allocation.freeChoiceQuota", EIF, BILL);
    expect(before.version).toMatchObject({ origin: "LAW", validTo: EIF });
    expect(after.version).toMatchObject({ origin: "BILL_8535", validFrom: EIF, validTo: null });
    expect(resolveParameter("allocation.freeChoiceQuota", EIF, LAW).version.origin).toBe("LAW");
  });

  it("young people's age limit: 26 under the law, 29 under the bill from entry into force", () => {
    expect(resolveDecimal("dedicated.young.maxAgeExclusive", "2027-06-01", LAW).value.toString()).toBe("26");
    expect(resolveDecimal("dedicated.young.maxAgeExclusive", "2027-06-01", BILL).value.toString()).toBe("29");
    expect(resolveDecimal("dedicated.young.maxAgeExclusive", "2026-06-01", BILL).value.toString()).toBe("26");
  });

  it("unpaid rent: six months after formal notice (law) vs fifteen days (bill)", () => {
    expect(resolveParameter("tenancy.termination.unpaidRentAfterFormalNotice", "2027-02-01", LAW).value).toEqual({
      kind: "duration",
      amount: "6",
      unit: "MONTHS",
    });
    expect(resolveParameter("tenancy.termination.unpaidRentAfterFormalNotice", "2027-02-01", BILL).value).toEqual({
      kind: "duration",
      amount: "15",
      unit: "DAYS",
    });
  });
});

describe("bill 8535 entry into force is an operator setting", () => {
  it("is required for provisions amended at entry into force", () => {
    expect(() => resolveParameter("allocation.freeChoiceQuota", "2027-06-01", { regime: "BILL_8535" })).toThrow(/needs bill8535EntryIntoForce/);
    expect(() => resolveParameter("allocation.freeChoiceQuota", "2027-06-01", { regime: "BILL_8535", bill8535EntryIntoForce: "1 Jan 2027" })).toThrow(
      /ISO date/,
    );
  });
  it("is not needed for retroactive (art. 93bis) or unchanged provisions", () => {
    expect(resolveParameter("compensation.landlord.managementFlatCeiling", "2023-10-01", { regime: "BILL_8535" }).value).toBe("35");
    expect(resolveParameter("rent.effortRate.max", "2027-06-01", { regime: "BILL_8535" }).value).toBe("35");
  });
  it("moves with the date the operator sets", () => {
    const early = { regime: "BILL_8535", bill8535EntryIntoForce: "2026-09-01" } as const;
    expect(resolveDecimal("dedicated.young.maxAgeExclusive", "2026-10-01", early).value.toString()).toBe("29");
    expect(resolveDecimal("dedicated.young.maxAgeExclusive", "2026-10-01", BILL).value.toString()).toBe("26");
  });
  it("must come after the law's own entry into force", () => {
    expect(() => resolveParameter("allocation.freeChoiceQuota", "2027-06-01", { regime: "BILL_8535", bill8535EntryIntoForce: "2023-10-01" })).toThrow(
      /not after/,
    );
  });
  it("is ignored under the law regime", () => {
    expect(resolveParameter("allocation.freeChoiceQuota", "2027-06-01", { regime: "LAW", bill8535EntryIntoForce: EIF }).version.origin).toBe("LAW");
  });
});

describe("retroactivity (bill art. 49 inserting art. 93bis)", () => {
  it("applies arts. 13 and 40 §2 from 1 October 2023, whatever the entry-into-force date", () => {
    expect(BILL_RETROACTIVE_FROM).toBe("2023-10-01");
    for (const id of ["compensation.developer.operatingCostCeiling", "compensation.landlord.managementFlatCeiling", "compensation.fondsDuLogement.indemnity"]) {
      const v = resolveParameter(id, "2023-10-01", BILL).version;
      expect(v, id).toMatchObject({ origin: "BILL_8535", validFrom: "2023-10-01" });
      expect(() => resolveParameter(id, "2023-09-30", BILL), id).toThrow(ParameterResolutionError);
    }
  });
  it("the Fonds du Logement indemnity exists only under the bill", () => {
    expect(() => resolveParameter("compensation.fondsDuLogement.indemnity", "2024-01-01", LAW)).toThrow(
      /not in force on 2024-01-01 under regime LAW \(no version\)/,
    );
    expect(resolveParameter("compensation.fondsDuLogement.indemnity", "2024-01-01", BILL).value).toBe("0.64");
  });
  it("does not reach non-retroactive amendments: art. 41 filing year applies from entry into force only", () => {
    // Same figure (the year after; law read from art. 41 §2), but the law's version until entry into force.
    expect(resolveParameter("compensation.landlord.applicationYearOffset", "2026-06-30", BILL).version).toMatchObject({
      origin: "LAW",
      reference: { text: "LAW_2023", article: "41" },
    });
    expect(resolveParameter("compensation.landlord.applicationYearOffset", EIF, BILL)).toMatchObject({
      value: "1",
      version: { origin: "BILL_8535", reference: { text: "BILL_8535", article: "28" } },
    });
  });
});

describe("provisions introduced or repealed by the bill", () => {
  it("the 3,000 EUR deposit (art. 63bis) starts at entry into force", () => {
    expect(() => resolveParameter("tenancy.deposit.amount", "2026-12-31", BILL)).toThrow(/not in force/);
    const r = resolveParameter("tenancy.deposit.amount", EIF, BILL);
    expect(r.value).toBe("3000");
    expect(r.version.reference).toMatchObject({ text: "BILL_8535", article: "38", amends: { article: "63bis", paragraph: "1" } });
  });
  it("the 100 % rate for international-protection dwellings (art. 12 §4) ends at entry into force", () => {
    expect(resolveParameter("financing.internationalProtection.participationRate", "2026-12-31", BILL).value).toBe("100");
    expect(() => resolveParameter("financing.internationalProtection.participationRate", EIF, BILL)).toThrow(/not in force/);
    expect(resolveParameter("financing.internationalProtection.participationRate", EIF, LAW).value).toBe("100");
  });
  // The law's art. 14 applies from 2023-10-01 (the old expectation that nothing was in force before 2026 was wrong:
  // only the figures of §2 al. 2-3 and §4 1°-2° changed on 2026-01-01, by the budget law of 19 December 2025).
  it("art. 14 ceilings: law figures at 881.15 from 2023-10-01 (changed ones from 2026-01-01), bill figures at 100 from entry into force", () => {
    expect(() => resolveParameter("financing.ceilings.constructionPerM2Gross", "2023-09-30", LAW)).toThrow(/not in force/);
    expect(resolveParameter("financing.ceilings.constructionPerM2Gross", "2025-12-31", LAW).value).toBe("3100");
    expect(resolveParameter("financing.ceilings.landTransferPerM2", "2025-12-31", LAW).value).toBe("900");
    expect(resolveParameter("financing.ceilings.landTransferPerM2", "2026-01-01", LAW).value).toBe("1886");
    expect(resolveParameter("financing.ceilings.constructionPerM2Gross", "2026-01-01", LAW).value).toBe("3100");
    expect(resolveParameter("financing.ceilings.constructionPerM2Gross", EIF, BILL)).toMatchObject({ value: "355", version: { indexBasis: { base: "100" } } });
  });
});

describe("RGD 24 January 2024 flats are on the convention-signature date axis", () => {
  it("declare their axis and start with conventions of 1 October 2023", () => {
    expect(PARAMETERS.definition("compensation.developer.operatingCostFlat").dateAxis).toBe("CONVENTION_SIGNATURE_DATE");
    expect(resolveParameter("compensation.developer.operatingCostFlat", "2023-10-01", BILL).value).toBe("140");
    expect(() => resolveParameter("compensation.developer.operatingCostFlat", "2023-09-30", LAW)).toThrow(/not in force/);
  });
});

describe("unknown parameters", () => {
  it("fail with the id in the message", () => {
    expect(() => resolveParameter("compensation.nothing", "2024-01-01", LAW)).toThrow(/"compensation.nothing": unknown parameter/);
  });
});
