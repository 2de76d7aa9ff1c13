/**
 * Free-choice quotas (law art. 53 al. 3; bill art. 30 2°) at their thresholds under both regimes,
 * and concurrent allocations of one vacancy: exactly one wins, nothing half-written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueApiKey } from "../../src/identity/api-keys.js";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { commissionOf, compute, ok, openFile, RESPOND, step, toOffer, vacantDwelling } from "./flow.js";

const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
const ALLOCATE = `mutation($input: AllocateInput!) { allocate(input: $input) {
  allocationFile { status freeChoice closedOn }
  quota { allowed quotaPercent managedDwellings allocationsThisYear freeChoiceThisYear maxWithNext reason rule }
  userErrors { field code message rule } } }`;
const MANAGED = ["VACANT", "LET", "UNDER_RENOVATION"] as const;

/** Sets landlord A's managed affordable stock to exactly `target` dwellings (adding let dwellings, or withdrawing added ones). */
async function setStock(api: TestApi, target: number): Promise<void> {
  const p = api.db.prisma;
  const esch = api.orgIds.esch;
  const now = await p.dwelling.count({ where: { landlordId: esch, status: { in: [...MANAGED] } } });
  if (now < target) {
    const withdrawn = await p.dwelling.findMany({
      where: { landlordId: esch, status: "WITHDRAWN", reference: { startsWith: "QUOTA-" } },
      take: target - now,
      select: { id: true },
    });
    await p.dwelling.updateMany({ where: { id: { in: withdrawn.map((d) => d.id) } }, data: { status: "LET" } });
    const missing = target - now - withdrawn.length;
    const template = await p.dwelling.findFirstOrThrow({ where: { landlordId: esch } });
    const start = await p.dwelling.count({ where: { reference: { startsWith: "QUOTA-" } } });
    if (missing > 0)
      await p.dwelling.createMany({
        data: Array.from({ length: missing }, (_, i) => ({
          ...template,
          id: undefined,
          reference: `QUOTA-${start + i}`,
          status: "LET" as const,
          createdAt: undefined,
          updatedAt: undefined,
          usefulArea: template.usefulArea.toFixed(),
        })) as never,
      });
  } else if (now > target) {
    const extra = await p.dwelling.findMany({
      where: { landlordId: esch, status: "LET", reference: { startsWith: "QUOTA-" } },
      take: now - target,
      select: { id: true },
    });
    expect(extra.length).toBe(now - target);
    await p.dwelling.updateMany({ where: { id: { in: extra.map((d) => d.id) } }, data: { status: "WITHDRAWN" } });
  }
  expect(await p.dwelling.count({ where: { landlordId: esch, status: { in: [...MANAGED] } } })).toBe(target);
}

/** Brings landlord A's allocations (lease signed) of 2026 up to `target`, through the procedure (not free choice). */
async function setAllocations(api: TestApi, target: number): Promise<void> {
  const p = api.db.prisma;
  const where = { landlordId: api.orgIds.esch, status: "LEASE_SIGNED" as const, closedOn: { gte: new Date("2026-01-01"), lte: new Date("2026-12-31") } };
  const now = await p.allocationFile.count({ where });
  expect(now).toBeLessThanOrEqual(target);
  const dwelling = await p.dwelling.findFirstOrThrow({ where: { landlordId: api.orgIds.esch, status: "LET" } });
  await p.allocationFile.createMany({
    data: Array.from({ length: target - now }, () => ({
      landlordId: api.orgIds.esch,
      dwellingId: dwelling.id,
      status: "LEASE_SIGNED" as const,
      openedOn: new Date("2026-02-01"),
      closedOn: new Date("2026-03-01"),
    })),
  });
}

/** A vacancy with its shortlist, ready for a free-choice allocation; returns the file and the best-ranked candidates. */
async function vacancy(api: TestApi): Promise<{ file: string; candidates: string[] }> {
  const file = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
  const r = await compute(api, "landlordA", file, "2026-11-05", 5);
  return { file, candidates: r.allocationFile.candidates.edges.map((e: any) => e.node.candidate.id) };
}

const freeChoice = (api: TestApi, file: string, candidateId: string) =>
  api.gql("landlordA", ALLOCATE, { input: { allocationFileId: file, on: "2026-11-10", freeChoice: true, candidateId } });

