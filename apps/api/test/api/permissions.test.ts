/**
 * The permission matrix: every role against every type and mutation, on own and foreign rows,
 * through the real API on a real database. Expectations are derived from the rules (who is party
 * to what), not from the implementation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unmaskingEntryWhere } from "../../src/privacy/relationship.js";
import { gid, startTestApi, type Caller, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const CALLERS: Caller[] = ["admin", "analyst", "landlordA", "landlordB", "developer", "anonymous"];

interface Row {
  type: string;
  id: string;
  label: string;
  visibleTo: Caller[];
}

describe(`permission matrix (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let rows: Row[];
  let candidateInA: string;
  let candidateOutsideA: string;

  beforeAll(async () => {
    api = await startTestApi();
    const p = api.db.prisma;
    const { esch, fonds, snhbm } = api.orgIds;
    const dwellingA = await p.dwelling.findFirstOrThrow({ where: { landlordId: esch } });
    const dwellingB = await p.dwelling.findFirstOrThrow({ where: { landlordId: fonds, developerId: { not: snhbm } } });
    const dwellingDev = await p.dwelling.findFirstOrThrow({ where: { developerId: snhbm } });
    const unit = await p.accommodationUnit.findFirstOrThrow({ where: { dwelling: { landlordId: { notIn: [esch] } } }, include: { dwelling: true } });
    const convA = await p.convention.findFirstOrThrow({ where: { landlordId: esch } });
    const convB = await p.convention.findFirstOrThrow({ where: { landlordId: fonds } });
    const convDev = await p.convention.findFirstOrThrow({ where: { developerId: snhbm } });
    const leaseA = await p.lease.findFirstOrThrow({ where: { landlordId: esch } });
    const leaseB = await p.lease.findFirstOrThrow({ where: { landlordId: fonds } });
    const projectDev = await p.project.findFirstOrThrow({ where: { developerId: snhbm, dwellings: { none: { landlordId: { in: [esch, fonds] } } } } });
    // A shortlist entry that unmasks its candidate to A (real vacancy, approved methodology, within the bound: issue 12).
    const fileA = await p.allocationFileCandidate.findFirstOrThrow({
      where: unmaskingEntryWhere(esch),
      include: { application: true },
      orderBy: [{ rank: "asc" }, { allocationFileId: "asc" }],
    });
    candidateInA = fileA.application.candidateId;
    candidateOutsideA = (
      await p.candidate.findFirstOrThrow({
        where: { applications: { none: { allocationEntries: { some: { allocationFile: { landlordId: esch } } } } }, household: { leases: { none: {} } } },
      })
    ).id;
    const unitLandlord = unit.dwelling.landlordId === fonds ? "landlordB" : null;
    const unitDeveloper = unit.dwelling.developerId === snhbm ? "developer" : null;
    rows = [
      {
        type: "Dwelling",
        id: dwellingA.id,
        label: "landlord A's dwelling",
        visibleTo: ["admin", "analyst", "landlordA", ...(dwellingA.developerId === snhbm ? ["developer" as const] : [])],
      },
      { type: "Dwelling", id: dwellingB.id, label: "landlord B's dwelling", visibleTo: ["admin", "analyst", "landlordB"] },
      {
        type: "Dwelling",
        id: dwellingDev.id,
        label: "developer's dwelling",
        visibleTo: [
          "admin",
          "analyst",
          "developer",
          ...(dwellingDev.landlordId === esch ? ["landlordA" as const] : dwellingDev.landlordId === fonds ? ["landlordB" as const] : []),
        ],
      },
      {
        type: "AccommodationUnit",
        id: unit.id,
        label: "a unit outside A's stock",
        visibleTo: ["admin", "analyst", ...(unitLandlord ? [unitLandlord as Caller] : []), ...(unitDeveloper ? [unitDeveloper as Caller] : [])],
      },
      { type: "Convention", id: convA.id, label: "A's compensation convention", visibleTo: ["admin", "analyst", "landlordA"] },
      { type: "Convention", id: convB.id, label: "B's compensation convention", visibleTo: ["admin", "analyst", "landlordB"] },
      { type: "Convention", id: convDev.id, label: "developer's financing convention", visibleTo: ["admin", "analyst", "developer"] },
      { type: "Lease", id: leaseA.id, label: "A's lease", visibleTo: ["admin", "analyst", "landlordA"] },
      { type: "Lease", id: leaseB.id, label: "B's lease", visibleTo: ["admin", "analyst", "landlordB"] },
      { type: "Household", id: leaseA.householdId, label: "A's tenant household", visibleTo: ["admin", "analyst", "landlordA"] },
      { type: "Household", id: leaseB.householdId, label: "B's tenant household", visibleTo: ["admin", "analyst", "landlordB"] },
      { type: "Project", id: projectDev.id, label: "developer's project", visibleTo: ["admin", "analyst", "developer"] },
    ];
  });
  afterAll(async () => api?.close());

  it("node(id) shows each row exactly to the roles party to it, and is null (not an error) for others", async () => {
    const failures: string[] = [];
    for (const row of rows) {
      for (const caller of CALLERS) {
        const res = await api.gql(caller, "query($id: ID!) { node(id: $id) { id __typename } }", { id: gid(row.type, row.id) });
        const seen = res.body.data?.node != null;
        const expected = row.visibleTo.includes(caller);
        if (seen !== expected) failures.push(`${caller} ${seen ? "sees" : "does not see"} ${row.label} (${row.type})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lists contain only the caller's own rows", async () => {
    for (const caller of ["landlordA", "landlordB"] as const) {
      const org = caller === "landlordA" ? api.orgIds.esch : api.orgIds.fonds;
      const res = await api.gql(
        caller,
        `{
        dwellings(first: 100) { totalCount edges { node { landlord { id } } } }
        leases(first: 100) { totalCount edges { node { landlord { id } } } }
        conventions(first: 100) { edges { node { landlord { id } developer { id } } } }
      }`,
      );
      expect(res.body.errors).toBeUndefined();
      const d = res.body.data!;
      expect(d.dwellings.totalCount).toBe(await api.db.prisma.dwelling.count({ where: { landlordId: org } }));
      expect(d.leases.totalCount).toBe(await api.db.prisma.lease.count({ where: { landlordId: org } }));
      for (const e of [...d.dwellings.edges, ...d.leases.edges]) expect(e.node.landlord.id).toBe(gid("Organisation", org));
      for (const e of d.conventions.edges) expect(e.node.landlord?.id).toBe(gid("Organisation", org));
    }
    const dev = await api.gql("developer", "{ dwellings(first: 100) { totalCount edges { node { developer { id } } } } leases(first: 5) { totalCount } }");
    for (const e of dev.body.data!.dwellings.edges) expect(e.node.developer.id).toBe(gid("Organisation", api.orgIds.snhbm));
    expect(dev.body.data!.leases.totalCount).toBe(0);
  });

  it("a landlord's key reads nothing of another landlord: every row of B is invisible to A", async () => {
    const p = api.db.prisma;
    const fonds = api.orgIds.fonds;
    const ids = [
      ...(await p.dwelling.findMany({ where: { landlordId: fonds }, select: { id: true } })).map((r) => gid("Dwelling", r.id)),
      ...(await p.accommodationUnit.findMany({ where: { dwelling: { landlordId: fonds } }, select: { id: true } })).map((r) => gid("AccommodationUnit", r.id)),
      ...(await p.lease.findMany({ where: { landlordId: fonds }, select: { id: true, householdId: true } })).flatMap((r) => [
        gid("Lease", r.id),
        gid("Household", r.householdId),
      ]),
      ...(await p.convention.findMany({ where: { landlordId: fonds }, select: { id: true } })).map((r) => gid("Convention", r.id)),
    ];
    expect(ids.length).toBeGreaterThan(100);
    for (let i = 0; i < ids.length; i += 100) {
      const res = await api.gql("landlordA", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: ids.slice(i, i + 100) });
      expect(res.body.data!.nodes.every((n: unknown) => n === null)).toBe(true);
    }
  });

  it("naming an organisation the caller may not act for in an argument is FORBIDDEN with HTTP 403, naming the argument", async () => {
    const { esch, fonds, snhbm } = api.orgIds;
    const unknown = "00000000-0000-4000-8000-000000000042"; // no such organisation: refused the same way, nothing leaks
    const DRAFT = "query($input: CompensationStatementInput!) { compensationStatementDraft(input: $input) { total } }";
    const cases: [Caller, string, Record<string, unknown>, string][] = [
      ["landlordA", DRAFT, { input: { landlordId: gid("Organisation", fonds), year: 2025 } }, "input.landlordId"],
      ["landlordA", DRAFT, { input: { landlordId: gid("Organisation", unknown), year: 2025 } }, "input.landlordId"],
      ["developer", DRAFT, { input: { landlordId: gid("Organisation", esch), year: 2025 } }, "input.landlordId"],
      [
        "landlordA",
        "query($ids: [ID!]) { compensationStatements(first: 5, filter: { organisationIds: $ids }) { totalCount } }",
        { ids: [gid("Organisation", fonds)] },
        "filter.organisationIds[0]",
      ],
      [
        "developer",
        "query($ids: [ID!]) { compensationStatements(first: 5, filter: { organisationIds: $ids }) { totalCount } }",
        { ids: [gid("Organisation", esch)] },
        "filter.organisationIds[0]",
      ],
      [
        "landlordA",
        "query($ids: [ID!]) { dwellings(first: 5, filter: { landlordIds: $ids }) { totalCount } }",
        { ids: [gid("Organisation", esch), gid("Organisation", fonds)] },
        "filter.landlordIds[1]",
      ],
      [
        "landlordB",
        "query($ids: [ID!]) { allocationFiles(first: 5, filter: { landlordIds: $ids }) { totalCount } }",
        { ids: [gid("Organisation", esch)] },
        "filter.landlordIds[0]",
      ],
      [
        "landlordA",
        "query($ids: [ID!]) { allocationMethodologies(first: 5, landlordIds: $ids) { totalCount } }",
        { ids: [gid("Organisation", fonds)] },
        "landlordIds[0]",
      ],
      ["landlordA", "query($ids: [ID!]) { commissions(first: 5, landlordIds: $ids) { totalCount } }", { ids: [gid("Organisation", fonds)] }, "landlordIds[0]"],
    ];
    for (const [caller, query, variables, argument] of cases) {
      const res = await api.gql(caller, query, variables);
      const error = res.body.errors?.[0];
      expect(`${caller} ${argument}: HTTP ${res.status} ${String(error?.extensions?.code)}`).toBe(`${caller} ${argument}: HTTP 403 FORBIDDEN`);
      expect(error!.extensions).toMatchObject({ field: argument, correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(error!.extensions).not.toHaveProperty("http");
      expect(error!.message).toContain(`${argument} names an organisation this API key may not act for`);
      expect(JSON.stringify(res.body.data ?? null)).not.toMatch(/totalCount":[1-9]|total":"/);
    }

    // Naming one's own organisation, or any as the ministry, is an ordinary read (HTTP 200).
    const allowed: [Caller, string, Record<string, unknown>][] = [
      [
        "landlordA",
        "query($ids: [ID!]) { dwellings(first: 1, filter: { landlordIds: $ids }) { totalCount } commissions(first: 1, landlordIds: $ids) { totalCount } }",
        { ids: [gid("Organisation", esch)] },
      ],
      [
        "landlordB",
        "query($ids: [ID!]) { compensationStatements(first: 1, filter: { organisationIds: $ids }) { totalCount } allocationFiles(first: 1, filter: { landlordIds: $ids }) { totalCount } }",
        { ids: [gid("Organisation", fonds)] },
      ],
      [
        "admin",
        "query($ids: [ID!]) { dwellings(first: 1, filter: { landlordIds: $ids }) { totalCount } allocationMethodologies(first: 1, landlordIds: $ids) { totalCount } }",
        { ids: [gid("Organisation", fonds)] },
      ],
      ["analyst", DRAFT, { input: { landlordId: gid("Organisation", fonds), year: 2025 } }],
      // A developer filters the dwellings it developed by their landlord.
      ["developer", "query($ids: [ID!]) { dwellings(first: 1, filter: { landlordIds: $ids }) { totalCount } }", { ids: [gid("Organisation", esch)] }],
      [
        "developer",
        "query($ids: [ID!]) { compensationStatements(first: 1, filter: { organisationIds: $ids }) { totalCount } }",
        { ids: [gid("Organisation", snhbm)] },
      ],
    ];
    for (const [caller, query, variables] of allowed) {
      const res = await api.gql(caller, query, variables);
      expect(`${caller}: HTTP ${res.status} ${JSON.stringify(res.body.errors ?? [])}`).toBe(`${caller}: HTTP 200 []`);
    }

    // Objects reached by their own ID stay invisible (null), not forbidden: their existence does not leak.
    const fileB = await api.db.prisma.allocationFile.findFirstOrThrow({ where: { landlordId: fonds } });
    const shortlist = await api.gql("landlordA", "query($id: ID!) { node(id: $id) { ... on AllocationFile { candidates(first: 5) { totalCount } } } }", {
      id: gid("AllocationFile", fileB.id),
    });
    expect(shortlist.status).toBe(200);
    expect(shortlist.body).toEqual({ data: { node: null } });
  });

  it("candidates: personal data only for ministry administrators and a landlord with the candidate in its own allocation files", async () => {
    const q =
      "query($id: ID!) { node(id: $id) { ... on Candidate { ageBand householdComposition { size } personalData { firstName lastName birthDate address } } } }";
    const expectations: [Caller, string, "personal" | "pseudonymised" | "none"][] = [
      ["admin", candidateInA, "personal"],
      ["analyst", candidateInA, "pseudonymised"],
      ["landlordA", candidateInA, "personal"],
      ["landlordA", candidateOutsideA, "pseudonymised"],
      [
        "landlordB",
        candidateInA,
        (await api.db.prisma.allocationFileCandidate.count({
          where: { application: { candidateId: candidateInA }, ...unmaskingEntryWhere(api.orgIds.fonds) },
        })) > 0
          ? "personal"
          : "pseudonymised",
      ],
      ["developer", candidateInA, "none"],
      ["anonymous", candidateInA, "none"],
    ];
    for (const [caller, id, expected] of expectations) {
      const res = await api.gql(caller, q, { id: gid("Candidate", id) });
      const node = res.body.data?.node;
      const got = node == null ? "none" : node.personalData ? "personal" : "pseudonymised";
      expect(`${caller}: ${got}`).toBe(`${caller}: ${expected}`);
      if (got === "pseudonymised") {
        expect(node.ageBand).toMatch(/^(UNDER_18|AGE_)/);
        expect(JSON.stringify(node)).not.toMatch(/firstName|birthDate|address/);
      }
    }
  });

  it("the audit trail and the dashboard are the ministry's only", async () => {
    for (const caller of CALLERS) {
      const res = await api.gql(caller, "{ auditEvents(first: 1) { edges { node { action } } } ministryDashboard { vacancy { landlord } } }");
      const allowed = caller === "admin" || caller === "analyst";
      expect(`${caller}: ${res.body.errors ? "refused" : "allowed"}`).toBe(`${caller}: ${allowed ? "allowed" : "refused"}`);
    }
  });

  describe("mutations", () => {
    const CREATE = `mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id landlord { name } } userErrors { field code message rule } } }`;
    const createInput = (extra: Record<string, unknown> = {}) => ({
      reference: `T-${Math.random().toString(36).slice(2, 10)}`,
      developerId: gid("Organisation", api.orgIds.snhbm),
      category: "ALL_PUBLIC",
      type: "APARTMENT",
      bedrooms: 2,
      usefulArea: "72.50",
      municipalityCode: "esch-sur-alzette",
      address: "1, rue de l'Alzette",
      ...extra,
    });

    it("createDwelling: landlords in their own stock, administrators for a named landlord; nobody else", async () => {
      const outcome: Record<string, string> = {};
      for (const caller of CALLERS) {
        const extra = caller === "admin" ? { landlordId: gid("Organisation", api.orgIds.esch) } : {};
        const res = await api.gql(caller, CREATE, { input: createInput(extra) });
        outcome[caller] = res.body.errors
          ? String(res.body.errors[0]!.extensions?.code)
          : res.body.data!.createDwelling.userErrors.length
            ? "userErrors"
            : `created for ${res.body.data!.createDwelling.dwelling.landlord.name}`;
      }
      expect(outcome).toEqual({
        admin: "created for Ville d'Esch-sur-Alzette",
        analyst: "FORBIDDEN",
        landlordA: "created for Ville d'Esch-sur-Alzette",
        landlordB: "created for Fonds du Logement",
        developer: "FORBIDDEN",
        anonymous: "UNAUTHENTICATED",
      });
    });

    it("a landlord cannot create in another landlord's stock", async () => {
      const res = await api.gql("landlordA", CREATE, { input: createInput({ landlordId: gid("Organisation", api.orgIds.fonds) }) });
      expect(res.body.data!.createDwelling.userErrors).toMatchObject([{ field: ["input", "landlordId"], code: "FORBIDDEN" }]);
    });

    it("changes on a foreign dwelling or unit are NOT_FOUND and change nothing", async () => {
      const p = api.db.prisma;
      const foreign = await p.dwelling.findFirstOrThrow({ where: { landlordId: api.orgIds.fonds, status: "VACANT", type: { not: "SHARED_DWELLING" } } });
      const auditBefore = await p.auditEvent.count();
      const attempts = [
        ["updateDwelling", "UpdateDwellingInput", { id: gid("Dwelling", foreign.id), bedrooms: 5 }],
        ["createAccommodationUnit", "CreateAccommodationUnitInput", { dwellingId: gid("Dwelling", foreign.id), reference: "X1", usefulArea: "15" }],
        ["recordLetting", "LettingEventInput", { dwellingId: gid("Dwelling", foreign.id), date: "2026-01-05" }],
      ] as const;
      for (const [name, type, input] of attempts) {
        const res = await api.gql("landlordA", `mutation($input: ${type}!) { ${name}(input: $input) { userErrors { field code } } }`, { input });
        expect(res.body.data![name].userErrors[0]).toMatchObject({ code: "NOT_FOUND" });
      }
      expect(await p.dwelling.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
      expect(await p.auditEvent.count()).toBe(auditBefore);
    });

    it("API keys: only ministry administrators create or revoke them", async () => {
      const q = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix role } userErrors { code field } } }`;
      const input = { organisationId: gid("Organisation", api.orgIds.esch), role: "SOCIAL_LANDLORD", label: "ERP" };
      for (const caller of CALLERS) {
        const res = await api.gql(caller, q, { input });
        if (caller === "admin") {
          expect(res.body.data!.createApiKey.secret).toMatch(/^abk_[0-9a-f]{8}_/);
          const secret = res.body.data!.createApiKey.secret;
          const check = await fetch(api.url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
            body: '{"query":"{ viewer { role organisation { name } } }"}',
          });
          expect(((await check.json()) as any).data.viewer).toEqual({ role: "SOCIAL_LANDLORD", organisation: { name: "Ville d'Esch-sur-Alzette" } });
          const revoke = await api.gql("landlordA", `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { userErrors { code } } }`, {
            id: res.body.data!.createApiKey.apiKey.id,
          });
          expect(revoke.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
          const revoked = await api.gql("admin", `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { revokedAt } userErrors { code } } }`, {
            id: res.body.data!.createApiKey.apiKey.id,
          });
          expect(revoked.body.data!.revokeApiKey.apiKey.revokedAt).not.toBeNull();
          const after = await fetch(api.url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
            body: '{"query":"{ viewer { role } }"}',
          });
          expect(after.status).toBe(401);
        } else {
          expect(res.body.errors?.[0]?.extensions?.code).toBe(caller === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");
        }
      }
      const misfit = await api.gql("admin", q, { input: { ...input, organisationId: gid("Organisation", api.orgIds.snhbm) } });
      expect(misfit.body.data!.createApiKey.userErrors).toMatchObject([{ code: "INVALID_VALUE", field: ["input", "role"] }]);
    });
  });
});
