/** Annex III 1° a) — property: the effort rate is monotone non-decreasing in income and stays within [10 %, 35 %]. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { affordableEffortRate, computeAffordableRent, Dec } from "../../src/index.js";

const cents = (n: bigint) => new Dec(n.toString()).dividedBy(100);

describe("annexIII_1a effort rate (property)", () => {
  it("arbitrary thresholds: monotone and bounded", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 50_000_000n }),
        fc.bigInt({ min: 0n, max: 50_000_000n }),
        fc.bigInt({ min: 1n, max: 20_000_000n }),
        fc.bigInt({ min: 1n, max: 30_000_000n }),
        (a, b, low, span) => {
          const [x, y] = a <= b ? [cents(a), cents(b)] : [cents(b), cents(a)];
          const L = cents(low);
          const M = cents(low + span);
          const rx = affordableEffortRate(x, L, M, "0.10", "0.35").rate;
          const ry = affordableEffortRate(y, L, M, "0.10", "0.35").rate;
          expect(rx.lessThanOrEqualTo(ry)).toBe(true);
          for (const r of [rx, ry]) {
            expect(r.greaterThanOrEqualTo("0.10")).toBe(true);
            expect(r.lessThanOrEqualTo("0.35")).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
  it("table A thresholds through the engine: rate monotone and bounded, gross rent non-decreasing", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 40_000_000n }),
        fc.bigInt({ min: 0n, max: 40_000_000n }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 5 }),
        (a, b, adults, children) => {
          const [x, y] = a <= b ? [a, b] : [b, a];
          const run = (v: bigint) =>
            computeAffordableRent(
              {
                annualNetDisposableIncome: cents(v),
                household: { adults, children },
                dwelling: {
                  equippedKitchen: true,
                  outdoorSpace: true,
                  isHouse: false,
                  firstOccupiedOn: "2000-01-01",
                  energyRenovated: false,
                  usefulLivingAreaM2: "60",
                },
              },
              "2026-03-01",
              { regime: "LAW" },
            );
          const rx = run(x);
          const ry = run(y);
          expect(rx.effortRate.lessThanOrEqualTo(ry.effortRate)).toBe(true);
          expect(rx.effortRate.greaterThanOrEqualTo("0.1") && rx.effortRate.lessThanOrEqualTo("0.35")).toBe(true);
          expect(rx.grossMonthly.lessThanOrEqualTo(ry.grossMonthly)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
