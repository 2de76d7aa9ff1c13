/** The allocation engine's parameters (group `allocation-extra` of `parameters/*.json`). */
import { parametersOfGroup } from "./index.js";

export const ALLOCATION_EXTRA_PARAMETERS = parametersOfGroup("allocation-extra");
