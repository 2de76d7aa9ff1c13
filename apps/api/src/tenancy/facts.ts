/**
 * From stored rows to the domain engine's facts: rent settings (art. 61-62), the deposit account
 * and its exit (bill art. 63bis), rehousing files (art. 67), the ends a lease may have (art. 69-70)
 * and every deadline of a lease in a window. Pure mapping: nothing here queries the database, so a
 * page of leases loaded with `FACTS_INCLUDE` costs a fixed number of SQL statements.
 */
import {
  Dec,
  ParameterResolutionError,
  depositExitStatement,
  leaseDeadlines,
  leaseEnd,
  roundMoney,
  type DepositAccount,
  type DepositExit,
  type EndFacts,
  type LeaseDeadlineKind,
  type LeaseDeadlineWindow,
  type LeaseEnd,
  type LeaseFacts,
  type LegalReference,
  type RegimeOptions,
  type RehousingCase,
  type RehousingFile,
  type RentSetting,
  type RentSettingKind,
  type RevisionEvent,
  type RevisionLease,
  type TenancyDwellingCategory,
  type TenancyOccupancyFacts,
} from "@abordable/domain";
import type { Prisma } from "../generated/prisma/client.js";
import { iso, parameterReference } from "./common.js";
import { isRentRecord } from "./rent.js";
import { RENT_HISTORY_ORDER, rentOn, type RentRevisionRow } from "./rent-history.js";

/** Information requests (art. 62 §1 al. 3) in the order the engine reads them. */
export const INFORMATION_REQUEST_ORDER = [{ requestedOn: "asc" as const }, { createdAt: "asc" as const }];

