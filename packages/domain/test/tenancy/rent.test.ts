/**
 * Art. 60 and annex III — worked cases, computed by hand at the cote d'application 968.04 (in force
 * from 2025-05-01), calculation date 2026-03-01. Thresholds at cote 100 × 968.04 / 100 = × 9.6804.
 * Rent (monthly) = RND × rate / 12, capped at 35 % × rent-ceiling threshold / 12; rounded once.
 */
import { describe, expect, it } from "vitest";
import { computeAffordableRent, type RentDwelling } from "../../src/index.js";

const LAW = { regime: "LAW" } as const;
const ON = "2026-03-01";
/** Equipped kitchen, balcony, flat, recent: no adjustment. */
const PLAIN: RentDwelling = {
  equippedKitchen: true,
  outdoorSpace: true,
  isHouse: false,
  firstOccupiedOn: "2010-06-01",
  energyRenovated: false,
  usefulLivingAreaM2: "75",
};
const rent = (rnd: string, adults: number, children: number, dwelling: RentDwelling = PLAIN, flat?: string) =>
  computeAffordableRent(
    { annualNetDisposableIncome: rnd, household: { adults, children }, dwelling, ...(flat ? { flatGrossMonthlyRent: flat } : {}) },
    ON,
    LAW,
  );

/**
 * Table A rows (cote 100) → indexed (× 9.6804):
 * low L, max-effort M, rent ceiling C; mid = (L + M) / 2 gives 10 % + ½ × 25 % = 22.5 %.
 * Cases: below (RND 15,000 < every L: 10 % → 1,500 / 12 = 125.00), at L (10 %), mid (22.5 %), at M (35 %),
 * at C (35 % × C = the cap, not exceeded), above C (300,000: capped at 35 % × C).
 */
