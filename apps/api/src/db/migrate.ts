/**
 * Applies the committed migration SQL (prisma/migrations/<name>/migration.sql, generated from
 * schema.prisma by `prisma migrate diff`) in name order, each file in its own transaction, and
 * records it with its checksum. Used for PGlite and PostgreSQL alike because Prisma's own
 * `migrate deploy` cannot run through @prisma/adapter-pg (docs/stack-notes.md).
 *
 * A migration already applied whose file changed since is refused: migrations are append-only.
 * On PostgreSQL an advisory lock serialises API instances starting together.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";

/** The minimum a migration needs from a database connection. */
export interface SqlSession {
  /** Runs one or more statements with no parameters. */
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations/", import.meta.url));

const LOCK_KEY = 7_082_023; // arbitrary constant identifying abordable's migration lock

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(session: SqlSession, options: { advisoryLock: boolean; dir?: string }): Promise<string[]> {
  const migrations = await readMigrations(options.dir);
  if (options.advisoryLock) await session.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await session.exec(`CREATE TABLE IF NOT EXISTS "_abordable_migrations" (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Map(
      (await session.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_abordable_migrations"`)).map((r) => [r.name, r.checksum]),
    );
    for (const name of applied.keys()) {
      if (!migrations.some((m) => m.name === name)) {
        throw new MigrationError(`The database has migration "${name}" that this version of the API does not know: refusing to start on a newer schema.`);
      }
    }
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new MigrationError(`Migration "${m.name}" was changed after it was applied (checksum mismatch); add a new migration instead.`);
        }
        continue;
      }
      await session.exec("BEGIN");
      try {
        await session.exec(m.sql);
        await session.query(`INSERT INTO "_abordable_migrations" (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        await session.exec("COMMIT");
      } catch (error) {
        await session.exec("ROLLBACK");
        throw new MigrationError(`Migration "${m.name}" failed and was rolled back: ${(error as Error).message}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    if (options.advisoryLock) await session.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
}
