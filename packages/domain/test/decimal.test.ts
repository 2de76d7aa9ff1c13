import { describe, expect, it } from "vitest";
import { Dec, formatMoney, parseDecimal, roundMoney } from "../src/money/decimal.js";

describe("money: exact decimals", () => {
  it("writes tiny and huge exact amounts out in full, never in exponent notation, so that they parse back", () => {
    const tiny = new Dec("140").times("0.0000000069").dividedBy(1);
    expect(tiny.toString()).toBe("0.000000966");
    expect(parseDecimal(tiny.toString()).equals(tiny)).toBe(true);
    const huge = new Dec("123456789012345678901234567890");
    expect(huge.times(1000).toString()).toBe("123456789012345678901234567890000");
  });

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