const TABLE_A: {
  label: string;
  adults: number;
  children: number;
  L: string;
  M: string;
  C: string;
  atLow: string;
  mid: string;
  midRent: string;
  atMax: string;
  cap: string;
}[] = [
  // 1 adult: L = 2,013 × 9.6804 = 19,486.6452; M = 5,485 × 9.6804 = 53,096.994; C = 6,397 × 9.6804 = 61,925.5188
  // at L: 19,486.6452 × 10 % / 12 = 162.38871 → 162.39; mid = 36,291.8196 × 22.5 % / 12 = 680.4716175 → 680.47
  // at M: 53,096.994 × 35 % / 12 = 1,548.662325 → 1,548.66; cap: 61,925.5188 × 35 % / 12 = 1,806.160965 → 1,806.16
  {
    label: "1 adulte",
    adults: 1,
    children: 0,
    L: "19486.6452",
    M: "53096.994",
    C: "61925.5188",
    atLow: "162.39",
    mid: "36291.8196",
    midRent: "680.47",
    atMax: "1548.66",
    cap: "1806.16",
  },
  // 1 adult 1 child: L = 3,019 × 9.6804 = 29,225.1276; M = 8,227 × 9.6804 = 79,640.6508; C = 9,596 × 9.6804 = 92,893.1184
  // at L: 243.54273 → 243.54; mid 54,432.8892 × 0.225 / 12 = 1,020.6166725 → 1,020.62; at M: 2,322.852315 → 2,322.85; cap 2,709.38262 → 2,709.38
  {
    label: "1 adulte–1 enfant",
    adults: 1,
    children: 1,
    L: "29225.1276",
    M: "79640.6508",
    C: "92893.1184",
    atLow: "243.54",
    mid: "54432.8892",
    midRent: "1020.62",
    atMax: "2322.85",
    cap: "2709.38",
  },
  // 1 adult 2 children: L = 3,824 × 9.6804 = 37,017.8496; M = 10,421 × 9.6804 = 100,879.4484; C = 12,155 × 9.6804 = 117,665.262
  // at L: 308.48208 → 308.48; mid 68,948.649 × 0.225 / 12 = 1,292.78716875 → 1,292.79; at M: 2,942.317245 → 2,942.32; cap 3,431.903475 → 3,431.90
  {
    label: "1 adulte–2 enfants",
    adults: 1,
    children: 2,
    L: "37017.8496",
    M: "100879.4484",
    C: "117665.262",
    atLow: "308.48",
    mid: "68948.649",
    midRent: "1292.79",
    atMax: "2942.32",
    cap: "3431.90",
  },
  // 1 adult 3 children: L = 4,629 × 9.6804 = 44,810.5716; M = 12,615 × 9.6804 = 122,118.246; C = 14,714 × 9.6804 = 142,437.4056
  // at L: 373.42143 → 373.42; mid 83,464.4088 × 0.225 / 12 = 1,564.957665 → 1,564.96; at M: 3,561.782175 → 3,561.78; cap 4,154.42433 → 4,154.42
  {
    label: "1 adulte–3 enfants",
    adults: 1,
    children: 3,
    L: "44810.5716",
    M: "122118.246",
    C: "142437.4056",
    atLow: "373.42",
    mid: "83464.4088",
    midRent: "1564.96",
    atMax: "3561.78",
    cap: "4154.42",
  },
  // 2 adults: same figures as 1 adult 1 child (3,019 / 8,227 / 9,596)
  {
    label: "2 adultes - 0 enfant",
    adults: 2,
    children: 0,
    L: "29225.1276",
    M: "79640.6508",
    C: "92893.1184",
    atLow: "243.54",
    mid: "54432.8892",
    midRent: "1020.62",
    atMax: "2322.85",
    cap: "2709.38",
  },
  // 2 adults 1 child: same as 1 adult 2 children (3,824 / 10,421 / 12,155)
  {
    label: "2 adultes – 1 enfant",
    adults: 2,
    children: 1,
    L: "37017.8496",
    M: "100879.4484",
    C: "117665.262",
    atLow: "308.48",
    mid: "68948.649",
    midRent: "1292.79",
    atMax: "2942.32",
    cap: "3431.90",
  },
  // 2 adults 2 children: same as 1 adult 3 children (4,629 / 12,615 / 14,714)
  {
    label: "2 adultes – 2 enfants",
    adults: 2,
    children: 2,
    L: "44810.5716",
    M: "122118.246",
    C: "142437.4056",
    atLow: "373.42",
    mid: "83464.4088",
    midRent: "1564.96",
    atMax: "3561.78",
    cap: "4154.42",
  },
  // 2 adults 3 children: L = 5,434 × 9.6804 = 52,603.2936; M = 14,809 × 9.6804 = 143,357.0436; C = 17,273 × 9.6804 = 167,209.5492
  // at L: 438.36078 → 438.36; mid 97,980.1686 × 0.225 / 12 = 1,837.12816125 → 1,837.13; at M: 4,181.247105 → 4,181.25; cap 4,876.945185 → 4,876.95
  {
    label: "2 adultes – 3 enfants",
    adults: 2,
    children: 3,
    L: "52603.2936",
    M: "143357.0436",
    C: "167209.5492",
    atLow: "438.36",
    mid: "97980.1686",
    midRent: "1837.13",
    atMax: "4181.25",
    cap: "4876.95",
  },
  // 3 adults 5 children: 2a3c row + 1 « adulte supplémentaire » + 2 « enfant à charge supplémentaire »:
  // L = (5,434 + 805 + 2 × 604) × 9.6804 = 7,447 × 9.6804 = 72,089.9388; M = (14,809 + 2,194 + 3,290) = 20,293 × 9.6804 = 196,444.3572;
  // C = (17,273 + 2,559 + 3,838) = 23,670 × 9.6804 = 229,135.068
  // at L: 600.74949 → 600.75; mid 134,267.148 × 0.225 / 12 = 2,517.509025 → 2,517.51; at M: 5,729.627085 → 5,729.63; cap 6,683.10615 → 6,683.11
  {
    label: "3 adultes – 5 enfants (increments)",
    adults: 3,
    children: 5,
    L: "72089.9388",
    M: "196444.3572",
    C: "229135.068",
    atLow: "600.75",
    mid: "134267.148",
    midRent: "2517.51",
    atMax: "5729.63",
    cap: "6683.11",
  },
];

