/**
 * Rent revisions over time (law art. 61-62) through HTTP: a revision is recorded dated and the
 * lease's rent follows it only from its effective date; a flat rent needs a recorded request for
 * information left unanswered for two months. Worked cases are named after their article.
 */
import { computeAffordableRent } from "@abordable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { gql, signNewLease } from "./fixtures.js";

const REVISE = `mutation($input: ReviseRentInput!) { reviseRent(input: $input) { revision { reason effectiveFrom monthlyRent detail } lease { monthlyRent } userErrors { field code rule message } } }`;
const REQUEST = `mutation($input: RecordRentInformationRequestInput!) { recordRentInformationRequest(input: $input) { request { id requestedOn answeredOn note } userErrors { field code rule message } } }`;
const ANSWER = `mutation($input: RecordRentInformationAnswerInput!) { recordRentInformationAnswer(input: $input) { request { id answeredOn } userErrors { field code rule message } } }`;
const DWELLING = {
  equippedKitchen: true,
  outdoorSpace: true,
  isHouse: false,
  firstOccupiedOn: "2010-01-01",
  energyRenovated: false,
  usefulLivingAreaM2: "75.00",
};
const rid = (g: string) => Buffer.from(g, "base64").toString().split(":")[1]!;
const today = () => new Date().toISOString().slice(0, 10);
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe(`rent revisions over time, art. 61-62 (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
  });
  afterAll(async () => api?.close());

  it("art62_2_al2: a revision applies from the first day of the month after the one-month period — the lease's rent stays the one in force until then, rentOn gives each", async () => {
    const { leaseId, lease } = await signNewLease(api, {
      members: [{ birthDate: "1985-01-01" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-01-15",
      income: "30000.00",
      regime: "LAW",
    });
    const before = lease.monthlyRent as string;
    // Reported today: revise within the month, applies from the first day of the month after — always after today.
    const receivedOn = today();
    const ok = await gql(api, "landlordA", REVISE, {
      input: { leaseId, reason: "INCOME_CHANGE", receivedOn, annualNetDisposableIncome: "31500.00", regime: "LAW" },
    });
    expect(ok.reviseRent.userErrors).toEqual([]);
    const effectiveFrom = ok.reviseRent.revision.effectiveFrom as string;
    expect(effectiveFrom > receivedOn).toBe(true);
    expect(effectiveFrom.endsWith("-01")).toBe(true);
    const revised = computeAffordableRent(
      { annualNetDisposableIncome: "31500.00", household: { birthDates: ["1985-01-01"] }, dwelling: DWELLING },
      effectiveFrom,
      { regime: "LAW" },
    ).netMonthly.toFixed(2);
    expect(revised).not.toBe(before);
    expect(ok.reviseRent.revision.monthlyRent).toBe(revised);
    // Not yet in force: the lease's rent today is still the one set at signature.
    expect(ok.reviseRent.lease.monthlyRent).toBe(before);
    const read = await gql(
      api,
      "landlordA",
      `query($id: ID!, $on: Date!, $eve: Date!) { node(id: $id) { ... on Lease { monthlyRent rentComputation { netMonthly }
      eve: rentOn(date: $eve) from: rentOn(date: $on) start: rentOn(date: "2026-01-15") revisions(first: 5) { totalCount edges { node { reason effectiveFrom monthlyRent } } } } } }`,
      { id: leaseId, on: effectiveFrom, eve: dayBefore(effectiveFrom) },
    );
    expect(read.node).toMatchObject({ monthlyRent: before, rentComputation: { netMonthly: before }, eve: before, from: revised, start: before });
    expect(read.node.revisions.edges.map((e: any) => [e.node.reason, e.node.effectiveFrom, e.node.monthlyRent])).toEqual([
      ["INCOME_CHANGE", effectiveFrom, revised],
      ["ALLOCATION", "2026-01-15", before],
    ]);
    // The stored lease keeps its starting rent; the revision carries the new one, dated.
    const row = await api.db.prisma.lease.findUniqueOrThrow({ where: { id: rid(leaseId) } });
    expect(row.monthlyRent.toFixed(2)).toBe(before);
  });

  it("art62_1_al3: a flat rent needs a recorded request for information left unanswered for two months", async () => {
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate: "1985-01-01" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-01-15",
      income: "30000.00",
      regime: "LAW",
    });
    const flat = (receivedOn: string) =>
      gql(api, "landlordA", REVISE, { input: { leaseId, reason: "FLAT_RENT", receivedOn, flatMonthlyRent: "300.00", regime: "LAW" } });
    // No request recorded: refused, naming the field and the rule.
    const none = await flat("2026-06-01");
    expect(none.reviseRent.userErrors).toEqual([expect.objectContaining({ field: ["input", "reason"], code: "INVALID_STATE", rule: "law art. 62 §1 al. 3" })]);
    expect(none.reviseRent.userErrors[0].message).toMatch(/no request is recorded/);

    const request = await gql(api, "landlordA", REQUEST, { input: { leaseId, requestedOn: "2026-03-10", note: "Demande des revenus 2025" } });
    expect(request.recordRentInformationRequest.userErrors).toEqual([]);
    expect(request.recordRentInformationRequest.request).toMatchObject({ requestedOn: "2026-03-10", answeredOn: null, note: "Demande des revenus 2025" });
    // Within the two months (the tenant may answer until 10 May): refused on receivedOn.
    const early = await flat("2026-05-10");
    expect(early.reviseRent.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "receivedOn"], code: "RULE_VIOLATION", rule: "law art. 62 §1 al. 3" }),
    ]);
    expect(early.reviseRent.userErrors[0].message).toMatch(/until 2026-05-10/);
    const due = await gql(
      api,
      "landlordA",
      `query($id: ID!) { node(id: $id) { ... on Lease { revisionsDue(asOf: "2026-05-11", regime: LAW) { reason triggeredOn reference { citation } } rentInformationRequests { requestedOn answeredOn } } } }`,
      { id: leaseId },
    );
    expect(due.node.revisionsDue).toContainEqual({ reason: "FLAT_RENT_ALLOWED", triggeredOn: "2026-05-11", reference: { citation: "law art. 62 §1 al. 3" } });
    expect(due.node.rentInformationRequests).toEqual([{ requestedOn: "2026-03-10", answeredOn: null }]);
    // From the day after: allowed, capped at the annex III cap (unchanged check), applies from its notification.
    const ok = await flat("2026-05-11");
    expect(ok.reviseRent.userErrors).toEqual([]);
    expect(ok.reviseRent.revision).toMatchObject({ reason: "FLAT_RENT", effectiveFrom: "2026-05-11", monthlyRent: "300.00" });
    expect(ok.reviseRent.revision.detail).toMatchObject({ rule: "law art. 62 §1 al. 3", triggeredOn: "2026-05-11" });

    // Answered in time on another lease: no flat rent.
    const other = await signNewLease(api, {
      members: [{ birthDate: "1985-01-01" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-01-15",
      income: "30000.00",
      regime: "LAW",
    });
    const r2 = await gql(api, "landlordA", REQUEST, { input: { leaseId: other.leaseId, requestedOn: "2026-03-10" } });
    const answered = await gql(api, "landlordA", ANSWER, { input: { requestId: r2.recordRentInformationRequest.request.id, answeredOn: "2026-04-02" } });
    expect(answered.recordRentInformationAnswer).toMatchObject({ userErrors: [], request: { answeredOn: "2026-04-02" } });
    const again = await gql(api, "landlordA", ANSWER, { input: { requestId: r2.recordRentInformationRequest.request.id, answeredOn: "2026-04-03" } });
    expect(again.recordRentInformationAnswer.userErrors[0]).toMatchObject({ field: ["input", "requestId"], code: "CONFLICT" });
    const refused = await gql(api, "landlordA", REVISE, {
      input: { leaseId: other.leaseId, reason: "FLAT_RENT", receivedOn: "2026-06-01", flatMonthlyRent: "300.00", regime: "LAW" },
    });
    expect(refused.reviseRent.userErrors[0]).toMatchObject({ field: ["input", "reason"], code: "INVALID_STATE", rule: "law art. 62 §1 al. 3" });
    // Requests before the lease and answers before the request are refused; each recorded request is audited.
    const bad = await gql(api, "landlordA", REQUEST, { input: { leaseId, requestedOn: "2025-12-01", answeredOn: "2025-11-01" } });
    expect(bad.recordRentInformationRequest.userErrors.map((e: any) => e.field[1]).sort()).toEqual(["answeredOn", "requestedOn"]);
    expect(
      await api.db.prisma.auditEvent.count({
        where: { action: "recordRentInformationRequest", entityId: rid(request.recordRentInformationRequest.request.id) },
      }),
    ).toBe(1);
  });
});
