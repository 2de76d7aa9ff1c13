/** `npm run build`'s last step: writes the assembled schema as SDL to apps/api/schema.graphql. */
import { writeFile } from "node:fs/promises";
import { SCHEMA_FILE, schemaSdl } from "./schema.js";

await writeFile(SCHEMA_FILE, schemaSdl());
process.stdout.write(`schema written to ${SCHEMA_FILE}\n`);
