/** Every parameter of the store, as statically imported TS data (no I/O at runtime). */
import type { ParameterDefinition } from "../types.js";
import { ALLOCATION_EXTRA_PARAMETERS } from "./allocation-extra.js";
import { ALLOCATION_TENANCY_PARAMETERS } from "./allocation-tenancy.js";
import { COMPENSATION_PARAMETERS } from "./compensation.js";
import { COMPENSATION_EXTRA_PARAMETERS } from "./compensation-extra.js";
import { ELIGIBILITY_RENT_PARAMETERS } from "./eligibility-rent.js";
import { FINANCING_PARAMETERS } from "./financing.js";
import { TENANCY_EXTRA_PARAMETERS } from "./tenancy-extra.js";
import { REGISTER_PARAMETERS } from "./register.js";

export const ALL_PARAMETER_DEFINITIONS: readonly ParameterDefinition[] = [
  ...COMPENSATION_PARAMETERS,
  ...COMPENSATION_EXTRA_PARAMETERS,
  ...FINANCING_PARAMETERS,
  ...ELIGIBILITY_RENT_PARAMETERS,
  ...ALLOCATION_TENANCY_PARAMETERS,
  ...ALLOCATION_EXTRA_PARAMETERS,
  ...TENANCY_EXTRA_PARAMETERS,
  ...REGISTER_PARAMETERS,
];
