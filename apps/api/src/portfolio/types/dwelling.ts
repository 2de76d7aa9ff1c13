import { pageCost } from "../../schema/complexity.js";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { DedicatedSubCategoryEnum, DwellingCategoryEnum, DwellingStatusEnum, DwellingTypeEnum, SortDirection } from "../../schema/enums.js";
import { accommodationUnitScope, dwellingScope, dwellingScopeSql, dwellingStockCountScope, leaseScope, owns } from "../../access/tenant.js";
import { requireActingFor } from "../../access/acting-for.js";
import { isDeveloper, type Viewer } from "../../identity/viewer.js";
import { decodeGlobalIds } from "../../schema/ids.js";
import { badUserInput } from "../../schema/domain-errors.js";
import { ConventionRef } from "../../conventions/types/convention.js";

/** Logement abordable (law art. 2, 12). */
export const DwellingRef = builder.prismaNode("Dwelling", {
  description: "An affordable rental dwelling (logement abordable destiné à la location abordable, law art. 12).",
  id: { field: "id" },
  nullable: true,
  // Node lookups are tenant-scoped: another landlord's dwelling is "not found", not "forbidden".
  findUnique: (id, ctx) => ({ id, AND: [dwellingScope(ctx.viewer)] }),
  authScopes: (dwelling, ctx) => owns.dwelling(ctx.viewer, dwelling),
  fields: (t) => ({
    reference: t.exposeString("reference", { description: "The landlord's own reference, unique within its stock." }),
    category: t.expose("category", { type: DwellingCategoryEnum, description: "Catégorie (art. 12): all public or dedicated." }),
    dedicatedSubCategory: t.expose("dedicatedSubCategory", {
      type: DedicatedSubCategoryEnum,
      nullable: true,
      description: "Sub-category of a dedicated dwelling (art. 12 §2); null for all-public dwellings.",
    }),
    type: t.expose("type", { type: DwellingTypeEnum, description: "Apartment, house, studio or shared dwelling (logement partagé with accommodation units)." }),
    bedrooms: t.exposeInt("bedrooms", { description: "Number of bedrooms (chambres à coucher; RGD location art. 4)." }),
    usefulArea: t.expose("usefulArea", { type: "Decimal", description: "Useful living area (surface utile d'habitation), m2." }),
    address: t.exposeString("address", { description: "Postal address." }),
    firstLettingOn: t.expose("firstLettingOn", {
      type: "Date",
      nullable: true,
      description: "Date of first letting; capital remuneration runs from it under the bill (art. 13 §3).",
    }),
    firstOccupiedYear: t.exposeInt("firstOccupiedYear", {
      nullable: true,
      description: "Year of first occupation (annex III energy flat applies before 1990).",
    }),
    energyRenovated: t.exposeBoolean("energyRenovated", { description: "Energy renovation done (annex III table B does not apply)." }),
    hasEquippedKitchen: t.exposeBoolean("hasEquippedKitchen", { description: "Equipped kitchen (without: −2.5 % on the rent, annex III)." }),
    hasOutdoorSpace: t.exposeBoolean("hasOutdoorSpace", { description: "Balcony, terrace or private garden (without: −2.5 %, annex III)." }),
    status: t.expose("status", { type: DwellingStatusEnum, description: "Letting status." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the record was created." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When the record was last changed." }),
    municipality: t.relation("municipality", { description: "Municipality where the dwelling stands." }),
    landlord: t.relation("landlord", { description: "Social landlord (bailleur social) letting the dwelling." }),
    developer: t.relation("developer", { description: "Social developer (promoteur social) that built or renovated it." }),
    project: t.relation("project", { nullable: true, description: "Project it belongs to." }),
    // A convention is shown only to its parties and the ministry: null for anyone else (a landlord
    // does not see its developer's financing convention), loaded in the dwellings' query.
    financingConvention: t.field({
      type: ConventionRef,
      nullable: true,
      description: "Financial-participation convention with the developer (art. 8-9); null unless the caller is party to it or the ministry.",
      select: (_args, _ctx, nestedSelection) => ({ financingConvention: nestedSelection(true) }),
      resolve: (d, _a, ctx) => (d.financingConvention && owns.convention(ctx.viewer, d.financingConvention) ? d.financingConvention : null),
    }),
    compensationConvention: t.field({
      type: ConventionRef,
      nullable: true,
      description:
        "Compensation convention with the landlord (art. 40) under which the dwelling is managed; null unless the caller is party to it or the ministry.",
      select: (_args, _ctx, nestedSelection) => ({ compensationConvention: nestedSelection(true) }),
      resolve: (d, _a, ctx) => (d.compensationConvention && owns.convention(ctx.viewer, d.compensationConvention) ? d.compensationConvention : null),
    }),
    accommodationUnits: t.relatedConnection("accommodationUnits", {
      description: "Accommodation units (unités d'hébergement, bill art. 13 §2) inside a shared dwelling.",
      cursor: "id",
      complexity: pageCost,
      totalCount: true,
      query: (_args, ctx) => ({ where: accommodationUnitScope(ctx.viewer), orderBy: { reference: "asc" } }),
    }),
    leases: t.relatedConnection("leases", {
      description: "Affordable leases of this dwelling (bail abordable, art. 64), newest first; landlords and the ministry only.",
      cursor: "id",
      complexity: pageCost,
      totalCount: true,
      query: (_args, ctx) => ({ where: leaseScope(ctx.viewer), orderBy: [{ startsOn: "desc" }, { id: "asc" }] }),
    }),
  }),
});

