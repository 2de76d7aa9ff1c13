/** The API: the HTTP server (`http/server.ts`) with the assembled schema (`schema.ts`). */
import { buildSchema } from "./schema.js";
import { createHttpApp, type App, type AppConfig } from "./http/server.js";
import type { Database } from "./db/database.js";
import type { Logger } from "./logger.js";

export type { App, AppConfig };

export async function createApp(deps: { config: AppConfig; db: Database; logger: Logger }): Promise<App> {
  return createHttpApp({ ...deps, schema: buildSchema() });
}
