/**
 * Shared helpers of the tenancy engine: calendar arithmetic on ISO dates (UTC), parameter
 * resolution that knows when a provision is not in force (bill-only provisions under the law),
 * and a small trace builder. Whole numbers here are day/month counts and ages, never money.
 */
import type { Decimal } from "decimal.js";
import { parseDecimal } from "../money/decimal.js";
import { addDays, assertIsoDate, inPeriod } from "../parameters/dates.js";
import { PARAMETERS } from "../parameters/registry.js";
import type { ResolvedParameter } from "../parameters/store.js";
import { ParameterResolutionError } from "../parameters/timeline.js";
import { citeVersion, type ComputationTrace, type ParameterVersionUsed, type TraceValue } from "../parameters/trace.js";
import type { IndexPointUsed } from "../parameters/indices/types.js";
import type { IsoDate, LegalReference, ParameterVersion, RegimeOptions } from "../parameters/types.js";

export type { IsoDate };

/** A date computation or input is invalid for the rule (e.g. a schedule beyond the two-year limit). */
export class TenancyRuleError extends Error {
  constructor(
    readonly ruleId: string,
    readonly reference: LegalReference,
    detail: string,
  ) {
    super(`${ruleId} (${formatReference(reference)}): ${detail}`);
    this.name = "TenancyRuleError";
  }
}

export function formatReference(r: LegalReference): string {
  const parts = [r.text === "LAW_2023" ? "law" : r.text === "BILL_8535" ? "bill 8535" : r.text, `art. ${r.article}`];
  if (r.paragraph) parts.push(`§${r.paragraph}`);
  if (r.alinea) parts.push(`al. ${r.alinea}`);
  if (r.point) parts.push(`pt ${r.point}`);
  if (r.amends) parts.push(`(→ art. ${r.amends.article}${r.amends.paragraph ? ` §${r.amends.paragraph}` : ""})`);
  return parts.join(" ");
}

export const lawRef = (article: string, detail: Omit<LegalReference, "text" | "article"> = {}): LegalReference => ({ text: "LAW_2023", article, ...detail });
export const billRef = (article: string, detail: Omit<LegalReference, "text" | "article"> = {}): LegalReference => ({ text: "BILL_8535", article, ...detail });

// ---------------------------------------------------------------------------------------------
// Calendar (interpretation note `tenancy-month-arithmetic`)

function parts(date: IsoDate): [number, number, number] {
  assertIsoDate(date, "date");
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `date` + `months` calendar months, "de quantième à quantième": the same day of the month,
 * or the last day of the target month when it is shorter (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return `${pad(ty, 4)}-${pad(tm)}-${pad(Math.min(d, daysInMonth(ty, tm)))}`;
}
export const addYears = (date: IsoDate, years: number): IsoDate => addMonths(date, years * 12);
export { addDays };

/** The first day of the month after `date`. */
export function firstDayOfNextMonth(date: IsoDate): IsoDate {
  const [y, m] = parts(date);
  return m === 12 ? `${pad(y + 1, 4)}-01-01` : `${pad(y, 4)}-${pad(m + 1)}-01`;
}

/** Age in completed years on `date` (the birthday itself counts). */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(date);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** The date of the `age`-th birthday (29 February → 28 February in common years). */
export function birthday(birthDate: IsoDate, age: number): IsoDate {
  return addYears(birthDate, age);
}

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);

// ---------------------------------------------------------------------------------------------
// Parameters

/**
 * The version of `id` in force on `asOf`, or null when the provision does not exist on that date
 * under the regime (e.g. a provision the bill introduces, under LAW or before entry into force).
 * A BILL_8535 regime without its entry-into-force date still fails loudly.
 */
export function resolveIfInForce(id: string, asOf: IsoDate, options: RegimeOptions): ResolvedParameter | null {
  assertIsoDate(asOf, `asOf for ${id}`);
  const version = PARAMETERS.versions(id, options).find((v) => inPeriod(asOf, v.validFrom, v.validTo));
  return version ? { id, value: version.value, version } : null;
}

export function resolveRequired(id: string, asOf: IsoDate, options: RegimeOptions): ResolvedParameter {
  return PARAMETERS.resolve(id, asOf, options);
}

export function decimalValue(r: ResolvedParameter): Decimal {
  if (typeof r.value !== "string") throw new ParameterResolutionError(r.id, `is a ${r.value.kind}, not a scalar`);
  return parseDecimal(r.value);
}

/** A whole-number parameter (MONTHS, DAYS, YEARS, COUNT) as a JS integer for calendar arithmetic. */
export function wholeValue(r: ResolvedParameter): number {
  const d = decimalValue(r);
  if (!d.isInteger()) throw new ParameterResolutionError(r.id, `expected a whole number, got ${d.toString()}`);
  return Number(d.toFixed(0));
}

/** A DURATION parameter added to a date. */
export function addDuration(date: IsoDate, r: ResolvedParameter): IsoDate {
  if (typeof r.value === "string") throw new ParameterResolutionError(r.id, "expected a duration");
  if (r.value.kind !== "duration") throw new ParameterResolutionError(r.id, `is a ${r.value.kind}, not a duration`);
  const amount = parseDecimal(r.value.amount);
  if (!amount.isInteger()) throw new ParameterResolutionError(r.id, "duration must be whole");
  const n = Number(amount.toFixed(0));
  return r.value.unit === "DAYS" ? addDays(date, n) : r.value.unit === "MONTHS" ? addMonths(date, n) : addYears(date, n);
}

/** Is bill 8535 in force on `date` under these options (operator-set entry into force)? */
export function billInForce(date: IsoDate, options: RegimeOptions): boolean {
  if (options.regime !== "BILL_8535") return false;
  if (options.bill8535EntryIntoForce === undefined)
    throw new ParameterResolutionError("bill8535EntryIntoForce", "regime BILL_8535 needs bill8535EntryIntoForce (operator setting)");
  return date >= options.bill8535EntryIntoForce;
}

/** A percentage parameter ("2.5") as a fraction (0.025). */
export const fraction = (percent: Decimal): Decimal => percent.dividedBy(100);

// ---------------------------------------------------------------------------------------------
// Trace

export class TraceCollector {
  readonly parameters: ParameterVersionUsed[] = [];
  readonly indices: IndexPointUsed[] = [];
  use(version: ParameterVersion): void {
    if (!this.parameters.some((p) => p.parameterId === version.parameterId && p.validFrom === version.validFrom && p.regime === version.regime))
      this.parameters.push(citeVersion(version));
  }
  useIndex(point: IndexPointUsed | null): void {
    if (point && !this.indices.some((i) => i.series === point.series && i.validFrom === point.validFrom)) this.indices.push(point);
  }
}

export function step(
  ruleId: string,
  references: readonly LegalReference[],
  options: RegimeOptions,
  asOf: IsoDate,
  inputs: Record<string, TraceValue>,
  result: TraceValue,
  used: { versions?: readonly ParameterVersion[]; indices?: readonly (IndexPointUsed | null)[]; notes?: readonly string[] } = {},
): ComputationTrace {
  return {
    ruleId,
    references,
    regime: options.regime,
    asOf,
    inputs,
    parameters: (used.versions ?? []).map(citeVersion),
    indices: (used.indices ?? []).filter((i): i is IndexPointUsed => i !== null),
    result,
    ...(used.notes && used.notes.length > 0 ? { interpretationNotes: used.notes } : {}),
  };
}
