/**
 * Law art. 67 §3 (Esch ROI art. 13): sitting tenants to be rehoused rank before new candidates, and
 * the decision record states why each one is rehoused — the ground of its open rehousing case
 * (art. 67 §1-2, bill §2-4), not a default. A tenant flagged without an open case has no rehousing
 * to rank: it applies as a new tenant.
 */
import { recordView } from "./record-view.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RehousingCase, RehousingGround } from "@abordable/domain";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { compute, openFile, vacantDwelling } from "./flow.js";

const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
// The domain's grounds are the tenancy engine's rehousing cases, and the stored RehousingReason values.
const sameNames: RehousingGround extends RehousingCase ? (RehousingCase extends RehousingGround ? true : false) : false = true;

describe(`art. 67 §3 — the ground of a sitting tenant's rehousing (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  async function record(fileId: string) {
    return recordView(api.db.prisma, decode(fileId));
  }

  it("the decision record carries each sitting tenant's case ground (NON_COMPLIANT, RENOVATION), not TENANT_REQUEST", async () => {
    expect(sameNames).toBe(true);
    const p = api.db.prisma;
    const sitting = await p.application.findMany({
      where: {
        isSittingTenantToRehouse: true,
        status: "ACTIVE",
        candidate: { household: { leases: { some: { landlordId: api.orgIds.esch, status: "ACTIVE" } } } },
      },
      include: {
        candidate: {
          include: { household: { include: { leases: { where: { landlordId: api.orgIds.esch, status: "ACTIVE" }, include: { rehousingCases: true } } } } },
        },
      },
      orderBy: { id: "asc" },
    });
    expect(sitting.length).toBeGreaterThanOrEqual(2);
    const grounds = ["NON_COMPLIANT", "RENOVATION"] as const;
    const expected = new Map<string, string>();
    for (const [k, a] of sitting.slice(0, 2).entries()) {
      const lease = a.candidate.household!.leases[0]!;
      // The seed opened one case per sitting tenant; its ground becomes art. 67 §1 2° / 3°.
      await p.rehousingCase.updateMany({ where: { leaseId: lease.id, closedOn: null }, data: { reason: grounds[k]! } });
      expected.set(a.id, grounds[k]!);
    }
    const fileId = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    await compute(api, "landlordA", fileId, "2026-11-05", 10);
    const r = await record(fileId);
    for (const [applicationId, ground] of expected) {
      const c = r.candidates.find((x) => x.candidateId === applicationId);
      expect(c?.sittingTenant, applicationId).toMatchObject({ ground });
    }
  });

  it("the oldest open case gives the ground; a closed case gives none, and the flagged tenant then applies as a new tenant", async () => {
    const p = api.db.prisma;
    const a = await p.application.findFirstOrThrow({
      where: {
        isSittingTenantToRehouse: true,
        status: "ACTIVE",
        candidate: { household: { leases: { some: { landlordId: api.orgIds.esch, status: "ACTIVE" } } } },
      },
      include: { candidate: { include: { household: { include: { leases: { where: { landlordId: api.orgIds.esch, status: "ACTIVE" } } } } } } },
      orderBy: { id: "asc" },
    });
    const leaseId = a.candidate.household!.leases[0]!.id;
    const open = await p.rehousingCase.findFirstOrThrow({ where: { leaseId, closedOn: null }, orderBy: { knownOn: "asc" } });
    // A second, later case on the same lease does not change the ground.
    await p.rehousingCase.create({ data: { leaseId, reason: "UNDER_OCCUPANCY", knownOn: new Date(open.knownOn.getTime() + 86_400_000) } });
    const f1 = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    await compute(api, "landlordA", f1, "2026-11-05", 10);
    expect((await record(f1)).candidates.find((c) => c.candidateId === a.id)?.sittingTenant).toEqual({ leaseId, ground: open.reason });

    await p.rehousingCase.updateMany({ where: { leaseId }, data: { closedOn: new Date("2026-10-01T00:00:00Z") } });
    const f2 = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    await compute(api, "landlordA", f2, "2026-11-05", 10);
    const c = (await record(f2)).candidates.find((x) => x.candidateId === a.id);
    expect(c).toBeDefined();
    expect(c!.sittingTenant).toBeUndefined();
  });
});
