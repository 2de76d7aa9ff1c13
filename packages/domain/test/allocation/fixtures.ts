import type { Household, Member, RegimeOptions } from "../../src/index.js";

export const LAW: RegimeOptions = { regime: "LAW" };
/** Bill regime with an operator-set entry into force (a test setting, not a legal date). */
export const BILL: RegimeOptions = { regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-01" };
/** A date before and one after the test entry into force. */
export const BEFORE = "2026-03-02";
export const AFTER = "2026-09-01";

const resident = { residenceRight: { coversMonths: null } } as const;

export function person(id: string, birthDate: string, extra: Partial<Member> = {}): Member {
  return { id, birthDate, role: "MEMBER", residence: resident, ...extra };
}
export function applicant(id: string, birthDate: string, extra: Partial<Member> = {}): Member {
  return person(id, birthDate, { role: "APPLICANT", ...extra });
}
export function child(id: string, birthDate: string, extra: Partial<Member> = {}): Member {
  return person(id, birthDate, { child: { familyAllowanceReceived: true }, ...extra });
}
export function salary(amount: string, months?: number) {
  return { kind: "NET_TAXABLE_INCOME" as const, amount, ...(months !== undefined ? { months } : {}) };
}

/** A single adult with a modest income, eligible under both regimes. */
export function single(extra: Partial<Member> = {}): Household {
  return { members: [applicant("a", "1990-05-10", { incomes: [salary("30000")], ...extra })] };
}

export function couple(a: Partial<Member> = {}, b: Partial<Member> = {}, kind: "MARRIED" | "REGISTERED_PARTNERS" | "COHABITING" = "MARRIED"): Household {
  return {
    members: [applicant("a", "1985-01-01", { incomes: [salary("30000")], ...a }), person("b", "1986-02-02", b)],
    couples: [{ a: "a", b: "b", kind }],
  };
}
