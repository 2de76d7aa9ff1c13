import { describe, expect, it } from "vitest";
import { checkDedicated, type Household } from "../../src/index.js";
import { AFTER, applicant, BEFORE, BILL, child, couple, LAW, person } from "./fixtures.js";

const rules = (h: Household, sub: Parameters<typeof checkDedicated>[1], opts: Parameters<typeof checkDedicated>[2]) =>
  checkDedicated(h, sub, opts).failures.map((f) => f.rule);
const law = { ...LAW, allocationDate: BEFORE };
const bill = { ...BILL, allocationDate: AFTER };

describe("art. 12 §3 and art. 54 — dedicated dwellings", () => {
  it("art. 12 §3 4°: young people — under 26 at allocation (law), under 29 (bill art. 8 1° c)", () => {
    const at27: Household = { members: [applicant("a", "1999-01-01")] };
    expect(rules(at27, "YOUNG", law)).toEqual(["APPLICANT_NOT_IN_SUBCATEGORY"]);
    expect(rules(at27, "YOUNG", bill)).toEqual([]);
    const at25: Household = { members: [applicant("a", "2001-01-01")] };
    expect(rules(at25, "YOUNG", law)).toEqual([]);
    const at29: Household = { members: [applicant("a", "1997-06-01")] };
    expect(rules(at29, "YOUNG", bill)).toEqual(["NO_MEMBER_IN_SUBCATEGORY"]);
  });

  it("art. 12 §3 5°: seniors — alone or as a couple, at least one member aged 60 (both regimes)", () => {
    const seniorCouple = couple({ birthDate: "1965-01-01" }, { birthDate: "1970-01-01" });
    expect(checkDedicated(seniorCouple, "SENIORS", law)).toMatchObject({ ok: true, qualifyingMembers: ["a"] });
    const withGrandchild: Household = { ...seniorCouple, members: [...seniorCouple.members, child("g", "2015-01-01")] };
    expect(rules(withGrandchild, "SENIORS", law)).toEqual(["HOUSEHOLD_SHAPE"]);
    const tooYoung = couple({ birthDate: "1970-01-01" }, { birthDate: "1972-01-01" });
    expect(rules(tooYoung, "SENIORS", bill)).toEqual(["NO_MEMBER_IN_SUBCATEGORY"]);
  });

  it("bill art. 8 1° f): every dedicated dwelling is for people alone or as a couple — a student family passes under the law only", () => {
    const studentFamily: Household = {
      ...couple({ status: { student: true } }),
      members: [...couple({ status: { student: true } }).members, child("c", "2022-01-01")],
    };
    expect(rules(studentFamily, "STUDENTS", law)).toEqual([]);
    expect(rules(studentFamily, "STUDENTS", bill)).toEqual(["HOUSEHOLD_SHAPE"]);
    // Two flatmates are not a couple.
    const flatmates: Household = {
      members: [applicant("a", "2003-01-01", { status: { student: true } }), person("b", "2003-01-01", { status: { student: true } })],
    };
    expect(rules(flatmates, "STUDENTS", bill)).toEqual(["HOUSEHOLD_SHAPE"]);
  });

  it("bill art. 8 1° f): at least one member in the sub-category (law: the applicant)", () => {
    const partnerEmployee = couple({}, { status: { employeeOfDeveloperOrPrincipal: true } });
    expect(rules(partnerEmployee, "EMPLOYEES", law)).toEqual(["APPLICANT_NOT_IN_SUBCATEGORY"]);
    expect(rules(partnerEmployee, "EMPLOYEES", bill)).toEqual([]);
    expect(rules(couple({ status: { cooperativeMember: true } }), "COOPERATIVE_MEMBERS", law)).toEqual([]);
    expect(rules(couple({ status: { extremeDistress: true } }), "RESERVE", bill)).toEqual([]);
  });

  it("art. 12 §3 3°: close social support — the tenant or a member (law)", () => {
    expect(rules(couple({}, { status: { closeSocialSupport: true } }), "CLOSE_SOCIAL_SUPPORT", law)).toEqual([]);
    expect(rules(couple(), "CLOSE_SOCIAL_SUPPORT", law)).toEqual(["NO_MEMBER_IN_SUBCATEGORY"]);
  });

  it("art. 12 §3 1°: international protection — deleted by bill art. 8 1° a)", () => {
    const h: Household = { members: [applicant("a", "1990-01-01", { status: { internationalProtection: "REFUGEE" } })] };
    expect(rules(h, "INTERNATIONAL_PROTECTION", law)).toEqual([]);
    expect(rules(h, "INTERNATIONAL_PROTECTION", bill)).toEqual(["SUBCATEGORY_REPEALED"]);
  });

  it("art. 54 §2: bedroom limit checked with the dwelling's bedrooms (bill al. 3 medical extra for seniors)", () => {
    const senior: Household = { members: [applicant("a", "1950-01-01")] };
    expect(rules(senior, "SENIORS", { ...bill, bedrooms: 2 })).toEqual(["TOO_MANY_BEDROOMS"]);
    expect(rules(senior, "SENIORS", { ...bill, bedrooms: 2, documentedMedicalReason: true })).toEqual([]);
    expect(rules(senior, "SENIORS", { ...law, bedrooms: 2, documentedMedicalReason: true })).toEqual(["TOO_MANY_BEDROOMS"]);
  });
});
