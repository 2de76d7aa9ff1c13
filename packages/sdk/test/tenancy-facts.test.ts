/**
 * The tenancy facts through the SDK against a real API (PGlite, or PostgreSQL with
 * ABORDABLE_TEST_DATABASE_URL): requests for information and the flat rent (art. 62 §1 al. 3), the
 * rent on a day (art. 62 §2 al. 2), end facts and end options (art. 69), under-occupancy across the
 * stock (art. 66) and the seniors' medical bedroom, the commission's waiver (bill art. 67 §2 al. 3).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, Decimal } from "../src/index.js";
import { startTestApi, TEST_DATABASE_KIND, type TestApi } from "./support/api.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
});
afterAll(async () => {
  await api?.close();
});

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe(`tenancy facts through the SDK (${TEST_DATABASE_KIND})`, () => {
  it("records a request for information, refuses a flat rent before two months, records end facts and reads the rent on a day", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, dates: "string" });
    let lease: { id: string; startsOn: string } | undefined;
    for await (const l of client.paginate.leases({ status: "ACTIVE" }, { pageSize: 50 })) {
      if (l.startsOn < "2026-06-01") {
        lease = { id: l.id, startsOn: l.startsOn };
        break;
      }
    }
    expect(lease).toBeDefined();
    const requested = await client.recordRentInformationRequest({ leaseId: lease!.id, requestedOn: "2026-07-01", note: "revenus 2025" });
    expect(requested.userErrors).toEqual([]);
    expect(requested.request).toMatchObject({ requestedOn: "2026-07-01", answeredOn: null, note: "revenus 2025" });
    const early = await client.reviseRent({ leaseId: lease!.id, reason: "FLAT_RENT", receivedOn: "2026-08-15", flatMonthlyRent: "300.00", regime: "LAW" });
    expect(early.userErrors).toEqual([expect.objectContaining({ field: ["input", "receivedOn"], code: "RULE_VIOLATION", rule: "law art. 62 §1 al. 3" })]);

    const facts = await client.recordLeaseEndFacts({ leaseId: lease!.id, unpaidRentFormalNoticeOn: "2026-09-01" });
    expect(facts.userErrors).toEqual([]);
    expect(facts.lease?.endOptions.find((o) => o.ground === "UNPAID_RENT")).toMatchObject({ available: true, computable: true });

    const read = await client.leaseTenancyFacts({ id: lease!.id, asOf: "2026-09-02", regime: "LAW" });
    expect(read?.rentInformationRequests.map((r) => r.requestedOn)).toEqual(["2026-07-01"]);
    expect(read?.endOptions.find((o) => o.ground === "UNPAID_RENT")?.endsOn).toBe("2027-03-01");

    const rent = await client.leaseRentOn({ id: lease!.id, date: iso(new Date()) });
    expect(rent?.rentOn).toBeInstanceOf(Decimal);
    expect(rent?.rentOn.equals(rent.monthlyRent)).toBe(true);
  });

  it("lists the under-occupied leases of the stock, each with its assessment, page after page", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const all: { leaseId: string; underOccupied: boolean }[] = [];
    for await (const n of client.paginate.underOccupiedLeases({ regime: "BILL_8535" }, { pageSize: 10 }))
      all.push({ leaseId: n.lease.id, underOccupied: n.underOccupancy.underOccupied });
    expect(all.length).toBe((await client.underOccupiedLeases({ regime: "BILL_8535", first: 1 })).totalCount);
    expect(all.every((n) => n.underOccupied)).toBe(true);
    expect(new Set(all.map((n) => n.leaseId)).size).toBe(all.length);
    // A seniors' medical bedroom can be recorded only for a seniors' dwelling: a user error otherwise.
    if (all[0]) {
      const res = await client.recordMedicalBedroomReason({ leaseId: all[0].leaseId, documentedOn: "2026-11-01", evidence: "certificat" });
      if (res.userErrors.length > 0) expect(res.userErrors[0]).toMatchObject({ field: ["input", "leaseId"], code: "INVALID_STATE" });
      else expect(res.lease?.medicalReasonDocumentedOn).toBeInstanceOf(Date);
    }
  });

  it("refuses the commission's waiver under the law", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const raw = await api.raw(
      "landlordA",
      `{ leases(first: 100, status: ACTIVE) { edges { node { id rehousingCases { id reason waivedOn closedOn offers { outcome } } } } } }`,
    );
    // The seed's typology mismatch without an offer (the cases with two refusals have lost the right to stay).
    const open = raw.body.data.leases.edges
      .flatMap((e: any) => e.node.rehousingCases)
      .find((c: any) => ["UNDER_OCCUPANCY", "TYPOLOGY_MISMATCH"].includes(c.reason) && !c.waivedOn && !c.closedOn && c.offers.length === 0);
    expect(open).toBeDefined();
    const res = await client.recordRehousingWaiver({ rehousingCaseId: open.id, waivedOn: "2026-11-20", reasons: "motifs légitimes", regime: "LAW" });
    expect(res.rehousingCase).toBeNull();
    expect(res.userErrors[0]).toMatchObject({ field: ["input", "waivedOn"], code: "RULE_VIOLATION" });
  });
});
