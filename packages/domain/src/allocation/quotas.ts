/**
 * Free-choice quotas — law art. 53 al. 3 (bill art. 30 2°): a social landlord managing more than a
 * number of affordable rental dwellings (art. 11) may allocate up to a share of its dwellings by
 * choosing among candidates meeting only art. 55 §1 and art. 58 (§1) al. 1 1°.
 *   law:  > 200 → 10 %, > 500 → 25 %
 *   bill: > 100 → 10 %, > 200 → 15 %, > 500 → 25 %, > 750 → 50 %
 * The share is read against the year's allocations including the one being decided
 * (reading `quota-share-of-year`): one more free-choice allocation is allowed when
 * (free-choice so far + 1) ≤ share × (allocations so far + 1).
 */
import type { Decimal } from "decimal.js";
import { Dec, parseDecimal } from "../money/decimal.js";
import { lookupBracket } from "../parameters/tables.js";
import type { IsoDate, ParameterVersionUsed, RegimeOptions } from "../parameters/index.js";
import { cite, type Citation, lawReader } from "./law.js";

export interface FreeChoiceInput extends RegimeOptions {
  readonly asOf: IsoDate;
  /** Affordable rental dwellings (art. 11) the landlord manages. */
  readonly managedDwellings: number;
  /** Allocations made this year so far (all procedures). */
  readonly allocationsThisYear: number;
  /** Of which free-choice allocations. */
  readonly freeChoiceThisYear: number;
}

export interface FreeChoiceAnswer {
  readonly allowed: boolean;
  readonly quotaPercent: Decimal;
  /** The threshold bracket applied, as worded in the text (« plus de 200 logements »). */
  readonly bracketLabel: string | null;
  /** Free-choice allocations allowed with one more allocation this year: floor(share × (allocations + 1)). */
  readonly maxWithNext: number;
  readonly reason: string;
  readonly citation: Citation;
  readonly parameter: ParameterVersionUsed;
}

export function freeChoiceAllowance(input: FreeChoiceInput): FreeChoiceAnswer {
  for (const [k, v] of Object.entries({
    managedDwellings: input.managedDwellings,
    allocationsThisYear: input.allocationsThisYear,
    freeChoiceThisYear: input.freeChoiceThisYear,
  }))
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${k} must be a non-negative integer`);
  if (input.freeChoiceThisYear > input.allocationsThisYear) throw new RangeError("free-choice allocations cannot exceed the year's allocations");
  const law = lawReader(input);
  const { value, version } = law.raw("allocation.freeChoiceQuota", input.asOf);
  if (typeof value === "string" || value.kind !== "brackets") throw new TypeError("allocation.freeChoiceQuota is a bracket scale");
  const bracket = lookupBracket(value, String(input.managedDwellings));
  const pct = parseDecimal(bracket.value);
  const maxWithNext = Number(
    pct
      .times(input.allocationsThisYear + 1)
      .dividedBy(100)
      .floor()
      .toFixed(0),
  );
  const allowed = new Dec(input.freeChoiceThisYear + 1).times(100).lessThanOrEqualTo(pct.times(input.allocationsThisYear + 1));
  const citation =
    version.origin === "BILL_8535"
      ? cite("BILL_8535", "30", "art. 53 al. 3 as amended: >100 10 %, >200 15 %, >500 25 %, >750 50 %", { point: "2°" })
      : cite("LAW_2023", "53", "free choice: >200 10 %, >500 25 %", { alinea: "3" });
  const reason = pct.isZero()
    ? `a landlord managing ${input.managedDwellings} affordable dwellings is under the lowest threshold: no free-choice allocation`
    : allowed
      ? `${input.managedDwellings} dwellings (${bracket.label ?? ""}): up to ${pct.toFixed()} %; ${input.freeChoiceThisYear + 1} of ${input.allocationsThisYear + 1} allocations this year would be free choice`
      : `${input.managedDwellings} dwellings (${bracket.label ?? ""}): up to ${pct.toFixed()} %; ${input.freeChoiceThisYear + 1} of ${input.allocationsThisYear + 1} would exceed it (max ${maxWithNext})`;
  return { allowed, quotaPercent: pct, bracketLabel: bracket.label ?? null, maxWithNext, reason, citation, parameter: version };
}
