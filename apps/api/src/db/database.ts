/**
 * Opens the database the API runs on: PostgreSQL through @prisma/adapter-pg with a pool when
 * DATABASE_URL is set, otherwise the embedded PGlite under the data directory (or in memory for
 * tests). Pending migrations are applied before the Prisma client is handed out.
 *
 * Both are guarded so that a sick database turns into quick, clear refusals (503 with
 * Retry-After at the HTTP edge, db/errors.ts) instead of requests that wait forever:
 * - PostgreSQL: a pool that heals (db/healing-adapter.ts destroys a connection that failed under
 *   a transaction instead of leaking it), a connection timeout, a bound on requests waiting for a
 *   connection, and an idle-in-transaction timeout on the server side.
 * - PGlite: one connection, so a bounded queue in front of it (load shedding), a free-space guard
 *   on the data directory (PGlite spins when its write-ahead log cannot grow), and fsync as an
 *   operator setting.
 */
import { mkdir, access, constants, readdir, stat, open } from "node:fs/promises";
import { statfsSync } from "node:fs";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { migrate, type SqlSession } from "./migrate.js";
import { DatabaseUnavailableError } from "./errors.js";
import { HealingPrismaPg } from "./healing-adapter.js";
import type { Logger } from "../logger.js";

export type DatabaseKind = "pglite" | "postgresql";

/** What the pool or queue is doing, for /readyz, /healthz and logs. */
export interface DatabaseHealth {
  /** Connections (PostgreSQL) or the single PGlite connection in use. */
  busy: number;
  /** Requests waiting for a connection (PostgreSQL) or queued in front of PGlite. */
  waiting: number;
  /** Time (ms since epoch) at which a query last finished, successfully or not. */
  lastProgressAt: number;
  /** Why the database refuses work right now (disk full…), or null. */
  refusing: string | null;
}

export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  /** Raw SQL for aggregates and hand-written comparisons (parameterised, never interpolated). */
  readonly sql: SqlSession;
  /** Number of SQL statements Prisma has sent since the database was opened, API key lookups left out (see withCounter), and those sent by `read`. */
  statementCount(): number;
  /**
   * One read-only statement of a request sent without Prisma (the json_agg dwellings page, issue
   * 16: Prisma's client compiles even a raw statement on every request), counted by statementCount
   * and noted as progress like Prisma's; on PGlite through the same gate (queue, disk guard).
   */
  read<T extends Record<string, unknown>>(text: string, params: unknown[]): Promise<T[]>;
  /** Answers when the database can serve a query now; rejects within `timeoutMs` otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  health(): DatabaseHealth;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball, which `loadDataDir` opens again (test snapshots). */
  dumpDataDir?(): Promise<Blob>;
}

export interface PostgresOptions {
  poolSize?: number;
  /** How long a request waits for a pool connection before a 503 (pg's connectionTimeoutMillis). */
  connectionTimeoutMs?: number;
  /** Requests allowed to wait for a connection; beyond, refused at once (load shedding). */
  maxWaiting?: number;
  /** Server-side idle_in_transaction_session_timeout, so that a stuck transaction cannot hold a connection for ever. */
  idleInTransactionTimeoutMs?: number;
}

export interface PgliteOptions {
  /** Operations queued in front of the single connection; beyond, refused at once (load shedding). */
  maxQueue?: number;
  /** fsync on: the gate flushes the write-ahead log before each answer (PGlite starts with `-F`, and its own fsync is a no-op). */
  fsync?: boolean;
  /** Operations (reads too) are refused while the data directory's file system has less free space than this. */
  minFreeBytes?: number;
}

export type DatabaseTarget =
  | ({ kind: "postgresql"; url: string } & PostgresOptions)
  | ({ kind: "pglite"; dataDir: string | "memory"; /** A data directory tarball to open in memory (test snapshots). */ loadDataDir?: Blob } & PgliteOptions);

