/**
 * The HTTP edge's hardening (issue 12 findings 6 and 7, issue 14, issue 15 §4-5), one test per
 * finding: failed authentications never block a valid key; bounded, evicting rate-limit state;
 * an unpaired surrogate is bad input naming the argument; eligibility priced by its work; refused
 * attempts logged as security events; IETF RateLimit headers; only committed results replayed,
 * secrets redacted; unique violations and unavailable databases classified.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { MemoryRateLimitStore } from "../../src/http/rate-limit.js";
import { redactSecrets } from "../../src/http/idempotency.js";
import { databaseUnavailable, DatabaseUnavailableError, uniqueViolation } from "../../src/db/errors.js";

const member = (i: number) => ({ key: `M${i}`, applicant: i === 0, birthDate: "1980-01-01", residence: { luxembourgNationality: true } });

describe(`HTTP edge hardening (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ rateLimitPerMinute: 1000 });
  });
  afterAll(async () => api?.close());

  const raw = (headers: Record<string, string>, body: unknown) =>
    fetch(api.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("finding 6: failed authentications from an address never block a valid key from that address", async () => {
    // Far more failures than the per-address allowance (30 a minute by default).
    const bad = `Bearer abk_00000000_${"x".repeat(32)}`;
    let limited = 0;
    for (let i = 0; i < 40; i++) {
      const res = await raw({ authorization: bad }, { query: "{ viewer { role } }" });
      expect([401, 429]).toContain(res.status);
      if (res.status === 429) limited += 1;
    }
    expect(limited).toBeGreaterThan(0);
    const ok = await api.gql("landlordA", "{ viewer { role } }");
    expect(ok.status).toBe(200);
    expect(ok.body.data).toEqual({ viewer: { role: "SOCIAL_LANDLORD" } });
  });

  it("finding 6: rate-limit state is bounded and evicts the least recently used bucket, never everything", async () => {
    const store = new MemoryRateLimitStore(3);
    for (let i = 0; i < 5; i++) await store.take("victim", 5);
    expect((await store.take("victim", 5)).allowed).toBe(false);
    await store.take("a", 5);
    await store.take("b", 5);
    expect(store.size).toBe(3);
    // "victim" was used more recently than nothing else here but "a" and "b": still limited.
    expect((await store.peek("victim", 5)).allowed).toBe(false);
    await store.take("c", 5); // evicts the least recently used, "a"
    expect(store.size).toBe(3);
    expect((await store.peek("victim", 5)).allowed).toBe(false);
  });

  it("finding 7: an unpaired surrogate in a string argument is BAD_USER_INPUT naming the argument", async () => {
    const res = await api.gql("landlordA", `mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { userErrors { field } } }`, {
      input: {
        reference: "X-\ud800",
        developerId: "x",
        category: "ALL_PUBLIC",
        type: "APARTMENT",
        bedrooms: 1,
        usefulArea: "40.00",
        municipalityCode: "esch-sur-alzette",
        address: "1, rue",
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(/input\.reference/);
    expect(res.body.errors?.[0]?.message).toMatch(/well-formed Unicode/);
  });

  it("finding 7: 99 aliased anonymous eligibility calls of 20 members are refused by the cost limit; one is served", async () => {
    const members = Array.from({ length: 20 }, (_, i) => member(i));
    const fields = Array.from({ length: 99 }, (_, i) => `e${i}: eligibility(input: $input) { eligible }`).join(" ");
    const refused = await api.gql("anonymous", `query($input: EligibilityInput!) { ${fields} }`, { input: { asOf: "2026-11-02", regime: "LAW", members } });
    expect(refused.body.data ?? null).toBeNull();
    expect(JSON.stringify(refused.body.errors)).toMatch(/too costly/);
    const one = await api.gql("anonymous", `query($input: EligibilityInput!) { eligibility(input: $input) { eligible } }`, {
      input: { asOf: "2026-11-02", regime: "LAW", members },
    });
    expect(one.body.errors).toBeUndefined();
  });

  it("issue 14: every response carries the IETF RateLimit-Policy and RateLimit headers", async () => {
    const res = await api.gql("landlordA", "{ viewer { role } }");
    expect(res.headers.get("ratelimit-policy")).toBe('"requests";q=1000;w=60');
    expect(res.headers.get("ratelimit")).toMatch(/^"requests";r=\d+;t=\d+$/);
    const anonymous = await api.gql("anonymous", "{ viewer { role } }");
    expect(anonymous.headers.get("ratelimit")).toMatch(/^"requests";r=\d+;t=\d+$/);
  });

  it("issue 14: a missing API key on a field that needs one is HTTP 401 UNAUTHENTICATED with WWW-Authenticate", async () => {
    const res = await api.gql("anonymous", "{ dwellings(first: 1) { edges { node { id } } } }");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("issue 15: an API key's secret is never kept in a replay record", () => {
    const body = JSON.stringify({ data: { createApiKey: { secret: `abk_0123abcd_${"A".repeat(32)}` } } });
    const kept = redactSecrets(body);
    expect(kept).not.toContain("A".repeat(32));
    expect(kept).toContain("abk_0123abcd_[redacted");
  });

  it("issue 15: a user-error response is not kept for replay (only committed results are)", async () => {
    const q = `mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id } userErrors { code } } }`;
    const input = {
      reference: "",
      developerId: "x",
      category: "ALL_PUBLIC",
      type: "APARTMENT",
      bedrooms: 1,
      usefulArea: "40.00",
      municipalityCode: "esch-sur-alzette",
      address: "1, rue",
    };
    const key = `edge-${Math.random().toString(36).slice(2)}`;
    const first = await api.gql("landlordA", q, { input }, { "idempotency-key": key });
    expect(first.body.data?.createDwelling?.userErrors?.length ?? 1).toBeGreaterThan(0);
    const again = await api.gql("landlordA", q, { input }, { "idempotency-key": key });
    expect(again.headers.get("idempotency-replayed")).toBeNull();
    expect(await api.db.prisma.idempotencyRecord.count({ where: { key } })).toBe(0);
  });

  it("issue 15: database failures are classified as unavailable (503), unique violations as conflicts naming the field", () => {
    expect(databaseUnavailable(new DatabaseUnavailableError("x", "overloaded", 1))).toEqual({ reason: "overloaded", retryAfterSeconds: 1 });
    expect(databaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))?.reason).toBe("unavailable");
    expect(databaseUnavailable(Object.assign(new Error("could not extend file"), { code: "53100" }))?.reason).toBe("disk-full");
    expect(databaseUnavailable(new Error("Cannot read properties of undefined"))).toBeNull();
    const p2002 = Object.assign(new Error("Unique constraint failed"), {
      code: "P2002",
      meta: { modelName: "Dwelling", driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { fields: ['"reference"'] } } } },
    });
    expect(uniqueViolation(p2002)).toEqual({ fields: ["reference"] });
  });
});
