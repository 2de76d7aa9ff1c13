/**
 * How the API's custom scalars appear in the SDK's types.
 *
 * Inputs accept what is convenient and exact: a Decimal (decimal.js) or a string for `Decimal`, a
 * `Date` or an ISO string for `Date` / `DateTime`. Never a JS number for money.
 *
 * Outputs are markers in the generated types; the client replaces them (see `Resolved`) with
 * `Decimal` or `string`, and `string` or `Date`, according to its options.
 */
import type { Decimal } from "decimal.js";

export type DecimalInput = Decimal | string;
/** A calendar date: "YYYY-MM-DD", or a Date (its UTC day is sent). */
export type DateInput = string | Date;
/** An instant: ISO 8601 with a time zone, or a Date. */
export type DateTimeInput = string | Date;

declare const scalar: unique symbol;
/** Marker of a `Decimal` field in the generated result types. */
export interface DecimalOutput {
  readonly [scalar]: "Decimal";
}
/** Marker of a `Date` field in the generated result types. */
export interface DateOutput {
  readonly [scalar]: "Date";
}
/** Marker of a `DateTime` field in the generated result types. */
export interface DateTimeOutput {
  readonly [scalar]: "DateTime";
}

/** `decimal` (default): `Decimal` instances; `string`: the exact strings the API sends. */
export type DecimalMode = "decimal" | "string";
/** `string` (default): ISO strings as sent; `date`: `Date` instances (a calendar date at UTC midnight). */
export type DateMode = "string" | "date";

export interface ScalarModes {
  readonly decimals: DecimalMode;
  readonly dates: DateMode;
}

export type DefaultModes = { readonly decimals: "decimal"; readonly dates: "string" };

/** A generated result type with its scalar markers replaced according to the client's modes. */
export type Resolved<T, M extends ScalarModes> = T extends DecimalOutput
  ? M["decimals"] extends "string"
    ? string
    : Decimal
  : T extends DateOutput | DateTimeOutput
    ? M["dates"] extends "date"
      ? Date
      : string
    : T extends readonly (infer U)[]
      ? Resolved<U, M>[]
      : T extends object
        ? { [K in keyof T]: Resolved<T[K], M> }
        : T;
