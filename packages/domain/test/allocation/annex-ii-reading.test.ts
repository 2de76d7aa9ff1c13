/**
 * Law art. 55 §1 3° and annex II (note `annex-ii-annual-reading`): the annex is headed « Revenu
 * mensuel » but its figures read as annual ceilings. The reading is one operator setting,
 * `RegimeOptions.annexIIReadingPeriod` (parameter `eligibility.incomeCeiling.readingPeriod`):
 * ANNUAL (the stored default) or MONTHLY, applied to eligibility, to the income-level criterion
 * (art. 57 §1 8°) and kept in the shortlist's decision record so that the replay reads it again.
 */
import { describe, expect, it } from "vitest";
import {
  ALL_PARAMETER_DEFINITIONS,
  checkEligibility,
  DEFAULT_METHODOLOGY,
  evaluateSocioEconomic,
  ParameterResolutionError,
  replayShortlist,
  resolveParameter,
  shortlist,
  summariseEligibility,
  type Household,
  type RegimeOptions,
  type ShortlistCandidate,
  validateParameterDefinition,
} from "../../src/index.js";
import { BEFORE, LAW, salary, single } from "./fixtures.js";

const MONTHLY: RegimeOptions = { ...LAW, annexIIReadingPeriod: "MONTHLY" };
const ANNUAL: RegimeOptions = { ...LAW, annexIIReadingPeriod: "ANNUAL" };
/** 60,000 a year = 5,000 a month; the single-adult ceiling at cote 968.04 is 45,846.37. */
const earner: Household = single({ incomes: [salary("60000")] });

describe("annex II reading — art. 55 §1 3°, annex II (annex-ii-annual-reading)", () => {
  it("the stored reading is ANNUAL; the operator setting replaces it with MONTHLY or ANNUAL, and the trace cites the value used", () => {
    expect(resolveParameter("eligibility.incomeCeiling.readingPeriod", BEFORE, LAW).value).toMatchObject({ kind: "code", code: "ANNUAL" });
    const monthly = resolveParameter("eligibility.incomeCeiling.readingPeriod", BEFORE, MONTHLY);
    expect(monthly.value).toMatchObject({ kind: "code", code: "MONTHLY", allowed: ["ANNUAL", "MONTHLY"] });
    expect(monthly.version.note).toMatch(/annexIIReadingPeriod = MONTHLY/);
    expect(resolveParameter("eligibility.incomeCeiling.readingPeriod", BEFORE, ANNUAL).value).toMatchObject({ kind: "code", code: "ANNUAL" });
    // Other parameters are untouched by the setting.
    expect(resolveParameter("eligibility.majorityAge", BEFORE, MONTHLY).value).toBe(resolveParameter("eligibility.majorityAge", BEFORE, LAW).value);
  });

  it("art. 55 §1 3°: ANNUAL compares 60,000 a year with the ceiling (not eligible); MONTHLY compares 5,000 a month (eligible)", () => {
    const annual = checkEligibility(earner, { ...ANNUAL, asOf: BEFORE });
    expect(annual.eligible).toBe(false);
    expect(annual.failures.map((f) => f.condition)).toEqual(["INCOME_CEILING"]);
    expect(annual.ceiling).toMatchObject({ readingPeriod: "ANNUAL" });
    expect(annual.ceiling!.income.toFixed(2)).toBe("60000.00");
    expect(checkEligibility(earner, { ...LAW, asOf: BEFORE }).eligible).toBe(false); // default = ANNUAL

    const monthly = checkEligibility(earner, { ...MONTHLY, asOf: BEFORE });
    expect(monthly.eligible).toBe(true);
    expect(monthly.ceiling).toMatchObject({ readingPeriod: "MONTHLY" });
    expect(monthly.ceiling!.income.toFixed(2)).toBe("5000.00");
    expect(monthly.ceiling!.ceiling.toFixed(2)).toBe(annual.ceiling!.ceiling.toFixed(2));
    const used = monthly.trace.parameters.find((p) => p.parameterId === "eligibility.incomeCeiling.readingPeriod");
    expect(used?.value).toMatchObject({ kind: "code", code: "MONTHLY" });
  });

  it("art. 57 §1 8°: the income level is income / ceiling in the same reading", () => {
    const points = (o: RegimeOptions) => evaluateSocioEconomic("x", single({ incomes: [salary("20000")] }), { title: "OTHER" }, BEFORE, DEFAULT_METHODOLOGY, o).contributions.find((c) => c.criterion === "ART57_1_8_INCOME_LEVEL")!;
    expect(points(ANNUAL).detail).toMatch(/= 0\.43/); // 20,000 / 45,846.37
    expect(points(MONTHLY).detail).toMatch(/= 0\.036/); // 1,666.67 / 45,846.37
    expect(points(MONTHLY).points).toBeGreaterThan(points(ANNUAL).points);
  });

  it("an operator setting is declared on CODE parameters only", () => {
    const age = ALL_PARAMETER_DEFINITIONS.find((d) => d.id === "eligibility.majorityAge")!;
    expect(() => validateParameterDefinition({ ...age, operatorSetting: "annexIIReadingPeriod" })).toThrow(/chooses among CODE values/);
  });

  it("a code the parameter does not allow is refused", () => {
    expect(() => resolveParameter("eligibility.incomeCeiling.readingPeriod", BEFORE, { ...LAW, annexIIReadingPeriod: "WEEKLY" as never })).toThrow(ParameterResolutionError);
  });

  it("the decision record keeps the reading (and keeps nothing when it is not set); the replay reproduces it", () => {
    const cand = (o: RegimeOptions): ShortlistCandidate => ({
      candidateId: "c1",
      registeredOn: "2024-05-01",
      household: earner,
      eligibility: summariseEligibility(checkEligibility(earner, { ...o, asOf: BEFORE })),
      criteriaHistory: [evaluateSocioEconomic("c1", earner, { title: "OTHER" }, BEFORE, DEFAULT_METHODOLOGY, o)],
    });
    const run = (o: RegimeOptions) =>
      shortlist({ ...o, vacancy: { id: "V", landlordId: "L", municipality: "M", bedrooms: 1, category: { kind: "ALL_PUBLIC" } }, allocationDate: BEFORE, methodology: DEFAULT_METHODOLOGY, distances: { entries: [] }, candidates: [cand(o)] });
    const monthly = run(MONTHLY);
    expect(monthly.record.regime).toEqual({ regime: "LAW", annexIIReadingPeriod: "MONTHLY" });
    expect(monthly.ranked.map((r) => r.candidateId)).toEqual(["c1"]);
    expect(replayShortlist(monthly.record).record).toEqual(monthly.record);
    const annual = run(LAW);
    expect(annual.record.regime).toEqual({ regime: "LAW" });
    expect(annual.ranked).toEqual([]);
    expect(annual.excluded[0]!.reasons[0]).toMatch(/INCOME_CEILING/);
  });
});
