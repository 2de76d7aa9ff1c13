/**
 * The one registry of operator readings (law/readings.ts, issue 17 point 2): every reading has its
 * setting, values, default and an interpretation note that exists; `legalOptions` carries the
 * operator's choices into every computation, and the engines name what they applied.
 */
import { describe, expect, it } from "vitest";
import {
  allocationReadings,
  compensationReadings,
  INTERPRETATION_NOTE_IDS,
  legalOptions,
  OPERATOR_READINGS,
  readingOf,
  type ReadingName,
} from "../../src/index.js";

describe("OPERATOR_READINGS", () => {
  const names = Object.keys(OPERATOR_READINGS) as ReadingName[];

  it("each reading names a setting, its values with the default among them, and an existing interpretation note", () => {
    for (const name of names) {
      const def = OPERATOR_READINGS[name];
      expect(def.name).toBe(name);
      expect(def.setting).toMatch(/^ABORDABLE_[A-Z0-9_]+_READING$/);
      expect(def.allowed.length).toBeGreaterThanOrEqual(2);
      expect(def.allowed as readonly string[]).toContain(def.default);
      expect(INTERPRETATION_NOTE_IDS).toContain(def.note);
      expect(def.article).toMatch(/art\./);
    }
    expect(new Set(names.map((n) => OPERATOR_READINGS[n].setting)).size).toBe(names.length);
  });

  it("legalOptions carries the operator's choices (only those set) under both regimes", () => {
    const settings = { bill8535EntryIntoForce: "2027-01-01", readings: { flatUnitReading: "PER_UNIT", internationalProtectionReading: "STRICT" } } as const;
    expect(legalOptions(settings, { regime: "LAW" })).toEqual({ regime: "LAW", flatUnitReading: "PER_UNIT", internationalProtectionReading: "STRICT" });
    expect(legalOptions(settings)).toEqual({
      regime: "BILL_8535",
      bill8535EntryIntoForce: "2027-01-01",
      flatUnitReading: "PER_UNIT",
      internationalProtectionReading: "STRICT",
    });
    expect(legalOptions({})).toEqual({ regime: "LAW" });
  });

  it("the engines fill in the defaults and name every reading; a value outside the list is refused", () => {
    const o = legalOptions({ readings: { surplusReading: "DEDUCTED_FROM_NEXT_TRANCHE" } });
    expect(compensationReadings(o)).toEqual({
      flatUnitReading: "PER_DWELLING",
      surplusReading: "DEDUCTED_FROM_NEXT_TRANCHE",
      art93bisScopeReading: "WHOLE_ART_13",
    });
    expect(allocationReadings(o)).toEqual({ internationalProtectionReading: "INCLUSIVE", annexIIReadingPeriod: "ANNUAL" });
    expect(readingOf("art93bisScopeReading", {})).toBe("WHOLE_ART_13");
    expect(() => readingOf("flatUnitReading", { flatUnitReading: "PER_ROOM" as never })).toThrow(/flatUnitReading must be one of PER_DWELLING, PER_UNIT/);
  });
});
