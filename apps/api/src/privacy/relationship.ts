/**
 * Who may see a candidate's or household's personal data, and why (GDPR art. 5, 6, 30): the purposes
 * (register administration, an allocation file of a real vacancy within the unmasking bound, a
 * tenancy), the rows that ground them, and the access records written before the data leaves.
 * The field classes and the one mask are in personal-data.ts.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { AllocationFileStatus } from "../generated/prisma/enums.js";
import { isLandlord, isMinistryAdmin, organisationOf, type Viewer } from "../identity/viewer.js";

export type Purpose = "REGISTER_ADMINISTRATION" | "ALLOCATION_FILE" | "TENANCY";
export interface Basis {
  readonly purpose: Purpose;
  readonly basisType: "AllocationFile" | "Lease" | null;
  readonly basisId: string | null;
}
export type Relationship = { readonly kind: "UNMASKED"; readonly basis: Basis | null } | { readonly kind: "PSEUDONYMISED" };

const OPEN_FILE: AllocationFileStatus[] = ["VACANCY", "SHORTLIST", "SOCIAL_ENQUIRY", "COMMISSION_OPINION", "HOUSING_PROMISE", "VISIT", "REFUSED"];

/**
 * The bound per vacancy (operator setting `ABORDABLE_UNMASK_PER_VACANCY`, 1-100, default 10 = the
 * default shortlist kept): how many of a file's best-ranked candidates its landlord may see
 * unmasked. A wrong value stops the server at start (read once when the schema is built, `applyPersonalDataMasks`).
 */
export function unmaskPerVacancy(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ABORDABLE_UNMASK_PER_VACANCY;
  if (raw === undefined || raw === "") return 10;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`ABORDABLE_UNMASK_PER_VACANCY="${raw}" must be an integer between 1 and 100`);
  return n;
}

/**
 * A real vacancy of the landlord's stock: its compensation convention with the State (art. 40)
 * covers the dwelling — the State then compensates that dwelling, so a dwelling invented for the
 * register shows in the landlord's statements — or the dwelling was let before by this landlord.
 * A dwelling the landlord just recorded as VACANT with neither ranks candidates but unmasks none,
 * and so does one whose only earlier leases came from its own portfolio import.
 */
export function realVacancyWhere(landlordId: string) {
  return {
    landlordId,
    // A lease the landlord imported itself (importPortfolio, `importId` set) proves nothing: only a lease signed on the platform counts.
    OR: [{ compensationConvention: { is: { landlordId, kind: "COMPENSATION" as const } } }, { leases: { some: { landlordId, importId: null } } }],
  };
}

/**
 * The register candidates a landlord may list (pseudonymised): those of the register, and the
 * tenants it imported itself — a tenant recorded by a portfolio import (`importId`) never applied
 * to the register, so another landlord does not see it at all (issue 12 finding 3 b).
 */
export function registerCandidateWhere(landlordId: string) {
  return { OR: [{ importId: null }, { household: { is: { leases: { some: { landlordId } } } } }] };
}

/** Shortlist entries that may unmask their candidate to `landlordId` (before the per-file check on closed files). */
export function unmaskingEntryWhere(landlordId: string, bound = unmaskPerVacancy()) {
  return {
    rank: { lte: bound },
    allocationFile: { landlordId, methodology: { is: { approvedOn: { not: null } } }, dwelling: realVacancyWhere(landlordId) },
  };
}

