/** The compensation capability's GraphQL surface (law art. 13, 40-41; bill annex IV): statements, issuing, public calculators. */
import "./enums.js";
import "./trace.js";
import "./statement-type.js";
import "./queries.js";
import "./mutations.js";
import "./calculators.js";
import "./ceilings.js";
import "../indices/schema.js";
