/**
 * Small helpers over the parameter store for the allocation engine: every figure or regime switch
 * is read from the store (never a literal here) and the version used is kept for the trace.
 */
import type { Decimal } from "decimal.js";
import { resolveParameter } from "../parameters/registry.js";
import { decimalOf } from "../parameters/store.js";
import { citeVersion, type ParameterVersionUsed } from "../parameters/trace.js";
import type { IsoDate, LegalReference, ParameterValue, RegimeOptions } from "../parameters/types.js";

/** Collects the parameter versions a computation used (deduplicated by id + validFrom). */
export class ParameterLog {
  private readonly seen = new Map<string, ParameterVersionUsed>();
  add(v: ParameterVersionUsed): void {
    const key = `${v.parameterId}@${v.validFrom}`;
    if (!this.seen.has(key)) this.seen.set(key, v);
  }
  list(): ParameterVersionUsed[] {
    return [...this.seen.values()];
  }
}

export interface LawReader {
  readonly options: RegimeOptions;
  readonly log: ParameterLog;
  decimal(id: string, asOf: IsoDate): Decimal;
  /** A whole-number parameter (COUNT, YEARS, MONTHS, DAYS) as a JS integer: counts, never money. */
  integer(id: string, asOf: IsoDate): number;
  code(id: string, asOf: IsoDate): string;
  /** Whether the parameter has a version in force (bill-only parameters have none before entry into force). */
  inForce(id: string, asOf: IsoDate): boolean;
  raw(id: string, asOf: IsoDate): { value: ParameterValue; reference: LegalReference; version: ParameterVersionUsed };
}

/**
 * A reader over the default parameter store for one regime. Results are memoised per (id, date), so
 * ranking tens of thousands of candidates resolves each parameter once.
 */
export function lawReader(options: RegimeOptions, log: ParameterLog = new ParameterLog()): LawReader {
  type Entry = { value: ParameterValue; reference: LegalReference; version: ParameterVersionUsed; resolved: ReturnType<typeof resolveParameter> };
  const cache = new Map<string, Map<IsoDate, Entry>>();
  const raw = (id: string, asOf: IsoDate) => {
    let byDate = cache.get(id);
    if (!byDate) cache.set(id, (byDate = new Map()));
    const hit = byDate.get(asOf);
    if (hit) return hit;
    const r = resolveParameter(id, asOf, options);
    const used = citeVersion(r.version);
    log.add(used);
    const entry: Entry = { value: r.value, reference: r.version.reference, version: used, resolved: r };
    byDate.set(asOf, entry);
    return entry;
  };
  const ints = new Map<string, Map<IsoDate, number>>();
  const inForceCache = new Map<string, Map<IsoDate, boolean>>();
  const memo = <T>(m: Map<string, Map<IsoDate, T>>, id: string, asOf: IsoDate, f: () => T): T => {
    let byDate = m.get(id);
    if (!byDate) m.set(id, (byDate = new Map()));
    const hit = byDate.get(asOf);
    if (hit !== undefined) return hit;
    const v = f();
    byDate.set(asOf, v);
    return v;
  };
  return {
    options,
    log,
    decimal: (id, asOf) => decimalOf(raw(id, asOf).resolved),
    integer(id, asOf) {
      return memo(ints, id, asOf, () => {
        const d = decimalOf(raw(id, asOf).resolved);
        if (!d.isInteger()) throw new RangeError(`${id} is not a whole number`);
        return Number(d.toFixed(0));
      });
    },
    code(id, asOf) {
      const v = raw(id, asOf).value;
      if (typeof v === "string" || v.kind !== "code") throw new TypeError(`${id} is not a CODE parameter`);
      return v.code;
    },
    inForce(id, asOf) {
      return memo(inForceCache, id, asOf, () => {
        try {
          raw(id, asOf);
          return true;
        } catch (e) {
          if (e instanceof Error && /not in force/.test(e.message)) return false;
          throw e;
        }
      });
    },
    raw: (id, asOf) => {
      const r = raw(id, asOf);
      return { value: r.value, reference: r.reference, version: r.version };
    },
  };
}

/** A legal citation in a result: the text, its article, and a short human label. */
export interface Citation {
  readonly text: LegalReference["text"];
  readonly article: string;
  readonly paragraph?: string;
  readonly alinea?: string;
  readonly point?: string;
  readonly label: string;
}

export function cite(text: LegalReference["text"], article: string, label: string, detail: Omit<Citation, "text" | "article" | "label"> = {}): Citation {
  return { text, article, label, ...detail };
}
