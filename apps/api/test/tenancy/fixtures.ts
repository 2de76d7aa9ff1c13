/** Fictional households and dwellings created directly in the test database, and GraphQL helpers for the tenancy mutations. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { gid, type Caller, type TestApi } from "../support/api.js";

export interface MemberSpec {
  role?: "APPLICANT" | "PARTNER" | "CHILD" | "OTHER_ADULT";
  birthDate: string;
  income?: string;
  disabled?: boolean;
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A candidate with its household; the second member, if a PARTNER, forms a couple with the applicant. Returns the household's ID. */
export async function createHousehold(api: TestApi, members: MemberSpec[]): Promise<{ householdId: string; memberIds: string[] }> {
  const p = api.db.prisma;
  const candidateId = randomUUID();
  const householdId = randomUUID();
  await p.candidate.create({
    data: {
      id: candidateId,
      registerNumber: `T-${candidateId.slice(0, 8)}`,
      firstName: "Test",
      lastName: "Fictif",
      birthDate: d(members[0]!.birthDate),
      address: "1, rue Fictive",
      municipalityId: "esch-sur-alzette",
      residenceStatus: "EU_RESIDENCE_RIGHT",
    },
  });
  await p.household.create({ data: { id: householdId, candidateId, incomeYear: 2025, memberCount: members.length } });
  const memberIds: string[] = [];
  for (const [i, m] of members.entries()) {
    const id = randomUUID();
    memberIds.push(id);
    await p.householdMember.create({
      data: {
        id,
        householdId,
        role: m.role ?? (i === 0 ? "APPLICANT" : "CHILD"),
        firstName: `M${i}`,
        lastName: "Fictif",
        birthDate: d(m.birthDate),
        annualNetIncome: m.income ?? "0.00",
        isDependent: (m.role ?? (i === 0 ? "APPLICANT" : "CHILD")) === "CHILD",
        hasDisability: m.disabled ?? false,
        partnerId: m.role === "PARTNER" ? memberIds[0]! : null,
      },
    });
  }
  await p.application.create({ data: { candidateId, registeredOn: d("2024-01-15"), motive: "OTHER", status: "ACTIVE" } });
  return { householdId, memberIds };
}

export interface DwellingSpec {
  bedrooms: number;
  type?: "APARTMENT" | "HOUSE" | "STUDIO";
  sub?: "YOUNG_PEOPLE" | "EMPLOYEES" | "SENIORS";
  usefulArea?: string;
  firstOccupiedYear?: number;
  hasEquippedKitchen?: boolean;
  hasOutdoorSpace?: boolean;
  energyRenovated?: boolean;
}

/** A vacant dwelling of the landlord's stock. */
export async function createDwelling(api: TestApi, landlordId: string, spec: DwellingSpec): Promise<string> {
  const p = api.db.prisma;
  const id = randomUUID();
  await p.dwelling.create({
    data: {
      id,
      reference: `T-${id.slice(0, 8)}`,
      landlordId,
      developerId: landlordId,
      category: spec.sub ? "DEDICATED" : "ALL_PUBLIC",
      dedicatedSubCategory: spec.sub ?? null,
      type: spec.type ?? "APARTMENT",
      bedrooms: spec.bedrooms,
      usefulArea: spec.usefulArea ?? "75.00",
      municipalityId: "esch-sur-alzette",
      address: "2, rue Fictive",
      firstOccupiedYear: spec.firstOccupiedYear ?? 2010,
      energyRenovated: spec.energyRenovated ?? false,
      hasEquippedKitchen: spec.hasEquippedKitchen ?? true,
      hasOutdoorSpace: spec.hasOutdoorSpace ?? true,
      status: "VACANT",
    },
  });
  return id;
}

export async function gql(api: TestApi, caller: Caller, query: string, variables?: Record<string, unknown>) {
  const res = await api.gql(caller, query, variables);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data as any;
}

export const SIGN = `mutation($input: SignLeaseInput!) { signLease(input: $input) { lease { id monthlyRent startsOn status rentComputation { netMonthly effortRate } } userErrors { field message code rule } } }`;

/**
 * The landlord's procedure reached the household for this vacancy: an allocation file of the
 * dwelling's landlord (stage VISIT) whose offer the household's application ACCEPTED. signLease
 * signs only with such a household (issue 12 finding 2). Returns the file's ID.
 */
export async function acceptedOffer(api: TestApi, dwellingId: string, householdId: string, unitId: string | null = null): Promise<string> {
  const p = api.db.prisma;
  const dwelling = await p.dwelling.findUniqueOrThrow({ where: { id: dwellingId } });
  const household = await p.household.findUniqueOrThrow({ where: { id: householdId } });
  const application = await p.application.findFirstOrThrow({ where: { candidateId: household.candidateId }, orderBy: { registeredOn: "asc" } });
  const file = await p.allocationFile.create({
    data: {
      landlordId: dwelling.landlordId,
      dwellingId,
      accommodationUnitId: unitId,
      status: "VISIT",
      openedOn: d("2024-01-01"),
      selectedApplicationId: application.id,
    },
  });
  await p.allocationOffer.create({
    data: { allocationFileId: file.id, applicationId: application.id, offeredOn: d("2024-01-02"), outcome: "ACCEPTED", respondedOn: d("2024-01-03") },
  });
  return file.id;
}

/** Signs a lease for a new fictional household on a new dwelling of landlordA (after its accepted offer); returns the lease's global ID. */
export async function signNewLease(
  api: TestApi,
  opts: {
    members: MemberSpec[];
    dwelling: DwellingSpec;
    startsOn: string;
    income?: string;
    caller?: Caller;
    landlordId?: string;
    regime?: "LAW" | "BILL_8535";
  },
) {
  const { householdId, memberIds } = await createHousehold(api, opts.members);
  const dwellingId = await createDwelling(api, opts.landlordId ?? api.orgIds.esch, opts.dwelling);
  await acceptedOffer(api, dwellingId, householdId);
  const data = await gql(api, opts.caller ?? "landlordA", SIGN, {
    input: {
      dwellingId: gid("Dwelling", dwellingId),
      householdId: gid("Household", householdId),
      startsOn: opts.startsOn,
      annualNetDisposableIncome: opts.income ?? "36291.8196",
      monthlyCharges: "120.00",
      ...(opts.regime ? { regime: opts.regime } : {}),
    },
  });
  expect(data.signLease.userErrors).toEqual([]);
  return { leaseId: data.signLease.lease.id as string, lease: data.signLease.lease, dwellingId, householdId, memberIds };
}
