/**
 * Art. 57 §1; RGD 13 Oct 2023 art. 3-5; Esch ROI annex 1: each landlord's written methodology sets
 * the points (the law sets none). `validateMethodology` checks a configuration's shape before a
 * version is stored: every criterion has whole points ≥ 0, bands are read first-match-first in a
 * consistent order, and no key is unknown. Every defect is reported with its path.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_METHODOLOGY, validateMethodology, type Methodology } from "../../src/index.js";

const copy = (): Record<string, any> => JSON.parse(JSON.stringify(DEFAULT_METHODOLOGY));
const problems = (m: unknown) => {
  const r = validateMethodology(m);
  return r.ok ? [] : r.problems.map((p) => `${p.path.join(".")}: ${p.message}`);
};

describe("art. 57 — a landlord's methodology configuration", () => {
  it("the documented default is valid, and a landlord's own figures are accepted as given", () => {
    expect(validateMethodology(DEFAULT_METHODOLOGY)).toEqual({ ok: true, methodology: DEFAULT_METHODOLOGY });
    const own = copy();
    own.version = "2";
    own.approvedByMinisterOn = "2026-11-10";
    own.socioEconomic.title.HOMELESS = 40;
    own.seniority = { pointsPerFullYear: 5, cap: 25 };
    own.dwelling.proximityKm = [
      { max: "2.5", points: 12 },
      { max: "10", points: 6 },
    ];
    const r = validateMethodology(own);
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.methodology as Methodology).seniority.cap).toBe(25);
  });

  it("points must be whole numbers ≥ 0 (a negative typology score would be the engine's exclusion marker)", () => {
    const m = copy();
    m.socioEconomic.title.HOMELESS = -5;
    m.socioEconomic.eviction.GOOD_FAITH = 2.5;
    m.dwelling.typology.exactFitPoints = "15";
    expect(problems(m)).toEqual([
      expect.stringMatching(/^socioEconomic\.title\.HOMELESS: points must be a whole number/),
      expect.stringMatching(/^socioEconomic\.eviction\.GOOD_FAITH: points must be a whole number/),
      expect.stringMatching(/^dwelling\.typology\.exactFitPoints: points must be a whole number/),
    ]);
  });

  it("every occupancy title, eviction ground and insalubrity level has points; unknown keys are refused", () => {
    const m = copy();
    delete m.socioEconomic.title.SUBLET;
    m.socioEconomic.title.SQUAT = 10;
    m.seniority.pointsPerYear = 2;
    expect(problems(m)).toEqual([
      expect.stringMatching(/^socioEconomic\.title\.SQUAT: unknown field/),
      "socioEconomic.title.SUBLET: missing",
      expect.stringMatching(/^seniority\.pointsPerYear: unknown field/),
    ]);
  });

  it("bands are read first match first: max strictly ascending, min strictly descending, decimal strings ≥ 0", () => {
    const m = copy();
    m.socioEconomic.noticeMonthsLeft = [
      { max: "3", points: 15 },
      { max: "1", points: 20 },
    ];
    m.socioEconomic.effortRate = [
      { min: "0.3", points: 5 },
      { min: "0.5", points: 15 },
    ];
    m.dwelling.proximityKm = [
      { max: 5, points: 10 },
      { max: "-1", points: 1 },
    ];
    expect(problems(m)).toEqual([
      expect.stringMatching(
        /^socioEconomic\.noticeMonthsLeft\.1\.max: bands are read first match first: each "max" must be strictly greater than the previous one \(3\)/,
      ),
      expect.stringMatching(/^socioEconomic\.effortRate\.1\.min: .*strictly smaller than the previous one \(0\.3\)/),
      expect.stringMatching(/^dwelling\.proximityKm\.0\.max: expected a decimal string/),
      expect.stringMatching(/^dwelling\.proximityKm\.1\.max: expected a decimal string/),
    ]);
  });

  it("art. 58 al. 1 2° (bill): a « multitude » of workplaces starts at 2 municipalities; typology admissibility is EXACT or NOT_TOO_SMALL", () => {
    const m = copy();
    m.dwelling.multipleWorkplacesFrom = 1;
    m.dwelling.typology.admissible = "ANY";
    expect(problems(m)).toEqual([
      expect.stringMatching(/^dwelling\.typology\.admissible: expected EXACT or NOT_TOO_SMALL/),
      expect.stringMatching(/^dwelling\.multipleWorkplacesFrom: /),
    ]);
  });

  it("identity and dates: non-empty texts, ISO dates; not an object at all", () => {
    const m = copy();
    m.id = "";
    m.validFrom = "01/01/2024";
    m.approvedByMinisterOn = "2026-02-30x";
    expect(problems(m)).toEqual([
      "id: expected a non-empty text",
      expect.stringMatching(/^validFrom: expected a date/),
      expect.stringMatching(/^approvedByMinisterOn: expected a date/),
    ]);
    expect(problems([1, 2])).toEqual([": expected an object"]);
  });
});
