/**
 * Bulk onboarding of a landlord's portfolio (issue 13 §5): the file's rows, read from CSV
 * (csv-parse) or XLSX (exceljs), and validated one by one against the rules the mutations apply
 * (createDwelling, createAccommodationUnit, recordDwellingFacts, signLease's household), each
 * problem reported with its line, column, rule and code. Pure checks over preloaded reference
 * data: no query per row.
 *
 * One file, one row per record, a `record` column saying which:
 * - DWELLING: reference, developerId, category, dedicatedSubCategory, type, bedrooms, usefulArea,
 *   municipalityCode, address, managedSince, firstOccupiedYear, energyRenovated,
 *   hasEquippedKitchen, hasOutdoorSpace, rentToDeveloperMonthly, ancillaryRentMonthly,
 *   compensationConventionId;
 * - UNIT: dwellingReference, unitReference, usefulArea, capacity;
 * - LEASE: dwellingReference, unitReference (shared dwellings), householdReference, firstName,
 *   lastName, birthDate (the tenant), incomeYear, startsOn, monthlyRent, monthlyCharges;
 * - MEMBER: householdReference, role, firstName, lastName, birthDate (other household members).
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { Dec } from "@abordable/domain";
import type { Decimal } from "decimal.js";
import { parseGlobalId } from "../../schema/ids.js";

export const RECORD_KINDS = ["DWELLING", "UNIT", "LEASE", "MEMBER"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RowError {
  line: number;
  column: string;
  code: string;
  rule: string | null;
  message: string;
}

export interface RawRow {
  line: number;
  values: Record<string, string>;
}

export class FileError extends Error {}

/** Rows of a CSV text: line numbers are the file's (the header is line 1). */
export function readCsv(text: string): RawRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, trim: true, info: true, bom: true }) as never;
  } catch (e) {
    throw new FileError(`The CSV cannot be read: ${(e as Error).message}`);
  }
  return records.map((r) => ({ line: r.info.lines, values: r.record }));
}

