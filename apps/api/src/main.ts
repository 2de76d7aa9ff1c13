/**
 * Starts the API: validates the configuration, opens the database (PGlite under the data
 * directory, or PostgreSQL with DATABASE_URL) and applies migrations, seeds an empty database,
 * serves HTTP, and shuts down gracefully on SIGTERM/SIGINT.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { openDatabase } from "./db/database.js";
import { startWatchdog } from "./db/watchdog.js";
import { createApp } from "./app.js";
import { seedIfEmpty } from "./seed/index.js";
import { buildSchema } from "./schema.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee the configuration table in README.md.\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, { service: "abordable-api" });
  buildSchema(); // a schema error stops the start before the database is touched
  const db = await openDatabase(
    config.databaseUrl
      ? {
          kind: "postgresql",
          url: config.databaseUrl,
          poolSize: config.databasePoolSize,
          connectionTimeoutMs: config.databaseConnectionTimeoutMs,
          maxWaiting: config.databaseMaxWaiting,
          idleInTransactionTimeoutMs: config.databaseIdleInTransactionTimeoutMs,
        }
      : {
          kind: "pglite",
          dataDir: config.dataDir,
          maxQueue: config.pgliteMaxQueue,
          fsync: config.pgliteFsync,
          minFreeBytes: config.pgliteMinFreeMb * 1024 * 1024,
        },
    logger,
  );
  logger.info("database open", { database: db.kind, ...(db.kind === "pglite" && { dataDir: config.dataDir, fsync: config.pgliteFsync }) });
  const stopWatchdog = startWatchdog(config.watchdogMs, db.kind === "pglite" ? config.dataDir : "the API process");

  if (config.seedOnEmpty !== "none") {
    const started = Date.now();
    const seeded = await seedIfEmpty(db.prisma, config.seedOnEmpty);
    if (seeded) {
      logger.info("empty database seeded", { scale: config.seedOnEmpty, ms: Date.now() - started, counts: seeded.counts });
      const file = path.join(config.dataDir, "demo-api-keys.txt");
      const lines = seeded.demoKeys.map((k) => `${k.role.padEnd(17)} ${k.organisation}\n  Authorization: Bearer ${k.key}`);
      // The keys exist only in this message and this file: its directory is created if missing,
      // and a file that cannot be written is said loudly (the keys are still printed below).
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, `# Demo API keys issued by the seed (development data only)\n${lines.join("\n")}\n`, { mode: 0o600 });
      } catch (error) {
        logger.error("demo API keys could not be written to their file; copy them from the terminal", { file, error });
        process.stderr.write(`WARNING: could not write ${file}: ${(error as Error).message}\n`);
      }
      // stdout carries only JSON log lines; the keys are for the person at the terminal (stderr), never in the logs.
      logger.info("demo API keys issued", { keys: seeded.demoKeys.length, file });
      process.stderr.write(`\nDemo API keys (also in ${file}):\n${lines.join("\n")}\n\n`);
    }
  }

  const app = await createApp({ config, db, logger });
  const url = await app.listen();
  logger.info("listening", { url, graphiql: config.graphiql, database: db.kind });
  if (config.graphiql) process.stderr.write(`GraphiQL: open ${url} in a browser\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    await app.close();
    stopWatchdog();
    await db.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`abordable API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
