import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const Q = `query($signed: Date!, $date: Date!, $regime: CompensationRegime) {
  compensationFlatCeilingChecks(conventionSignedOn: $signed, date: $date, regime: $regime) { article flat ceiling within constructionIndex ceilingVersion { parameterId validFrom } }
}`;

describe(`RGD 2024 art. 1 and 3 within law art. 13 §2 and 40 §2, through the API (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2026-06-01" });
  });
  afterAll(async () => api?.close());

  it("answers anonymously, per regime, with exact indexed ceilings", async () => {
    const law = await api.gql("anonymous", Q, { signed: "2024-02-01", date: "2024-02-15", regime: "LAW" });
    expect(law.body.errors).toBeUndefined();
    expect(law.body.data!.compensationFlatCeilingChecks).toMatchObject([
      { flat: "140", within: true, constructionIndex: "1140.51", ceilingVersion: { parameterId: "compensation.developer.operatingCostCeiling" } },
      { flat: "300", within: true, constructionIndex: "1140.51", ceilingVersion: { parameterId: "compensation.landlord.managementFlatCeiling" } },
    ]);
    const bill = await api.gql("anonymous", Q, { signed: "2024-02-01", date: "2025-06-15", regime: "BILL_8535" });
    expect(bill.body.data!.compensationFlatCeilingChecks.map((c: { ceiling: string }) => c.ceiling)).toEqual(["232.83", "407.4525"]);
  });

  it("names the missing construction index instead of guessing it", async () => {
    const res = await api.gql("anonymous", Q, { signed: "2024-02-01", date: "2024-06-15", regime: "LAW" });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(/construction|index|2024-04/i);
  });
});
