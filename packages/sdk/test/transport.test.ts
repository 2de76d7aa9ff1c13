/**
 * The transport's retry and error rules, on a scripted fetch (the real API cannot be made to
 * fail on demand): what is retried, how long the client waits, and which error class comes out.
 */
import { describe, expect, it } from "vitest";
import {
  createClient,
  createRequester,
  Decimal,
  ForbiddenError,
  IdempotencyError,
  RateLimitError,
  RequestError,
  ServerError,
  TimeoutError,
  TransportError,
  UpdateDwellingDocument,
  ViewerDocument,
  type FetchLike,
} from "../src/index.js";

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

function scripted(replies: Reply[]) {
  const calls: { headers: Headers; body: any; at: number }[] = [];
  const fetch: FetchLike = async (_url, init) => {
    calls.push({ headers: new Headers(init.headers), body: JSON.parse(String(init.body)), at: Date.now() });
    const reply = replies.shift() ?? { status: 200, body: { data: { viewer: { role: null, organisation: null } } } };
    if (reply instanceof Error) throw reply;
    return new Response(reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { "content-type": "application/json", "x-correlation-id": `cid-${calls.length}`, ...reply.headers },
    });
  };
  return { fetch, calls };
}

const OK_VIEWER = { status: 200, body: { data: { viewer: { role: "SOCIAL_LANDLORD", organisation: null } } } };
const OK_UPDATE = { status: 200, body: { data: { updateDwelling: { dwelling: null, userErrors: [] } } } };
const endpoint = "http://api.test/graphql";

