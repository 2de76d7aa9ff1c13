/**
 * The database a test file runs against: its own copy of a snapshot made once per run by
 * `global-setup.ts` (migrated, or migrated and seeded `small`). By default an in-memory PGlite
 * opened from the snapshot's tarball (the embedded default). With
 * ABORDABLE_TEST_DATABASE_URL=postgresql://…/name, a fresh PostgreSQL database `name_<random>` is
 * created from the snapshot's template for the test file and dropped when it closes, so that test
 * files running in parallel never share rows.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.js";
import type { SnapshotName } from "./global-setup.js";

export const TEST_DATABASE_URL = process.env.ABORDABLE_TEST_DATABASE_URL;
export const TEST_DATABASE_KIND = TEST_DATABASE_URL ? "postgresql" : "pglite";

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * Opens a copy of a snapshot: `migrated` (the default: an empty database with every migration
 * applied) or `small` (the small seed with its extensions). Migrations still run on open, so a
 * snapshot can never be behind the code.
 */
export async function openTestDatabase(snapshot: SnapshotName = "migrated"): Promise<Database> {
  const source = inject("abordableSnapshots")[snapshot];
  if (!TEST_DATABASE_URL) return openDatabase({ kind: "pglite", dataDir: "memory", loadDataDir: new Blob([await readFile(source)]) });
  const url = new URL(TEST_DATABASE_URL);
  const name = `${url.pathname.slice(1)}_${randomBytes(4).toString("hex")}`;
  // CREATE DATABASE … TEMPLATE needs the template free of other sessions: another test file
  // copying it at the same moment makes PostgreSQL refuse with 55006, so retry briefly.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
    }
  }
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgresql", url: url.toString(), poolSize: 5 });
  return {
    ...db,
    close: async () => {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