export async function openDatabase(target: DatabaseTarget, logger?: Logger): Promise<Database> {
  return target.kind === "postgresql" ? openPostgres(target, logger) : openPglite(target, logger);
}

/**
 * Counts the SQL statements Prisma sends, except those on the API key table: authenticating a
 * request costs zero, one or two statements depending on the key cache's age and on whether
 * `lastUsedAt` is due (identity/key-cache.ts, identity/api-keys.ts), which is time, not data. The
 * counter measures how a request's data loading grows, so it leaves the credential out.
 */
function withCounter(prisma: PrismaClient): { count: () => number; add: () => void } {
  let count = 0;
  prisma.$on("query" as never, (event: { query?: string }) => {
    if (!/"ApiKey"/.test(event.query ?? "")) count += 1;
  });
  return { count: () => count, add: () => void (count += 1) };
}

const PRISMA_OPTIONS = { log: [{ emit: "event" as const, level: "query" as const }] };

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(`[database-unavailable] ${what} did not answer within ${ms} ms`, "timeout")), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A pg Pool that refuses at once, instead of queueing without bound, when every connection is
 * busy and `maxWaiting` requests already wait: under overload, reads and authentications are shed
 * quickly (503) rather than piling up for seconds.
 */
class BoundedPool extends pg.Pool {
  lastProgressAt = Date.now();
  constructor(
    config: pg.PoolConfig,
    readonly maxWaiting: number,
  ) {
    super(config);
  }
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | void {
    if (this.idleCount === 0 && this.totalCount >= (this.options.max ?? 10) && this.waitingCount >= this.maxWaiting) {
      const error = new DatabaseUnavailableError(
        `[database-unavailable] all ${this.totalCount} database connections are busy and ${this.waitingCount} requests already wait`,
        "overloaded",
        1,
      );
      if (callback) {
        process.nextTick(() => callback(error, undefined, () => undefined));
        return;
      }
      return Promise.reject(error);
    }
    if (callback) return super.connect((err, client, done) => callback(err, client, done));
    return super.connect();
  }
}

