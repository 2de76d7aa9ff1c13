/**
 * Bad input against every mutation (issue 8, resilience): a corpus generated from the schema
 * itself — for every mutation of the committed SDL, every leaf field of its input object gets
 * malformed values of its kind (wrong, foreign-typed or unknown IDs; malformed decimals, dates,
 * months; out-of-range integers; unknown enum values; oversized strings and NUL bytes) while the
 * other fields carry a plausible value (a real row of the caller's own stock where the field is an
 * ID). Then a property-based part (fast-check, fixed seed) throws arbitrary strings at every
 * Decimal, Date and ID field. Each request must get a clear error (GraphQL errors with a message
 * naming the field, or userErrors), never an internal error; the server stays up; and a
 * fingerprint of every table proves that nothing changed.
 */
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from "graphql";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid, startTestApi, type Caller, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const SDL = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
const schema = buildSchema(SDL);
const MUTATIONS = Object.values(schema.getMutationType()!.getFields());

/** Mutations only a ministry administrator may call: the corpus is sent with the admin's key. */
const ADMIN_ONLY = new Set([
  "createApiKey",
  "revokeApiKey",
  "approveAllocationMethodologyVersion",
  // issue 13: organisations, conventions and the register (register administrators are the ministry's)
  "createOrganisation",
  "updateOrganisation",
  "deactivateOrganisation",
  "createFinancingConvention",
  "createCompensationConvention",
  "amendConvention",
  "recordDwellingFinancing",
  "registerCandidate",
  "reviseCandidate",
  "closeApplication",
  "anonymiseCandidate",
]);

/** Which type an ID field names, from its name (`leaseId` → Lease) or, for `id`, from the mutation. */
const ID_TYPES: Record<string, string> = {
  alternateForId: "CommissionMember",
  memberId: "CommissionMember",
  organisationId: "Organisation",
  landlordId: "Organisation",
  newLandlordId: "Organisation",
  developerId: "Organisation",
  compensationConventionId: "Convention",
  financingConventionId: "Convention",
  conventionId: "Convention",
  meetingId: "CommissionMeeting",
  offerId: "AllocationOffer",
  methodologyId: "AllocationMethodology",
  transferId: "DwellingTransfer",
};
function idTypeOf(mutation: string, field: string): string {
  if (ID_TYPES[field]) return ID_TYPES[field]!;
  if (field === "id") return mutation.replace(/^(update|revoke|delete)/, "");
  const base = field.replace(/Id$/, "");
  return base.charAt(0).toUpperCase() + base.slice(1);
}

interface Leaf {
  path: string[];
  name: string;
  kind: string;
  list: boolean;
}

/** Every leaf field of an input object, with its path and named type. */
function leaves(type: GraphQLInputObjectType, path: string[] = [], seen = new Set<string>()): Leaf[] {
  if (seen.has(type.name)) return [];
  const out: Leaf[] = [];
  for (const f of Object.values(type.getFields())) {
    const named = getNamedType(f.type);
    const list = isListType(isNonNullType(f.type) ? f.type.ofType : f.type);
    if (isInputObjectType(named)) out.push(...leaves(named, [...path, f.name], new Set([...seen, type.name])));
    else out.push({ path: [...path, f.name], name: f.name, kind: isEnumType(named) ? "enum" : named.name, list });
  }
  return out;
}

