/**
 * Issue 12 — the remaining personal-data findings of the review, one test each, on the real
 * database (PGlite by default, PostgreSQL with ABORDABLE_TEST_DATABASE_URL). The exposure test
 * generated from the field classes is personal-data.test.ts; these check each finding through the
 * mutations that write the data (terminateLease, importPortfolio, anonymiseCandidate,
 * deactivateOrganisation, proposeDwellingTransfer, transferDeposit).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { realVacancyWhere } from "../../src/privacy/relationship.js";
import { issueApiKey } from "../../src/identity/api-keys.js";
import { snapshotApplications } from "../../src/allocation/adapters/snapshots.js";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { compute, ok, openFile } from "../allocation/flow.js";

const edges = (c: any) => (c?.edges ?? []).map((e: any) => e.node);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
const TERMINATE = `mutation($input: TerminateLeaseInput!) { terminateLease(input: $input) { termination { ground effectiveOn } userErrors { field code message } } }`;
const LEASE = `query($id: ID!) { node(id: $id) { ... on Lease { endsOn terminations { ground noticeOn effectiveOn evidence computation } } } }`;
const AUDIT = `{ auditEvents(first: 100) { edges { node { action entityType entityId before after } } } }`;

describe(`personal-data findings of the review (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let youngLease: { id: string; birthDate: string };
  let deathLease: string;

  beforeAll(async () => {
    api = await startTestApi();
    const p = api.db.prisma;
    const young = await p.lease.findFirstOrThrow({
      where: { landlordId: api.orgIds.esch, status: "ACTIVE", dwelling: { dedicatedSubCategory: "YOUNG_PEOPLE" } },
      orderBy: { id: "desc" },
    });
    const death = await p.lease.findFirstOrThrow({ where: { landlordId: api.orgIds.esch, status: "ACTIVE", NOT: { id: young.id } }, orderBy: { id: "desc" } });
    deathLease = death.id;
    // The two terminations whose data is a person's: a young tenant's 32nd birthday, a death with a successor named.
    await ok(
      api,
      "landlordA",
      TERMINATE,
      { input: { leaseId: gid("Lease", young.id), ground: "YOUNG_TENANT_AGE", evidence: "Carte d'identité de Lucas Ferreira" } },
      "terminateLease",
    );
    // The tenant whose 32nd birthday ends the lease (the engine picks it among the household's tenants): one of the members.
    const recorded = await p.leaseTermination.findFirstOrThrow({ where: { leaseId: young.id } });
    const birthDate = (recorded.computation as { facts: { tenantBirthDate: string } }).facts.tenantBirthDate;
    expect((await p.householdMember.findMany({ where: { householdId: young.householdId } })).map((m) => iso(m.birthDate))).toContain(birthDate);
    youngLease = { id: young.id, birthDate };
    await ok(
      api,
      "landlordA",
      TERMINATE,
      {
        input: {
          leaseId: gid("Lease", death.id),
          ground: "DEATH",
          noticeOn: "2026-03-09",
          successors: [{ name: "Marta Kowalczyk", eligible: false, livedWithTenant: false }],
          evidence: "Acte de décès",
        },
      },
      "terminateLease",
    );
  }, 300_000);
  afterAll(async () => api?.close());

  it("finding 1: analysts read LeaseTermination.computation, evidence, effectiveOn and Lease.endsOn only masked or coarsened to the year — the young tenant's birth date, the death date and the successor's name never show", async () => {
    const admin = (await api.gql("admin", LEASE, { id: gid("Lease", youngLease.id) })).body.data!.node;
    const analyst = (await api.gql("analyst", LEASE, { id: gid("Lease", youngLease.id) })).body.data!.node;
    const landlord = (await api.gql("landlordA", LEASE, { id: gid("Lease", youngLease.id) })).body.data!.node;
    const birthday = `${Number(youngLease.birthDate.slice(0, 4)) + 32}${youngLease.birthDate.slice(4)}`;
    // The tenant's landlord and the administrators: exact.
    for (const full of [admin, landlord]) {
      expect(full.endsOn).toBe(birthday);
      expect(full.terminations[0]).toMatchObject({ ground: "YOUNG_TENANT_AGE", effectiveOn: birthday, evidence: expect.stringContaining("Ferreira") });
      expect(full.terminations[0].computation.facts.tenantBirthDate).toBe(youngLease.birthDate);
    }
    // The analysts: the year only, no evidence, the computation's classified keys masked.
    expect(analyst.endsOn).toBe(`${birthday.slice(0, 4)}-01-01`);
    const t = analyst.terminations[0];
    expect(t).toMatchObject({ ground: "YOUNG_TENANT_AGE", effectiveOn: `${birthday.slice(0, 4)}-01-01`, evidence: null });
    expect(t.computation.facts.tenantBirthDate).toMatch(/^AGE_/);
    expect(t.computation.end.endsOn).toBe(`${birthday.slice(0, 4)}-01-01`);
    const text = JSON.stringify(analyst);
    for (const secret of [youngLease.birthDate, birthday, "Ferreira"]) expect(text).not.toContain(secret);

    const death = (await api.gql("analyst", LEASE, { id: gid("Lease", deathLease) })).body.data!.node.terminations.find((x: any) => x.ground === "DEATH");
    const deathFull = (await api.gql("admin", LEASE, { id: gid("Lease", deathLease) })).body.data!.node.terminations.find((x: any) => x.ground === "DEATH");
    expect(deathFull).toMatchObject({
      noticeOn: "2026-03-09",
      computation: { facts: { successors: [expect.objectContaining({ personId: "Marta Kowalczyk" })] } },
    });
    expect(death).toMatchObject({ noticeOn: "2026-01-01", evidence: null, computation: { facts: { successors: "masked:IDENTITY", diedOn: "2026-01-01" } } });
    expect(JSON.stringify(death)).not.toContain("Kowalczyk");
    expect(JSON.stringify(death)).not.toContain("2026-03-09");
  }, 120_000);

  it("finding 2: audit payloads mask rent computations (their trace included) and terminateLease's termination, successors and dates derived from a birth date as a whole", async () => {
    const p = api.db.prisma;
    // A lease row as signLease and reviseRent record it: the rent computation with its trace, and a revision's.
    const computed = await p.lease.findFirstOrThrow({ where: { rentComputation: { not: Prisma.DbNull } }, orderBy: { id: "asc" } });
    const rc = computed.rentComputation as Record<string, unknown>;
    expect(rc.annualNetDisposableIncome).toBeDefined();
    await p.auditEvent.create({
      data: {
        action: "fixture.reviseRent",
        entityType: "Lease",
        entityId: computed.id,
        before: null as never,
        after: JSON.parse(JSON.stringify({ ...computed, revision: { monthlyRent: "512.00", computation: rc } })),
      },
    });
    for (const caller of ["admin", "analyst"] as const) {
      const events = edges((await api.gql(caller, AUDIT)).body.data!.auditEvents);
      const fixture = events.find((e: any) => e.action === "fixture.reviseRent");
      expect(fixture.after.rentComputation, caller).toBe("masked:INCOME");
      expect(fixture.after.revision).toEqual({ monthlyRent: "512.00", computation: "masked:INCOME" });
      const text = JSON.stringify(fixture);
      for (const key of ["annualNetDisposableIncome", "grossAnnual", "effortRate", "grossMonthly", "trace", "lowIncome"])
        expect(text, `${caller} ${key}`).not.toContain(`"${key}"`);
      // terminateLease: the termination as a whole, the lease's end as its year.
      const young = events.find((e: any) => e.action === "terminateLease" && e.entityId === gid("Lease", youngLease.id));
      expect(young.after.termination, caller).toBe("masked:BIRTH_DATE");
      expect(young.after.endsOn).toMatch(/^\d{4}-01-01$/);
      const death = events.find((e: any) => e.action === "terminateLease" && e.entityId === gid("Lease", deathLease));
      const all = JSON.stringify([young, death]);
      for (const secret of [youngLease.birthDate, "Ferreira", "Kowalczyk", "2026-03-09"]) expect(all, `${caller} ${secret}`).not.toContain(secret);
    }
  }, 120_000);

  /** importPortfolio as landlord A: one apartment with one lease; returns the import's report and the dwelling's ID. */
  async function importOne(reference: string, lease: string[]) {
    const header =
      "record,reference,developerId,category,type,bedrooms,usefulArea,municipalityCode,address,dwellingReference,householdReference,firstName,lastName,birthDate,incomeYear,startsOn,monthlyRent";
    const rows = [
      `DWELLING,${reference},${gid("Organisation", api.orgIds.snhbm)},ALL_PUBLIC,APARTMENT,2,70.00,esch-sur-alzette,"3, rue du Fer",,,,,,,,`,
      `LEASE,,,,,,,,,${reference},${lease.join(",")}`,
    ];
    const res = await api.gql(
      "landlordA",
      `mutation($input: ImportPortfolioInput!) { importPortfolio(input: $input) { portfolioImport { id status rowErrors { line column code rule message } } userErrors { message } } }`,
      { input: { format: "CSV", content: `${header}\n${rows.join("\n")}\n` } },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.importPortfolio.portfolioImport;
  }

  it("finding 3 a: a lease created by the portfolio import does not make its dwelling a real vacancy for register unmasking", async () => {
    const p = api.db.prisma;
    const imported = await importOne("IMP-VAC-1", ["H-IMP-1", "Ana", "Silva", "1980-04-02", "2023", "2019-01-01", "450.00"]);
    expect(imported.status).toBe("APPLIED");
    const lease = await p.lease.findFirstOrThrow({ where: { importId: decode(imported.id) } });
    // The landlord ends it and opens a file on the dwelling, outside any convention.
    await p.lease.update({ where: { id: lease.id }, data: { status: "ENDED", endsOn: new Date("2026-10-31T00:00:00Z") } });
    await p.dwelling.update({ where: { id: lease.dwellingId }, data: { status: "VACANT" } });
    expect(await p.dwelling.count({ where: { id: lease.dwellingId, ...realVacancyWhere(api.orgIds.esch) } })).toBe(0);
    const otherGround = new Set(
      (
        await p.allocationFileCandidate.findMany({
          where: { allocationFile: { landlordId: api.orgIds.esch } },
          select: { application: { select: { candidateId: true } } },
        })
      ).map((e) => e.application.candidateId),
    );
    const file = await openFile(api, "landlordA", gid("Dwelling", lease.dwellingId), "2026-11-02");
    await compute(api, "landlordA", file, "2026-11-05", 100);
    const res = await api.gql(
      "landlordA",
      `query($id: ID!) { node(id: $id) { ... on AllocationFile { candidates(first: 100) { edges { node { candidate { id personalData { firstName } } } } } } } }`,
      { id: file },
    );
    const shortlist = edges(res.body.data!.node.candidates);
    expect(shortlist.length).toBeGreaterThan(10);
    expect(shortlist.filter((e: any) => e.candidate.personalData && !otherGround.has(decode(e.candidate.id)))).toEqual([]);
    // The same lease signed on the platform (no importId) would make it one: the rule is what decides.
    await p.lease.update({ where: { id: lease.id }, data: { importId: null } });
    expect(await p.dwelling.count({ where: { id: lease.dwellingId, ...realVacancyWhere(api.orgIds.esch) } })).toBe(1);
    await p.lease.update({ where: { id: lease.id }, data: { importId: decode(imported.id) } });
  }, 300_000);

  it("finding 3 b: a tenant recorded by an import is not on the register: another landlord reads nothing of it, the importing landlord and the ministry see it as any candidate", async () => {
    const imported = await importOne("IMP-REG-1", ["H-IMP-2", "Bruno", "Costa", "1975-09-30", "2023", "2020-02-01", "480.00"]);
    const candidate = await api.db.prisma.candidate.findFirstOrThrow({ where: { importId: decode(imported.id) } });
    const Q = `query($id: ID!) { node(id: $id) { ... on Candidate { id ageBand personalData { firstName } } } }`;
    expect((await api.gql("landlordB", Q, { id: gid("Candidate", candidate.id) })).body.data!.node).toBeNull();
    const list = async (caller: "landlordA" | "landlordB") => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (
          await api.gql(
            caller,
            `query($after: String) { candidates(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
            { after },
          )
        ).body.data!.candidates;
        ids.push(...edges(page).map((n: any) => decode(n.id)));
        if (!page.pageInfo.hasNextPage) return ids;
        after = page.pageInfo.endCursor;
      }
    };
    expect(await list("landlordB")).not.toContain(candidate.id);
    expect(await list("landlordA")).toContain(candidate.id);
    // The importing landlord and the analysts: pseudonymised, as any candidate outside their files.
    for (const caller of ["landlordA", "analyst"] as const)
      expect((await api.gql(caller, Q, { id: gid("Candidate", candidate.id) })).body.data!.node).toMatchObject({
        ageBand: expect.stringMatching(/^AGE_/),
        personalData: null,
      });
    expect((await api.gql("admin", Q, { id: gid("Candidate", candidate.id) })).body.data!.node.personalData).toEqual({ firstName: "Bruno" });
  }, 120_000);

  it("finding 3 c: candidateDataReport is itself an access record and lists every table holding the person's data, and who saw it", async () => {
    const p = api.db.prisma;
    const household = await p.household.findFirstOrThrow({ where: { leases: { some: { id: youngLease.id } } } });
    // Someone saw the household's data: the tenant's landlord.
    await api.gql("landlordA", `query($id: ID!) { node(id: $id) { ... on Household { members { firstName } } } }`, { id: gid("Household", household.id) });
    const before = await p.personalDataAccess.count({ where: { candidateId: household.candidateId, operation: "candidateDataReport" } });
    const res = await api.gql("admin", `query($id: ID!) { candidateDataReport(candidateId: $id) }`, { id: gid("Candidate", household.candidateId) });
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data!.candidateDataReport;
    expect(
      await p.personalDataAccess.count({ where: { candidateId: household.candidateId, operation: "candidateDataReport", purpose: "REGISTER_ADMINISTRATION" } }),
    ).toBe(before + 1);
    expect(Object.keys(report).sort()).toEqual([
      "accesses",
      "applications",
      "candidate",
      "changes",
      "entitledToPersonalData",
      "generatedAt",
      "household",
      "leases",
    ]);
    const lease = report.leases.find((l: any) => l.id === youngLease.id);
    for (const table of ["revisions", "deposit", "inventories", "rentInformationRequests", "rehousingCases", "terminations"])
      expect(lease, table).toHaveProperty(table);
    expect(lease.terminations[0].ground).toBe("YOUNG_TENANT_AGE");
    expect(report.household.members.length).toBeGreaterThan(0);
    // Who saw it: the landlord's access (TENANCY) and this report's own.
    expect(report.accesses).toContainEqual(
      expect.objectContaining({ purpose: "TENANCY", organisation: "Ville d'Esch-sur-Alzette", apiKeyPrefix: expect.any(String) }),
    );
    expect(report.accesses).toContainEqual(expect.objectContaining({ purpose: "REGISTER_ADMINISTRATION", operation: "candidateDataReport" }));
    expect(report.changes).toContainEqual(expect.objectContaining({ action: "terminateLease", entityId: youngLease.id }));
  }, 120_000);

  it("finding 3 d: an import's row errors name the line, column and rule, never the value submitted (names, birth dates, incomes), for the analysts reading the stored report", async () => {
    const imported = await importOne("IMP-ERR-1", ["H-IMP-3", "Zygmunt", "Wiśniewski", "1985-13-45", "Zygmunt-1985", "2021-02-30", "2417.35x"]);
    expect(imported.status).toBe("REJECTED");
    const res = await api.gql("analyst", `query($id: ID!) { portfolioImport(id: $id) { rowErrors { line column code rule message } } }`, { id: imported.id });
    const errors = res.body.data!.portfolioImport.rowErrors;
    expect(errors.map((e: any) => e.column).sort()).toEqual(["birthDate", "incomeYear", "monthlyRent", "startsOn"]);
    const text = JSON.stringify(errors);
    for (const value of ["1985-13-45", "Zygmunt", "2021-02-30", "2417.35x", "Wiśniewski"]) expect(text).not.toContain(value);
    const stored = JSON.stringify((await api.db.prisma.portfolioImport.findUniqueOrThrow({ where: { id: decode(imported.id) } })).report);
    for (const value of ["1985-13-45", "Zygmunt", "2417.35x"]) expect(stored).not.toContain(value);
  }, 120_000);

  it("finding 3 e: anonymiseCandidate erases every personal field of the candidate and its members — incomes (kept as their band's lower bound), disability, workplace, residence — and keeps the statistics' coarse data", async () => {
    const p = api.db.prisma;
    const c = await p.candidate.findFirstOrThrow({
      where: { household: { is: { leases: { none: {} }, memberCount: { gte: 2 } } }, applications: { some: {} } },
      include: { household: { include: { members: true } } },
      orderBy: { id: "desc" },
    });
    await p.application.updateMany({ where: { candidateId: c.id }, data: { status: "WITHDRAWN", closedOn: new Date("2019-01-01T00:00:00Z") } });
    const member = c.household!.members[0]!;
    await p.householdMember.update({
      where: { id: member.id },
      data: {
        hasDisability: true,
        workplaceMunicipalityId: "esch-sur-alzette",
        holdsOtherDwellingRight: true,
        residenceStatus: "EU_RESIDENCE_RIGHT",
        residentSince: new Date("2015-01-01T00:00:00Z"),
        annualNetIncome: "47311.27",
      },
    });
    // The shortlist's input snapshots of the candidate (issue 16) hold the same personal data.
    await p.$transaction((tx) => snapshotApplications(tx, { candidateId: c.id }));
    expect(await p.applicationSnapshot.count({ where: { candidateId: c.id } })).toBeGreaterThan(0);
    const env = { m: process.env.ABORDABLE_REGISTER_RETENTION_MONTHS, s: process.env.ABORDABLE_REGISTER_RETENTION_SOURCE };
    process.env.ABORDABLE_REGISTER_RETENTION_MONTHS = "24";
    process.env.ABORDABLE_REGISTER_RETENTION_SOURCE = "test";
    try {
      await ok(
        api,
        "admin",
        `mutation($input: AnonymiseCandidateInput!) { anonymiseCandidate(input: $input) { candidate { id } userErrors { field code message } } }`,
        { input: { candidateId: gid("Candidate", c.id) } },
        "anonymiseCandidate",
      );
    } finally {
      if (env.m === undefined) delete process.env.ABORDABLE_REGISTER_RETENTION_MONTHS;
      else process.env.ABORDABLE_REGISTER_RETENTION_MONTHS = env.m;
      if (env.s === undefined) delete process.env.ABORDABLE_REGISTER_RETENTION_SOURCE;
      else process.env.ABORDABLE_REGISTER_RETENTION_SOURCE = env.s;
    }
    const after = await p.candidate.findUniqueOrThrow({ where: { id: c.id }, include: { household: { include: { members: true } } } });
    expect(after).toMatchObject({
      firstName: "—",
      lastName: "—",
      address: "—",
      email: null,
      phone: null,
      residentSince: null,
      registerNumber: `ANON-${c.id}`,
      municipalityId: c.municipalityId,
    });
    expect(iso(after.birthDate)).toBe(`${c.birthDate.getUTCFullYear()}-01-01`);
    for (const m of after.household!.members) {
      const was = c.household!.members.find((x) => x.id === m.id)!;
      expect(m).toMatchObject({
        firstName: "—",
        lastName: "—",
        hasDisability: false,
        workplaceMunicipalityId: null,
        holdsOtherDwellingRight: false,
        residenceStatus: null,
        residentSince: null,
        residenceTitleEndsOn: null,
        role: was.role,
        isDependent: was.isDependent,
      });
      expect(Number(m.annualNetIncome.toFixed(2)) % 20_000).toBe(0);
    }
    expect(after.household!.members.find((m) => m.id === member.id)!.annualNetIncome.toFixed(2)).toBe("40000.00");
    expect(await p.applicationSnapshot.count({ where: { candidateId: c.id } })).toBe(0);
  }, 120_000);

  /** A social landlord of its own with a key (so that deactivating it leaves the demo organisations alone). */
  async function spareLandlord(name: string) {
    const org = await api.db.prisma.organisation.create({ data: { name, kind: "COMPANY", isSocialLandlord: true } });
    const key = await issueApiKey(api.db.prisma, { organisationId: org.id, role: "SOCIAL_LANDLORD", label: name });
    return { id: org.id, key: key.key };
  }
  const asKey = async (key: string, query: string) =>
    (await fetch(api.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query }) }))
      .status;
  const deactivate = (id: string) =>
    ok(
      api,
      "admin",
      `mutation($input: DeactivateOrganisationInput!) { deactivateOrganisation(input: $input) { revokedKeys userErrors { field code message } } }`,
      { input: { id: gid("Organisation", id), reason: "finding 3" } },
      "deactivateOrganisation",
    );

  it("finding 3 f: deactivating an organisation drops its keys from the in-process key cache at once", async () => {
    const spare = await spareLandlord("Bailleur de test (clé en cache)");
    // The key is cached by its first request.
    expect(await asKey(spare.key, "{ leases(first: 1) { totalCount } }")).toBe(200);
    const out = await deactivate(spare.id);
    expect(out.revokedKeys).toBe(1);
    // The very next request, well within the cache's lifetime, is refused.
    expect(await asKey(spare.key, "{ leases(first: 1) { totalCount } }")).toBe(401);
  }, 60_000);

  it("finding 3 g: transferDeposit and proposeDwellingTransfer to a deactivated landlord are refused (RULE_VIOLATION naming newLandlordId), nothing recorded", async () => {
    const p = api.db.prisma;
    const spare = await spareLandlord("Bailleur de test (désactivé)");
    await deactivate(spare.id);
    const lease = await p.lease.findFirstOrThrow({
      where: {
        landlordId: api.orgIds.esch,
        status: "ACTIVE",
        deposit: { isNot: null },
        dwelling: {
          allocationFiles: {
            none: { status: { in: ["VACANCY", "SHORTLIST", "SOCIAL_ENQUIRY", "COMMISSION_OPINION", "HOUSING_PROMISE", "VISIT", "REFUSED"] } },
          },
        },
      },
      orderBy: { id: "asc" },
    });
    const transfers = await p.dwellingTransfer.count();
    const to = gid("Organisation", spare.id);
    const deposit = await api.gql(
      "landlordA",
      `mutation($input: TransferDepositInput!) { transferDeposit(input: $input) { userErrors { field code rule message } } }`,
      { input: { leaseId: gid("Lease", lease.id), newLandlordId: to, on: "2026-12-01" } },
    );
    const dwelling = await api.gql(
      "landlordA",
      `mutation($input: ProposeDwellingTransferInput!) { proposeDwellingTransfer(input: $input) { transfer { id } userErrors { field code rule message } } }`,
      { input: { dwellingId: gid("Dwelling", lease.dwellingId), newLandlordId: to, on: "2026-12-01" } },
    );
    for (const res of [deposit.body.data!.transferDeposit, dwelling.body.data!.proposeDwellingTransfer]) {
      expect(res.userErrors).toContainEqual(
        expect.objectContaining({ field: ["input", "newLandlordId"], code: "RULE_VIOLATION", message: expect.stringContaining("deactivated") }),
      );
    }
    expect(await p.dwellingTransfer.count()).toBe(transfers);
  }, 60_000);

  it("finding 3 h: waiverReason and the other free texts of tenancy and allocation records are masked for the analysts", async () => {
    const p = api.db.prisma;
    const c = await p.rehousingCase.findFirstOrThrow({ where: { lease: { landlordId: api.orgIds.esch } }, orderBy: { id: "desc" } });
    await p.rehousingCase.update({ where: { id: c.id }, data: { waiverReason: "Mme Ferreira, sous dialyse" } });
    const Q = `query($id: ID!) { node(id: $id) { ... on RehousingCase { waiverReason } } }`;
    expect((await api.gql("landlordA", Q, { id: gid("RehousingCase", c.id) })).body.data!.node.waiverReason).toContain("dialyse");
    expect((await api.gql("admin", Q, { id: gid("RehousingCase", c.id) })).body.data!.node.waiverReason).toContain("dialyse");
    expect((await api.gql("analyst", Q, { id: gid("RehousingCase", c.id) })).body.data!.node.waiverReason).toBeNull();
    // The termination's evidence written by terminateLease, likewise.
    const t = (await api.gql("analyst", LEASE, { id: gid("Lease", deathLease) })).body.data!.node.terminations;
    expect(t.every((x: any) => x.evidence === null)).toBe(true);
  }, 60_000);
});
