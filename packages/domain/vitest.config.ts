import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // CI asks for a JSON report (VITEST_JSON_REPORT=1) to print one closing "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_REPORT ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-report.json" },
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Benchmarks time themselves and print what they measured; they run alone with `pnpm bench`
    // (a busy machine running the whole suite in parallel is no place to measure).
    exclude: ["**/node_modules/**", "**/*.bench.test.ts"],
  },
});
