/**
 * Configuration from the environment, validated once at start. Every bad value is reported
 * with the variable's name and what it should be, all at once, and the process refuses to start.
 * The README's configuration table lists the same variables.
 */
import path from "node:path";
import { OPERATOR_READINGS, type ReadingChoices, type ReadingDefinition, type ReadingName } from "@abordable/domain";

export type SeedScale = "small" | "medium" | "large";
export type LogLevel = "debug" | "info" | "warn" | "error";
export type AnnexIIReadingPeriod = "ANNUAL" | "MONTHLY";

export interface Config {
  readonly nodeEnv: "development" | "production" | "test";
  readonly host: string;
  readonly port: number;
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  /** Directory of the embedded PGlite database. */
  readonly dataDir: string;
  /** Scale of the seed applied when the database is empty at start; `none` applies none. */
  readonly seedOnEmpty: SeedScale | "none";
  readonly logLevel: LogLevel;
  readonly graphiql: boolean;
  readonly introspection: boolean;
  readonly maxBodyBytes: number;
  readonly maxQueryDepth: number;
  readonly maxQueryCost: number;
  readonly rateLimitPerMinute: number;
  /** Date from which bill 8535 applies, set by the operator (YYYY-MM-DD), or undefined while it is not in force. */
  readonly bill8535EntryIntoForce: string | undefined;
  /**
   * Reading of annex II (note annex-ii-annual-reading): ceilings compared with ANNUAL or MONTHLY
   * household income; undefined = the reading stored with the parameters (ANNUAL).
   */
  readonly annexIIReadingPeriod: AnnexIIReadingPeriod | undefined;
  readonly shutdownGraceMs: number;
  /**
   * How long a mutation's claim on its Idempotency-Key holds without being committed or answered
   * before a retry may take it over (the process that claimed it may have died).
   */
  readonly idempotencyLeaseMs: number;
  /** Proxies whose X-Forwarded-For is believed (proxy-addr syntax: IPs, CIDRs, loopback, linklocal, uniquelocal); empty = none. */
  readonly trustedProxies: string[];
  /** Failed authentications allowed per minute per address and per presented credential. */
  readonly authFailuresPerMinute: number;
  /** Most rate-limit buckets kept in memory (PGlite deployments); the least recently used is evicted beyond. */
  readonly rateLimitMaxBuckets: number;
  /** PostgreSQL: how long a request waits for a pool connection before a 503 with Retry-After. */
  readonly databaseConnectionTimeoutMs: number;
  /** PostgreSQL: requests allowed to wait for a pool connection; beyond, refused at once with 503. */
  readonly databaseMaxWaiting: number;
  /** PostgreSQL: the server ends a transaction idle for longer (idle_in_transaction_session_timeout); 0 = off. */
  readonly databaseIdleInTransactionTimeoutMs: number;
  /** PGlite: operations queued in front of its single connection; beyond, refused at once with 503. */
  readonly pgliteMaxQueue: number;
  /** PGlite: flush the write-ahead log to the disk before each answer (default off; PGlite's own fsync is a no-op). */
  readonly pgliteFsync: boolean;
  /** PGlite: requests that need the database refused (503) while the data directory's disk has less free space (MB). */
  readonly pgliteMinFreeMb: number;
  /** /healthz fails when requests have waited for the database this long with no query finishing (a wedged pool). */
  readonly livenessStallMs: number;
  /** A watchdog thread kills the process when its event loop has been blocked this long (0 = off). */
  readonly watchdogMs: number;
  /**
   * Operator readings of the legal texts (issue 17; README configuration table), each named in every
   * statement, eligibility answer and decision record; undefined = the domain's documented default.
   */
  readonly readings: LegalReadings;
}

