/**
 * Under-occupancy across a landlord's stock (law art. 66, bill art. 39): Query.underOccupiedLeases
 * on the seeded stock and on leases created here, checked against each lease's own
 * `underOccupancy`; the seniors' medical bedroom (bill art. 31) as a fact recorded on the lease; a
 * number of SQL statements that does not grow with the stock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type Caller, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { gql, signNewLease } from "./fixtures.js";

const AS_OF = "2026-12-01";
const LIST = `query($asOf: Date, $regime: LegalRegime, $first: Int, $after: String) { underOccupiedLeases(asOf: $asOf, regime: $regime, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { lease { id status dwelling { reference } } underOccupancy { underOccupied units threshold bedrooms seniorMedicalExceptionApplied reference { citation } } } } } }`;
const MEDICAL = `mutation($input: RecordMedicalBedroomReasonInput!) { recordMedicalBedroomReason(input: $input) { lease { id medicalReasonDocumentedOn medicalReasonEvidence } userErrors { field code rule message } } }`;

async function listed(api: TestApi, caller: Caller, regime: "LAW" | "BILL_8535", asOf = AS_OF) {
  const out: any[] = [];
  let after: string | null = null;
  do {
    const data: any = await gql(api, caller, LIST, { asOf, regime, first: 100, after });
    out.push(...data.underOccupiedLeases.edges.map((e: any) => e.node));
    after = data.underOccupiedLeases.pageInfo.hasNextPage ? data.underOccupiedLeases.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/** An independent path: every lease of the caller read page by page with its own `underOccupancy`. */
async function oracle(api: TestApi, caller: Caller, regime: "LAW" | "BILL_8535", asOf = AS_OF): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page: any = await gql(
      api,
      caller,
      `query($after: String, $asOf: Date, $regime: LegalRegime) { leases(first: 100, after: $after, status: ACTIVE) { pageInfo { hasNextPage endCursor } edges { node { id startsOn endsOn underOccupancy(asOf: $asOf, regime: $regime) { underOccupied } } } } }`,
      { after, asOf, regime },
    );
    for (const e of page.leases.edges)
      if (e.node.startsOn <= asOf && (e.node.endsOn === null || e.node.endsOn > asOf) && e.node.underOccupancy.underOccupied) ids.push(e.node.id);
    after = page.leases.pageInfo.hasNextPage ? page.leases.pageInfo.endCursor : null;
  } while (after);
  return ids.sort();
}

