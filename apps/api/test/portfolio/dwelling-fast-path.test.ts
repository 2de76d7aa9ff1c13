/**
 * The `dwellings` fast paths (issue 16), each compared with the switch off
 * (ABORDABLE_DWELLING_FAST_PATH=off, read per request, the ORM path) for every demo caller: the
 * same JSON (ids, cursors, pageInfo, totalCount, scalars — Decimal strings, dates, instants — and
 * nested fields), with fewer statements.
 * - The json_agg page (portfolio/dwelling-page-sql.ts): an operation in its subset is answered by
 *   ONE statement — forwards and backwards, every order, the filters, conventions, accommodation
 *   units with their own connection, aliases and __typename.
 * - The ORM fast path (portfolio/dwelling.ts): a page outside that subset (here: with
 *   `municipality`) in the default order, forwards, without a filter, in 3 statements.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type Caller, type TestApi } from "../support/api.js";

const FIELDS = "id reference status category bedrooms usefulArea firstLettingOn createdAt updatedAt landlord { id name } developer { id }";
/** Outside the json_agg page's subset (municipality): the ORM fast path. */
const ORM_FAST_FIELDS = `${FIELDS} municipality { code }`;
const page = (fields: string) => `query($first: Int, $after: String) {
  dwellings(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { ${fields} } } } }`;
const PAGE = page(ORM_FAST_FIELDS);
/** Conventions are read from what the planned query loaded: such a page keeps the ORM path when outside the json_agg subset, and must still agree. */
const WITH_CONVENTIONS = page(`${ORM_FAST_FIELDS} financingConvention { id } compensationConvention { id }`);

/** Every field of the json_agg subset, with aliases and __typename (the bench's page is a part of it). */
const SQL_FIELDS = `__typename id reference category dedicatedSubCategory type bedrooms usefulArea address firstLettingOn firstOccupiedYear
  energyRenovated hasEquippedKitchen hasOutdoorSpace status createdAt updatedAt
  landlord { __typename id name kind isSocialDeveloper isSocialLandlord } owner: landlord { id } developer { id name }
  financingConvention { id reference kind signedOn startsOn endsOn durationYears bankLoanPrefinancing }
  compensationConvention { __typename id reference kind }
  accommodationUnits(first: $units) { __typename totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node { __typename id reference usefulArea capacity status firstLettingOn } } }
  firstUnit: accommodationUnits(first: 1) { edges { node { id } } }`;
