/**
 * Retried mutations are applied once. The SDK sends `Idempotency-Key: <uuid>` with every mutation
 * and reuses it on every retry of that call; the API stores the response of a key and replays it
 * (header `idempotency-replayed: true`) to a retry, and refuses the key with a different request
 * (HTTP 422). The API side is asserted here, not probed: an API that stops honouring the key
 * fails these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, IdempotencyError, type FetchLike, type ResponseEvent } from "../src/index.js";
import { startTestApi, TEST_DATABASE_KIND, type TestApi } from "./support/api.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const input = (developerId: string, reference: string) => ({
  reference,
  address: "12, rue du Brill, Esch-sur-Alzette",
  bedrooms: 1,
  category: "ALL_PUBLIC" as const,
  type: "APARTMENT" as const,
  developerId,
  municipalityCode: "esch-sur-alzette",
  usefulArea: "48.20",
});

describe(`idempotent mutations (${TEST_DATABASE_KIND})`, () => {
  it("the API replays the stored response to a mutation sent again with the same Idempotency-Key, and applies it once", async () => {
    const mutation = "mutation C($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id reference } userErrors { code } } }";
    const variables = { input: input(api.orgIds.esch, "SDK-IDEM-0") };
    const key = crypto.randomUUID();
    const first = await api.raw("landlordA", mutation, variables, { "idempotency-key": key });
    const second = await api.raw("landlordA", mutation, variables, { "idempotency-key": key });
    expect(first.status).toBe(200);
    expect(first.body.data.createDwelling).toMatchObject({ dwelling: { reference: "SDK-IDEM-0" }, userErrors: [] });
    expect(first.headers.get("idempotency-replayed")).not.toBe("true");
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotency-replayed")).toBe("true");
    expect(second.body).toEqual(first.body);
    expect(await api.db.prisma.dwelling.count({ where: { reference: "SDK-IDEM-0" } })).toBe(1);
  });

  it("a mutation whose response was lost is retried with the same key and applied once", async () => {
    const sent: (string | null)[] = [];
    let armed = false;
    // The first attempt reaches the API and is applied, then its response is lost on the way back.
    const flaky: FetchLike = async (url, init) => {
      sent.push(new Headers(init.headers).get("idempotency-key"));
      const response = await fetch(url, init);
      if (armed) {
        armed = false;
        await response.text();
        throw new TypeError("fetch failed: socket hang up");
      }
      return response;
    };
    const events: ResponseEvent[] = [];
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, fetch: flaky, backoffMs: 10, onResponse: (e) => events.push(e) });
    const developer = (await client.viewer()).organisation!.id;
    sent.length = 0;
    events.length = 0;
    armed = true;
    const result = await client.createDwelling(input(developer, "SDK-IDEM-1"));
    expect(result.userErrors).toEqual([]);
    expect(result.dwelling?.reference).toBe("SDK-IDEM-1");
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]).toBe(sent[0]);
    expect(events.map((e) => [e.status, e.replayed])).toEqual([
      [undefined, false],
      [200, true],
    ]);

    // Exactly one dwelling with that reference exists.
    const refs: string[] = [];
    for await (const d of createClient({ endpoint: api.url, apiKey: api.keys.landlordA }).paginate.dwellings({})) refs.push(d.reference);
    expect(refs.filter((r) => r === "SDK-IDEM-1")).toHaveLength(1);
  });

  it("the same key with a different request is refused (HTTP 422) as IdempotencyError", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const developer = (await client.viewer()).organisation!.id;
    const key = crypto.randomUUID();
    const first = await client.createDwelling(input(developer, "SDK-IDEM-2"), { idempotencyKey: key });
    expect(first.userErrors).toEqual([]);
    const again = await client.createDwelling(input(developer, "SDK-IDEM-2"), { idempotencyKey: key });
    expect(again.dwelling?.id).toBe(first.dwelling?.id);
    const error = await client.createDwelling(input(developer, "SDK-IDEM-3"), { idempotencyKey: key }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyError);
    expect((error as IdempotencyError).status).toBe(422);
    expect((error as IdempotencyError).retryable).toBe(false);
  });
});
