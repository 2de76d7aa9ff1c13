/**
 * Exactly one winner (issue 15 §2): for each operation that must have one winner, 20 concurrent
 * requests through the HTTP API, then the invariant checked in SQL. Meaningful on PostgreSQL (READ
 * COMMITTED, a pool of connections: CI's PostgreSQL pass runs it with ABORDABLE_TEST_DATABASE_URL);
 * on PGlite, which runs one transaction at a time, the same invariants must hold too.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid, startTestApi, type GqlResult, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { acceptedOffer, createDwelling, createHousehold, SIGN } from "../tenancy/fixtures.js";

const N = 20;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = new Date().toISOString().slice(0, 10);
const LETTING = (name: string) =>
  `mutation($input: LettingEventInput!) { ${name}(input: $input) { dwelling { id status } userErrors { field code message } } }`;

type Outcome = "won" | "lost" | "broken";
/** A request won (no user error), lost cleanly (CONFLICT / INVALID_STATE user error naming a field, or 503 to retry), or broke. */
function outcomeOf(res: GqlResult, name: string): { outcome: Outcome; detail: string } {
  const detail = `${res.status} ${JSON.stringify(res.body.errors ?? (res.body.data as any)?.[name]?.userErrors).slice(0, 300)}`;
  if (res.body.errors?.length) return { outcome: res.status === 503 ? "lost" : "broken", detail };
  const errors = ((res.body.data as any)?.[name]?.userErrors ?? []) as { field: string[]; code: string }[];
  if (errors.length === 0) return { outcome: "won", detail };
  // NOT_FOUND: the winner closed what the loser referenced (the allocation file, once the lease is signed).
  return { outcome: errors.every((e) => ["CONFLICT", "INVALID_STATE", "NOT_FOUND"].includes(e.code) && e.field.length > 0) ? "lost" : "broken", detail };
}

async function race(requests: (() => Promise<GqlResult>)[], name: string) {
  const results = (await Promise.all(requests.map((r) => r()))).map((r) => outcomeOf(r, name));
  const broken = results.filter((r) => r.outcome === "broken").map((r) => r.detail);
  expect(broken, `${name}: requests that neither won nor lost cleanly`).toEqual([]);
  return results.filter((r) => r.outcome === "won").length;
}