/** Rows of the first worksheet of an XLSX workbook (base64): row numbers are the sheet's. */
export async function readXlsx(base64: string): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, "base64") as never);
  } catch (e) {
    throw new FileError(`The XLSX workbook cannot be read: ${(e as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new FileError("The XLSX workbook has no worksheet");
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col] = cell.text.trim()));
  const rows: RawRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    header.forEach((name, col) => name && (values[name] = cellText(row.getCell(col))));
    if (Object.values(values).some((v) => v !== "")) rows.push({ line: n, values });
  });
  return rows;
}

/** A cell as text; dates as YYYY-MM-DD (a spreadsheet stores them as dates, not text). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cell.text.trim();
}

export function checkHeader(rows: RawRow[], headerOf: () => string[]): void {
  const header = headerOf();
  if (!header.includes("record"))
    throw new FileError(`The file has no "record" column (one of ${RECORD_KINDS.join(", ")}); its columns are: ${header.slice(0, 10).join(", ") || "none"}`);
  if (rows.length === 0) throw new FileError("The file has no data row");
}

// ───────────── field readers: each records an error naming the column ─────────────

/**
 * A row error names the line, the column, the code and the rule, never the value submitted: the
 * stored report (PortfolioImport.report) is read by the ministry's analysts, and a file's cells are
 * tenants' names, birth dates and rents (issue 12 finding 3 d).
 */
const ID_PROBLEMS: Record<string, string> = {
  NOT_A_GLOBAL_ID: "not a global ID",
  WRONG_TYPE: "the ID of another type",
  MALFORMED_KEY: "not a valid ID of this type",
};

export class RowReader {
  readonly errors: RowError[] = [];
  constructor(readonly row: RawRow) {}
  private add(column: string, code: string, message: string, rule: string | null = null) {
    this.errors.push({ line: this.row.line, column, code, rule, message });
  }
  fail(column: string, code: string, message: string, rule: string | null = null) {
    this.add(column, code, message, rule);
  }
  raw(column: string): string {
    return (this.row.values[column] ?? "").trim();
  }
  text(column: string, max: number, required = true): string | undefined {
    const v = this.raw(column);
    if (!v) {
      if (required) this.add(column, "REQUIRED", `${column} is required`);
      return undefined;
    }
    if (v.length > max) this.add(column, "TOO_LONG", `${column} is ${v.length} characters long; at most ${max} are allowed`);
    return v;
  }
  oneOf<T extends string>(column: string, allowed: readonly T[], required = true): T | undefined {
    const v = this.raw(column);
    if (!v) {
      if (required) this.add(column, "REQUIRED", `${column} is required (one of ${allowed.join(", ")})`);
      return undefined;
    }
    if (!(allowed as readonly string[]).includes(v)) {
      this.add(column, "INVALID_VALUE", `${column} is not one of ${allowed.join(", ")}`);
      return undefined;
    }
    return v as T;
  }
  int(column: string, min: number, max: number, required = true): number | undefined {
    const v = this.raw(column);
    if (!v) {
      if (required) this.add(column, "REQUIRED", `${column} is required`);
      return undefined;
    }
    if (!/^-?\d+$/.test(v)) return void this.add(column, "INVALID_VALUE", `${column} is not a whole number`);
    const n = Number(v);
    if (n < min || n > max) return void this.add(column, "OUT_OF_RANGE", `${column} must be between ${min} and ${max}`);
    return n;
  }
  decimal(column: string, opts: { min?: string; greaterThan?: string; max: string; scale: number }, required = true): Decimal | undefined {
    const v = this.raw(column);
    if (!v) {
      if (required) this.add(column, "REQUIRED", `${column} is required`);
      return undefined;
    }
    if (!/^-?\d+(\.\d+)?$/.test(v)) return void this.add(column, "INVALID_VALUE", `${column} is not a decimal such as 1234.56`);
    const d = new Dec(v);
    if (opts.greaterThan !== undefined && !d.greaterThan(opts.greaterThan))
      return void this.add(column, "OUT_OF_RANGE", `${column} must be greater than ${opts.greaterThan}`);
    if (opts.min !== undefined && d.lessThan(opts.min)) return void this.add(column, "OUT_OF_RANGE", `${column} must be at least ${opts.min}`);
    if (d.greaterThan(opts.max)) return void this.add(column, "OUT_OF_RANGE", `${column} must be at most ${opts.max}`);
    if (d.decimalPlaces() > opts.scale)
      return void this.add(column, "INVALID_VALUE", `${column} has ${d.decimalPlaces()} decimals; at most ${opts.scale} are kept`);
    return d;
  }
  date(column: string, required = true, notAfter?: string): string | undefined {
    const v = this.raw(column);
    if (!v) {
      if (required) this.add(column, "REQUIRED", `${column} is required (YYYY-MM-DD)`);
      return undefined;
    }
    const d = new Date(`${v}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v)
      return void this.add(column, "INVALID_VALUE", `${column} is not a date (YYYY-MM-DD)`);
    if (notAfter && v > notAfter) return void this.add(column, "OUT_OF_RANGE", `${column} is in the future`);
    return v;
  }
  bool(column: string): boolean | undefined {
    const v = this.raw(column).toLowerCase();
    if (!v) return undefined;
    if (["true", "yes", "1"].includes(v)) return true;
    if (["false", "no", "0"].includes(v)) return false;
    return void this.add(column, "INVALID_VALUE", `${column} is not true or false`);
  }
  id(column: string, type: string, required = true): string | undefined {
    const v = this.raw(column);
    if (!v) {
      if (required) this.add(column, "REQUIRED", `${column} is required`);
      return undefined;
    }
    const parsed = parseGlobalId(v, type);
    if (!parsed.ok) return void this.add(column, "INVALID_ID", `${column}: ${ID_PROBLEMS[parsed.problem] ?? "not a valid ID"}`);
    return parsed.id;
  }
}