describe(`free-choice quotas — law art. 53 al. 3 (${TEST_DATABASE_KIND})`, () => {
  let law: TestApi;
  let bill: TestApi;
  beforeAll(async () => {
    law = await startTestApi();
    bill = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
  });
  afterAll(async () => {
    await law?.close();
    await bill?.close();
  });

  it("law: no free choice at 200 dwellings; 10 % above 200; refused when it would exceed the share", async () => {
    await setAllocations(law, 9);
    const v1 = await vacancy(law);
    await setStock(law, 200);
    const at200 = (await freeChoice(law, v1.file, v1.candidates[0]!)).body.data!.allocate;
    expect(at200.userErrors).toEqual([expect.objectContaining({ field: ["input", "freeChoice"], code: "RULE_VIOLATION", rule: "law art. 53 al. 3" })]);
    expect(at200.quota).toMatchObject({ allowed: false, quotaPercent: "0", managedDwellings: 200, allocationsThisYear: 9 });
    expect((await law.db.prisma.allocationFile.findUniqueOrThrow({ where: { id: decode(v1.file) } })).status).toBe("SHORTLIST");

    await setStock(law, 201);
    const at201 = (await freeChoice(law, v1.file, v1.candidates[0]!)).body.data!.allocate;
    expect(at201.userErrors).toEqual([]);
    expect(at201.quota).toMatchObject({
      allowed: true,
      quotaPercent: "10",
      managedDwellings: 201,
      allocationsThisYear: 9,
      freeChoiceThisYear: 0,
      maxWithNext: 1,
    });
    expect(at201.allocationFile).toMatchObject({ status: "LEASE_SIGNED", freeChoice: true, closedOn: "2026-11-10" });

    const v2 = await vacancy(law);
    await setStock(law, 201);
    const exceed = (await freeChoice(law, v2.file, v2.candidates[0]!)).body.data!.allocate;
    expect(exceed.quota).toMatchObject({ allowed: false, allocationsThisYear: 10, freeChoiceThisYear: 1, maxWithNext: 1 });
    expect(exceed.userErrors[0]).toMatchObject({ code: "RULE_VIOLATION", rule: "law art. 53 al. 3" });
  });

  it("bill 8535: no free choice at 100 dwellings; 10 % above 100; 15 % above 200 where the law refuses", async () => {
    await setAllocations(bill, 9);
    const v1 = await vacancy(bill);
    await setStock(bill, 100);
    const at100 = (await freeChoice(bill, v1.file, v1.candidates[0]!)).body.data!.allocate;
    expect(at100.userErrors[0]).toMatchObject({ code: "RULE_VIOLATION", rule: "bill 8535 art. 30 2°" });
    await setStock(bill, 101);
    const at101 = (await freeChoice(bill, v1.file, v1.candidates[0]!)).body.data!.allocate;
    expect(at101.userErrors).toEqual([]);
    expect(at101.quota).toMatchObject({ allowed: true, quotaPercent: "10", managedDwellings: 101 });
    // 1 free choice among 13 allocations: one more is 2 of 14 — within 15 % (bill, > 200), beyond 10 % (law, 200 < 201 ≤ 500).
    await setAllocations(bill, 13);
    const v2 = await vacancy(bill);
    await setStock(bill, 201);
    const at201 = (await freeChoice(bill, v2.file, v2.candidates[0]!)).body.data!.allocate;
    expect(at201.userErrors).toEqual([]);
    expect(at201.quota).toMatchObject({ allowed: true, quotaPercent: "15", allocationsThisYear: 13, freeChoiceThisYear: 1, maxWithNext: 2 });
    await setAllocations(law, 13);
    const v3 = await vacancy(law);
    await setStock(law, 201);
    const lawAt201 = (await freeChoice(law, v3.file, v3.candidates[0]!)).body.data!.allocate;
    expect(lawAt201.quota).toMatchObject({ allowed: false, quotaPercent: "10", allocationsThisYear: 13, freeChoiceThisYear: 1, maxWithNext: 1 });
  });

  it("a free-choice candidate must meet art. 55 §1 and the typology of art. 58 al. 1 1°", async () => {
    const v = await vacancy(bill);
    const p = bill.db.prisma;
    const single = await p.candidate.findFirstOrThrow({ where: { household: { memberCount: 1 }, applications: { some: { status: "ACTIVE" } } } });
    const large = await p.dwelling.update({
      where: { id: (await p.allocationFile.findUniqueOrThrow({ where: { id: decode(v.file) } })).dwellingId },
      data: { bedrooms: 4 },
    });
    const r = (await freeChoice(bill, v.file, Buffer.from(`Candidate:${single.id}`).toString("base64"))).body.data!.allocate;
    // The typology rule of the domain (checkFreeChoice): 4 bedrooms for one person is under-occupied (bill art. 39 → art. 66).
    expect(r.userErrors[0]).toMatchObject({
      field: ["input", "candidateId"],
      code: "RULE_VIOLATION",
      rule: expect.stringMatching(/^(law art. 5[58]|bill 8535 art. 39)/),
    });
    expect(r.userErrors[0].message).toMatch(/typology/);
    await p.dwelling.update({ where: { id: large.id }, data: { bedrooms: 2 } });
  });

  it("art. 54 and 12 §3: free choice in a dedicated dwelling checks the household's sub-category and never uses nor counts against the art. 53 quota", async () => {
    const p = bill.db.prisma;
    const file = await openFile(bill, "landlordA", await vacantDwelling(bill, "landlordA", 1, { category: "DEDICATED", dedicatedSubCategory: "SENIORS" }));
    // A single candidate under the seniors' age on the allocation day: not of the sub-category.
    const young = await p.candidate.findFirstOrThrow({
      where: {
        household: { memberCount: 1, members: { some: { role: "APPLICANT", birthDate: { gt: new Date("1980-01-01") } } } },
        applications: { some: { status: "ACTIVE" } },
        importId: null,
      },
    });
    const r = (await freeChoice(bill, file, Buffer.from(`Candidate:${young.id}`).toString("base64"))).body.data!.allocate;
    expect(r.allocationFile).toBeNull();
    const sub = r.userErrors.find((e: { message: string }) => /sub-category/.test(e.message));
    expect(sub).toMatchObject({ field: ["input", "candidateId"], code: "RULE_VIOLATION" });
    // No quota question for a dedicated dwelling (art. 54), whatever the landlord's stock.
    expect(r.userErrors.some((e: { field: string[] }) => e.field.includes("freeChoice"))).toBe(false);
    expect(r.quota).toBeNull();
    expect(await p.allocationFile.count({ where: { id: decode(file), status: "VACANCY" } })).toBe(1);
  });

  it("concurrency: two staff allocating the same vacancy at once — exactly one wins, nothing half-written", async () => {
    const p = bill.db.prisma;
    await setAllocations(bill, 19); // 2 free choices among 19: a third one is within 15 %
    const second = (await issueApiKey(p, { organisationId: bill.orgIds.esch, role: "SOCIAL_LANDLORD", label: "second member of staff" })).key;
    const asSecond = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(bill.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${second}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as any;
    };
    // Opening the same vacancy twice at once: one file.
    const dwellingId = await vacantDwelling(bill, "landlordA", 2);
    const OPEN = `mutation($input: OpenAllocationFileInput!) { openAllocationFile(input: $input) { allocationFile { id } userErrors { code } } }`;
    const opened = await Promise.all([
      bill.gql("landlordA", OPEN, { input: { dwellingId, openedOn: "2026-11-02" } }).then((r) => r.body),
      asSecond(OPEN, { input: { dwellingId, openedOn: "2026-11-02" } }),
    ]);
    expect(opened.filter((b) => b.data.openAllocationFile.allocationFile).length).toBe(1);
    expect(opened.filter((b) => b.data.openAllocationFile.userErrors[0]?.code === "CONFLICT").length).toBe(1);
    expect(await p.allocationFile.count({ where: { dwellingId: decode(dwellingId) } })).toBe(1);

    // Two free-choice allocations of the same file to two different candidates at once.
    const file = opened.find((b) => b.data.openAllocationFile.allocationFile).data.openAllocationFile.allocationFile.id as string;
    const r = await compute(bill, "landlordA", file, "2026-11-05", 5);
    const [x, y] = r.allocationFile.candidates.edges.map((e: any) => e.node.candidate.id as string);
    const auditBefore = await p.auditEvent.count({ where: { action: "allocate" } });
    const results = await Promise.all([
      freeChoice(bill, file, x!).then((res) => res.body),
      asSecond(ALLOCATE, { input: { allocationFileId: file, on: "2026-11-10", freeChoice: true, candidateId: y } }),
    ]);
    const winners = results.filter((b) => b.data.allocate.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    expect(results.find((b) => b.data.allocate.userErrors.length > 0).data.allocate.userErrors[0].code).toMatch(/INVALID_STATE|CONFLICT|RULE_VIOLATION/);
    const apps = await p.application.findMany({
      where: { candidateId: { in: [decode(x!), decode(y!)] }, allocationEntries: { some: { allocationFileId: decode(file) } } },
    });
    expect(apps.filter((a) => a.status === "ALLOCATED")).toHaveLength(1);
    expect(await p.allocationFileEvent.count({ where: { allocationFileId: decode(file), toStatus: "LEASE_SIGNED" } })).toBe(1);
    expect(await p.auditEvent.count({ where: { action: "allocate" } })).toBe(auditBefore + 1);
    expect((await p.dwelling.findUniqueOrThrow({ where: { id: decode(dwellingId) } })).status).toBe("LET");
  });

  it("concurrency through the procedure: two lease signatures of one file at once — one lease, one event", async () => {
    const c = await commissionOf(law, "landlordA");
    const file = await openFile(law, "landlordA", await vacantDwelling(law, "landlordA", 2));
    await compute(law, "landlordA", file, "2026-11-05", 5);
    const o = await toOffer(law, "landlordA", c, file, "2026-11-06");
    await ok(law, "landlordA", RESPOND, { input: { offerId: o.offerId, response: "ACCEPTED", respondedOn: "2026-11-19" } }, "recordOfferResponse");
    await step(law, "landlordA", file, "VISIT_DONE", "2026-11-20");
    const [a, b] = await Promise.all([0, 1].map(() => law.gql("landlordA", ALLOCATE, { input: { allocationFileId: file, on: "2026-11-25" } })));
    const outcomes = [a!, b!].map((res) => res.body.data!.allocate.userErrors.length === 0);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await law.db.prisma.allocationFileEvent.count({ where: { allocationFileId: decode(file), toStatus: "LEASE_SIGNED" } })).toBe(1);
  });
});
