/**
 * The `dwellings` fast path (issue 16): for the default order, forwards and without a filter, the
 * page's rows come from one raw statement instead of the ORM. Walking the pages with the fast path
 * on and with it off (ABORDABLE_DWELLING_FAST_PATH=off, read per request) must give the same JSON
 * for every caller: ids, cursors, pageInfo, totalCount, scalars (Decimal strings, dates) and
 * nested fields loaded through the loaders; and the fast path must send fewer statements.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type Caller, type TestApi } from "../support/api.js";

const FIELDS = "id reference status category bedrooms usefulArea firstLettingOn createdAt updatedAt landlord { id name } developer { id }";
const page = (fields: string) => `query($first: Int, $after: String) {
  dwellings(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { ${fields} } } } }`;
const PAGE = page(FIELDS);
/** Conventions are read from what the planned query loaded: such a page keeps the ORM path, and must still agree. */
const WITH_CONVENTIONS = page(`${FIELDS} financingConvention { id } compensationConvention { id }`);

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
});