/** Malformed values for a leaf of this kind: none of them may be accepted by any field. */
function malformed(mutation: string, leaf: Leaf): unknown[] {
  const t = leaf.kind === "ID" ? idTypeOf(mutation, leaf.name) : "";
  switch (leaf.kind) {
    case "ID":
      return [
        "",
        "not-a-global-id",
        gid("NoSuchType", randomUUID()),
        gid(t === "Municipality" ? "Lease" : "Municipality", randomUUID()),
        gid(t, "not-a-uuid"),
        gid(t, randomUUID()),
      ];
    case "Decimal":
      return ["abc", "1,5", "1e400", "NaN", "Infinity", "--1", "", 12.5];
    case "Date":
      return ["2026-02-30", "2026-13-01", "26-01-01", "tomorrow", "", "2026-1-1", 20260101];
    case "DateTime":
      return ["yesterday", "2026-01-01T25:00:00Z", ""];
    case "Month":
      return ["2026-13", "2026-00", "202601", "2026-1"];
    case "Int":
      return [2 ** 31, 1.5, "3"];
    case "Boolean":
      return ["yes", 1];
    case "String":
      return ["x".repeat(100_000), "a\u0000b"];
    case "enum":
      return ["NOT_A_VALUE", 3];
    default:
      return [];
  }
}

/** Sets a value at a path inside a (cloned) input object, creating the objects on the way. */
function setAt(input: Record<string, unknown>, path: string[], value: unknown, list: boolean): Record<string, unknown> {
  const copy = structuredClone(input);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (Array.isArray(next)) node = (next[0] as Record<string, unknown>) ?? (next[0] = {});
    else node = (node[key] ??= {}) as Record<string, unknown>;
  }
  node[path.at(-1)!] = list ? [value] : value;
  return copy;
}

