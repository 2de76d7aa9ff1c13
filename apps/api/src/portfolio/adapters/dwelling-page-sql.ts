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
import { getArgumentValues, Kind, type FieldNode, type GraphQLField, type GraphQLSchema, type SelectionSetNode, type GraphQLObjectType } from "graphql";
import { Prisma } from "../../generated/prisma/client.js";
import type { Context } from "../../schema/context.js";
import { conventionOwnsSql } from "../../access/tenant.js";
import { FIELD_CLASSES, OMITTED_ROWS } from "../../privacy/personal-data.js";

export const raw = Prisma.raw;
export const sql = Prisma.sql;
export const join = Prisma.join;

/** Declines: the operation is executed as usual. */
export class NotCovered extends Error {}
export const decline = (why: string): never => {
  throw new NotCovered(why);
};

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
export const key = (k: string) => (NAME.test(k) ? raw(`'${k}'`) : decline(`key ${k}`));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Scalar formats, exactly as the GraphQL scalars serialise what Prisma returns (schema/scalars.ts):
// Decimal through decimal.js `toFixed()` (no trailing zeros), Date `YYYY-MM-DD`, DateTime `toISOString()`.
const col = (a: string, c: string) => raw(`${a}."${c}"`);
const decimal = (a: string, c: string) => raw(`trim_scale(${a}."${c}")::text`);
const date = (a: string, c: string) => raw(`to_char(${a}."${c}", 'YYYY-MM-DD')`);
const instant = (a: string, c: string) => raw(`to_char(${a}."${c}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
/** base64 as Buffer.toString('base64') (PostgreSQL's breaks lines every 76 characters). */
const base64 = (text: string) => raw(`translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'\\n', '')`);
const globalId = (type: string, a: string) => base64(`'${type}:' || ${a}."id"::text`);
/** The Pothos prisma cursor of `cursor: "id"`: base64 of `GPC:S:<id>`. */
export const cursorOf = (a: string) => base64(`'GPC:S:' || ${a}."id"::text`);

type Scalar = (a: string) => Prisma.Sql;
const scalars = (type: string, fields: Record<string, Scalar>): Record<string, Scalar> => {
  const kept: Record<string, Scalar> = { id: (a) => globalId(type, a), __typename: () => raw(`'${type}'`) };
  for (const [f, s] of Object.entries(fields)) if (!FIELD_CLASSES[`${type}.${f}`]) kept[f] = s;
  if (type in OMITTED_ROWS) return {};
  return kept;
};

const DWELLING = scalars("Dwelling", {
  reference: (a) => col(a, "reference"),
  category: (a) => col(a, "category"),
  dedicatedSubCategory: (a) => col(a, "dedicatedSubCategory"),
  type: (a) => col(a, "type"),
  bedrooms: (a) => col(a, "bedrooms"),
  usefulArea: (a) => decimal(a, "usefulArea"),
  address: (a) => col(a, "address"),
  firstLettingOn: (a) => date(a, "firstLettingOn"),
  firstOccupiedYear: (a) => col(a, "firstOccupiedYear"),
  energyRenovated: (a) => col(a, "energyRenovated"),
  hasEquippedKitchen: (a) => col(a, "hasEquippedKitchen"),
  hasOutdoorSpace: (a) => col(a, "hasOutdoorSpace"),
  status: (a) => col(a, "status"),
  createdAt: (a) => instant(a, "createdAt"),
  updatedAt: (a) => instant(a, "updatedAt"),
});
const ORGANISATION = scalars("Organisation", {
  name: (a) => col(a, "name"),
  kind: (a) => col(a, "kind"),
  isSocialDeveloper: (a) => col(a, "isSocialDeveloper"),
  isSocialLandlord: (a) => col(a, "isSocialLandlord"),
});
const CONVENTION = scalars("Convention", {
  reference: (a) => col(a, "reference"),
  kind: (a) => col(a, "kind"),
  signedOn: (a) => date(a, "signedOn"),
  startsOn: (a) => date(a, "startsOn"),
  endsOn: (a) => date(a, "endsOn"),
  durationYears: (a) => col(a, "durationYears"),
  bankLoanPrefinancing: (a) => col(a, "bankLoanPrefinancing"),
});
const UNIT = scalars("AccommodationUnit", {
  reference: (a) => col(a, "reference"),
  usefulArea: (a) => decimal(a, "usefulArea"),
  capacity: (a) => col(a, "capacity"),
  status: (a) => col(a, "status"),
  firstLettingOn: (a) => date(a, "firstLettingOn"),
});

export const ORDER_COLUMN = { REFERENCE: "reference", BEDROOMS: "bedrooms", USEFUL_AREA: "usefulArea", CREATED_AT: "createdAt" } as const;
export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

export interface Compile {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  ctx: Context;
  /** Distinct table aliases. */
  n: number;
}

/** The fields of a selection set, in order; fragments, directives and repeated keys are not covered. */
export function fieldsOf(set: SelectionSetNode | undefined): FieldNode[] {
  if (!set) return decline("no selection set");
  const seen = new Set<string>();
  return set.selections.map((s) => {
    if (s.kind !== Kind.FIELD) return decline("fragment");
    if (s.directives?.length) return decline("directive");
    const k = s.alias?.value ?? s.name.value;
    if (seen.has(k)) return decline("repeated key");
    seen.add(k);
    return s;
  });
}

export function argsOf(c: Compile, type: string, field: FieldNode): Record<string, unknown> {
  const def = (c.schema.getType(type) as GraphQLObjectType).getFields()[field.name.value] as GraphQLField<unknown, unknown> | undefined;
  if (!def) return decline(`${type}.${field.name.value}`);
  return getArgumentValues(def, field, c.variables);
}

/** json_build_object of the given pairs (at most 50 pairs: PostgreSQL's 100 arguments). */
export function object(pairs: [string, Prisma.Sql][]): Prisma.Sql {
  if (pairs.length === 0) return decline("empty selection");
  if (pairs.length > 50) return decline("too many fields");
  return sql`json_build_object(${join(
    pairs.map(([k, v]) => sql`${key(k)}, ${v}`),
    ", ",
  )})`;
}

/** A plain object's fields (scalars from `table`, relations from `relation`), no arguments. */
export function node(
  c: Compile,
  type: string,
  a: string,
  set: SelectionSetNode | undefined,
  table: Record<string, Scalar>,
  relation?: (f: FieldNode) => Prisma.Sql | undefined,
): Prisma.Sql {
  return object(
    fieldsOf(set).map((f) => {
      const k = f.alias?.value ?? f.name.value;
      const scalar = table[f.name.value];
      if (scalar) {
        if (f.arguments?.length || f.selectionSet) return decline(`${type}.${f.name.value} arguments`);
        return [k, scalar(a)];
      }
      const rel = relation?.(f);
      return rel ? [k, rel] : decline(`${type}.${f.name.value}`);
    }),
  );
}

export function dwellingNode(c: Compile, a: string, set: SelectionSetNode | undefined): Prisma.Sql {
  return node(c, "Dwelling", a, set, DWELLING, (f) => {
    const name = f.name.value;
    if (f.arguments?.length && name !== "accommodationUnits") return decline(`Dwelling.${name} arguments`);
    if (name === "landlord" || name === "developer") {
      const o = `o${c.n++}`;
      return sql`(SELECT ${node(c, "Organisation", o, f.selectionSet, ORGANISATION)} FROM "Organisation" ${raw(o)} WHERE ${raw(`${o}."id" = ${a}."${name}Id"`)})`;
    }
    if (name === "financingConvention" || name === "compensationConvention") {
      const v = `c${c.n++}`;
      const owns = conventionOwnsSql(c.ctx.viewer, v) ?? decline("convention scope");
      return sql`(SELECT ${node(c, "Convention", v, f.selectionSet, CONVENTION)} FROM "Convention" ${raw(v)} WHERE ${raw(`${v}."id" = ${a}."${name}Id"`)} AND ${owns})`;
    }
    if (name === "accommodationUnits") return unitsConnection(c, a, f);
    return undefined;
  });
}

/** `accommodationUnits(first)`: the units of the dwelling by reference (accommodationUnitScope holds for every unit of a dwelling in scope). */
function unitsConnection(c: Compile, a: string, field: FieldNode): Prisma.Sql {
  const args = argsOf(c, "Dwelling", field) as { first?: number | null; last?: number | null; after?: string | null; before?: string | null };
  if (args.last != null || args.after != null || args.before != null) return decline("units cursor");
  if (args.first != null && args.first < 0) return decline("negative first");
  const n = Math.min(args.first ?? DEFAULT_PAGE, MAX_PAGE);
  const u = `u${c.n++}`;
  const rows = `${u}r`;
  const fetched = raw(`(SELECT count(*) FROM ${rows})`);
  const inPage = raw(`${rows}.rn <= ${n}`);
  const pairs = fieldsOf(field.selectionSet).map((f): [string, Prisma.Sql] => {
    const k = f.alias?.value ?? f.name.value;
    if (f.arguments?.length || f.directives?.length) return decline("argument");
    switch (f.name.value) {
      case "__typename":
        return [k, raw(`'DwellingAccommodationUnitsConnection'`)];
      case "totalCount":
        return [k, raw(`(SELECT count(*) FROM "AccommodationUnit" ${u}t WHERE ${u}t."dwellingId" = ${a}."id")::int`)];
      case "pageInfo":
        return [
          k,
          pageInfo(f, {
            hasNext: sql`${fetched} > ${n}`,
            hasPrevious: sql`false`,
            start: raw(`(SELECT ${rows}.cursor FROM ${rows} WHERE ${rows}.rn = 1 AND 1 <= ${n})`),
            end: raw(`(SELECT ${rows}.cursor FROM ${rows} WHERE ${rows}.rn = least(${n}, (SELECT count(*) FROM ${rows})))`),
          }),
        ];
      case "edges": {
        const edge = object(
          fieldsOf(f.selectionSet).map((e): [string, Prisma.Sql] => {
            const ek = e.alias?.value ?? e.name.value;
            if (e.arguments?.length) return decline("argument");
            if (e.name.value === "__typename") return [ek, raw(`'DwellingAccommodationUnitsConnectionEdge'`)];
            if (e.name.value === "cursor") return [ek, raw(`${rows}.cursor`)];
            if (e.name.value === "node") return [ek, node(c, "AccommodationUnit", rows, e.selectionSet, UNIT)];
            return decline(`edge ${e.name.value}`);
          }),
        );
        return [k, sql`(SELECT coalesce(json_agg(${edge} ORDER BY ${raw(`${rows}.rn`)}) FILTER (WHERE ${inPage}), '[]'::json) FROM ${raw(rows)})`];
      }
      default:
        return decline(`units connection ${f.name.value}`);
    }
  });
  // The page's units and one more (hasNextPage), numbered in the connection's order.
  return sql`(WITH ${raw(rows)} AS (SELECT ${raw(`${u}.*, ${cursorOf(u).text} AS cursor, row_number() OVER (ORDER BY ${u}."reference") AS rn`)}
      FROM "AccommodationUnit" ${raw(u)} WHERE ${raw(`${u}."dwellingId" = ${a}."id"`)} ORDER BY ${raw(`${u}."reference"`)} LIMIT ${n + 1})
    SELECT ${object(pairs)})`;
}

export function pageInfo(f: FieldNode, v: { hasNext: Prisma.Sql; hasPrevious: Prisma.Sql; start: Prisma.Sql; end: Prisma.Sql }): Prisma.Sql {
  return object(
    fieldsOf(f.selectionSet).map((p): [string, Prisma.Sql] => {
      const k = p.alias?.value ?? p.name.value;
      if (p.arguments?.length) return decline("argument");
      switch (p.name.value) {
        case "__typename":
          return [k, raw(`'PageInfo'`)];
        case "hasNextPage":
          return [k, v.hasNext];
        case "hasPreviousPage":
          return [k, v.hasPrevious];
        case "startCursor":
          return [k, v.start];
        case "endCursor":
          return [k, v.end];
        default:
          return decline(`pageInfo ${p.name.value}`);
      }
    }),
  );
}

/** A Pothos prisma cursor (`GPC:S:<uuid>`) back to the id, or decline (Pothos reports a bad cursor). */
export function cursorId(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64").toString();
  const id = decoded.startsWith("GPC:S:") ? decoded.slice(6) : "";
  if (!UUID.test(id) || Buffer.from(decoded).toString("base64") !== cursor) return decline("cursor");
  return id;
}

/** The filter as SQL, from what `dwellingWhere` returns (which validates and refuses as on the ORM path). */
export function filterSql(where: Prisma.DwellingWhereInput): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  for (const [field, condition] of Object.entries(where)) {
    const cond = condition as { in?: unknown[]; gte?: number; lte?: number };
    const keys = Object.keys(cond);
    if (field === "bedrooms" && keys.every((k) => k === "gte" || k === "lte")) {
      if (cond.gte != null) out.push(sql`d."bedrooms" >= ${cond.gte}`);
      if (cond.lte != null) out.push(sql`d."bedrooms" <= ${cond.lte}`);
      continue;
    }
    if (keys.length !== 1 || !Array.isArray(cond.in)) return decline(`filter ${field}`);
    const values = cond.in.map(String);
    if (field === "landlordId") {
      if (!values.every((v) => UUID.test(v))) return decline("landlord id");
      out.push(sql`d."landlordId" = ANY(${values}::uuid[])`);
    } else if (field === "municipalityId" || field === "reference") {
      out.push(sql`${raw(`d."${field}"`)} = ANY(${values}::text[])`);
    } else if (field === "category" || field === "dedicatedSubCategory" || field === "status") {
      out.push(sql`${raw(`d."${field}"`)}::text = ANY(${values}::text[])`);
    } else {
      return decline(`filter ${field}`);
    }
  }
  return out;
}
