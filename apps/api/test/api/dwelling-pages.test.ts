/**
 * `dwellings` pages with keyset cursors (issue 16): walking the pages forwards (`first`/`after`)
 * and backwards (`last`/`before`) in every order gives every visible dwelling once, in the same
 * order as one sorted read of the table, with ties broken by ID; `totalCount` (maintained counts
 * without a filter, count(*) with one) equals the rows the caller may see.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type Caller, type TestApi } from "../support/api.js";

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: DwellingOrder, $filter: DwellingFilter) {
  dwellings(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }`;

describe("dwellings: keyset pages", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  const decode = (gid: string) => Buffer.from(gid, "base64").toString().split(":")[1]!;

  async function walk(
    caller: Caller,
    orderBy: Record<string, string> | undefined,
    backward: boolean,
    filter?: Record<string, unknown>,
  ): Promise<{ ids: string[]; total: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 200; guard++) {
      const variables: Record<string, unknown> = backward ? { last: 17, before: cursor, orderBy, filter } : { first: 17, after: cursor, orderBy, filter };
      const res: { body: { data?: any; errors?: unknown } } = await api.gql(caller, PAGE, variables);
      expect(res.body.errors).toBeUndefined();
      const page: { totalCount: number; pageInfo: Record<string, any>; edges: { node: { id: string } }[] } = res.body.data!.dwellings;
      total = page.totalCount;
      const got = page.edges.map((e: { node: { id: string } }) => decode(e.node.id));
      if (backward) ids.unshift(...got);
      else ids.push(...got);
      if (!(backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage)) break;
      cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
    }
    return { ids, total };
  }

  const ORDERS: [string, string, string][] = [
    ["REFERENCE", "ASC", `reference ASC, id ASC`],
    ["REFERENCE", "DESC", `reference DESC, id ASC`],
    ["BEDROOMS", "ASC", `bedrooms ASC, id ASC`],
    ["BEDROOMS", "DESC", `bedrooms DESC, id ASC`],
    ["USEFUL_AREA", "DESC", `"usefulArea" DESC, id ASC`],
  ];

  it("the ministry walks the whole stock forwards and backwards in each order, each dwelling once", async () => {
    const n = (await api.db.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Dwelling"`))[0]!.n;
    for (const [field, direction, sql] of ORDERS) {
      const expected = (await api.db.sql.query<{ id: string }>(`SELECT id FROM "Dwelling" ORDER BY ${sql}`)).map((r) => r.id);
      expect(expected.length).toBe(Number(n));
      for (const backward of [false, true]) {
        const { ids, total } = await walk("admin", { field, direction }, backward);
        expect(ids, `${field} ${direction} ${backward ? "backward" : "forward"}`).toEqual(expected);
        expect(total).toBe(Number(n));
      }
    }
  }, 180_000);

  it("a landlord walks only its own stock, with and without a filter", async () => {
    const own = (await api.db.sql.query<{ id: string }>(`SELECT id FROM "Dwelling" WHERE "landlordId" = $1 ORDER BY reference, id`, [api.orgIds.esch])).map(
      (r) => r.id,
    );
    expect(own.length).toBeGreaterThan(17);
    const all = await walk("landlordA", undefined, false);
    expect(all.ids).toEqual(own);
    expect(all.total).toBe(own.length);
    const vacant = (
      await api.db.sql.query<{ id: string }>(`SELECT id FROM "Dwelling" WHERE "landlordId" = $1 AND status = 'LET' ORDER BY reference, id`, [api.orgIds.esch])
    ).map((r) => r.id);
    const filtered = await walk("landlordA", undefined, true, { statuses: ["LET"] });
    expect(filtered.ids).toEqual(vacant);
    expect(filtered.total).toBe(vacant.length);
  }, 120_000);
});
