import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const CREATE = `mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id reference } userErrors { code } } }`;

describe(`idempotent mutations (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());
  const input = (reference: string) => ({
    reference, developerId: gid("Organisation", api.orgIds.esch), category: "ALL_PUBLIC", type: "APARTMENT", bedrooms: 1, usefulArea: "45", municipalityCode: "esch-sur-alzette", address: "3, rue Zénon Bernard",
  });

  it("applies a retried mutation once and replays its response", async () => {
    const key = randomUUID();
    const before = await api.db.prisma.dwelling.count();
    const first = await api.gql("landlordA", CREATE, { input: input("IDEM-1") }, { "idempotency-key": key });
    const retry = await api.gql("landlordA", CREATE, { input: input("IDEM-1") }, { "idempotency-key": key });
    expect(first.body.data!.createDwelling.userErrors).toEqual([]);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await api.db.prisma.dwelling.count()).toBe(before + 1);
    expect(await api.db.prisma.auditEvent.count({ where: { action: "createDwelling", after: { path: ["reference"], equals: "IDEM-1" } } })).toBe(1);
  });

  it("refuses the same key with a different request (422) and keys are per API key", async () => {
    const key = randomUUID();
    await api.gql("landlordA", CREATE, { input: input("IDEM-2") }, { "idempotency-key": key });
    const reused = await api.gql("landlordA", CREATE, { input: input("IDEM-3") }, { "idempotency-key": key });
    expect(reused.status).toBe(422);
    expect(reused.body.errors![0]!.extensions!.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const otherKey = await api.gql("landlordB", CREATE, { input: { ...input("IDEM-2"), developerId: gid("Organisation", api.orgIds.fonds), municipalityCode: "luxembourg" } }, { "idempotency-key": key });
    expect(otherKey.headers.get("idempotency-replayed")).toBeNull();
    expect(otherKey.body.data!.createDwelling.userErrors).toEqual([]);
  });

  it("without a key, a repeated mutation is a new request", async () => {
    const a = await api.gql("landlordA", CREATE, { input: input("IDEM-4") });
    const b = await api.gql("landlordA", CREATE, { input: input("IDEM-4") });
    expect(a.body.data!.createDwelling.userErrors).toEqual([]);
    expect(b.body.data!.createDwelling.userErrors).toEqual([{ code: "CONFLICT" }]);
  });

  it("marks the key committed inside the mutation's transaction", async () => {
    const key = randomUUID();
    await api.gql("landlordA", CREATE, { input: input("IDEM-5") }, { "idempotency-key": key });
    const record = await api.db.prisma.idempotencyRecord.findFirstOrThrow({ where: { key } });
    expect(record.committedAt).not.toBeNull();
    expect(record.status).toBe(200);
  });

  it("refuses a malformed key", async () => {
    const res = await api.gql("landlordA", CREATE, { input: input("IDEM-6") }, { "idempotency-key": "x" });
    expect(res.status).toBe(400);
  });
});