const DwellingFilter = builder.inputType("DwellingFilter", {
  description: "Filters on dwellings; all given conditions apply together.",
  fields: (t) => ({
    municipalityCodes: t.stringList({ required: false, description: "Municipality codes (see Municipality.code)." }),
    categories: t.field({ type: [DwellingCategoryEnum], required: false, description: "Categories (art. 12)." }),
    dedicatedSubCategories: t.field({ type: [DedicatedSubCategoryEnum], required: false, description: "Dedicated sub-categories (art. 12 §2)." }),
    statuses: t.field({ type: [DwellingStatusEnum], required: false, description: "Letting statuses." }),
    minBedrooms: t.int({ required: false, description: "At least this many bedrooms." }),
    maxBedrooms: t.int({ required: false, description: "At most this many bedrooms." }),
    references: t.stringList({
      required: false,
      description:
        "The landlords' own references (Dwelling.reference), as an ERP knows its dwellings: at most 100; combine with landlordIds where references may repeat across landlords.",
    }),
    landlordIds: t.idList({
      required: false,
      description:
        "Global IDs of landlords (the ministry: any; a developer: landlords of what it developed; a landlord only itself, FORBIDDEN (HTTP 403) otherwise).",
    }),
  }),
});

const DwellingOrderField = builder.enumType("DwellingOrderField", {
  description: "Field to sort dwellings by.",
  values: {
    REFERENCE: { description: "The landlord's reference." },
    BEDROOMS: { description: "Number of bedrooms." },
    USEFUL_AREA: { description: "Useful living area." },
    CREATED_AT: { description: "Creation time." },
  } as const,
});

const DwellingOrder = builder.inputType("DwellingOrder", {
  description: "Sort order of dwellings; ties are broken by ID so that cursors are stable.",
  fields: (t) => ({
    field: t.field({ type: DwellingOrderField, required: true, description: "Field to sort by." }),
    direction: t.field({ type: SortDirection, required: false, defaultValue: "ASC", description: "Direction." }),
  }),
});

const ORDER_COLUMN = { REFERENCE: "reference", BEDROOMS: "bedrooms", USEFUL_AREA: "usefulArea", CREATED_AT: "createdAt" } as const;

