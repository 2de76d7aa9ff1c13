/**
 * Rent setting and revision — law art. 61-62 (unchanged by bill 8535).
 * - art. 61: the rent is computed at allocation;
 * - art. 62 §1: revised yearly, unless the rent has applied for less than three months; applies from
 *   notification; the tenant answers information requests within two months, failing which a flat
 *   rent up to the annex III cap may be asked; revision within a month of the complete information;
 * - art. 62 §2: within a month of receiving information on a household change or an income change of
 *   at least 5 % (either way), applying from the first day of the month after that month;
 * - art. 62 §3: increases the tenant failed to report may be claimed back at the next yearly revision.
 */
import type { Decimal } from "decimal.js";
import { parseDecimal, type DecimalInput } from "../money/decimal.js";
import type { ParameterVersionUsed } from "../parameters/trace.js";
import { citeVersion } from "../parameters/trace.js";
import { PARAMETERS } from "../parameters/registry.js";
import type { IsoDate, LegalReference, RegimeOptions } from "../parameters/types.js";
import { addDays, addMonths, decimalValue, firstDayOfNextMonth, fraction, lawRef, resolveRequired, wholeValue } from "./common.js";
import { grossRentCapMonthly, type RentHouseholdType, type TenancyOptions } from "./rent.js";

export type RentSettingKind = "ALLOCATION" | "ANNUAL" | "EVENT" | "FLAT" | "AFTER_INFORMATION";

/** A rent set on the lease: the allocation rent (art. 61) and each revision. */
export interface RentSetting {
  readonly effectiveFrom: IsoDate;
  readonly kind: RentSettingKind;
  /** The annual net disposable income the rent was computed from (art. 62 §2: « revenu pris en considération »). */
  readonly annualIncome: DecimalInput;
}

export interface RevisionLease {
  readonly id: string;
  /** Rent settings in date order; the first is the allocation rent (art. 61). */
  readonly rentSettings: readonly RentSetting[];
  /** Needed to state the flat-rent ceiling of art. 62 §1 al. 3. */
  readonly household?: RentHouseholdType;
}

export type RevisionEvent =
  | { readonly kind: "HOUSEHOLD_CHANGE"; readonly receivedOn: IsoDate; readonly occurredOn?: IsoDate; readonly handledOn?: IsoDate }
  | {
      readonly kind: "INCOME_CHANGE";
      readonly receivedOn: IsoDate;
      readonly newAnnualIncome: DecimalInput;
      readonly occurredOn?: IsoDate;
      readonly handledOn?: IsoDate;
    }
  | { readonly kind: "INFORMATION_REQUEST"; readonly requestedOn: IsoDate; readonly answeredOn?: IsoDate; readonly handledOn?: IsoDate };

export type RevisionReason = "ANNUAL" | "HOUSEHOLD_CHANGE" | "INCOME_CHANGE" | "FLAT_RENT_ALLOWED" | "AFTER_INFORMATION";

export interface DueRevision {
  readonly leaseId: string;
  readonly reason: RevisionReason;
  /** The day the obligation (or option) arose. */
  readonly triggeredOn: IsoDate;
  /** Last day for the landlord to revise (null: no time limit, e.g. the flat-rent option). */
  readonly dueBy: IsoDate | null;
  /** When the revised rent applies; null when it applies from its notification (yearly revision). */
  readonly effectiveFrom: IsoDate | null;
  readonly reference: LegalReference;
  readonly detail: string;
  /** Income change as a fraction (e.g. "0.05"), for INCOME_CHANGE. */
  readonly incomeChange?: string;
  /** Art. 62 §3: increases may be claimed back to this date at the next yearly revision. */
  readonly retroactiveClaimFrom?: IsoDate;
  /** Art. 62 §1 al. 3: the monthly flat rent may not exceed this (unrounded decimal string). */
  readonly flatRentCeilingMonthly?: string;
  readonly parameters: readonly ParameterVersionUsed[];
  readonly interpretationNotes: readonly string[];
}

function settingOn(lease: RevisionLease, date: IsoDate): RentSetting {
  if (lease.rentSettings.length === 0) throw new RangeError(`lease ${lease.id}: no rent set (art. 61: the rent is computed at allocation)`);
  let current = lease.rentSettings[0]!;
  for (const r of lease.rentSettings) if (r.effectiveFrom <= date) current = r;
  return current;
}

