/**
 * From stored rows to the domain engine's facts: the household (tenants, couples, occupancy) and
 * rent settings (art. 61-62). With deposit.ts (bill art. 63bis), rehousing.ts (art. 67),
 * lease-ends.ts (art. 69-70) and deadlines.ts. Pure mapping: nothing here queries the database, so
 * a page of leases loaded with `FACTS_INCLUDE` costs a fixed number of SQL statements.
 */
import {
  type RentSetting,
  type RentSettingKind,
  type RevisionEvent,
  type RevisionLease,
  type TenancyDwellingCategory,
  type TenancyOccupancyFacts,
} from "@abordable/domain";
import type { Prisma } from "../../generated/prisma/client.js";
import { iso } from "./common.js";
import { isRentRecord } from "./rent.js";
import { RENT_HISTORY_ORDER, type RentRevisionRow } from "./rent-history.js";

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
  rehousingCases: {
    include: { offers: { include: { dwelling: { select: { landlordId: true } } }, orderBy: [{ noticeOn: "asc" }, { id: "asc" }] } },
    orderBy: [{ knownOn: "asc" }, { id: "asc" }],
  },
  terminations: { orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.LeaseInclude;

export type LeaseFactsRow = Prisma.LeaseGetPayload<{ include: typeof FACTS_INCLUDE }>;

export type Member = { id: string; role: string; birthDate: Date; partnerId: string | null; hasDisability: boolean };
export type LeaseCore = {
  id: string;
  landlordId: string;
  startsOn: Date;
  endsOn: Date | null;
  status: string;
  monthlyRent: { toFixed(): string };
  endFacts: unknown;
  revisions: readonly RentRevisionRow[];
};

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
  return requests.map((r) => ({
    kind: "INFORMATION_REQUEST" as const,
    requestedOn: iso(r.requestedOn),
    ...(r.answeredOn ? { answeredOn: iso(r.answeredOn) } : {}),
  }));
}
