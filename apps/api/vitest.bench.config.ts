import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The API's timed benchmarks on large data (a 5,000-dwelling statement, a 50,000-candidate shortlist), one file at a time. */
export default defineConfig({
  resolve: { alias: { graphql: fileURLToPath(new URL("./node_modules/graphql/index.js", import.meta.url)) } },
  test: {
    include: ["test/**/*.bench.test.ts"],
    // One migrated and one seeded snapshot per run, copied by each test file (test/support/global-setup.ts).
    globalSetup: ["test/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
