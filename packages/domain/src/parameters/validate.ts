/**
 * Load-time validation of parameter definitions. Every failure names the parameter, so that a
 * data error is found when the module loads, never in the middle of a computation.
 */
import { DomainError } from "../law/errors.js";
import type { Decimal } from "decimal.js";
import { parseDecimal } from "../money/decimal.js";
import { isIsoDate } from "./dates.js";
import {
  BILL_RETROACTIVE_FROM,
  INTEGER_UNITS,
  LEGAL_TEXTS,
  MONETARY_UNITS,
  UNITS,
  type Bracket,
  type OperatorReading,
  type ParameterDefinition,
  type ParameterValue,
  type Unit,
} from "./types.js";

export class ParameterDefinitionError extends DomainError {
  constructor(
    readonly parameterId: string,
    detail: string,
  ) {
    super("DATA_DEFECT", `parameter "${parameterId}": ${detail}`, { subject: parameterId });
    this.name = "ParameterDefinitionError";
  }
}

const ID_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
const DATE_AXES = new Set(["CALCULATION_DATE", "CONVENTION_SIGNATURE_DATE", "FIRST_LETTING_DATE", "ALLOCATION_DATE", "APPLICATION_DATE"]);
/** The operator readings of `RegimeOptions` a definition may name in `operatorSetting`. */
const OPERATOR_READINGS: ReadonlySet<string> = new Set<OperatorReading>(["annexIIReadingPeriod"]);
/** Units whose values are not decimals: they admit only their own value shape. */
const SHAPED_UNITS: Readonly<Record<string, string>> = { DURATION: "duration", DATE: "date", DAY_OF_YEAR: "monthDay", CODE: "code" };

type Fail = (detail: string) => never;

function decimal(text: unknown, where: string, fail: Fail): Decimal {
  if (typeof text !== "string") fail(`${where}: expected a decimal string, got ${typeof text}`);
  try {
    return parseDecimal(text as string);
  } catch {
    return fail(`${where}: malformed decimal "${String(text)}"`);
  }
}

function checkScalar(text: unknown, unit: Unit, where: string, fail: Fail): void {
  const d = decimal(text, where, fail);
  if (d.isNegative()) fail(`${where}: negative value ${String(text)} (no figure of these texts is negative)`);
  if (INTEGER_UNITS.has(unit) && !d.isInteger()) fail(`${where}: unit ${unit} needs a whole number, got "${String(text)}"`);
}

function checkBrackets(value: { axisType?: unknown; brackets?: unknown }, unit: Unit, where: string, fail: Fail): void {
  if (value.axisType !== "INTEGER" && value.axisType !== "CONTINUOUS") fail(`${where}: axisType must be INTEGER or CONTINUOUS`);
  const list = value.brackets as readonly Bracket[] | undefined;
  if (!Array.isArray(list) || list.length === 0) fail(`${where}: a bracket scale needs at least one bracket`);
  const integer = value.axisType === "INTEGER";
  // Normalise each bracket to [lo, hi] on the axis (integer axes: exclusive bounds become ±1).
  const norm = (list as readonly Bracket[]).map((b, i) => {
    const w = `${where} bracket ${i}`;
    checkScalar(b.value, unit, `${w} value`, fail);
    const lo = b.from === null ? null : decimal(b.from, `${w} from`, fail);
    const hi = b.to === null ? null : decimal(b.to, `${w} to`, fail);
    if (lo && hi && (lo.greaterThan(hi) || (lo.equals(hi) && !(b.fromInclusive && b.toInclusive)))) fail(`${w}: empty interval`);
    if (integer && ((lo && !lo.isInteger()) || (hi && !hi.isInteger()))) fail(`${w}: integer axis with a fractional bound`);
    return { b, lo, hi };
  });
  for (let i = 1; i < norm.length; i++) {
    const prev = norm[i - 1]!;
    const next = norm[i]!;
    if (prev.hi === null || next.lo === null) fail(`${where}: bracket ${i - 1} or ${i} is unbounded in the middle of the scale (overlap)`);
    const prevHi = integer && !prev.b.toInclusive ? prev.hi!.minus(1) : prev.hi!;
    const nextLo = integer && !next.b.fromInclusive ? next.lo!.plus(1) : next.lo!;
    if (integer) {
      const expected = prevHi.plus(1);
      if (nextLo.greaterThan(expected)) fail(`${where}: gap between bracket ${i - 1} and ${i}`);
      if (nextLo.lessThan(expected)) fail(`${where}: brackets ${i - 1} and ${i} overlap`);
    } else {
      if (!prev.hi!.equals(next.lo!)) fail(`${where}: ${prev.hi!.lessThan(next.lo!) ? "gap" : "overlap"} between bracket ${i - 1} and ${i}`);
      if (prev.b.toInclusive === next.b.fromInclusive)
        fail(`${where}: bound ${prev.hi!.toString()} is ${prev.b.toInclusive ? "in both" : "in neither"} bracket ${i - 1} and ${i}`);
    }
  }
}

