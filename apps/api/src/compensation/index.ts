/** The compensation capability's GraphQL surface (law art. 13, 40-41; bill annex IV): statements, issuing, public calculators. */
import "./types/enums.js";
import "./types/trace.js";
import "./types/statement.js";
import "./queries/statements.js";
import "./mutations/issue-statement.js";
import "./queries/calculators.js";
import "./queries/ceilings.js";
import "../indices/schema.js";
