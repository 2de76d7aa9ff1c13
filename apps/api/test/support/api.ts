/**
 * A real API for tests: the HTTP server started in-process on a free port, over a real database
 * (PGlite in memory, or a fresh PostgreSQL database with ABORDABLE_TEST_DATABASE_URL) seeded with
 * the `small` scale, and one API key per role.
 */
import type { Role } from "../../src/generated/prisma/enums.js";
import type { Database } from "../../src/db/database.js";
import { createApp, type App } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { issueApiKey } from "../../src/identity/api-keys.js";
import { openTestDatabase } from "./database.js";

export const ORGS = {
  ministry: "Ministère du Logement et de l'Aménagement du territoire",
  esch: "Ville d'Esch-sur-Alzette",
  fonds: "Fonds du Logement",
  snhbm: "Société Nationale des Habitations à Bon Marché (SNHBM)",
  luxembourg: "Ville de Luxembourg",
} as const;

export type Caller = "admin" | "analyst" | "landlordA" | "landlordB" | "developer" | "anonymous";

const CALLERS: Record<Exclude<Caller, "anonymous">, { role: Role; org: string }> = {
  admin: { role: "MINISTRY_ADMIN", org: ORGS.ministry },
  analyst: { role: "MINISTRY_ANALYST", org: ORGS.ministry },
  landlordA: { role: "SOCIAL_LANDLORD", org: ORGS.esch },
  landlordB: { role: "SOCIAL_LANDLORD", org: ORGS.fonds },
  developer: { role: "SOCIAL_DEVELOPER", org: ORGS.snhbm },
};

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[] };
}

export interface TestApi {
  url: string;
  db: Database;
  app: App;
  keys: Record<Exclude<Caller, "anonymous">, string>;
  orgIds: Record<keyof typeof ORGS, string>;
  gql<T = Record<string, any>>(caller: Caller, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

export async function startTestApi(
  overrides: {
    rateLimitPerMinute?: number;
    authFailuresPerMinute?: number;
    maxQueryDepth?: number;
    maxBodyBytes?: number;
    bill8535EntryIntoForce?: string;
    annexIIReadingPeriod?: "ANNUAL" | "MONTHLY";
  } = {},
): Promise<TestApi> {
  // The small seed with its extensions, copied from the run's snapshot (test/support/global-setup.ts).
  const db = await openTestDatabase("small");
  const app = await createApp({
    db,
    logger: createLogger("error"),
    config: {
      host: "127.0.0.1",
      port: 0,
      graphiql: true,
      introspection: true,
      nodeEnv: "test",
      shutdownGraceMs: 1000,
      maxBodyBytes: overrides.maxBodyBytes ?? 1_048_576,
      maxQueryDepth: overrides.maxQueryDepth ?? 10,
      maxQueryCost: 20_000,
      rateLimitPerMinute: overrides.rateLimitPerMinute ?? 100_000,
      ...(overrides.authFailuresPerMinute !== undefined && { authFailuresPerMinute: overrides.authFailuresPerMinute }),
      bill8535EntryIntoForce: overrides.bill8535EntryIntoForce,
      annexIIReadingPeriod: overrides.annexIIReadingPeriod,
    },
  });
  const url = await app.listen();
  const orgIds = {} as Record<keyof typeof ORGS, string>;
  for (const [k, name] of Object.entries(ORGS)) orgIds[k as keyof typeof ORGS] = (await db.prisma.organisation.findUniqueOrThrow({ where: { name } })).id;
  const keys = {} as TestApi["keys"];
  for (const [caller, spec] of Object.entries(CALLERS)) {
    const org = await db.prisma.organisation.findUniqueOrThrow({ where: { name: spec.org } });
    keys[caller as keyof typeof CALLERS] = (await issueApiKey(db.prisma, { organisationId: org.id, role: spec.role, label: `test ${caller}` })).key;
  }
  const gql: TestApi["gql"] = async (caller, query, variables, headers = {}) => {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(caller !== "anonymous" && { authorization: `Bearer ${keys[caller]}` }),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResult["body"] } as GqlResult<any>;
  };
  return {
    url,
    db,
    app,
    keys,
    orgIds,
    gql,
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