/** Everything the tenancy rules read about a lease: one findMany with these includes is a fixed number of statements. */
export const FACTS_INCLUDE = {
  dwelling: true,
  accommodationUnit: true,
  household: { include: { members: true } },
  revisions: { orderBy: RENT_HISTORY_ORDER },
  rentInformationRequests: { orderBy: INFORMATION_REQUEST_ORDER },
  deposit: { include: { payments: { orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }] } } },
  inventories: true,
  rehousingCases: { include: { offers: { include: { dwelling: { select: { landlordId: true } } }, orderBy: [{ noticeOn: "asc" }, { id: "asc" }] } }, orderBy: [{ knownOn: "asc" }, { id: "asc" }] },
  terminations: { orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.LeaseInclude;

export type LeaseFactsRow = Prisma.LeaseGetPayload<{ include: typeof FACTS_INCLUDE }>;

type Member = { id: string; role: string; birthDate: Date; partnerId: string | null; hasDisability: boolean };
type LeaseCore = { id: string; landlordId: string; startsOn: Date; endsOn: Date | null; status: string; monthlyRent: { toFixed(): string }; endFacts: unknown; revisions: readonly RentRevisionRow[] };

// ───────────── household ─────────────

/** The tenants (signatories): the applicant and the partner. */
export function tenantsOf(members: readonly Member[]): { id: string; birthDate: string }[] {
  return members.filter((m) => m.role === "APPLICANT" || m.role === "PARTNER").map((m) => ({ id: m.id, birthDate: iso(m.birthDate) }));
}

/** Couples (bill art. 3 4°bis): distinct pairs linked by partnerId. */
export function couplesOf(members: readonly Pick<Member, "id" | "partnerId">[]): number {
  const ids = new Set(members.map((m) => m.id));
  const pairs = new Set<string>();
  for (const m of members) if (m.partnerId && ids.has(m.partnerId)) pairs.add([m.id, m.partnerId].sort().join(":"));
  return pairs.size;
}

/**
 * Art. 66 facts of a lease on `asOf`: members and couples of the household, the bedrooms (a unit of
 * a shared dwelling is one bedroom), a seniors' dwelling, and the medical reason for one more
 * bedroom when documented on or before `asOf` (`medicalOverride`, when given, replaces it: what-if).
 */
export function occupancyFactsOf(
  lease: { accommodationUnitId: string | null; medicalReasonDocumentedOn: Date | null },
  dwelling: { bedrooms: number; dedicatedSubCategory: string | null },
  members: readonly Pick<Member, "id" | "partnerId">[],
  asOf: string,
  medicalOverride?: boolean | null,
): TenancyOccupancyFacts {
  return {
    members: members.length,
    couples: couplesOf(members),
    bedrooms: lease.accommodationUnitId ? 1 : dwelling.bedrooms,
    seniorDedicated: dwelling.dedicatedSubCategory === "SENIORS",
    medicalReasonDocumented: medicalOverride ?? (lease.medicalReasonDocumentedOn !== null && iso(lease.medicalReasonDocumentedOn) <= asOf),
  };
}

const CATEGORY: Record<string, TenancyDwellingCategory> = {
  INTERNATIONAL_PROTECTION: "INTERNATIONAL_PROTECTION",
  STUDENTS: "STUDENTS",
  CLOSE_SOCIAL_SUPPORT: "CLOSE_SUPPORT",
  YOUNG_PEOPLE: "YOUNG",
  SENIORS: "SENIOR",
  COOPERATIVE_MEMBERS: "COOPERATIVE_MEMBERS",
  EMPLOYEES: "EMPLOYEES",
  RESERVE: "RESERVE",
};

/** Art. 12 §3 category of the dwelling as the tenancy engine names it. */
export function categoryOf(d: { dedicatedSubCategory: string | null }): TenancyDwellingCategory {
  return d.dedicatedSubCategory ? (CATEGORY[d.dedicatedSubCategory] ?? "ALL_PUBLIC") : "ALL_PUBLIC";
}

// ───────────── rent settings (art. 61-62) ─────────────

/** RentRevision.reason values: the allocation rent (art. 61) and each revision (art. 62). */
export const RENT_SETTING_REASONS = ["ALLOCATION", "ANNUAL", "HOUSEHOLD_CHANGE", "INCOME_CHANGE", "AFTER_INFORMATION", "FLAT_RENT"] as const;
export type RentSettingReason = (typeof RENT_SETTING_REASONS)[number];

const SETTING_KIND: Record<RentSettingReason, RentSettingKind> = {
  ALLOCATION: "ALLOCATION",
  ANNUAL: "ANNUAL",
  HOUSEHOLD_CHANGE: "EVENT",
  INCOME_CHANGE: "EVENT",
  AFTER_INFORMATION: "AFTER_INFORMATION",
  FLAT_RENT: "FLAT",
};

type RevisionRow = { reason: string; effectiveFrom: Date; computation: unknown };

/** The lease's rent settings; null when the platform did not set its rent (no allocation computation recorded). */
export function revisionLeaseOf(lease: { id: string }, revisions: readonly RevisionRow[]): RevisionLease | null {
  const settings: RentSetting[] = [];
  for (const r of revisions) {
    const kind = SETTING_KIND[r.reason as RentSettingReason];
    if (!kind) continue;
    settings.push({ effectiveFrom: iso(r.effectiveFrom), kind, annualIncome: isRentRecord(r.computation) ? r.computation.annualNetDisposableIncome : "0" });
  }
  if (settings[0]?.kind !== "ALLOCATION") return null;
  return { id: lease.id, rentSettings: settings };
}

/** Recorded information requests (art. 62 §1 al. 3) as the engine's revision events. */
export function revisionEventsOf(requests: readonly { requestedOn: Date; answeredOn: Date | null }[]): RevisionEvent[] {
  return requests.map((r) => ({ kind: "INFORMATION_REQUEST" as const, requestedOn: iso(r.requestedOn), ...(r.answeredOn ? { answeredOn: iso(r.answeredOn) } : {}) }));
}

// ───────────── deposit (bill art. 63bis) ─────────────

export interface Installment {
  dueOn: string;
  amount: string;
}
export interface Withheld {
  amount: string;
  reason: string;
}

export function scheduleOf(json: unknown): Installment[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((i): i is { dueOn: string; amount: string } => typeof i === "object" && i !== null && typeof i.dueOn === "string" && (typeof i.amount === "string" || typeof i.amount === "number"))
    .map((i) => ({ dueOn: i.dueOn, amount: String(i.amount) }));
}

export function withheldOf(json: unknown): Withheld[] {
  if (!Array.isArray(json)) return [];
  return json.filter((w): w is Withheld => typeof w === "object" && w !== null && typeof w.amount === "string").map((w) => ({ amount: w.amount, reason: typeof w.reason === "string" ? w.reason : "" }));
}

type DepositRow = {
  holderId: string;
  amount: { toFixed(): string };
  schedule: unknown;
  keysReturnedOn: Date | null;
  chargeStatementsOn: Date | null;
  formalNoticeOn: Date | null;
  withheld: unknown;
  firstHalfReturnedOn: Date | null;
  balanceReturnedOn: Date | null;
  payments: readonly { paidOn: Date; amount: { toFixed(): string } }[];
};

export function depositAccountOf(lease: Pick<LeaseCore, "id" | "startsOn">, d: DepositRow): DepositAccount {
  return {
    leaseId: lease.id,
    landlordId: d.holderId,
    entryDate: iso(lease.startsOn),
    amount: d.amount.toFixed(),
    schedule: scheduleOf(d.schedule).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)),
    payments: d.payments.map((p) => ({ paidOn: iso(p.paidOn), amount: p.amount.toFixed() })),
    transfers: [],
    parameters: [],
  };
}

/**
 * The exit facts once the keys are back; null before. No co-ownership flag is stored: the
 * charge-statements date is the balance's trigger (note in the README). The « dernier loyer » is the
 * rent in force on the last day of the lease (revisions included).
 */
