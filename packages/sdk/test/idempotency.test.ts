/**
 * Retried mutations are applied once. The SDK sends `Idempotency-Key: <uuid>` with every mutation
 * and reuses it on every retry of that call; the API stores the response of a key and replays it
 * (header `idempotency-replayed: true`) to a retry, and refuses the key with a different request
 * (HTTP 422). These tests need that API side: they probe for it and are skipped, saying why, on
 * an API without it.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createClient, IdempotencyError, type FetchLike, type ResponseEvent } from "../src/index.js";
import { startTestApi, TEST_DATABASE_KIND, type TestApi } from "./support/api.js";


/** Sends the same harmless mutation twice with one key: a replay of the first response means support. */
async function probe(api: TestApi): Promise<{ supported: boolean; why: string }> {
  const page = await api.raw("landlordA", "{ dwellings(first: 1) { edges { node { id address } } } }");
  const { id, address } = page.body.data.dwellings.edges[0].node;
  const mutation = "mutation P($input: UpdateDwellingInput!) { updateDwelling(input: $input) { userErrors { code } } }";
  const key = `probe-${Date.now()}`;
  const first = await api.raw("landlordA", mutation, { input: { id, address } }, { "idempotency-key": key });
  const second = await api.raw("landlordA", mutation, { input: { id, address } }, { "idempotency-key": key });
  if (first.status !== 200) return { supported: false, why: `probe mutation answered HTTP ${first.status}` };
  if (second.headers.get("idempotency-replayed") === "true") return { supported: true, why: "" };
  return { supported: false, why: "the API does not replay a mutation sent twice with one Idempotency-Key (no `idempotency-replayed: true`)" };
}

// Probed when the file is collected, so that `skipIf` knows the answer.
const api = await startTestApi();
const { supported, why } = await probe(api);
if (!supported) console.warn(`idempotency tests skipped: ${why}`);

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
  it.skipIf(!supported)("a mutation whose response was lost is retried with the same key and applied once", async () => {
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
    expect(events.map((e) => [e.status, e.replayed])).toEqual([[undefined, false], [200, true]]);

    // Exactly one dwelling with that reference exists.
    const refs: string[] = [];
    for await (const d of createClient({ endpoint: api.url, apiKey: api.keys.landlordA }).paginate.dwellings({})) refs.push(d.reference);
    expect(refs.filter((r) => r === "SDK-IDEM-1")).toHaveLength(1);
  });

  it.skipIf(!supported)("the same key with a different request is refused (HTTP 422) as IdempotencyError", async () => {
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
