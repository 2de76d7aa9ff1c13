import { describe, expect, it } from "vitest";
import {
  buildLandlordStatement,
  calculateLandlordCompensation,
  canonicalStatementJson,
  parseDecimal,
  prorate,
  type CompensationOptions,
  type LandlordStatementInput,
  type MonthlyAmountsInput,
} from "../../src/index.js";

const LAW: CompensationOptions = { regime: "LAW" };
const BILL: CompensationOptions = { regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-01" };
const months2025 = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`);

function landlord(partial: Partial<LandlordStatementInput> & Pick<LandlordStatementInput, "dwellings">): LandlordStatementInput {
  return { landlord: { id: "L1", kind: "OTHER" }, conventionSignedOn: "2024-01-15", year: 2025, ...partial };
}
const flats = (s: { lines: readonly { component: string; objectId: string; month: string; amount: string }[] }) =>
  s.lines.filter((l) => l.component === "MANAGEMENT_FLAT").map((l) => `${l.objectId} ${l.month} ${l.amount}`);

describe("law art. 40 §1 — the ministry's published example: 4,000 + 12 × 300 − 5,000 = 2,600 EUR", () => {
  it("calculator from yearly totals", () => {
    const r = calculateLandlordCompensation(
      {
        landlordKind: "OTHER",
        conventionSignedOn: "2024-01-15",
        asOf: "2025-01-01",
        rentPaidToDeveloper: "4000",
        tenantRents: "5000",
        managementFlatMonths: 12,
      },
      LAW,
    );
    expect(r).toMatchObject({
      rentPaidToDeveloper: "4000.00",
      managementFlats: "3600.00",
      tenantRents: "5000.00",
      compensation: "2600.00",
      outcome: "COMPENSATION_DUE",
    });
    expect(r.trace.parameters[0]!.parameterId).toBe("compensation.landlord.managementFlat");
  });

  it("yearly statement from monthly amounts: rent to developer 8 × 333.33 + 4 × 333.34 = 4,000.00; tenants 8 × 416.67 + 4 × 416.66 = 5,000.00; flats 12 × 300", () => {
    const amounts: MonthlyAmountsInput[] = months2025.map((month, i) => ({
      month,
      rentPaidToDeveloper: i < 8 ? "333.33" : "333.34",
      tenantRents: i < 8 ? "416.67" : "416.66",
      charges: "150",
    }));
    const s = buildLandlordStatement(landlord({ dwellings: [{ id: "D1", managedPeriods: [{ from: "2020-01-01", to: null }], amounts }] }), LAW);
    expect(s.subtotals.byComponent).toEqual([
      { key: "RENT_PAID_TO_DEVELOPER", amount: "4000.00", lines: 12 },
      { key: "MANAGEMENT_FLAT", amount: "3600.00", lines: 12 },
      { key: "TENANT_RENTS", amount: "-5000.00", lines: 12 },
    ]);
    expect(s.total).toBe("2600.00");
    expect(s.outcome).toBe("COMPENSATION_DUE");
    // Art. 40 §3 2° / art. 63: charges are listed, never compensated.
    expect(s.chargesListed).toEqual([{ objectId: "D1", amount: "1800.00" }]);
    expect(s.lines.some((l) => /charge/i.test(l.component))).toBe(false);
  });
});

describe("law art. 40 §1 al. 3 — rents over periods, prorated by the engine (actual days over days in the month)", () => {
  // Managed from 10 March; rent to the developer 620 a month; lease L1 from 15 March to 11 April (900 + 150 charges),
  // lease L2 from 11 April (930 + 150 charges); a parking space let from 1 April at 45.
  const input = landlord({
    months: { from: "2025-03", to: "2025-04" },
    dwellings: [
      {
        id: "D1",
        managedPeriods: [{ from: "2025-03-10", to: null }],
        rentsPaidToDeveloper: [{ from: "2020-01-01", to: null, monthlyRent: "620" }],
        leases: [
          { id: "L1", from: "2025-03-15", to: "2025-04-11", monthlyRent: "900", monthlyCharges: "150" },
          { id: "L2", from: "2025-04-11", to: null, monthlyRent: "930", monthlyCharges: "150" },
        ],
        ancillaryAreaRents: [{ from: "2025-04-01", to: null, monthlyRent: "45" }],
      },
    ],
  });
  const s = buildLandlordStatement(input, LAW);
  const line = (month: string, component: string) => s.lines.find((l) => l.month === month && l.component === component)!;

  it("March: rent to developer 620 × 22/31 = 440.00; tenant 900 × 17/31 = 493.548… → −493.55; flat 300 × 22/31 = 212.90", () => {
    expect(line("2025-03", "RENT_PAID_TO_DEVELOPER")).toMatchObject({
      amount: "440.00",
      ruleId: "compensation.landlord.deficit.rentPaidToDeveloper.prorated",
      parameterVersions: [],
    });
    expect(line("2025-03", "RENT_PAID_TO_DEVELOPER").inputs).toEqual({
      rents: [{ monthlyRent: "620", days: "22" }],
      daysInMonth: "31",
      proration: "ACTUAL_DAYS_OVER_DAYS_IN_MONTH",
    });
    expect(line("2025-03", "TENANT_RENTS")).toMatchObject({ amount: "-493.55", exactAmount: expect.stringMatching(/^-493\.548387/) });
    expect(line("2025-03", "TENANT_RENTS").inputs).toEqual({
      rents: [{ id: "L1", monthlyRent: "900", days: "17" }],
      daysInMonth: "31",
      proration: "ACTUAL_DAYS_OVER_DAYS_IN_MONTH",
    });
    expect(line("2025-03", "MANAGEMENT_FLAT").amount).toBe("212.90");
    expect(s.lines.some((l) => l.month === "2025-03" && l.component === "ANCILLARY_RENTS")).toBe(false);
  });

  it("April, a change of tenant on the 11th: 900 × 10/30 + 930 × 20/30 = 300 + 620 = −920.00 on one line citing both leases; parking −45.00", () => {
    expect(line("2025-04", "TENANT_RENTS").amount).toBe("-920.00");
    expect(line("2025-04", "TENANT_RENTS").inputs).toEqual({
      rents: [
        { id: "L1", monthlyRent: "900", days: "10" },
        { id: "L2", monthlyRent: "930", days: "20" },
      ],
      daysInMonth: "30",
      proration: "ACTUAL_DAYS_OVER_DAYS_IN_MONTH",
    });
    expect(line("2025-04", "RENT_PAID_TO_DEVELOPER").amount).toBe("620.00");
    expect(line("2025-04", "ANCILLARY_RENTS").amount).toBe("-45.00");
  });

  it("total 440 + 620 + 212.90 + 300 − 493.55 − 920 − 45 = 114.35; charges listed 150 × 17/31 + 50 + 100 = 232.26, never compensated", () => {
    expect(s.total).toBe("114.35");
    expect(s.chargesListed).toEqual([{ objectId: "D1", amount: "232.26" }]);
    expect(s.rules["compensation.landlord.deficit.tenantRents.prorated"]!.interpretationNotes).toEqual(["compensation-proration", "compensation-rents-due"]);
  });

  it("the same rents given in another order give the same statement (same canonical content)", () => {
    const [d] = input.dwellings;
    const reversed = buildLandlordStatement({ ...input, dwellings: [{ ...d!, leases: [...d!.leases!].reverse() }] }, LAW);
    expect(canonicalStatementJson(reversed)).toBe(canonicalStatementJson(s));
  });

  it("every rent line is recomputed from what it shows: Σ prorate(monthlyRent, days, daysInMonth)", () => {
    for (const l of s.lines.filter((x) => x.ruleId.endsWith(".prorated"))) {
      const inputs = l.inputs as { rents: { monthlyRent: string; days: string }[]; daysInMonth: string };
      const exact = inputs.rents.reduce(
        (sum, r) => sum.plus(prorate(parseDecimal(r.monthlyRent), Number(r.days), Number(inputs.daysInMonth))),
        parseDecimal("0"),
      );
      expect(exact.abs().toString()).toBe(parseDecimal(l.exactAmount).abs().toString());
    }
  });

  it("only managed days count: a lease before the dwelling is managed gives no line; rents over amounts per month are refused together", () => {
    const early = buildLandlordStatement(
      landlord({
        months: { from: "2025-02", to: "2025-03" },
        dwellings: [{ id: "D1", managedPeriods: [{ from: "2025-03-10", to: null }], leases: [{ from: "2025-02-01", to: "2025-03-12", monthlyRent: "620" }] }],
      }),
      LAW,
    );
    // Only 10 and 11 March are both let and managed: 620 × 2/31 = 40.00.
    expect(early.lines.filter((l) => l.component === "TENANT_RENTS").map((l) => `${l.month} ${l.amount}`)).toEqual(["2025-03 -40.00"]);
    expect(() =>
      buildLandlordStatement(
        landlord({
          dwellings: [
            {
              id: "D1",
              managedPeriods: [{ from: "2025-01-01", to: null }],
              amounts: [{ month: "2025-01", tenantRents: "1" }],
              leases: [{ from: "2025-01-01", to: null, monthlyRent: "1" }],
            },
          ],
        }),
        LAW,
      ),
    ).toThrow(/either as amounts per month or as monthly rents over periods/);
  });

  it("a dwelling with accommodation units: a rent on the dwelling runs over the units' managed days", () => {
    const shared = buildLandlordStatement(
      landlord({
        months: { from: "2025-03", to: "2025-03" },
        dwellings: [
          {
            id: "D1",
            managedPeriods: [],
            rentsPaidToDeveloper: [{ from: "2020-01-01", to: null, monthlyRent: "310" }],
            accommodationUnits: [
              { id: "U1", managedPeriods: [{ from: "2025-03-17", to: null }], leases: [{ id: "L", from: "2025-03-17", to: null, monthlyRent: "400" }] },
            ],
          },
        ],
      }),
      LAW,
    );
    // 15 days: 310 × 15/31 = 150.00; 400 × 15/31 = 193.548… → −193.55.
    expect(shared.lines.filter((l) => l.component !== "MANAGEMENT_FLAT").map((l) => `${l.objectId} ${l.component} ${l.amount}`)).toEqual([
      "D1 RENT_PAID_TO_DEVELOPER 150.00",
      "U1 TENANT_RENTS -193.55",
    ]);
  });
});

describe("RGD 2024 art. 3 — management flat 300 per dwelling per month (law art. 40 §2)", () => {
  it("prorates a mid-month start: managed from 15 March → 300 × 17/31 = 164.516… → 164.52", () => {
    const s = buildLandlordStatement(
      landlord({ months: { from: "2025-03", to: "2025-04" }, dwellings: [{ id: "D1", managedPeriods: [{ from: "2025-03-15", to: null }] }] }),
      LAW,
    );
    expect(flats(s)).toEqual(["D1 2025-03 164.52", "D1 2025-04 300.00"]);
  });

  it("a surplus (receipts above costs) is owed to the State", () => {
    const s = buildLandlordStatement(
      landlord({
        months: { from: "2025-01", to: "2025-01" },
        dwellings: [
          {
            id: "D1",
            managedPeriods: [{ from: "2025-01-01", to: null }],
            amounts: [{ month: "2025-01", rentPaidToDeveloper: "500", tenantRents: "900", ancillaryRents: "60" }],
          },
        ],
      }),
      LAW,
    );
    // 500 + 300 − 900 − 60 = −160
    expect(s.total).toBe("-160.00");
    expect(s.outcome).toBe("SURPLUS_OWED_TO_STATE");
    expect(s.surplusOwedToState).toBe("160.00");
  });
});

describe("bill 8535 art. 27 1° (→ art. 40 §2 al. 1) — per dwelling or accommodation unit", () => {
  const input = landlord({
    months: { from: "2025-05", to: "2025-05" },
    dwellings: [
      {
        id: "D1",
        managedPeriods: [],
        accommodationUnits: [
          { id: "U1", managedPeriods: [{ from: "2025-01-01", to: null }] },
          { id: "U2", managedPeriods: [{ from: "2025-05-16", to: null }] },
        ],
      },
    ],
  });
  it("bill (retroactive), reading PER_UNIT: a flat per unit — 300 + 300 × 16/31 (154.838…) = 300.00 + 154.84", () => {
    expect(flats(buildLandlordStatement(input, { regime: "BILL_8535", flatUnitReading: "PER_UNIT" }))).toEqual(["U1 2025-05 300.00", "U2 2025-05 154.84"]);
  });
  it("bill, reading PER_DWELLING (default): one flat for the dwelling — 300.00 (RGD 2024 art. 3 « par logement »)", () => {
    const s = buildLandlordStatement(input, { regime: "BILL_8535" });
    expect(flats(s)).toEqual(["D1 2025-05 300.00"]);
    expect(s.readings.flatUnitReading).toBe("PER_DWELLING");
  });
  it("law: one flat per dwelling let — 300.00", () => {
    expect(flats(buildLandlordStatement(input, LAW))).toEqual(["D1 2025-05 300.00"]);
  });
});

describe("law art. 40 §5 / bill art. 27 3° — dwellings without management flat", () => {
  const one = (
    dedicatedTo: "STUDENTS" | "INTERNATIONAL_PROTECTION" | "COOPERATIVE_MEMBERS" | "DEVELOPER_EMPLOYEES",
    kind: "OTHER" | "UNIVERSITY_OF_LUXEMBOURG" = "OTHER",
  ) => landlord({ landlord: { id: "L", kind }, year: 2026, dwellings: [{ id: "D1", dedicatedTo, managedPeriods: [{ from: "2025-01-01", to: null }] }] });
  it("law: international protection, students, employees, cooperative members — no flat", () => {
    for (const c of ["STUDENTS", "INTERNATIONAL_PROTECTION", "COOPERATIVE_MEMBERS", "DEVELOPER_EMPLOYEES"] as const) {
      const s = buildLandlordStatement(one(c), LAW);
      expect(s.total, c).toBe("0.00");
      expect(s.exclusions[0]!.article).toBe("law art. 40 §5");
    }
  });
  it("bill from its entry into force (2026-07-01, not retroactive): students of an ordinary landlord get the flat from July — 6 × 300 = 1,800.00", () => {
    const s = buildLandlordStatement(one("STUDENTS"), BILL);
    expect(flats(s)).toEqual(["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"].map((m) => `D1 ${m} 300.00`));
    expect(buildLandlordStatement(one("INTERNATIONAL_PROTECTION"), BILL).total).toBe("1800.00");
  });
  it("bill: students where the landlord is the University of Luxembourg, and cooperative members — still no flat", () => {
    expect(buildLandlordStatement(one("STUDENTS", "UNIVERSITY_OF_LUXEMBOURG"), BILL).total).toBe("0.00");
    expect(buildLandlordStatement(one("COOPERATIVE_MEMBERS"), BILL).total).toBe("0.00");
  });
});

describe("law art. 40 §4 — the Fonds du Logement is excluded from the landlord's compensation", () => {
  it("under both regimes", () => {
    for (const o of [LAW, BILL]) {
      const s = buildLandlordStatement(
        landlord({
          landlord: { id: "FdL", kind: "FONDS_DU_LOGEMENT" },
          dwellings: [{ id: "D1", managedPeriods: [{ from: "2025-01-01", to: null }], amounts: [{ month: "2025-01", tenantRents: "700" }] }],
        }),
        o,
      );
      expect(s.outcome).toBe("EXCLUDED");
      expect(s.lines).toEqual([]);
      expect(s.total).toBe("0.00");
    }
    expect(
      calculateLandlordCompensation(
        {
          landlordKind: "FONDS_DU_LOGEMENT",
          conventionSignedOn: "2024-01-15",
          asOf: "2025-01-01",
          rentPaidToDeveloper: "4000",
          tenantRents: "5000",
          managementFlatMonths: 12,
        },
        LAW,
      ).outcome,
    ).toBe("EXCLUDED");
  });
});

describe("law art. 40 §3 — vacancy rates in the statement; vacancy reduction OFF by default", () => {
  const input = landlord({
    dwellings: [
      {
        id: "D1",
        managedPeriods: [{ from: "2025-01-01", to: null }],
        vacancies: [
          { from: "2025-04-01", to: "2025-04-16", reason: "OTHER" },
          { from: "2025-09-01", to: "2025-09-11", reason: "RENOVATION" },
        ],
      },
    ],
  });
  it("rates: renovation 10/365 = 0.027397, other 15/365 = 0.041096; the flat is still paid 12 × 300", () => {
    const s = buildLandlordStatement(input, LAW);
    expect(s.vacancy[0]).toMatchObject({
      objectId: "D1",
      managedDays: 365,
      vacantDays: { CHANGE_OF_OWNER: 0, RENOVATION: 10, OTHER: 15 },
      rates: { CHANGE_OF_OWNER: "0", RENOVATION: "0.027397", OTHER: "0.041096" },
    });
    expect(s.vacancyReduction.enabled).toBe(false);
    expect(s.total).toBe("3600.00");
  });
  it("operator rule ON (reason OTHER, share 1): April −300 × 15/30 = −150.00", () => {
    const s = buildLandlordStatement({ ...input, vacancyReduction: { enabled: true, reasons: ["OTHER"], share: "1" } }, LAW);
    expect(s.lines.filter((l) => l.component === "VACANCY_REDUCTION").map((l) => `${l.month} ${l.amount}`)).toEqual(["2025-04 -150.00"]);
    expect(s.total).toBe("3450.00");
  });
});
