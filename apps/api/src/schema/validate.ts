/** Input checks shared by mutations; each adds a user error naming the field instead of throwing. */
import type { Decimal } from "decimal.js";
import { parseGlobalId } from "./ids.js";
import type { Problems } from "./user-errors.js";

export function checkText(p: Problems, field: string, value: string | null | undefined, opts: { max: number; required?: boolean }): string | undefined {
  if (value === null || value === undefined) {
    if (opts.required) p.add(field, "REQUIRED", `${field} is required`);
    return undefined;
  }
  const v = value.trim();
  if (v.length === 0) p.add(field, "REQUIRED", `${field} must not be empty`);
  else if (v.length > opts.max) p.add(field, "TOO_LONG", `${field} is ${v.length} characters long; at most ${opts.max} are allowed`);
  return v;
}

export function checkInt(p: Problems, field: string, value: number | null | undefined, opts: { min: number; max: number }): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < opts.min || value > opts.max) p.add(field, "OUT_OF_RANGE", `${field} must be between ${opts.min} and ${opts.max} (got ${value})`);
  return value;
}

export function checkDecimal(
  p: Problems,
  field: string,
  value: Decimal | null | undefined,
  opts: { greaterThan?: string; max: string; scale: number; unit: string },
): Decimal | undefined {
  if (value === null || value === undefined) return undefined;
  if (opts.greaterThan !== undefined && !value.greaterThan(opts.greaterThan)) {
    p.add(field, "OUT_OF_RANGE", `${field} must be greater than ${opts.greaterThan} ${opts.unit} (got ${value.toFixed()})`);
  } else if (value.greaterThan(opts.max)) {
    p.add(field, "OUT_OF_RANGE", `${field} must be at most ${opts.max} ${opts.unit} (got ${value.toFixed()})`);
  } else if (value.decimalPlaces() > opts.scale) {
    p.add(field, "INVALID_VALUE", `${field} has ${value.decimalPlaces()} decimals; at most ${opts.scale} are kept`);
  }
  return value;
}

/** Decodes a global ID of the expected type (key format checked by schema/ids.ts), or records INVALID_ID. */
export function checkId(p: Problems, field: string, id: string | number | null | undefined, type: string): string | undefined {
  if (id === null || id === undefined) return undefined;
  const parsed = parseGlobalId(String(id), type);
  if (parsed.ok) return parsed.id;
  if (parsed.problem === "NOT_A_GLOBAL_ID") p.add(field, "INVALID_ID", `${field}: "${String(id)}" is not a global ID`);
  else if (parsed.problem === "WRONG_TYPE") p.add(field, "INVALID_ID", `${field} must be the ID of a ${type}, not of a ${parsed.typename}`);
  else p.add(field, "INVALID_ID", `${field}: "${String(id)}" is not a valid ${type} ID`);
  return undefined;
}

/** A date (YYYY-MM-DD) as a UTC midnight Date. */
export const asDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
