import { defineConfig } from "vitest/config";

// The partner check (pack, npm install from the registry into a scratch project, codegen, tsc, a
// live API) takes minutes on a shared 2-core machine, mostly npm install: run apart from the unit
// tests (`npm run test:partner`, and in .ci/run), with a limit far above what it takes.
export default defineConfig({
  test: {
    include: ["test/partner/**/*.test.ts"],
    testTimeout: 1_800_000,
  },
});
