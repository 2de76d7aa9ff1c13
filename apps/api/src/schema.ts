/**
 * The schema, assembled at the top: each capability registers its types and fields on the one
 * builder (`schema/builder.ts`), and nothing below imports this file. `npm run build` writes it as
 * SDL to apps/api/schema.graphql (`emit-schema.ts`): committed, so reviews show schema changes, and
 * read by the SDK's codegen; `test/schema.test.ts` fails when the committed file is stale.
 */
import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { builder } from "./schema/builder.js";
import { describeRelayTypes } from "./schema/describe-relay.js";
import { applyPersonalDataMasks } from "./privacy/personal-data.js";
import "./schema/scalars.js";
import "./schema/enums.js";
import "./schema/law.js";
import "./organisations/index.js";
import "./portfolio/index.js";
import "./conventions/index.js";
import "./register/index.js";
import "./tenancy/types/lease.js";
import "./api-keys/index.js";
import "./audit/index.js";
import "./dashboards/index.js";
import "./compensation/index.js";
import "./tenancy/index.js";
import "./allocation/index.js";
import "./schema/error-codes.js";
import "./import/index.js";

let schema: GraphQLSchema | undefined;

export function buildSchema(): GraphQLSchema {
  schema ??= applyPersonalDataMasks(describeRelayTypes(lexicographicSortSchema(builder.toSchema())));
  return schema;
}

export const SCHEMA_FILE = fileURLToPath(new URL("../schema.graphql", import.meta.url));

export function schemaSdl(): string {
  return `${printSchema(buildSchema())}\n`;
}