function checkCells(cells: unknown, columns: readonly string[], unit: Unit, where: string, fail: Fail): void {
  if (typeof cells !== "object" || cells === null) fail(`${where}: missing cells`);
  const keys = Object.keys(cells as object);
  if (keys.length !== columns.length || !columns.every((c) => keys.includes(c)))
    fail(`${where}: cells ${keys.join(",")} do not match columns ${columns.join(",")}`);
  for (const c of columns) checkScalar((cells as Record<string, unknown>)[c], unit, `${where}.${c}`, fail);
}

export function checkValueShape(value: ParameterValue, unit: Unit, where: string, fail: Fail): void {
  const expectedShape = SHAPED_UNITS[unit];
  if (typeof value === "string") {
    if (expectedShape) fail(`${where}: unit ${unit} expects a ${expectedShape} value, got a decimal`);
    checkScalar(value, unit, where, fail);
    return;
  }
  if (typeof value !== "object" || value === null) return fail(`${where}: missing value`);
  const kind = value.kind;
  if (expectedShape ? kind !== expectedShape : kind !== "brackets" && kind !== "householdTable")
    fail(`${where}: unit ${unit} does not match a ${String(kind)} value`);
  switch (value.kind) {
    case "brackets":
      return checkBrackets(value, unit, where, fail);
    case "householdTable": {
      if (!Array.isArray(value.columns) || value.columns.length === 0) fail(`${where}: table without columns`);
      const seen = new Set<string>();
      value.rows.forEach((r, i) => {
        if (!Number.isInteger(r.adults) || r.adults < 1 || !Number.isInteger(r.children) || r.children < 0) fail(`${where} row ${i}: bad composition`);
        const key = `${r.adults}/${r.children}`;
        if (seen.has(key)) fail(`${where}: duplicate row for ${r.adults} adult(s), ${r.children} child(ren)`);
        seen.add(key);
        checkCells(r.values, value.columns, unit, `${where} row "${r.label}"`, fail);
      });
      checkCells(value.extraChild, value.columns, unit, `${where} extraChild`, fail);
      checkCells(value.extraAdult, value.columns, unit, `${where} extraAdult`, fail);
      return;
    }
    case "duration":
      if (!["DAYS", "MONTHS", "YEARS"].includes(value.unit)) fail(`${where}: duration unit ${String(value.unit)}`);
      return checkScalar(value.amount, "COUNT", `${where} amount`, fail);
    case "date":
      if (!isIsoDate(value.date)) fail(`${where}: "${String(value.date)}" is not an ISO date`);
      return;
    case "monthDay":
      if (!isIsoDate(`2024-${String(value.month).padStart(2, "0")}-${String(value.day).padStart(2, "0")}`)) fail(`${where}: no such day of year`);
      return;
    case "code":
      if (!Array.isArray(value.allowed) || !value.allowed.includes(value.code)) fail(`${where}: code "${value.code}" is not one of ${String(value.allowed)}`);
      return;
  }
}

function checkVersionCommon(
  v: { validTo: unknown; value: ParameterValue; indexBasis: unknown; reference: unknown },
  unit: Unit,
  where: string,
  fail: Fail,
): void {
  if (v.validTo !== null && !isIsoDate(v.validTo)) fail(`${where}: validTo "${String(v.validTo)}" is neither an ISO date nor null`);
  checkValueShape(v.value, unit, `${where} value`, fail);
  const basis = v.indexBasis as { kind?: unknown; base?: unknown } | undefined;
  if (!basis || !["NONE", "CONSTRUCTION_PRICE_INDEX", "COST_OF_LIVING_COTE"].includes(basis.kind as string)) fail(`${where}: unknown index basis`);
  if (basis!.kind !== "NONE") {
    if (!MONETARY_UNITS.has(unit)) fail(`${where}: unit ${unit} cannot be index-linked (${String(basis!.kind)})`);
    const base = decimal(basis!.base, `${where} index base`, fail);
    if (base.isNegative() || base.isZero()) fail(`${where}: index base must be positive`);
  }
  const ref = v.reference as { text?: unknown; article?: unknown } | undefined;
  if (!ref || typeof ref.text !== "string" || !Object.hasOwn(LEGAL_TEXTS, ref.text)) fail(`${where}: unknown legal text "${String(ref?.text)}"`);
  if (typeof ref!.article !== "string" || ref!.article.trim() === "") fail(`${where}: reference without an article`);
}

