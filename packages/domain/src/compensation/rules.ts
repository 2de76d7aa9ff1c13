/**
 * Shared machinery of the compensation engine: parameter resolution with a per-build cache, regime
 * switches (art. 93bis retroactivity vs. entry into force), the line collector that rounds each
 * line ONCE (roundMoney) and the assembly of subtotals and totals from rounded lines.
 */
import { DomainError } from "../law/errors.js";
import { formatReferences } from "../law/references.js";
import type { Decimal } from "decimal.js";
import { Dec, parseDecimal, roundMoney, type DecimalInput } from "../money/decimal.js";
import { assertIsoDate } from "../parameters/dates.js";
import type { IndexPointUsed } from "../parameters/indices/types.js";
import { PARAMETERS } from "../parameters/registry.js";
import type { ResolvedParameter } from "../parameters/store.js";
import { ParameterResolutionError } from "../parameters/timeline.js";
import { citeVersion, type ParameterVersionUsed, type TraceValue } from "../parameters/trace.js";
import { BILL_RETROACTIVE_FROM, type IsoDate, type LegalReference, type ParameterVersion, type RegimeOptions } from "../parameters/types.js";
import { epochDay, type MonthKey } from "./calendar.js";
import { COMPONENTS, type Component, type ObjectKind, type StatementLine, type Subtotal } from "./types.js";

/**
 * A compensation input the rules cannot take. The field is the one given, else the input named at
 * the start of the message (the engine's convention: "accommodationUnits must be…", "month 2024-01 …").
 */
export class CompensationInputError extends DomainError {
  constructor(detail: string, field?: string) {
    super("INVALID_INPUT", detail, { field: field ?? /^([a-z][A-Za-z0-9]*)\b/.exec(detail)?.[1] ?? null });
    this.name = "CompensationInputError";
  }
}

/** Stable key of a parameter version in a statement's `parameters` catalogue. */
export function parameterKey(v: ParameterVersion | ParameterVersionUsed): string {
  return `${v.parameterId}@${v.regime}:${v.origin}:${v.validFrom}`;
}

