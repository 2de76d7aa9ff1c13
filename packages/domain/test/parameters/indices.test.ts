import { describe, expect, it } from "vitest";
import {
  amountAtIndex,
  constructionSemesterFor,
  indexAmount,
  IndexResolutionError,
  resolveConstructionIndex,
  resolveCote,
  resolveIndexedAmount,
  roundMoney,
  withConstructionPoints,
  withCotePoints,
} from "../../src/index.js";

const LAW = { regime: "LAW" } as const;
const BILL = { regime: "BILL_8535", bill8535EntryIntoForce: "2027-01-01" } as const;

describe("amount at index N → amount in force (amount × index / N, exact)", () => {
  it("20 at index 100 with cote 968.04 is exactly 193.608", () => {
    expect(amountAtIndex("20", "100", "968.04").toString()).toBe("193.608");
  });
  it("Fonds du Logement indemnity (bill art. 13 §3bis): 0.64 EUR/m² at cote 100 → 6.195456 from 2025-05-01", () => {
    const r = resolveIndexedAmount("compensation.fondsDuLogement.indemnity", "2025-05-01", BILL);
    expect(r.value.toString()).toBe("6.195456");
    expect(r.index).toMatchObject({ series: "COST_OF_LIVING_COTE", value: "968.04", validFrom: "2025-05-01", validTo: null });
    expect(r.version.reference).toMatchObject({ text: "BILL_8535", article: "9", amends: { article: "13", paragraph: "3bis" } });
    // The day before the tranche: cote 944.43.
    expect(resolveIndexedAmount("compensation.fondsDuLogement.indemnity", "2025-04-30", BILL).value.toString()).toBe("6.044352");
  });
  it("bill developer ceiling: 20 at construction index 100, April 2025 semester 1,164.15 → 232.83", () => {
    const r = resolveIndexedAmount("compensation.developer.operatingCostCeiling", "2025-06-15", BILL);
    expect(r.value.toString()).toBe("232.83");
    expect(r.index?.label).toBe("semester 2025-04");
  });
  it("law developer ceiling: 140 at 881.15 → 140 × 1,164.15 / 881.15, carried unrounded, rounded once to 184.96", () => {
    const r = resolveIndexedAmount("compensation.developer.operatingCostCeiling", "2025-06-15", LAW);
    expect(r.value.toSignificantDigits(12).toString()).toBe("184.963967542");
    expect(roundMoney(r.value).toFixed(2)).toBe("184.96");
  });
  it("landlord management ceilings in October 2023 (index 1,140.51): law 290 → 375.359…, bill 35 → 399.1785", () => {
    expect(roundMoney(resolveIndexedAmount("compensation.landlord.managementFlatCeiling", "2023-11-01", LAW).value).toFixed(2)).toBe("375.36");
    expect(resolveIndexedAmount("compensation.landlord.managementFlatCeiling", "2023-11-01", BILL).value.toString()).toBe("399.1785");
  });
  it("plain-euro amounts (RGD 2024 flats) are not indexed", () => {
    const r = resolveIndexedAmount("compensation.landlord.managementFlat", "2024-03-01", LAW);
    expect(r.value.toString()).toBe("300");
    expect(r.index).toBeNull();
  });
  it("a cote-based law amount at 855.62: parking cap 200 → 226.28 at cote 968.04", () => {
    expect(roundMoney(resolveIndexedAmount("financing.parkingRentCap", "2025-06-01", LAW).value).toFixed(2)).toBe("226.28");
  });
});

describe("cote d'application series", () => {
  it.each([
    ["2020-01-01", "834.76"],
    ["2021-09-30", "834.76"],
    ["2021-10-01", "855.62"],
    ["2022-04-01", "877.01"],
    ["2023-02-01", "898.93"],
    ["2023-04-01", "921.40"],
    ["2023-08-31", "921.40"],
    ["2023-09-01", "944.43"],
    ["2025-04-30", "944.43"],
    ["2025-05-01", "968.04"],
    ["2026-11-21", "968.04"],
  ])("on %s is %s", (date, value) => {
    expect(resolveCote(date).value).toBe(value);
  });
  it("fails before the first recorded tranche", () => {
    expect(() => resolveCote("2019-12-31")).toThrow(IndexResolutionError);
  });
  it("accepts an operator-supplied next tranche, and refuses a conflicting one", () => {
    const series = withCotePoints([
      { validFrom: "2026-10-01", value: "992.24", source: { publisher: "STATEC", citation: "fixture (not a published figure)" } },
    ]);
    expect(resolveCote("2026-10-01", series).value).toBe("992.24");
    expect(resolveCote("2026-09-30", series)).toMatchObject({ value: "968.04", validTo: "2026-10-01" });
    expect(() => withCotePoints([{ validFrom: "2025-05-01", value: "970", source: { publisher: "STATEC", citation: "x" } }])).toThrow(/conflicts/);
  });
});

describe("construction-price index series", () => {
  it.each([
    ["2021-04-01", "2021-04"],
    ["2021-09-30", "2021-04"],
    ["2021-10-01", "2021-10"],
    ["2022-03-31", "2021-10"],
  ])("date %s uses semester %s", (date, semester) => {
    expect(constructionSemesterFor(date)).toBe(semester);
  });
  it("resolves known semesters", () => {
    expect(resolveConstructionIndex("2021-04").value).toBe("881.15");
    expect(resolveConstructionIndex("2022-12-01").value).toBe("1071.67");
    expect(resolveConstructionIndex("2024-01-15").value).toBe("1140.51");
    expect(resolveConstructionIndex("2025-09-30").value).toBe("1164.15");
  });
  it("fails clearly on a missing semester instead of guessing", () => {
    expect(() => resolveConstructionIndex("2024-06-01")).toThrow(/semester 2024-04 is not recorded.*never interpolated/);
    expect(() => resolveIndexedAmount("compensation.developer.operatingCostCeiling", "2024-06-01", BILL)).toThrow(IndexResolutionError);
  });
  it("lets an operator add a semester, or force the semester a convention names", () => {
    const series = withConstructionPoints([
      { semester: "2024-04", value: "1150.00", source: { publisher: "STATEC", citation: "fixture (not a published figure)" } },
    ]);
    expect(indexAmount("20", { kind: "CONSTRUCTION_PRICE_INDEX", base: "100" }, "2024-06-01", { constructionSeries: series }).value.toString()).toBe("230");
    expect(indexAmount("20", { kind: "CONSTRUCTION_PRICE_INDEX", base: "100" }, "2024-06-01", { constructionSemester: "2023-10" }).value.toString()).toBe(
      "228.102",
    );
  });
});
