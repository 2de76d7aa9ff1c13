/**
 * Scalars of the partner API. Money and rates are `Decimal`: an exact decimal written as a JSON
 * string ("1234.56"), never a JSON number, so no client or server ever rounds through binary
 * floating point. Dates are ISO calendar dates; `Month` is a calendar month "YYYY-MM".
 */
import { GraphQLError, Kind, type ValueNode } from "graphql";
import { Dec, parseDecimal } from "@abordable/domain";
import type { Decimal } from "decimal.js";
import { builder } from "./builder.js";

const MAX_DECIMAL_LENGTH = 40;

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw new GraphQLError(`${scalar} must be written as a string literal`);
  return ast.value;
}

export function parseDecimalInput(value: unknown): Decimal {
  if (typeof value !== "string") {
    throw new GraphQLError(`Decimal must be a string such as "1234.56" (got a ${typeof value}); numbers are refused so that no amount is rounded in transit`);
  }
  if (value.length > MAX_DECIMAL_LENGTH) throw new GraphQLError(`Decimal is longer than ${MAX_DECIMAL_LENGTH} characters`);
  try {
    return parseDecimal(value);
  } catch {
    throw new GraphQLError(`"${value}" is not a valid Decimal: digits with an optional "-" and "." fraction, no exponent or separators`);
  }
}

/** Anything with an exact decimal `toFixed` (decimal.js, Prisma's bundled Decimal) or a decimal string. */
type DecimalLike = Decimal | { toFixed(): string } | string;

builder.scalarType("Decimal", {
  description: 'An exact decimal number, sent and received as a JSON string ("1234.56"). Money is in euros; rates are fractions unless a field says otherwise.',
  // A string is sent as it is (after checking it), so that money keeps its two decimals ("12.50").
  serialize: (value: DecimalLike) => {
    if (typeof value !== "string") return new Dec(value.toFixed()).toFixed();
    parseDecimal(value);
    return value;
  },
  parseValue: parseDecimalInput,
  parseLiteral: (ast) => parseDecimalInput(literalString(ast, "Decimal")),
});

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDateInput(value: unknown): string {
  if (typeof value !== "string" || !DATE_RE.test(value)) throw new GraphQLError(`Date must be a string YYYY-MM-DD (got ${JSON.stringify(value)})`);
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw new GraphQLError(`"${value}" is not a calendar date`);
  return value;
}

builder.scalarType("Date", {
  description: "A calendar date, ISO 8601 (YYYY-MM-DD), with no time zone.",
  serialize: (value: Date | string) => (typeof value === "string" ? parseDateInput(value) : value.toISOString().slice(0, 10)),
  parseValue: parseDateInput,
  parseLiteral: (ast) => parseDateInput(literalString(ast, "Date")),
});

function parseDateTimeInput(value: unknown): Date {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new GraphQLError(`DateTime must be an ISO 8601 string with a time zone, e.g. 2026-11-21T09:30:00Z (got ${JSON.stringify(value)})`);
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new GraphQLError(`"${value}" is not a valid DateTime`);
  return d;
}

builder.scalarType("DateTime", {
  description: "An instant, ISO 8601 with a time zone (UTC on output).",
  serialize: (value: Date | string) => (typeof value === "string" ? parseDateTimeInput(value) : value).toISOString(),
  parseValue: parseDateTimeInput,
  parseLiteral: (ast) => parseDateTimeInput(literalString(ast, "DateTime")),
});

export function parseMonthInput(value: unknown): string {
  if (typeof value !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
    throw new GraphQLError(`Month must be a string YYYY-MM (got ${JSON.stringify(value)})`);
  return value;
}

builder.scalarType("Month", {
  description: "A calendar month, YYYY-MM (compensation statements are computed per month).",
  serialize: (value: string) => parseMonthInput(value),
  parseValue: parseMonthInput,
  parseLiteral: (ast) => parseMonthInput(literalString(ast, "Month")),
});
