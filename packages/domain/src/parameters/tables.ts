/** Lookups in bracket scales and household tables, with exact decimals. */
import { DomainError } from "../law/errors.js";
import type { Decimal } from "decimal.js";
import { parseDecimal, type DecimalInput } from "../money/decimal.js";
import type { Bracket, HouseholdTable, ParameterValue } from "./types.js";

export class TableLookupError extends DomainError {
  constructor(detail: string) {
    super("INVALID_INPUT", detail);
    this.name = "TableLookupError";
  }
}

type BracketScale = Extract<ParameterValue, { kind: "brackets" }>;

function contains(b: Bracket, x: Decimal): boolean {
  if (b.from !== null) {
    const lo = parseDecimal(b.from);
    if (b.fromInclusive ? x.lessThan(lo) : x.lessThanOrEqualTo(lo)) return false;
  }
  if (b.to !== null) {
    const hi = parseDecimal(b.to);
    if (b.toInclusive ? x.greaterThan(hi) : x.greaterThanOrEqualTo(hi)) return false;
  }
  return true;
}

/** The bracket containing `x`. Fails outside the scale (e.g. service year 41 of the prefinancing coefficient). */
export function lookupBracket(scale: BracketScale, x: DecimalInput): Bracket {
  const value = parseDecimal(x);
  const found = scale.brackets.find((b) => contains(b, value));
  if (!found) throw new TableLookupError(`${scale.axis} = ${value.toString()} lies outside the scale`);
  return found;
}

/**
 * The cells for a household of `adults` adults and `children` dependent children: the listed row
 * for min(adults, max listed) and min(children, max listed for that adult count), plus the
 * "enfant à charge supplémentaire" and "adulte supplémentaire" increments for the rest —
 * interpretation note `household-table-composition`.
 */
export function lookupHousehold(table: HouseholdTable, adults: number, children: number): Record<string, Decimal> {
  if (!Number.isInteger(adults) || adults < 1 || !Number.isInteger(children) || children < 0)
    throw new TableLookupError(`invalid household composition: ${adults} adult(s), ${children} child(ren)`);
  const maxAdults = Math.max(...table.rows.map((r) => r.adults));
  const baseAdults = Math.min(adults, maxAdults);
  const forAdults = table.rows.filter((r) => r.adults === baseAdults);
  if (forAdults.length === 0) throw new TableLookupError(`no row for ${baseAdults} adult(s)`);
  const maxChildren = Math.max(...forAdults.map((r) => r.children));
  const baseChildren = Math.min(children, maxChildren);
  const row = forAdults.find((r) => r.children === baseChildren);
  if (!row) throw new TableLookupError(`no row for ${baseAdults} adult(s) and ${baseChildren} child(ren)`);
  const out: Record<string, Decimal> = {};
  for (const c of table.columns) {
    out[c] = parseDecimal(row.values[c]!)
      .plus(parseDecimal(table.extraChild[c]!).times(children - baseChildren))
      .plus(parseDecimal(table.extraAdult[c]!).times(adults - baseAdults));
  }
  return out;
}
