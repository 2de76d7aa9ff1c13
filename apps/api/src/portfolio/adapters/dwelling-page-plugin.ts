/**
 * The `dwellings` page answered by ONE hand-written json_agg statement (issue 16: "where the ORM
 * path still cannot come close to the limit for a hot list, a hand-written json_agg query for that
 * list is acceptable, behind the same access policy and tests").
 *
 * An Apollo plugin (`responseForOperation`, after parsing, validation and the text-input checks,
 * before execution) compiles the operation's selection set into one SQL statement that builds the
 * GraphQL `data` itself, the way the benchmark's limit server does, when the whole operation is in
 * the covered subset below; otherwise it returns null and the operation is executed as usual
 * (Pothos, the ORM path and its own fast path in dwelling.ts). What it covers, exactly:
 *
 * - the operation: a query whose only root field is `dwellings` (an alias is fine), no fragments,
 *   no directives, every response key once; its variables coerced by graphql-js; its complexity
 *   (the Pothos complexity plugin's own count) within the limits (otherwise execution reports it);
 * - the caller: an API key whose dwelling scope is a plain SQL condition (`dwellingScopeSql`:
 *   ministry, landlord, developer) — the same rows `dwellingScope` gives the ORM path;
 * - arguments: `first`/`last` (default 20, at most 100), `after`/`before` (row-value keyset on the
 *   cursor row looked up inside the scope, so a cursor outside it gives an empty page), `orderBy`
 *   (every field and direction, ties by id ascending as the ORM path), `filter` (every field,
 *   validated and FORBIDDEN-checked by `dwellingWhere` itself, then translated from its output);
 * - the connection: `totalCount` (the maintained counts without a filter, count(*) with one, as
 *   dwelling.ts), `pageInfo { hasNextPage hasPreviousPage startCursor endCursor }` with Pothos's
 *   semantics, `edges { cursor node }`;
 * - Dwelling: `id` and its scalar fields; `landlord`, `developer` (Organisation: id, name, kind,
 *   isSocialDeveloper, isSocialLandlord); `financingConvention`, `compensationConvention`
 *   (Convention: id, reference, kind, signedOn, startsOn, endsOn, durationYears,
 *   bankLoanPrefinancing; null unless `conventionOwnsSql`, as `owns.convention` in the resolver);
 *   `accommodationUnits(first)` (no cursor argument: totalCount, pageInfo, edges of id, reference,
 *   usefulArea, capacity, status, firstLettingOn; every unit of a dwelling in scope is in
 *   `accommodationUnitScope`);
 * - `__typename` anywhere.
 *
 * The statement is compiled once per parsed document, caller and variables, read on the pool
 * without Prisma (Database.read, counted as the request's statement), and its text is the response's
 * `data` as it is (RawData, stringifyResult). A refusal (bad filter, FORBIDDEN) or a database failure
 * hands the operation to execution, which reports it as for any request.
 *
 * Anything else (another field, project, municipality, leases, money fields, a fragment…) takes the
 * executed path. No field of the subset is classified personal data (checked when this module
 * loads against FIELD_CLASSES: a classified field leaves the subset, so its mask still applies).
 * Switched off with the ORM fast path by ABORDABLE_DWELLING_FAST_PATH=off. The test
 * (test/portfolio/dwelling-fast-path.test.ts) compares every covered shape with the switch on and
 * off, for every demo caller.
 */
import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { getVariableValues, Kind, type FieldNode } from "graphql";
import { Prisma } from "../../generated/prisma/client.js";
import type { Context } from "../../schema/context.js";
import { limits } from "../../schema/builder.js";
import { dwellingScopeSql, dwellingStockCountScopeSql } from "../../access/tenant.js";
import { dwellingFastPathEnabled, dwellingWhere } from "../types/dwelling.js";
import {
  type Compile,
  decline,
  argsOf,
  join,
  object,
  ORDER_COLUMN,
  DEFAULT_PAGE,
  MAX_PAGE,
  filterSql,
  raw,
  cursorId,
  sql,
  cursorOf,
  fieldsOf,
  pageInfo,
  dwellingNode,
  key,
  NotCovered,
} from "./dwelling-page-sql.js";

