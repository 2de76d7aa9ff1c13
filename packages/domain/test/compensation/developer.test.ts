import { describe, expect, it } from "vitest";
import {
  buildDeveloperStatement,
  calculateDeveloperCompensation,
  checkDeveloperRentCap,
  serviceYearOf,
  type DeveloperStatementInput,
  type CompensationOptions,
} from "../../src/index.js";

const LAW: CompensationOptions = { regime: "LAW" };
const BILL: CompensationOptions = { regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-01" };

const amounts = (s: { lines: readonly { component: string; month: string; amount: string; objectId: string }[] }, component: string) =>
  s.lines.filter((l) => l.component === component).map((l) => `${l.objectId} ${l.month} ${l.amount}`);

function convention(partial: Partial<DeveloperStatementInput> & Pick<DeveloperStatementInput, "dwellings">): DeveloperStatementInput {
  return { conventionId: "C-1", developer: { id: "dev", kind: "OTHER" }, conventionSignedOn: "2024-03-01", year: 2025, ...partial };
}

describe("RGD 2024 art. 1 — operating-cost flat (law art. 13 §2)", () => {
  it("pays 140.00 per dwelling let per month: 12 × 140 = 1,680.00 for a full year", () => {
    const s = buildDeveloperStatement(convention({ dwellings: [{ id: "D1", letPeriods: [{ from: "2024-06-01", to: null }] }] }), LAW);
    expect(amounts(s, "OPERATING_COST")).toHaveLength(12);
    expect(s.lines.every((l) => l.amount === "140.00")).toBe(true);
    expect(s.total).toBe("1680.00");
    const key = s.lines[0]!.parameterVersions[0]!;
    expect(s.parameters[key]!.parameterId).toBe("compensation.developer.operatingCostFlat");
    expect(s.parameters[key]!.reference.text).toBe("RGD_2024_01_24");
    expect(s.lines[0]!.article).toContain("RGD 2024 art. 1");
  });

  it("prorates a mid-month start: let from 15 March → 140 × 17/31 = 76.774… → 76.77", () => {
    const s = buildDeveloperStatement(
      convention({ months: { from: "2025-03", to: "2025-04" }, dwellings: [{ id: "D1", letPeriods: [{ from: "2025-03-15", to: null }] }] }),
      LAW,
    );
    expect(amounts(s, "OPERATING_COST")).toEqual(["D1 2025-03 76.77", "D1 2025-04 140.00"]);
    expect(s.lines[0]!.inputs).toMatchObject({ daysLet: "17", daysInMonth: "31" });
    expect(s.total).toBe("216.77");
  });

  it("law art. 13 §2 al. 4: no flat for a dwelling dedicated to international protection; the bill (retroactive) pays it", () => {
    const input = convention({
      months: { from: "2025-01", to: "2025-01" },
      dwellings: [{ id: "D1", dedicatedTo: "INTERNATIONAL_PROTECTION", letPeriods: [{ from: "2025-01-01", to: null }] }],
    });
    const law = buildDeveloperStatement(input, LAW);
    expect(law.total).toBe("0.00");
    expect(law.exclusions[0]).toMatchObject({ component: "OPERATING_COST", article: "law art. 13 §2 al. 4" });
    expect(buildDeveloperStatement(input, { regime: "BILL_8535" }).total).toBe("140.00");
  });

  it("art. 13 §2 al. 3 (law) / al. 4 (bill): the Fonds du Logement has no operating-cost cover under either regime", () => {
    const input = convention({
      developer: { id: "fdl", kind: "FONDS_DU_LOGEMENT" },
      months: { from: "2025-01", to: "2025-01" },
      dwellings: [{ id: "D1", letPeriods: [{ from: "2025-01-01", to: null }] }],
    });
    for (const o of [LAW, BILL]) {
      const s = buildDeveloperStatement(input, o);
      expect(s.total).toBe("0.00");
      expect(s.exclusions.map((e) => e.component)).toEqual(["OPERATING_COST"]);
    }
  });
});

describe("bill 8535 art. 9 2° (→ art. 13 §2 al. 1-2) — accommodation units vs dwellings", () => {
  const input = convention({
    months: { from: "2025-02", to: "2025-02" },
    dwellings: [{ id: "D1", accommodationUnits: ["U1", "U2", "U3"].map((id) => ({ id, letPeriods: [{ from: "2025-01-01", to: null }] })) }],
  });
  it("bill, reading PER_DWELLING (default): one flat for the dwelling — 140.00 (RGD 2024 art. 1 « par logement »)", () => {
    const s = buildDeveloperStatement(input, { regime: "BILL_8535" });
    expect(amounts(s, "OPERATING_COST")).toEqual(["D1 2025-02 140.00"]);
    expect(s.readings.flatUnitReading).toBe("PER_DWELLING");
  });
  it("bill, reading PER_UNIT: one flat per unit let — 3 × 140 = 420.00", () => {
    const s = buildDeveloperStatement(input, { regime: "BILL_8535", flatUnitReading: "PER_UNIT" });
    expect(amounts(s, "OPERATING_COST")).toEqual(["U1 2025-02 140.00", "U2 2025-02 140.00", "U3 2025-02 140.00"]);
    expect(s.subtotals.byDwelling).toEqual([{ key: "D1", amount: "420.00", lines: 3 }]);
  });
  it("law: one flat per dwelling let — 140.00", () => {
    const s = buildDeveloperStatement(input, LAW);
    expect(amounts(s, "OPERATING_COST")).toEqual(["D1 2025-02 140.00"]);
  });
});

describe("RGD 2024 art. 2 al. 1-2 — capital remuneration rates (law art. 13 §3-5)", () => {
  const capital = { land: { capitalInvested: "200000", ownContribution: "100000" }, construction: { capitalInvested: "300000", ownContribution: "900000" } };
  it("land 3.5 %/yr on min(invested, own contribution): 100,000 × 3.5 % / 12 = 291.666… → 291.67; construction 4.5 %: 300,000 × 4.5 % / 12 = 1,125.00", () => {
    // Convention signed 2025-06-01: the base cote (968.04) is that of 2025, so no adaptation in 2025.
    const s = buildDeveloperStatement(
      convention({
        conventionSignedOn: "2025-06-01",
        months: { from: "2025-07", to: "2025-07" },
        dwellings: [{ id: "D1", letPeriods: [{ from: "2025-07-01", to: null }], ...capital }],
      }),
      LAW,
    );
    expect(amounts(s, "CAPITAL_LAND")).toEqual(["D1 2025-07 291.67"]);
    expect(amounts(s, "CAPITAL_CONSTRUCTION")).toEqual(["D1 2025-07 1125.00"]);
    expect(s.lines.find((l) => l.component === "CAPITAL_LAND")!.inputs).toMatchObject({ capitalTakenIntoAccount: "100000", annualRatePercent: "3.5" });
    expect(s.total).toBe("1556.67"); // 140.00 + 291.67 + 1,125.00
  });

  // RGD 2024 art. 2 fixes an annual amount: 100,000 × 3.5 × 968.04 / (100 × 944.43) = 3,587.4973… a year;
  // January 2026 is month 8 of the service year (first letting June 2024), so its line is
  // round(A × 8/12) − round(A × 7/12) = 2,391.66 − 2,092.71 = 298.95 (was 298.96 = round(A/12): 12 of those overshoot the annual amount).
  it("law art. 13 §5: adapted yearly to the cote — signed 2024-03-01 (cote 944.43), January 2026 (cote 968.04): annual 3,587.4973…, month 8 of the service year → 298.95", () => {
    const s = buildDeveloperStatement(
      convention({
        year: 2026,
        months: { from: "2026-01", to: "2026-01" },
        dwellings: [{ id: "D1", letPeriods: [{ from: "2024-06-01", to: null }], land: capital.land }],
      }),
      LAW,
    );
    expect(amounts(s, "CAPITAL_LAND")).toEqual(["D1 2026-01 298.95"]);
    expect(s.lines.find((l) => l.component === "CAPITAL_LAND")!.indices.map((i) => i.value)).toEqual(["944.43", "968.04"]);
  });

  it("law art. 13 §3 al. 2: municipalities and syndicates are excluded from the capital remuneration; the bill excludes only the Fonds du Logement", () => {
    const input = convention({
      developer: { id: "commune", kind: "MUNICIPALITY" },
      conventionSignedOn: "2025-06-01",
      months: { from: "2025-07", to: "2025-07" },
      dwellings: [{ id: "D1", letPeriods: [{ from: "2025-07-01", to: null }], ...capital }],
    });
    expect(amounts(buildDeveloperStatement(input, LAW), "CAPITAL_LAND")).toEqual([]);
    expect(buildDeveloperStatement(input, LAW).exclusions.map((e) => e.article)).toContain("law art. 13 §3 al. 2");
    expect(amounts(buildDeveloperStatement(input, { regime: "BILL_8535" }), "CAPITAL_LAND")).toEqual(["D1 2025-07 291.67"]);
    const fonds = buildDeveloperStatement({ ...input, developer: { id: "fdl", kind: "FONDS_DU_LOGEMENT" } }, { regime: "BILL_8535" });
    expect(fonds.total).toBe("0.00");
  });
});

describe("RGD 2024 art. 2 al. 3 — prefinancing coefficient by service year", () => {
  // Bill: first letting 2025-01-15 (base cote 944.43); from 2026 the cote applied is 968.04.
  // Service year 20 = months 229-240 from January 2025 = 2044-01…2044-12; service year 21 starts 2045-01.
  const dwelling = {
    id: "D1",
    letPeriods: [{ from: "2025-01-15", to: null }],
    construction: { capitalInvested: "100000", ownContribution: "100000" },
    bankLoanPrefinancing: true,
  };
  it("defines service years from the month of first letting", () => {
    expect(serviceYearOf("2025-01-15", "2025-01")).toBe(1);
    expect(serviceYearOf("2025-01-15", "2025-12")).toBe(1);
    expect(serviceYearOf("2025-01-15", "2026-01")).toBe(2);
    expect(serviceYearOf("2025-01-15", "2044-12")).toBe(20);
    expect(serviceYearOf("2025-01-15", "2045-01")).toBe(21);
  });
  it("service year 20 (coefficient 1.64): 100,000 × 4.5 × 968.04 × 1.64 / (1,200 × 944.43) = 630.374… → 630.37", () => {
    const s = buildDeveloperStatement(
      convention({ conventionSignedOn: "2024-06-01", year: 2044, months: { from: "2044-12", to: "2044-12" }, dwellings: [dwelling] }),
      { regime: "BILL_8535" },
    );
    const line = s.lines.find((l) => l.component === "CAPITAL_CONSTRUCTION")!;
    expect(line.inputs).toMatchObject({ serviceYear: "20", prefinancingCoefficient: "1.64" });
    expect(line.amount).toBe("630.37");
    expect(line.parameterVersions.some((k) => k.startsWith("compensation.developer.prefinancingCoefficient"))).toBe(true);
  });
  it("service year 21 (coefficient 0.36): 100,000 × 4.5 × 968.04 × 0.36 / (1,200 × 944.43) = 138.374… → 138.37", () => {
    const s = buildDeveloperStatement(
      convention({ conventionSignedOn: "2024-06-01", year: 2045, months: { from: "2045-01", to: "2045-01" }, dwellings: [dwelling] }),
      { regime: "BILL_8535" },
    );
    const line = s.lines.find((l) => l.component === "CAPITAL_CONSTRUCTION")!;
    expect(line.inputs).toMatchObject({ serviceYear: "21", prefinancingCoefficient: "0.36" });
    expect(line.amount).toBe("138.37");
  });
});

describe("bill 8535 art. 12 (→ art. 17 §1 al. 3) — emphyteusis fees deducted from the land remuneration", () => {
  // Bill: first letting 2026-02-01 fixes the amount (no adaptation in 2026): land 100,000 × 3.5 % / 12 = 291.67.
  const base = { id: "D1", letPeriods: [{ from: "2026-02-01", to: null }], land: { capitalInvested: "100000", ownContribution: "100000" } };
  it("1,200/yr → 100.00 a month deducted from the bill's entry into force (2026-07-01)", () => {
    const s = buildDeveloperStatement(
      convention({
        conventionSignedOn: "2025-06-01",
        year: 2026,
        months: { from: "2026-06", to: "2026-07" },
        dwellings: [{ ...base, emphyteusisFeesReceivedPerYear: "1200" }],
      }),
      BILL,
    );
    // Months 5 and 6 of the service year (first letting February 2026) of 3,500.00 a year:
    // round(3500 × 5/12) − round(3500 × 4/12) = 1,458.33 − 1,166.67 = 291.66; 1,750.00 − 1,458.33 = 291.67.
    expect(amounts(s, "CAPITAL_LAND")).toEqual(["D1 2026-06 291.66", "D1 2026-07 291.67"]);
    expect(amounts(s, "EMPHYTEUSIS_DEDUCTION")).toEqual(["D1 2026-07 -100.00"]);
  });
  it("entry into force on 16 July: 100 × 16/31 = 51.612… → −51.61", () => {
    const s = buildDeveloperStatement(
      convention({
        conventionSignedOn: "2025-06-01",
        year: 2026,
        months: { from: "2026-07", to: "2026-07" },
        dwellings: [{ ...base, emphyteusisFeesReceivedPerYear: "1200" }],
      }),
      { regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-16" },
    );
    expect(amounts(s, "EMPHYTEUSIS_DEDUCTION")).toEqual(["D1 2026-07 -51.61"]);
  });
  it("never more than the land part: 6,000/yr (500 a month) → −291.67, land nets to zero", () => {
    const s = buildDeveloperStatement(
      convention({
        conventionSignedOn: "2025-06-01",
        year: 2026,
        months: { from: "2026-08", to: "2026-08" },
        dwellings: [{ ...base, emphyteusisFeesReceivedPerYear: "6000" }],
      }),
      BILL,
    );
    expect(amounts(s, "EMPHYTEUSIS_DEDUCTION")).toEqual(["D1 2026-08 -291.67"]);
  });
  it("no deduction under the law", () => {
    const s = buildDeveloperStatement(
      convention({
        conventionSignedOn: "2025-06-01",
        year: 2026,
        months: { from: "2026-08", to: "2026-08" },
        dwellings: [{ ...base, emphyteusisFeesReceivedPerYear: "1200" }],
      }),
      LAW,
    );
    expect(amounts(s, "EMPHYTEUSIS_DEDUCTION")).toEqual([]);
  });
});

describe("bill 8535 art. 9 4° (→ art. 13 §3bis) — Fonds du Logement as developer, another landlord managing", () => {
  const input = convention({
    developer: { id: "fdl", kind: "FONDS_DU_LOGEMENT" },
    fondsDuLogementIndemnity: { requested: true, managedByAnotherLandlord: true },
    months: { from: "2025-04", to: "2025-06" },
    dwellings: [{ id: "D1", usefulLivingAreaM2: "80", letPeriods: [{ from: "2025-01-01", to: null }], land: { capitalInvested: "1", ownContribution: "1" } }],
  });
  it("bill (retroactive): 0.64 × 80 m² × cote/100 — April 2025 (cote 944.43) 483.54816 → 483.55; June 2025 (968.04) 495.63648 → 495.64", () => {
    const s = buildDeveloperStatement(input, { regime: "BILL_8535" });
    expect(amounts(s, "FONDS_DU_LOGEMENT_INDEMNITY")).toEqual(["D1 2025-04 483.55", "D1 2025-05 495.64", "D1 2025-06 495.64"]);
    expect(amounts(s, "OPERATING_COST")).toEqual([]);
    expect(amounts(s, "CAPITAL_LAND")).toEqual([]);
  });
  it("law: no indemnity (and no operating cover or capital remuneration either)", () => {
    const s = buildDeveloperStatement(input, LAW);
    expect(s.total).toBe("0.00");
    expect(s.exclusions.map((e) => e.component).sort()).toEqual(["CAPITAL_CONSTRUCTION", "CAPITAL_LAND", "FONDS_DU_LOGEMENT_INDEMNITY", "OPERATING_COST"]);
  });
});

describe("bill 8535 art. 9 1° (→ art. 13 §1 al. 2) — rent received may not exceed the compensation", () => {
  it("flags an excess under the bill, not under the law", () => {
    expect(checkDeveloperRentCap({ rentReceived: "1700", compensation: "1556.67", date: "2025-07-01" }, { regime: "BILL_8535" })).toMatchObject({
      applies: true,
      withinCap: false,
      excess: "143.33",
    });
    expect(checkDeveloperRentCap({ rentReceived: "1500", compensation: "1556.67", date: "2025-07-01" }, { regime: "BILL_8535" })).toMatchObject({
      withinCap: true,
      excess: "0.00",
    });
    expect(checkDeveloperRentCap({ rentReceived: "1700", compensation: "1556.67", date: "2025-07-01" }, LAW)).toMatchObject({
      applies: false,
      withinCap: true,
    });
  });
});

describe("calculator — developer compensation (inputs only)", () => {
  it("reproduces the statement line by line, with a trace citing the parameter versions", () => {
    const r = calculateDeveloperCompensation(
      {
        developerKind: "OTHER",
        conventionSignedOn: "2025-06-01",
        firstLettingDate: "2025-07-01",
        month: "2025-07",
        land: { capitalInvested: "200000", ownContribution: "100000" },
        construction: { capitalInvested: "300000", ownContribution: "900000" },
      },
      LAW,
    );
    expect(r.total).toBe("1556.67");
    expect(r.serviceYear).toBe(1);
    expect(r.components.map((c) => `${c.key} ${c.amount}`)).toEqual(["OPERATING_COST 140.00", "CAPITAL_LAND 291.67", "CAPITAL_CONSTRUCTION 1125.00"]);
    expect(r.trace.steps).toHaveLength(3);
    expect(r.trace.steps![0]!.parameters[0]!.parameterId).toBe("compensation.developer.operatingCostFlat");
  });
});
