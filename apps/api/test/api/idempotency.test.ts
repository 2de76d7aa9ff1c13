import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { claim, requestHash } from "../../src/http/idempotency.js";
import { runMutation } from "../../src/schema/mutation.js";
import { createContext } from "../../src/schema/context.js";
import { createLogger } from "../../src/logger.js";

const CREATE = `mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id reference } userErrors { code } } }`;

describe(`idempotent mutations (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());
  const input = (reference: string) => ({
    reference,
    developerId: gid("Organisation", api.orgIds.esch),
    category: "ALL_PUBLIC",
    type: "APARTMENT",
    bedrooms: 1,
    usefulArea: "45",
    municipalityCode: "esch-sur-alzette",
    address: "3, rue Zénon Bernard",
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
    const otherKey = await api.gql(
      "landlordB",
      CREATE,
      { input: { ...input("IDEM-2"), developerId: gid("Organisation", api.orgIds.fonds), municipalityCode: "luxembourg" } },
      { "idempotency-key": key },
    );
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

  const LEASE_MS = 30_000; // the default lease of ABORDABLE_IDEMPOTENCY_LEASE_MS, which startTestApi keeps
  const apiKeyIdOf = async (label: string) => (await api.db.prisma.apiKey.findFirstOrThrow({ where: { label } })).id;

  it("a claim left by a dead process is taken over once its lease has run out, not before", async () => {
    const apiKeyId = await apiKeyIdOf("test landlordA");
    const body = { query: CREATE, variables: { input: input("IDEM-LEASE-1") } };
    // A claim made by a process that died before committing: nobody will finish it.
    const fresh = randomUUID();
    await api.db.prisma.idempotencyRecord.create({ data: { apiKeyId, key: fresh, requestHash: requestHash(body), createdAt: new Date(Date.now() - 1_000) } });
    const early = await api.gql("landlordA", CREATE, body.variables, { "idempotency-key": fresh });
    expect(early.status).toBe(409);
    expect(early.body.errors![0]!.extensions!.code).toBe("IDEMPOTENT_REQUEST_IN_PROGRESS");
    expect(Number(early.headers.get("retry-after"))).toBeGreaterThanOrEqual(LEASE_MS / 1000 - 2);

    const stale = randomUUID();
    const body2 = { query: CREATE, variables: { input: input("IDEM-LEASE-2") } };
    await api.db.prisma.idempotencyRecord.create({
      data: { apiKeyId, key: stale, requestHash: requestHash(body2), createdAt: new Date(Date.now() - LEASE_MS - 1_000) },
    });
    const taken = await api.gql("landlordA", CREATE, body2.variables, { "idempotency-key": stale });
    expect(taken.status).toBe(200);
    expect(taken.body.data!.createDwelling.userErrors).toEqual([]);
    const replay = await api.gql("landlordA", CREATE, body2.variables, { "idempotency-key": stale });
    expect(replay.headers.get("idempotency-replayed")).toBe("true");
    expect(await api.db.prisma.dwelling.count({ where: { reference: "IDEM-LEASE-2" } })).toBe(1);
  });

  it("a slow first request whose claim was taken over cannot commit too: the change is applied once", async () => {
    const apiKeyId = await apiKeyIdOf("test landlordA");
    const key = randomUUID();
    const t0 = new Date(Date.now() - LEASE_MS - 5_000);
    const first = await claim(api.db.prisma, apiKeyId, key, "h", LEASE_MS, t0);
    const retry = await claim(api.db.prisma, apiKeyId, key, "h", LEASE_MS, new Date());
    expect(first.kind).toBe("run");
    expect(retry.kind).toBe("run");
    const viewer = { kind: "apiKey" as const, role: "SOCIAL_LANDLORD" as const, organisationId: api.orgIds.esch, apiKeyId };
    const ctxOf = (claimedAt: Date) =>
      createContext({
        db: api.db,
        viewer,
        correlationId: randomUUID(),
        logger: createLogger("error"),
        idempotency: { key, claimedAt },
        legal: { bill8535EntryIntoForce: undefined },
      });
    const change = (reference: string) => async (tx: Parameters<Parameters<typeof runMutation>[2]>[0]) => {
      const row = await tx.organisation.update({ where: { id: api.orgIds.esch }, data: { updatedAt: new Date() } });
      return { result: row, entityType: "Organisation", entityId: row.id, before: null, after: { reference } };
    };
    const late = await runMutation(ctxOf((first as { claimedAt: Date }).claimedAt), "idempotencyLeaseTest", change("late"));
    expect(late.userErrors).toMatchObject([{ code: "CONFLICT", field: ["idempotencyKey"] }]);
    const winner = await runMutation(ctxOf((retry as { claimedAt: Date }).claimedAt), "idempotencyLeaseTest", change("winner"));
    expect(winner.userErrors).toEqual([]);
    expect(await api.db.prisma.auditEvent.count({ where: { action: "idempotencyLeaseTest" } })).toBe(1);
  });

  it("refuses a malformed key", async () => {
    const res = await api.gql("landlordA", CREATE, { input: input("IDEM-6") }, { "idempotency-key": "x" });
    expect(res.status).toBe(400);
  });
});