/** The operator's readings: the law kernel's registry (`OPERATOR_READINGS`, packages/domain/src/law/readings.ts) names each setting, its values and default. */
export type LegalReadings = ReadingChoices;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === "" ? undefined : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name}="${raw}" must be a whole number between ${min} and ${max}`);
      return fallback;
    }
    return Number(raw);
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (["true", "1", "yes"].includes(raw.toLowerCase())) return true;
    if (["false", "0", "no"].includes(raw.toLowerCase())) return false;
    problems.push(`${name}="${raw}" must be true or false`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name}="${raw}" must be one of ${allowed.join(", ")}`);
      return fallback;
    }
    return raw as T;
  };

  const nodeEnv = oneOf("NODE_ENV", ["development", "production", "test"] as const, "development");
  const production = nodeEnv === "production";

  const databaseUrl = read("DATABASE_URL");
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    problems.push(`DATABASE_URL must be a postgresql:// connection string (leave it unset for the embedded database)`);
  }

  const bill = read("ABORDABLE_BILL_8535_ENTRY_INTO_FORCE");
  if (bill !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(bill) || Number.isNaN(Date.parse(`${bill}T00:00:00Z`)))) {
    problems.push(`ABORDABLE_BILL_8535_ENTRY_INTO_FORCE="${bill}" must be a date YYYY-MM-DD`);
  }

  const reading = read("ABORDABLE_ANNEX_II_READING_PERIOD");
  // MONTHLY was removed: compared with a month's income the annex II ceilings (annual amounts) are vacuous
  // (45,846 EUR a month for one adult); the variable stays accepted with ANNUAL, the only reading.
  if (reading === "MONTHLY")
    problems.push(
      `ABORDABLE_ANNEX_II_READING_PERIOD="MONTHLY" is no longer accepted: it made the annex II ceiling vacuous (45,846 EUR a month, so 500,000 EUR a year was eligible); ANNUAL is the only reading (unset it or set ANNUAL)`,
    );
  else if (reading !== undefined && reading !== "ANNUAL") problems.push(`ABORDABLE_ANNEX_II_READING_PERIOD="${reading}" must be ANNUAL (or unset)`);
  // The named readings: one registry in the law kernel (OPERATOR_READINGS), each with its setting, values and default.
  const readings: { -readonly [N in ReadingName]?: ReadingChoices[N] } = {};
  for (const def of Object.values(OPERATOR_READINGS) as ReadingDefinition[]) {
    const raw = read(def.setting);
    if (raw === undefined) continue;
    if (!(def.allowed as readonly string[]).includes(raw))
      problems.push(
        `${def.setting}="${raw}" must be one of ${def.allowed.join(", ")} (or unset for the default ${def.default}; ${def.article}, note ${def.note})`,
      );
    else (readings as Record<string, string>)[def.name] = raw;
  }

  const config: Config = {
    nodeEnv,
    host: read("HOST") ?? "127.0.0.1",
    port: int("PORT", 4000, 0, 65535),
    databaseUrl,
    databasePoolSize: int("DATABASE_POOL_SIZE", 10, 1, 200),
    dataDir: path.resolve(read("ABORDABLE_DATA_DIR") ?? ".data"),
    seedOnEmpty: oneOf("ABORDABLE_SEED", ["small", "medium", "large", "none"] as const, production ? "none" : "small"),
    logLevel: oneOf("LOG_LEVEL", ["debug", "info", "warn", "error"] as const, nodeEnv === "test" ? "warn" : "info"),
    graphiql: bool("ABORDABLE_GRAPHIQL", !production),
    introspection: bool("ABORDABLE_INTROSPECTION", !production),
    maxBodyBytes: int("ABORDABLE_MAX_BODY_BYTES", 1_048_576, 1_024, 104_857_600),
    maxQueryDepth: int("ABORDABLE_MAX_QUERY_DEPTH", 10, 2, 100),
    maxQueryCost: int("ABORDABLE_MAX_QUERY_COST", 20_000, 10, 10_000_000),
    rateLimitPerMinute: int("ABORDABLE_RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000),
    bill8535EntryIntoForce: bill,
    annexIIReadingPeriod: reading === "ANNUAL" ? reading : undefined,
    shutdownGraceMs: int("ABORDABLE_SHUTDOWN_GRACE_MS", 10_000, 0, 600_000),
    idempotencyLeaseMs: int("ABORDABLE_IDEMPOTENCY_LEASE_MS", 30_000, 1_000, 3_600_000),
    trustedProxies: trustedProxies(read("ABORDABLE_TRUSTED_PROXIES"), problems),
    authFailuresPerMinute: int("ABORDABLE_AUTH_FAILURES_PER_MINUTE", 30, 1, 1_000_000),
    rateLimitMaxBuckets: int("ABORDABLE_RATE_LIMIT_MAX_BUCKETS", 100_000, 100, 10_000_000),
    databaseConnectionTimeoutMs: int("DATABASE_CONNECTION_TIMEOUT_MS", 5_000, 100, 600_000),
    databaseMaxWaiting: int("DATABASE_MAX_WAITING", 100, 0, 100_000),
    databaseIdleInTransactionTimeoutMs: int("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 60_000, 0, 86_400_000),
    pgliteMaxQueue: int("ABORDABLE_PGLITE_MAX_QUEUE", 64, 1, 100_000),
    pgliteFsync: bool("ABORDABLE_PGLITE_FSYNC", false),
    pgliteMinFreeMb: int("ABORDABLE_PGLITE_MIN_FREE_MB", 64, 0, 1_000_000),
    livenessStallMs: int("ABORDABLE_LIVENESS_STALL_MS", 60_000, 1_000, 3_600_000),
    watchdogMs: int("ABORDABLE_WATCHDOG_MS", 60_000, 0, 3_600_000),
    readings,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** ABORDABLE_TRUSTED_PROXIES: comma-separated addresses, CIDR ranges or proxy-addr names. */
function trustedProxies(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined) return [];
  const items = raw
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  const named = new Set(["loopback", "linklocal", "uniquelocal"]);
  for (const item of items) {
    if (!named.has(item) && !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(item))
      problems.push(`ABORDABLE_TRUSTED_PROXIES entry "${item}" must be an IP address, a CIDR range, or loopback / linklocal / uniquelocal`);
  }
  return items;
}
