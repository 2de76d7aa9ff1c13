/**
 * The compensation statement (décompte) as CSV, for spreadsheets and ERPs: every ID is a global ID
 * encoded as the API's (base64 of "Type:uuid", src/schema/ids.ts), so that a row joins back to
 * `node(id:)` and to the lines' `dwellingId` / `objectId`; each row also carries the dwelling's
 * own reference and the statement's number and version, the keys an ERP files it under.
 *
 * RFC 4180: CRLF line ends, a header row, fields quoted when they hold the separator, a quote or
 * a line break. Columns (CSV_COLUMNS, documented in the schema's `csv` field) keep the order of
 * the first export; the references were appended after them.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { CompensationStatement } from "@abordable/domain";
import { dwellingScope } from "../../access/tenant.js";
import type { Context } from "../../schema/context.js";

export const CSV_COLUMNS = [
  [
    "line_id",
    "stable line key `<object uuid>|<month>|<component>` (the `lineId` of the API's lines); SUBTOTAL_DWELLING, SUBTOTAL_COMPONENT or TOTAL on the summary rows",
  ],
  ["dwelling_id", "global ID of the dwelling (as `Dwelling.id`)"],
  ["object_id", "global ID of the dwelling or accommodation unit the line is computed for"],
  ["object_kind", "DWELLING or ACCOMMODATION_UNIT"],
  ["month", "YYYY-MM"],
  ["component", "compensation component"],
  ["rule_id", "rule applied"],
  ["article", "legal reference of the rule"],
  ["amount", "amount to the cent, '.' as decimal point"],
  ["parameter_versions", "parameter versions used, space-separated"],
  ["dwelling_reference", "the landlord's reference of the dwelling"],
  ["statement_number", "number of the issued statement (e.g. CS-2025-000042); empty for a draft"],
  ["statement_version", "version of the issued statement; empty for a draft"],
] as const;

/** "line_id, dwelling_id, …": the header row, for the schema's description. */
export const CSV_HEADER_DESCRIPTION = CSV_COLUMNS.map(([name, what]) => `\`${name}\` (${what})`).join(", ");

function field(value: string, separator: string): string {
  return value.includes('"') || value.includes(separator) || value.includes("\n") || value.includes("\r") ? `"${value.replace(/"/g, '""')}"` : value;
}

const gid = (kind: "DWELLING" | "ACCOMMODATION_UNIT", id: string) => encodeGlobalID(kind === "DWELLING" ? "Dwelling" : "AccommodationUnit", id);

/** The export's rows, header first: one table shared by the CSV and the XLSX exports, so that both carry the same cells. */
export async function statementRows(ctx: Context, statement: CompensationStatement, issued: { number: string; version: number } | null): Promise<string[][]> {
  // Dwelling references through the access policy: a dwelling the caller may not see keeps an empty reference.
  const ids = [...new Set(statement.lines.map((l) => l.dwellingId).concat(statement.subtotals.byDwelling.map((s) => s.key)))];
  const dwellings = await ctx.prisma.dwelling.findMany({
    where: { AND: [dwellingScope(ctx.viewer), { id: { in: ids } }] },
    select: { id: true, reference: true },
  });
  const reference = new Map(dwellings.map((d) => [d.id, d.reference]));
  const number = issued?.number ?? "";
  const version = issued ? String(issued.version) : "";
  const rows: string[][] = [CSV_COLUMNS.map(([name]) => name)];
  for (const l of statement.lines) {
    rows.push([
      l.lineId,
      gid("DWELLING", l.dwellingId),
      gid(l.objectKind, l.objectId),
      l.objectKind,
      l.month,
      l.component,
      l.ruleId,
      l.article,
      l.amount,
      l.parameterVersions.join(" "),
      reference.get(l.dwellingId) ?? "",
      number,
      version,
    ]);
  }
  for (const s of statement.subtotals.byDwelling)
    rows.push(["SUBTOTAL_DWELLING", gid("DWELLING", s.key), "", "", "", "", "", "", s.amount, "", reference.get(s.key) ?? "", number, version]);
  for (const s of statement.subtotals.byComponent) rows.push(["SUBTOTAL_COMPONENT", "", "", "", "", s.key, "", "", s.amount, "", "", number, version]);
  rows.push(["TOTAL", "", "", "", "", "", "", "", statement.total, "", "", number, version]);
  return rows;
}

export async function statementCsv(
  ctx: Context,
  statement: CompensationStatement,
  issued: { number: string; version: number } | null,
  separator: "," | ";",
): Promise<string> {
  const rows = await statementRows(ctx, statement, issued);
  return rows.map((cells) => cells.map((c) => field(c, separator)).join(separator)).join("\r\n") + "\r\n";
}
