import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // CI asks for a JSON report (VITEST_JSON_REPORT=1) to print one closing "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_REPORT ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-report.json" },
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