describe("art. 60 / annex III 1° — gross affordable rent, every household type of table A", () => {
  it.each(TABLE_A)("art60_annexIII_tableA $label: thresholds indexed at cote 968.04", (row) => {
    const r = rent("15000", row.adults, row.children);
    expect(r.thresholds.lowIncome.toString()).toBe(row.L);
    expect(r.thresholds.maxEffort.toString()).toBe(row.M);
    expect(r.thresholds.rentCeiling.toString()).toBe(row.C);
  });
  it.each(TABLE_A)("art60_annexIII_below_low $label: RND 15,000 → 10 % → 125.00", (row) => {
    const r = rent("15000", row.adults, row.children);
    expect(r.band).toBe("BELOW_LOW_INCOME");
    expect(r.effortRate.toString()).toBe("0.1");
    expect(r.netMonthly.toFixed(2)).toBe("125.00");
  });
  it.each(TABLE_A)("art60_annexIII_at_low $label: RND = low threshold → 10 %", (row) => {
    const r = rent(row.L, row.adults, row.children);
    expect(r.effortRate.toString()).toBe("0.1");
    expect(r.netMonthly.toFixed(2)).toBe(row.atLow);
  });
  it.each(TABLE_A)("art60_annexIII_sliding $label: RND halfway → 22.5 %", (row) => {
    const r = rent(row.mid, row.adults, row.children);
    expect(r.band).toBe("SLIDING");
    expect(r.effortRate.toString()).toBe("0.225");
    expect(r.netMonthly.toFixed(2)).toBe(row.midRent);
  });
  it.each(TABLE_A)("art60_annexIII_at_max $label: RND = max-effort threshold → 35 %", (row) => {
    const r = rent(row.M, row.adults, row.children);
    expect(r.band).toBe("MAX_EFFORT");
    expect(r.effortRate.toString()).toBe("0.35");
    expect(r.capApplied).toBe(false);
    expect(r.netMonthly.toFixed(2)).toBe(row.atMax);
  });
  it.each(TABLE_A)("art60_annexIII_1b_cap $label: at the rent-ceiling threshold the cap is reached, above it binds", (row) => {
    const at = rent(row.C, row.adults, row.children);
    expect(at.capApplied).toBe(false);
    expect(at.netMonthly.toFixed(2)).toBe(row.cap);
    const above = rent("300000", row.adults, row.children);
    expect(above.capApplied).toBe(true);
    expect(above.netMonthly.toFixed(2)).toBe(row.cap);
  });
});

describe("art. 60 §3-5 / annex III 2° — net rent: equipment, house, energy flat (1 adult, RND 36,291.8196, gross 680.4716175 / month)", () => {
  const base = { ...PLAIN };
  it("art60_annexIII_2a_no_kitchen: 680.4716175 × (1 − 2.5 %) = 663.4598270625 → 663.46", () => {
    expect(rent("36291.8196", 1, 0, { ...base, equippedKitchen: false }).netMonthly.toFixed(2)).toBe("663.46");
  });
  it("art60_annexIII_2a_no_outdoor_space: × 0.975 = 663.46", () => {
    expect(rent("36291.8196", 1, 0, { ...base, outdoorSpace: false }).netMonthly.toFixed(2)).toBe("663.46");
  });
  it("art60_annexIII_2a_both_reductions: additive on the gross, × 0.95 = 646.447036625 → 646.45", () => {
    const r = rent("36291.8196", 1, 0, { ...base, equippedKitchen: false, outdoorSpace: false });
    expect(r.adjustmentRate.toString()).toBe("-0.05");
    expect(r.netMonthly.toFixed(2)).toBe("646.45");
  });
  it("art60_4_house: × 1.10 = 748.51877925 → 748.52", () => {
    expect(rent("36291.8196", 1, 0, { ...base, isHouse: true }).netMonthly.toFixed(2)).toBe("748.52");
  });
  it("art60_5_energy_flat: first occupied 1985, 75 m² → table B 2.92 × 9.6804 = 28.266768; 680.4716175 − 28.266768 = 652.2048495 → 652.20", () => {
    const r = rent("36291.8196", 1, 0, { ...base, firstOccupiedOn: "1985-06-01" });
    expect(r.energyFlat.toString()).toBe("28.266768");
    expect(r.netMonthly.toFixed(2)).toBe("652.20");
  });
  it("art60_5_energy_flat brackets: 50 m² → 1.75 × 9.6804 = 16.9407; 50.5 m² → 2.34 × 9.6804 = 22.652136; 151 m² → 5.26 × 9.6804 = 50.918904", () => {
    const e = (a: string) => rent("36291.8196", 1, 0, { ...base, firstOccupiedOn: "1970-01-01", usefulLivingAreaM2: a }).energyFlat.toString();
    expect(e("50")).toBe("16.9407");
    expect(e("50.5")).toBe("22.652136");
    expect(e("151")).toBe("50.918904");
  });
  it("art60_5_energy_flat not applied when renovated or first occupied on 1990-01-01", () => {
    expect(rent("36291.8196", 1, 0, { ...base, firstOccupiedOn: "1985-06-01", energyRenovated: true }).netMonthly.toFixed(2)).toBe("680.47");
    expect(rent("36291.8196", 1, 0, { ...base, firstOccupiedOn: "1990-01-01" }).energyFlat.isZero()).toBe(true);
    expect(rent("36291.8196", 1, 0, { ...base, firstOccupiedOn: "1989-12-31" }).energyFlat.toString()).toBe("28.266768");
  });
  it("art60_annexIII_2_all: house without kitchen nor outdoor space, 1985, 75 m²: 680.4716175 × 1.05 − 28.266768 = 686.228430375 → 686.23", () => {
    const r = rent("36291.8196", 1, 0, {
      equippedKitchen: false,
      outdoorSpace: false,
      isHouse: true,
      firstOccupiedOn: "1985-06-01",
      energyRenovated: false,
      usefulLivingAreaM2: "75",
    });
    expect(r.adjustments.noEquippedKitchen.toString()).toBe("-17.0117904375");
    expect(r.adjustments.house.toString()).toBe("68.04716175");
    expect(r.netMonthlyUnrounded.toString()).toBe("686.228430375");
    expect(r.netMonthly.toFixed(2)).toBe("686.23");
  });
  it("art60_annexIII_1b cap then adjustments: 1 adult, RND 300,000, house: 1,806.160965 × 1.10 = 1,986.7770615 → 1,986.78", () => {
    expect(rent("300000", 1, 0, { ...base, isHouse: true }).netMonthly.toFixed(2)).toBe("1986.78");
  });
});

