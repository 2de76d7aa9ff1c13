/**
 * The pool-leak reproduction (issue 15 §1): hold `POOL` transactions open, terminate their
 * backends with pg_terminate_backend, let the transactions go on (their next statement fails,
 * Prisma sends ROLLBACK on the dead connection), repeat. With Prisma 6.19's transaction manager
 * and the plain @prisma/adapter-pg, every round leaks its pool clients and the third round waits
 * for a connection for ever; with db/healing-adapter.ts the dead connections are destroyed and
 * the pool serves every round. Runs on a throwaway PostgreSQL cluster the test starts itself.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { openDatabase, type Database } from "../../src/db/database.js";
import { clusterUnavailable, startCluster, type Cluster } from "./support/cluster.js";

const POOL = 4;
const ROUNDS = 5;
const why = clusterUnavailable();

/** One round: POOL transactions held open, their backends terminated, then let go. Returns the errors the transactions ended with. */
async function round(prisma: PrismaClient, admin: pg.Client): Promise<unknown[]> {
  const pids: number[] = [];
  let letGo!: () => void;
  const hold = new Promise<void>((resolve) => (letGo = resolve));
  let started!: () => void;
  const allStarted = new Promise<void>((resolve) => (started = resolve));
  const txs = Array.from({ length: POOL }, () =>
    prisma
      .$transaction(
        async (tx) => {
          const rows = await tx.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid");
          pids.push(rows[0]!.pid);
          if (pids.length === POOL) started();
          await hold;
          await tx.$queryRawUnsafe("SELECT 1");
        },
        { maxWait: 10_000, timeout: 60_000 },
      )
      .then(
        () => null,
        (error: unknown) => error,
      ),
  );
  await allStarted;
  await admin.query("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid", [pids]);
  letGo();
  return Promise.all(txs);
}

describe.skipIf(why !== null)(`pool leak after backends die inside transactions${why ? ` (skipped: ${why})` : ""}`, () => {
  let cluster: Cluster;
  let admin: pg.Client;
  beforeAll(() => {
    cluster = startCluster();
    admin = new pg.Client({ connectionString: cluster.url });
    return admin.connect();
  });
  afterAll(async () => {
    await admin?.end().catch(() => undefined);
    cluster?.destroy();
  });

  it("upstream @prisma/adapter-pg 6.19 alone leaks every client whose backend died (why db/healing-adapter.ts exists)", async () => {
    // When this fails, Prisma fixed the leak and the healing adapter can go.
    const pool = new pg.Pool({ connectionString: cluster.url, max: POOL, connectionTimeoutMillis: 2_000 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      const errors = await round(prisma, admin);
      expect(errors.every((e) => e !== null)).toBe(true);
      console.log(
        `[pool leak] plain @prisma/adapter-pg, 1 round: ${POOL} transactions whose backends were terminated, ${errors.filter((e) => e !== null).length} refused, ${pool.totalCount - pool.idleCount} of ${POOL} connections leaked (checked out for ever)`,
      );
      expect({ total: pool.totalCount, idle: pool.idleCount }).toEqual({ total: POOL, idle: 0 });
      await expect(pool.query("SELECT 1")).rejects.toThrow(/timeout exceeded when trying to connect/);
    } finally {
      await prisma.$disconnect().catch(() => undefined);
    }
  });

  it(`the API's pool destroys the dead connections and serves after ${ROUNDS} rounds`, async () => {
    const db: Database = await openDatabase({ kind: "postgresql", url: cluster.url, poolSize: POOL, connectionTimeoutMs: 2_000 });
    const seen = { transactions: 0, refused: 0, leakedAfterRound: 0, servedAfterRound: 0 };
    try {
      for (let r = 1; r <= ROUNDS; r++) {
        const errors = await round(db.prisma, admin);
        // Every transaction was refused (its connection died), and nothing is left checked out.
        seen.transactions += errors.length;
        seen.refused += errors.filter((e) => e !== null).length;
        seen.leakedAfterRound = Math.max(seen.leakedAfterRound, db.health().busy);
        expect(
          errors.filter((e) => e === null),
          `round ${r}`,
        ).toEqual([]);
        expect(db.health().busy, `round ${r}: connections still checked out`).toBe(0);
        // The pool serves again: a plain query, a transaction, and the readiness probe.
        await expect(db.prisma.$queryRawUnsafe<{ one: number }[]>("SELECT 1 AS one")).resolves.toEqual([{ one: 1 }]);
        await expect(db.prisma.$transaction(async (tx) => tx.$queryRawUnsafe<{ two: number }[]>("SELECT 2 AS two"))).resolves.toEqual([{ two: 2 }]);
        await expect(db.ping()).resolves.toBeUndefined();
        seen.servedAfterRound += 1;
      }
      console.log(
        `[pool leak] healing adapter, ${ROUNDS} rounds: ${seen.transactions} transactions whose backends were terminated, ${seen.refused} refused, at most ${seen.leakedAfterRound} connections leaked after a round, pool served after ${seen.servedAfterRound} of ${ROUNDS} rounds`,
      );
    } finally {
      await db.close();
    }
  });
});