export function depositExitOf(lease: Pick<LeaseCore, "endsOn" | "monthlyRent" | "revisions">, d: DepositRow, inventories: readonly { kind: string; matchesEntry: boolean | null }[]): DepositExit | null {
  if (!d.keysReturnedOn) return null;
  const lastDay = iso(lease.endsOn ?? d.keysReturnedOn);
  const withheld = withheldOf(d.withheld);
  const exit = inventories.find((i) => i.kind === "EXIT");
  const deductions = withheld.reduce((s, w) => s.plus(w.amount), new Dec(0));
  return {
    leaseEndedOn: lastDay,
    keysReturnedOn: iso(d.keysReturnedOn),
    inventoriesMatch: exit?.matchesEntry === true,
    landlordClaims: withheld.length > 0,
    coOwnership: false,
    ...(d.chargeStatementsOn ? { chargeStatementsReceivedOn: iso(d.chargeStatementsOn) } : {}),
    justifiedDeductions: deductions.toFixed(),
    lastMonthlyRentPrincipal: rentOn(lease, lease.revisions, lastDay),
    ...(d.formalNoticeOn ? { formalNoticeOn: iso(d.formalNoticeOn) } : {}),
    ...(d.firstHalfReturnedOn ? { firstHalfReturnedOn: iso(d.firstHalfReturnedOn) } : {}),
    ...(d.balanceReturnedOn ? { balanceReturnedOn: iso(d.balanceReturnedOn) } : {}),
  };
}

// ───────────── rehousing (art. 67) ─────────────

type CaseRow = {
  reason: string;
  knownOn: Date;
  waivedOn: Date | null;
  waiverReason: string | null;
  offers: readonly { dwellingId: string; noticeOn: Date; outcome: string; respondedOn: Date | null; dwelling: { landlordId: string } }[];
};

/**
 * A stored case as the engine's file. A refusal recorded as REFUSED_JUSTIFIED is an offer that did
 * not fit the household (art. 67 §1 al. 2-3: typology, school and workplace): it does not count.
 */