describe("art. 60 §2 al. 2 — flat rent below the low-income threshold, on the commission's advice", () => {
  it("art60_2_flat: RND 15,000 < 19,486.6452, flat 100 → 100.00; without kitchen 97.50", () => {
    expect(rent("15000", 1, 0, PLAIN, "100").netMonthly.toFixed(2)).toBe("100.00");
    const r = rent("15000", 1, 0, { ...PLAIN, equippedKitchen: false }, "100");
    expect(r.flatApplied).toBe(true);
    expect(r.netMonthly.toFixed(2)).toBe("97.50");
  });
  it("art60_2_flat ignored at or above the threshold", () => {
    const r = rent("19486.6452", 1, 0, PLAIN, "100");
    expect(r.flatApplied).toBe(false);
    expect(r.netMonthly.toFixed(2)).toBe("162.39");
  });
});

describe("annex III 1° c) — under 14 on 1 January counts as a child", () => {
  it("annexIII_1c: born 2012-01-01 is 14 on 2026-01-01 (adult), born 2012-01-02 is 13 (child) → 2 adults 1 child", () => {
    const r = computeAffordableRent(
      { annualNetDisposableIncome: "15000", household: { birthDates: ["1990-05-01", "2012-01-01", "2012-01-02"] }, dwelling: PLAIN },
      ON,
      LAW,
    );
    expect(r.household).toEqual({ adults: 2, children: 1 });
    expect(r.thresholds.lowIncome.toString()).toBe("37017.8496");
  });
});

describe("trace", () => {
  it("every figure of the computation is in the trace with its article and parameter version", () => {
    const r = rent("36291.8196", 1, 0, {
      equippedKitchen: false,
      outdoorSpace: false,
      isHouse: true,
      firstOccupiedOn: "1985-06-01",
      energyRenovated: false,
      usefulLivingAreaM2: "75",
    });
    const ids = r.trace.parameters.map((p) => p.parameterId).sort();
    expect(ids).toEqual(
      [
        "rent.ceilingShareOfThreshold",
        "rent.effortRate.max",
        "rent.effortRate.min",
        "rent.energyFlat",
        "rent.energyFlat.firstOccupationBefore",
        "rent.increase.house",
        "rent.reduction.noEquippedKitchen",
        "rent.reduction.noOutdoorSpace",
        "rent.thresholds",
      ].sort(),
    );
    expect(r.trace.indices[0]).toMatchObject({ series: "COST_OF_LIVING_COTE", value: "968.04" });
    const steps = r.trace.steps!.map((s) => s.ruleId);
    expect(steps).toEqual([
      "tenancy.rent.thresholds",
      "tenancy.rent.effortRate",
      "tenancy.rent.grossCap",
      "tenancy.rent.grossMonthly",
      "tenancy.rent.equipmentAdjustments",
      "tenancy.rent.energyFlat",
      "tenancy.rent.netMonthly",
    ]);
    expect(r.trace.steps![1]!.result).toMatchObject({ effortRate: "0.225", band: "SLIDING" });
    expect(r.trace.steps![5]!.references[0]).toMatchObject({ text: "LAW_2023", article: "60", paragraph: "5" });
    expect(r.trace.result).toMatchObject({ netMonthly: "686.23" });
    // Under the bill the rent rules are unchanged: same figures, law versions cited.
    const bill = computeAffordableRent({ annualNetDisposableIncome: "36291.8196", household: { adults: 1, children: 0 }, dwelling: PLAIN }, "2027-03-01", {
      regime: "BILL_8535",
      bill8535EntryIntoForce: "2026-07-01",
    });
    expect(bill.netMonthly.toFixed(2)).toBe("680.47");
  });
});
