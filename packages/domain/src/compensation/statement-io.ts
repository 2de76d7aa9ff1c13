/**
 * Statement outputs: canonical JSON (for hashing and storage), a content hash, a diff between two
 * versions of a statement, and CSV export (RFC 4180).
 */
import { Dec } from "../money/decimal.js";
import { canonicalise, sha256Hex } from "../law/record.js";
import type { CompensationStatement, StatementLine } from "./types.js";

/** The kernel's canonical JSON (src/law/record.ts), integers only: amounts are strings. */
const canonical = (value: unknown): string => canonicalise(value, { integersOnly: true });

/**
 * Canonical serialisation: JSON with object keys sorted (code-point order), no insignificant
 * whitespace, `undefined` members dropped, lines in lineId order; amounts are strings, so no number
 * formatting is involved. Same statement content ⇒ same bytes.
 */
export function canonicalStatementJson(statement: CompensationStatement): string {
  const lines = [...statement.lines].sort((a, b) => (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0));
  return canonical({ ...statement, lines });
}

/** SHA-256 (hex) of the canonical JSON; `hash` may be injected (e.g. node:crypto in the API). */
export function statementContentHash(statement: CompensationStatement, hash: (canonicalJson: string) => string = sha256Hex): string {
  return hash(canonicalStatementJson(statement));
}

export interface LineChange {
  readonly lineId: string;
  readonly before: string;
  readonly after: string;
  /** after − before, to the cent. */
  readonly delta: string;
  /** Fields that differ besides the amount (inputs, parameterVersions, ruleId, …). */
  readonly changedFields: readonly string[];
}

export interface StatementDiff {
  readonly added: readonly StatementLine[];
  readonly removed: readonly StatementLine[];
  readonly changed: readonly LineChange[];
  readonly totalBefore: string;
  readonly totalAfter: string;
  readonly totalDelta: string;
  readonly identical: boolean;
}

const COMPARED: readonly (keyof StatementLine)[] = [
  "amount",
  "exactAmount",
  "ruleId",
  "article",
  "inputs",
  "parameterVersions",
  "indices",
  "dwellingId",
  "objectKind",
  "component",
  "month",
];
// Parameter keys are compared by key; a changed version under the same key (same validFrom) shows in the statements' `parameters`.

/** Lines matched by lineId (object|month|component): added, removed, and changed with amounts. */
export function diffStatements(before: CompensationStatement, after: CompensationStatement): StatementDiff {
  const b = new Map(before.lines.map((l) => [l.lineId, l]));
  const a = new Map(after.lines.map((l) => [l.lineId, l]));
  const added = after.lines.filter((l) => !b.has(l.lineId));
  const removed = before.lines.filter((l) => !a.has(l.lineId));
  const changed: LineChange[] = [];
  for (const l of after.lines) {
    const old = b.get(l.lineId);
    if (!old) continue;
    const fields = COMPARED.filter((f) => canonical(old[f]) !== canonical(l[f]));
    if (fields.length > 0)
      changed.push({
        lineId: l.lineId,
        before: old.amount,
        after: l.amount,
        delta: new Dec(l.amount).minus(old.amount).toFixed(2),
        changedFields: fields.filter((f) => f !== "amount"),
      });
  }
  const totalDelta = new Dec(after.total).minus(before.total).toFixed(2);
  return {
    added,
    removed,
    changed,
    totalBefore: before.total,
    totalAfter: after.total,
    totalDelta,
    identical: added.length === 0 && removed.length === 0 && changed.length === 0 && canonicalStatementJson(before) === canonicalStatementJson(after),
  };
}

export interface CsvOptions {
  /** Field separator: "," (RFC 4180, default) or ";" (spreadsheet locales using a decimal comma). Amounts always use "." as decimal point. */
  readonly separator?: "," | ";";
}

const CSV_HEADER = ["line_id", "dwelling_id", "object_id", "object_kind", "month", "component", "rule_id", "article", "amount", "parameter_versions"] as const;

function csvField(value: string, separator: string): string {
  return value.includes('"') || value.includes(separator) || value.includes("\n") || value.includes("\r") ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV export, RFC 4180: CRLF line ends, header row, fields quoted when they contain the separator,
 * a quote or a line break (quotes doubled). One row per line in statement order, then one row per
 * dwelling subtotal, per component subtotal, and the total (line_id SUBTOTAL_DWELLING /
 * SUBTOTAL_COMPONENT / TOTAL). Amounts are the statement's strings: the same figures to the cent.
 */
export function statementToCsv(statement: CompensationStatement, options: CsvOptions = {}): string {
  const sep = options.separator ?? ",";
  const row = (cells: readonly string[]) => cells.map((c) => csvField(c, sep)).join(sep);
  const rows = [row(CSV_HEADER)];
  for (const l of statement.lines)
    rows.push(row([l.lineId, l.dwellingId, l.objectId, l.objectKind, l.month, l.component, l.ruleId, l.article, l.amount, l.parameterVersions.join(" ")]));
  for (const s of statement.subtotals.byDwelling) rows.push(row(["SUBTOTAL_DWELLING", s.key, "", "", "", "", "", "", s.amount, ""]));
  for (const s of statement.subtotals.byComponent) rows.push(row(["SUBTOTAL_COMPONENT", "", "", "", "", s.key, "", "", s.amount, ""]));
  rows.push(row(["TOTAL", "", "", "", "", "", "", "", statement.total, ""]));
  return rows.join("\r\n") + "\r\n";
}