/** Art. 62 §2 2°-3°: does an income change trigger a revision? Exact decimals, 5 % inclusive (note `revision-five-percent`). */
export function incomeChangeTriggersRevision(
  previousAnnualIncome: DecimalInput,
  newAnnualIncome: DecimalInput,
  asOf: IsoDate,
  options: RegimeOptions,
): { triggers: boolean; change: Decimal; threshold: Decimal; parameters: ParameterVersionUsed[] } {
  const p = resolveRequired("rent.revision.incomeChangeThreshold", asOf, options);
  const threshold = fraction(decimalValue(p));
  const oldIncome = parseDecimal(previousAnnualIncome);
  const change = oldIncome.isZero()
    ? parseDecimal(newAnnualIncome).isZero()
      ? oldIncome
      : parseDecimal("1")
    : parseDecimal(newAnnualIncome).minus(oldIncome).dividedBy(oldIncome);
  return { triggers: change.abs().greaterThanOrEqualTo(threshold), change, threshold, parameters: [citeVersion(p.version)] };
}

/**
 * The yearly revision dates (art. 62 §1 al. 1) after the last yearly (or allocation) setting, skipping
 * a year when the rent in force is under three months old (note `revision-annual-cycle`); a rent set
 * before the rule applied keeps its anniversary (note `revision-pre-law-lease`). Returns the
 * first such date strictly after `after` (or the first one at all when `after` is null).
 */
export function nextAnnualRevision(
  lease: RevisionLease,
  after: IsoDate | null,
  options: RegimeOptions,
): { date: IsoDate; skipped: IsoDate[]; parameters: ParameterVersionUsed[] } {
  const anchors = lease.rentSettings.filter((r) => r.kind === "ALLOCATION" || r.kind === "ANNUAL");
  const anchor = anchors[anchors.length - 1] ?? lease.rentSettings[0];
  if (!anchor) throw new RangeError(`lease ${lease.id}: no rent set`);
  const skipped: IsoDate[] = [];
  const used = new Map<string, ParameterVersionUsed>();
  // A rent set before the yearly revision applied at all (note `revision-pre-law-lease`): the cycle
  // keeps its anniversary, and the first revision is the first anniversary on or after that date.
  const ruleFrom = PARAMETERS.span("rent.revision.intervalMonths", options)?.from;
  const lookupOn = ruleFrom !== undefined && anchor.effectiveFrom < ruleFrom ? ruleFrom : anchor.effectiveFrom;
  for (let n = 1; n < 1000; n += 1) {
    const interval = resolveRequired("rent.revision.intervalMonths", lookupOn, options);
    used.set(interval.id, citeVersion(interval.version));
    const date = addMonths(anchor.effectiveFrom, wholeValue(interval) * n);
    if (ruleFrom !== undefined && date < ruleFrom) continue;
    const minAge = resolveRequired("rent.revision.minRentAgeMonths", date, options);
    used.set(minAge.id, citeVersion(minAge.version));
    const inForce = settingOn(lease, date);
    if (date < addMonths(inForce.effectiveFrom, wholeValue(minAge))) {
      skipped.push(date);
      continue;
    }
    if (after === null || date > after) return { date, skipped, parameters: [...used.values()] };
  }
  throw new RangeError("no yearly revision found");
}

/**
 * Art. 61-62: the revisions due on `asOf` — triggered on or before `asOf` and not yet handled — with
 * their time limits and the date the revised rent applies.
 */
