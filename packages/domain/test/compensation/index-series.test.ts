/** Issue 17 point 4: the compensation engine resolves indices against the series it is given (built-in + operator points), says when a value is unconfirmed, and reports art. 13 §4 without hiding a breach or a missing €STR. */
import { describe, expect, it } from "vitest";
import {
  calculateDeveloperCompensation,
  capitalRateBoundsStatus,
  checkFlatsAgainstCeilings,
  COTE_SERIES,
  withConstructionPoints,
  withCotePoints,
  withEcbRatePoints,
} from "../../src/index.js";

const LAW = { regime: "LAW" } as const;
const QUERY = {
  developerKind: "OTHER",
  conventionSignedOn: "2025-06-01",
  firstLettingDate: "2025-07-01",
  month: "2027-01",
  land: { capitalInvested: "200000", ownContribution: "100000" },
} as const;
const STATEC = { publisher: "STATEC" as const, citation: "test fixture (not a published figure)" };

describe("compensation with operator index points", () => {
  it("a month after the cote's knownUntil rests on an unconfirmed value; an operator tranche changes the amount", () => {
    const builtIn = calculateDeveloperCompensation(QUERY, LAW);
    const capital = builtIn.lines.find((l) => l.component === "CAPITAL_LAND")!;
    expect(capital.indices.some((i) => i.unconfirmedAfter === COTE_SERIES.knownUntil)).toBe(true);
    const coteSeries = withCotePoints([{ validFrom: "2026-12-01", value: "992.24", source: STATEC }], COTE_SERIES, "2026-11-30");
    const withTranche = calculateDeveloperCompensation(QUERY, { ...LAW, indexSeries: { coteSeries } });
    const line = withTranche.lines.find((l) => l.component === "CAPITAL_LAND")!;
    expect(line.indices.map((i) => i.value)).toContain("992.24");
    expect(line.amount).not.toBe(capital.amount);
  });

  it("a construction semester the operator entered lets the ceiling check run", () => {
    expect(() => checkFlatsAgainstCeilings("2024-02-01", "2024-06-15", LAW)).toThrow(expect.objectContaining({ code: "INDEX_MISSING", subject: "2024-04" }));
    const constructionSeries = withConstructionPoints([{ semester: "2024-04", value: "1150", source: STATEC }]);
    const checks = checkFlatsAgainstCeilings("2024-02-01", "2024-06-15", LAW, { constructionSeries });
    expect(checks.map((c) => c.index?.value)).toEqual(["1150", "1150"]);
  });

  it("art. 13 §4: a missing €STR is ECB_RATE_MISSING (flagged), a breach BREACHED (flagged)", () => {
    const missing = capitalRateBoundsStatus("LAND", "2025-06-01", LAW);
    expect(missing).toMatchObject({ status: "ECB_RATE_MISSING", flagged: true, check: null });
    expect(missing.rate.toFixed()).toBe("3.5");
    const ecb = withEcbRatePoints([{ validFrom: "2025-01-01", value: "1.9", source: { publisher: "ECB", citation: "test fixture" } }], "2025-12-31");
    expect(capitalRateBoundsStatus("LAND", "2025-06-01", LAW, ecb)).toMatchObject({ status: "BREACHED", flagged: true });
    const within = withEcbRatePoints([{ validFrom: "2025-01-01", value: "2.5", source: { publisher: "ECB", citation: "test fixture" } }], "2025-12-31");
    expect(capitalRateBoundsStatus("LAND", "2025-06-01", LAW, within)).toMatchObject({ status: "WITHIN_BOUNDS", flagged: false });
  });
});
