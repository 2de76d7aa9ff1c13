import { describe, expect, it } from "vitest";
import { Dec, formatMoney, parseDecimal, roundMoney } from "../src/money/decimal.js";

describe("money: exact decimals", () => {
  it("parses plain decimal strings exactly", () => {
    expect(parseDecimal("0.1").plus(parseDecimal("0.2")).toString()).toBe("0.3");
  });
  it.each(["1e3", " 1", "1,5", "", "NaN", "Infinity", "01", "1."])("refuses %j", (s) => {
    expect(() => parseDecimal(s)).toThrow(RangeError);
  });
  it("rounds half-up to the cent", () => {
    expect(roundMoney(new Dec("2.345")).toFixed(2)).toBe("2.35");
    expect(roundMoney(new Dec("-2.345")).toFixed(2)).toBe("-2.35");
    expect(formatMoney(new Dec("2.344999"))).toBe("2.34");
  });
});
