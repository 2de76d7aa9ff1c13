import { describe, expect, it } from "vitest";
import { buildLandlordStatement, canonicalStatementJson, statementContentHash, type LandlordDwellingInput } from "../../src/index.js";

/**
 * Micro-benchmark: a yearly statement for a landlord with 5,000 dwellings (12 months each, rent paid
 * to the developer, tenant rents, ancillary rents, charges, a vacancy on one dwelling in ten, a
 * mid-month start on one in seven). Measured with performance.now() around buildLandlordStatement
 * after one warm-up build, 3 runs, median/min/max printed with console.log. Target: < 1 s. The
 * assertion uses the best run, because vitest runs test files in parallel on a shared machine.
 * Canonical JSON + SHA-256 are timed on the first 500 dwellings (the full statement is ~90 MB of
 * JSON; hashing it takes seconds and would slow the other suites' timing tests running alongside).
 */
describe("benchmark — yearly landlord statement, 5,000 dwellings", () => {
  it("builds in under a second", () => {
    const dwellings: LandlordDwellingInput[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `D${String(i).padStart(5, "0")}`,
      managedPeriods: [{ from: i % 7 === 0 ? "2025-03-15" : "2020-01-01", to: null }],
      vacancies: i % 10 === 0 ? [{ from: "2025-06-01", to: "2025-06-20", reason: "OTHER" as const }] : [],
      amounts: Array.from({ length: 12 }, (_, m) => ({
        month: `2025-${String(m + 1).padStart(2, "0")}`,
        rentPaidToDeveloper: `${600 + (i % 50)}.${String(i % 100).padStart(2, "0")}`,
        tenantRents: `${450 + (i % 40)}.5`,
        ancillaryRents: i % 3 === 0 ? "45" : "0",
        charges: "120",
      })),
    }));
    const input = { landlord: { id: "L", kind: "OTHER" as const }, conventionSignedOn: "2024-01-15", year: 2025, dwellings };
    buildLandlordStatement(input, { regime: "LAW" }); // warm-up (JIT, parameter store)
    const times: number[] = [];
    let lines = 0;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const s = buildLandlordStatement(input, { regime: "LAW" });
      times.push(performance.now() - t0);
      lines = s.lines.length;
    }
    times.sort((a, b) => a - b);
    const median = times[1]!;
    const s = buildLandlordStatement({ ...input, dwellings: dwellings.slice(0, 500) }, { regime: "LAW" });
    const t1 = performance.now();
    const json = canonicalStatementJson(s);
    const hash = statementContentHash(s);
    const serialise = performance.now() - t1;
    console.log(
      `[bench] landlord statement, 5,000 dwellings × 12 months = ${lines} lines: build median ${median.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times[2]!.toFixed(1)}; performance.now() around buildLandlordStatement, 3 runs after 1 warm-up); 500-dwelling statement: canonical JSON (${(json.length / 1e6).toFixed(1)} MB) + SHA-256 ${serialise.toFixed(0)} ms (total ${s.total}, hash ${hash.slice(0, 12)}…)`,
    );
    expect(lines).toBeGreaterThan(200_000);
    expect(times[0]!).toBeLessThan(1000);
  }, 60_000);
});
