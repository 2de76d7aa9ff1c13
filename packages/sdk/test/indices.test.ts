/** Index series through the SDK (issue 17 point 4): an administrator records a construction semester; the ceiling check that failed naming it then succeeds, citing the source. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, Decimal, ForbiddenError, RequestError } from "../src/index.js";
import { startTestApi, TEST_DATABASE_KIND, type TestApi } from "./support/api.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
});
afterAll(async () => {
  await api?.close();
});

describe(`index series through the SDK (${TEST_DATABASE_KIND})`, () => {
  it("lists the series, refuses a landlord, records for an administrator (unchanged the second time) and the computation uses the value", async () => {
    const admin = createClient({ endpoint: api.url, apiKey: api.keys.admin });
    const landlord = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const series = await landlord.indexSeries({ series: "CONSTRUCTION_PRICE" });
    expect(series).toHaveLength(1);
    expect(series[0]!.points.some((p) => p.key === "2024-04")).toBe(false);

    const missing = await landlord
      .compensationFlatCeilingChecks({ conventionSignedOn: "2024-02-01", date: "2024-06-15", legalRegime: "LAW" })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(RequestError);
    expect((missing as RequestError).message).toContain("2024-04");

    const input = { series: "CONSTRUCTION_PRICE" as const, key: "2024-04", value: new Decimal("1150.2"), source: "STATEC (test fixture)" };
    await expect(landlord.recordIndexValue(input)).rejects.toBeInstanceOf(ForbiddenError);
    const first = await admin.recordIndexValue(input);
    expect(first.userErrors).toEqual([]);
    expect(first.unchanged).toBe(false);
    expect(first.indexValue!.value).toBeInstanceOf(Decimal);
    expect((await admin.recordIndexValue(input)).unchanged).toBe(true);

    const checks = await landlord.compensationFlatCeilingChecks({ conventionSignedOn: "2024-02-01", date: "2024-06-15", legalRegime: "LAW" });
    expect(checks.map((c) => c.constructionIndex?.toFixed())).toEqual(["1150.2", "1150.2"]);
    expect(checks[0]!.constructionIndexPoint).toMatchObject({
      label: "semester 2024-04",
      unconfirmed: false,
      citation: expect.stringContaining("STATEC (test fixture)"),
    });
  });
});
