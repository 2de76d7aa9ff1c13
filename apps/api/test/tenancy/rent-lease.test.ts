/**
 * Affordable rent (art. 60, annex III) through HTTP, signing (art. 61, 64), revision (art. 62) and
 * ends of lease (art. 69, bill art. 42), on a real database. Worked cases are named after their article.
 */
import { computeAffordableRent } from "@abordable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { acceptedOffer, createDwelling, createHousehold, gql, SIGN, signNewLease } from "./fixtures.js";

const RENT = `query($input: AffordableRentInput!) { calculateAffordableRent(input: $input) {
  regime asOf adults children cote lowIncomeThreshold maxEffortThreshold rentCeilingThreshold band effortRate grossAnnualUncapped grossAnnualCap capApplied
  grossMonthly adjustmentRate energyFlat netMonthlyUnrounded netMonthly
  figures { name value ruleId references { citation } parameters { parameterId validFrom regime } }
  parameters { parameterId }
  trace { ruleId steps { ruleId } }
} }`;

/** packages/domain/test/tenancy/rent.test.ts « art60_annexIII_2_all »: 680.4716175 × 1.05 − 28.266768 = 686.228430375 → 686.23. */
const ALL_ADJUSTMENTS = {
  annualNetDisposableIncome: "36291.8196",
  household: { adults: 1, children: 0 },
  dwelling: { equippedKitchen: false, outdoorSpace: false, isHouse: true, firstOccupiedOn: "1985-06-01", energyRenovated: false, usefulArea: "75" },
  regime: "LAW",
  asOf: "2026-03-01",
};

