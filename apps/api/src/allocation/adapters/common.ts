/**
 * Shared plumbing of the allocation capability: the legal regime of a computation, ISO dates,
 * and the mapping of stored rows (register, dwellings, commissions, files) onto the pure domain
 * model of `@abordable/domain` (allocation). Nothing here decides a rule: the domain does.
 */
import {
  DEFAULT_METHODOLOGY,
  formatReference,
  isoOfDate,
  type AllocationFile as DomainFile,
  type Commission as DomainCommission,
  type CommissionMember as DomainCommissionMember,
  type DedicatedSubCategory,
  type FileEvent,
  type FileState,
  type Household,
  type IncomeItem,
  type Member,
  type Methodology,
  type OfferOutcome,
  type RegimeOptions,
  type ResidenceStatus as DomainResidence,
  type Vacancy,
} from "@abordable/domain";
import { GraphQLError } from "graphql";
import type { Prisma } from "../../generated/prisma/client.js";
import type { AllocationFileStatus, DedicatedSubCategory as DbSubCategory, ResidenceStatus } from "../../generated/prisma/enums.js";
import type { Context } from "../../schema/context.js";
import { operatorOptions, requestedOptions } from "../../schema/legal-options.js";

export type Tx = Prisma.TransactionClient;

// ───────────── dates ─────────────

export const iso = isoOfDate;
export const isoOrNull = (d: Date | null | undefined): string | null => (d ? iso(d) : null);
export { todayIso } from "@abordable/domain";

// ───────────── regime ─────────────

export type RegimeName = "LAW" | "BILL_8535";

/** The regime of a stored computation: the operator's settings through the kernel's one selector, readings included (schema/legal-options.ts). */
export const operatorRegime = operatorOptions;

/** A regime asked for explicitly (queries); a regime the kernel cannot apply is the API's one domain-error mapping. */
export function requestedRegime(ctx: Pick<Context, "legal">, regime: RegimeName | null | undefined, billEntryIntoForce?: string | null): RegimeOptions {
  return requestedOptions(ctx, { regime, bill8535EntryIntoForce: billEntryIntoForce }, "billEntryIntoForce");
}

// ───────────── register → domain household ─────────────

export interface CandidateRow {
  id: string;
  residenceStatus: ResidenceStatus;
  residentSince: Date | null;
  municipalityId: string;
}

export interface MemberRow {
  id: string;
  householdId: string;
  role: string;
  birthDate: Date;
  partnerId: string | null;
  hasDisability: boolean;
  workplaceMunicipalityId: string | null;
  annualNetIncome: { toFixed(): string };
  isDependent: boolean;
  holdsOtherDwellingRight: boolean;
  /** Situations placing the member in a dedicated sub-category (art. 12 §3). */
  situations?: readonly string[];
  /** Income of the reference year by kind, as registered (art. 56): `[{ kind, amount, months, lastKnownMonthly, insured }]`; absent or empty for rows without it (imports, older rows), which carry `annualNetIncome` only. */
  incomeComponents?: unknown;
  /** The member's own residence title (art. 55 §1 4°); null: the applicant's applies. */
  residenceStatus?: ResidenceStatus | null;
  residentSince?: Date | null;
  residenceTitleEndsOn?: Date | null;
  /** Year a child of the household started working life (art. 56 §3 al. 4). */
  workingLifeStartYear?: number | null;
}

/** The columns of a member the domain mapping reads (`memberOf`): one list for every loader of the register. */
export const MEMBER_SELECT = {
  id: true,
  householdId: true,
  role: true,
  birthDate: true,
  partnerId: true,
  hasDisability: true,
  workplaceMunicipalityId: true,
  annualNetIncome: true,
  isDependent: true,
  holdsOtherDwellingRight: true,
  situations: true,
  incomeComponents: true,
  residenceStatus: true,
  residentSince: true,
  residenceTitleEndsOn: true,
  workingLifeStartYear: true,
} as const satisfies Prisma.HouseholdMemberSelect;

