/** Entry module of the allocation capability: registers its types, queries and mutations on the builder. */
import "./enums.js";
import "./types.js";
import "./queries.js";
import "./eligibility.js";
import "./file-mutations.js";
import "./commission-mutations.js";
import "./methodology-mutations.js";
