// Prisma CLI configuration. The JS engine with a driver adapter keeps every Prisma command
// offline (no engine download); the adapter here is an in-memory PGlite, used only by the CLI
// (`migrate diff` / `migrate dev`). The running API picks its adapter in src/db/database.ts.
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPGlite(new PGlite()),
});
