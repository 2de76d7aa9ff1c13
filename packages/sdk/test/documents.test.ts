/**
 * Partners' own documents and the transport's contracts, on a scripted fetch: a TypedDocumentNode
 * (built with graphql's parser, as codegen emits it) is printed and run with the SDK's scalar
 * conversion and Idempotency-Key; the User-Agent, the required key, events and throttling.
 */
import { parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import {
  createClient,
  Decimal,
  operationFromDocument,
  SDK_VERSION,
  type FetchLike,
  type RequestEvent,
  type ResponseEvent,
  type TypedDocumentLike,
} from "../src/index.js";
import type { DecimalInput, DecimalOutput, DateOutput } from "../src/scalars.js";

const endpoint = "http://api.test/graphql";

type Q = { node: { __typename: "Dwelling"; usefulArea: DecimalOutput; compensationConvention: { signedOn: DateOutput } | null } | null };
const QUERY = parse(
  `query Mine($id: ID!) { node(id: $id) { __typename ...D } } fragment D on Dwelling { usefulArea compensationConvention { signedOn } } fragment Unused on Dwelling { id }`,
) as unknown as TypedDocumentLike<Q, { id: string }>;
type M = { updateDwelling: { dwelling: { usefulArea: DecimalOutput } | null } };
const MUTATION = parse(
  `mutation Set($input: UpdateDwellingInput!) { updateDwelling(input: $input) { dwelling { usefulArea } } }`,
) as unknown as TypedDocumentLike<M, { input: { id: string; usefulArea?: DecimalInput } }>;

function scripted(replies: { body: unknown; headers?: Record<string, string>; status?: number }[]) {
  const calls: { headers: Headers; body: { query: string; variables: Record<string, unknown> }; at: number }[] = [];
  const fetch: FetchLike = async (_url, init) => {
    calls.push({ headers: new Headers(init.headers), body: JSON.parse(String(init.body)), at: Date.now() });
    const r = replies.shift()!;
    return new Response(JSON.stringify(r.body), { status: r.status ?? 200, headers: { "content-type": "application/json", ...r.headers } });
  };
  return { fetch, calls };
}

describe("partners' documents", () => {
  it("prints a document as graphql does, with only the fragments it uses", () => {
    const op = operationFromDocument(QUERY);
    expect(op.kind).toBe("query");
    expect(op.document).not.toContain("Unused");
    expect(print(parse(op.document))).toBe(
      print(parse(`query Mine($id: ID!) { node(id: $id) { __typename ...D } } fragment D on Dwelling { usefulArea compensationConvention { signedOn } }`)),
    );
    expect(op.result).toEqual({ node: { usefulArea: "Decimal", compensationConvention: { signedOn: "Date" } } });
  });

  it("runs a query and a mutation: Decimal in and out, dates by option, an Idempotency-Key on the mutation", async () => {
    const { fetch, calls } = scripted([
      { body: { data: { node: { __typename: "Dwelling", usefulArea: "81.25", compensationConvention: { signedOn: "2023-10-24" } } } } },
      { body: { data: { updateDwelling: { dwelling: { usefulArea: "81.75" } } } } },
    ]);
    const client = createClient({ endpoint, apiKey: "abk_x", fetch, dates: "date" });
    const { node } = await client.request(QUERY, { id: "RHdlbGxpbmc6MQ==" });
    const area: Decimal | undefined = node?.usefulArea;
    expect(area).toBeInstanceOf(Decimal);
    expect(node?.compensationConvention?.signedOn).toEqual(new Date("2023-10-24T00:00:00Z"));
    expect(calls[0]!.headers.get("idempotency-key")).toBeNull();
    const { updateDwelling } = await client.request(MUTATION, { input: { id: "x", usefulArea: new Decimal("81.75") } });
    expect(updateDwelling.dwelling?.usefulArea.toFixed(2)).toBe("81.75");
    expect(calls[1]!.body.variables).toEqual({ input: { id: "x", usefulArea: "81.75" } });
    expect(calls[1]!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("transport contracts", () => {
  it("refuses an empty API key at construction and sends User-Agent abordable-sdk/<version>", async () => {
    expect(() => createClient({ endpoint, apiKey: "" })).toThrow(/apiKey.*empty/);
    expect(() => createClient({ endpoint, apiKey: "  " })).toThrow(TypeError);
    const { fetch, calls } = scripted([{ body: { data: { viewer: { role: "SOCIAL_LANDLORD", organisation: null } } } }]);
    await createClient({ endpoint, apiKey: "abk_x", fetch, userAgent: "my-erp/2.1" }).viewer();
    expect(calls[0]!.headers.get("user-agent")).toBe(`abordable-sdk/${SDK_VERSION} my-erp/2.1`);
  });

  it("reports request and response events with elapsed time and the RateLimit fields, and throttles on r=0", async () => {
    const viewer = { body: { data: { viewer: { role: "SOCIAL_LANDLORD", organisation: null } } } };
    const { fetch, calls } = scripted([{ ...viewer, headers: { ratelimit: '"default";r=0;t=1', "ratelimit-policy": '"default";q=100;w=60' } }, viewer]);
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const client = createClient({ endpoint, apiKey: "abk_x", fetch, throttle: true, onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) });
    await client.viewer();
    await client.viewer();
    expect(requests.map((r) => [r.operation, r.attempt])).toEqual([
      ["Viewer", 0],
      ["Viewer", 0],
    ]);
    expect(responses[0]!.rateLimit).toEqual({ remaining: 0, resetSeconds: 1, limit: 100, windowSeconds: 60 });
    expect(responses.every((r) => r.elapsedMs >= 0)).toBe(true);
    // The second request waited for the window's reset instead of being sent to be refused.
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900);
  });
});
