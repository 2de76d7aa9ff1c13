import { describe, expect, it } from "vitest";
import { Dec } from "../../src/money/decimal.js";
import { checkFlatsAgainstCeilings } from "../../src/compensation/ceilings.js";
import { IndexResolutionError } from "../../src/parameters/index.js";

const LAW = { regime: "LAW" } as const;
const BILL = { regime: "BILL_8535", bill8535EntryIntoForce: "2026-06-01" } as const;

describe("RGD 2024 art. 1 and 3 — the flats respect the ceilings of law art. 13 §2 and art. 40 §2", () => {
  it("law, October 2023 semester (construction index 1,140.51): 140 ≤ 140 × 1140.51 / 881.15 and 300 ≤ 290 × 1140.51 / 881.15", () => {
    const [operating, management] = checkFlatsAgainstCeilings("2024-02-01", "2024-02-15", LAW);
    // 140 × 1140.51 / 881.15 = 181.20796686… ; 290 × 1140.51 / 881.15 = 375.35935992…
    expect(operating!).toMatchObject({ flat: "140", within: true });
    expect(new Dec(operating!.ceiling).toDecimalPlaces(8).toFixed()).toBe("181.20796686");
    expect(management!).toMatchObject({ flat: "300", within: true });
    expect(new Dec(management!.ceiling).toDecimalPlaces(8).toFixed()).toBe("375.35935993");
    expect(management!.index?.value).toBe("1140.51");
  });

  it("bill, April 2025 semester (1,164.15): ceilings 20 and 35 at index 100 give 232.83 and 407.4525", () => {
    const [operating, management] = checkFlatsAgainstCeilings("2024-02-01", "2025-06-15", BILL);
    expect(operating!).toMatchObject({ flat: "140", ceiling: "232.83", within: true });
    expect(management!).toMatchObject({ flat: "300", ceiling: "407.4525", within: true });
  });

  it("compares exactly: the law's ceiling at its own base index (881.15) equals the 140 flat, still within", () => {
    const [operating] = checkFlatsAgainstCeilings("2024-02-01", "2024-02-15", LAW, { constructionSemester: "2021-04" });
    expect(operating!).toMatchObject({ flat: "140", ceiling: "140", within: true });
  });

  it("refuses to guess a construction index for a semester missing from the data", () => {
    expect(() => checkFlatsAgainstCeilings("2024-02-01", "2024-06-15", LAW)).toThrow(IndexResolutionError);
  });
});
