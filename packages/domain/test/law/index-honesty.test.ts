/** Index series honesty: "known until", a missing construction semester named, the €STR as a dated series for art. 13 §4. */
import { describe, expect, it } from "vitest";
import {
  checkCapitalRateBounds,
  CONSTRUCTION_SERIES,
  COTE_SERIES,
  DomainError,
  ECB_SHORT_TERM_RATE_SERIES,
  resolveConstructionIndex,
  resolveCote,
  resolveEcbShortTermRate,
  withCotePoints,
  withEcbRatePoints,
} from "../../src/index.js";

const SOURCE = { publisher: "ECB" as const, citation: "test fixture (not a published figure)" };

describe("known until", () => {
  it("a cote resolved up to knownUntil is confirmed; after it, it says it rests on an unconfirmed value", () => {
    expect(resolveCote(COTE_SERIES.knownUntil).unconfirmedAfter).toBeUndefined();
    const later = resolveCote("2030-01-01");
    expect(later.unconfirmedAfter).toBe(COTE_SERIES.knownUntil);
    expect(later.value).toBe(COTE_SERIES.points.at(-1)!.value);
  });
  it("an operator extending the series moves knownUntil only when it says so", () => {
    const extended = withCotePoints([{ validFrom: "2030-01-01", value: "999.99", source: COTE_SERIES.points[0]!.source }], COTE_SERIES, "2030-06-30");
    expect(resolveCote("2030-03-01", extended)).toMatchObject({ value: "999.99" });
    expect(resolveCote("2030-03-01", extended).unconfirmedAfter).toBeUndefined();
    expect(resolveCote("2030-07-01", extended).unconfirmedAfter).toBe("2030-06-30");
  });
  it("a missing construction-index semester is DomainError INDEX_MISSING naming the semester", () => {
    const missing = "2024-10";
    expect(CONSTRUCTION_SERIES.points.some((p) => p.semester === missing)).toBe(false);
    try {
      resolveConstructionIndex("2024-12-01");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ code: "INDEX_MISSING", subject: missing });
      expect((e as Error).message).toContain(`semester ${missing}`);
    }
  });
});

describe("ECB short-term rate and art. 13 §4", () => {
  it("holds no invented value: resolving it fails with INDEX_MISSING until an operator records one", () => {
    expect(ECB_SHORT_TERM_RATE_SERIES.points).toEqual([]);
    expect(() => resolveEcbShortTermRate("2025-06-01")).toThrow(expect.objectContaining({ code: "INDEX_MISSING" }));
  });
  it("with a recorded rate, land 3.5 % is checked against [€STR, €STR + 1.5]: a breach is reported", () => {
    const series = withEcbRatePoints([{ validFrom: "2025-01-01", value: "1.9", source: SOURCE }], "2025-12-31");
    const land = checkCapitalRateBounds("LAND", "2025-06-01", { regime: "LAW" }, series);
    expect(land.floor.toFixed()).toBe("1.9");
    expect(land.cap.toFixed()).toBe("3.4");
    expect(land.rate.toFixed()).toBe("3.5");
    expect(land.withinBounds).toBe(false);
    expect(land.unconfirmed).toBe(false);
    const construction = checkCapitalRateBounds("CONSTRUCTION", "2025-06-01", { regime: "LAW" }, series);
    expect([construction.floor.toFixed(), construction.cap.toFixed(), construction.withinBounds]).toEqual(["2.9", "4.4", false]);
  });
  it("within bounds when the rate allows it; after knownUntil the check says it is unconfirmed", () => {
    const series = withEcbRatePoints([{ validFrom: "2025-01-01", value: "2.5", source: SOURCE }], "2025-12-31");
    const land = checkCapitalRateBounds("LAND", "2026-02-01", { regime: "LAW" }, series);
    expect(land.withinBounds).toBe(true);
    expect(land.unconfirmed).toBe(true);
  });
});
