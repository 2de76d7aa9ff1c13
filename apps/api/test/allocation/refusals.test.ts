/**
 * Offers and refusals under bill 8535 (entry into force 2024-01-01): refusals reported to the
 * register (art. 53), criteria frozen after two successive unjustified refusals (bill art. 34 3°:
 * art. 57 §3 al. 2) and applied by the next shortlist; an accepted offer up to the lease (art. 55
 * §1 al. 2), reported ALLOCATED.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { commissionOf, compute, ok, openFile, RESPOND, step, toOffer, vacantDwelling, type CommissionIds } from "./flow.js";

const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
const ALLOCATE = `mutation($input: AllocateInput!) { allocate(input: $input) { allocationFile { status closedOn freeChoice selectedCandidate { id } } quota { allowed } userErrors { field code message rule } } }`;

describe(`offers and refusals — bill art. 57 §3 al. 2, law art. 53 (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let c: CommissionIds;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
    c = await commissionOf(api, "landlordA");
  });
  afterAll(async () => api?.close());

  it("two successive unjustified refusals freeze the criteria until 1 January of the second year after; the next shortlist uses the frozen evaluation", async () => {
    const p = api.db.prisma;
    const f1 = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    const s1 = await compute(api, "landlordA", f1, "2026-11-05", 10);
    expect(s1.computation.regime).toMatch(/^BILL_8535/);
    const first = await toOffer(api, "landlordA", c, f1, "2026-11-06");
    const x = first.candidateId;
    const r1 = await ok(
      api,
      "landlordA",
      RESPOND,
      { input: { offerId: first.offerId, response: "REFUSED_UNJUSTIFIED", respondedOn: "2026-11-20" } },
      "recordOfferResponse",
    );
    expect(r1).toMatchObject({
      offer: { outcome: "REFUSED_UNJUSTIFIED", respondedOn: "2026-11-20" },
      freeze: { frozen: false },
      allocationFile: { status: "REFUSED" },
    });
    const application = await p.application.findFirstOrThrow({ where: { candidateId: decode(x), status: "ACTIVE" } });
    expect(await p.allocationOffer.count({ where: { applicationId: application.id, outcome: "REFUSED_UNJUSTIFIED" } })).toBe(1);
    // The file goes on with the next candidate.
    expect((await step(api, "landlordA", f1, "NEXT_CANDIDATE", "2026-11-21")).allocationFile.status).toBe("SHORTLIST");

    const f2 = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2), "2026-11-21");
    const s2 = await compute(api, "landlordA", f2, "2026-11-21", 50);
    const entry2 = s2.allocationFile.candidates.edges.map((e: any) => e.node).find((n: any) => n.candidate.id === x);
    expect(entry2).toBeDefined();
    const second = await toOffer(api, "landlordA", c, f2, "2026-11-22", x);
    const r2 = await ok(
      api,
      "landlordA",
      RESPOND,
      { input: { offerId: second.offerId, response: "REFUSED_UNJUSTIFIED", respondedOn: "2026-12-08" } },
      "recordOfferResponse",
    );
    expect(r2.freeze).toEqual({ frozen: true, triggeredOn: "2026-12-08", revisableFrom: "2028-01-01", rule: "bill 8535 art. 34 3°" });

    // The landlord revises the situation (now homeless): frozen, the shortlist keeps the evaluation in force at the second refusal.
    await p.application.update({ where: { id: application.id }, data: { situation: { title: "HOMELESS", evaluatedOn: "2026-12-09" } } });
    const f3 = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2), "2026-12-09");
    const s3 = await compute(api, "landlordA", f3, "2026-12-10", 100);
    const entry3 = s3.allocationFile.candidates.edges.map((e: any) => e.node).find((n: any) => n.candidate.id === x);
    expect(entry3).toMatchObject({ criteriaFrozenUntil: "2028-01-01", socioEconomicPoints: entry2.socioEconomicPoints });
    expect(entry3.contributions.find((k: any) => k.criterion === "ART57_1_1_TITLE").detail).not.toMatch(/HOMELESS/);
  });

  it("a justified refusal needs its justification and breaks no rule; an answer twice is refused", async () => {
    const f = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 1), "2026-11-02");
    await compute(api, "landlordA", f, "2026-11-05", 10);
    const o = await toOffer(api, "landlordA", c, f, "2026-11-06");
    const missing = await api.gql("landlordA", RESPOND, { input: { offerId: o.offerId, response: "REFUSED_JUSTIFIED", respondedOn: "2026-11-20" } });
    expect(missing.body.data!.recordOfferResponse.userErrors[0]).toMatchObject({ field: ["input", "reason"], code: "REQUIRED" });
    const r = await ok(
      api,
      "landlordA",
      RESPOND,
      { input: { offerId: o.offerId, response: "REFUSED_JUSTIFIED", respondedOn: "2026-11-20", reason: "Medical reason: no lift" } },
      "recordOfferResponse",
    );
    expect(r.freeze.frozen).toBe(false);
    const twice = await api.gql("landlordA", RESPOND, { input: { offerId: o.offerId, response: "ACCEPTED", respondedOn: "2026-11-21" } });
    expect(twice.body.data!.recordOfferResponse.userErrors[0].code).toBe("INVALID_STATE");
  });

  it("an accepted offer, the visit and the lease: eligibility met again on the signing day, the application reported ALLOCATED, the dwelling let", async () => {
    const p = api.db.prisma;
    const dwellingId = await vacantDwelling(api, "landlordA", 2);
    const f = await openFile(api, "landlordA", dwellingId, "2026-11-02");
    await compute(api, "landlordA", f, "2026-11-05", 10);
    const o = await toOffer(api, "landlordA", c, f, "2026-11-06");
    const early = await api.gql("landlordA", ALLOCATE, { input: { allocationFileId: f, on: "2026-11-19" } });
    expect(early.body.data!.allocate.userErrors[0]).toMatchObject({ rule: "Esch ROI art. 4" });
    await ok(api, "landlordA", RESPOND, { input: { offerId: o.offerId, response: "ACCEPTED", respondedOn: "2026-11-20" } }, "recordOfferResponse");
    const app = await p.application.findFirstOrThrow({
      where: { candidateId: decode(o.candidateId), allocationEntries: { some: { allocationFileId: decode(f) } } },
    });
    expect(app.status).toBe("ALLOCATED");
    await step(api, "landlordA", f, "VISIT_DONE", "2026-11-22");
    const done = await ok(api, "landlordA", ALLOCATE, { input: { allocationFileId: f, on: "2026-12-01" } }, "allocate");
    expect(done.allocationFile).toMatchObject({ status: "LEASE_SIGNED", closedOn: "2026-12-01", freeChoice: false, selectedCandidate: { id: o.candidateId } });
    expect((await p.dwelling.findUniqueOrThrow({ where: { id: decode(dwellingId) } })).status).toBe("LET");
    const events = await p.allocationFileEvent.findMany({ where: { allocationFileId: decode(f) }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.reason!.split(":")[0])).toEqual([
      "SHORTLIST_ESTABLISHED",
      "CANDIDATE_PROPOSED",
      "SOCIAL_ENQUIRY_COMPLETED",
      "COMMISSION_OPINION_GIVEN",
      "PROMISE_ISSUED",
      "OFFER_ACCEPTED",
      "VISIT_DONE",
      "LEASE_SIGNED",
    ]);
    expect(await p.auditEvent.count({ where: { entityId: decode(f), action: "allocate" } })).toBe(1);
  });
});