/** The whole `data` of a covered `dwellings` operation as one statement, or decline. */
function compileDwellings(c: Compile, field: FieldNode): Prisma.Sql {
  const scope = dwellingScopeSql(c.ctx.viewer, "d") ?? decline("scope");
  const args = argsOf(c, "Query", field) as {
    first?: number | null;
    last?: number | null;
    after?: string | null;
    before?: string | null;
    filter?: Parameters<typeof dwellingWhere>[0];
    orderBy?: { field: keyof typeof ORDER_COLUMN; direction?: "ASC" | "DESC" | null } | null;
  };
  const { first, last, after, before } = args;
  if ((first != null && first < 0) || (last != null && last < 0)) return decline("negative page size");
  if ((before != null && after != null) || (before != null && first != null) || (after != null && last != null)) return decline("cursor combination");
  const n = Math.min(first ?? last ?? DEFAULT_PAGE, MAX_PAGE);
  const backward = before != null || last != null;
  const cursor = before ?? after;
  const where = dwellingWhere(args.filter, c.ctx.viewer);
  const filtered = Object.keys(where).length > 0;
  /** The scope and the filter: what totalCount counts. */
  const base = [scope, ...filterSql(where)];
  const conditions = [...base];
  const column = ORDER_COLUMN[args.orderBy?.field ?? "REFERENCE"];
  const desc = args.orderBy?.direction === "DESC";
  const C = raw(`d."${column}"`);
  // The page's order (column, then id ascending, as the ORM path) and the order rows are fetched in (reversed backwards).
  const order = raw(`d."${column}" ${desc ? "DESC" : "ASC"}, d."id" ASC`);
  const fetchOrder = backward ? raw(`d."${column}" ${desc ? "ASC" : "DESC"}, d."id" DESC`) : order;
  if (cursor != null) {
    const id = cursorId(cursor);
    // The cursor row's value, looked up inside the scope (an init plan, evaluated once): outside
    // it, or unknown, NULL, so no row and an empty page, as on the ORM path.
    const kScope = dwellingScopeSql(c.ctx.viewer, "k") ?? decline("scope");
    const at = sql`(SELECT ${raw(`k."${column}"`)} FROM "Dwelling" k WHERE k."id" = ${id}::uuid AND ${kScope})`;
    // Rows after the cursor in the page's order (before it, backwards): where column and id go the
    // same way, a row-value comparison, which the (column, id) index serves as a range (page 100
    // costs what page 1 does); otherwise the range on the column and the tie on the id.
    if (!desc)
      conditions.push(
        sql`(${C}, d."id") ${raw(backward ? "<" : ">")} (SELECT ${raw(`k."${column}"`)}, k."id" FROM "Dwelling" k WHERE k."id" = ${id}::uuid AND ${kScope})`,
      );
    else if (!backward) conditions.push(sql`${C} <= ${at} AND (${C} < ${at} OR d."id" > ${id}::uuid)`);
    else conditions.push(sql`${C} >= ${at} AND (${C} > ${at} OR d."id" < ${id}::uuid)`);
  }
  const page = sql`SELECT d.*, ${cursorOf("d")} AS cursor, row_number() OVER (ORDER BY ${fetchOrder}) AS rn FROM "Dwelling" d WHERE ${join(conditions, " AND ")} ORDER BY ${fetchOrder} LIMIT ${n + 1}`;
  const fetched = raw(`(SELECT count(*) FROM page)`);
  const full = sql`(${fetched} = ${n + 1})`;
  const inPage = raw(`page.rn <= ${n}`);
  // Pothos's pageInfo (plugin-prisma wrapConnectionResult): from the cursor arguments and whether n + 1 rows came.
  const hasNext = before != null ? sql`true` : last != null ? sql`false` : full;
  const hasPrevious = after != null ? sql`true` : backward ? full : sql`false`;
  // The first and last edge of the page in the page's order: rn counts from the far end backwards.
  const pageCount = `least(${n}, (SELECT count(*) FROM page))`;
  const startRn = backward ? pageCount : "1";
  const endRn = backward ? "1" : pageCount;
  const pairs = fieldsOf(field.selectionSet).map((f): [string, Prisma.Sql] => {
    const k = f.alias?.value ?? f.name.value;
    if (f.arguments?.length) return decline("argument");
    switch (f.name.value) {
      case "__typename":
        return [k, raw(`'QueryDwellingsConnection'`)];
      case "totalCount":
        return [
          k,
          filtered
            ? sql`(SELECT count(*) FROM "Dwelling" d WHERE ${join(base, " AND ")})::int`
            : sql`(SELECT coalesce(sum(s."dwellings"), 0) FROM "DwellingStockCount" s WHERE ${dwellingStockCountScopeSql(c.ctx.viewer, "s") ?? decline("count scope")})::int`,
        ];
      case "pageInfo":
        return [
          k,
          pageInfo(f, {
            hasNext,
            hasPrevious,
            start: raw(`(SELECT page.cursor FROM page WHERE page.rn = ${startRn} AND 1 <= ${n})`),
            end: raw(`(SELECT page.cursor FROM page WHERE page.rn = ${endRn} AND 1 <= ${n})`),
          }),
        ];
      case "edges": {
        const edge = object(
          fieldsOf(f.selectionSet).map((e): [string, Prisma.Sql] => {
            const ek = e.alias?.value ?? e.name.value;
            if (e.arguments?.length) return decline("argument");
            if (e.name.value === "__typename") return [ek, raw(`'QueryDwellingsConnectionEdge'`)];
            if (e.name.value === "cursor") return [ek, raw(`page.cursor`)];
            if (e.name.value === "node") return [ek, dwellingNode(c, "page", e.selectionSet)];
            return decline(`edge ${e.name.value}`);
          }),
        );
        return [
          k,
          sql`(SELECT coalesce(json_agg(${edge} ORDER BY ${raw(`page.rn ${backward ? "DESC" : "ASC"}`)}) FILTER (WHERE ${inPage}), '[]'::json) FROM page)`,
        ];
      }
      default:
        return decline(`connection ${f.name.value}`);
    }
  });
  return sql`WITH page AS (${page}) SELECT json_build_object(${key(field.alias?.value ?? field.name.value)}, ${object(pairs)})::text AS data`;
}

