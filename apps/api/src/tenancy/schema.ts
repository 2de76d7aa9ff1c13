/**
 * Entry of the tenancy capability (issue 6): the public rent what-if, the fields added to Lease,
 * the deadlines query and the tenancy mutations. Imported once from src/schema.ts.
 */
import "./common.js";
import "./rent.js";
import "./types.js";
import "./deadline-type.js";
import "./lease-fields.js";
import "./deadlines.js";
import "./under-occupancy.js";
import "./mutations-lease.js";
import "./mutations-deposit.js";
import "./mutations-rehousing.js";
import "./mutations-facts.js";
import "./mutations-transfer.js";
