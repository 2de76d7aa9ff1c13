/**
 * Index resolution: "X euros à la valeur N de l'indice" becomes, on a date, X × index(date) / N.
 * The product is exact; the quotient is carried at the 40 significant digits of `Dec` and is never
 * rounded here — money is rounded once, at statement-line level (`roundMoney`).
 */
import { DomainError, type DomainErrorCode } from "../../law/errors.js";
import type { Decimal } from "decimal.js";
import { parseDecimal, type DecimalInput } from "../../money/decimal.js";
import { assertIsoDate, isIsoDate } from "../dates.js";
import type { IndexBasis, IsoDate } from "../types.js";
import { CONSTRUCTION_SERIES, COTE_SERIES, ECB_SHORT_TERM_RATE_SERIES } from "./data.js";
import type { ConstructionPoint, ConstructionSeries, CotePoint, CoteSeries, EcbRatePoint, EcbRateSeries, IndexPointUsed } from "./types.js";

/** An index value is missing (INDEX_MISSING, naming the semester or date) or a supplied series is inconsistent (INVALID_INPUT). */
export class IndexResolutionError extends DomainError {
  constructor(detail: string, code: DomainErrorCode = "INVALID_INPUT", subject?: string) {
    super(code, detail, { subject: subject ?? null });
    this.name = "IndexResolutionError";
  }
}

const SEMESTER = /^(\d{4})-(04|10)$/;

function positiveDecimal(value: string, what: string): Decimal {
  const d = parseDecimal(value);
  if (!d.isPositive() || d.isZero()) throw new IndexResolutionError(`${what}: index value must be positive, got ${value}`);
  return d;
}

/** Validates a cote series (ascending, unique dates; positive decimals). Returns it for chaining. */
export function validateCoteSeries(series: CoteSeries): CoteSeries {
  series.points.forEach((p, i) => {
    if (!isIsoDate(p.validFrom)) throw new IndexResolutionError(`cote point ${i}: "${p.validFrom}" is not an ISO date`);
    positiveDecimal(p.value, `cote from ${p.validFrom}`);
    const prev = series.points[i - 1];
    if (prev && prev.validFrom >= p.validFrom) throw new IndexResolutionError(`cote points out of order or duplicated at ${p.validFrom}`);
  });
  return series;
}

export function validateConstructionSeries(series: ConstructionSeries): ConstructionSeries {
  series.points.forEach((p, i) => {
    if (!SEMESTER.test(p.semester)) throw new IndexResolutionError(`construction point ${i}: "${p.semester}" is not a semester YYYY-04 or YYYY-10`);
    positiveDecimal(p.value, `construction index ${p.semester}`);
    const prev = series.points[i - 1];
    if (prev && prev.semester >= p.semester) throw new IndexResolutionError(`construction points out of order or duplicated at ${p.semester}`);
  });
  return series;
}

validateCoteSeries(COTE_SERIES);
validateConstructionSeries(CONSTRUCTION_SERIES);

/** Adds operator-supplied cote tranches (e.g. the next STATEC tranche); a conflicting value is an error. */
export function withCotePoints(extra: readonly CotePoint[], series: CoteSeries = COTE_SERIES, knownUntil: IsoDate = series.knownUntil): CoteSeries {
  const byDate = new Map(series.points.map((p) => [p.validFrom, p]));
  for (const p of extra) {
    const known = byDate.get(p.validFrom);
    if (known && !parseDecimal(known.value).equals(parseDecimal(p.value)))
      throw new IndexResolutionError(`cote from ${p.validFrom}: supplied ${p.value} conflicts with recorded ${known.value}`);
    byDate.set(p.validFrom, known ?? p);
  }
  return validateCoteSeries({ ...series, knownUntil, points: [...byDate.values()].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1)) });
}

/** Adds operator-supplied construction semesters; a conflicting value is an error. */
export function withConstructionPoints(extra: readonly ConstructionPoint[], series: ConstructionSeries = CONSTRUCTION_SERIES): ConstructionSeries {
  const bySemester = new Map(series.points.map((p) => [p.semester, p]));
  for (const p of extra) {
    const known = bySemester.get(p.semester);
    if (known && !parseDecimal(known.value).equals(parseDecimal(p.value)))
      throw new IndexResolutionError(`construction index ${p.semester}: supplied ${p.value} conflicts with recorded ${known.value}`);
    bySemester.set(p.semester, known ?? p);
  }
  return validateConstructionSeries({ ...series, points: [...bySemester.values()].sort((a, b) => (a.semester < b.semester ? -1 : 1)) });
}

/** The cote d'application in force on `asOf` (the last tranche starting on or before it). */
export function resolveCote(asOf: IsoDate, series: CoteSeries = COTE_SERIES): IndexPointUsed {
  assertIsoDate(asOf, "cote date");
  let found: { p: CotePoint; next: CotePoint | undefined } | undefined;
  series.points.forEach((p, i) => {
    if (p.validFrom <= asOf) found = { p, next: series.points[i + 1] };
  });
  if (!found)
    throw new IndexResolutionError(
      `no cote d'application recorded on or before ${asOf} (first known: ${series.points[0]?.validFrom ?? "none"})`,
      "INDEX_MISSING",
      asOf,
    );
  return {
    series: "COST_OF_LIVING_COTE",
    value: found.p.value,
    label: `cote from ${found.p.validFrom}`,
    validFrom: found.p.validFrom,
    validTo: found.next?.validFrom ?? null,
    source: found.p.source,
    // After the day the series is known complete, a later tranche may already apply: say so.
    ...(asOf > series.knownUntil ? { unconfirmedAfter: series.knownUntil } : {}),
  };
}

