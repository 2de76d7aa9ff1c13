import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql ships both index.mjs and index.js; Node loads the CJS copy for Apollo and Pothos while
  // vite would hand the ESM copy to our code: two "graphql" modules. One entry for everyone.
  resolve: { alias: { graphql: fileURLToPath(new URL("./node_modules/graphql/index.js", import.meta.url)) } },
  test: {
    // CI asks for a JSON report (VITEST_JSON_REPORT=1) to print one closing "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_REPORT ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-report.json" },
    include: ["test/**/*.test.ts"],
    // One migrated and one seeded snapshot per run, copied by each test file (test/support/global-setup.ts).
    globalSetup: ["test/support/global-setup.ts"],
    // Benchmarks (*.bench.test.ts) time themselves on large data: they run alone with `npm run bench`.
    // Resilience tests that kill and restart the API process (*.resilience.test.ts) run alone with
    // `npm run test:resilience` (CI runs them too).
    exclude: ["**/node_modules/**", "**/*.bench.test.ts", "**/*.resilience.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
