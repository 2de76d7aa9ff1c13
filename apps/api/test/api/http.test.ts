import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

describe(`HTTP edge (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ maxBodyBytes: 4096 });
  });
  afterAll(async () => api?.close());

  it("answers /healthz and /readyz", async () => {
    const base = api.url.replace("/graphql", "");
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: TEST_DATABASE_KIND });
  });

  it("serves GraphiQL from local assets to a browser GET", async () => {
    const res = await fetch(api.url, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("abordable");
    // Self-contained: no script or stylesheet is loaded from another host.
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
    expect(html).not.toMatch(/<link[^>]+href="https?:\/\/[^"]+\.css/);
  });

  it("refuses an unknown or malformed key with 401, never falling back to anonymous", async () => {
    const res = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer abk_00000000_" + "x".repeat(32) },
      body: '{"query":"{ viewer { role } }"}',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("UNAUTHENTICATED");
    const malformed = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic foo" },
      body: '{"query":"{ viewer { role } }"}',
    });
    expect(malformed.status).toBe(401);
  });

  it("refuses a revoked key and an expired key", async () => {
    const org = await api.db.prisma.organisation.findFirstOrThrow({ where: { kind: "MINISTRY" } });
    const { issueApiKey } = await import("../../src/identity/api-keys.js");
    const revoked = await issueApiKey(api.db.prisma, { organisationId: org.id, role: "MINISTRY_ANALYST", label: "revoked" });
    await api.db.prisma.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const expired = await issueApiKey(api.db.prisma, {
      organisationId: org.id,
      role: "MINISTRY_ANALYST",
      label: "expired",
      expiresAt: new Date(Date.now() - 1000),
    });
    for (const [key, reason] of [
      [revoked.key, "revoked"],
      [expired.key, "expired"],
    ] as const) {
      const res = await fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: '{"query":"{ viewer { role } }"}',
      });
      expect(res.status).toBe(401);
      expect(JSON.stringify(await res.json())).toContain(reason);
    }
  });

  it("records the last use of a key", async () => {
    await api.gql("analyst", "{ viewer { role } }");
    const key = await api.db.prisma.apiKey.findFirstOrThrow({ where: { label: "test analyst" } });
    expect(key.lastUsedAt).not.toBeNull();
  });

  it("keeps CSRF prevention on: a simple form POST is refused", async () => {
    const res = await fetch(api.url, { method: "POST", headers: { "content-type": "text/plain" }, body: '{"query":"{ viewer { role } }"}' });
    expect(res.status).toBe(400);
  });

  it("refuses a body over the size limit with 413", async () => {
    const res = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ viewer { role } } #${"x".repeat(5000)}` }),
    });
    expect(res.status).toBe(413);
  });

  it("answers malformed JSON with 400 and a clear message", async () => {
    const res = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("not valid JSON");
  });

  it("returns a correlation id, echoing a well-formed X-Request-Id", async () => {
    const res = await api.gql("analyst", "{ viewer { role } }", undefined, { "x-request-id": "req-123" });
    expect(res.headers.get("x-correlation-id")).toBe("req-123");
  });

  it("tells the anonymous caller who it is and nothing more", async () => {
    const res = await api.gql("anonymous", "{ viewer { role organisation { name } } }");
    expect(res.body.data).toEqual({ viewer: { role: null, organisation: null } });
    const dwellings = await api.gql("anonymous", "{ dwellings(first: 1) { totalCount } }");
    // A field that needs an API key, asked without one: HTTP 401 and UNAUTHENTICATED (issue 14), not FORBIDDEN.
    expect(dwellings.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(dwellings.status).toBe(401);
    expect(dwellings.body.data).toBeNull();
  });
});

describe(`rate limit (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ rateLimitPerMinute: 3 });
  });
  afterAll(async () => api?.close());

  it("answers 429 with Retry-After once a key has used its requests, per key", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await api.gql("landlordA", "{ viewer { role } }")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api.gql("landlordA", "{ viewer { role } }");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    // Another key has its own allowance.
    expect((await api.gql("landlordB", "{ viewer { role } }")).status).toBe(200);
  });
});

describe(`rate limit of unauthenticated callers and failed authentications (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ rateLimitPerMinute: 3, authFailuresPerMinute: 3 });
  });
  afterAll(async () => api?.close());

  const attempt = (authorization?: string) =>
    fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization !== undefined && { authorization }) },
      body: '{"query":"{ viewer { role } }"}',
    });
  const badKey = (i: number) => `Bearer abk_0000000${i}_${"x".repeat(32)}`;

  it("limits anonymous requests per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await attempt()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("answers 429 with Retry-After once an address has used its failed authentications, never to a valid key (issue 12 finding 6)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await attempt(badKey(i))).status);
    expect(statuses).toEqual([401, 401, 401]);
    for (const authorization of [badKey(3), "Basic foo"]) {
      const limited = await attempt(authorization);
      expect(limited.status, authorization).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const body = (await limited.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
      expect(body.errors[0]!.message).toContain("failed authentications");
    }
    // Failures from the address (behind a proxy: everybody) never lock out a valid key.
    expect((await attempt(`Bearer ${api.keys.landlordA}`)).status).toBe(200);
  });
});
