/**
 * Canonical JSON (keys sorted by UTF-16 code units, no whitespace, `undefined` members dropped), hashed
 * with the domain's one pure SHA-256 (src/hash), so that a decision record hashes identically everywhere without I/O.
 * Decimal values are serialised as their string form.
 */

function canon(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonical JSON: non-finite number");
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canon(v))).join(",")}]`;
      const maybeDecimal = value as { toFixed?: unknown; isFinite?: unknown; constructor?: { name?: string } };
      if (typeof maybeDecimal.toFixed === "function" && typeof maybeDecimal.isFinite === "function") return JSON.stringify((value as { toFixed(): string }).toFixed());
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canon(v)}`).join(",")}}`;
    }
    default:
      throw new TypeError(`canonical JSON: cannot serialise ${typeof value}`);
  }
}

export function canonicalJson(value: unknown): string {
  return canon(value);
}

export { sha256Hex } from "../hash/sha256.js";