/** The filter's conditions; a landlord naming another landlord in `filter.landlordIds` is FORBIDDEN (a developer filters what it developed by landlord). */
export function dwellingWhere(filter: typeof DwellingFilter.$inferInput | null | undefined, viewer: Viewer): Prisma.DwellingWhereInput {
  if (!filter) return {};
  const where: Prisma.DwellingWhereInput = {};
  if (filter.municipalityCodes) where.municipalityId = { in: filter.municipalityCodes };
  if (filter.categories) where.category = { in: filter.categories };
  if (filter.dedicatedSubCategories) where.dedicatedSubCategory = { in: filter.dedicatedSubCategories };
  if (filter.statuses) where.status = { in: filter.statuses };
  if (filter.references) {
    if (filter.references.length > 100)
      throw badUserInput(`filter.references: at most 100 references at a time (got ${filter.references.length})`, "filter.references");
    where.reference = { in: filter.references };
  }
  if (filter.minBedrooms != null || filter.maxBedrooms != null) {
    where.bedrooms = { ...(filter.minBedrooms != null && { gte: filter.minBedrooms }), ...(filter.maxBedrooms != null && { lte: filter.maxBedrooms }) };
  }
  if (filter.landlordIds) {
    const landlordIds = decodeGlobalIds(filter.landlordIds, "Organisation", "filter.landlordIds");
    if (!isDeveloper(viewer)) requireActingFor(viewer, "filter.landlordIds", landlordIds, "LANDLORD");
    where.landlordId = { in: landlordIds };
  }
  return where;
}

/** Operator switch, read on every request: `ABORDABLE_DWELLING_FAST_PATH=off` sends every `dwellings` page through the ORM. */
export function dwellingFastPathEnabled(): boolean {
  return process.env.ABORDABLE_DWELLING_FAST_PATH?.trim().toLowerCase() !== "off";
}

/**
 * The relations a fast page loads itself, one batched findMany per model and nested query (the
 * landlords and developers of a page in one statement), attached to the rows as the ORM would. Pages
 * asking for anything else (the conventions' own `select`, the related connections) keep the ORM path.
 */
const FAST_PATH_RELATIONS = {
  landlord: { model: "organisation", key: "landlordId" },
  developer: { model: "organisation", key: "developerId" },
  municipality: { model: "municipality", key: "municipalityId" },
  project: { model: "project", key: "projectId" },
} as const;
type FastRelation = keyof typeof FAST_PATH_RELATIONS;

type Row = Record<string, unknown> & { id: string };
type FindMany = (args: Record<string, unknown>) => Promise<Row[]>;