const SQL_PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $units: Int = 10, $filter: DwellingFilter, $orderBy: DwellingOrder) {
  list: dwellings(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    __typename totalCount pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node { ${SQL_FIELDS} } } } }`;

const CALLERS: Caller[] = ["admin", "analyst", "landlordA", "landlordB", "developer"];
const PAGES = 4;

describe("dwellings: fast path", () => {
  let api: TestApi;
  const saved = process.env.ABORDABLE_DWELLING_FAST_PATH;
  beforeAll(async () => {
    api = await startTestApi();
  }, 180_000);
  afterEach(() => {
    if (saved === undefined) delete process.env.ABORDABLE_DWELLING_FAST_PATH;
    else process.env.ABORDABLE_DWELLING_FAST_PATH = saved;
  });
  afterAll(async () => {
    await api?.close();
  });

  /** The first PAGES pages of 7, with the statements each request sent. */
  async function walk(caller: Caller, fast: boolean, query = PAGE) {
    if (fast) delete process.env.ABORDABLE_DWELLING_FAST_PATH;
    else process.env.ABORDABLE_DWELLING_FAST_PATH = "off";
    const pages: unknown[] = [];
    const statements: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < PAGES; i++) {
      const before = api.db.statementCount();
      const res: { body: { data?: any; errors?: unknown } } = await api.gql(caller, query, { first: 7, after });
      statements.push(api.db.statementCount() - before);
      expect(res.body.errors, `${caller} page ${i}`).toBeUndefined();
      const page = res.body.data!.dwellings;
      pages.push(page);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { pages, statements };
  }

  for (const caller of CALLERS) {
    it(`gives ${caller} the same pages with and without the fast path, with fewer statements`, async () => {
      await walk(caller, true); // warm up (key last-used write, plan caches)
      const fast = await walk(caller, true);
      const orm = await walk(caller, false);
      expect(fast.pages).toEqual(orm.pages);
      const edges = (fast.pages as { edges: unknown[] }[]).flatMap((p) => p.edges);
      expect(edges.length).toBeGreaterThan(7); // more than one page was compared
      // The page's rows: one statement instead of the ORM's cursor lookup and findMany.
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      console.log(`${caller}: statements per page fast ${fast.statements.join(",")} / ORM ${orm.statements.join(",")}`);
      expect(sum(fast.statements)).toBeLessThan(sum(orm.statements));
      // Every page after the first saves the ORM's cursor lookup and more.
      for (let i = 0; i < fast.statements.length; i++) expect(fast.statements[i]!, `page ${i}`).toBeLessThan(orm.statements[i]!);
    });

    it(`gives ${caller} the same pages with conventions asked (ORM path) whatever the switch`, async () => {
      const fast = await walk(caller, true, WITH_CONVENTIONS);
      const orm = await walk(caller, false, WITH_CONVENTIONS);
      expect(fast.pages).toEqual(orm.pages);
      expect((fast.pages as { edges: unknown[] }[]).flatMap((p) => p.edges).length).toBeGreaterThan(7);
    });
  }

  it("returns an empty page for a cursor outside the caller's scope, as the ORM path does", async () => {
    const admin = await api.gql("admin", PAGE, { first: 50 });
    const landlordA = await api.gql("landlordA", "{ dwellings(first: 1) { edges { node { landlord { id } } } } }");
    const own = landlordA.body.data!.dwellings.edges[0].node.landlord.id;
    const foreign = admin.body.data!.dwellings.edges.find((e: any) => e.node.landlord.id !== own).cursor;
    const fast = await api.gql("landlordA", PAGE, { first: 7, after: foreign });
    process.env.ABORDABLE_DWELLING_FAST_PATH = "off";
    const orm = await api.gql("landlordA", PAGE, { first: 7, after: foreign });
    expect(fast.body).toEqual(orm.body);
    expect(fast.body.data!.dwellings.edges).toEqual([]);
  });

  // ─── the json_agg page ───

  type Vars = Record<string, unknown>;
  /** Errors carry the request's own correlation id: the rest must be equal. */
  const withoutCorrelation = (body: { errors?: unknown }) =>
    body.errors
      ? {
          ...body,
          errors: (body.errors as { extensions?: Record<string, unknown> }[]).map((e) => ({ ...e, extensions: { ...e.extensions, correlationId: undefined } })),
        }
      : body;
  /** Forwards with `first` (then backwards from the last page reached with `last`/`before`), switch on or off; statements per request. */
  async function walkSql(caller: Caller, fast: boolean, vars: Vars, pages = PAGES) {
    if (fast) delete process.env.ABORDABLE_DWELLING_FAST_PATH;
    else process.env.ABORDABLE_DWELLING_FAST_PATH = "off";
    const out: unknown[] = [];
    const statements: number[] = [];
    const get = async (v: Vars) => {
      const before = api.db.statementCount();
      const res: { body: { data?: any; errors?: unknown } } = await api.gql(caller, SQL_PAGE, { ...vars, ...v });
      statements.push(api.db.statementCount() - before);
      out.push(withoutCorrelation(res.body));
      return res.body.data?.list as
        | { pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } }
        | undefined;
    };
    let after: string | null = null;
    let last: string | null = null;
    for (let i = 0; i < pages; i++) {
      const p = await get({ first: 7, after });
      if (!p) break;
      last = p.pageInfo.endCursor ?? last;
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    // Backwards: the list's last page, then pages before it.
    let before: string | null = null;
    for (let i = 0; i < pages; i++) {
      const p = await get({ last: 5, before });
      if (!p || !p.pageInfo.hasPreviousPage || !p.pageInfo.startCursor) break;
      before = p.pageInfo.startCursor;
    }
    // Backwards from the cursor the forward walk ended on.
    if (last) await get({ last: 3, before: last });
    return { out, statements };
  }

  const nonTrivial = (bodies: unknown[]) => {
    const nodes = bodies.flatMap((b) => ((b as { data?: { list?: { edges: { node: any }[] } } }).data?.list?.edges ?? []).map((e) => e.node));
    expect(nodes.length).toBeGreaterThan(10);
    return nodes;
  };

  for (const caller of CALLERS) {
    it(`json_agg page: gives ${caller} the same pages forwards and backwards, conventions and units, in one statement each`, async () => {
      await walkSql(caller, true, {}, 1); // warm up
      const fast = await walkSql(caller, true, {});
      const orm = await walkSql(caller, false, {});
      expect(fast.out).toEqual(orm.out);
      const nodes = nonTrivial(fast.out);
      if (caller === "admin") {
        // The seed gives the comparison something to compare: units, conventions.
        expect(nodes.some((n) => n.accommodationUnits.edges.length > 0)).toBe(true);
        expect(nodes.some((n) => n.compensationConvention)).toBe(true);
      }
      expect(
        fast.statements.every((n) => n === 1),
        `statements ${fast.statements.join(",")}`,
      ).toBe(true);
      for (let i = 0; i < fast.statements.length; i++) expect(fast.statements[i]!).toBeLessThan(orm.statements[i]!);
    });
  }

  const ORDERS = [
    { field: "REFERENCE", direction: "DESC" },
    { field: "BEDROOMS", direction: "ASC" },
    { field: "BEDROOMS", direction: "DESC" },
    { field: "USEFUL_AREA", direction: "DESC" },
    { field: "CREATED_AT", direction: "ASC" },
  ];
  for (const orderBy of ORDERS) {
    it(`json_agg page: the same pages ordered by ${orderBy.field} ${orderBy.direction}, for the ministry and a landlord`, async () => {
      for (const caller of ["admin", "landlordA"] as const) {
        const fast = await walkSql(caller, true, { orderBy, units: 2 });
        const orm = await walkSql(caller, false, { orderBy, units: 2 });
        expect(fast.out).toEqual(orm.out);
        nonTrivial(fast.out);
        expect(fast.statements.every((n) => n === 1)).toBe(true);
      }
    });
  }

  it("json_agg page: the same filtered pages (every filter field, with totalCount) for every caller", async () => {
    const admin = await api.gql("admin", "{ dwellings(first: 100) { edges { node { reference landlord { id } municipality { code } } } } }");
    const edges = admin.body.data!.dwellings.edges as { node: { reference: string; landlord: { id: string }; municipality: { code: string } } }[];
    const filters: Vars[] = [
      { statuses: ["LET", "VACANT"] },
      { minBedrooms: 2, maxBedrooms: 3 },
      { minBedrooms: 3 },
      { categories: ["DEDICATED"], dedicatedSubCategories: ["SENIORS", "STUDENTS"] },
      { municipalityCodes: [...new Set(edges.map((e) => e.node.municipality.code))].slice(0, 3) },
      { references: edges.slice(0, 5).map((e) => e.node.reference) },
      { landlordIds: [Buffer.from(`Organisation:${api.orgIds.esch}`).toString("base64")], statuses: ["LET"] },
      { statuses: [] },
    ];
    let covered = 0;
    for (const filter of filters) {
      for (const caller of CALLERS) {
        const fast = await walkSql(caller, true, { filter, orderBy: { field: "BEDROOMS", direction: "DESC" } }, 2);
        const orm = await walkSql(caller, false, { filter, orderBy: { field: "BEDROOMS", direction: "DESC" } }, 2);
        expect(fast.out, `${caller} ${JSON.stringify(filter)}`).toEqual(orm.out);
        // A landlord naming another landlord is refused (FORBIDDEN) on both paths, by the executed one.
        const refused = (fast.out[0] as { errors?: unknown }).errors !== undefined;
        if (!refused)
          expect(
            fast.statements.every((n) => n === 1),
            `${caller} ${JSON.stringify(filter)}`,
          ).toBe(true);
        if (!refused && fast.out.some((b) => (b as any).data.list.edges.length > 0)) covered += 1;
      }
    }
    expect(covered).toBeGreaterThan(20);
  });

  it("json_agg page: page sizes 0, default and past 100, a foreign and a malformed cursor, agree with the executed path", async () => {
    const foreign = (await api.gql("admin", "{ dwellings(first: 100) { edges { cursor node { landlord { id } } } } }")).body.data!.dwellings.edges.find(
      (e: any) => e.node.landlord.id !== api.orgIds.esch,
    ).cursor;
    const cases: Vars[] = [
      { first: 0 },
      {},
      { first: 150, units: 0 },
      { last: 0 },
      { last: 2, units: 200 },
      { first: 3, after: foreign },
      { last: 3, before: foreign },
      { first: 2, after: "bm9wZQ==" },
      { first: -1 },
      { first: 2, last: 2 },
    ];
    for (const vars of cases) {
      for (const caller of ["admin", "landlordA"] as const) {
        delete process.env.ABORDABLE_DWELLING_FAST_PATH;
        const fast = await api.gql(caller, SQL_PAGE, vars);
        process.env.ABORDABLE_DWELLING_FAST_PATH = "off";
        const orm = await api.gql(caller, SQL_PAGE, vars);
        expect(withoutCorrelation(fast.body), `${caller} ${JSON.stringify(vars)}`).toEqual(withoutCorrelation(orm.body));
      }
    }
  });
});
