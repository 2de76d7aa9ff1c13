/**
 * Law art. 57 §1, RGD 13 Oct 2023 art. 3 and Esch ROI annex 1: each landlord's written methodology,
 * approved by the minister, versioned. A new version is checked, numbered after the latest and
 * audited; it takes effect only once a ministry administrator records the approval (issue 12); a
 * shortlist ranked after its approval uses it and records it in the decision record; a
 * shortlist ranked earlier still verifies with the version it recorded.
 */
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_METHODOLOGY } from "@abordable/domain";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { compute, ok, openFile, vacantDwelling } from "./flow.js";

const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
const CREATE = `mutation($input: CreateAllocationMethodologyVersionInput!) { createAllocationMethodologyVersion(input: $input) {
  methodology { id version approvedOn landlord { name } config summary { configVersion validFrom rules { criterion when points } } }
  userErrors { field code message rule } } }`;
const APPROVE = `mutation($input: ApproveAllocationMethodologyVersionInput!) { approveAllocationMethodologyVersion(input: $input) {
  methodology { id version approvedOn config summary { validFrom } } userErrors { field code message rule } } }`;
const VERIFY = `mutation($input: VerifyShortlistInput!) { verifyShortlist(input: $input) { verification { storedHashMatches sameRanking reproducible } userErrors { code } } }`;
const VERSIONS = `query($ids: [ID!]) { allocationMethodologies(first: 10, landlordIds: $ids) { totalCount edges { node { version approvedOn summary { configVersion } } } } }`;

/** The landlord's own figures: seniority weighs more, homelessness more (illustrative, not legal figures). */
function version2(): Record<string, any> {
  const c = JSON.parse(JSON.stringify(DEFAULT_METHODOLOGY));
  c.id = "esch-2026";
  c.description = "Esch-sur-Alzette methodology, second version approved by the minister";
  c.socioEconomic.title.HOMELESS = 40;
  c.seniority = { pointsPerFullYear: 5, cap: 25 };
  delete c.version;
  delete c.landlord;
  delete c.validFrom;
  return c;
}

async function recordOf(api: TestApi, fileId: string) {
  const row = await api.db.prisma.allocationFile.findUniqueOrThrow({ where: { id: decode(fileId) }, include: { methodology: true } });
  return { row, record: JSON.parse(gunzipSync(row.decisionRecord!).toString("utf8")) };
}

