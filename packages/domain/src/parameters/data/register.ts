/**
 * The national register (registre national des logements abordables, law art. 74) as the write
 * paths of the API keep it: how often a candidate's allocation criteria must be revised.
 */
import type { ParameterDefinition } from "../types.js";
import { CHECKED, from, law, LAW_IN_FORCE } from "./builders.js";

export const REGISTER_PARAMETERS: readonly ParameterDefinition[] = [
  {
    id: "register.criteriaRevision.intervalMonths",
    description: "A candidate's socio-economic allocation criteria are revised at least yearly: an evaluation older than this many months is out of date (the bill's derogation after two unjustified refusals, art. 57 §3 al. 2, is applied by the allocation engine)",
    frenchTerm: "révisés par le bailleur social au moins annuellement pour chaque candidat-locataire",
    unit: "MONTHS",
    law: [from(LAW_IN_FORCE, "12", law("57", { paragraph: "3", quote: "sont révisés par le bailleur social au moins annuellement pour chaque candidat-locataire" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
];
