/** The ends a lease may have (law art. 69-70, bill art. 42) from the facts recorded on it (`Lease.endFacts`), as the domain's `leaseEnd` reads them. */
import { ParameterResolutionError, leaseEnd, type EndFacts, type LeaseEnd, type RegimeOptions } from "@abordable/domain";
import { iso, parameterReference } from "./common.js";
import { type LeaseCore, type Member, categoryOf } from "./facts.js";

// ───────────── ends of lease (art. 69-70) ─────────────

/** Lease.endFacts: the facts recorded for the ends of a lease (all optional, dates YYYY-MM-DD). */
export interface StoredEndFacts {
  jobEndedOn?: string;
  employerNeedsDwelling?: boolean;
  economicDismissal?: boolean;
  supportEndedOn?: string;
  enrolmentEndedOn?: string;
  sharesTransferredOn?: string;
  eligibilityLostTenantNoticeOn?: string;
  eligibilityLostLandlordFindingOn?: string;
  unpaidRentFormalNoticeOn?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day (2026-02-30 is not). */
export const isCalendarDate = (v: string): boolean =>
  DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** The stored end-fact fields: dates, then flags. */
export const END_FACT_DATES = [
  "jobEndedOn",
  "supportEndedOn",
  "enrolmentEndedOn",
  "sharesTransferredOn",
  "eligibilityLostTenantNoticeOn",
  "eligibilityLostLandlordFindingOn",
  "unpaidRentFormalNoticeOn",
] as const;
export const END_FACT_FLAGS = ["employerNeedsDwelling", "economicDismissal"] as const;

export function storedEndFactsOf(json: unknown): StoredEndFacts {
  if (typeof json !== "object" || json === null) return {};
  const o = json as Record<string, unknown>;
  const out: Record<string, string | boolean> = {};
  for (const k of END_FACT_DATES) {
    const v = o[k];
    if (typeof v === "string" && isCalendarDate(v)) out[k] = v;
  }
  for (const k of END_FACT_FLAGS) if (typeof o[k] === "boolean") out[k] = o[k];
  return out as StoredEndFacts;
}

/**
 * The grounds the stored facts open: the dedicated categories' own (32nd birthday of a young
 * tenant, reserve window from the start of the lease) and those recorded in Lease.endFacts.
 */
export function endFactsOf(
  lease: Pick<LeaseCore, "startsOn" | "endFacts">,
  dwelling: { dedicatedSubCategory: string | null },
  members: readonly Member[],
): EndFacts[] {
  const category = categoryOf(dwelling);
  const f = storedEndFactsOf(lease.endFacts);
  const out: EndFacts[] = [];
  const applicant = members.find((m) => m.role === "APPLICANT");
  if (category === "YOUNG" && applicant) out.push({ ground: "YOUNG_TENANT_AGE", category, tenantBirthDate: iso(applicant.birthDate) });
  if (category === "RESERVE") out.push({ ground: "RESERVE_FIRST_OCCUPATION", category, firstOccupiedOn: iso(lease.startsOn) });
  if (f.jobEndedOn)
    out.push({
      ground: "EMPLOYEE_JOB_END",
      category,
      jobEndedOn: f.jobEndedOn,
      employerNeedsDwelling: f.employerNeedsDwelling ?? false,
      economicDismissal: f.economicDismissal ?? false,
    });
  if (f.supportEndedOn) out.push({ ground: "CLOSE_SUPPORT_END", category, supportEndedOn: f.supportEndedOn });
  if (f.enrolmentEndedOn) out.push({ ground: "STUDENT_ENROLMENT_END", category, enrolmentEndedOn: f.enrolmentEndedOn });
  if (f.sharesTransferredOn) out.push({ ground: "COOPERATIVE_SHARES_TRANSFERRED", category, sharesTransferredOn: f.sharesTransferredOn });
  if (f.eligibilityLostTenantNoticeOn) out.push({ ground: "ELIGIBILITY_LOST_TENANT_NOTICE", notifiedOn: f.eligibilityLostTenantNoticeOn });
  if (f.eligibilityLostLandlordFindingOn) out.push({ ground: "ELIGIBILITY_LOST_LANDLORD_FINDING", findingNotifiedOn: f.eligibilityLostLandlordFindingOn });
  if (f.unpaidRentFormalNoticeOn) out.push({ ground: "UNPAID_RENT", formalNoticeOn: f.unpaidRentFormalNoticeOn });
  return out;
}

/** An end option; `computable: false` when the engine could not evaluate the ground on its facts. */
export type LeaseEndOption = LeaseEnd & { readonly computable?: boolean };

/** The parameter that dates each ground: its article is cited when the end cannot be computed. */
const END_PARAMETER: Record<EndFacts["ground"], string> = {
  YOUNG_TENANT_AGE: "tenancy.termination.youngTenantAge",
  RESERVE_FIRST_OCCUPATION: "tenancy.termination.reserveFirstOccupationMonths",
  EMPLOYEE_JOB_END: "tenancy.termination.employeeAfterJobEndMonths",
  CLOSE_SUPPORT_END: "tenancy.termination.closeSupportEndMonths",
  STUDENT_ENROLMENT_END: "tenancy.termination.studentEnrolmentEndMonths",
  COOPERATIVE_SHARES_TRANSFERRED: "tenancy.termination.cooperativeShareTransferMonths",
  ELIGIBILITY_LOST_TENANT_NOTICE: "tenancy.termination.eligibilityLossAfterTenantNoticeMonths",
  ELIGIBILITY_LOST_LANDLORD_FINDING: "tenancy.termination.eligibilityLossAfterLandlordFindingMonths",
  UNPAID_RENT: "tenancy.termination.unpaidRentAfterFormalNotice",
  SERIOUS_GROUNDS: "tenancy.termination.seriousGroundsNoticeDays",
  DEATH: "tenancy.death.leaseEndMonths",
};

/** The date a ground's facts start from (for citing the parameter version of that day). */
function factDate(f: EndFacts, asOf: string): string {
  switch (f.ground) {
    case "ELIGIBILITY_LOST_TENANT_NOTICE":
      return f.notifiedOn;
    case "ELIGIBILITY_LOST_LANDLORD_FINDING":
      return f.findingNotifiedOn;
    case "UNPAID_RENT":
      return f.formalNoticeOn;
    case "EMPLOYEE_JOB_END":
      return f.jobEndedOn;
    case "CLOSE_SUPPORT_END":
      return f.supportEndedOn;
    case "STUDENT_ENROLMENT_END":
      return f.enrolmentEndedOn;
    case "COOPERATIVE_SHARES_TRANSFERRED":
      return f.sharesTransferredOn;
    case "RESERVE_FIRST_OCCUPATION":
      return f.firstOccupiedOn;
    case "SERIOUS_GROUNDS":
      return f.notifiedOn;
    case "DEATH":
      return f.diedOn;
    case "YOUNG_TENANT_AGE":
      return asOf;
  }
}

/**
 * Each ground's end. A ground the engine cannot evaluate (e.g. a fact dated before the law, when
 * no parameter version exists on that day) is reported, not skipped: unavailable, `computable:
 * false`, the reason, and the article of the parameter it needed.
 */
export function endOptionsOf(facts: readonly EndFacts[], asOf: string, options: RegimeOptions): LeaseEndOption[] {
  const out: LeaseEndOption[] = [];
  for (const f of facts) {
    try {
      out.push({ ...leaseEnd(f, asOf, options), computable: true });
    } catch (error) {
      const own = END_PARAMETER[f.ground];
      const failing = error instanceof ParameterResolutionError ? error.parameterId : own;
      const reference = parameterReference(failing, factDate(f, asOf), options) ?? parameterReference(own, factDate(f, asOf), options)!;
      out.push({
        ground: f.ground,
        available: false,
        computable: false,
        reasonUnavailable: `cannot be computed on the recorded facts: ${error instanceof Error ? error.message : String(error)}`,
        ofRight: false,
        endsOn: null,
        occupancyTitleLostOn: null,
        reference,
        parameters: [],
        interpretationNotes: [],
      });
    }
  }
  return out;
}

export function earliestEnd(ends: readonly LeaseEnd[]): LeaseEnd | null {
  let best: LeaseEnd | null = null;
  for (const e of ends) if (e.available && e.endsOn && (!best || e.endsOn < best.endsOn!)) best = e;
  return best;
}