/** The columns of a candidate the domain mapping reads (`householdOf`). */
export const CANDIDATE_SELECT = { id: true, residenceStatus: true, residentSince: true, municipalityId: true } as const satisfies Prisma.CandidateSelect;

/**
 * A residence title of the register (art. 55 §1 4°) as the domain reads it: the member's own when
 * recorded, else the applicant's. A title held only from after `asOf`, or ended before it, does not
 * count. An applicant for international protection (« demandeur ») is not a beneficiary: the domain
 * gives it no residence right from the application.
 */
export function residenceOf(
  c: { residenceStatus: ResidenceStatus | null; residentSince: Date | null; residenceTitleEndsOn?: Date | null },
  asOf: string,
): DomainResidence {
  if (c.residentSince && iso(c.residentSince) > asOf && c.residenceStatus !== "LUXEMBOURG_NATIONAL") return {};
  if (c.residenceTitleEndsOn && iso(c.residenceTitleEndsOn) < asOf && c.residenceStatus !== "LUXEMBOURG_NATIONAL") return {};
  switch (c.residenceStatus) {
    case "LUXEMBOURG_NATIONAL":
      return { luxembourgNationality: true };
    case "EU_RESIDENCE_RIGHT":
    case "THIRD_COUNTRY_RESIDENCE_PERMIT":
      // A right of residence « de plus de trois mois » (law of 29 August 2008); its end, when recorded, is checked above.
      return { residenceRight: { coversMonths: null } };
    case "INTERNATIONAL_PROTECTION":
      return { protection: "BENEFICIARY" };
    case "INTERNATIONAL_PROTECTION_APPLICANT":
      return { protection: "APPLICANT" };
    case "DIPLOMATIC_OR_LEGITIMATION_CARD":
      return { diplomaticOrLegitimationCard: true };
    case "NONE":
    case null:
      return {};
  }
}

const INCOME_KINDS = new Set<string>([
  "NET_TAXABLE_INCOME",
  "ALIMONY_RECEIVED",
  "ACCIDENT_ANNUITY",
  "FAMILY_ALLOWANCE",
  "OVERTIME",
  "ALIMONY_PAID",
  "INTERNSHIP",
]);

/**
 * The member's incomes as art. 56 counts them, each kind kept (family allowances count for the rent,
 * art. 56 §3 4°, not for annex II): the registered components; for a row without them (an import,
 * an older row), its net income as one NET_TAXABLE_INCOME item.
 */
function incomesOf(m: MemberRow): IncomeItem[] {
  const parts = Array.isArray(m.incomeComponents)
    ? (m.incomeComponents as { kind?: unknown; amount?: unknown; months?: unknown; lastKnownMonthly?: unknown; insured?: unknown }[])
    : [];
  const items: IncomeItem[] = parts
    .filter((x) => typeof x.kind === "string" && INCOME_KINDS.has(x.kind) && typeof x.amount === "string")
    .map((x) => ({
      kind: x.kind as IncomeItem["kind"],
      amount: x.amount as string,
      ...(typeof x.months === "number" && x.months !== 12 ? { months: x.months } : {}),
      ...(x.lastKnownMonthly === true ? { lastKnownMonthly: true } : {}),
      ...(typeof x.insured === "boolean" ? { insured: x.insured } : {}),
    }));
  if (items.length > 0) return items;
  const income = m.annualNetIncome.toFixed();
  return income !== "0" ? [{ kind: "NET_TAXABLE_INCOME", amount: income }] : [];
}

/** The register's situations (art. 12 §3) as the domain's sub-category facts. */
function statusOf(situations: readonly string[]): NonNullable<Member["status"]> {
  const has = (x: string) => situations.includes(x);
  return {
    ...(has("STUDENT") && { student: true }),
    ...(has("CLOSE_SOCIAL_SUPPORT") && { closeSocialSupport: true }),
    ...(has("COOPERATIVE_MEMBER") && { cooperativeMember: true }),
    ...(has("EMPLOYEE_OF_DEVELOPER") && { employeeOfDeveloperOrPrincipal: true }),
    ...(has("EXTREME_DISTRESS") && { extremeDistress: true }),
  };
}

