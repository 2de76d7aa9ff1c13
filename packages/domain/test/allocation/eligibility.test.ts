import { describe, expect, it } from "vitest";
import { checkEligibility, type Household } from "../../src/index.js";
import { AFTER, applicant, BEFORE, BILL, child, couple, LAW, person, salary, single } from "./fixtures.js";

const conditions = (h: Household, opts: Parameters<typeof checkEligibility>[1]) => checkEligibility(h, opts).failures.map((f) => f.condition);

describe("art. 55 §1 — eligibility, each condition failing alone", () => {
  it("a modest single adult resident is eligible under both regimes", () => {
    expect(checkEligibility(single(), { ...LAW, asOf: BEFORE }).eligible).toBe(true);
    expect(checkEligibility(single(), { ...BILL, asOf: AFTER }).eligible).toBe(true);
  });

  it("art. 55 §1 1°: an applicant of 17 is not of age on the application day", () => {
    const h = single({ birthDate: "2008-06-01" });
    const r = checkEligibility(h, { ...LAW, asOf: BEFORE });
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ condition: "ADULT", memberId: "a", citation: { article: "55", point: "1°" } });
    expect(r.failures[0]!.reason).toMatch(/aged 17/);
    // The 18th birthday is the day of majority.
    expect(checkEligibility(single({ birthDate: "2008-03-02" }), { ...LAW, asOf: BEFORE }).eligible).toBe(true);
  });

  it("art. 55 §1 2°: a member owning another dwelling abroad fails; 1/3 undivided passes, 2/5 fails", () => {
    const owns = (share?: { numerator: number; denominator: number }) =>
      couple({}, { realRights: [{ kind: "OWNERSHIP", location: "ABROAD", ...(share ? { share } : {}) }] });
    expect(conditions(owns(), { ...LAW, asOf: BEFORE })).toEqual(["NO_OTHER_DWELLING"]);
    expect(conditions(owns({ numerator: 1, denominator: 3 }), { ...LAW, asOf: BEFORE })).toEqual([]);
    expect(conditions(owns({ numerator: 2, denominator: 5 }), { ...LAW, asOf: BEFORE })).toEqual(["NO_OTHER_DWELLING"]);
    const usufruct = couple({}, { realRights: [{ kind: "USUFRUCT", location: "LUXEMBOURG" }] });
    expect(checkEligibility(usufruct, { ...LAW, asOf: BEFORE }).failures[0]!.reason).toMatch(/usufructuary/);
  });

  it("art. 55 §1 3°: income above the annex II ceiling indexed to the cote (4,736 × 968.04 / 100 = 45,846.37 for one adult)", () => {
    const ok = checkEligibility(single({ incomes: [salary("45846")] }), { ...LAW, asOf: BEFORE });
    expect(ok.eligible).toBe(true);
    expect(ok.ceiling!.ceiling.toFixed(4)).toBe("45846.3744");
    expect(ok.ceiling!.readingPeriod).toBe("ANNUAL");
    const over = checkEligibility(single({ incomes: [salary("45847")] }), { ...LAW, asOf: BEFORE });
    expect(over.failures.map((f) => f.condition)).toEqual(["INCOME_CEILING"]);
    expect(over.failures[0]!.reason).toMatch(/45847\.00 exceeds the annex II ceiling 45846\.37 for 1 adult/);
  });

  it("annex II: composition of a couple with two dependent children (10,893 at cote 100); family allowances not counted", () => {
    const h: Household = {
      members: [
        applicant("a", "1985-01-01", { incomes: [salary("60000"), { kind: "FAMILY_ALLOWANCE", amount: "9000" }] }),
        person("b", "1986-01-01", { incomes: [salary("40000")] }),
        child("c1", "2015-01-01"),
        child("c2", "2018-01-01"),
      ],
      couples: [{ a: "a", b: "b", kind: "MARRIED" }],
    };
    const r = checkEligibility(h, { ...LAW, asOf: BEFORE });
    expect(r.ceiling).toMatchObject({ adults: 2, dependentChildren: 2 });
    expect(r.ceiling!.ceilingAtCote100.toFixed()).toBe("10893");
    expect(r.ceiling!.income.toFixed()).toBe("100000");
    expect(r.income!.annual.toFixed()).toBe("109000");
    expect(r.eligible).toBe(true);
  });

  it("art. 55 §1 4°: a member without a residence right fails; a right of three months only fails", () => {
    const none = couple({}, { residence: {} });
    expect(conditions(none, { ...LAW, asOf: BEFORE })).toEqual(["RESIDENCE"]);
    const short = couple({}, { residence: { residenceRight: { coversMonths: 3 } } });
    expect(checkEligibility(short, { ...LAW, asOf: BEFORE }).failures[0]!.reason).toMatch(/not more than 3/);
    const expired = couple({}, { residence: { residenceRight: { coversMonths: 60, validUntil: "2026-01-01" } } });
    expect(conditions(expired, { ...LAW, asOf: BEFORE })).toEqual(["RESIDENCE"]);
  });

  // The old expectation (beneficiaries of international protection fail 4° under the law) was one reading
  // chosen silently; it is now the STRICT reading, and INCLUSIVE (the default) admits them: the law itself
  // reserves dwellings for them (art. 12 §3 1°) and calls them « candidat-locataire » (art. 68).
  it("bill art. 32 (art. 55 §1 4°): a diplomatic card counts only under the bill; international protection under the law only with reading INCLUSIVE (default)", () => {
    const protectedMember = couple({}, { residence: { internationalProtection: true } });
    const diplomat = couple({}, { residence: { diplomaticOrLegitimationCard: true } });
    expect(conditions(protectedMember, { ...LAW, asOf: AFTER })).toEqual([]);
    expect(conditions(protectedMember, { ...LAW, internationalProtectionReading: "STRICT", asOf: AFTER })).toEqual(["RESIDENCE"]);
    expect(conditions(protectedMember, { ...BILL, internationalProtectionReading: "STRICT", asOf: BEFORE })).toEqual(["RESIDENCE"]);
    expect(conditions(protectedMember, { ...BILL, internationalProtectionReading: "STRICT", asOf: AFTER })).toEqual([]);
    expect(conditions(protectedMember, { ...BILL, asOf: AFTER })).toEqual([]);
    expect(conditions(diplomat, { ...LAW, asOf: AFTER })).toEqual(["RESIDENCE"]);
    expect(conditions(diplomat, { ...BILL, asOf: AFTER })).toEqual([]);
    const r = checkEligibility(diplomat, { ...BILL, asOf: AFTER });
    expect(r.trace.parameters.find((p) => p.parameterId === "eligibility.residence.admissibleStatuses")!.origin).toBe("BILL_8535");
  });

  it("Luxembourg nationals meet 4° under both regimes (note nationals-under-law)", () => {
    const h = couple({}, { residence: { luxembourgNationality: true } });
    expect(checkEligibility(h, { ...LAW, asOf: BEFORE }).eligible).toBe(true);
    expect(checkEligibility(h, { ...BILL, asOf: AFTER }).eligible).toBe(true);
  });

  it("every failed condition is reported, not only the first", () => {
    const h: Household = {
      members: [
        applicant("a", "2010-01-01", { incomes: [salary("900000")], realRights: [{ kind: "EMPHYTEUSIS", location: "LUXEMBOURG" }], residence: {} }),
        person("b", "1980-01-01", { realRights: [{ kind: "RIGHT_OF_ABODE", location: "ABROAD" }], residence: {} }),
      ],
    };
    const r = checkEligibility(h, { ...LAW, asOf: BEFORE });
    expect(r.failures.map((f) => `${f.condition}:${f.memberId ?? "-"}`)).toEqual([
      "ADULT:a",
      "NO_OTHER_DWELLING:a",
      "NO_OTHER_DWELLING:b",
      "INCOME_CEILING:-",
      "RESIDENCE:a",
      "RESIDENCE:b",
    ]);
  });

  it("art. 55 §3: a tenant must keep only 2° and 4° (income and age not checked)", () => {
    const h = single({ incomes: [salary("900000")] });
    const r = checkEligibility(h, { ...LAW, asOf: BEFORE, purpose: "TENANT" });
    expect(r.eligible).toBe(true);
    expect(r.checked).toEqual(["NO_OTHER_DWELLING", "RESIDENCE"]);
  });

  it("art. 54 §2: a 60+ owner of a dwelling with a spare bedroom under social rental management may take a seniors' dwelling", () => {
    const h = single({ birthDate: "1960-01-01", realRights: [{ kind: "OWNERSHIP", location: "LUXEMBOURG", bedrooms: 3, underSocialRentalManagement: true }] });
    expect(conditions(h, { ...LAW, asOf: BEFORE })).toEqual(["NO_OTHER_DWELLING"]);
    expect(conditions(h, { ...LAW, asOf: BEFORE, seniorsDedicatedDwelling: true })).toEqual([]);
    const notManaged = single({ birthDate: "1960-01-01", realRights: [{ kind: "OWNERSHIP", location: "LUXEMBOURG", bedrooms: 3 }] });
    expect(conditions(notManaged, { ...LAW, asOf: BEFORE, seniorsDedicatedDwelling: true })).toEqual(["NO_OTHER_DWELLING"]);
    const young = single({
      birthDate: "1970-01-01",
      realRights: [{ kind: "OWNERSHIP", location: "LUXEMBOURG", bedrooms: 3, underSocialRentalManagement: true }],
    });
    expect(conditions(young, { ...LAW, asOf: BEFORE, seniorsDedicatedDwelling: true })).toEqual(["NO_OTHER_DWELLING"]);
  });

  it("the trace cites the parameter versions and the cote used", () => {
    const r = checkEligibility(single(), { ...LAW, asOf: BEFORE });
    expect(r.trace.ruleId).toBe("allocation.eligibility");
    expect(r.trace.indices[0]!.value).toBe("968.04");
    expect(r.trace.parameters.map((p) => p.parameterId)).toEqual(
      expect.arrayContaining(["eligibility.majorityAge", "eligibility.incomeCeiling", "eligibility.incomeCeiling.readingPeriod"]),
    );
  });
});