describe(`bad input against every mutation (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  const ownIds: Record<string, string> = {};

  /** count + order-independent hash of every row of every table but the API keys' last-use time and idempotency records. */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await api.db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const out: Record<string, string> = {};
    for (const { table_name: t } of tables) {
      // The rate limiter's buckets (PostgreSQL: RateLimitBucket) move with every request, as idempotency records do.
      if (t === "ApiKey" || t === "IdempotencyRecord" || t === "RateLimitBucket") continue;
      const [row] = await api.db.prisma.$queryRawUnsafe<{ n: string; h: string | null }[]>(
        `SELECT count(*)::text AS n, md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS h FROM "${t}" x`,
      );
      out[t] = `${row!.n}:${row!.h ?? ""}`;
    }
    return out;
  }

  /** A plausible value for a required field, so that the malformed field is what gets refused. */
  function plausible(mutation: string, name: string, type: GraphQLInputType): unknown {
    if (isNonNullType(type)) return plausible(mutation, name, type.ofType);
    if (isListType(type)) return [plausible(mutation, name, type.ofType)];
    const named = getNamedType(type);
    if (isInputObjectType(named)) return baseline(mutation, named);
    if (isEnumType(named)) return named.getValues()[0]!.value;
    switch (named.name) {
      case "ID":
        return ownIds[idTypeOf(mutation, name)] ?? gid(idTypeOf(mutation, name), randomUUID());
      case "Decimal":
        return "100.00";
      case "Date":
        return "2026-11-02";
      case "DateTime":
        return "2026-11-02T10:00:00Z";
      case "Month":
        return "2026-11";
      case "Int":
        return 1;
      case "Boolean":
        return false;
      case "String":
        return `fuzz ${name}`;
      default:
        return null;
    }
  }
  function baseline(mutation: string, type: GraphQLInputObjectType): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = plausible(mutation, f.name, f.type);
    return out;
  }

  function callerOf(mutation: string): Caller {
    return ADMIN_ONLY.has(mutation) ? "admin" : "landlordA";
  }

  function documentOf(m: GraphQLField<unknown, unknown>): string {
    const arg = m.args[0]!;
    return `mutation($input: ${arg.type.toString()}) { ${m.name}(input: $input) { __typename userErrors { field message code } } }`;
  }

  interface Outcome {
    internal: boolean;
    clear: boolean;
    namesField: boolean;
    detail: string;
  }

  /** Sends one malformed input and classifies the answer. */
  async function send(m: GraphQLField<unknown, unknown>, input: Record<string, unknown>, leafName: string): Promise<Outcome> {
    const res = await api.gql(callerOf(m.name), documentOf(m), { input });
    const errors = res.body.errors ?? [];
    const payload = (res.body.data as Record<string, { userErrors?: { field: string[]; message: string; code: string }[] } | null> | undefined)?.[m.name];
    const userErrors = payload?.userErrors ?? [];
    const internal = res.status >= 500 || errors.some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR");
    const clear =
      (errors.length > 0 && errors.every((e) => e.message.length > 10)) ||
      (userErrors.length > 0 && userErrors.every((e) => e.message.length > 5 && e.field.length > 0));
    const namesField = errors.some((e) => e.message.includes(leafName)) || userErrors.some((e) => e.field.includes(leafName) || e.message.includes(leafName));
    return {
      internal,
      clear,
      namesField,
      detail: `${res.status} ${JSON.stringify(errors.length ? errors.map((e) => e.message.slice(0, 160)) : userErrors).slice(0, 400)}`,
    };
  }

  beforeAll(async () => {
    api = await startTestApi({ maxBodyBytes: 4 * 1024 * 1024 });
    const p = api.db.prisma;
    const esch = api.orgIds.esch;
    const first = async (type: string, find: () => Promise<{ id: string } | null>) => {
      const row = await find();
      if (row) ownIds[type] = gid(type, row.id);
    };
    ownIds.Organisation = gid("Organisation", esch);
    await first("Dwelling", () => p.dwelling.findFirst({ where: { landlordId: esch }, select: { id: true }, orderBy: { id: "asc" } }));
    await first("AccommodationUnit", () =>
      p.accommodationUnit.findFirst({ where: { dwelling: { landlordId: esch } }, select: { id: true }, orderBy: { id: "asc" } }),
    );
    await first("Lease", () => p.lease.findFirst({ where: { landlordId: esch }, select: { id: true }, orderBy: { id: "asc" } }));
    await first("AllocationFile", () => p.allocationFile.findFirst({ where: { landlordId: esch }, select: { id: true }, orderBy: { id: "asc" } }));
    await first("Convention", () => p.convention.findFirst({ where: { landlordId: esch }, select: { id: true }, orderBy: { id: "asc" } }));
    await first("Commission", () => p.commission.findFirst({ where: { landlordId: esch }, select: { id: true }, orderBy: { id: "asc" } }));
    await first("Candidate", () => p.candidate.findFirst({ select: { id: true }, orderBy: { id: "asc" } }));
    await first("Household", () => p.household.findFirst({ select: { id: true }, orderBy: { id: "asc" } }));
    await first("Project", () => p.project.findFirst({ select: { id: true }, orderBy: { id: "asc" } }));
    await first("AllocationMethodology", () =>
      p.allocationMethodology.findFirst({ where: { landlordId: esch }, select: { id: true }, orderBy: { version: "desc" } }),
    );
    await first("RehousingCase", () => p.rehousingCase.findFirst({ where: { lease: { landlordId: esch } }, select: { id: true }, orderBy: { id: "asc" } }));
  }, 180_000);
  afterAll(async () => api?.close());

  it("the corpus covers every mutation of the schema, each through one input object", () => {
    expect(MUTATIONS.length).toBeGreaterThan(25);
    for (const m of MUTATIONS) {
      expect(
        m.args.map((a) => a.name),
        m.name,
      ).toEqual(["input"]);
      expect(isInputObjectType(getNamedType(m.args[0]!.type)), m.name).toBe(true);
    }
  });

  it("every malformed leaf of every mutation gets a clear error naming the field, the server stays up, and nothing changes", async () => {
    const before = await fingerprint();
    let sent = 0;
    let named = 0;
    const failures: string[] = [];
    const unnamed: string[] = [];
    for (const m of MUTATIONS) {
      const inputType = getNamedType(m.args[0]!.type) as GraphQLInputObjectType;
      const base = baseline(m.name, inputType);
      for (const leaf of leaves(inputType)) {
        for (const value of malformed(m.name, leaf)) {
          const outcome = await send(m, setAt(base, leaf.path, value, leaf.list), leaf.name);
          sent += 1;
          const what = `${m.name}(${leaf.path.join(".")} = ${JSON.stringify(value).slice(0, 40)})`;
          if (outcome.internal || !outcome.clear) failures.push(`${what}: ${outcome.detail}`);
          else if (outcome.namesField) named += 1;
          else unnamed.push(`${what}: ${outcome.detail}`);
        }
      }
    }
    const health = await fetch(new URL("/healthz", api.url));
    const after = await fingerprint();
    console.log(
      `bad-input corpus (${TEST_DATABASE_KIND}): ${MUTATIONS.length} mutations, ${sent} malformed requests; ${failures.length} internal or unclear; ` +
        `${named} named the malformed field, ${unnamed.length} were refused for another field first` +
        (unnamed.length ? `, e.g.\n  ${unnamed.slice(0, 5).join("\n  ")}` : ""),
    );
    expect(failures, failures.slice(0, 10).join("\n")).toEqual([]);
    expect(health.status).toBe(200);
    expect(after).toEqual(before);
    // Most refusals name the malformed field itself; the others stop on an earlier field of the
    // same input (a mutation checks its target row before the values), which is still clear.
    expect(named / sent).toBeGreaterThan(0.8);
  }, 600_000);

  it("property: arbitrary strings in Decimal, Date, Month and ID fields never break a mutation or change data", async () => {
    const targets = MUTATIONS.flatMap((m) =>
      leaves(getNamedType(m.args[0]!.type) as GraphQLInputObjectType)
        .filter((l) => ["Decimal", "Date", "Month", "ID"].includes(l.kind))
        .map((leaf) => ({ m, leaf })),
    );
    const valid: Record<string, RegExp> = { Decimal: /^\s*[-+]?\d+(\.\d+)?\s*$/, Date: /^\d{4}-\d{2}-\d{2}$/, Month: /^\d{4}-\d{2}$/, ID: /^$/ };
    const before = await fingerprint();
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.string({ maxLength: 40 }), async ({ m, leaf }, s) => {
        fc.pre(!valid[leaf.kind]!.test(s));
        const inputType = getNamedType(m.args[0]!.type) as GraphQLInputObjectType;
        const outcome = await send(m, setAt(baseline(m.name, inputType), leaf.path, s, leaf.list), leaf.name);
        if (outcome.internal || !outcome.clear) failures.push(`${m.name}(${leaf.path.join(".")} = ${JSON.stringify(s)}): ${outcome.detail}`);
        return !outcome.internal && outcome.clear;
      }),
      { seed: 8535, numRuns: 300 },
    );
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 600_000);

  it("every connection refuses a negative page size and a forged cursor with a clear error, never an internal one", async () => {
    const query = schema.getQueryType()!;
    const connections = Object.values(query.getFields()).filter((f) => f.args.some((a) => a.name === "first") && f.args.some((a) => a.name === "after"));
    expect(connections.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const f of connections) {
      const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const decl = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
      const pass = required.map((a) => `${a.name}: $${a.name}`).join(", ");
      const variables = Object.fromEntries(required.map((a) => [a.name, plausible(f.name, a.name, a.type)]));
      for (const page of [
        "first: -1",
        'first: 5, after: "garbage"',
        `first: 5, after: "${Buffer.from("arrayconnection:99999999999999999999").toString("base64")}"`,
        'last: 5, before: "%%%"',
      ]) {
        const doc = `query${decl ? `(${decl})` : ""} { ${f.name}(${[pass, page].filter(Boolean).join(", ")}) { __typename } }`;
        const res = await api.gql("admin", doc, variables);
        const errors = res.body.errors ?? [];
        const internal = res.status >= 500 || errors.some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR");
        // A forged cursor past the end may also be read as an empty page; anything but an internal error is an answer.
        if (internal) failures.push(`${f.name}(${page}): ${res.status} ${JSON.stringify(errors).slice(0, 200)}`);
        else if (page === "first: -1" && errors.length === 0) failures.push(`${f.name}(${page}) was accepted`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("malformed requests — bodies, shapes, depth, size — each get a clear 4xx or GraphQL error and the server stays up", async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(api.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${api.keys.landlordA}`, ...headers }, body });
    const deep = (n: number) =>
      `{ dwellings(first: 1) { edges { node { ${"landlord { dwellings(first: 1) { edges { node { ".repeat(n)} id ${"} } } }".repeat(n)} } } } }`;
    const cases: { name: string; res: () => Promise<Response>; expectStatus: number[] }[] = [
      { name: "not JSON", res: () => post("{ query: nope"), expectStatus: [400] },
      { name: "JSON but not an object", res: () => post("42"), expectStatus: [400] },
      { name: "no query", res: () => post(JSON.stringify({ variables: {} })), expectStatus: [400] },
      { name: "query is not a string", res: () => post(JSON.stringify({ query: { a: 1 } })), expectStatus: [400] },
      { name: "syntax error", res: () => post(JSON.stringify({ query: "{ dwellings(first: 1) { " })), expectStatus: [400] },
      { name: "unknown field", res: () => post(JSON.stringify({ query: "{ noSuchField }" })), expectStatus: [400] },
      { name: "too deep", res: () => post(JSON.stringify({ query: deep(6) })), expectStatus: [400, 200] },
      {
        name: "alias bomb (cost)",
        res: () => post(JSON.stringify({ query: `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: dwellings(first: 100) { totalCount }`).join(" ")} }` })),
        expectStatus: [400, 200],
      },
      {
        name: "fragment cycle",
        res: () => post(JSON.stringify({ query: "query { viewer { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...A }" })),
        expectStatus: [400],
      },
      { name: "oversized body", res: () => post(JSON.stringify({ query: `{ viewer { __typename } } # ${"x".repeat(5 * 1024 * 1024)}` })), expectStatus: [413] },
      {
        name: "batched array",
        res: () => post(JSON.stringify([{ query: "{ viewer { __typename } }" }, { query: "{ viewer { __typename } }" }])),
        expectStatus: [400],
      },
      {
        name: "mutation over GET",
        res: () =>
          fetch(`${api.url}?query=${encodeURIComponent('mutation { revokeApiKey(input: { id: "x" }) { __typename } }')}`, {
            headers: { "apollo-require-preflight": "1", authorization: `Bearer ${api.keys.landlordA}` },
          }),
        expectStatus: [400, 405],
      },
      {
        name: "text/plain (CSRF)",
        res: () => post(JSON.stringify({ query: "{ viewer { __typename } }" }), { "content-type": "text/plain" }),
        expectStatus: [400],
      },
      {
        name: "bad variables type",
        res: () => post(JSON.stringify({ query: "query($n: Int) { dwellings(first: $n) { totalCount } }", variables: { n: "ten" } })),
        expectStatus: [400, 200],
      },
      { name: "NUL in an inline string", res: () => post(JSON.stringify({ query: '{ node(id: "a\\u0000b") { id } }' })), expectStatus: [400] },
      {
        name: "bad bearer",
        res: () => post(JSON.stringify({ query: "{ viewer { __typename } }" }), { authorization: "Bearer abk_nope" }),
        expectStatus: [401],
      },
    ];
    const before = await fingerprint();
    for (const c of cases) {
      const res = await c.res();
      const text = await res.text();
      expect(c.expectStatus, `${c.name}: ${res.status} ${text.slice(0, 200)}`).toContain(res.status);
      expect(res.status, c.name).toBeLessThan(500);
      if (res.status === 200) expect(JSON.parse(text).errors?.[0]?.message, c.name).toMatch(/\w{4,}/);
      else expect(text.length, `${c.name} explains itself`).toBeGreaterThan(10);
      expect((await fetch(new URL("/healthz", api.url))).status, `alive after ${c.name}`).toBe(200);
    }
    expect(await fingerprint()).toEqual(before);
  }, 120_000);
});