/** Resolution through the default store, memoised for the duration of one build. */
export class Resolver {
  private readonly cache = new Map<string, ResolvedParameter>();
  constructor(readonly options: RegimeOptions) {}
  resolve(id: string, asOf: IsoDate): ResolvedParameter {
    const key = `${id}|${asOf}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = PARAMETERS.resolve(id, asOf, this.options);
      this.cache.set(key, hit);
    }
    return hit;
  }
  /** Like resolve, but null when the parameter has no version on that date under this regime. */
  tryResolve(id: string, asOf: IsoDate): ResolvedParameter | null {
    try {
      return this.resolve(id, asOf);
    } catch (e) {
      if (e instanceof ParameterResolutionError && /not in force/.test(e.message)) return null;
      throw e;
    }
  }
}

/**
 * Art. 13 and art. 40 §2-3 as amended by the bill "produisent leurs effets au 1er octobre 2023"
 * (art. 93bis): under BILL_8535 the bill's version of these provisions governs every day from
 * 2023-10-01, i.e. every day the law itself has been in force.
 */
export function retroactiveBillRules(options: RegimeOptions, date: IsoDate): boolean {
  return options.regime === "BILL_8535" && date >= BILL_RETROACTIVE_FROM;
}

/**
 * Art. 13 as amended by the bill applies, under BILL_8535, to every day the law has been in force
 * (art. 93bis: effects from 2023-10-01, the law's own entry into force): the regime alone decides.
 */
export function art13AsAmended(options: RegimeOptions): boolean {
  return options.regime === "BILL_8535";
}

/** Same for art. 40 §2-3 (management flat per dwelling or accommodation unit; statement contents). */
export const art40Par2And3AsAmended = art13AsAmended;

/**
 * First day (epoch day) on which a provision amended at the bill's entry into force follows the
 * bill; +Infinity under LAW. Under BILL_8535 the operator's date is required.
 */
export function billEntryDay(options: RegimeOptions, provision: string): number {
  if (options.regime === "LAW") return Number.POSITIVE_INFINITY;
  const eif = options.bill8535EntryIntoForce;
  if (eif === undefined)
    throw new ParameterResolutionError(
      provision,
      "regime BILL_8535 needs bill8535EntryIntoForce (operator setting): this provision changes at the bill's entry into force",
      "REGIME_NOT_CONFIGURED",
    );
  assertIsoDate(eif, "bill8535EntryIntoForce");
  return epochDay(eif);
}

export function nonNegative(value: DecimalInput, what: string): Decimal {
  const d = parseDecimal(value);
  if (d.isNegative()) throw new CompensationInputError(`${what} must not be negative (got ${d.toString()})`);
  return d;
}

export const ZERO: Decimal = new Dec(0);
const NO_INDICES: readonly IndexPointUsed[] = Object.freeze([]);
/** Shared empty versions for lines that cite no parameter (rents are data, not legal figures). */
export const NO_VERSIONS: readonly ParameterVersion[] = Object.freeze([]);

/** Human citation of references: "law art. 13 §2 al. 1; RGD 2024 art. 1". */
export function citeArticles(refs: readonly LegalReference[]): string {
  return formatReferences(refs);
}

export interface LineSpec {
  readonly dwellingId: string;
  readonly objectId: string;
  readonly objectKind: ObjectKind;
  readonly month: MonthKey;
  readonly component: Component;
  readonly ruleId: string;
  readonly references: readonly LegalReference[];
  readonly inputs: Readonly<Record<string, TraceValue>>;
  readonly versions: readonly ParameterVersion[];
  readonly indices?: readonly IndexPointUsed[];
  /** Unrounded signed amount. */
  readonly exact: Decimal;
  readonly interpretationNotes?: readonly string[];
}

/** Collects lines, rounding each ONCE to the cent (half-up), and the parameter versions they cite. */
export class LineCollector {
  readonly lines: StatementLine[] = [];
  readonly parameters: Record<string, ParameterVersionUsed> = {};
  readonly references: Record<string, readonly LegalReference[]> = {};
  readonly rules: Record<string, { interpretationNotes: readonly string[] }> = {};
  private readonly keyOf = new WeakMap<ParameterVersion, string>();
  private readonly articleOf = new WeakMap<readonly LegalReference[], string>();

  private readonly keyLists = new Map<string, readonly string[]>();

  add(spec: LineSpec): StatementLine {
    const fresh = spec.versions.map((v) => {
      let k = this.keyOf.get(v);
      if (k === undefined) {
        k = parameterKey(v);
        this.keyOf.set(v, k);
        if (!(k in this.parameters)) this.parameters[k] = citeVersion(v);
      }
      return k;
    });
    // Lines citing the same versions share one (frozen) key list: a 5,000-dwelling statement has ~240k lines.
    const joined = fresh.join(" ");
    let keys = this.keyLists.get(joined);
    if (keys === undefined) {
      keys = Object.freeze(fresh);
      this.keyLists.set(joined, keys);
    }
    let article = this.articleOf.get(spec.references);
    if (article === undefined) {
      article = citeArticles(spec.references);
      this.articleOf.set(spec.references, article);
      if (!(article in this.references)) this.references[article] = spec.references;
    }
    if (!(spec.ruleId in this.rules)) this.rules[spec.ruleId] = { interpretationNotes: spec.interpretationNotes ?? [] };
    const rounded = spec.exact.decimalPlaces() <= 2 ? spec.exact : roundMoney(spec.exact);
    const line: StatementLine = {
      lineId: `${spec.objectId}|${spec.month}|${spec.component}`,
      dwellingId: spec.dwellingId,
      objectId: spec.objectId,
      objectKind: spec.objectKind,
      month: spec.month,
      component: spec.component,
      ruleId: spec.ruleId,
      article,
      inputs: spec.inputs,
      parameterVersions: keys,
      indices: spec.indices ?? NO_INDICES,
      exactAmount: spec.exact.toString(),
      amount: rounded.isZero() ? "0.00" : rounded.toFixed(2), // never "-0.00"
    };
    this.lines.push(line);
    return line;
  }
}

/** "-123.45" → -12345n: line amounts are exact cents, summed as BigInt (exact, and no Decimal allocation per addition). */
export function toCents(amount: string): bigint {
  const dot = amount.length - 3;
  if (amount[dot] !== ".") throw new CompensationInputError(`not a two-decimal amount: ${amount}`);
  return BigInt(amount.slice(0, dot) + amount.slice(dot + 1));
}

/** 12345n → "123.45", -5n → "-0.05". */
export function fromCents(cents: bigint): string {
  const neg = cents < 0n;
  const abs = (neg ? -cents : cents).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** Sum of rounded line amounts (strings), exact. */
export function sumAmounts(amounts: Iterable<string>): string {
  let total = 0n;
  for (const a of amounts) total += toCents(a);
  return fromCents(total);
}

/** Subtotals per dwelling (input order) and per component (COMPONENTS order), and the total — all exact sums of rounded lines. */
export function assemble(
  lines: readonly StatementLine[],
  dwellingOrder: readonly string[],
): { byDwelling: Subtotal[]; byComponent: Subtotal[]; total: string } {
  const dw = new Map<string, { amount: bigint; lines: number }>(dwellingOrder.map((id) => [id, { amount: 0n, lines: 0 }]));
  const comp = new Map<string, { amount: bigint; lines: number }>();
  let total = 0n;
  for (const l of lines) {
    const value = toCents(l.amount);
    const d = dw.get(l.dwellingId) ?? { amount: 0n, lines: 0 };
    d.amount += value;
    d.lines += 1;
    dw.set(l.dwellingId, d);
    const c = comp.get(l.component) ?? { amount: 0n, lines: 0 };
    c.amount += value;
    c.lines += 1;
    comp.set(l.component, c);
    total += value;
  }
  return {
    byDwelling: [...dw].map(([key, v]) => ({ key, amount: fromCents(v.amount), lines: v.lines })),
    byComponent: COMPONENTS.filter((c) => comp.has(c)).map((key) => ({ key, amount: fromCents(comp.get(key)!.amount), lines: comp.get(key)!.lines })),
    total: fromCents(total),
  };
}
