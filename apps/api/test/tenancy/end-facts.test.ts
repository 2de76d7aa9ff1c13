/**
 * Facts for the ends of lease (law art. 69, bill art. 42) recorded through the API
 * (recordLeaseEndFacts), and Lease.endOptions reporting an end the engine cannot compute instead of
 * leaving it out. Worked cases are named after their article.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { gql, signNewLease } from "./fixtures.js";

const RECORD = `mutation($input: RecordLeaseEndFactsInput!) { recordLeaseEndFacts(input: $input) {
  lease { id endOptions(asOf: "2026-10-01", regime: LAW) { ground available computable endsOn ofRight reasonUnavailable reference { citation } } }
  userErrors { field code rule message } } }`;
const OPTIONS = `query($id: ID!, $regime: LegalRegime) { node(id: $id) { ... on Lease { endOptions(asOf: "2026-10-01", regime: $regime) { ground available computable endsOn reasonUnavailable reference { citation } }
  earliestEnd(asOf: "2026-10-01", regime: $regime) { ground endsOn } deadlines(asOf: "2026-10-01", withinDays: 120, regime: $regime) { kind date } } } }`;
const rid = (g: string) => Buffer.from(g, "base64").toString().split(":")[1]!;
const option = (options: any[], ground: string) => options.find((o) => o.ground === ground);

describe(`facts for the ends of lease, art. 69 (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
  });
  afterAll(async () => api?.close());

  it("art69_al5 recordLeaseEndFacts: an employee's job end, the employer needing the dwelling, opens the end three months later; facts are merged, cleared with null, audited", async () => {
    // The register records no membership of art. 12 §3 7° (employees of the developer or principal), so
    // signLease's sub-category re-check cannot pass for an employees' dwelling: the lease is signed on a
    // dwelling for all, then the dwelling is recorded as employees' (the end rule reads its sub-category).
    const { leaseId, dwellingId } = await signNewLease(api, {
      members: [{ birthDate: "1988-05-05", income: "32000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-02-01",
      regime: "LAW",
    });
    await api.db.prisma.dwelling.update({ where: { id: dwellingId }, data: { category: "DEDICATED", dedicatedSubCategory: "EMPLOYEES" } });
    const audits = await api.db.prisma.auditEvent.count({ where: { action: "recordLeaseEndFacts", entityId: rid(leaseId) } });
    const a = await gql(api, "landlordA", RECORD, { input: { leaseId, jobEndedOn: "2026-09-30", employerNeedsDwelling: true } });
    expect(a.recordLeaseEndFacts.userErrors).toEqual([]);
    expect(option(a.recordLeaseEndFacts.lease.endOptions, "EMPLOYEE_JOB_END")).toMatchObject({
      available: true,
      computable: true,
      ofRight: false,
      endsOn: "2026-12-30",
      reference: { citation: "law art. 69 al. 5" },
    });
    const read = await gql(api, "landlordA", OPTIONS, { id: leaseId, regime: "LAW" });
    expect(read.node.earliestEnd).toEqual({ ground: "EMPLOYEE_JOB_END", endsOn: "2026-12-30" });
    expect(read.node.deadlines).toContainEqual({ kind: "LEASE_END", date: "2026-12-30" });
    // Another fact given alone keeps the recorded ones: an economic dismissal closes this ground.
    const b = await gql(api, "landlordA", RECORD, { input: { leaseId, economicDismissal: true } });
    expect(option(b.recordLeaseEndFacts.lease.endOptions, "EMPLOYEE_JOB_END")).toMatchObject({
      available: false,
      computable: true,
      reasonUnavailable: "the employee was dismissed for economic reasons",
    });
    // null clears a fact.
    const c = await gql(api, "landlordA", RECORD, { input: { leaseId, jobEndedOn: null } });
    expect(option(c.recordLeaseEndFacts.lease.endOptions, "EMPLOYEE_JOB_END")).toBeUndefined();
    expect((await api.db.prisma.lease.findUniqueOrThrow({ where: { id: rid(leaseId) } })).endFacts).toEqual({
      employerNeedsDwelling: true,
      economicDismissal: true,
    });
    expect(await api.db.prisma.auditEvent.count({ where: { action: "recordLeaseEndFacts", entityId: rid(leaseId) } })).toBe(audits + 3);
  });

  it("art69 al. 1-3: eligibility lost and unpaid rent recorded as facts give their ends; a bill-only ground under the law is shown unavailable", async () => {
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate: "1975-03-03", income: "30000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2025-06-01",
      regime: "LAW",
    });
    const r = await gql(api, "landlordA", RECORD, {
      input: { leaseId, eligibilityLostLandlordFindingOn: "2026-08-01", unpaidRentFormalNoticeOn: "2026-09-01", enrolmentEndedOn: "2026-07-31" },
    });
    expect(r.recordLeaseEndFacts.userErrors).toEqual([]);
    const options = r.recordLeaseEndFacts.lease.endOptions;
    expect(option(options, "ELIGIBILITY_LOST_LANDLORD_FINDING")).toMatchObject({ available: true, endsOn: "2027-02-01", ofRight: true });
    expect(option(options, "UNPAID_RENT")).toMatchObject({ available: true, endsOn: "2027-03-01" });
    expect(option(options, "STUDENT_ENROLMENT_END")).toMatchObject({ available: false, computable: true });
    const bill = await gql(api, "landlordA", OPTIONS, { id: leaseId, regime: "BILL_8535" });
    expect(option(bill.node.endOptions, "UNPAID_RENT")).toMatchObject({ available: true, endsOn: "2026-09-16" });
  });

  it("recordLeaseEndFacts refuses dates before the lease and an empty input, all or nothing, and only on the caller's leases", async () => {
    // The register records no membership of art. 12 §3 7° (employees of the developer or principal), so
    // signLease's sub-category re-check cannot pass for an employees' dwelling: the lease is signed on a
    // dwelling for all, then the dwelling is recorded as employees' (the end rule reads its sub-category).
    const { leaseId, dwellingId } = await signNewLease(api, {
      members: [{ birthDate: "1988-05-05", income: "32000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-02-01",
      regime: "LAW",
    });
    await api.db.prisma.dwelling.update({ where: { id: dwellingId }, data: { category: "DEDICATED", dedicatedSubCategory: "EMPLOYEES" } });
    const bad = await gql(api, "landlordA", RECORD, {
      input: { leaseId, jobEndedOn: "2026-01-31", employerNeedsDwelling: true, supportEndedOn: "2026-09-30" },
    });
    expect(bad.recordLeaseEndFacts).toMatchObject({ lease: null, userErrors: [{ field: ["input", "jobEndedOn"], code: "OUT_OF_RANGE" }] });
    expect((await api.db.prisma.lease.findUniqueOrThrow({ where: { id: rid(leaseId) } })).endFacts).toBeNull();
    const empty = await gql(api, "landlordA", RECORD, { input: { leaseId } });
    expect(empty.recordLeaseEndFacts.userErrors[0]).toMatchObject({ field: ["input", "leaseId"], code: "REQUIRED" });
    const other = await gql(api, "landlordB", RECORD, { input: { leaseId, jobEndedOn: "2026-09-30" } });
    expect(other.recordLeaseEndFacts.userErrors).toEqual([expect.objectContaining({ field: ["input", "leaseId"], code: "NOT_FOUND" })]);
  });

  it("art69 endOptions reports an end it cannot compute (a fact dated before the law was in force) instead of leaving it out, citing the rule it needed", async () => {
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate: "1980-01-01", income: "30000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2025-01-01",
      regime: "LAW",
    });
    // Imported data: a notice older than the law (in force 2023-10-01) has no time limit to apply.
    await api.db.prisma.lease.update({
      where: { id: rid(leaseId) },
      data: { endFacts: { eligibilityLostTenantNoticeOn: "2023-06-30", unpaidRentFormalNoticeOn: "2026-09-01" } },
    });
    const read = await gql(api, "landlordA", OPTIONS, { id: leaseId, regime: "LAW" });
    expect(option(read.node.endOptions, "ELIGIBILITY_LOST_TENANT_NOTICE")).toMatchObject({
      available: false,
      computable: false,
      endsOn: null,
      reference: { citation: "law art. 69 al. 1" },
    });
    expect(option(read.node.endOptions, "ELIGIBILITY_LOST_TENANT_NOTICE").reasonUnavailable).toMatch(/cannot be computed.*not in force on 2023-06-30/);
    // The other ground is still computed, and its deadline still listed.
    expect(option(read.node.endOptions, "UNPAID_RENT")).toMatchObject({ available: true, computable: true, endsOn: "2027-03-01" });
    expect(read.node.earliestEnd).toEqual({ ground: "UNPAID_RENT", endsOn: "2027-03-01" });
    const deadlines = await gql(
      api,
      "landlordA",
      `query($id: ID!) { node(id: $id) { ... on Lease { deadlines(asOf: "2026-10-01", withinDays: 180, regime: LAW) { kind date } } } }`,
      { id: leaseId },
    );
    expect(deadlines.node.deadlines).toContainEqual({ kind: "LEASE_END", date: "2027-03-01" });
  });
});
