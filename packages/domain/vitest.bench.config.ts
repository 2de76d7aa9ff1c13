import { defineConfig } from "vitest/config";

/** `pnpm bench`: the timed benchmarks only, one file at a time. */
export default defineConfig({
  test: {
    include: ["test/**/*.bench.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
