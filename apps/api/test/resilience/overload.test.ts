/**
 * Overload (issue 8, resilience): far more concurrent mutations than the database pool can serve,
 * while long transactions hold every connection.
 * A mutation that cannot get a transaction in time is refused with 503 SERVICE_UNAVAILABLE and
 * Retry-After, and applied nothing; none ends as an internal error; every acknowledged change is
 * there with exactly one audit record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const TOUCH = `mutation($input: UpdateDwellingInput!) { updateDwelling(input: $input) { dwelling { id address } userErrors { code message } } }`;

describe(`overload: more concurrent mutations than the pool serves (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 180_000);
  afterAll(async () => api?.close());

  it("each mutation is applied once or refused with 503 and Retry-After, never an internal error", async () => {
    const dwellings = await api.db.prisma.dwelling.findMany({ where: { landlordId: api.orgIds.esch }, select: { id: true }, take: 20, orderBy: { id: "asc" } });
    const N = 600;
    const auditBefore = await api.db.prisma.auditEvent.count({ where: { action: "updateDwelling" } });
    // Every connection of the pool is held by a long transaction while the crowd arrives, so that
    // some mutations wait longer than a transaction may wait for one (Prisma's maxWait, 2 s).
    const held = api.db.kind === "postgresql" ? 5 : 1; // test pool size (support/database.ts); PGlite has one connection
    let releaseHolds!: () => void;
    const holding = new Promise<void>((resolve) => (releaseHolds = resolve));
    const holds = Array.from({ length: held }, () =>
      api.db.prisma.$transaction(
        async (tx) => {
          await tx.$queryRawUnsafe("SELECT 1");
          await holding;
        },
        { timeout: 20_000, maxWait: 20_000 },
      ),
    );
    setTimeout(releaseHolds, 3_500);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        const id = dwellings[i % dwellings.length]!.id;
        return api.gql("landlordA", TOUCH, { input: { id: gid("Dwelling", id), address: `${i} rue de la Surcharge` } }).then((r) => ({ i, r }));
      }),
    );
    await Promise.all(holds);
    let applied = 0;
    let busy = 0;
    const other: string[] = [];
    for (const { r } of results) {
      const payload = r.body.data?.updateDwelling;
      if (r.status === 200 && payload && payload.userErrors.length === 0) applied += 1;
      else if (r.status === 503 && r.body.errors?.[0]?.extensions?.code === "SERVICE_UNAVAILABLE" && Number(r.headers.get("retry-after")) >= 1) busy += 1;
      else other.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }
    console.log(
      `overload (${TEST_DATABASE_KIND}): ${N} concurrent updateDwelling on ${dwellings.length} dwellings: ${applied} applied, ${busy} refused 503 (database busy), ${other.length} other`,
    );
    expect(other.slice(0, 5)).toEqual([]);
    // PostgreSQL: the held pool makes some mutations wait past maxWait. PGlite has one connection
    // and its driver queues transactions instead: they wait their turn and are all applied.
    if (api.db.kind === "postgresql") expect(busy, "the held pool made some mutations wait past maxWait").toBeGreaterThan(0);
    // What was acknowledged was applied, once each, with its audit record; the refused left nothing.
    expect(await api.db.prisma.auditEvent.count({ where: { action: "updateDwelling" } })).toBe(auditBefore + applied);
    expect((await fetch(new URL("/healthz", api.url))).status).toBe(200);
  }, 300_000);
});