async function openPostgres(target: { url: string } & PostgresOptions, logger?: Logger): Promise<Database> {
  const max = target.poolSize ?? 10;
  const connectionTimeoutMs = target.connectionTimeoutMs ?? 5_000;
  const idleInTx = target.idleInTransactionTimeoutMs ?? 60_000;
  const pool = new BoundedPool(
    {
      connectionString: target.url,
      max,
      connectionTimeoutMillis: connectionTimeoutMs,
      // A transaction left open by a client that vanished is ended by the server (SQLSTATE 25P03);
      // the healing adapter then destroys the connection instead of returning it.
      ...(idleInTx > 0 && { options: `-c idle_in_transaction_session_timeout=${idleInTx}` }),
      // Half-open TCP connections (a server that vanished without a FIN) are noticed.
      keepAlive: true,
    },
    target.maxWaiting ?? max * 10,
  );
  pool.on("error", (error) => logger?.warn("postgresql idle connection failed and was discarded", { error }));
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
  const prisma = new PrismaClient({ adapter: new HealingPrismaPg(pool, logger), ...PRISMA_OPTIONS });
  prisma.$on("query" as never, () => {
    pool.lastProgressAt = Date.now();
  });
  const counter = withCounter(prisma);
  return {
    kind: "postgresql",
    prisma,
    sql,
    statementCount: counter.count,
    read: async <T extends Record<string, unknown>>(text: string, params: unknown[]) => {
      counter.add();
      const rows = (await pool.query(text, params)).rows as T[];
      pool.lastProgressAt = Date.now();
      return rows;
    },
    ping: async (timeoutMs = connectionTimeoutMs) => {
      await withTimeout(pool.query("SELECT 1"), timeoutMs, "PostgreSQL");
      pool.lastProgressAt = Date.now();
    },
    health: () => ({ busy: pool.totalCount - pool.idleCount, waiting: pool.waitingCount, lastProgressAt: pool.lastProgressAt, refusing: null }),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Explains an error opening the PGlite data directory in words an operator can act on. */
async function checkDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create the data directory ${dataDir} (ABORDABLE_DATA_DIR): ${(error as Error).message}`, { cause: error });
  }
  try {
    await access(dataDir, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `The data directory ${dataDir} (ABORDABLE_DATA_DIR) is not writable by this process: the embedded database needs to write there. Fix its permissions or mount, or point ABORDABLE_DATA_DIR elsewhere.`,
    );
  }
}

async function openPglite(target: { dataDir: string; loadDataDir?: Blob } & PgliteOptions, logger?: Logger): Promise<Database> {
  const { dataDir } = target;
  if (dataDir !== "memory") await checkDataDir(dataDir);
  // PGlite's default start parameters include -F (fsync off): acknowledged writes survive a crash
  // of this process (the OS keeps the page cache) but not a crash of the machine. The operator may
  // choose fsync on (ABORDABLE_PGLITE_FSYNC), at the cost of a flush per commit. PGlite's file
  // system layer (Emscripten NODEFS) makes PostgreSQL's own fsync calls no-ops whatever the
  // setting (strace shows no fsync/fdatasync at all), so the gate flushes itself (PgliteGate.flush).
  const startParams = target.fsync ? PGlite.defaultStartParams.filter((p) => p !== "-F") : undefined;
  const inner =
    dataDir === "memory"
      ? await PGlite.create({ ...(startParams ? { startParams } : {}), ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}) })
      : await PGlite.create(dataDir, startParams ? { startParams } : {});
  const sql: SqlSession = {
    exec: async (text) => {
      await inner.exec(text);
    },
    query: async <T extends Record<string, unknown>>(text: string, params?: unknown[]) => (await inner.query<T>(text, params)).rows,
  };
  const applied = await migrate(sql, { advisoryLock: false });
  if (applied.length > 0) logger?.info("migrations applied", { database: "pglite", dataDir, applied });

  const gate = new PgliteGate(inner, dataDir, target.maxQueue ?? 64, target.minFreeBytes ?? 64 * 1024 * 1024, target.fsync === true && dataDir !== "memory");
  if (target.fsync && dataDir !== "memory") await gate.flush();
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(gate.guarded()), ...PRISMA_OPTIONS });
  const counter = withCounter(prisma);
  return {
    kind: "pglite",
    prisma,
    sql,
    statementCount: counter.count,
    read: async <T extends Record<string, unknown>>(text: string, params: unknown[]) => {
      counter.add();
      return (await gate.run(() => inner.query<T>(text, params))).rows;
    },
    ping: async (timeoutMs = 5_000) => {
      const refusing = gate.refusing();
      if (refusing) throw new DatabaseUnavailableError(`[database-unavailable] ${refusing}`, "disk-full", 30);
      await withTimeout(
        gate.run(() => inner.query("SELECT 1")),
        timeoutMs,
        "PGlite",
      );
    },
    health: () => gate.health(),
    close: async () => {
      await prisma.$disconnect();
      await inner.close();
    },
    dumpDataDir: () => inner.dumpDataDir("none"),
  };
}

/**
 * The bounded queue and free-space guard in front of PGlite's single connection. Only operations
 * started on the instance itself pass the gate; statements inside a transaction use the
 * transaction's handle and are never refused half-way.
 */
class PgliteGate {
  private pending = 0;
  private lastProgressAt = Date.now();
  private checkedAt = 0;
  private low: string | null = null;
  /** WAL segment name → modification time it was last flushed at. */
  private readonly flushed = new Map<string, number>();
  private controlFlushedAt = -1;
  constructor(
    private readonly db: PGlite,
    private readonly dataDir: string,
    private readonly maxQueue: number,
    private readonly minFreeBytes: number,
    private readonly fsync = false,
  ) {}

  /**
   * fsync on: makes what PGlite wrote durable before the operation is answered, since PGlite's
   * own fsync calls do nothing. Every write-ahead-log segment changed since the last flush is
   * fdatasync'ed (and pg_wal itself when segments appeared), so a committed transaction is on the
   * disk before its response. When pg_control changed (a checkpoint: PostgreSQL now relies on the
   * data files and may recycle old WAL), the whole file system is synced (`sync -f`). Left open:
   * a machine crash in the instant between a checkpoint and that sync.
   */
  async flush(): Promise<void> {
    const walDir = path.join(this.dataDir, "pg_wal");
    const names = (await readdir(walDir)).filter((n) => /^[0-9A-F]{24}$/.test(n));
    let appeared = false;
    for (const name of names) {
      const file = path.join(walDir, name);
      const { mtimeMs } = await stat(file);
      if (this.flushed.get(name) === mtimeMs) continue;
      if (!this.flushed.has(name)) appeared = true;
      const handle = await open(file, "r");
      try {
        await handle.datasync();
      } finally {
        await handle.close();
      }
      this.flushed.set(name, mtimeMs);
    }
    for (const name of this.flushed.keys()) if (!names.includes(name)) this.flushed.delete(name);
    if (appeared) {
      const dir = await open(walDir, "r");
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    }
    const { mtimeMs } = await stat(path.join(this.dataDir, "global", "pg_control"));
    if (mtimeMs !== this.controlFlushedAt) {
      await promisify(execFile)("sync", ["-f", this.dataDir]);
      this.controlFlushedAt = mtimeMs;
    }
  }

  /** Why writes are refused now (too little free space), or null. Checked at most every 250 ms. */
  refusing(): string | null {
    if (this.dataDir === "memory" || this.minFreeBytes <= 0) return null;
    const now = Date.now();
    if (now - this.checkedAt > 250) {
      this.checkedAt = now;
      try {
        const s = statfsSync(this.dataDir);
        const free = Number(s.bavail) * Number(s.bsize);
        this.low =
          free < this.minFreeBytes
            ? `the disk of the embedded database is full: ${Math.floor(free / 1048576)} MB free in ${this.dataDir}, at least ${Math.floor(this.minFreeBytes / 1048576)} MB needed (ABORDABLE_PGLITE_MIN_FREE_MB); nothing was applied`
            : null;
      } catch {
        this.low = null;
      }
    }
    return this.low;
  }

  async run<T>(op: () => Promise<T>): Promise<T> {
    const refusing = this.refusing();
    if (refusing) throw new DatabaseUnavailableError(`[database-unavailable] ${refusing}`, "disk-full", 30);
    if (this.pending >= this.maxQueue) {
      throw new DatabaseUnavailableError(
        `[database-unavailable] the embedded database has ${this.pending} operations queued (limit ${this.maxQueue}); retry shortly`,
        "overloaded",
        1,
      );
    }
    this.pending += 1;
    try {
      const result = await op();
      if (this.fsync) await this.flush();
      return result;
    } finally {
      this.pending -= 1;
      this.lastProgressAt = Date.now();
    }
  }

  health(): DatabaseHealth {
    return { busy: Math.min(1, this.pending), waiting: Math.max(0, this.pending - 1), lastProgressAt: this.lastProgressAt, refusing: this.refusing() };
  }

  /** The PGlite instance as the Prisma adapter sees it, with query/exec/transaction through the gate. */
  guarded(): PGlite {
    const run = <T>(op: () => Promise<T>) => this.run(op);
    return new Proxy(this.db, {
      get(targetDb, prop, receiver) {
        if (prop === "query" || prop === "exec" || prop === "transaction") {
          const fn = Reflect.get(targetDb, prop, receiver) as (...args: unknown[]) => Promise<unknown>;
          return (...args: unknown[]) => run(() => fn.apply(targetDb, args));
        }
        const value = Reflect.get(targetDb, prop, receiver) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(targetDb) : value;
      },
    });
  }
}
