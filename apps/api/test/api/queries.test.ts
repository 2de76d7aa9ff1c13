import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type GqlResult, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const PAGE = `query Page($first: Int!, $after: String, $filter: DwellingFilter, $orderBy: DwellingOrder) {
  dwellings(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id reference bedrooms usefulArea status category
      landlord { id name kind }
      compensationConvention { reference kind signedOn }
      financingConvention { reference }
      municipality { code name canton }
      accommodationUnits(first: 10) { totalCount edges { node { reference usefulArea status } } }
    } }
  }
}`;

describe(`dwelling queries (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it("pages through a landlord's whole stock with cursors, no row twice, totalCount exact", async () => {
    const expected = await api.db.prisma.dwelling.count({ where: { landlordId: api.orgIds.esch } });
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const res: GqlResult<any> = await api.gql("landlordA", PAGE, { first: 10, after });
      expect(res.body.errors).toBeUndefined();
      const conn: any = res.body.data!.dwellings;
      expect(conn.totalCount).toBe(expected);
      for (const e of conn.edges) {
        expect(seen.has(e.node.id)).toBe(false);
        seen.add(e.node.id);
        expect(e.node.landlord.name).toBe("Ville d'Esch-sur-Alzette");
      }
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(seen.size).toBe(expected);
    expect(pages).toBe(Math.ceil(expected / 10));
  });

  it("filters by municipality, category, status and bedrooms, and sorts", async () => {
    const res = await api.gql("admin", PAGE, {
      first: 50,
      filter: { municipalityCodes: ["luxembourg"], statuses: ["LET"], minBedrooms: 2, maxBedrooms: 3, categories: ["ALL_PUBLIC"] },
      orderBy: { field: "USEFUL_AREA", direction: "DESC" },
    });
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.dwellings.edges.map((e: any) => e.node);
    const expected = await api.db.prisma.dwelling.count({
      where: { municipalityId: "luxembourg", status: "LET", bedrooms: { gte: 2, lte: 3 }, category: "ALL_PUBLIC" },
    });
    expect(res.body.data!.dwellings.totalCount).toBe(expected);
    expect(nodes.length).toBe(Math.min(50, expected));
    for (const n of nodes) {
      expect(n.municipality.code).toBe("luxembourg");
      expect(n.bedrooms).toBeGreaterThanOrEqual(2);
      expect(n.bedrooms).toBeLessThanOrEqual(3);
    }
    const areas = nodes.map((n: any) => n.usefulArea as string);
    const sorted = [...areas].sort((a, b) => Number(b) - Number(a));
    expect(areas).toEqual(sorted);
  });

  it("sends decimals as exact strings, money with two decimals", async () => {
    const res = await api.gql(
      "landlordA",
      "{ leases(first: 3) { edges { node { monthlyRent monthlyCharges } } } dwellings(first: 1) { edges { node { usefulArea } } } }",
    );
    for (const e of res.body.data!.leases.edges) {
      expect(e.node.monthlyRent).toMatch(/^\d+\.\d{2}$/);
      expect(e.node.monthlyCharges).toMatch(/^\d+\.\d{2}$/);
    }
    expect(typeof res.body.data!.dwellings.edges[0].node.usefulArea).toBe("string");
  });

  it("costs a small constant number of SQL statements for a 50-item nested page, whatever the page size", async () => {
    const count = async (first: number) => {
      await api.gql("admin", PAGE, { first }); // warm up (key last-used write, plan caches)
      const before = api.db.statementCount();
      const res = await api.gql("admin", PAGE, { first });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.dwellings.edges).toHaveLength(first);
      return api.db.statementCount() - before;
    };
    const for5 = await count(5);
    const for50 = await count(50);
    console.log(
      `SQL statements for a dwellings page with landlord, conventions, municipality and units (${TEST_DATABASE_KIND}): 5 items → ${for5}, 50 items → ${for50} (counted with Prisma query events around one request)`,
    );
    expect(for50).toBe(for5);
    expect(for50).toBeLessThanOrEqual(10);
  });

  it("fetches nodes by global ID and refuses more than 100 at once", async () => {
    const page = await api.gql("admin", "{ dwellings(first: 2) { edges { node { id reference } } } }");
    const ids = page.body.data!.dwellings.edges.map((e: any) => e.node.id);
    const res = await api.gql("admin", "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Dwelling { reference } } }", { ids });
    expect(res.body.data!.nodes.map((n: any) => n.id)).toEqual(ids);
  });

  it("answers the ministry's dashboard from SQL aggregates that match the rows", async () => {
    const res = await api.gql(
      "analyst",
      "{ ministryDashboard { stock { municipalityCode category status dwellings } vacancy { landlord dwellings vacant vacancyRate } candidatesWaiting { householdSize workplaceMunicipality candidates } } }",
    );
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!.ministryDashboard;
    const stockTotal = d.stock.reduce((s: number, r: any) => s + r.dwellings, 0);
    expect(stockTotal).toBe(await api.db.prisma.dwelling.count());
    const esch = d.vacancy.find((v: any) => v.landlord === "Ville d'Esch-sur-Alzette");
    expect(esch.vacant).toBe(await api.db.prisma.dwelling.count({ where: { landlordId: api.orgIds.esch, status: "VACANT" } }));
    expect(esch.vacancyRate).toMatch(/^0(\.\d{1,4})?$/);
    const waiting = d.candidatesWaiting.reduce((s: number, r: any) => s + r.candidates, 0);
    expect(waiting).toBe(await api.db.prisma.candidate.count({ where: { applications: { some: { status: "ACTIVE" } } } }));
  });
});
