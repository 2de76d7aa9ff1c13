import { describe, expect, it } from "vitest";
import { bedroomsNeeded, dedicatedBedroomLimit, typologyFit, underOccupancy, type Household } from "../../src/index.js";
import { AFTER, applicant, BEFORE, BILL, child, LAW, person } from "./fixtures.js";

const DATE = "2026-09-01"; // ages taken on 2026-01-01
const coupleOf = (extra: Household["members"] = [], kind: "MARRIED" | "REGISTERED_PARTNERS" | "COHABITING" = "MARRIED", separated = false): Household => ({
  members: [applicant("a", "1985-01-01"), person("b", "1986-01-01"), ...extra],
  couples: [{ a: "a", b: "b", kind, ...(separated ? { judiciallySeparated: true } : {}) }],
});

const SHAPES: [string, Household, number][] = [
  ["single adult", { members: [applicant("a", "1990-01-01")] }, 1],
  ["married couple", coupleOf(), 1],
  ["cohabiting couple (bill art. 3 4°bis concubinage)", coupleOf([], "COHABITING"), 1],
  ["judicially separated spouses", coupleOf([], "MARRIED", true), 2],
  ["couple + child of 5", coupleOf([child("c", "2021-03-01")]), 2],
  ["couple + children of 3 and 8 (share)", coupleOf([child("c1", "2022-06-01"), child("c2", "2017-06-01")]), 2],
  ["couple + three children under 12", coupleOf([child("c1", "2023-06-01"), child("c2", "2020-06-01"), child("c3", "2016-06-01")]), 3],
  ["single parent + child of 13", { members: [applicant("a", "1985-01-01"), child("c", "2012-05-01")] }, 2],
  ["couple + child 12 on 1 January + child of 10", coupleOf([child("c1", "2014-01-01"), child("c2", "2016-01-01")]), 3],
  ["couple + child 11 on 1 January (12 later that year) + child of 10", coupleOf([child("c1", "2014-01-02"), child("c2", "2016-01-01")]), 2],
  ["two adult siblings", { members: [applicant("a", "1990-01-01"), person("b", "1992-01-01")] }, 2],
  ["grandparent + couple + teenager + baby", coupleOf([person("g", "1950-01-01"), child("t", "2011-01-01"), child("y", "2025-01-01")]), 4],
];

describe("RGD 13 Oct 2023 art. 4 / law art. 58 al. 1 1° — bedrooms needed, ten+ household shapes", () => {
  it.each(SHAPES)("%s → %i bedroom(s)", (_label, h, needed) => {
    const r = bedroomsNeeded(h, DATE, LAW);
    expect(r.needed).toBe(needed);
    expect(r.agesOn).toBe("2026-01-01");
    expect(r.citation).toMatchObject({ text: "RGD_2023_10_13", article: "4" });
  });

  it("typology fit: FIT, TOO_SMALL, TOO_LARGE and the disability installations check", () => {
    const family = coupleOf([child("c1", "2014-01-01"), child("c2", "2016-01-01")]);
    expect(typologyFit(family, { bedrooms: 3 }, DATE, LAW).status).toBe("FIT");
    expect(typologyFit(family, { bedrooms: 2 }, DATE, LAW)).toMatchObject({ status: "TOO_SMALL", surplus: -1 });
    expect(typologyFit(family, { bedrooms: 4 }, DATE, LAW)).toMatchObject({ status: "TOO_LARGE", surplus: 1 });
    const disabled: Household = { members: [applicant("a", "1970-01-01", { disability: { needsAdaptedDwelling: true } })] };
    expect(typologyFit(disabled, { bedrooms: 1 }, DATE, LAW).installationsMismatch).toBe(true);
    expect(typologyFit(disabled, { bedrooms: 1, adaptedForDisability: true }, DATE, LAW).installationsMismatch).toBe(false);
  });
});

describe("art. 66 — under-occupancy (bill art. 39: members or couples)", () => {
  it("art. 66: a couple in a 2-bedroom dwelling is not under-occupied under the law, but is under the bill", () => {
    expect(underOccupancy(coupleOf(), 2, BEFORE, LAW)).toMatchObject({ underOccupied: false, units: 2, threshold: 3, basis: "MEMBERS" });
    expect(underOccupancy(coupleOf(), 2, AFTER, BILL)).toMatchObject({ underOccupied: true, units: 1, threshold: 2, basis: "MEMBERS_OR_COUPLES" });
    expect(underOccupancy(coupleOf(), 2, BEFORE, BILL).underOccupied).toBe(false); // bill not yet in force
    expect(underOccupancy(coupleOf(), 3, BEFORE, LAW).underOccupied).toBe(true);
  });

  it("art. 66: a single person in a 2-bedroom dwelling is under-occupied under both regimes; a family of four in 4 bedrooms only under the bill", () => {
    const one: Household = { members: [applicant("a", "1990-01-01")] };
    expect(underOccupancy(one, 2, BEFORE, LAW).underOccupied).toBe(true);
    expect(underOccupancy(one, 2, AFTER, BILL).underOccupied).toBe(true);
    const four = coupleOf([child("c1", "2015-01-01"), child("c2", "2018-01-01")]);
    expect(underOccupancy(four, 4, BEFORE, LAW).underOccupied).toBe(false);
    expect(underOccupancy(four, 4, AFTER, BILL).underOccupied).toBe(true);
    expect(underOccupancy(four, 4, AFTER, BILL).citation).toMatchObject({ text: "BILL_8535", article: "39" });
  });
});

describe("art. 54 §2 — dedicated dwellings' bedroom limit, seniors' medical extra bedroom (bill art. 31)", () => {
  it("a senior couple: two bedrooms allowed under the law (members), one under the bill (couple), two with a documented medical reason", () => {
    const seniors = coupleOf();
    expect(dedicatedBedroomLimit(seniors, 2, BEFORE, true, false, LAW)).toMatchObject({ max: 2, exceeded: false });
    expect(dedicatedBedroomLimit(seniors, 2, AFTER, true, false, BILL)).toMatchObject({ max: 1, exceeded: true });
    expect(dedicatedBedroomLimit(seniors, 2, AFTER, true, true, BILL)).toMatchObject({ max: 2, exceeded: false, medicalExtra: 1 });
    expect(dedicatedBedroomLimit(seniors, 3, BEFORE, true, true, LAW)).toMatchObject({ max: 2, exceeded: true, medicalExtra: 0 });
    // Not for other sub-categories.
    expect(dedicatedBedroomLimit(seniors, 2, AFTER, false, true, BILL)).toMatchObject({ max: 1, exceeded: true });
  });
});
