/**
 * Conversion of the API's custom scalars, driven by the plans codegen derives from the schema
 * (see codegen/operations-plugin.cjs): only the paths whose schema type is Decimal, Date or
 * DateTime are touched, so a string field that happens to look like a number stays a string.
 */
import { Decimal } from "decimal.js";
import type { ScalarKind, ScalarPlan } from "./operation.js";
import type { ScalarModes } from "./scalars.js";

function convertOut(kind: ScalarKind, value: string, modes: ScalarModes): Decimal | Date | string {
  switch (kind) {
    case "Decimal":
      return modes.decimals === "string" ? value : new Decimal(value);
    case "Date":
      return modes.dates === "date" ? new Date(`${value}T00:00:00.000Z`) : value;
    case "DateTime":
      return modes.dates === "date" ? new Date(value) : value;
  }
}

/** Applies a result plan to a response's `data` (a fresh copy: the input is not changed). */
export function decodeResult(value: unknown, plan: ScalarPlan | ScalarKind, modes: ScalarModes): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => decodeResult(item, plan, modes));
  if (typeof plan === "string") return typeof value === "string" ? convertOut(plan, value, modes) : value;
  if (typeof value !== "object") return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, sub] of Object.entries(plan)) {
    if (key in out) out[key] = decodeResult(out[key], sub, modes);
  }
  return out;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function convertIn(kind: ScalarKind, value: unknown): unknown {
  if (kind === "Decimal") {
    if (Decimal.isDecimal(value)) return (value as Decimal).toFixed();
    if (typeof value === "number") throw new TypeError("Decimal values are sent as strings or Decimal instances, never as JS numbers");
    return value;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`Invalid Date passed as a ${kind}`);
    return kind === "Date" ? isoDay(value) : value.toISOString();
  }
  return value;
}

/** Serialises Decimal and Date values in variables (input objects and lists included). */
export function encodeVariables(value: unknown, plan: ScalarPlan | ScalarKind): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => encodeVariables(item, plan));
  if (typeof plan === "string") return convertIn(plan, value);
  if (typeof value !== "object" || value instanceof Date || Decimal.isDecimal(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, sub] of Object.entries(plan)) {
    if (key in out) out[key] = encodeVariables(out[key], sub);
  }
  return out;
}
