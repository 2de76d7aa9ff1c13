/**
 * Migrations: the committed SQL builds exactly the schema that schema.prisma describes, applying
 * twice is a no-op, and a migration edited after it was applied is refused.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, MigrationError, type SqlSession } from "../../src/db/migrate.js";

const run = promisify(execFile);

function session(db: PGlite): SqlSession {
  return { exec: async (sql) => void (await db.exec(sql)), query: async (sql, params) => (await db.query<any>(sql, params)).rows };
}

/** Tables, columns, types, nullability, defaults, indexes and constraints, as the catalog sees them. */
async function catalog(db: PGlite): Promise<string[]> {
  const cols = await db.query<any>(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, numeric_precision, numeric_scale
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_abordable_migrations' ORDER BY 1, 2`);
  const idx = await db.query<any>(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_abordable_migrations' ORDER BY 1`);
  const cons = await db.query<any>(`SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_abordable_migrations' ORDER BY 1, 2`);
  const enums = await db.query<any>(
    `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY 1 ORDER BY 1`,
  );
  return [...cols.rows, ...idx.rows, ...cons.rows, ...enums.rows].map((r) => JSON.stringify(r));
}

/** The one-winner invariants of migration 20261202000100 (issue 15): partial unique indexes. */
const DATABASE_ONLY_INDEXES = [
  "AllocationFile_one_open_per_vacancy",
  "AllocationOffer_one_pending_per_file",
  "DwellingTransfer_one_proposed_per_dwelling",
  "Lease_one_active_per_dwelling",
  "Lease_one_active_per_household",
  "Lease_one_active_per_unit",
  "RehousingOffer_one_pending_per_case",
];

describe("migrations", () => {
  it("build exactly the schema described by schema.prisma (no drift)", async () => {
    const fromMigrations = await PGlite.create();
    await migrate(session(fromMigrations), { advisoryLock: false });
    const { stdout } = await run(
      path.resolve(MIGRATIONS_DIR, "../../node_modules/.bin/prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { cwd: path.resolve(MIGRATIONS_DIR, "../..") },
    );
    const fromSchema = await PGlite.create();
    await fromSchema.exec(stdout);
    // Partial unique indexes (invariants schema.prisma cannot express) exist only in the migrations.
    const all = await catalog(fromMigrations);
    const partial = all.filter((x) => x.includes("indexdef") && x.includes(" WHERE "));
    expect(partial.map((x) => /INDEX \\"?([A-Za-z_]+)/.exec(x)?.[1]).sort()).toEqual(DATABASE_ONLY_INDEXES);
    const a = all.filter((x) => !partial.includes(x));
    const b = await catalog(fromSchema);
    expect(a.length).toBeGreaterThan(100);
    expect(a.filter((x) => !b.includes(x))).toEqual([]);
    expect(b.filter((x) => !a.includes(x))).toEqual([]);
  }, 180_000);

  it("is a no-op the second time", async () => {
    const db = await PGlite.create();
    const first = await migrate(session(db), { advisoryLock: false });
    expect(first.length).toBeGreaterThan(0);
    expect(await migrate(session(db), { advisoryLock: false })).toEqual([]);
  });

  it("refuses a migration changed after it was applied, and one the code does not know", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "abordable-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const db = await PGlite.create();
    const applied = await migrate(session(db), { advisoryLock: false, dir });
    await writeFile(path.join(dir, applied[0]!, "migration.sql"), "-- edited\n", { flag: "a" });
    await expect(migrate(session(db), { advisoryLock: false, dir })).rejects.toThrow(MigrationError);
    await expect(migrate(session(db), { advisoryLock: false, dir })).rejects.toThrow(/changed after it was applied/);
    await db.query(`INSERT INTO "_abordable_migrations" (name, checksum) VALUES ('29990101000000_future', 'x')`);
    await expect(migrate(session(db), { advisoryLock: false })).rejects.toThrow(/does not know/);
  });

  it("rolls back a failing migration whole", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "abordable-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(dir, "29990101000000_broken"));
    await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "Half" (id int); SELECT * FROM "NoSuchTable";`);
    const db = await PGlite.create();
    await expect(migrate(session(db), { advisoryLock: false, dir })).rejects.toThrow(/29990101000000_broken.*rolled back/);
    const half = await db.query(`SELECT to_regclass('"Half"') AS t`);
    expect((half.rows[0] as any).t).toBeNull();
  });
});