export function rehousingFileOf(lease: Pick<LeaseCore, "id" | "landlordId">, members: readonly (Member & { hasDisability: boolean })[], c: CaseRow): RehousingFile {
  return {
    leaseId: lease.id,
    case: c.reason as RehousingCase,
    knownOn: iso(c.knownOn),
    tenants: tenantsOf(members),
    disabledMember: members.some((m) => m.hasDisability),
    ...(c.waivedOn ? { commissionWaiver: { on: iso(c.waivedOn), reasons: c.waiverReason ?? "" } } : {}),
    offers: c.offers.map((o) => ({
      dwellingId: o.dwellingId,
      notifiedOn: iso(o.noticeOn),
      stock: o.dwelling.landlordId === lease.landlordId ? ("OWN" as const) : ("OTHER_LANDLORD" as const),
      fitsHousehold: o.outcome !== "REFUSED_JUSTIFIED",
      ...(o.outcome === "ACCEPTED" && o.respondedOn ? { response: { kind: "ACCEPTED" as const, on: iso(o.respondedOn) } } : {}),
      ...(o.outcome === "REFUSED_UNJUSTIFIED" && o.respondedOn ? { response: { kind: "REFUSED" as const, on: iso(o.respondedOn) } } : {}),
    })),
  };
}

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
export const isCalendarDate = (v: string): boolean => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** The stored end-fact fields: dates, then flags. */
export const END_FACT_DATES = ["jobEndedOn", "supportEndedOn", "enrolmentEndedOn", "sharesTransferredOn", "eligibilityLostTenantNoticeOn", "eligibilityLostLandlordFindingOn", "unpaidRentFormalNoticeOn"] as const;
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
export function endFactsOf(lease: Pick<LeaseCore, "startsOn" | "endFacts">, dwelling: { dedicatedSubCategory: string | null }, members: readonly Member[]): EndFacts[] {
  const category = categoryOf(dwelling);
  const f = storedEndFactsOf(lease.endFacts);
  const out: EndFacts[] = [];
  const applicant = members.find((m) => m.role === "APPLICANT");
  if (category === "YOUNG" && applicant) out.push({ ground: "YOUNG_TENANT_AGE", category, tenantBirthDate: iso(applicant.birthDate) });
  if (category === "RESERVE") out.push({ ground: "RESERVE_FIRST_OCCUPATION", category, firstOccupiedOn: iso(lease.startsOn) });
  if (f.jobEndedOn) out.push({ ground: "EMPLOYEE_JOB_END", category, jobEndedOn: f.jobEndedOn, employerNeedsDwelling: f.employerNeedsDwelling ?? false, economicDismissal: f.economicDismissal ?? false });
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
    case "ELIGIBILITY_LOST_TENANT_NOTICE": return f.notifiedOn;
    case "ELIGIBILITY_LOST_LANDLORD_FINDING": return f.findingNotifiedOn;
    case "UNPAID_RENT": return f.formalNoticeOn;
    case "EMPLOYEE_JOB_END": return f.jobEndedOn;
    case "CLOSE_SUPPORT_END": return f.supportEndedOn;
    case "STUDENT_ENROLMENT_END": return f.enrolmentEndedOn;
    case "COOPERATIVE_SHARES_TRANSFERRED": return f.sharesTransferredOn;
    case "RESERVE_FIRST_OCCUPATION": return f.firstOccupiedOn;
    case "SERIOUS_GROUNDS": return f.notifiedOn;
    case "DEATH": return f.diedOn;
    case "YOUNG_TENANT_AGE": return asOf;
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

// ───────────── deadlines ─────────────

export type DeadlineKind = LeaseDeadlineKind | "TERMINATION_EFFECTIVE";

export interface Deadline {
  leaseId: string;
  kind: DeadlineKind;
  date: string;
  description: string;
  reference: LegalReference;
  amountDue: string | null;
}

/**
 * Every deadline of one lease in the window, from the domain's `leaseDeadlines`, one concern at a
 * time so that a concern the regime cannot evaluate (e.g. the deposit before bill 8535) drops
 * only its own deadlines. Ended leases keep their deposit deadlines only.
 */
export function deadlinesOf(lease: LeaseFactsRow, window: LeaseDeadlineWindow, options: RegimeOptions): Deadline[] {
  const active = lease.status === "ACTIVE";
  const members = lease.household.members;
  const parts: LeaseFacts[] = [];
  const revision = active ? revisionLeaseOf(lease, lease.revisions) : null;
  if (revision) parts.push({ leaseId: lease.id, revision: { lease: revision, events: revisionEventsOf(lease.rentInformationRequests) } });
  let exitAmounts: Map<string, string> | null = null;
  if (lease.deposit) {
    const account = depositAccountOf(lease, lease.deposit);
    const exit = depositExitOf(lease, lease.deposit, lease.inventories);
    parts.push({ leaseId: lease.id, deposit: { account, ...(exit ? { exit } : {}) } });
    if (exit) {
      try {
        const st = depositExitStatement(account, exit, window.from, options);
        exitAmounts = new Map(st.items.map((i) => [i.kind === "FIRST_HALF_RETURN" ? "DEPOSIT_FIRST_HALF_RETURN" : i.kind === "BALANCE_RETURN" ? "DEPOSIT_BALANCE_RETURN" : "DEPOSIT_CHARGE_STATEMENTS_REQUEST", roundMoney(i.amount.plus(i.latePenalty)).toFixed(2)]));
      } catch {
        exitAmounts = null;
      }
    }
  }
  if (active) {
    const files = lease.rehousingCases.filter((c) => !c.closedOn).map((c) => rehousingFileOf(lease, members, c));
    if (files.length > 0) parts.push({ leaseId: lease.id, rehousing: files });
    // One part per ground: a ground the engine cannot evaluate drops only its own deadline.
    for (const end of endFactsOf(lease, lease.dwelling, members)) parts.push({ leaseId: lease.id, ends: [end] });
  }
  const out: Deadline[] = [];
  for (const part of parts) {
    let found;
    try {
      found = leaseDeadlines(part, window, options);
    } catch {
      continue;
    }
    for (const d of found) {
      let amountDue: string | null = null;
      if (d.kind === "DEPOSIT_INSTALLMENT") amountDue = /of ([\d.]+) EUR/.exec(d.description)?.[1] ?? null;
      else if (exitAmounts?.has(d.kind)) amountDue = exitAmounts.get(d.kind)!;
      out.push({ leaseId: lease.id, kind: d.kind, date: d.date, description: d.description, reference: d.reference, amountDue: amountDue === "0.00" && d.kind === "DEPOSIT_CHARGE_STATEMENTS_REQUEST" ? null : amountDue });
    }
  }
  // Recorded terminations that take effect inside the window (unless already listed on that date).
  if (active) {
    for (const t of lease.terminations) {
      const on = iso(t.effectiveOn);
      if (on < window.from || on > window.to || out.some((d) => d.date === on && (d.kind === "REHOUSING_LEASE_END" || d.kind === "LEASE_END"))) continue;
      out.push({ leaseId: lease.id, kind: "TERMINATION_EFFECTIVE", date: on, description: `termination (${t.ground}) takes effect: the occupancy title is lost`, reference: { text: t.regime === "BILL_8535" ? "BILL_8535" : "LAW_2023", article: t.regime === "BILL_8535" ? "42" : "69" }, amountDue: null });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind)));
}