/** One stored member as the domain's `Member` (see `householdOf`); `applicantResidence` applies when the member has no title of its own. */
export function memberOf(m: MemberRow, asOf: string, applicantResidence: DomainResidence): Member {
  const incomes = incomesOf(m);
  const child = m.role !== "APPLICANT" && (m.isDependent || m.workingLifeStartYear != null);
  return {
    id: m.id,
    birthDate: iso(m.birthDate),
    role: m.role === "APPLICANT" ? "APPLICANT" : "MEMBER",
    ...(child
      ? {
          child: {
            ...(m.isDependent ? { familyAllowanceReceived: true } : {}),
            ...(m.workingLifeStartYear != null ? { workingLifeStartYear: m.workingLifeStartYear } : {}),
          },
        }
      : {}),
    ...(m.hasDisability ? { disability: { needsAdaptedDwelling: false } } : {}),
    ...(m.workplaceMunicipalityId ? { workplaceMunicipality: m.workplaceMunicipalityId } : {}),
    ...(incomes.length ? { incomes } : {}),
    ...(m.holdsOtherDwellingRight ? { realRights: [{ kind: "OWNERSHIP" as const, location: "LUXEMBOURG" as const }] } : {}),
    ...(m.situations?.length ? { status: statusOf(m.situations) } : {}),
    residence: m.residenceStatus
      ? residenceOf({ residenceStatus: m.residenceStatus, residentSince: m.residentSince ?? null, residenceTitleEndsOn: m.residenceTitleEndsOn ?? null }, asOf)
      : applicantResidence,
  };
}

/**
 * A stored household as the domain's `Household` (law art. 3): members with birth dates, couples
 * from `partnerId` (bill art. 3 4°bis; the register does not say which kind: COHABITING), dependent
 * children (art. 56 §3 al. 5: the register's flag read as family allowances received) and the year
 * a child started working life (§3 al. 4), the previous year's incomes by kind (art. 56), a right on
 * another dwelling (art. 55 §1 2°: the register's flag read as the whole ownership), each member's
 * residence title (its own, else the applicant's; art. 55 §1 4°), workplace (art. 58) and the
 * current home's municipality.
 */
export function householdOf(candidate: CandidateRow, members: readonly MemberRow[], asOf: string): Household {
  const applicantResidence = residenceOf(candidate, asOf);
  const ordered = [...members].sort((a, b) => (a.role === "APPLICANT" ? -1 : b.role === "APPLICANT" ? 1 : 0));
  const out: Member[] = ordered.map((m) => memberOf(m, asOf, applicantResidence));
  const ids = new Set(members.map((m) => m.id));
  const couples: { a: string; b: string; kind: "COHABITING" }[] = [];
  const seen = new Set<string>();
  for (const m of members) {
    if (!m.partnerId || !ids.has(m.partnerId) || seen.has(m.id) || seen.has(m.partnerId)) continue;
    seen.add(m.id);
    seen.add(m.partnerId);
    couples.push({ a: m.id, b: m.partnerId, kind: "COHABITING" });
  }
  return { members: out, ...(couples.length ? { couples } : {}), currentHomeMunicipality: candidate.municipalityId };
}

// ───────────── dwellings → domain vacancy ─────────────

const SUB: Record<DbSubCategory, DedicatedSubCategory> = {
  INTERNATIONAL_PROTECTION: "INTERNATIONAL_PROTECTION",
  STUDENTS: "STUDENTS",
  CLOSE_SOCIAL_SUPPORT: "CLOSE_SOCIAL_SUPPORT",
  YOUNG_PEOPLE: "YOUNG",
  SENIORS: "SENIORS",
  COOPERATIVE_MEMBERS: "COOPERATIVE_MEMBERS",
  EMPLOYEES: "EMPLOYEES",
  RESERVE: "RESERVE",
};

