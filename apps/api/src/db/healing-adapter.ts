/**
 * @prisma/adapter-pg with connections that heal.
 *
 * Prisma 6.19's transaction manager closes an interactive transaction by sending `COMMIT` or
 * `ROLLBACK` through the transaction and only then calling the adapter's `commit()`/`rollback()`,
 * which is where the pool client is released (`await executeRaw(ROLLBACK); await rollback()`).
 * When the backend died inside the transaction (server killed or restarted, pg_terminate_backend,
 * idle-in-transaction timeout) that statement fails, `rollback()` is never called, and the pool
 * client stays checked out for ever. After `poolSize` such deaths every request waits for good.
 *
 * The fix, as small as it can be: a transaction whose COMMIT or ROLLBACK fails releases its client
 * at once with the error (`client.release(err)`), which makes pg's pool destroy the connection
 * instead of reusing it; the later `commit()`/`rollback()`, if any, is then a no-op. A statement
 * of the transaction that fails on a broken connection is handled the same way by the ROLLBACK
 * that Prisma sends next. Reproduced and proved by test/resilience/pool-leak.resilience.test.ts.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import type { Logger } from "../logger.js";

type SqlQuery = { sql: string; args: unknown[]; argTypes: unknown[] };
interface Transaction {
  executeRaw(query: SqlQuery): Promise<number>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** The checked-out pool client (a property of the adapter's PgTransaction). */
  client?: pg.PoolClient;
  /** Removes the adapter's error listener from the client. */
  cleanup?: () => void;
}
interface Adapter {
  startTransaction(isolationLevel?: string): Promise<Transaction>;
}

const CLOSING = /^\s*(COMMIT|ROLLBACK)\s*$/i;

export class HealingPrismaPg extends PrismaPg {
  constructor(
    pool: pg.Pool,
    private readonly logger?: Logger,
  ) {
    super(pool);
  }

  override async connect(): ReturnType<PrismaPg["connect"]> {
    const adapter = await super.connect();
    const start = (adapter as unknown as Adapter).startTransaction.bind(adapter);
    const logger = this.logger;
    (adapter as unknown as Adapter).startTransaction = async (isolationLevel?: string) => {
      const tx = await start(isolationLevel);
      const client = tx.client;
      if (!client) return tx; // not the adapter shape this fix was written for: leave it alone
      let released = false;
      const release = (error?: Error) => {
        if (released) return;
        released = true;
        tx.cleanup?.();
        client.release(error);
      };
      const executeRaw = tx.executeRaw.bind(tx);
      tx.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (CLOSING.test(query.sql)) {
            logger?.warn("database connection failed while closing a transaction; destroyed instead of returned to the pool", {
              statement: query.sql.trim(),
              error,
            });
            release(error instanceof Error ? error : new Error(String(error)));
          }
          throw error;
        }
      };
      tx.commit = async () => release();
      tx.rollback = async () => release();
      return tx;
    };
    return adapter;
  }
}
