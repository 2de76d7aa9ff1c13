/**
 * The compensation statement (décompte) as an XLSX workbook, for landlords' and the ministry's
 * spreadsheets: the same rows and columns as the CSV export (compensation/csv.ts), one sheet
 * "Statement" with the header row frozen. Written with exceljs, the maintained library the
 * portfolio import already uses to read XLSX (no second spreadsheet library).
 *
 * Amounts stay exact: the `amount` cell is a number formatted to two decimals only when that
 * number's shortest decimal form is the amount itself (always, for amounts to the cent below
 * 10^13), so the file's XML holds the statement's own digits; otherwise it is written as text.
 */
import ExcelJS from "exceljs";
import type { CompensationStatement } from "@abordable/domain";
import type { Context } from "../../schema/context.js";
import { CSV_COLUMNS, statementRows } from "./csv.js";

const AMOUNT = CSV_COLUMNS.findIndex(([name]) => name === "amount");

/** A cent amount as a spreadsheet number when that is lossless ("8900.00" → 8900, shown 8900.00), else the text. */
function amountCell(amount: string): number | string {
  const n = Number(amount);
  return Number.isFinite(n) && n.toFixed(2) === amount && Math.abs(n) < 1e13 ? n : amount;
}

/** The workbook, base64-encoded (GraphQL carries text). */
export async function statementXlsx(ctx: Context, statement: CompensationStatement, issued: { number: string; version: number } | null): Promise<string> {
  const [header, ...rows] = await statementRows(ctx, statement, issued);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "abordable";
  const sheet = workbook.addWorksheet("Statement", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header);
  sheet.getRow(1).font = { bold: true };
  for (const cells of rows) sheet.addRow(cells.map((c, i) => (i === AMOUNT && c !== "" ? amountCell(c) : c)));
  sheet.getColumn(AMOUNT + 1).numFmt = "0.00";
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}