/** The vacancy of a file: the dwelling, or one accommodation unit (one bedroom) of a shared dwelling. */
export function vacancyOf(
  fileId: string,
  landlordId: string,
  dwelling: { municipalityId: string; bedrooms: number; category: string; dedicatedSubCategory: DbSubCategory | null },
  unit: { id: string } | null,
): Vacancy {
  return {
    id: fileId,
    landlordId,
    municipality: dwelling.municipalityId,
    bedrooms: unit ? 1 : dwelling.bedrooms,
    category:
      dwelling.category === "DEDICATED" && dwelling.dedicatedSubCategory
        ? { kind: "DEDICATED", subCategory: SUB[dwelling.dedicatedSubCategory] }
        : { kind: "ALL_PUBLIC" },
  };
}

// ───────────── methodology ─────────────

/** A stored methodology configuration, checked to have the engine's shape (art. 57; RGD art. 3). */
export function methodologyFromConfig(config: unknown): Methodology {
  const c = config as Partial<Methodology> | null;
  if (!c || typeof c !== "object" || !c.socioEconomic || !c.dwelling || !c.seniority || typeof c.version !== "string" || typeof c.id !== "string") {
    throw new GraphQLError("The stored methodology configuration does not have the allocation engine's shape", {
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  }
  for (const k of Object.keys(DEFAULT_METHODOLOGY.socioEconomic.title)) {
    if (typeof c.socioEconomic.title?.[k as keyof Methodology["socioEconomic"]["title"]] !== "number") {
      throw new GraphQLError(`The stored methodology has no points for the occupancy title ${k}`, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
    }
  }
  return c as Methodology;
}

// ───────────── commission → domain ─────────────

export interface CommissionMemberRow {
  id: string;
  role: string;
  isVotingMember: boolean;
  alternateForId: string | null;
  termStartsOn: Date;
  termEndsOn: Date;
  holdsPoliticalOffice: boolean;
}

/**
 * The commission as the domain reads it (RGD art. 1; Esch ROI art. 2). Every commission is run under
 * the Esch-sur-Alzette internal rules (ESCH_ROI): the data model has no column for a landlord's
 * own rules (see the README). A SECRETARY who is not a voting member is the administrative secretary
 * outside the members; members serving on `onDate` only, when given.
 */
export function domainCommission(landlordId: string, rows: readonly CommissionMemberRow[], onDate?: string): DomainCommission {
  const serving = onDate ? rows.filter((m) => iso(m.termStartsOn) <= onDate && onDate <= iso(m.termEndsOn)) : rows;
  const members: DomainCommissionMember[] = [];
  let secretary: DomainCommission["secretary"];
  for (const m of serving) {
    if (m.role === "SECRETARY" && !m.isVotingMember && !m.alternateForId) {
      secretary = { id: m.id };
      continue;
    }
    if (!m.isVotingMember && !m.alternateForId) continue;
    if (m.role === "SECRETARY") secretary = { id: m.id, memberId: m.id };
    members.push({
      id: m.id,
      kind: m.alternateForId ? "ALTERNATE" : "FULL",
      ...(m.alternateForId ? { alternateFor: m.alternateForId } : {}),
      ...(m.role === "CHAIR" ? { chair: true } : {}),
      termStart: iso(m.termStartsOn),
      termEnd: iso(m.termEndsOn),
      politicalOfficeInMunicipality: m.holdsPoliticalOffice,
    });
  }
  return { landlordId, rules: "ESCH_ROI", members, ...(secretary ? { secretary } : {}) };
}

// ───────────── allocation file ⇄ domain state machine ─────────────

export interface FileEventRow {
  fromStatus: AllocationFileStatus;
  toStatus: AllocationFileStatus;
  occurredOn: Date;
  reason: string | null;
}

export interface Breakdown {
  group: "REHOUSING" | "NEW_TENANT";
  total: number;
  socioEconomicTotal: number;
  dwellingPoints: { typology: number; proximity: number; worksInVacancyMunicipality: number; seniority: number };
  registeredOn: string;
  criteriaEvaluatedOn: string;
  criteriaFrozenUntil: string | null;
  criteria: unknown;
  contributions: {
    criterion: string;
    points: number;
    detail: string;
    citation: { text: string; article: string; paragraph?: string; alinea?: string; point?: string; label: string };
  }[];
  /** Set when the candidate was proposed for this vacancy (the file does not propose them again). */
  proposedOn?: string;
}

/** The event type an event row was recorded for (its reason starts with it). */
export const eventTypeOf = (reason: string | null): string => (reason ?? "").split(":")[0] ?? "";

/** Domain state of a stored file; REFUSED resolves to the outcome of the file's last refused offer. */
export function domainState(status: AllocationFileStatus, lastRefusal: "REFUSED_JUSTIFIED" | "REFUSED_UNJUSTIFIED" | null): FileState | null {
  if (status === "CLOSED") return null;
  if (status === "REFUSED") return lastRefusal ?? "REFUSED_JUSTIFIED";
  return status;
}

export const dbStatus = (s: FileState): AllocationFileStatus => (s === "REFUSED_JUSTIFIED" || s === "REFUSED_UNJUSTIFIED" ? "REFUSED" : s);

/** Rebuilds the domain's file from the stored rows (entries by rank, events, offers). */
export function domainFile(
  file: { id: string; status: AllocationFileStatus; decisionHash: string | null; selectedApplicationId: string | null },
  entries: readonly { applicationId: string; rank: number | null; scoreBreakdown: unknown }[],
  events: readonly FileEventRow[],
  offers: readonly { applicationId: string; offeredOn: Date; respondedOn: Date | null; outcome: string }[],
): DomainFile | null {
  const decided = offers.filter((o) => o.outcome !== "PENDING" && o.respondedOn) as {
    applicationId: string;
    offeredOn: Date;
    respondedOn: Date;
    outcome: OfferOutcome["outcome"];
  }[];
  const lastRefusal = [...decided].reverse().find((o) => o.outcome !== "ACCEPTED")?.outcome as "REFUSED_JUSTIFIED" | "REFUSED_UNJUSTIFIED" | undefined;
  const state = domainState(file.status, lastRefusal ?? null);
  if (!state) return null;
  const ranked = entries.filter((e) => e.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const current = file.selectedApplicationId ?? undefined;
  // A promise stays issued once accepted (the visit follows it); the file proposes a candidate once only.
  const promiseIssued = current !== undefined && offers.some((o) => o.applicationId === current && (o.outcome === "PENDING" || o.outcome === "ACCEPTED"));
  return {
    vacancyId: file.id,
    state,
    ...(file.decisionHash ? { decisionHash: file.decisionHash } : {}),
    ranking: ranked.map((e) => e.applicationId),
    ...(current ? { candidateId: current } : {}),
    passed: ranked.filter((e) => (e.scoreBreakdown as Breakdown | null)?.proposedOn).map((e) => e.applicationId),
    promiseIssued,
    offerOutcomes: decided.map((o) => ({ candidateId: o.applicationId, offeredOn: iso(o.offeredOn), decidedOn: iso(o.respondedOn), outcome: o.outcome })),
    history: events.map((e) => ({
      from: domainState(e.fromStatus, null) ?? "VACANCY",
      to: domainState(e.toStatus, null) ?? "VACANCY",
      on: iso(e.occurredOn),
      event: eventTypeOf(e.reason) as FileEvent["type"],
    })),
  };
}

/** Citation of a domain result, as a short rule string for `UserError.rule`. */
export function ruleOf(c: { text: string; article: string; paragraph?: string; alinea?: string; point?: string; label?: string }): string {
  return formatReference(c);
}
