/**
 * Pseudonymisation of households (GDPR): the members' personal data follows the candidate's rule
 * (ministry administrators; a landlord with the candidate in its own allocation files), plus the
 * landlord of the household's lease. Every other caller that may reach a household (the
 * ministry's analysts) sees it pseudonymised: role, age band and composition, nothing that
 * identifies a person. Each caller is tried on each way to a household: node(id:), nodes(ids:),
 * a lease's household and a candidate's household.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unmaskingEntryWhere } from "../../src/privacy/relationship.js";
import { gid, startTestApi, type Caller, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const CALLERS: Caller[] = ["admin", "analyst", "landlordA", "landlordB", "developer", "anonymous"];
type Seen = "personal" | "pseudonymised" | "none";

const MEMBER =
  "role ageBand firstName lastName birthDate age hasDisability isDependent annualNetIncome workplaceMunicipality { code } partner { role firstName }";
const HOUSEHOLD = `id size incomeYear personalDataVisible composition { size adults children couples } members { ${MEMBER} }`;
const PERSONAL_FIELDS = ["firstName", "lastName", "birthDate", "age", "hasDisability", "isDependent", "annualNetIncome", "workplaceMunicipality"] as const;

interface Member {
  firstName: string;
  lastName: string;
  birthDate: Date;
  annualNetIncome: { toFixed(n: number): string };
  workplaceMunicipalityId: string | null;
}
interface Household {
  id: string;
  candidateId: string;
  members: Member[];
}

describe(`household pseudonymisation (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  /** A's allocation file holds the candidate; no lease. */
  let inFileA: Household;
  /** No allocation file of A or B, no lease. */
  let outside: Household;
  /** A's tenant, not in any allocation file of A. */
  let tenantA: Household;
  const expectations = new Map<string, Record<Caller, Seen>>();

  beforeAll(async () => {
    api = await startTestApi();
    const p = api.db.prisma;
    const { esch, fonds } = api.orgIds;
    const include = { members: true } as const;
    const inFile = (landlordId: string) => ({ candidate: { applications: { some: { allocationEntries: { some: { allocationFile: { landlordId } } } } } } });
    // A's shortlist entry must unmask (real vacancy, approved methodology, within the bound: privacy/personal-data.ts).
    const unmasks = (landlordId: string) => ({ candidate: { applications: { some: { allocationEntries: { some: unmaskingEntryWhere(landlordId) } } } } });
    inFileA = await p.household.findFirstOrThrow({
      where: { ...unmasks(esch), leases: { none: {} }, members: { some: { workplaceMunicipalityId: { not: null } } } },
      include,
    });
    outside = await p.household.findFirstOrThrow({ where: { NOT: [inFile(esch), inFile(fonds)], leases: { none: {} }, memberCount: { gte: 2 } }, include });
    tenantA = await p.household.findFirstOrThrow({ where: { leases: { some: { landlordId: esch } }, NOT: [inFile(esch), inFile(fonds)] }, include });
    const bHolds = (await p.household.count({ where: { id: inFileA.id, OR: [unmasks(fonds), { leases: { some: { landlordId: fonds } } }] } })) > 0;
    expectations.set(inFileA.id, {
      admin: "personal",
      analyst: "pseudonymised",
      landlordA: "personal",
      landlordB: bHolds ? "personal" : "none",
      developer: "none",
      anonymous: "none",
    });
    expectations.set(outside.id, { admin: "personal", analyst: "pseudonymised", landlordA: "none", landlordB: "none", developer: "none", anonymous: "none" });
    expectations.set(tenantA.id, {
      admin: "personal",
      analyst: "pseudonymised",
      landlordA: "personal",
      landlordB: "none",
      developer: "none",
      anonymous: "none",
    });
  });
  afterAll(async () => api?.close());

  /** What a caller got for a household, checked against the database: every field right, or every personal one absent. */
  function seen(h: Household, node: any, label: string): Seen {
    if (node == null) return "none";
    expect(node.size, label).toBe(h.members.length);
    expect(node.composition.size, label).toBe(h.members.length);
    expect(node.members, label).toHaveLength(h.members.length);
    for (const m of node.members) expect(m.ageBand, label).toMatch(/^(UNDER_18|AGE_)/);
    if (node.personalDataVisible) {
      const names = node.members.map((m: any) => `${m.firstName} ${m.lastName} ${m.birthDate} ${m.annualNetIncome}`).sort();
      expect(names, label).toEqual(
        h.members.map((m) => `${m.firstName} ${m.lastName} ${m.birthDate.toISOString().slice(0, 10)} ${m.annualNetIncome.toFixed(2)}`).sort(),
      );
      return "personal";
    }
    for (const m of node.members) for (const f of PERSONAL_FIELDS) expect(m[f], `${label}: ${f}`).toBeNull();
    for (const m of node.members) if (m.partner) expect(m.partner.firstName, `${label}: partner`).toBeNull();
    // Nothing identifying anywhere in the answer.
    const text = JSON.stringify(node);
    for (const m of h.members) {
      for (const secret of [m.firstName, m.lastName, m.birthDate.toISOString().slice(0, 10)]) expect(text, label).not.toContain(JSON.stringify(secret));
    }
    return "pseudonymised";
  }

  it("node(id:) on a household: personal data only for the callers entitled to the candidate's, pseudonymised for the others", async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const h of [inFileA, outside, tenantA]) {
      for (const caller of CALLERS) {
        const res = await api.gql(caller, `query($id: ID!) { node(id: $id) { ... on Household { ${HOUSEHOLD} } } }`, { id: gid("Household", h.id) });
        expect(res.body.errors, `${caller} ${h.id}`).toBeUndefined();
        got.push(`${caller} ${h.id}: ${seen(h, res.body.data?.node, `${caller} ${h.id}`)}`);
        want.push(`${caller} ${h.id}: ${expectations.get(h.id)![caller]}`);
      }
    }
    expect(got).toEqual(want);
  });

  it("nodes(ids:) gives the same answer for several households at once", async () => {
    for (const caller of CALLERS) {
      const households = [inFileA, outside, tenantA];
      const res = await api.gql(caller, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Household { ${HOUSEHOLD} } } }`, {
        ids: households.map((h) => gid("Household", h.id)),
      });
      expect(res.body.errors, caller).toBeUndefined();
      expect(households.map((h, i) => seen(h, res.body.data!.nodes[i], caller))).toEqual(households.map((h) => expectations.get(h.id)![caller]));
    }
  });

  it("a lease's household: personal for the lease's landlord and administrators, pseudonymised for analysts", async () => {
    const lease = await api.db.prisma.lease.findFirstOrThrow({ where: { householdId: tenantA.id } });
    for (const caller of CALLERS) {
      const res = await api.gql(caller, `query($id: ID!) { node(id: $id) { ... on Lease { household { ${HOUSEHOLD} } } } }`, { id: gid("Lease", lease.id) });
      expect(seen(tenantA, res.body.data?.node?.household, caller), caller).toBe(expectations.get(tenantA.id)![caller]);
    }
    // A page of an analyst's leases: no member's name, birth date or income.
    const page = await api.gql(
      "analyst",
      `{ leases(first: 20) { edges { node { household { personalDataVisible members { firstName lastName birthDate annualNetIncome ageBand } } } } } }`,
    );
    expect(page.body.errors).toBeUndefined();
    const members = page.body.data!.leases.edges.flatMap((e: any) => e.node.household.members);
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) expect(m).toMatchObject({ firstName: null, lastName: null, birthDate: null, annualNetIncome: null });
    expect(page.body.data!.leases.edges.every((e: any) => e.node.household.personalDataVisible === false)).toBe(true);
  });

  it("a candidate's household is reached with its personal data only by those who see the candidate's", async () => {
    for (const h of [inFileA, outside]) {
      for (const caller of CALLERS) {
        const res = await api.gql(
          caller,
          `query($id: ID!) { node(id: $id) { ... on Candidate { householdComposition { size } personalData { household { ${HOUSEHOLD} } } } } }`,
          { id: gid("Candidate", h.candidateId) },
        );
        const candidate = res.body.data?.node;
        const expected = expectations.get(h.id)![caller];
        if (candidate?.personalData) expect(seen(h, candidate.personalData.household, caller)).toBe("personal");
        // The candidate's personal data and its household's are given to the same callers (the tenant's landlord aside).
        expect(`${caller}: ${candidate?.personalData ? "personal" : "not personal"}`).toBe(
          `${caller}: ${expected === "personal" ? "personal" : "not personal"}`,
        );
      }
    }
  });
});
