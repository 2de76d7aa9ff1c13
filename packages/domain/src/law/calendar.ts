/**
 * THE calendar of the domain: ISO dates in UTC (no time zone shifts a legal date), calendar months
 * « de quantième à quantième », anniversaries, full years and months, "within N months", and the
 * one recorded reading of 29 February (interpretation note `leap-day-anniversary`).
 *
 * Every engine and adapter computes dates here; whole numbers are day, month and year counts,
 * never money.
 */
import { DomainError } from "./errors.js";
import type { IsoDate } from "./types.js";

export type { IsoDate };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2023-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Throws DomainError INVALID_INPUT naming `what` (the field) unless `value` is an ISO date. */
export function assertIsoDate(value: unknown, what: string): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new DomainError("INVALID_INPUT", `${what}: "${String(value)}" is not an ISO date YYYY-MM-DD`, { field: what });
}

/** ISO dates compare correctly as strings. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);

/** `date` lies in the half-open period `[from, to)`; `to === null` is open-ended. */
export function inPeriod(date: IsoDate, from: IsoDate, to: IsoDate | null): boolean {
  return date >= from && (to === null || date < to);
}

// ───────────── days ─────────────

/** Days since 1970-01-01 (UTC) of an ISO date. */
export function epochDay(date: IsoDate): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

export function isoFromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar arithmetic in UTC. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return isoFromEpochDay(epochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

/** The ISO date of a JavaScript Date at UTC midnight (database rows), and back. */
export const isoOfDate = (d: Date): IsoDate => d.toISOString().slice(0, 10);
export const dateOfIso = (iso: IsoDate): Date => new Date(`${iso}T00:00:00Z`);
/** Today in UTC. */
export const todayIso = (): IsoDate => new Date().toISOString().slice(0, 10);

// ───────────── months ─────────────

/** A calendar month `YYYY-MM`. */
export type MonthKey = string;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: unknown): value is MonthKey {
  return typeof value === "string" && MONTH.test(value);
}

export function assertMonthKey(value: unknown, what: string): asserts value is MonthKey {
  if (!isMonthKey(value)) throw new DomainError("INVALID_INPUT", `${what}: "${String(value)}" is not a month YYYY-MM`, { field: what });
}

export function monthOf(date: IsoDate): MonthKey {
  return date.slice(0, 7);
}

export function firstDayOf(month: MonthKey): IsoDate {
  return `${month}-01`;
}

export function nextMonth(month: MonthKey): MonthKey {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days of month `month` (1-12) of `year`: 28-31. */
export function daysInCalendarMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Number of days of a calendar month `YYYY-MM` (28-31). */
export function daysInMonth(month: MonthKey): number {
  return daysInCalendarMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/** The first day of the month after `date`. */
export function firstDayOfNextMonth(date: IsoDate): IsoDate {
  return firstDayOf(nextMonth(monthOf(date)));
}

/** 1 January of the year of `date`. */
export function firstJanuaryOf(date: IsoDate): IsoDate {
  return `${date.slice(0, 4)}-01-01`;
}

export function yearOf(date: IsoDate): number {
  return digits(date, 0, 4);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function digits(s: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/**
 * `date` + `months` calendar months, « de quantième à quantième »: the same day of the month, or the
 * last day of the target month when it has no such day (31 January + 1 month = 28/29 February).
 * Interpretation note `tenancy-month-arithmetic`.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertIsoDate(date, "date");
  const total = digits(date, 0, 4) * 12 + (digits(date, 5, 2) - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return `${pad(ty, 4)}-${pad(tm)}-${pad(Math.min(digits(date, 8, 2), daysInCalendarMonth(ty, tm)))}`;
}

/**
 * Full calendar months from `from` to `to`: the largest n with addMonths(from, n) ≤ to (0 when `to`
 * is not after `from`). Consistent with addMonths at month ends: 31 January → 28 February is one month.
 */
export function fullMonthsBetween(from: IsoDate, to: IsoDate): number {
  if (to <= from) return 0;
  let months = (digits(to, 0, 4) - digits(from, 0, 4)) * 12 + (digits(to, 5, 2) - digits(from, 5, 2));
  if (addMonths(from, months) > to) months -= 1;
  return Math.max(0, months);
}

/**
 * « dans les N mois » of `from`: `date` is on or after `from` and on or before the last day of the
 * period, addMonths(from, N) (the computed date is the last day to act, note `tenancy-month-arithmetic`).
 */
export function withinMonths(from: IsoDate, months: number, date: IsoDate): boolean {
  return date >= from && date <= addMonths(from, months);
}

// ───────────── years, anniversaries, ages (29 February) ─────────────

/**
 * How an anniversary of 29 February falls in a common year (interpretation note `leap-day-anniversary`):
 * - FEB_28: on 28 February, the last day of the month (« à défaut d'un quantième identique, le
 *   dernier jour du mois »), the civil computation of periods in years, as addMonths;
 * - MAR_1: on 1 March (the day after 28 February: the anniversary is reached only once the day that
 *   would be the 29th has begun).
 */
export const LEAP_DAY_READINGS = ["FEB_28", "MAR_1"] as const;
export type LeapDayReading = (typeof LEAP_DAY_READINGS)[number];
/** The documented default reading (note `leap-day-anniversary`). */
export const DEFAULT_LEAP_DAY_READING: LeapDayReading = "FEB_28";

/** The `years`-th anniversary of `date` under `reading` (only 29 February depends on it). */
export function anniversary(date: IsoDate, years: number, reading: LeapDayReading = DEFAULT_LEAP_DAY_READING): IsoDate {
  const feb28 = addMonths(date, years * 12);
  if (reading === "MAR_1" && date.slice(5) === "02-29" && feb28.slice(5) === "02-28") return addDays(feb28, 1);
  return feb28;
}

/** `date` + `years` calendar years (a period in years: 29 February + 1 year = 28 February, note `tenancy-month-arithmetic`). */
export const addYears = (date: IsoDate, years: number): IsoDate => addMonths(date, years * 12);

/**
 * Full years from `from` to `to`: the largest n with anniversary(from, n) ≤ to (0 when `to` is
 * earlier). Allocation-free (hot path of the shortlist).
 */
export function fullYearsBetween(from: IsoDate, to: IsoDate, reading: LeapDayReading = DEFAULT_LEAP_DAY_READING): number {
  const fy = digits(from, 0, 4);
  const ty = digits(to, 0, 4);
  let fmd = digits(from, 5, 2) * 100 + digits(from, 8, 2);
  const tmd = digits(to, 5, 2) * 100 + digits(to, 8, 2);
  // A 29 February anniversary in a common year: on 28 February (FEB_28) or 1 March (MAR_1, i.e. after every 28 February).
  if (fmd === 229 && !isLeapYear(ty)) fmd = reading === "FEB_28" ? 228 : 229;
  const years = tmd < fmd ? ty - fy - 1 : ty - fy;
  return Math.max(0, years);
}

/** Age in completed years on `date` (the birthday itself counts); agrees with birthday(): ageOn(b, birthday(b, n)) = n. */
export function ageOn(birthDate: IsoDate, date: IsoDate, reading: LeapDayReading = DEFAULT_LEAP_DAY_READING): number {
  return fullYearsBetween(birthDate, date, reading);
}

/** The date of the `age`-th birthday. */
export function birthday(birthDate: IsoDate, age: number, reading: LeapDayReading = DEFAULT_LEAP_DAY_READING): IsoDate {
  return anniversary(birthDate, age, reading);
}
