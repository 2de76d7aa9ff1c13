import { Decimal } from "decimal.js";

/**
 * The one Decimal constructor of the platform. decimal.js is configured once here:
 * 40 significant digits so that no intermediate product of a legal formula loses a cent,
 * ROUND_HALF_UP as the default so that any rounding not made through `roundMoney`
 * is at least the legal convention, and no exponent notation in `toString()`: an exact amount
 * such as 0.000000967 is written out in full, as the wire format and `parseDecimal` require.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
export type Dec = Decimal;

/** Anything that may be turned into an exact decimal without passing through a JS number. */
export type DecimalInput = Decimal | string | bigint;

const DECIMAL_PATTERN = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Parses a decimal string strictly ("12.50", "-3", not "1e3", " 1", "1,5"). */
export function parseDecimal(value: DecimalInput): Decimal {
  if (value instanceof Decimal) return new Dec(value);
  const text = typeof value === "bigint" ? value.toString() : value;
  if (!DECIMAL_PATTERN.test(text)) {
    throw new RangeError(`"${text}" is not a plain decimal number (expected digits with an optional "." and fraction)`);
  }
  return new Dec(text);
}

/**
 * Rounding rule of the platform (documented in packages/domain/README.md): amounts of money are
 * rounded to the cent, half away from zero ("half-up"), once, at the level of a statement line.
 */
export function roundMoney(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Formats a money amount as a fixed two-decimal string, the wire format of the `Decimal` scalar for money. */
export function formatMoney(value: Decimal): string {
  return roundMoney(value).toFixed(2);
}

/**
 * The one rule that spreads an annual amount over months (documented in packages/domain/README.md,
 * "Rounding"): cumulative twelfths. Month k (1..12) of a yearly cycle gets
 * round(A × k / 12) − round(A × (k − 1) / 12), each rounding half-up to the cent. Any 12
 * consecutive months of the cycle sum exactly to round(A): RGD 2024 art. 2 fixes the capital
 * remuneration as an annual amount (« une rémunération annuelle »), so the monthly lines of a year
 * must add up to it, not to 12 × round(A / 12) (35,000.04 for 35,000).
 */
export function monthlyShareOfAnnual(annual: Decimal, monthOfCycle: number): Decimal {
  if (!Number.isInteger(monthOfCycle) || monthOfCycle < 1 || monthOfCycle > 12)
    throw new RangeError(`month of the yearly cycle must be 1..12 (got ${monthOfCycle})`);
  const upTo = (k: number) => roundMoney(new Dec(annual).times(k).dividedBy(12));
  return upTo(monthOfCycle).minus(upTo(monthOfCycle - 1));
}

/** Name of the rule of `monthlyShareOfAnnual`, cited by the lines that use it. */
export const ANNUAL_TO_MONTHLY_RULE = "CUMULATIVE_TWELFTHS_CENT_HALF_UP" as const;