describe(`art. 57 — methodology per landlord, versioned (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it("a shortlist after approving version 2 uses version 2 and records it; the earlier shortlist still verifies with version 1", async () => {
    const before = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    const first = await compute(api, "landlordA", before, "2026-11-05", 10);
    expect(first.computation.methodologyVersion).toBe(1);

    const created = await ok(api, "landlordA", CREATE, { input: { config: version2() } }, "createAllocationMethodologyVersion");
    expect(created.methodology).toMatchObject({
      version: 2,
      approvedOn: null,
      landlord: { name: "Ville d'Esch-sur-Alzette" },
      summary: { configVersion: "2" },
    });
    expect(created.methodology.config).toMatchObject({
      id: "esch-2026",
      version: "2",
      landlord: "Ville d'Esch-sur-Alzette",
      seniority: { pointsPerFullYear: 5, cap: 25 },
    });
    expect(created.methodology.config.approvedByMinisterOn).toBeUndefined();
    expect(created.methodology.summary.rules).toContainEqual({ criterion: "ESCH_SENIORITY", when: "per full year registered (cap 25)", points: 5 });
    // Not approved yet: a ranking after the approval day to come still uses version 1.
    const unapproved = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2), "2026-11-06");
    expect((await compute(api, "landlordA", unapproved, "2026-11-12", 5)).computation.methodologyVersion).toBe(1);
    const approved = await ok(
      api,
      "admin",
      APPROVE,
      { input: { methodologyId: created.methodology.id, approvedOn: "2026-11-10" } },
      "approveAllocationMethodologyVersion",
    );
    expect(approved.methodology).toMatchObject({ version: 2, approvedOn: "2026-11-10", summary: { validFrom: "2026-11-10" } });
    expect(approved.methodology.config).toMatchObject({ approvedByMinisterOn: "2026-11-10", validFrom: "2026-11-10" });

    // The version in force is chosen by the ranking date: before the approval still version 1.
    const stillV1 = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2), "2026-11-06");
    expect((await compute(api, "landlordA", stillV1, "2026-11-09", 5)).computation.methodologyVersion).toBe(1);

    const after = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2), "2026-11-10");
    const second = await compute(api, "landlordA", after, "2026-11-12", 10);
    expect(second.computation.methodologyVersion).toBe(2);
    const v2 = await recordOf(api, after);
    expect(v2.row.methodology).toMatchObject({ version: 2 });
    expect(v2.record.methodology).toMatchObject({ id: "esch-2026", version: "2", seniority: { pointsPerFullYear: 5, cap: 25 } });
    const seniority = second.allocationFile.candidates.edges.map((e: any) => e.node.contributions.find((c: any) => c.criterion === "ESCH_SENIORITY").points);
    expect(seniority.every((pts: number) => pts % 5 === 0 && pts <= 25)).toBe(true);
    expect(seniority.some((pts: number) => pts > 10)).toBe(true); // above version 1's cap

    const v1 = await recordOf(api, before);
    expect(v1.row.methodology).toMatchObject({ version: 1 });
    expect(v1.record.methodology).toMatchObject({ id: DEFAULT_METHODOLOGY.id, version: DEFAULT_METHODOLOGY.version, seniority: DEFAULT_METHODOLOGY.seniority });
    for (const f of [before, after]) {
      const v = (await ok(api, "landlordA", VERIFY, { input: { allocationFileId: f } }, "verifyShortlist")).verification;
      expect(v, f).toEqual({ storedHashMatches: true, sameRanking: true, reproducible: true });
    }

    // The read of the versions: latest first, each with its approval.
    const list = await api.gql("landlordA", VERSIONS, { ids: [gid("Organisation", api.orgIds.esch)] });
    expect(list.body.data!.allocationMethodologies.edges.map((e: any) => e.node)).toEqual([
      { version: 2, approvedOn: "2026-11-10", summary: { configVersion: "2" } },
      { version: 1, approvedOn: "2024-01-01", summary: { configVersion: DEFAULT_METHODOLOGY.version } },
    ]);
    const audit = await api.db.prisma.auditEvent.findFirst({
      where: { action: "createAllocationMethodologyVersion", entityId: decode(created.methodology.id) },
    });
    expect(audit).toMatchObject({ entityType: "AllocationMethodology" });
    expect(audit!.after).toMatchObject({ version: 2, approvedOn: null });
    expect(audit!.before).toMatchObject({ version: 1, approvedOn: "2024-01-01" });
    const approval = await api.db.prisma.auditEvent.findFirst({
      where: { action: "approveAllocationMethodologyVersion", entityId: decode(created.methodology.id) },
    });
    expect(approval!.after).toMatchObject({ version: 2, approvedOn: "2026-11-10", approvedByOrganisationId: api.orgIds.ministry });
  });

  it("a configuration the engine cannot read is refused field by field, and nothing is created", async () => {
    const count = () => api.db.prisma.allocationMethodology.count({ where: { landlordId: api.orgIds.fonds } });
    const n = await count();
    const bad = version2();
    bad.socioEconomic.title.HOMELESS = -1;
    delete bad.socioEconomic.eviction.OTHER;
    bad.dwelling.proximityKm = [
      { max: "15", points: 6 },
      { max: "5", points: 10 },
    ];
    bad.seniority.pointsPerYear = 2;
    const res = await api.gql("landlordB", CREATE, { input: { config: bad } });
    const errors = res.body.data!.createAllocationMethodologyVersion.userErrors;
    expect(errors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.config.socioEconomic.title.HOMELESS", "INVALID_VALUE"],
      ["input.config.socioEconomic.eviction.OTHER", "INVALID_VALUE"],
      ["input.config.dwelling.proximityKm.1.max", "INVALID_VALUE"],
      ["input.config.seniority.pointsPerYear", "INVALID_VALUE"],
    ]);
    expect(errors[0].rule).toBe("law art. 57 §1; RGD 13 Oct 2023 art. 3");
    expect(res.body.data!.createAllocationMethodologyVersion.methodology).toBeNull();
    const notAnObject = await api.gql("landlordB", CREATE, { input: { config: [1, 2] } });
    expect(notAnObject.body.data!.createAllocationMethodologyVersion.userErrors[0]).toMatchObject({ field: ["input", "config"], code: "INVALID_VALUE" });
    expect(await count()).toBe(n);
  });

  it("only a ministry administrator approves, once, dated in order; a landlord records only its own methodology and never its approval", async () => {
    const withDate = await api.gql("landlordB", CREATE, { input: { approvedOn: "2026-12-01", config: version2() } });
    // approvedOn is a deprecated input field kept for compatibility: given, it is refused and nothing is recorded.
    expect(withDate.body.data!.createAllocationMethodologyVersion).toMatchObject({
      methodology: null,
      userErrors: [{ field: ["input", "approvedOn"], code: "RULE_VIOLATION" }],
    });
    const foreign = await api.gql("landlordB", CREATE, { input: { landlordId: gid("Organisation", api.orgIds.esch), config: version2() } });
    expect(foreign.body.data!.createAllocationMethodologyVersion.userErrors[0]).toMatchObject({ field: ["input", "landlordId"], code: "FORBIDDEN" });
    const adminWithout = await api.gql("admin", CREATE, { input: { config: version2() } });
    expect(adminWithout.body.data!.createAllocationMethodologyVersion.userErrors[0]).toMatchObject({ field: ["input", "landlordId"], code: "REQUIRED" });
    const byAdmin = await ok(
      api,
      "admin",
      CREATE,
      { input: { landlordId: gid("Organisation", api.orgIds.fonds), config: version2() } },
      "createAllocationMethodologyVersion",
    );
    expect(byAdmin.methodology).toMatchObject({ version: 2, approvedOn: null, landlord: { name: "Fonds du Logement" } });
    for (const caller of ["developer", "analyst", "anonymous"] as const) {
      const res = await api.gql(caller, CREATE, { input: { config: version2() } });
      expect(res.body.errors?.[0]?.extensions?.code, caller).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    const methodologyId = byAdmin.methodology.id;
    for (const caller of ["landlordB", "landlordA", "analyst", "developer", "anonymous"] as const) {
      const res = await api.gql(caller, APPROVE, { input: { methodologyId, approvedOn: "2026-12-01" } });
      expect(res.body.errors?.[0]?.extensions?.code, caller).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    const early = await api.gql("admin", APPROVE, { input: { methodologyId, approvedOn: "2023-12-31" } });
    expect(early.body.data!.approveAllocationMethodologyVersion.userErrors[0]).toMatchObject({ field: ["input", "approvedOn"], code: "OUT_OF_RANGE" });
    const future = await api.gql("admin", APPROVE, { input: { methodologyId, approvedOn: "2999-01-01" } });
    expect(future.body.data!.approveAllocationMethodologyVersion.userErrors[0]).toMatchObject({ field: ["input", "approvedOn"], code: "OUT_OF_RANGE" });
    expect((await api.db.prisma.allocationMethodology.findUniqueOrThrow({ where: { id: decode(methodologyId) } })).approvedOn).toBeNull();
    await ok(api, "admin", APPROVE, { input: { methodologyId, approvedOn: "2026-12-01" } }, "approveAllocationMethodologyVersion");
    const again = await api.gql("admin", APPROVE, { input: { methodologyId, approvedOn: "2026-12-01" } });
    expect(again.body.data!.approveAllocationMethodologyVersion.userErrors[0]).toMatchObject({ field: ["input", "methodologyId"], code: "INVALID_STATE" });
  });
});