export function revisionDue(lease: RevisionLease, events: readonly RevisionEvent[], asOf: IsoDate, options: TenancyOptions): DueRevision[] {
  const out: DueRevision[] = [];

  // Yearly revision: the first cycle date on or before asOf that no yearly setting covers yet.
  const annual = nextAnnualRevision(lease, null, options);
  if (annual.date <= asOf) {
    out.push({
      leaseId: lease.id,
      reason: "ANNUAL",
      triggeredOn: annual.date,
      dueBy: annual.date,
      effectiveFrom: null,
      reference: lawRef("62", { paragraph: "1", alinea: "1" }),
      detail: `yearly revision due on ${annual.date}${annual.skipped.length ? ` (skipped ${annual.skipped.join(", ")}: rent under three months old)` : ""}; the revised rent applies from its notification (art. 62 §1 al. 2)`,
      parameters: annual.parameters,
      interpretationNotes: ["revision-annual-cycle", "tenancy-month-arithmetic"],
    });
  }

  for (const e of events) {
    if (e.handledOn !== undefined && e.handledOn <= asOf) continue;
    if (e.kind === "INFORMATION_REQUEST") {
      if (e.requestedOn > asOf) continue;
      const resp = resolveRequired("rent.revision.tenantResponseMonths", e.requestedOn, options);
      const answerBy = addMonths(e.requestedOn, wholeValue(resp));
      const answeredInTime = e.answeredOn !== undefined && e.answeredOn <= answerBy;
      if (answeredInTime) continue;
      if (e.answeredOn !== undefined && e.answeredOn <= asOf) {
        // Information provided while the flat rent applies (art. 62 §1 al. 4).
        const within = resolveRequired("rent.revision.afterFlatRentInfoMonths", e.answeredOn, options);
        out.push({
          leaseId: lease.id,
          reason: "AFTER_INFORMATION",
          triggeredOn: e.answeredOn,
          dueBy: addMonths(e.answeredOn, wholeValue(within)),
          effectiveFrom: null,
          reference: lawRef("62", { paragraph: "1", alinea: "4" }),
          detail: `complete information received on ${e.answeredOn} after the flat rent: revise within the month`,
          parameters: [citeVersion(resp.version), citeVersion(within.version)],
          interpretationNotes: ["revision-flat-rent", "tenancy-month-arithmetic"],
        });
        continue;
      }
      if (asOf <= answerBy) continue;
      const from = addDays(answerBy, 1);
      let ceiling: string | undefined;
      const params = [citeVersion(resp.version)];
      if (lease.household) {
        const cap = grossRentCapMonthly(lease.household, from, options);
        ceiling = cap.monthly.toString();
        params.push(...cap.versions.map(citeVersion));
      }
      out.push({
        leaseId: lease.id,
        reason: "FLAT_RENT_ALLOWED",
        triggeredOn: from,
        dueBy: null,
        effectiveFrom: from,
        reference: lawRef("62", { paragraph: "1", alinea: "3" }),
        detail: `no answer to the request of ${e.requestedOn} by ${answerBy}: a flat rent up to the annex III cap may be asked`,
        ...(ceiling !== undefined ? { flatRentCeilingMonthly: ceiling } : {}),
        parameters: params,
        interpretationNotes: ["revision-flat-rent", "tenancy-month-arithmetic"],
      });
      continue;
    }

    if (e.receivedOn > asOf) continue;
    const delay = resolveRequired("rent.revision.landlordDelayMonths", e.receivedOn, options);
    const dueBy = addMonths(e.receivedOn, wholeValue(delay));
    const effectiveFrom = firstDayOfNextMonth(dueBy);
    const late = e.occurredOn !== undefined && e.occurredOn < e.receivedOn ? e.occurredOn : undefined;
    if (e.kind === "HOUSEHOLD_CHANGE") {
      out.push({
        leaseId: lease.id,
        reason: "HOUSEHOLD_CHANGE",
        triggeredOn: e.receivedOn,
        dueBy,
        effectiveFrom,
        reference: lawRef("62", { paragraph: "2", alinea: "1", point: "1°" }),
        detail: `household change received on ${e.receivedOn}: revise by ${dueBy}, applies from ${effectiveFrom}`,
        ...(late ? { retroactiveClaimFrom: late } : {}),
        parameters: [citeVersion(delay.version)],
        interpretationNotes: ["revision-effective-date", "tenancy-month-arithmetic", ...(late ? ["revision-retroactive-claim"] : [])],
      });
    } else {
      const current = settingOn(lease, e.receivedOn);
      const t = incomeChangeTriggersRevision(current.annualIncome, e.newAnnualIncome, e.receivedOn, options);
      if (!t.triggers) continue;
      const increase = t.change.isPositive() && !t.change.isZero();
      out.push({
        leaseId: lease.id,
        reason: "INCOME_CHANGE",
        triggeredOn: e.receivedOn,
        dueBy,
        effectiveFrom,
        reference: lawRef("62", { paragraph: "2", alinea: "1", point: increase ? "3°" : "2°" }),
        detail: `income ${increase ? "increase" : "decrease"} of ${t.change.times(100).toString()} % received on ${e.receivedOn}: revise by ${dueBy}, applies from ${effectiveFrom}`,
        incomeChange: t.change.toString(),
        ...(late && increase ? { retroactiveClaimFrom: late } : {}),
        parameters: [citeVersion(delay.version), ...t.parameters],
        interpretationNotes: [
          "revision-five-percent",
          "revision-effective-date",
          "tenancy-month-arithmetic",
          ...(late && increase ? ["revision-retroactive-claim"] : []),
        ],
      });
    }
  }
  return out.sort((a, b) => (a.triggeredOn < b.triggeredOn ? -1 : a.triggeredOn > b.triggeredOn ? 1 : 0));
}
