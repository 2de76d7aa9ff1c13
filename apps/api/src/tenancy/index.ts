/**
 * Entry of the tenancy capability (issue 6): the public rent what-if, the fields added to Lease,
 * the deadlines query and the tenancy mutations. Imported once from src/schema.ts.
 */
import "./adapters/common.js";
import "./types/rent.js";
import "./queries/rent.js";
import "./types/enums.js";
import "./types/records.js";
import "./types/results.js";
import "./types/deadline.js";
import "./types/lease-fields.js";
import "./queries/deadlines.js";
import "./types/under-occupancy.js";
import "./mutations/sign-lease.js";
import "./mutations/revise-rent.js";
import "./mutations/terminate-lease.js";
import "./mutations/deposit.js";
import "./mutations/rehousing.js";
import "./mutations/facts.js";
import "./mutations/transfer.js";
