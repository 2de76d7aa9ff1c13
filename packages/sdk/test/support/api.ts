/**
 * A real API for the SDK's tests, through @abordable/api's library exports: the HTTP server
 * started in-process on a free port over a real database (PGlite in memory, or a fresh
 * PostgreSQL database when ABORDABLE_TEST_DATABASE_URL is set), seeded with the `small` scale and the capabilities' seed extensions,
 * with one API key per caller. Same approach as apps/api/test/support.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createApp, createLogger, issueApiKey, openDatabase, seedIfEmpty, type Database } from "@abordable/api";

export const ORGS = {
  ministry: "Ministère du Logement et de l'Aménagement du territoire",
  esch: "Ville d'Esch-sur-Alzette",
  fonds: "Fonds du Logement",
} as const;

const CALLERS = {
  admin: { role: "MINISTRY_ADMIN", org: ORGS.ministry },
  landlordA: { role: "SOCIAL_LANDLORD", org: ORGS.esch },
  landlordB: { role: "SOCIAL_LANDLORD", org: ORGS.fonds },
} as const;

export type Caller = keyof typeof CALLERS;

export interface TestApi {
  url: string;
  db: Database;
  keys: Record<Caller, string>;
  /** Global IDs of the organisations. */
  orgIds: Record<keyof typeof ORGS, string>;
  /** A raw POST, to compare the SDK with what is on the wire. */
  raw(
    caller: Caller,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.ABORDABLE_TEST_DATABASE_URL;
export const TEST_DATABASE_KIND = TEST_DATABASE_URL ? "postgresql" : "pglite";

async function openTestDatabase(): Promise<Database> {
  if (!TEST_DATABASE_URL) return openDatabase({ kind: "pglite", dataDir: "memory" });
  const url = new URL(TEST_DATABASE_URL);
  const name = `${url.pathname.slice(1)}_sdk_${randomBytes(4).toString("hex")}`;
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

export async function startTestApi(overrides: { rateLimitPerMinute?: number; bill8535EntryIntoForce?: string } = {}): Promise<TestApi> {
  const db = await openTestDatabase();
  // The core seed and the capabilities' extensions (allocation, tenancy: deposits, deadlines…), as on a first start.
  await seedIfEmpty(db.prisma, "small");
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
      maxBodyBytes: 1_048_576,
      maxQueryDepth: 10,
      maxQueryCost: 20_000,
      rateLimitPerMinute: overrides.rateLimitPerMinute ?? 100_000,
      bill8535EntryIntoForce: overrides.bill8535EntryIntoForce,
    },
  });
  const url = await app.listen();
  const orgIds = {} as TestApi["orgIds"];
  for (const [k, name] of Object.entries(ORGS))
    orgIds[k as keyof typeof ORGS] = gid("Organisation", (await db.prisma.organisation.findUniqueOrThrow({ where: { name } })).id);
  const keys = {} as TestApi["keys"];
  for (const [caller, spec] of Object.entries(CALLERS)) {
    const org = await db.prisma.organisation.findUniqueOrThrow({ where: { name: spec.org } });
    keys[caller as Caller] = (await issueApiKey(db.prisma, { organisationId: org.id, role: spec.role, label: `sdk test ${caller}` })).key;
  }
  return {
    url,
    db,
    keys,
    orgIds,
    raw: async (caller, query, variables, headers = {}) => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${keys[caller]}`, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, headers: res.headers, body: await res.json() };
    },
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** Global ID of a row, as the API encodes it. */
export function gid(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString("base64");
}
