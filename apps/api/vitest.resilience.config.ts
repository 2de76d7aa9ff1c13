import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Resilience tests (*.resilience.test.ts): the API process killed and restarted under load. They
 * run alone with `npm run test:resilience`, outside the test command, one file at a time.
 */
export default defineConfig({
  // Same single graphql entry as vitest.config.ts (Apollo and Pothos load the CJS copy).
  resolve: { alias: { graphql: fileURLToPath(new URL("./node_modules/graphql/index.js", import.meta.url)) } },
  test: {
    reporters: process.env.VITEST_JSON_REPORT ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-report.json" },
    include: ["test/**/*.resilience.test.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
