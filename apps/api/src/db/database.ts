/**
 * Opens the database the API runs on: PostgreSQL through @prisma/adapter-pg with a pool when
 * DATABASE_URL is set, otherwise the embedded PGlite under the data directory (or in memory for
 * tests). Pending migrations are applied before the Prisma client is handed out.
 */
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { migrate, type SqlSession } from "./migrate.js";
import type { Logger } from "../logger.js";

export type DatabaseKind = "pglite" | "postgresql";

export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  /** Raw SQL for aggregates and hand-written comparisons (parameterised, never interpolated). */
  readonly sql: SqlSession;
  /** Number of SQL statements Prisma has sent since the database was opened. */
  statementCount(): number;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball, which `loadDataDir` opens again (test snapshots). */
  dumpDataDir?(): Promise<Blob>;
}

export type DatabaseTarget =
  | { kind: "postgresql"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string | "memory"; loadDataDir?: Blob };

export async function openDatabase(target: DatabaseTarget, logger?: Logger): Promise<Database> {
  return target.kind === "postgresql" ? openPostgres(target.url, target.poolSize ?? 10, logger) : openPglite(target.dataDir, logger, target.loadDataDir);
}

function withCounter(prisma: PrismaClient): () => number {
  let count = 0;
  prisma.$on("query" as never, () => {
    count += 1;
  });
  return () => count;
}

const PRISMA_OPTIONS = { log: [{ emit: "event" as const, level: "query" as const }] };

async function openPostgres(url: string, poolSize: number, logger?: Logger): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", (error) => logger?.error("postgresql pool error", { error }));
  const sql: SqlSession = {
    exec: async (text) => {
      await pool.query(text);
    },
    query: async (text, params) => (await pool.query(text, params)).rows,
  };
  const client = await pool.connect();
  try {
    const session: SqlSession = {
      exec: async (text) => {
        await client.query(text);
      },
      query: async (text, params) => (await client.query(text, params)).rows,
    };
    const applied = await migrate(session, { advisoryLock: true });
    if (applied.length > 0) logger?.info("migrations applied", { database: "postgresql", applied });
  } finally {
    client.release();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), ...PRISMA_OPTIONS });
  const statementCount = withCounter(prisma);
  return {
    kind: "postgresql",
    prisma,
    sql,
    statementCount,
    ping: async () => {
      await pool.query("SELECT 1");
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string, logger?: Logger, loadDataDir?: Blob): Promise<Database> {
  if (dataDir !== "memory") await mkdir(dataDir, { recursive: true });
  const db = dataDir === "memory" ? await PGlite.create(loadDataDir ? { loadDataDir } : {}) : await PGlite.create(dataDir);
  const sql: SqlSession = {
    exec: async (text) => {
      await db.exec(text);
    },
    query: async <T extends Record<string, unknown>>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
  };
  const applied = await migrate(sql, { advisoryLock: false });
  if (applied.length > 0) logger?.info("migrations applied", { database: "pglite", dataDir, applied });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db), ...PRISMA_OPTIONS });
  const statementCount = withCounter(prisma);
  return {
    kind: "pglite",
    prisma,
    sql,
    statementCount,
    ping: async () => {
      await db.query("SELECT 1");
    },
    close: async () => {
      await prisma.$disconnect();
      await db.close();
    },
    dumpDataDir: () => db.dumpDataDir("none"),
  };
}
