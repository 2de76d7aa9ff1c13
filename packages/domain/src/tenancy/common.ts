/**
 * Shared helpers of the tenancy engine: calendar arithmetic on ISO dates (UTC), parameter
 * resolution that knows when a provision is not in force (bill-only provisions under the law),
 * and a small trace builder. Whole numbers here are day/month counts and ages, never money.
 */
import { DomainError } from "../law/errors.js";
import type { Decimal } from "decimal.js";
import { formatReference } from "../law/references.js";
import { parseDecimal } from "../money/decimal.js";
import { addDays, addMonths, addYears, assertIsoDate, inPeriod } from "../law/calendar.js";
import { PARAMETERS } from "../parameters/registry.js";
import type { ResolvedParameter } from "../parameters/store.js";
import { ParameterResolutionError } from "../parameters/timeline.js";
import { citeVersion, type ComputationTrace, type ParameterVersionUsed, type TraceValue } from "../parameters/trace.js";
import type { IndexPointUsed } from "../parameters/indices/types.js";
import type { IsoDate, LegalReference, ParameterVersion, RegimeOptions } from "../parameters/types.js";

export type { IsoDate };

/** A date computation or input is invalid for the rule (e.g. a schedule beyond the two-year limit). */
export class TenancyRuleError extends DomainError {
  constructor(
    readonly ruleId: string,
    readonly reference: LegalReference,
    detail: string,
  ) {
    super("RULE_VIOLATION", `${ruleId} (${formatReference(reference)}): ${detail}`, { article: reference, subject: ruleId });
    this.name = "TenancyRuleError";
  }
}

export { billRef, formatReference, lawRef } from "../law/references.js";

// ---------------------------------------------------------------------------------------------
// Calendar: the kernel's (interpretation notes `tenancy-month-arithmetic`, `leap-day-anniversary`)

export { addDays, addMonths, addYears, ageOn, birthday, firstDayOfNextMonth, maxDate, minDate } from "../law/calendar.js";

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

export { billInForce } from "../law/regime.js";

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
