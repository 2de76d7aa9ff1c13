/**
 * An API on an empty database (migrated, no seed), as a new deployment starts: `abordable
 * bootstrap` gives the municipalities, the ministry and its first administrator key; everything
 * else goes through GraphQL with the keys the test issues.
 */
import { expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import { createApp, type App } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { bootstrap } from "../../src/organisations/adapters/bootstrap.js";
import { openTestDatabase } from "./database.js";

export interface EmptyApi {
  db: Database;
  app: App;
  url: string;
  /** The first ministry administrator key, from bootstrap. */
  adminKey: string;
  /** Sends a GraphQL request with this key; expects no GraphQL error and returns the data. */
  gql(key: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  close(): Promise<void>;
}

export async function startEmptyApi(opts: { maxBodyBytes?: number } = {}): Promise<EmptyApi> {
  const db = await openTestDatabase("migrated");
  expect(await db.prisma.organisation.count()).toBe(0);
  const adminKey = (await bootstrap(db.prisma, "Ministère du Logement")).key!;
  const app = await createApp({
    db,
    logger: createLogger("error"),
    config: {
      host: "127.0.0.1",
      port: 0,
      graphiql: false,
      introspection: true,
      nodeEnv: "test",
      shutdownGraceMs: 1000,
      maxBodyBytes: opts.maxBodyBytes ?? 4_194_304,
      maxQueryDepth: 10,
      maxQueryCost: 20_000,
      rateLimitPerMinute: 100_000,
    },
  });
  const url = await app.listen();
  const gql = async (key: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  };
  return {
    db,
    app,
    url,
    adminKey,
    gql,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