describe(`exactly one winner under concurrency (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  const sql = <T = any>(q: string, ...params: unknown[]) => api.db.prisma.$queryRawUnsafe<T[]>(q, ...params);

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it("signLease on one vacant dwelling: 20 households that accepted the landlord's offer, one active lease", async () => {
    const p = api.db.prisma;
    const dwellingId = await createDwelling(api, api.orgIds.esch, { bedrooms: 2 });
    const households = await Promise.all(Array.from({ length: N }, () => createHousehold(api, [{ birthDate: "1985-03-03", income: "30000.00" }])));
    // One open file for the vacancy (partial unique index); every candidate of it accepted an offer (built directly, to race the signatures).
    const file = await p.allocationFile.create({ data: { landlordId: api.orgIds.esch, dwellingId, status: "HOUSING_PROMISE", openedOn: d("2026-01-01") } });
    for (const h of households) {
      const household = await p.household.findUniqueOrThrow({ where: { id: h.householdId } });
      const application = await p.application.findFirstOrThrow({ where: { candidateId: household.candidateId } });
      await p.allocationOffer.create({
        data: { allocationFileId: file.id, applicationId: application.id, offeredOn: d("2026-01-02"), outcome: "ACCEPTED", respondedOn: d("2026-01-03") },
      });
    }
    const won = await race(
      households.map(
        (h) => () =>
          api.gql("landlordA", SIGN, {
            input: {
              dwellingId: gid("Dwelling", dwellingId),
              householdId: gid("Household", h.householdId),
              startsOn: "2026-02-01",
              annualNetDisposableIncome: "30000.00",
            },
          }),
      ),
      "signLease",
    );
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Lease" WHERE "dwellingId" = $1::uuid AND "status" = 'ACTIVE'`, dwellingId);
    expect(row!.n).toBe(1);
    expect(won).toBe(1);
  });

  it("signLease for one household on 20 dwellings: one active lease for the household", async () => {
    const { householdId } = await createHousehold(api, [{ birthDate: "1984-04-04", income: "28000.00" }]);
    const dwellings: string[] = [];
    for (let i = 0; i < N; i++) {
      const id = await createDwelling(api, api.orgIds.esch, { bedrooms: 1 });
      await acceptedOffer(api, id, householdId);
      dwellings.push(id);
    }
    const won = await race(
      dwellings.map(
        (id) => () =>
          api.gql("landlordA", SIGN, {
            input: {
              dwellingId: gid("Dwelling", id),
              householdId: gid("Household", householdId),
              startsOn: "2026-02-01",
              annualNetDisposableIncome: "28000.00",
            },
          }),
      ),
      "signLease",
    );
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Lease" WHERE "householdId" = $1::uuid AND "status" = 'ACTIVE'`, householdId);
    expect(row!.n).toBe(1);
    expect(won).toBe(1);
    // The losers let nothing: exactly one of the 20 dwellings is LET.
    const [let_] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Dwelling" WHERE "id" = ANY($1::uuid[]) AND "status" = 'LET'`, dwellings);
    expect(let_!.n).toBe(1);
  });

  it("recordLetting on one dwelling: one success and one audit record", async () => {
    const dwellingId = await createDwelling(api, api.orgIds.esch, { bedrooms: 2 });
    const won = await race(
      Array.from(
        { length: N },
        () => () => api.gql("landlordA", LETTING("recordLetting"), { input: { dwellingId: gid("Dwelling", dwellingId), date: today } }),
      ),
      "recordLetting",
    );
    const [audit] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'recordLetting' AND "entityId" = $1`, dwellingId);
    expect(audit!.n).toBe(1);
    expect(won).toBe(1);
  });

  it("unit A let while unit B is vacated, on 10 shared dwellings at once: each shared dwelling's status follows its units", async () => {
    const p = api.db.prisma;
    const pairs: { a: string; b: string; dwellingId: string }[] = [];
    for (let i = 0; i < N / 2; i++) {
      const dwellingId = await createDwelling(api, api.orgIds.esch, { bedrooms: 3 });
      await p.dwelling.update({ where: { id: dwellingId }, data: { type: "SHARED_DWELLING", status: "LET" } });
      const a = await p.accommodationUnit.create({ data: { dwellingId, reference: `A-${randomUUID().slice(0, 6)}`, usefulArea: "14.00", status: "VACANT" } });
      const b = await p.accommodationUnit.create({ data: { dwellingId, reference: `B-${randomUUID().slice(0, 6)}`, usefulArea: "14.00", status: "LET" } });
      pairs.push({ a: a.id, b: b.id, dwellingId });
    }
    const requests = pairs.flatMap(({ a, b }) => [
      () => api.gql("landlordA", LETTING("recordLetting"), { input: { accommodationUnitId: gid("AccommodationUnit", a), date: today } }),
      () => api.gql("landlordA", LETTING("recordVacancy"), { input: { accommodationUnitId: gid("AccommodationUnit", b), date: today } }),
    ]);
    const results = (await Promise.all(requests.map((r) => r()))).map((r, i) => outcomeOf(r, i % 2 === 0 ? "recordLetting" : "recordVacancy"));
    // Letting A and vacating B do not conflict: each wins unless the database asked it to retry (503).
    expect(results.filter((r) => r.outcome === "broken" || (r.outcome === "lost" && !r.detail.startsWith("503"))).map((r) => r.detail)).toEqual([]);
    const wrong = await sql(
      `SELECT d."id", d."status", bool_or(u."status" = 'LET') AS "anyLet" FROM "Dwelling" d JOIN "AccommodationUnit" u ON u."dwellingId" = d."id"
       WHERE d."id" = ANY($1::uuid[]) GROUP BY d."id", d."status" HAVING (d."status" = 'LET') <> bool_or(u."status" = 'LET')`,
      pairs.map((x) => x.dwellingId),
    );
    expect(wrong).toEqual([]);
  });

  it("openAllocationFile on one vacancy: one open file", async () => {
    const dwellingId = await createDwelling(api, api.orgIds.esch, { bedrooms: 2 });
    const OPEN = `mutation($input: OpenAllocationFileInput!) { openAllocationFile(input: $input) { allocationFile { id } userErrors { field code message } } }`;
    const won = await race(
      Array.from({ length: N }, () => () => api.gql("landlordA", OPEN, { input: { dwellingId: gid("Dwelling", dwellingId), openedOn: today } })),
      "openAllocationFile",
    );
    const [row] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AllocationFile" WHERE "dwellingId" = $1::uuid AND "status" NOT IN ('LEASE_SIGNED', 'CLOSED')`,
      dwellingId,
    );
    expect(row!.n).toBe(1);
    expect(won).toBe(1);
  });

  it("recordOfferResponse on one pending offer: answered once", async () => {
    const p = api.db.prisma;
    const dwellingId = await createDwelling(api, api.orgIds.esch, { bedrooms: 2 });
    const { householdId } = await createHousehold(api, [{ birthDate: "1983-05-05", income: "29000.00" }]);
    const household = await p.household.findUniqueOrThrow({ where: { id: householdId } });
    const application = await p.application.findFirstOrThrow({ where: { candidateId: household.candidateId } });
    const file = await p.allocationFile.create({
      data: { landlordId: api.orgIds.esch, dwellingId, status: "HOUSING_PROMISE", openedOn: d("2026-01-01"), selectedApplicationId: application.id },
    });
    const offer = await p.allocationOffer.create({ data: { allocationFileId: file.id, applicationId: application.id, offeredOn: d("2026-01-02") } });
    const RESPOND = `mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { userErrors { field code message } } }`;
    const won = await race(
      Array.from(
        { length: N },
        () => () => api.gql("landlordA", RESPOND, { input: { offerId: gid("AllocationOffer", offer.id), response: "ACCEPTED", respondedOn: "2026-01-05" } }),
      ),
      "recordOfferResponse",
    );
    const [audit] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'recordOfferResponse' AND "entityId" = $1`,
      offer.id,
    );
    expect(audit!.n).toBe(1);
    expect(won).toBe(1);
  });

  it("issueCompensationStatement: 10 statements issued twice each at once, one version each, numbers unique and without gaps", async () => {
    const lastYear = new Date().getUTCFullYear() - 1;
    const conventions = await api.db.prisma.convention.findMany({
      where: { kind: "COMPENSATION", landlordId: { not: null } },
      orderBy: { id: "asc" },
      take: N / 2,
      select: { id: true },
    });
    expect(conventions.length).toBeGreaterThan(1);
    const ISSUE = `mutation($input: CompensationStatementInput!) { issueCompensationStatement(input: $input) { statement { number } userErrors { field code message } } }`;
    const requests = conventions.flatMap((c) =>
      [0, 1].map(() => () => api.gql("admin", ISSUE, { input: { conventionId: gid("Convention", c.id), year: lastYear } })),
    );
    const results = (await Promise.all(requests.map((r) => r()))).map((r) => outcomeOf(r, "issueCompensationStatement"));
    expect(results.filter((r) => r.outcome === "broken").map((r) => r.detail)).toEqual([]);
    const perSeries = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "CompensationStatement" WHERE "year" = $1 AND "conventionId" = ANY($2::uuid[]) GROUP BY "conventionId"`,
      lastYear,
      conventions.map((c) => c.id),
    );
    expect(perSeries.every((r) => r.n === 1)).toBe(true);
    expect(results.filter((r) => r.outcome === "won").length).toBe(perSeries.length);
    const [numbers] = await sql<{ n: number; distinct: number; max: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT "number")::int AS distinct, max(CAST(substring("number" FROM '[0-9]+$') AS INTEGER))::int AS max FROM "CompensationStatement" WHERE "year" = $1`,
      lastYear,
    );
    expect(numbers!.distinct).toBe(numbers!.n);
    expect(numbers!.max).toBe(numbers!.n);
  }, 120_000);
});
