/**
 * Writes the schema as SDL to apps/api/schema.graphql: committed (so reviews show schema changes)
 * and read by the SDK's codegen. `test/schema.test.ts` fails when the committed file is stale.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { printSchema } from "graphql";
import { buildSchema } from "./index.js";

export const SCHEMA_FILE = fileURLToPath(new URL("../../schema.graphql", import.meta.url));

export function schemaSdl(): string {
  return `${printSchema(buildSchema())}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(SCHEMA_FILE, schemaSdl());
  process.stdout.write(`schema written to ${SCHEMA_FILE}\n`);
}
