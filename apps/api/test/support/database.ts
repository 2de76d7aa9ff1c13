/**
 * The database a test file runs against. By default an in-memory PGlite (the embedded
 * default). With ABORDABLE_TEST_DATABASE_URL=postgresql://…/name, a fresh PostgreSQL database
 * `name_<random>` is created for the test file, migrated, and dropped when it closes, so that test
 * files running in parallel never share rows.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/database.js";

export const TEST_DATABASE_URL = process.env.ABORDABLE_TEST_DATABASE_URL;
export const TEST_DATABASE_KIND = TEST_DATABASE_URL ? "postgresql" : "pglite";

export async function openTestDatabase(): Promise<Database> {
  if (!TEST_DATABASE_URL) return openDatabase({ kind: "pglite", dataDir: "memory" });
  const url = new URL(TEST_DATABASE_URL);
  const name = `${url.pathname.slice(1)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgresql", url: url.toString(), poolSize: 5 });
  return {
    ...db,
    close: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