/**
 * The semester whose index applies on `asOf` — interpretation note `construction-index-semester`:
 * the semester whose reference month (April or October) most recently began, i.e. 1 April–30
 * September → `YYYY-04`, 1 October–31 March → `YYYY-10` of the October concerned.
 */
export function constructionSemesterFor(asOf: IsoDate): string {
  assertIsoDate(asOf, "construction index date");
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  if (month >= 10) return `${year}-10`;
  if (month >= 4) return `${year}-04`;
  return `${year - 1}-10`;
}

function semesterPeriod(semester: string): { validFrom: IsoDate; validTo: IsoDate } {
  const year = Number(semester.slice(0, 4));
  return semester.endsWith("-04") ? { validFrom: `${year}-04-01`, validTo: `${year}-10-01` } : { validFrom: `${year}-10-01`, validTo: `${year + 1}-04-01` };
}

/** The construction-price index of a semester (`YYYY-04`/`YYYY-10`), or of the semester applying on an ISO date. Fails if unrecorded. */
export function resolveConstructionIndex(semesterOrDate: string, series: ConstructionSeries = CONSTRUCTION_SERIES): IndexPointUsed {
  const semester = SEMESTER.test(semesterOrDate) ? semesterOrDate : constructionSemesterFor(semesterOrDate);
  const point = series.points.find((p) => p.semester === semester);
  if (!point)
    throw new IndexResolutionError(
      `construction-price index for semester ${semester} is not recorded (known: ${series.points.map((p) => p.semester).join(", ")}); add the STATEC figure with withConstructionPoints — it is never interpolated`,
      "INDEX_MISSING",
      semester,
    );
  return { series: "CONSTRUCTION_PRICE_INDEX", value: point.value, label: `semester ${semester}`, ...semesterPeriod(semester), source: point.source };
}

/** Pure arithmetic: amount × index / base, multiplied first so the only inexact step is one division. */
export function amountAtIndex(amount: DecimalInput, base: DecimalInput, index: DecimalInput): Decimal {
  return parseDecimal(amount).times(parseDecimal(index)).dividedBy(parseDecimal(base));
}

export interface IndexOptions {
  readonly coteSeries?: CoteSeries;
  readonly constructionSeries?: ConstructionSeries;
  /** Forces the construction semester instead of deriving it from the date (e.g. the index named in a convention). */
  readonly constructionSemester?: string;
}

export interface IndexedAmount {
  /** The amount as written in the text. */
  readonly nominal: string;
  /** The amount in force on the date, unrounded. */
  readonly value: Decimal;
  readonly basis: IndexBasis;
  readonly index: IndexPointUsed | null;
}

/** Resolves an amount "at index N" to the amount in force on `asOf`. NONE-based amounts are returned as they are. */
export function indexAmount(amount: string, basis: IndexBasis, asOf: IsoDate, options: IndexOptions = {}): IndexedAmount {
  if (basis.kind === "NONE") return { nominal: amount, value: parseDecimal(amount), basis, index: null };
  const index =
    basis.kind === "COST_OF_LIVING_COTE"
      ? resolveCote(asOf, options.coteSeries)
      : resolveConstructionIndex(options.constructionSemester ?? asOf, options.constructionSeries);
  return { nominal: amount, value: amountAtIndex(amount, basis.base, index.value), basis, index };
}

// ───────────── ECB euro short-term rate (law art. 13 §4) ─────────────

/** Adds operator-recorded €STR values (ECB publication); a conflicting value is an error; `knownUntil` moves to the day given. */
export function withEcbRatePoints(extra: readonly EcbRatePoint[], knownUntil: IsoDate, series: EcbRateSeries = ECB_SHORT_TERM_RATE_SERIES): EcbRateSeries {
  assertIsoDate(knownUntil, "knownUntil");
  const byDate = new Map(series.points.map((p) => [p.validFrom, p]));
  for (const p of extra) {
    assertIsoDate(p.validFrom, "validFrom");
    parseDecimal(p.value);
    const known = byDate.get(p.validFrom);
    if (known && !parseDecimal(known.value).equals(parseDecimal(p.value)))
      throw new IndexResolutionError(`€STR from ${p.validFrom}: supplied ${p.value} conflicts with recorded ${known.value}`);
    byDate.set(p.validFrom, known ?? p);
  }
  return { ...series, knownUntil, points: [...byDate.values()].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1)) };
}

export interface EcbRateUsed {
  readonly value: string;
  readonly validFrom: IsoDate;
  readonly source: EcbRatePoint["source"];
  /** Set when `asOf` lies after the series' knownUntil: the rate may have changed since. */
  readonly unconfirmedAfter?: IsoDate;
}

/** The €STR in force on `asOf`; none recorded on or before it is DomainError INDEX_MISSING naming the date. */
export function resolveEcbShortTermRate(asOf: IsoDate, series: EcbRateSeries = ECB_SHORT_TERM_RATE_SERIES): EcbRateUsed {
  assertIsoDate(asOf, "ECB rate date");
  const found = [...series.points].reverse().find((p) => p.validFrom <= asOf);
  if (!found)
    throw new IndexResolutionError(
      `no ECB euro short-term rate (€STR) recorded on or before ${asOf}: the operator records the ECB's published value (law art. 13 §4)`,
      "INDEX_MISSING",
      asOf,
    );
  return {
    value: found.value,
    validFrom: found.validFrom,
    source: found.source,
    ...(series.knownUntil === null || asOf > series.knownUntil ? { unconfirmedAfter: series.knownUntil ?? found.validFrom } : {}),
  };
}