/** For each candidate: the allocation file that lets this landlord see it unmasked, if any. */
async function fileBases(prisma: PrismaClient, landlordId: string, candidateIds: readonly string[]): Promise<Map<string, Basis>> {
  const entries = await prisma.allocationFileCandidate.findMany({
    where: { application: { candidateId: { in: [...candidateIds] } }, ...unmaskingEntryWhere(landlordId) },
    select: {
      applicationId: true,
      allocationFileId: true,
      application: { select: { candidateId: true } },
      allocationFile: { select: { status: true, selectedApplicationId: true } },
    },
    orderBy: [{ allocationFileId: "asc" }],
  });
  const out = new Map<string, Basis>();
  for (const e of entries) {
    // An open file unmasks its shortlist; a closed one only the candidate it selected.
    const ok = OPEN_FILE.includes(e.allocationFile.status) || e.allocationFile.selectedApplicationId === e.applicationId;
    if (ok && !out.has(e.application.candidateId))
      out.set(e.application.candidateId, { purpose: "ALLOCATION_FILE", basisType: "AllocationFile", basisId: e.allocationFileId });
  }
  return out;
}

const ADMIN_BASIS: Basis = { purpose: "REGISTER_ADMINISTRATION", basisType: null, basisId: null };

/** Candidate ID → basis of the caller's access to its personal data (absent: pseudonymised). */
export async function candidateBases(prisma: PrismaClient, viewer: Viewer, candidateIds: readonly string[]): Promise<Map<string, Basis>> {
  if (isMinistryAdmin(viewer)) return new Map(candidateIds.map((id) => [id, ADMIN_BASIS]));
  if (!isLandlord(viewer)) return new Map();
  return fileBases(prisma, organisationOf(viewer), candidateIds);
}

/** Household ID → basis (its candidate's, or the landlord's lease with it) and the household's candidate. */
export async function householdBases(
  prisma: PrismaClient,
  viewer: Viewer,
  householdIds: readonly string[],
): Promise<Map<string, Basis & { candidateId: string | null }>> {
  const rows = await prisma.household.findMany({ where: { id: { in: [...householdIds] } }, select: { id: true, candidateId: true } });
  const out = new Map<string, Basis & { candidateId: string | null }>();
  if (isMinistryAdmin(viewer)) {
    for (const r of rows) out.set(r.id, { ...ADMIN_BASIS, candidateId: r.candidateId });
    return out;
  }
  if (!isLandlord(viewer)) return out;
  const landlordId = organisationOf(viewer);
  const leases = await prisma.lease.findMany({
    where: { householdId: { in: rows.map((r) => r.id) }, landlordId },
    select: { id: true, householdId: true },
    orderBy: { startsOn: "desc" },
  });
  for (const l of leases)
    if (!out.has(l.householdId))
      out.set(l.householdId, {
        purpose: "TENANCY",
        basisType: "Lease",
        basisId: l.id,
        candidateId: rows.find((r) => r.id === l.householdId)?.candidateId ?? null,
      });
  const rest = rows.filter((r) => !out.has(r.id) && r.candidateId);
  if (rest.length) {
    const files = await fileBases(
      prisma,
      landlordId,
      rest.map((r) => r.candidateId!),
    );
    for (const r of rest) {
      const b = files.get(r.candidateId!);
      if (b) out.set(r.id, { ...b, candidateId: r.candidateId });
    }
  }
  return out;
}

/** What the access record needs about the request. */
export interface AccessLogContext {
  readonly correlationId?: string | undefined;
  readonly operation?: string | undefined;
}

/** Writes one access record per unmasked subject (GDPR art. 30), before the data leaves. */
export async function logAccesses(
  prisma: PrismaClient,
  viewer: Viewer,
  log: AccessLogContext,
  rows: readonly (Basis & { candidateId: string | null; householdId: string | null })[],
): Promise<void> {
  if (rows.length === 0 || viewer.kind !== "apiKey") return;
  await prisma.personalDataAccess.createMany({
    data: rows.map((r) => ({
      apiKeyId: viewer.apiKeyId,
      organisationId: viewer.organisationId,
      role: viewer.role,
      candidateId: r.candidateId,
      householdId: r.householdId,
      purpose: r.purpose,
      basisType: r.basisType,
      basisId: r.basisId,
      operation: log.operation ?? null,
      correlationId: log.correlationId ?? null,
    })),
  });
}

/** The part of the request context the masks read. */
