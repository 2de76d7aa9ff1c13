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