async function attachRelations(prisma: PrismaClient, rows: Row[], include: Record<string, unknown>): Promise<Row[]> {
  const groups = new Map<string, { model: string; nested: unknown; relations: FastRelation[] }>();
  for (const [relation, nested] of Object.entries(include) as [FastRelation, unknown][]) {
    if (!nested) continue;
    const { model } = FAST_PATH_RELATIONS[relation];
    const key = `${model} ${JSON.stringify(nested)}`;
    const group = groups.get(key) ?? { model, nested, relations: [] };
    group.relations.push(relation);
    groups.set(key, group);
  }
  await Promise.all(
    [...groups.values()].map(async ({ model, nested, relations }) => {
      const ids = [
        ...new Set(rows.flatMap((r) => relations.map((rel) => r[FAST_PATH_RELATIONS[rel].key] as string | null)).filter((id): id is string => id != null)),
      ];
      const args = nested === true ? {} : (nested as { select?: Record<string, unknown> });
      const found =
        ids.length === 0
          ? []
          : await (prisma[model as "organisation"].findMany as unknown as FindMany)({
              ...args,
              ...(args.select && { select: { ...args.select, id: true } }),
              where: { id: { in: ids } },
            });
      const byId = new Map(found.map((f) => [f.id, f]));
      for (const r of rows) for (const rel of relations) r[rel] = byId.get(r[FAST_PATH_RELATIONS[rel].key] as string) ?? null;
    }),
  );
  return rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The fast path of `dwellings` (issue 16): the page's rows in ONE raw statement instead of the
 * ORM's cursor lookup and findMany, which Prisma's query compiler recompiles on every request.
 * Only for the default order (reference, id) forwards, without a filter, for a scope that is a
 * plain SQL condition (dwellingScopeSql); null means "take the ORM path". The cursor row is
 * looked up in a scoped sub-select, so a cursor outside the scope gives an empty page, as the ORM
 * path does. The page's relations are attached in batches (attachRelations); nested fields below
 * them resolve through the existing resolvers and loaders.
 */
function fastDwellingPage(
  ctx: { prisma: PrismaClient; viewer: Viewer },
  args: { filter?: unknown; orderBy?: { field: string; direction?: string | null } | null; last?: number | null; before?: string | null },
  query: { take?: number; select?: unknown; include?: Record<string, unknown> },
  cursor: { id: string } | undefined,
) {
  const take = query.take;
  const include = query.include ?? {};
  if (query.select || Object.keys(include).some((k) => !(k in FAST_PATH_RELATIONS))) return null;
  if (!dwellingFastPathEnabled()) return null;
  if (args.last != null || args.before != null || take == null || take <= 0) return null;
  if (args.orderBy && (args.orderBy.field !== "REFERENCE" || (args.orderBy.direction ?? "ASC") !== "ASC")) return null;
  if (args.filter && Object.values(args.filter).some((v) => v != null)) return null;
  if (cursor && !UUID.test(cursor.id)) return null;
  const scope = dwellingScopeSql(ctx.viewer);
  if (!scope) return null;
  const after = cursor
    ? Prisma.sql`AND ("reference", "id") > (SELECT "reference", "id" FROM "Dwelling" WHERE "id" = ${cursor.id}::uuid AND ${scope})`
    : Prisma.empty;
  return ctx.prisma.$queryRaw<Row[]>`SELECT * FROM "Dwelling" WHERE ${scope} ${after} ORDER BY "reference" ASC, "id" ASC LIMIT ${take}`.then((rows) =>
    attachRelations(ctx.prisma, rows, include),
  ) as Promise<never>;
}

builder.queryField("dwellings", (t) =>
  t.prismaConnection({
    type: "Dwelling",
    cursor: "id",
    complexity: pageCost,
    description: "Dwellings the caller may see (a landlord its own stock, a developer what it developed, the ministry all), filtered and sorted.",
    authScopes: { authenticated: true },
    args: {
      filter: t.arg({ type: DwellingFilter, required: false, description: "Conditions." }),
      orderBy: t.arg({ type: DwellingOrder, required: false, description: "Sort order; by reference by default." }),
    },
    // Without a filter, the caller's whole visible stock: a sum over the maintained counts (a few
    // hundred rows, kept by triggers) instead of count(*) over the stock on every page (issue 16).
    totalCount: async (_c, args, ctx) => {
      const where = dwellingWhere(args.filter, ctx.viewer);
      if (Object.keys(where).length > 0) return ctx.prisma.dwelling.count({ where: { AND: [dwellingScope(ctx.viewer), where] } });
      const sum = await ctx.prisma.dwellingStockCount.aggregate({ where: dwellingStockCountScope(ctx.viewer), _sum: { dwellings: true } });
      return sum._sum.dwellings ?? 0;
    },
    resolve: async (query, _p, args, ctx) => {
      const column = ORDER_COLUMN[args.orderBy?.field ?? "REFERENCE"];
      const direction = args.orderBy?.direction === "DESC" ? "desc" : "asc";
      const where: Prisma.DwellingWhereInput[] = [dwellingScope(ctx.viewer), dwellingWhere(args.filter, ctx.viewer)];
      // Keyset instead of Prisma's cursor (issue 16): Prisma turns `cursor` into
      // `col > c OR (col = c AND id > i)`, which no index range can serve, so page 100 filtered
      // ~5,000 rows. `col >= c AND (col > c OR id > i)` is the same set (a row-value comparison)
      // with a range the (reference, id) index scans in order: page 100 costs what page 1 does.
      const { cursor, skip: _skip, ...rest } = query as typeof query & { cursor?: { id: string }; skip?: number };
      const fast = fastDwellingPage(ctx, args, rest, cursor);
      if (fast) return fast;
      if (cursor) {
        const at = await ctx.prisma.dwelling.findFirst({
          where: { AND: [{ id: cursor.id }, dwellingScope(ctx.viewer)] },
          select: { [column]: true } as Record<typeof column, true>,
        });
        if (!at) return [];
        const value = (at as Record<string, unknown>)[column] as never;
        // Forward (after) reads rows past the cursor in the page's order; backward (before, negative take) rows before it.
        const forward = (rest.take ?? 1) > 0;
        const up = forward === (direction === "asc");
        where.push(
          { [column]: up ? { gte: value } : { lte: value } },
          { OR: [{ [column]: up ? { gt: value } : { lt: value } }, { id: forward ? { gt: cursor.id } : { lt: cursor.id } }] },
        );
      }
      return ctx.prisma.dwelling.findMany({
        ...rest,
        where: { AND: where },
        orderBy: [{ [column]: direction }, { id: "asc" }],
      });
    },
  }),
);
