/**
 * Two legal choices that were made in the API's adapters now live here, with their notes:
 * art. 58 al. 1 2° distances without a landlord's table (`distance-municipality-centroids`) and
 * art. 57 §1 1° for an application that documents no title (`title-undocumented-zero`).
 */
import { describe, expect, it } from "vitest";
import {
  centroidDistances,
  DEFAULT_METHODOLOGY,
  evaluateSocioEconomic,
  evaluateWithoutSituation,
  INTERPRETATION_NOTE_IDS,
  type Household,
} from "../../src/index.js";

describe("distance-municipality-centroids (art. 58 al. 1 2°)", () => {
  it("is the great-circle distance between reference points, to 0.1 km, and none for a municipality without coordinates", () => {
    // One degree of latitude on a sphere of radius 6,371 km: 6371 × π / 180 = 111.19 km.
    const d = centroidDistances([
      { id: "a", latitude: 49, longitude: 6 },
      { id: "b", latitude: 50, longitude: 6 },
    ]);
    expect(d("a", "b")).toBe(111.2);
    expect(d("b", "a")).toBe(111.2);
    expect(d("a", "a")).toBe(0);
    expect(d("a", "unknown")).toBeUndefined();
    expect(INTERPRETATION_NOTE_IDS).toContain("distance-municipality-centroids");
  });
});

describe("title-undocumented-zero (art. 57 §1 1°)", () => {
  const household: Household = {
    members: [{ id: "a", birthDate: "1980-01-01", role: "APPLICANT", incomes: [{ kind: "NET_TAXABLE_INCOME", amount: "20000" }] }],
  };
  it("gives the title 0 points « not documented » and keeps every other criterion of OTHER", () => {
    const options = { regime: "LAW" as const };
    const other = evaluateSocioEconomic("x", household, { title: "OTHER" }, "2026-06-01", DEFAULT_METHODOLOGY, options);
    const none = evaluateWithoutSituation("x", household, "2026-06-01", DEFAULT_METHODOLOGY, options);
    const title = (s: typeof none) => s.contributions.find((c) => c.criterion === "ART57_1_1_TITLE")!;
    expect(title(none).points).toBe(0);
    expect(title(none).detail).toContain("not documented");
    expect(none.contributions.filter((c) => c.criterion !== "ART57_1_1_TITLE")).toEqual(other.contributions.filter((c) => c.criterion !== "ART57_1_1_TITLE"));
    expect(none.total).toBe(other.total - title(other).points);
    expect(INTERPRETATION_NOTE_IDS).toContain("title-undocumented-zero");
  });
});