/** The statement answering this operation, or null when it is not covered (then it is executed). */
export function compileDwellingPage(
  request: Pick<GraphQLRequestContextResponseForOperation<Context>, "operation" | "schema" | "request" | "contextValue" | "document">,
): Prisma.Sql | null {
  const { operation, schema, contextValue: ctx } = request;
  if (operation.operation !== "query" || operation.directives?.length) return null;
  if (ctx.viewer.kind !== "apiKey" || !dwellingFastPathEnabled()) return null;
  const root = operation.selectionSet.selections;
  if (root.length !== 1 || root[0]!.kind !== Kind.FIELD || root[0]!.name.value !== "dwellings" || root[0]!.directives?.length) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.request.variables ?? {});
  if (coerced.errors) return null;
  // The complexity plugin checks on execution; a page over the limits is executed to say so.
  const cost = complexityFromQuery(request.document, { schema, ctx, variables: coerced.coerced });
  if (cost.depth > limits.maxDepth || cost.complexity > limits.maxCost || cost.breadth > 200) return null;
  try {
    return compileDwellings({ schema, variables: coerced.coerced, ctx, n: 0 }, root[0]!);
  } catch (error) {
    if (error instanceof NotCovered) return null;
    throw error;
  }
}

/**
 * The page's `data` as the database wrote it: serialised as it is by `stringifyResult` (no parse
 * and re-stringify of the page in this process). It is only ever the whole `data` of a response.
 */
export class RawData {
  constructor(readonly json: string) {}
  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/** Apollo's `stringifyResult`: the default (JSON + newline), with a RawData `data` written as it is. */
export function stringifyResult(value: { data?: unknown; errors?: unknown; extensions?: unknown }): string {
  if (value.data instanceof RawData && value.errors === undefined && value.extensions === undefined) return `{"data":${value.data.json}}\n`;
  return `${JSON.stringify(value)}\n`;
}

/**
 * Compiled statements by document (Apollo hands the same parsed document to every request of the
 * same query text), then by what else the statement depends on: the caller, the variables, the
 * switch and the limits. A refusal (an error) is not kept: it is reported by execution each time.
 */
const compiled = new WeakMap<object, Map<string, Prisma.Sql | null>>();
const PER_DOCUMENT = 256;

function cachedDwellingPage(request: Parameters<typeof compileDwellingPage>[0]): Prisma.Sql | null {
  const v = request.contextValue.viewer;
  const id = JSON.stringify([
    v.kind === "apiKey" ? [v.role, v.organisationId] : null,
    request.operation.name?.value ?? null,
    request.request.variables ?? {},
    limits.maxDepth,
    limits.maxCost,
  ]);
  let byKey = compiled.get(request.document);
  const hit = byKey?.get(id);
  if (hit !== undefined) return hit;
  const statement = compileDwellingPage(request);
  if (!byKey) compiled.set(request.document, (byKey = new Map()));
  if (byKey.size >= PER_DOCUMENT) byKey.delete(byKey.keys().next().value!);
  byKey.set(id, statement);
  return statement;
}

/** The Apollo plugin: answers a covered `dwellings` operation with one statement, before execution. */
export const dwellingPagePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async responseForOperation(request) {
        // The switch is read on every request, before the cache.
        if (!dwellingFastPathEnabled()) return null;
        let statement: Prisma.Sql | null;
        try {
          statement = cachedDwellingPage(request);
        } catch {
          // A refusal (a bad filter, FORBIDDEN landlordIds): executed, which reports it in its words.
          return null;
        }
        if (!statement) return null;
        let json: string;
        try {
          // On the pool without Prisma, whose client compiles even a raw statement on every request.
          const [row] = await request.contextValue.db.read<{ data: string }>(statement.text, statement.values);
          json = row!.data;
        } catch {
          // A database failure: executed, so that the error is reported (503 when the database is unavailable) as for any request.
          return null;
        }
        return {
          http: { status: undefined, headers: new HeaderMap() },
          body: { kind: "single", singleResult: { data: new RawData(json) as unknown as Record<string, unknown> } },
        };
      },
    };
  },
};
