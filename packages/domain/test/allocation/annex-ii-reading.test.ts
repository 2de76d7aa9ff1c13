/**
 * Law art. 55 §1 3° and annex II (note `annex-ii-annual-reading`): the annex is headed « Revenu
 * mensuel » but its figures read as annual ceilings. ANNUAL is the one reading: the former MONTHLY
 * reading compared a month's income with the annual figures (45,846 EUR a month for one adult), so
 * that 500,000 EUR a year was eligible and everyone got top points on art. 57 §1 8° — a reading that
 * makes a legal condition vacuous is not a reading, and it is refused with a clear error.
 */
import { describe, expect, it } from "vitest";
import {
  ALL_PARAMETER_DEFINITIONS,
  checkEligibility,
  DEFAULT_METHODOLOGY,
  evaluateSocioEconomic,
  ParameterResolutionError,
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
/** 60,000 a year; the single-adult ceiling at cote 968.04 is 45,846.37 a year. */
const earner: Household = single({ incomes: [salary("60000")] });

describe("annex II reading — art. 55 §1 3°, annex II (annex-ii-annual-reading)", () => {
  it("the stored and only reading is ANNUAL", () => {
    expect(resolveParameter("eligibility.incomeCeiling.readingPeriod", BEFORE, LAW).value).toMatchObject({ kind: "code", code: "ANNUAL", allowed: ["ANNUAL"] });
    expect(resolveParameter("eligibility.incomeCeiling.readingPeriod", BEFORE, ANNUAL).value).toMatchObject({ kind: "code", code: "ANNUAL" });
  });

  it("MONTHLY is refused with a clear error (it made the ceiling vacuous), at the parameter and at eligibility", () => {
    expect(() => resolveParameter("eligibility.incomeCeiling.readingPeriod", BEFORE, MONTHLY)).toThrow(ParameterResolutionError);
    expect(() => checkEligibility(earner, { ...MONTHLY, asOf: BEFORE })).toThrow(/no longer a reading.*500,000/);
  });

  it("art. 55 §1 3°: 60,000 a year against the annual ceiling 45,846.37 — not eligible, and the answer names the reading", () => {
    const annual = checkEligibility(earner, { ...ANNUAL, asOf: BEFORE });
    expect(annual.eligible).toBe(false);
    expect(annual.failures.map((f) => f.condition)).toEqual(["INCOME_CEILING"]);
    expect(annual.ceiling).toMatchObject({ readingPeriod: "ANNUAL" });
    expect(annual.ceiling!.income.toFixed(2)).toBe("60000.00");
    expect(annual.readings.annexIIReadingPeriod).toBe("ANNUAL");
    expect(checkEligibility(earner, { ...LAW, asOf: BEFORE }).eligible).toBe(false); // default = ANNUAL
  });

  it("art. 57 §1 8°: the income level is annual income / annual ceiling", () => {
    const points = (o: RegimeOptions) =>
      evaluateSocioEconomic("x", single({ incomes: [salary("20000")] }), { title: "OTHER" }, BEFORE, DEFAULT_METHODOLOGY, o).contributions.find(
        (c) => c.criterion === "ART57_1_8_INCOME_LEVEL",
      )!;
    expect(points(ANNUAL).detail).toMatch(/= 0\.43/); // 20,000 / 45,846.37
  });

  it("an operator setting is declared on CODE parameters only", () => {
    const age = ALL_PARAMETER_DEFINITIONS.find((d) => d.id === "eligibility.majorityAge")!;
    expect(() => validateParameterDefinition({ ...age, operatorSetting: "annexIIReadingPeriod" })).toThrow(/chooses among CODE values/);
  });

  it("a code the parameter does not allow is refused", () => {
    expect(() => resolveParameter("eligibility.incomeCeiling.readingPeriod", BEFORE, { ...LAW, annexIIReadingPeriod: "WEEKLY" as never })).toThrow(
      ParameterResolutionError,
    );
  });

  it("the decision record names the readings it applied", () => {
    const cand: ShortlistCandidate = {
      candidateId: "c1",
      registeredOn: "2024-05-01",
      household: earner,
      eligibility: summariseEligibility(checkEligibility(earner, { ...LAW, asOf: BEFORE })),
      criteriaHistory: [evaluateSocioEconomic("c1", earner, { title: "OTHER" }, BEFORE, DEFAULT_METHODOLOGY, LAW)],
    };
    const run = shortlist({
      ...LAW,
      vacancy: { id: "V", landlordId: "L", municipality: "M", bedrooms: 1, category: { kind: "ALL_PUBLIC" } },
      allocationDate: BEFORE,
      methodology: DEFAULT_METHODOLOGY,
      distances: { entries: [] },
      candidates: [cand],
    });
    expect(run.record.regime).toEqual({ regime: "LAW" });
    expect(run.record.readings).toEqual({ internationalProtectionReading: "INCLUSIVE", annexIIReadingPeriod: "ANNUAL" });
    expect(run.ranked).toEqual([]);
    expect(run.excluded[0]!.reasons[0]).toMatch(/INCOME_CEILING/);
  });
});
