/**
 * The SDK against a real API started in-process on a real database (PGlite in memory, or
 * PostgreSQL with ABORDABLE_TEST_DATABASE_URL), seeded with the `small` scale.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthenticationError, createClient, Decimal, ForbiddenError, RequestError, type FetchLike, type ResponseEvent } from "../src/index.js";
import { startTestApi, TEST_DATABASE_KIND, type TestApi } from "./support/api.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

/** Exact sum of decimal strings in integer hundredths of a cent, with no floating point at all. */
function sumExact(values: string[]): string {
  let total = 0n;
  for (const v of values) {
    const [int = "0", frac = ""] = v.replace("-", "").split(".");
    const units = BigInt(int) * 10_000n + BigInt(frac.padEnd(4, "0").slice(0, 4));
    total += v.startsWith("-") ? -units : units;
  }
  const abs = total < 0n ? -total : total;
  return `${total < 0n ? "-" : ""}${abs / 10_000n}.${(abs % 10_000n).toString().padStart(4, "0")}`;
}

describe(`@abordable/sdk against a real API (${TEST_DATABASE_KIND})`, () => {
  it("identifies the caller", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const viewer = await client.viewer();
    expect(viewer.role).toBe("SOCIAL_LANDLORD");
    expect(viewer.organisation?.name).toBe("Ville d'Esch-sur-Alzette");
  });

  it("lists a landlord's dwellings across several pages, each of them once", async () => {
    const events: ResponseEvent[] = [];
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, onResponse: (e) => events.push(e) });
    const first = await client.dwellings({ first: 5 });
    expect(first.totalCount).toBeGreaterThan(20);
    expect(first.pageInfo.hasNextPage).toBe(true);

    const ids: string[] = [];
    events.length = 0;
    for await (const dwelling of client.paginate.dwellings({ orderBy: { field: "REFERENCE" } }, { pageSize: 7 })) {
      expect(dwelling.landlord.id).toBe(api.orgIds.esch);
      ids.push(dwelling.id);
    }
    expect(ids).toHaveLength(first.totalCount);
    expect(new Set(ids).size).toBe(ids.length);
    expect(events.length).toBe(Math.ceil(first.totalCount / 7));

    // Filters pass through, and `limit` stops early.
    const vacant: string[] = [];
    for await (const d of client.paginate.dwellings({ filter: { statuses: ["LET"] } }, { pageSize: 4, limit: 9 })) vacant.push(d.status);
    expect(vacant).toEqual(Array(9).fill("LET"));

    // The same stock seen by the ministry, filtered on the landlord.
    const admin = createClient({ endpoint: api.url, apiKey: api.keys.admin });
    const seen: string[] = [];
    for await (const d of admin.paginate.dwellings({ filter: { landlordIds: [api.orgIds.esch] } }, { pageSize: 50 })) seen.push(d.id);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it("paginates other connections (municipalities, leases, accommodation units)", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const codes: string[] = [];
    for await (const m of client.paginate.municipalities({}, { pageSize: 30 })) codes.push(m.code);
    expect(codes).toHaveLength((await client.municipalities({ first: 1 })).totalCount);
    expect(codes).toContain("esch-sur-alzette");

    let leases = 0;
    for await (const lease of client.paginate.leases({ status: "ACTIVE" }, { pageSize: 9 })) {
      expect(lease.status).toBe("ACTIVE");
      leases += 1;
    }
    expect(leases).toBe((await client.leases({ first: 1, status: "ACTIVE" })).totalCount);

    const shared = [];
    for await (const d of client.paginate.dwellings({})) if (d.type === "SHARED_DWELLING") shared.push(d);
    expect(shared.length).toBeGreaterThan(0);
    const units = [];
    for await (const unit of client.paginate.accommodationUnits({ dwellingId: shared[0]!.id }, { pageSize: 2 })) units.push(unit);
    expect(units.length).toBe((await client.accommodationUnits({ dwellingId: shared[0]!.id }))?.totalCount);
  });

  // Exact decimals on lease rents and charges, dwelling areas and household incomes; on
  // compensation statements in capabilities.test.ts.
  it("reads decimals exactly, as Decimal instances or as the strings sent", async () => {
    const raw = await api.raw("landlordA", "{ leases(first: 100) { totalCount edges { node { id monthlyRent monthlyCharges dwelling { usefulArea } } } } }");
    const wire = new Map<string, { rent: string; charges: string; area: string }>(
      raw.body.data.leases.edges.map((e: any) => [e.node.id, { rent: e.node.monthlyRent, charges: e.node.monthlyCharges, area: e.node.dwelling.usefulArea }]),
    );
    expect(raw.body.data.leases.totalCount).toBe(wire.size);

    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    let total = new Decimal(0);
    let n = 0;
    for await (const lease of client.paginate.leases({}, { pageSize: 13 })) {
      const sent = wire.get(lease.id)!;
      expect(lease.monthlyRent).toBeInstanceOf(Decimal);
      expect(lease.monthlyCharges).toBeInstanceOf(Decimal);
      expect(lease.dwelling.usefulArea).toBeInstanceOf(Decimal);
      expect(lease.monthlyRent.equals(sent.rent)).toBe(true);
      expect(lease.monthlyCharges.equals(sent.charges)).toBe(true);
      expect(lease.dwelling.usefulArea.equals(sent.area)).toBe(true);
      for (const member of lease.household.members) expect(member.annualNetIncome).toBeInstanceOf(Decimal);
      total = total.plus(lease.monthlyRent);
      n += 1;
    }
    expect(n).toBe(wire.size);
    // The sum of every rent, to the cent, equals an integer-arithmetic sum of the strings sent.
    expect(total.toFixed(4)).toBe(sumExact([...wire.values()].map((w) => w.rent)));

    const strings = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, decimals: "string" });
    for await (const lease of strings.paginate.leases({}, { pageSize: 50 })) {
      expect(typeof lease.monthlyRent).toBe("string");
      expect(lease.monthlyRent).toBe(wire.get(lease.id)!.rent);
      expect(lease.dwelling.usefulArea).toBe(wire.get(lease.id)!.area);
    }

    const dwellings = await client.dwellings({ first: 50 });
    const areas = await api.raw("landlordA", "{ dwellings(first: 50) { edges { node { usefulArea } } } }");
    const sentAreas: string[] = areas.body.data.dwellings.edges.map((e: any) => e.node.usefulArea);
    expect(dwellings.edges.map((e) => e.node.usefulArea.toString())).toEqual(sentAreas.map((a) => new Decimal(a).toString()));
    expect(dwellings.edges.reduce((s, e) => s.plus(e.node.usefulArea), new Decimal(0)).toFixed(4)).toBe(sumExact(sentAreas));
  });

  it("gives dates as ISO strings by default and as Date instances by option", async () => {
    const strings = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const dates = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, dates: "date" });
    const a = (await strings.leases({ first: 5 })).edges.map((e) => e.node);
    const b = (await dates.leases({ first: 5 })).edges.map((e) => e.node);
    expect(a.length).toBe(5);
    for (const [i, lease] of a.entries()) {
      expect(lease.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(b[i]!.startsOn).toBeInstanceOf(Date);
      expect(b[i]!.startsOn.toISOString().slice(0, 10)).toBe(lease.startsOn);
      expect(b[i]!.household.members[0]!.birthDate).toBeInstanceOf(Date);
    }
    const d = (await dates.dwellings({ first: 1 })).edges[0]!.node;
    expect(d.createdAt).toBeInstanceOf(Date);
    expect(Number.isNaN(d.createdAt.getTime())).toBe(false);
  });

  it("reads one dwelling by its global ID; another landlord's is null", async () => {
    const a = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const b = createClient({ endpoint: api.url, apiKey: api.keys.landlordB });
    const mine = (await a.dwellings({ first: 1 })).edges[0]!.node;
    const again = await a.dwelling({ id: mine.id });
    expect(again?.reference).toBe(mine.reference);
    expect(again?.__typename).toBe("Dwelling");
    expect(await b.dwelling({ id: mine.id })).toBeNull();
  });

  it("returns a mutation's rule violations as typed userErrors", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const viewer = await client.viewer();
    const bad = await client.createDwelling({
      reference: "SDK-BAD",
      address: "1, rue de l'Alzette, Esch-sur-Alzette",
      bedrooms: 2,
      category: "ALL_PUBLIC",
      type: "APARTMENT",
      developerId: viewer.organisation!.id,
      municipalityCode: "esch-sur-alzette",
      usefulArea: new Decimal("-3"),
    });
    expect(bad.dwelling).toBeNull();
    expect(bad.userErrors).toEqual([expect.objectContaining({ field: ["input", "usefulArea"], code: "OUT_OF_RANGE" })]);

    const good = await client.createDwelling({
      reference: "SDK-GOOD",
      address: "1, rue de l'Alzette, Esch-sur-Alzette",
      bedrooms: 2,
      category: "ALL_PUBLIC",
      type: "APARTMENT",
      developerId: viewer.organisation!.id,
      municipalityCode: "esch-sur-alzette",
      usefulArea: new Decimal("71.35"),
    });
    expect(good.userErrors).toEqual([]);
    expect(good.dwelling?.usefulArea.toFixed(2)).toBe("71.35");
    const updated = await client.updateDwelling({ id: good.dwelling!.id, usefulArea: "72.10", bedrooms: 3 });
    expect(updated.userErrors).toEqual([]);
    expect(updated.dwelling?.usefulArea.equals("72.1")).toBe(true);
    expect(updated.dwelling?.bedrooms).toBe(3);
    const let_ = await client.recordLetting({ dwellingId: good.dwelling!.id, date: new Date("2026-01-15T00:00:00Z") });
    expect(let_.userErrors).toEqual([]);
    expect(let_.dwelling?.status).toBe("LET");
    expect(let_.dwelling?.firstLettingOn).toBe("2026-01-15");
  });

  it("adds an accommodation unit to a shared dwelling", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    let shared: string | undefined;
    for await (const d of client.paginate.dwellings({})) if (d.type === "SHARED_DWELLING") shared = d.id;
    const created = await client.createAccommodationUnit({ dwellingId: shared!, reference: "SDK-U1", usefulArea: "14.5", capacity: 1 });
    expect(created.userErrors).toEqual([]);
    expect(created.accommodationUnit?.usefulArea.equals("14.5")).toBe(true);
    const changed = await client.updateAccommodationUnit({ id: created.accommodationUnit!.id, capacity: 2 });
    expect(changed.accommodationUnit?.capacity).toBe(2);
  });

  it("maps a FORBIDDEN GraphQL error (HTTP 200) to ForbiddenError with the correlation id", async () => {
    const events: ResponseEvent[] = [];
    const landlord = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, onResponse: (e) => events.push(e) });
    const error = await landlord.ministryDashboard().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    const forbidden = error as ForbiddenError;
    expect(forbidden.status).toBe(200);
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(forbidden.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(forbidden.correlationId).toBe(events.at(-1)?.correlationId);
    expect(forbidden.message).toContain(forbidden.correlationId);
    expect(events).toHaveLength(1); // not retried

    const mutation = await landlord.createApiKey({ label: "x", organisationId: api.orgIds.esch, role: "SOCIAL_LANDLORD" }).catch((e: unknown) => e);
    expect(mutation).toBeInstanceOf(ForbiddenError);

    const admin = createClient({ endpoint: api.url, apiKey: api.keys.admin });
    const dashboard = await admin.ministryDashboard();
    expect(dashboard.vacancy.length).toBeGreaterThan(0);
    for (const v of dashboard.vacancy) expect(v.vacancyRate).toBeInstanceOf(Decimal);
  });

  it("maps HTTP 401 to AuthenticationError with the correlation id", async () => {
    const client = createClient({ endpoint: api.url, apiKey: "abk_nope_0000000000000000" });
    const error = await client.viewer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).code).toBe("UNAUTHENTICATED");
    expect((error as AuthenticationError).correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("maps an invalid request to RequestError, not retried", async () => {
    let calls = 0;
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, onResponse: () => void (calls += 1) });
    const error = await client.dwellings({ first: 5, filter: { statuses: ["NOT_A_STATUS" as "LET"] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(400);
    expect(calls).toBe(1);
  });

  it("sends an Idempotency-Key with every mutation: a new UUID per call, or the caller's", async () => {
    const keys: (string | null)[] = [];
    const spy: FetchLike = async (input, init) => {
      keys.push(new Headers(init.headers).get("idempotency-key"));
      return fetch(input, init);
    };
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, fetch: spy });
    const id = (await client.dwellings({ first: 1 })).edges[0]!.node.id;
    const address = (await client.dwelling({ id }))!.address;
    await client.updateDwelling({ id, address });
    await client.updateDwelling({ id, address });
    await client.updateDwelling({ id, address }, { idempotencyKey: "caller-chosen-key-1" });
    expect(keys[0]).toBeNull(); // queries carry none
    expect(keys[1]).toBeNull();
    expect(keys[2]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[3]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[3]).not.toBe(keys[2]);
    expect(keys[4]).toBe("caller-chosen-key-1");
  });

  it("reads the other landlord-facing lists", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const [conventions, projects, candidates, organisations, keys] = await Promise.all([
      client.conventions({ first: 10 }),
      client.projects({ first: 10 }),
      client.candidates({ first: 10 }),
      client.organisations({ first: 10 }),
      client.apiKeys({ first: 10 }),
    ]);
    expect(conventions.totalCount).toBeGreaterThan(0);
    for (const e of conventions.edges) expect(e.node.signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(projects.totalCount).toBeGreaterThan(0);
    expect(candidates.totalCount).toBeGreaterThan(0);
    expect(organisations.totalCount).toBeGreaterThan(0);
    expect(keys.edges.every((e) => e.node.organisation.id === api.orgIds.esch)).toBe(true);

    const admin = createClient({ endpoint: api.url, apiKey: api.keys.admin });
    const audit = await admin.auditEvents({ first: 5 });
    expect(audit.edges.length).toBeGreaterThan(0);
    expect(audit.edges[0]!.node.occurredAt).toMatch(/Z$/);
  });
});
