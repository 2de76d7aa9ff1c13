/**
 * Calendar arithmetic for compensation statements: months, half-open periods, day counts, and the
 * ONE proration rule of the engine (`prorate`). Day counts are integers (not money); amounts stay
 * Decimals.
 */
import type { Decimal } from "decimal.js";
import { assertIsoDate, assertMonthKey, daysInMonth, epochDay, firstDayOf, nextMonth, type MonthKey } from "../law/calendar.js";
import type { IsoDate } from "../parameters/types.js";

/** A calendar month `YYYY-MM` (the kernel's). */
export type { MonthKey };

/** Half-open period `[from, to)`, as everywhere in the domain; `to === null` is open-ended. */
export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

export { assertMonthKey, daysInMonth, epochDay, firstDayOf, isMonthKey, isoFromEpochDay, monthOf, nextMonth } from "../law/calendar.js";

/** The months from `from` to `to`, both inclusive. */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  assertMonthKey(from, "first month");
  assertMonthKey(to, "last month");
  if (to < from) throw new RangeError(`month range ${from}..${to} is empty`);
  const out: MonthKey[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

export function monthsOfYear(year: number): MonthKey[] {
  return monthsBetween(`${year}-01`, `${year}-12`);
}

/** Index (0-based) of `month` counted from `start` (same month = 0). */
export function monthIndex(start: MonthKey, month: MonthKey): number {
  return (Number(month.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + (Number(month.slice(5, 7)) - Number(start.slice(5, 7)));
}

/** A period in epoch days, half-open; `to` is +Infinity when open-ended. */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}

export function toDayRange(p: Period, what = "period"): DayRange {
  assertIsoDate(p.from, `${what} start`);
  if (p.to !== null) assertIsoDate(p.to, `${what} end`);
  const range = { from: epochDay(p.from), to: p.to === null ? Number.POSITIVE_INFINITY : epochDay(p.to) };
  if (range.to < range.from) throw new RangeError(`${what} ${p.from}..${p.to} ends before it starts`);
  return range;
}

export function monthRange(month: MonthKey): DayRange {
  const from = epochDay(firstDayOf(month));
  return { from, to: from + daysInMonth(month) };
}

export function intersect(a: DayRange, b: DayRange): DayRange | null {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return to > from ? { from, to } : null;
}

/** Sorted, merged union of day ranges (overlapping or touching ranges merge). */
export function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = [...ranges].filter((r) => r.to > r.from).sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

/** Days of `window` covered by the (merged) `ranges`. */
export function coveredDays(ranges: readonly DayRange[], window: DayRange): number {
  let days = 0;
  for (const r of ranges) {
    const i = intersect(r, window);
    if (i) days += i.to - i.from;
  }
  return days;
}

/** Days of `window` covered by `ranges` and lying on or after `fromDay` (or before it, with `before`). */
export function coveredDaysSplit(ranges: readonly DayRange[], window: DayRange, splitDay: number): { before: number; after: number } {
  const after = coveredDays(ranges, { from: Math.max(window.from, splitDay), to: window.to });
  const total = coveredDays(ranges, window);
  return { before: total - after, after };
}

/** The proration rule of the engine, used by every monthly amount (see README, "Proration"). */
export const PRORATION_RULE = "ACTUAL_DAYS_OVER_DAYS_IN_MONTH" as const;

/**
 * THE proration rule: a monthly amount due for `days` days of a month of `monthDays` days is
 * `monthly × days / monthDays` (actual days over days in month). A full month gives the monthly
 * amount exactly; the result is not rounded (rounding happens once, at line level).
 */
export function prorate(monthly: Decimal, days: number, monthDays: number): Decimal {
  if (!Number.isInteger(days) || !Number.isInteger(monthDays) || days < 0 || monthDays < 28 || monthDays > 31 || days > monthDays)
    throw new RangeError(`prorate: ${days} day(s) of a ${monthDays}-day month`);
  if (days === monthDays) return monthly;
  return monthly.times(days).dividedBy(monthDays);
}