describe(`under-occupancy across the stock, art. 66 (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let single: string, couple: string, senior: string;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
    // One person, three bedrooms: under-occupied under both regimes.
    single = (
      await signNewLease(api, { members: [{ birthDate: "1980-01-01", income: "26000.00" }], dwelling: { bedrooms: 3 }, startsOn: "2026-01-01", regime: "LAW" })
    ).leaseId;
    // A couple, two bedrooms: two members under the law (threshold 3), one unit under the bill (threshold 2).
    couple = (
      await signNewLease(api, {
        members: [
          { birthDate: "1980-01-01", income: "20000.00" },
          { role: "PARTNER", birthDate: "1981-01-01", income: "20000.00" },
        ],
        dwelling: { bedrooms: 2 },
        startsOn: "2026-01-01",
        regime: "LAW",
      })
    ).leaseId;
    // A senior alone in a two-bedroom seniors' dwelling: under-occupied, unless a medical reason is documented (bill).
    senior = (
      await signNewLease(api, {
        members: [{ birthDate: "1950-01-01", income: "24000.00" }],
        dwelling: { bedrooms: 2, sub: "SENIORS" },
        startsOn: "2026-01-01",
        regime: "LAW",
      })
    ).leaseId;
  });
  afterAll(async () => api?.close());

  it("art66 underOccupiedLeases: exactly the caller's under-occupied leases, as each lease's own assessment says; bill art. 39 counts a couple once", async () => {
    for (const regime of ["LAW", "BILL_8535"] as const) {
      const got = await listed(api, "landlordA", regime);
      expect(got.map((n) => n.lease.id).sort()).toEqual(await oracle(api, "landlordA", regime));
      for (const n of got) expect(n.underOccupancy.underOccupied).toBe(true);
      const spare = got.map((n) => n.underOccupancy.bedrooms - n.underOccupancy.threshold);
      expect(spare).toEqual([...spare].sort((a, b) => b - a));
    }
    const law = (await listed(api, "landlordA", "LAW")).map((n) => n.lease.id);
    const bill = await listed(api, "landlordA", "BILL_8535");
    expect(law).toContain(single);
    expect(law).not.toContain(couple);
    expect(bill.map((n) => n.lease.id)).toEqual(expect.arrayContaining([single, couple, senior]));
    expect(bill.find((n) => n.lease.id === couple).underOccupancy).toMatchObject({
      units: 1,
      threshold: 2,
      bedrooms: 2,
      reference: { citation: "bill 8535 art. 39 (→ art. 66)" },
    });
    // Tenant scoping: another landlord sees none of them; a developer nothing; anonymous is refused.
    const other = await listed(api, "landlordB", "BILL_8535");
    expect(other.some((n) => [single, couple, senior].includes(n.lease.id))).toBe(false);
    expect((await gql(api, "developer", LIST, { asOf: AS_OF, first: 5 })).underOccupiedLeases.totalCount).toBe(0);
    const anonymous = await api.gql("anonymous", LIST, { asOf: AS_OF, first: 5 });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("bill_art31 seniors' medical bedroom: recorded on the lease, underOccupiedLeases and underOccupancy apply it from the day it was documented", async () => {
    const wrong = await gql(api, "landlordA", MEDICAL, { input: { leaseId: single, documentedOn: "2026-11-01", evidence: "Certificat médical" } });
    expect(wrong.recordMedicalBedroomReason.userErrors[0]).toMatchObject({
      field: ["input", "leaseId"],
      code: "INVALID_STATE",
      rule: "bill 8535 art. 31 2° b) (→ art. 54 §2 al. 3)",
    });
    const noEvidence = await gql(api, "landlordA", MEDICAL, { input: { leaseId: senior, documentedOn: "2026-11-01" } });
    expect(noEvidence.recordMedicalBedroomReason.userErrors[0]).toMatchObject({ field: ["input", "evidence"], code: "REQUIRED" });
    const ok = await gql(api, "landlordA", MEDICAL, {
      input: { leaseId: senior, documentedOn: "2026-11-01", evidence: "Certificat du Dr Fictif du 28 octobre 2026" },
    });
    expect(ok.recordMedicalBedroomReason).toMatchObject({
      userErrors: [],
      lease: { medicalReasonDocumentedOn: "2026-11-01", medicalReasonEvidence: "Certificat du Dr Fictif du 28 octobre 2026" },
    });
    expect((await listed(api, "landlordA", "BILL_8535")).map((n) => n.lease.id)).not.toContain(senior);
    // Before it was documented, and under the law (no such exception), still under-occupied.
    expect((await listed(api, "landlordA", "BILL_8535", "2026-10-15")).map((n) => n.lease.id)).toContain(senior);
    expect((await listed(api, "landlordA", "LAW")).map((n) => n.lease.id)).toContain(senior);
    const read = await gql(
      api,
      "landlordA",
      `query($id: ID!) { node(id: $id) { ... on Lease { now: underOccupancy(asOf: "2026-12-01", regime: BILL_8535) { underOccupied seniorMedicalExceptionApplied threshold }
      whatIf: underOccupancy(asOf: "2026-12-01", regime: BILL_8535, medicalReasonDocumented: false) { underOccupied } } } }`,
      { id: senior },
    );
    expect(read.node).toEqual({ now: { underOccupied: false, seniorMedicalExceptionApplied: true, threshold: 3 }, whatIf: { underOccupied: true } });
    // Issue 12 finding 3 (health data): an analyst's assessment never considers the recorded reason,
    // so neither the verdict, the threshold nor the exception reveals that one exists; it says so.
    const HEALTH = `query($id: ID!) { node(id: $id) { ... on Lease { underOccupancy(asOf: "2026-12-01", regime: BILL_8535) { underOccupied seniorMedicalExceptionApplied threshold healthDataConsidered } } } }`;
    expect((await gql(api, "landlordA", HEALTH, { id: senior })).node.underOccupancy).toEqual({
      underOccupied: false,
      seniorMedicalExceptionApplied: true,
      threshold: 3,
      healthDataConsidered: true,
    });
    expect((await gql(api, "admin", HEALTH, { id: senior })).node.underOccupancy).toMatchObject({
      seniorMedicalExceptionApplied: true,
      healthDataConsidered: true,
    });
    expect((await gql(api, "analyst", HEALTH, { id: senior })).node.underOccupancy).toEqual({
      underOccupied: true,
      seniorMedicalExceptionApplied: false,
      threshold: 2,
      healthDataConsidered: false,
    });
    const analystList = await listed(api, "analyst", "BILL_8535");
    expect(analystList.find((n) => n.lease.id === senior)?.underOccupancy).toMatchObject({ seniorMedicalExceptionApplied: false, threshold: 2 });
    expect(analystList.every((n) => n.underOccupancy.seniorMedicalExceptionApplied === false)).toBe(true);
    // Withdrawn: under-occupied again; each change audited.
    const withdrawn = await gql(api, "landlordA", MEDICAL, { input: { leaseId: senior, documentedOn: null } });
    expect(withdrawn.recordMedicalBedroomReason.lease.medicalReasonDocumentedOn).toBeNull();
    expect((await listed(api, "landlordA", "BILL_8535")).map((n) => n.lease.id)).toContain(senior);
    const id = Buffer.from(senior, "base64").toString().split(":")[1]!;
    expect(await api.db.prisma.auditEvent.count({ where: { action: "recordMedicalBedroomReason", entityId: id } })).toBe(2);
  });

  it("counts SQL statements of underOccupiedLeases: the same for one landlord and for the whole stock, whatever the page size", async () => {
    const count = async (caller: "landlordA" | "admin", first: number) => {
      await api.gql(caller, LIST, { asOf: AS_OF, regime: "BILL_8535", first }); // warm up (key last-used write)
      const before = api.db.statementCount();
      const res = await api.gql(caller, LIST, { asOf: AS_OF, regime: "BILL_8535", first });
      expect(res.body.errors).toBeUndefined();
      return { statements: api.db.statementCount() - before, rows: res.body.data!.underOccupiedLeases.edges.length as number };
    };
    const landlord = await count("landlordA", 5);
    const all = await count("admin", 100);
    const leases = await api.db.prisma.lease.count({ where: { status: "ACTIVE" } });
    console.log(
      `SQL statements for underOccupiedLeases with lease { dwelling } (${TEST_DATABASE_KIND}): landlordA page of 5 → ${landlord.statements}; ministry (${leases} active leases) page of ${all.rows} → ${all.statements}`,
    );
    expect(all.rows).toBeGreaterThan(landlord.rows);
    expect(all.statements).toBe(landlord.statements);
  });
});
