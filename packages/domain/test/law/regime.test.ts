/** The one regime selector, legalOptions(settings, request): one default, one error code. */
import { describe, expect, it } from "vitest";
import { DomainError, legalOptions, REGIME_ERROR_CODE } from "../../src/index.js";

const fails = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected a DomainError");
};

describe("legalOptions", () => {
  it("default without the operator's date: the law", () => {
    expect(legalOptions({})).toEqual({ regime: "LAW" });
    expect(legalOptions({ bill8535EntryIntoForce: undefined }, { regime: null })).toEqual({ regime: "LAW" });
  });
  it("default with the operator's date: the bill with that date (the law's values before it)", () => {
    expect(legalOptions({ bill8535EntryIntoForce: "2026-07-01" })).toEqual({ regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-01" });
  });
  it("LAW asked never carries the bill's date", () => {
    expect(legalOptions({ bill8535EntryIntoForce: "2026-07-01" }, { regime: "LAW", bill8535EntryIntoForce: "2027-01-01" })).toEqual({ regime: "LAW" });
  });
  it("BILL_8535 asked: the request's date, else the operator's", () => {
    expect(legalOptions({ bill8535EntryIntoForce: "2026-07-01" }, { regime: "BILL_8535", bill8535EntryIntoForce: "2027-01-01" }).bill8535EntryIntoForce).toBe(
      "2027-01-01",
    );
    expect(legalOptions({ bill8535EntryIntoForce: "2026-07-01" }, { regime: "BILL_8535" }).bill8535EntryIntoForce).toBe("2026-07-01");
  });
  it("BILL_8535 without any date: DomainError REGIME_NOT_CONFIGURED on field regime", () => {
    const e = fails(() => legalOptions({}, { regime: "BILL_8535" }));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe(REGIME_ERROR_CODE);
    expect(e.code).toBe("REGIME_NOT_CONFIGURED");
    expect(e.field).toBe("regime");
  });
  it("an entry into force not after the law's (2023-10-01), or malformed, is refused with a field", () => {
    expect(fails(() => legalOptions({}, { regime: "BILL_8535", bill8535EntryIntoForce: "2023-10-01" }))).toMatchObject({
      code: "REGIME_NOT_CONFIGURED",
      field: "bill8535EntryIntoForce",
    });
    expect(fails(() => legalOptions({}, { regime: "BILL_8535", bill8535EntryIntoForce: "2026-13-01" }))).toMatchObject({
      code: "INVALID_INPUT",
      field: "bill8535EntryIntoForce",
    });
  });
  it("the operator's readings apply under both regimes", () => {
    expect(legalOptions({ annexIIReadingPeriod: "MONTHLY" })).toEqual({ regime: "LAW", annexIIReadingPeriod: "MONTHLY" });
    expect(legalOptions({ annexIIReadingPeriod: "ANNUAL", bill8535EntryIntoForce: "2026-07-01" })).toEqual({
      regime: "BILL_8535",
      bill8535EntryIntoForce: "2026-07-01",
      annexIIReadingPeriod: "ANNUAL",
    });
  });
});
