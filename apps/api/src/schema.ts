/** Assembles the schema: each capability registers its types on the one builder. */
import { lexicographicSortSchema, type GraphQLSchema } from "graphql";
import { builder } from "./builder.js";
import { describeRelayTypes } from "./describe-relay.js";
import { applyPersonalDataMasks } from "../access/personal-data.js";
import "./scalars.js";
import "./enums.js";
import "./law.js";
import "./viewer.js";
import "../organisations/organisation.js";
import "../portfolio/municipality.js";
import "../portfolio/dwelling.js";
import "../portfolio/accommodation-unit.js";
import "../conventions/convention.js";
import "../conventions/project.js";
import "../register/household.js";
import "../register/candidate.js";
import "../tenancy/lease.js";

let schema: GraphQLSchema | undefined;

export function buildSchema(): GraphQLSchema {
  schema ??= applyPersonalDataMasks(describeRelayTypes(lexicographicSortSchema(builder.toSchema())));
  return schema;
}
import "../portfolio/mutations.js";
import "../access/api-key-schema.js";
import "../audit/schema.js";
import "../dashboards/ministry.js";
import "../compensation/schema.js";
import "../tenancy/schema.js";
import "../allocation/schema.js";
import "./error-codes.js";
import "../organisations/mutations.js";
import "../conventions/mutations.js";
import "../portfolio/mutations-facts.js";
import "../register/mutations.js";
import "../register/mutations-report.js";
import "../import/schema.js";
