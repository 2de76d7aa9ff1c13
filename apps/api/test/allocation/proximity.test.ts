/**
 * Law art. 58 al. 1 2° (proximity of the workplace, or of the current home, to the vacancy): the
 * coordinates of the 100 municipalities are shipped as data with their source
 * (seed/municipality-coordinates.ts), seeded into Municipality.latitude/longitude, turned into
 * great-circle distances by `distancesFrom`, and the proximity criterion now scores in a shortlist.
 */
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distancesFrom, type RegisterRows } from "../../src/allocation/adapters/register.js";
import { MUNICIPALITIES } from "../../src/seed/municipalities.js";
import { MUNICIPALITY_COORDINATE_RECORDS, MUNICIPALITY_COORDINATES, MUNICIPALITY_COORDINATES_SOURCE } from "../../src/seed/municipality-coordinates.js";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { compute, openFile, vacantDwelling } from "./flow.js";

const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
const rows = (ids: string[]): RegisterRows["municipalities"] =>
  ids.map((id) => ({
    id,
    latitude: { toFixed: () => MUNICIPALITY_COORDINATES[id]!.latitude },
    longitude: { toFixed: () => MUNICIPALITY_COORDINATES[id]!.longitude },
  }));

describe("art. 58 al. 1 2° — municipal coordinates shipped with their source", () => {
  it("cover exactly the 100 municipalities, each from cited records of the source", () => {
    expect(Object.keys(MUNICIPALITY_COORDINATES).sort()).toEqual(MUNICIPALITIES.map((m) => m.id).sort());
    expect(MUNICIPALITY_COORDINATES_SOURCE).toMatchObject({ commit: "0685459a9c8e085a28f37016bab4e1e6bfd1d6d3", licence: expect.stringMatching(/^ODbL-1\.0/) });
    expect(MUNICIPALITY_COORDINATES_SOURCE.url).toContain(MUNICIPALITY_COORDINATES_SOURCE.commit);
    const ids = Object.values(MUNICIPALITY_COORDINATE_RECORDS)
      .flat()
      .map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length); // no source record used twice
  });

  it("lie inside Luxembourg's bounding box (49.44-50.19 N, 5.73-6.54 E), stored with at most 6 decimals", () => {
    for (const [id, c] of Object.entries(MUNICIPALITY_COORDINATES)) {
      expect(c.latitude, id).toMatch(/^\d{2}\.\d{6}$/);
      expect(Number(c.latitude), id).toBeGreaterThan(49.44);
      expect(Number(c.latitude), id).toBeLessThan(50.19);
      expect(Number(c.longitude), id).toBeGreaterThan(5.73);
      expect(Number(c.longitude), id).toBeLessThan(6.54);
    }
  });

  it("a commune merged after the source's records is the mean of its former communes (Habscht = Hobscheid + Septfontaines)", () => {
    expect(MUNICIPALITY_COORDINATE_RECORDS.habscht!.map((r) => r[1])).toEqual(["Hobscheid", "Septfontaines"]);
    expect(MUNICIPALITY_COORDINATES.habscht).toEqual({ latitude: "49.694860", longitude: "5.940970" });
    for (const merged of ["habscht", "helperknapp", "rosport-mompach", "bous-waldbredimus", "groussbus-wal"])
      expect(MUNICIPALITY_COORDINATE_RECORDS[merged], merged).toHaveLength(2);
    expect(MUNICIPALITY_COORDINATES["esch-sur-alzette"]).toEqual({ latitude: "49.495830", longitude: "5.980560" });
  });

  it("distancesFrom: great-circle km to 0.1 km — Luxembourg–Esch-sur-Alzette 15-17 km, Luxembourg–Clervaux 45-52 km, symmetric, 0 within a commune, unknown without coordinates", () => {
    const d = distancesFrom(rows(["luxembourg", "esch-sur-alzette", "clervaux", "differdange", "dudelange"]));
    const luxEsch = d("luxembourg", "esch-sur-alzette")!;
    expect(luxEsch).toBeGreaterThanOrEqual(15);
    expect(luxEsch).toBeLessThanOrEqual(17);
    expect(d("esch-sur-alzette", "luxembourg")).toBe(luxEsch);
    expect(d("luxembourg", "clervaux")!).toBeGreaterThanOrEqual(45);
    expect(d("luxembourg", "clervaux")!).toBeLessThanOrEqual(52);
    expect(d("esch-sur-alzette", "differdange")!).toBeGreaterThan(5);
    expect(d("esch-sur-alzette", "differdange")!).toBeLessThan(8);
    expect(d("esch-sur-alzette", "esch-sur-alzette")).toBe(0);
    expect(Number.isInteger(d("esch-sur-alzette", "dudelange")! * 10)).toBe(true);
    expect(d("esch-sur-alzette", "wiltz")).toBeUndefined(); // no coordinates given for wiltz here
  });
});

describe(`art. 58 al. 1 2° — proximity in a shortlist (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it("the seed writes every municipality's coordinates from the data set", async () => {
    const stored = await api.db.prisma.municipality.findMany({ select: { id: true, latitude: true, longitude: true } });
    expect(stored).toHaveLength(100);
    for (const m of stored) expect({ latitude: m.latitude?.toFixed(6), longitude: m.longitude?.toFixed(6) }, m.id).toEqual(MUNICIPALITY_COORDINATES[m.id]);
  });

  it("proximity now contributes: the nearest workplace's distance gives the methodology's points, and the decision record keeps the distances used", async () => {
    const fileId = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    const r = await compute(api, "landlordA", fileId, "2026-11-05", 100);
    const entries = r.allocationFile.candidates.edges.map((e: any) => e.node);
    const proximity = entries.map((e: any) => e.contributions.find((c: any) => c.criterion === "ART58_1_2_PROXIMITY"));
    expect(proximity.every((c: any) => c && [0, 3, 6, 10].includes(c.points))).toBe(true);
    expect(proximity.some((c: any) => c.points > 0)).toBe(true);
    // Details are shown only within the bound per vacancy (issue 12): take a scored contribution the landlord may read.
    const scored = proximity.find((c: any) => c.points > 0 && c.detail !== null);
    expect(scored.detail).toMatch(/km/);
    expect(scored.citation.rule).toMatch(/art\. 58/);

    const row = await api.db.prisma.allocationFile.findUniqueOrThrow({ where: { id: decode(fileId) } });
    const record = JSON.parse(gunzipSync(row.decisionRecord!).toString("utf8"));
    const toEsch = record.distances.filter((x: [string, string, number]) => x[1] === "esch-sur-alzette");
    expect(toEsch.length).toBeGreaterThan(1);
    const lux = toEsch.find((x: [string, string, number]) => x[0] === "luxembourg");
    if (lux) expect(lux[2]).toBeGreaterThanOrEqual(15);
    expect(toEsch.find((x: [string, string, number]) => x[0] === "esch-sur-alzette")?.[2] ?? 0).toBe(0);
    const V = `mutation($input: VerifyShortlistInput!) { verifyShortlist(input: $input) { verification { reproducible } userErrors { code } } }`;
    expect((await api.gql("landlordA", V, { input: { allocationFileId: fileId } })).body.data!.verifyShortlist.verification.reproducible).toBe(true);
  });
});
