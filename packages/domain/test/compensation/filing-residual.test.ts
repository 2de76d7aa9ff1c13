import { describe, expect, it } from "vitest";
import {
  checkLandlordFiling,
  fullYearsBetween,
  landlordFilingDeadline,
  optionalRegimeRemuneration,
  prefinancingAdvance,
  prefinancingServiceYears,
  residualValue,
  type CompensationOptions,
} from "../../src/index.js";

const LAW: CompensationOptions = { regime: "LAW" };
const BILL: CompensationOptions = { regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-01" };

describe("law art. 41 §1 / bill art. 28 1° — filing deadline of the landlord's request", () => {
  it("law art. 41 §1-2: « au plus tard le 30 juin de chaque année », for a year whose audited report exists — the request for 2025 is due 2026-06-30", () => {
    const d = landlordFilingDeadline(2025, LAW);
    expect(d).toMatchObject({ deadline: "2026-06-30", yearOffset: 1 });
    expect(d.parameters.map((p) => [p.parameterId, p.origin])).toEqual([
      ["compensation.landlord.applicationDeadline", "LAW"],
      ["compensation.landlord.applicationYearOffset", "LAW"],
    ]);
    expect(d.references).toEqual([
      expect.objectContaining({ text: "LAW_2023", article: "41", paragraph: "1" }),
      expect.objectContaining({ text: "LAW_2023", article: "41", paragraph: "2", point: "3°" }),
    ]);
    expect(d.interpretationNotes).toContain("compensation-filing-law-year");
    expect(checkLandlordFiling(2025, "2026-06-30", LAW)).toMatchObject({ late: false, daysLate: 0 });
    expect(checkLandlordFiling(2025, "2026-07-02", LAW)).toMatchObject({ late: true, daysLate: 2 });
  });
  it("law art. 41 §1: a request filed as soon as the compensated year has ended (the first day a statement can be issued) is on time, under both regimes", () => {
    for (const year of [2023, 2024, 2025, 2026, 2027, 2030])
      for (const options of [LAW, BILL]) {
        expect(checkLandlordFiling(year, `${year + 1}-01-01`, options).late).toBe(false);
        expect(checkLandlordFiling(year, `${year + 1}-06-30`, options).late).toBe(false);
        expect(checkLandlordFiling(year, `${year + 1}-07-01`, options)).toMatchObject({ late: true, daysLate: 1 });
      }
  });
  it("bill art. 28 1°: by 30 June of the year after the compensated year — 2026 is due 2027-06-30", () => {
    const d = landlordFilingDeadline(2026, BILL);
    expect(d).toMatchObject({ deadline: "2027-06-30", yearOffset: 1 });
    expect(d.parameters.map((p) => [p.parameterId, p.origin])).toEqual([
      ["compensation.landlord.applicationDeadline", "BILL_8535"],
      ["compensation.landlord.applicationYearOffset", "BILL_8535"],
    ]);
    expect(d.references).toEqual([expect.objectContaining({ text: "BILL_8535", article: "28", point: "1°" })]);
    expect(checkLandlordFiling(2026, "2027-07-01", BILL)).toMatchObject({ late: true, daysLate: 1 });
    expect(checkLandlordFiling(2026, "2027-06-30", BILL).late).toBe(false);
  });
  it("bill regime, a year ending before the entry into force follows the law's versions (same deadline, law references)", () => {
    const d = landlordFilingDeadline(2025, BILL);
    expect(d.deadline).toBe("2026-06-30");
    expect(d.parameters.map((p) => p.origin)).toEqual(["LAW", "LAW"]);
  });
});

describe("RGD 2024 art. 2 al. 3 — the service years of the prefinancing coefficient, from its brackets", () => {
  it("1.64 for years 1 to 20, 0.36 for 21 to 40: the scale covers service years 1 to 40", () => {
    const y = prefinancingServiceYears("2024-01-15", LAW);
    expect(y).toMatchObject({
      first: 1,
      last: 40,
      version: { parameterId: "compensation.developer.prefinancingCoefficient", reference: { text: "RGD_2024_01_24", article: "2", alinea: "3" } },
    });
    expect(prefinancingServiceYears("2024-01-15", BILL)).toMatchObject({ first: 1, last: 40 });
  });
  it("no scale for conventions signed before 2023-10-01", () => {
    expect(() => prefinancingServiceYears("2022-05-01", LAW)).toThrow(/not in force/);
  });
});

describe("bill 8535 annex IV — residual value VRPF = (1 − AE/DC) × (PFA/CT) × PV", () => {
  it("AE 10, DC 40, PFA 750,000, CT 1,000,000, PV 1,200,000: (30/40) × 0.75 × 1,200,000 = 675,000.00", () => {
    const r = residualValue(
      { date: "2027-01-01", fullYearsOfService: 10, conventionYears: 40, stateParticipation: "750000", totalCost: "1000000", salePrice: "1200000" },
      BILL,
    );
    expect(r).toMatchObject({ formulaValue: "675000.00", prefinancingAdvance: "0.00", residualValue: "675000.00" });
  });
  it("rounding once: AE 7, DC 30, PFA 333,333.33, CT 1,000,000, PV 987,654.32 → 23 × 333,333.33 × 987,654.32 / 30,000,000 = 252,400.5459… → 252,400.55", () => {
    expect(
      residualValue(
        { date: "2027-01-01", fullYearsOfService: 7, conventionYears: 30, stateParticipation: "333333.33", totalCost: "1000000", salePrice: "987654.32" },
        BILL,
      ).residualValue,
    ).toBe("252400.55");
  });
  it("AE counts full years only: service from 2017-03-15, sale 2027-03-14 → 9 years", () => {
    expect(fullYearsBetween("2017-03-15", "2027-03-14")).toBe(9);
    expect(fullYearsBetween("2017-03-15", "2027-03-15")).toBe(10);
    const r = residualValue(
      { date: "2027-03-14", serviceStart: "2017-03-15", conventionYears: 40, stateParticipation: "750000", totalCost: "1000000", salePrice: "1200000" },
      BILL,
    );
    expect(r.trace.inputs.AE).toBe("9");
    expect(r.formulaValue).toBe("697500.00"); // 31/40 × 0.75 × 1,200,000
  });
  it("prefinancing already paid (RGD 2024 art. 2 al. 3): years 1-10 at 1.64 on 10,000 → advance 10 × 0.64 × 10,000 = 64,000 added: 739,000.00", () => {
    const years = Array.from({ length: 10 }, (_, i) => ({ serviceYear: i + 1, remunerationWithoutCoefficient: "10000" }));
    expect(prefinancingAdvance(years, "2024-06-01", BILL).advance.toString()).toBe("64000");
    const r = residualValue(
      {
        date: "2027-01-01",
        fullYearsOfService: 10,
        conventionYears: 40,
        stateParticipation: "750000",
        totalCost: "1000000",
        salePrice: "1200000",
        prefinancing: { conventionSignedOn: "2024-06-01", yearsPaid: years },
      },
      BILL,
    );
    expect(r).toMatchObject({ formulaValue: "675000.00", prefinancingAdvance: "64000.00", residualValue: "739000.00" });
    // Over 40 years the advance nets to zero: 20 × 0.64 − 20 × 0.64.
    const all = Array.from({ length: 40 }, (_, i) => ({ serviceYear: i + 1, remunerationWithoutCoefficient: "10000" }));
    expect(prefinancingAdvance(all, "2024-06-01", BILL).advance.isZero()).toBe(true);
  });
  it("exists only under the bill, from its entry into force", () => {
    const input = { date: "2026-01-01", fullYearsOfService: 1, conventionYears: 40, stateParticipation: "1", totalCost: "1", salePrice: "1" };
    expect(() => residualValue(input, LAW)).toThrow(/annex IV/);
    expect(() => residualValue(input, BILL)).toThrow(/entry into force/);
  });
});

describe("bill 8535 art. 43 (→ art. 72 §2) — capital remuneration of dwellings under the affordable lease", () => {
  it("2° existing dwelling not aided, 25 %: land 200,000 → 50,000 × 3.5 % = 1,750; construction 400,000 → 100,000 × 4.5 % = 4,500; 6,250.00 a year, 520.83 a month", () => {
    const r = optionalRegimeRemuneration(
      { case: "EXISTING_NOT_AIDED", owner: "PUBLIC_COMPANY", conventionSignedOn: "2026-09-01", landCapital: "200000", constructionCapital: "400000" },
      BILL,
    );
    expect(r).toMatchObject({ share: "25", annualRemuneration: "6250.00", monthlyRemuneration: "520.83" });
    expect(r.trace.parameters.map((p) => p.parameterId)[0]).toBe("compensation.optionalRegime.capitalShare.existingNotAided");
  });
  it("1° existing aided, convention expired, 25 %; 3° new project, 100 %: 200,000 × 3.5 % + 400,000 × 4.5 % = 25,000.00", () => {
    expect(
      optionalRegimeRemuneration(
        {
          case: "EXISTING_AIDED_CONVENTION_EXPIRED",
          owner: "SOCIAL_DEVELOPER",
          conventionSignedOn: "2026-09-01",
          landCapital: "200000",
          constructionCapital: "400000",
        },
        BILL,
      ).annualRemuneration,
    ).toBe("6250.00");
    expect(
      optionalRegimeRemuneration(
        { case: "NEW_PROJECT", owner: "PUBLIC_ESTABLISHMENT", conventionSignedOn: "2026-09-01", landCapital: "200000", constructionCapital: "400000" },
        BILL,
      ).annualRemuneration,
    ).toBe("25000.00");
  });
  it("social developers are excluded from case 3°; the law sets no share", () => {
    expect(() =>
      optionalRegimeRemuneration(
        { case: "NEW_PROJECT", owner: "SOCIAL_DEVELOPER", conventionSignedOn: "2026-09-01", landCapital: "1", constructionCapital: "1" },
        BILL,
      ),
    ).toThrow(/excluded/);
    expect(() =>
      optionalRegimeRemuneration(
        { case: "EXISTING_NOT_AIDED", owner: "PUBLIC_COMPANY", conventionSignedOn: "2026-09-01", landCapital: "1", constructionCapital: "1" },
        LAW,
      ),
    ).toThrow(/no share/);
  });
});