/** Throws ParameterDefinitionError on the first defect of `def`. */
export function validateParameterDefinition(def: ParameterDefinition, knownNoteIds?: ReadonlySet<string>): void {
  const id = typeof def?.id === "string" ? def.id : "<no id>";
  const fail: Fail = (detail) => {
    throw new ParameterDefinitionError(id, detail);
  };
  if (!ID_PATTERN.test(id)) fail("id must be dotted camelCase (e.g. compensation.developer.operatingCostFlat)");
  if (!def.description?.trim() || !def.frenchTerm?.trim()) fail("description and French legal term are required");
  if (!(UNITS as readonly string[]).includes(def.unit)) fail(`unknown unit "${String(def.unit)}"`);
  if (def.dateAxis !== undefined && !DATE_AXES.has(def.dateAxis)) fail(`unknown date axis "${String(def.dateAxis)}"`);
  if (!isIsoDate(def.lastChecked)) fail(`lastChecked "${String(def.lastChecked)}" is not an ISO date`);
  for (const n of def.interpretationNotes ?? []) if (knownNoteIds && !knownNoteIds.has(n)) fail(`unknown interpretation note "${n}"`);
  if (def.operatorSetting !== undefined && !OPERATOR_READINGS.has(def.operatorSetting)) fail(`unknown operator setting "${String(def.operatorSetting)}"`);
  if (def.operatorSetting !== undefined && def.unit !== "CODE")
    fail(`an operator setting (${def.operatorSetting}) chooses among CODE values, not unit ${def.unit}`);

  if (!Array.isArray(def.law)) fail("law must be a list of versions (possibly empty)");
  def.law.forEach((v, i) => {
    const where = `law version ${i}`;
    if (!isIsoDate(v.validFrom)) fail(`${where}: validFrom "${String(v.validFrom)}" is not an ISO date`);
    checkVersionCommon(v, def.unit, `${where} (from ${v.validFrom})`, fail);
  });
  checkTiling(
    def.law.map((v) => ({ from: v.validFrom, to: v.validTo })),
    "law",
    fail,
  );

  const bill = def.bill;
  if (bill === "UNCHANGED") {
    if (def.law.length === 0) fail("bill UNCHANGED but no law version: the parameter has no value in any regime");
    return;
  }
  if (typeof bill !== "object" || bill === null || (bill.start !== "ENTRY_INTO_FORCE" && bill.start !== "RETROACTIVE_93BIS"))
    fail("bill must be UNCHANGED or { start, versions }");
  if (bill.repealed) {
    if (bill.versions.length !== 0) fail("a repealed provision has no bill version");
    if (def.law.length === 0) fail("cannot repeal a provision that has no law version");
    return;
  }
  if (!Array.isArray(bill.versions) || bill.versions.length === 0) fail("bill amendment without versions (use repealed: true to abrogate)");
  bill.versions.forEach((v, i) => {
    const where = `bill version ${i}`;
    if (i === 0 && v.validFrom !== undefined) fail(`${where}: the first bill version starts when the bill takes effect; omit validFrom`);
    if (i > 0 && !isIsoDate(v.validFrom)) fail(`${where}: validFrom "${String(v.validFrom)}" is not an ISO date`);
    if (bill.start === "RETROACTIVE_93BIS" && v.validTo !== null && v.validTo <= BILL_RETROACTIVE_FROM)
      fail(`${where}: ends before the retroactive start ${BILL_RETROACTIVE_FROM}`);
    checkVersionCommon(v, def.unit, where, fail);
  });
  checkTiling(
    bill.versions.map((v, i) => ({ from: i === 0 ? null : (v.validFrom ?? null), to: v.validTo })),
    "bill",
    fail,
  );
}

/** Consecutive periods must tile: each ends exactly where the next starts; only the last may be open. */
function checkTiling(periods: readonly { from: string | null; to: string | null }[], regime: string, fail: Fail): void {
  periods.forEach((p, i) => {
    if (p.from !== null && p.to !== null && p.to <= p.from) fail(`${regime} version ${i}: validTo ${p.to} is not after validFrom ${p.from}`);
    const next = periods[i + 1];
    if (!next) return;
    if (p.to === null) fail(`${regime} versions ${i} and ${i + 1} overlap: version ${i} is open-ended`);
    if (next.from! < p.to!) fail(`${regime} versions ${i} and ${i + 1} overlap (${next.from} < ${p.to})`);
    if (next.from! > p.to!) fail(`${regime} versions ${i} and ${i + 1} leave a gap from ${p.to} to ${next.from}`);
  });
}
