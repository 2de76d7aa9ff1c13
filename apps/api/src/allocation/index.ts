/** Entry module of the allocation capability: registers its types, queries and mutations on the builder. */
import { onApplicationsChanged } from "../register/adapters/application-changes.js";
import { snapshotApplications } from "./adapters/snapshots.js";
import "./types/enums.js";
import "./types/allocation.js";
import "./queries/allocation.js";
import "./queries/eligibility.js";
import "./mutations/files.js";
import "./mutations/shortlist.js";
import "./mutations/offers.js";
import "./mutations/commissions.js";
import "./mutations/methodology.js";

// The register's changes reach the shortlist's snapshots through the register's own hook, so that register/ never imports allocation/.
onApplicationsChanged(snapshotApplications);
