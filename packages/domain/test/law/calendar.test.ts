/** The kernel's one calendar: months « de quantième à quantième », full years and months, and 29 February (note leap-day-anniversary). */
import { describe, expect, it } from "vitest";
import {
  addMonths,
  addYears,
  ageOn,
  anniversary,
  assertIsoDate,
  birthday,
  DomainError,
  DEFAULT_LEAP_DAY_READING,
  fullMonthsBetween,
  fullYearsBetween,
  INTERPRETATION_NOTE_IDS,
  withinMonths,
} from "../../src/index.js";

describe("29 February (note leap-day-anniversary)", () => {
  const b = "1956-02-29";
  it("the default reading is FEB_28, and it is a registered note", () => {
    expect(DEFAULT_LEAP_DAY_READING).toBe("FEB_28");
    expect(INTERPRETATION_NOTE_IDS.has("leap-day-anniversary")).toBe(true);
  });
  it("born 1956-02-29: birthday(b, 70) is 2026-02-28, and ageOn says 70 that very day (69 the day before)", () => {
    expect(birthday(b, 70)).toBe("2026-02-28");
    expect(ageOn(b, "2026-02-28")).toBe(70);
    expect(ageOn(b, "2026-02-27")).toBe(69);
    expect(ageOn(b, "2026-03-01")).toBe(70);
  });
  it("under MAR_1 both move to 1 March together", () => {
    expect(birthday(b, 70, "MAR_1")).toBe("2026-03-01");
    expect(ageOn(b, "2026-02-28", "MAR_1")).toBe(69);
    expect(ageOn(b, "2026-03-01", "MAR_1")).toBe(70);
  });
  it("in a leap year the anniversary is 29 February under both readings", () => {
    expect(birthday(b, 68)).toBe("2024-02-29");
    expect(birthday(b, 68, "MAR_1")).toBe("2024-02-29");
    expect(ageOn(b, "2024-02-28")).toBe(67);
    expect(ageOn(b, "2024-02-29", "MAR_1")).toBe(68);
  });
  it("for every age 1-100 and both readings, birthday(b, n) is the first day on which ageOn = n", () => {
    for (const reading of ["FEB_28", "MAR_1"] as const)
      for (let n = 1; n <= 100; n++) {
        const day = birthday(b, n, reading);
        expect(ageOn(b, day, reading), `${reading} ${n}`).toBe(n);
        const before = new Date(`${day}T00:00:00Z`);
        before.setUTCDate(before.getUTCDate() - 1);
        expect(ageOn(b, before.toISOString().slice(0, 10), reading), `${reading} ${n} eve`).toBe(n - 1);
      }
  });
  it("full years between agree with anniversaries; a period in years from 29 February ends on 28 February", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(anniversary("2024-02-29", 1)).toBe("2025-02-28");
    expect(fullYearsBetween("2024-02-29", "2025-02-28")).toBe(1);
    expect(fullYearsBetween("2024-02-29", "2025-02-27")).toBe(0);
    expect(fullYearsBetween("2020-06-15", "2019-01-01")).toBe(0);
  });
  it("an ordinary birthday counts on the day", () => {
    expect(ageOn("1990-03-10", "2026-03-10")).toBe(36);
    expect(ageOn("1990-03-10", "2026-03-09")).toBe(35);
  });
});

describe("months « de quantième à quantième » and month ends", () => {
  it("same day of the month, or the target month's last day", () => {
    expect(addMonths("2026-03-15", 1)).toBe("2026-04-15");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-12-31", 2)).toBe("2027-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-05-31", 12)).toBe("2027-05-31");
  });
  it("full months agree with addMonths at month ends: 31 January to 28 February is one month", () => {
    expect(fullMonthsBetween("2026-01-31", "2026-02-28")).toBe(1);
    expect(fullMonthsBetween("2026-01-31", "2026-02-27")).toBe(0);
    expect(fullMonthsBetween("2026-01-15", "2026-04-14")).toBe(2);
    expect(fullMonthsBetween("2026-01-15", "2026-04-15")).toBe(3);
    expect(fullMonthsBetween("2026-03-31", "2026-04-30")).toBe(1);
    expect(fullMonthsBetween("2026-04-30", "2026-03-31")).toBe(0);
    for (let m = 0; m < 40; m++) expect(fullMonthsBetween("2025-01-31", addMonths("2025-01-31", m))).toBe(m);
  });
  it("within N months: from the start to the computed last day, both included", () => {
    expect(withinMonths("2026-01-31", 1, "2026-02-28")).toBe(true);
    expect(withinMonths("2026-01-31", 1, "2026-03-01")).toBe(false);
    expect(withinMonths("2026-01-31", 1, "2026-01-30")).toBe(false);
    expect(withinMonths("2026-01-31", 3, "2026-04-30")).toBe(true);
  });
  it("a malformed date is a DomainError INVALID_INPUT naming the field", () => {
    try {
      assertIsoDate("2026-02-30", "leaseStart");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ code: "INVALID_INPUT", field: "leaseStart" });
    }
  });
});

describe("the kernel's README", () => {
  it("documents every kernel note", async () => {
    const { readFileSync } = await import("node:fs");
    const { LAW_INTERPRETATION_NOTES } = await import("../../src/index.js");
    const readme = readFileSync(new URL("../../src/law/README.md", import.meta.url), "utf8");
    for (const n of LAW_INTERPRETATION_NOTES) expect(readme).toContain(`| \`${n.id}\` |`);
  });
});
