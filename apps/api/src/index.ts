/**
 * @abordable/api as a library: what the SDK's tests and the benchmarks need to start a real API
 * in-process on a real database.
 */
export { createApp, type App } from "./app.js";
export { openDatabase, type Database, type DatabaseTarget } from "./db/database.js";
export { loadConfig, type Config } from "./config.js";
export { createLogger, type Logger } from "./logger.js";
export { generateSeed, SCALES } from "./seed/generate.js";
export { writeSeed } from "./seed/write.js";
export { seedIfEmpty } from "./seed/index.js";
export { issueApiKey } from "./identity/api-keys.js";
export { SCHEMA_FILE } from "./schema.js";
// For the benchmark (apps/api/bench), which imports the API as a package, from outside src/.
export type { SqlSession } from "./db/migrate.js";
export type { PrismaClient } from "./generated/prisma/client.js";
export { loadLandlordStatementInput } from "./compensation/adapters/inputs.js";