describe("transport", () => {
  it("sends the API key, the operation and JSON; no Idempotency-Key on reads", async () => {
    const { fetch, calls } = scripted([OK_VIEWER]);
    await createClient({ endpoint, apiKey: "abk_x", fetch }).viewer();
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer abk_x");
    expect(calls[0]!.headers.get("content-type")).toBe("application/json");
    expect(calls[0]!.headers.get("idempotency-key")).toBeNull();
    expect(calls[0]!.body.operationName).toBe("Viewer");
    expect(calls[0]!.body.query).toContain("query Viewer");
  });

  it("retries a read after network errors and 503s, with backoff, then succeeds", async () => {
    const { fetch, calls } = scripted([new TypeError("fetch failed"), { status: 503, body: { errors: [{ message: "down" }] } }, OK_VIEWER]);
    const viewer = await createClient({ endpoint, apiKey: "abk_x", fetch, backoffMs: 20 }).viewer();
    expect(viewer.role).toBe("SOCIAL_LANDLORD");
    expect(calls).toHaveLength(3);
  });

  it("gives up after `retries` and throws the last error", async () => {
    const { fetch, calls } = scripted([new TypeError("a"), new TypeError("b"), new TypeError("c")]);
    const error = await createClient({ endpoint, apiKey: "abk_x", fetch, retries: 2, backoffMs: 1 })
      .viewer()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe("NETWORK_ERROR");
    expect((error as TransportError).message).toContain("c");
    expect(calls).toHaveLength(3);
  });

  it("retries a mutation only with the same Idempotency-Key", async () => {
    const { fetch, calls } = scripted([new TypeError("reset"), { status: 502, body: "bad gateway" }, OK_UPDATE]);
    const client = createClient({ endpoint, apiKey: "abk_x", fetch, backoffMs: 1 });
    await client.updateDwelling({ id: "RHdlbGxpbmc6MQ==", usefulArea: new Decimal("70.5") });
    expect(calls).toHaveLength(3);
    const keys = calls.map((c) => c.headers.get("idempotency-key"));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[0]!.body.variables.input.usefulArea).toBe("70.5");
  });

  it("honours Retry-After on 429 and on 409 IDEMPOTENT_REQUEST_IN_PROGRESS", async () => {
    const { fetch, calls } = scripted([
      { status: 429, headers: { "retry-after": "1" }, body: { errors: [{ message: "slow down", extensions: { code: "RATE_LIMITED" } }] } },
      { status: 409, headers: { "retry-after": "1" }, body: { errors: [{ message: "running", extensions: { code: "IDEMPOTENT_REQUEST_IN_PROGRESS" } }] } },
      OK_UPDATE,
    ]);
    await createClient({ endpoint, apiKey: "abk_x", fetch }).updateDwelling({ id: "x" });
    expect(calls).toHaveLength(3);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(990);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(990);
  });

  it("does not retry what cannot pass: 400, FORBIDDEN, 500, 422 key reuse, 409 applied", async () => {
    const cases: [Reply, new (...a: never[]) => Error][] = [
      [{ status: 400, body: { errors: [{ message: "bad", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] } }, RequestError],
      [{ status: 200, body: { data: null, errors: [{ message: "no", extensions: { code: "FORBIDDEN", correlationId: "c1" } }] } }, ForbiddenError],
      [{ status: 403, body: { errors: [{ message: "no" }] } }, ForbiddenError],
      [{ status: 500, body: { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] } }, ServerError],
      [
        { status: 200, body: { data: { viewer: null }, errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] } },
        ServerError,
      ],
      [{ status: 422, body: { errors: [{ message: "reused", extensions: { code: "IDEMPOTENCY_KEY_REUSED" } }] } }, IdempotencyError],
      [{ status: 409, body: { errors: [{ message: "applied", extensions: { code: "IDEMPOTENT_REQUEST_APPLIED" } }] } }, IdempotencyError],
      [{ status: 429, headers: { "retry-after": "3600" }, body: { errors: [{ message: "later", extensions: { code: "RATE_LIMITED" } }] } }, RateLimitError],
    ];
    for (const [reply, type] of cases) {
      const { fetch, calls } = scripted([reply]);
      const error = await createClient({ endpoint, apiKey: "abk_x", fetch, backoffMs: 1 })
        .viewer()
        .catch((e: unknown) => e);
      expect(error, JSON.stringify(reply)).toBeInstanceOf(type);
      expect(calls, JSON.stringify(reply)).toHaveLength(1);
    }
  });

  it("takes the correlation id from the header, else from the error's extensions", async () => {
    const noHeader: FetchLike = async () =>
      new Response(JSON.stringify({ errors: [{ message: "no", extensions: { code: "FORBIDDEN", correlationId: "from-body" } }] }), { status: 200 });
    const error = await createClient({ endpoint, apiKey: "abk_x", fetch: noHeader })
      .viewer()
      .catch((e: unknown) => e);
    expect((error as ForbiddenError).correlationId).toBe("from-body");
  });

  it("times out an attempt after timeoutMs (TimeoutError), and retries it", async () => {
    let calls = 0;
    const hang: FetchLike = (_url, init) => {
      calls += 1;
      return new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    };
    const error = await createClient({ endpoint, apiKey: "abk_x", fetch: hang, timeoutMs: 50, retries: 1, backoffMs: 1 })
      .viewer()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(TransportError);
    expect(calls).toBe(2);
  });

  it("stops at once when the caller aborts", async () => {
    const { fetch, calls } = scripted([new TypeError("x"), new TypeError("y")]);
    const controller = new AbortController();
    const pending = createClient({ endpoint, apiKey: "abk_x", fetch, backoffMs: 5_000, maxBackoffMs: 5_000 }).viewer({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error("cancelled")), 20);
    await expect(pending).rejects.toThrow("cancelled");
    expect(calls.length).toBeLessThanOrEqual(2);
  });

  it("refuses a JS number for a Decimal and serialises Decimal and Date inputs", async () => {
    const { fetch, calls } = scripted([
      OK_UPDATE,
      { status: 200, body: { data: { recordLetting: { dwelling: null, accommodationUnit: null, userErrors: [] } } } },
    ]);
    const client = createClient({ endpoint, apiKey: "abk_x", fetch });
    // @ts-expect-error — money is never a JS number
    await expect(client.updateDwelling({ id: "x", usefulArea: 70.5 })).rejects.toThrow(TypeError);
    await client.updateDwelling({ id: "x", usefulArea: new Decimal("1e-7") });
    expect(calls[0]!.body.variables.input.usefulArea).toBe("0.0000001");
    await client.recordLetting({ dwellingId: "x", date: new Date("2026-03-01T00:00:00Z") });
    expect(calls[1]!.body.variables.input.date).toBe("2026-03-01");
  });

  it("works with one generated operation and no client (tree-shakeable path)", async () => {
    const { fetch } = scripted([OK_VIEWER, OK_UPDATE]);
    const requester = createRequester({ endpoint, apiKey: "abk_x", fetch, decimals: "string" });
    const data = await requester.execute(ViewerDocument, {});
    expect(data.viewer.role).toBe("SOCIAL_LANDLORD");
    const payload = await requester.execute(UpdateDwellingDocument, { input: { id: "x" } });
    expect(payload.updateDwelling.userErrors).toEqual([]);
  });

  it("rejects a body that is not a GraphQL response", async () => {
    const { fetch } = scripted([
      { status: 200, body: "<html>proxy</html>" },
      { status: 200, body: "<html>proxy</html>" },
    ]);
    const error = await createClient({ endpoint, apiKey: "abk_x", fetch, retries: 1, backoffMs: 1 })
      .viewer()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe("BAD_RESPONSE");
  });
});