describe(`affordable rent and leases (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
  });
  afterAll(async () => api?.close());

  it("art60_annexIII_2_all: the anonymous what-if reproduces the domain worked case to the cent, every figure cited", async () => {
    const res = await api.gql("anonymous", RENT, { input: ALL_ADJUSTMENTS });
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data!.calculateAffordableRent;
    expect(r).toMatchObject({
      regime: "LAW",
      asOf: "2026-03-01",
      adults: 1,
      children: 0,
      cote: "968.04",
      band: "SLIDING",
      effortRate: "0.225",
      lowIncomeThreshold: "19486.6452",
      maxEffortThreshold: "53096.994",
      rentCeilingThreshold: "61925.5188",
      grossMonthly: "680.4716175",
      adjustmentRate: "0.05",
      energyFlat: "28.266768",
      netMonthlyUnrounded: "686.228430375",
      netMonthly: "686.23",
      capApplied: false,
    });
    const fig = Object.fromEntries(r.figures.map((f: any) => [f.name, f]));
    expect(fig.effortRate.references.map((x: any) => x.citation)).toEqual(["law art. 60 §2 al. 1", "law annexe III 1° a)"]);
    expect(fig.effortRate.parameters.map((x: any) => x.parameterId).sort()).toEqual(["rent.effortRate.max", "rent.effortRate.min"]);
    expect(fig.energyFlat.value).toBe("28.266768");
    expect(fig.energyFlat.parameters.map((x: any) => x.parameterId)).toContain("rent.energyFlat");
    expect(fig.lowIncomeThreshold.parameters[0]).toMatchObject({ parameterId: "rent.thresholds", regime: "LAW" });
    expect(r.parameters.map((p: any) => p.parameterId)).toEqual(
      expect.arrayContaining(["rent.thresholds", "rent.increase.house", "rent.reduction.noEquippedKitchen", "rent.reduction.noOutdoorSpace"]),
    );
    expect(r.trace.steps.map((s: any) => s.ruleId)).toEqual([
      "tenancy.rent.thresholds",
      "tenancy.rent.effortRate",
      "tenancy.rent.grossCap",
      "tenancy.rent.grossMonthly",
      "tenancy.rent.equipmentAdjustments",
      "tenancy.rent.energyFlat",
      "tenancy.rent.netMonthly",
    ]);
  });

  it("annexIII_1c: birth dates are counted on 1 January (born 2012-01-02 is a child in 2026); the bill gives the same rent", async () => {
    const res = await api.gql("anonymous", RENT, {
      input: {
        ...ALL_ADJUSTMENTS,
        household: { birthDates: ["1990-05-01", "2012-01-01", "2012-01-02"] },
        annualNetDisposableIncome: "15000",
        regime: "BILL_8535",
      },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.calculateAffordableRent).toMatchObject({ adults: 2, children: 1, lowIncomeThreshold: "37017.8496", regime: "BILL_8535" });
  });

  it("refuses money as a JSON number and a household without an adult", async () => {
    const a = await api.gql("anonymous", RENT, { input: { ...ALL_ADJUSTMENTS, annualNetDisposableIncome: 36291.82 } });
    expect(a.body.errors?.[0]?.message).toMatch(/Decimal must be a string/);
    const b = await api.gql("anonymous", RENT, { input: { ...ALL_ADJUSTMENTS, household: { adults: 0, children: 2 } } });
    expect(b.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("art61_signLease: computes the rent at allocation with computeAffordableRent, stores the computation, lets the dwelling", async () => {
    const { leaseId, lease, dwellingId } = await signNewLease(api, {
      members: [{ birthDate: "1988-04-02", income: "30000.00" }],
      dwelling: { bedrooms: 1, type: "HOUSE", hasEquippedKitchen: false, hasOutdoorSpace: false, firstOccupiedYear: 1985, usefulArea: "75.00" },
      startsOn: "2026-03-01",
      regime: "LAW",
    });
    const expected = computeAffordableRent(
      {
        annualNetDisposableIncome: "36291.8196",
        household: { adults: 1, children: 0 },
        dwelling: {
          equippedKitchen: false,
          outdoorSpace: false,
          isHouse: true,
          firstOccupiedOn: "1985-01-01",
          energyRenovated: false,
          usefulLivingAreaM2: "75.00",
        },
      },
      "2026-03-01",
      { regime: "LAW" },
    );
    expect(expected.netMonthly.toFixed(2)).toBe("686.23");
    expect(lease).toMatchObject({
      monthlyRent: "686.23",
      status: "ACTIVE",
      startsOn: "2026-03-01",
      rentComputation: { netMonthly: "686.23", effortRate: "0.225" },
    });
    const stored = await api.db.prisma.lease.findUniqueOrThrow({
      where: { id: Buffer.from(leaseId, "base64").toString().split(":")[1]! },
      include: { revisions: true },
    });
    expect((stored.rentComputation as any).trace.result.netMonthly).toBe("686.23");
    expect(stored.revisions.map((r) => [r.reason, r.monthlyRent.toFixed(2)])).toEqual([["ALLOCATION", "686.23"]]);
    expect((await api.db.prisma.dwelling.findUniqueOrThrow({ where: { id: dwellingId } })).status).toBe("LET");
    // The same lease read back: revisions connection and the rent's figures.
    const read = await gql(
      api,
      "landlordA",
      `query($id: ID!) { node(id: $id) { ... on Lease { monthlyRent rentComputation { netMonthly figures { name } } revisions(first: 5) { totalCount edges { node { reason effectiveFrom monthlyRent detail } } } } } }`,
      { id: leaseId },
    );
    // A rent set at allocation has no revision trigger: `detail` is null (it once crashed as non-null).
    expect(read.node.revisions).toMatchObject({
      totalCount: 1,
      edges: [{ node: { reason: "ALLOCATION", effectiveFrom: "2026-03-01", monthlyRent: "686.23", detail: null } }],
    });
  });

  it("signLease refuses a dwelling already let, a second lease for the household, and an allocation file before the visit", async () => {
    const { householdId } = await createHousehold(api, [{ birthDate: "1980-01-01", income: "25000.00" }]);
    const letDwelling = await api.db.prisma.dwelling.findFirstOrThrow({
      where: {
        landlordId: api.orgIds.esch,
        status: "LET",
        type: { not: "SHARED_DWELLING" },
        allocationFiles: { none: { status: { notIn: ["LEASE_SIGNED", "CLOSED"] } } },
      },
    });
    // No offer of the landlord reached the household: the uniform refusal (issue 12 finding 2).
    const none = await gql(api, "landlordA", SIGN, {
      input: { dwellingId: gid("Dwelling", letDwelling.id), householdId: gid("Household", householdId), startsOn: "2026-05-01" },
    });
    expect(none.signLease.userErrors).toEqual([expect.objectContaining({ field: ["input", "householdId"], code: "NOT_FOUND" })]);
    await acceptedOffer(api, letDwelling.id, householdId);
    const res = await gql(api, "landlordA", SIGN, {
      input: { dwellingId: gid("Dwelling", letDwelling.id), householdId: gid("Household", householdId), startsOn: "2026-05-01" },
    });
    expect(res.signLease.userErrors).toContainEqual(expect.objectContaining({ field: ["input", "dwellingId"], code: "INVALID_STATE" }));
    const file = await api.db.prisma.allocationFile.findFirstOrThrow({ where: { landlordId: api.orgIds.esch, status: { not: "VISIT" } } });
    const r2 = await gql(api, "landlordA", SIGN, { input: { allocationFileId: gid("AllocationFile", file.id), startsOn: "2026-05-01" } });
    expect(r2.signLease.userErrors[0]).toMatchObject({ field: ["input", "allocationFileId"], code: "INVALID_STATE" });
  });

  it("art61_signLease from an allocation file in state VISIT: the file becomes LEASE_SIGNED, the application ALLOCATED", async () => {
    const { householdId } = await createHousehold(api, [
      { birthDate: "1979-09-09", income: "41000.00" },
      { role: "PARTNER", birthDate: "1981-02-02", income: "12000.00" },
      { birthDate: "2016-06-06" },
    ]);
    const application = await api.db.prisma.application.findFirstOrThrow({ where: { candidate: { household: { id: householdId } } } });
    const dwellingId = await createDwelling(api, api.orgIds.esch, { bedrooms: 2 });
    const file = await api.db.prisma.allocationFile.create({
      data: { landlordId: api.orgIds.esch, dwellingId, status: "VISIT", openedOn: new Date("2026-06-01T00:00:00Z"), selectedApplicationId: application.id },
    });
    await api.db.prisma.allocationOffer.create({
      data: { allocationFileId: file.id, applicationId: application.id, offeredOn: new Date("2026-06-15T00:00:00Z") },
    });
    const res = await gql(api, "landlordA", SIGN, { input: { allocationFileId: gid("AllocationFile", file.id), startsOn: "2026-09-01", regime: "LAW" } });
    expect(res.signLease.userErrors).toEqual([]);
    // RND by default = the adults' declared incomes (art. 56): 53,000; 2 adults 1 child at cote 968.04.
    const expected = computeAffordableRent(
      {
        annualNetDisposableIncome: "53000.00",
        household: { birthDates: ["1979-09-09", "1981-02-02", "2016-06-06"] },
        dwelling: {
          equippedKitchen: true,
          outdoorSpace: true,
          isHouse: false,
          firstOccupiedOn: "2010-01-01",
          energyRenovated: false,
          usefulLivingAreaM2: "75.00",
        },
      },
      "2026-09-01",
      { regime: "LAW" },
    );
    expect(res.signLease.lease.monthlyRent).toBe(expected.netMonthly.toFixed(2));
    expect((await api.db.prisma.allocationFile.findUniqueOrThrow({ where: { id: file.id } })).status).toBe("LEASE_SIGNED");
    expect((await api.db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("ALLOCATED");
  });

  it("art62_2: an income change under 5 % is refused; at 5 % the revised rent applies from the first day of the month after the one-month period", async () => {
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate: "1985-01-01" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-01-15",
      income: "30000.00",
      regime: "LAW",
    });
    const REVISE = `mutation($input: ReviseRentInput!) { reviseRent(input: $input) { revision { reason effectiveFrom monthlyRent detail } lease { monthlyRent } userErrors { field code rule message } } }`;
    const low = await gql(api, "landlordA", REVISE, {
      input: { leaseId, reason: "INCOME_CHANGE", receivedOn: "2026-03-10", annualNetDisposableIncome: "31499.99", regime: "LAW" },
    });
    expect(low.reviseRent.userErrors[0]).toMatchObject({ field: ["input", "annualNetDisposableIncome"], code: "RULE_VIOLATION", rule: "law art. 62 §2 2°-3°" });
    const ok = await gql(api, "landlordA", REVISE, {
      input: { leaseId, reason: "INCOME_CHANGE", receivedOn: "2026-03-10", annualNetDisposableIncome: "31500.00", regime: "LAW" },
    });
    expect(ok.reviseRent.userErrors).toEqual([]);
    // Received 10 March → revise by 10 April → applies from 1 May (note revision-effective-date).
    expect(ok.reviseRent.revision).toMatchObject({ reason: "INCOME_CHANGE", effectiveFrom: "2026-05-01" });
    const expected = computeAffordableRent(
      {
        annualNetDisposableIncome: "31500.00",
        household: { birthDates: ["1985-01-01"] },
        dwelling: {
          equippedKitchen: true,
          outdoorSpace: true,
          isHouse: false,
          firstOccupiedOn: "2010-01-01",
          energyRenovated: false,
          usefulLivingAreaM2: "75.00",
        },
      },
      "2026-05-01",
      { regime: "LAW" },
    );
    expect(ok.reviseRent.lease.monthlyRent).toBe(expected.netMonthly.toFixed(2));
    const annual = await gql(api, "landlordA", REVISE, {
      input: { leaseId, reason: "ANNUAL", receivedOn: "2026-06-01", annualNetDisposableIncome: "31500.00", regime: "LAW" },
    });
    expect(annual.reviseRent.userErrors[0]).toMatchObject({ field: ["input", "reason"], code: "INVALID_STATE", rule: "law art. 62 §1 al. 1" });
    const due = await gql(
      api,
      "landlordA",
      `query($id: ID!) { node(id: $id) { ... on Lease { revisionsDue(asOf: "2027-01-20", regime: LAW) { reason triggeredOn dueBy reference { citation } } } } }`,
      { id: leaseId },
    );
    expect(due.node.revisionsDue).toEqual([
      { reason: "ANNUAL", triggeredOn: "2027-01-15", dueBy: "2027-01-15", reference: { citation: "law art. 62 §1 al. 1" } },
    ]);
  });

  it("art62 on a lease older than the law: no flat rent without a request (a user error, never an internal error), and an income change is revised", async () => {
    const old = await api.db.prisma.lease.findFirstOrThrow({
      where: { landlordId: api.orgIds.esch, status: "ACTIVE", startsOn: { lt: new Date("2023-10-01T00:00:00Z") } },
      orderBy: { id: "asc" },
    });
    const REVISE = `mutation($input: ReviseRentInput!) { reviseRent(input: $input) { revision { monthlyRent } userErrors { field code message } } }`;
    const auditBefore = await api.db.prisma.auditEvent.count();
    const data = await gql(api, "landlordA", REVISE, {
      input: { leaseId: gid("Lease", old.id), reason: "FLAT_RENT", receivedOn: "2026-11-02", flatMonthlyRent: "500.00", regime: "LAW" },
    });
    expect(data.reviseRent.revision).toBeNull();
    expect(data.reviseRent.userErrors.length).toBeGreaterThan(0);
    expect(await api.db.prisma.auditEvent.count()).toBe(auditBefore);
    // Its yearly cycle keeps its anniversary under the law (note revision-pre-law-lease): an income change is revised.
    const revised = await gql(api, "landlordA", REVISE, {
      input: { leaseId: gid("Lease", old.id), reason: "INCOME_CHANGE", receivedOn: "2026-11-02", annualNetDisposableIncome: "50000.00", regime: "LAW" },
    });
    expect(revised.reviseRent.userErrors).toEqual([]);
    expect(revised.reviseRent.revision.monthlyRent).toMatch(/^\d+\.\d{2}$/);
  });

  it("art69_4 young people: the lease may end on the tenant's 32nd birthday (earliestEnd and the deadlines)", async () => {
    // A tenant of 30 cannot be allocated a young people's dwelling now (art. 12 §3, re-checked at signature): the
    // lease is signed on a dwelling for all, then the dwelling is recorded as young people's, as for a lease of
    // a tenant allocated when young (the end rule reads the dwelling's sub-category and the birth date).
    const { leaseId, dwellingId } = await signNewLease(api, {
      members: [{ birthDate: "1995-03-10", income: "28000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-02-01",
      regime: "LAW",
    });
    await api.db.prisma.dwelling.update({ where: { id: dwellingId }, data: { category: "DEDICATED", dedicatedSubCategory: "YOUNG_PEOPLE" } });
    const read = await gql(
      api,
      "landlordA",
      `query($id: ID!) { node(id: $id) { ... on Lease { earliestEnd(asOf: "2027-01-01", regime: LAW) { ground available ofRight endsOn reference { citation } parameters { parameterId } }
      deadlines(asOf: "2027-01-01", withinDays: 90, regime: LAW) { kind date } } } }`,
      { id: leaseId },
    );
    expect(read.node.earliestEnd).toMatchObject({ ground: "YOUNG_TENANT_AGE", available: true, ofRight: false, endsOn: "2027-03-10" });
    expect(read.node.earliestEnd.parameters[0].parameterId).toBe("tenancy.termination.youngTenantAge");
    expect(read.node.deadlines).toContainEqual({ kind: "LEASE_END", date: "2027-03-10" });
  });

  it("bill art. 42 (art. 69 §3): serious grounds with evidence end the lease 15 days after notice; the law has no such ground", async () => {
    const { leaseId, dwellingId } = await signNewLease(api, {
      members: [{ birthDate: "1975-07-07", income: "33000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2025-01-01",
    });
    const TERMINATE = `mutation($input: TerminateLeaseInput!) { terminateLease(input: $input) { termination { ground regime noticeOn effectiveOn evidence } lease { status endsOn } end { endsOn ofRight groundsRetained reference { citation } } userErrors { field code rule message } } }`;
    const grounds = [{ ground: "UNPAID_RENTS", evidence: ["Relevé de compte: loyers de juillet et août 2026 impayés"] }];
    const law = await gql(api, "landlordA", TERMINATE, {
      input: { leaseId, ground: "SERIOUS_GROUNDS", noticeOn: "2026-09-01", seriousGrounds: grounds, unpaidRents: 2, regime: "LAW" },
    });
    expect(law.terminateLease.userErrors[0]).toMatchObject({ field: ["input", "seriousGrounds"], code: "RULE_VIOLATION" });
    const noEvidence = await gql(api, "landlordA", TERMINATE, {
      input: { leaseId, ground: "SERIOUS_GROUNDS", noticeOn: "2026-09-01", seriousGrounds: [{ ground: "DAMAGE", evidence: [] }], regime: "BILL_8535" },
    });
    expect(noEvidence.terminateLease.userErrors[0].message).toMatch(/no evidence/);
    const bill = await gql(api, "landlordA", TERMINATE, {
      input: { leaseId, ground: "SERIOUS_GROUNDS", noticeOn: "2026-09-01", seriousGrounds: grounds, unpaidRents: 2, regime: "BILL_8535" },
    });
    expect(bill.terminateLease.userErrors).toEqual([]);
    expect(bill.terminateLease.end).toMatchObject({ endsOn: "2026-09-16", ofRight: false, groundsRetained: ["UNPAID_RENTS"] });
    expect(bill.terminateLease.termination).toMatchObject({
      ground: "SERIOUS_GROUNDS 14°",
      regime: "BILL_8535",
      noticeOn: "2026-09-01",
      effectiveOn: "2026-09-16",
    });
    expect(bill.terminateLease.lease).toEqual({ status: "ENDED", endsOn: "2026-09-16" });
    expect((await api.db.prisma.dwelling.findUniqueOrThrow({ where: { id: dwellingId } })).status).toBe("VACANT");
  });

  it("art69_3 unpaid rent: six months after formal notice under the law, fifteen days under the bill", async () => {
    const TERMINATE = `mutation($input: TerminateLeaseInput!) { terminateLease(input: $input) { end { endsOn } userErrors { code message } } }`;
    const a = await signNewLease(api, { members: [{ birthDate: "1970-01-01", income: "20000.00" }], dwelling: { bedrooms: 1 }, startsOn: "2025-01-01" });
    const law = await gql(api, "landlordA", TERMINATE, { input: { leaseId: a.leaseId, ground: "UNPAID_RENT", noticeOn: "2026-10-01", regime: "LAW" } });
    expect(law.terminateLease.end.endsOn).toBe("2027-04-01");
    const b = await signNewLease(api, { members: [{ birthDate: "1970-01-01", income: "20000.00" }], dwelling: { bedrooms: 1 }, startsOn: "2025-01-01" });
    const bill = await gql(api, "landlordA", TERMINATE, { input: { leaseId: b.leaseId, ground: "UNPAID_RENT", noticeOn: "2026-10-01", regime: "BILL_8535" } });
    expect(bill.terminateLease.end.endsOn).toBe("2026-10-16");
  });
});
