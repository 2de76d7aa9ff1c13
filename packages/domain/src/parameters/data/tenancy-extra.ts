/**
 * Tenancy figures the tenancy engine (src/tenancy) needs and the other data modules do not hold:
 * under-occupancy (art. 66; bill art. 31 → art. 54 §2 al. 3, bill art. 39), the yearly revision
 * (art. 62 §1) and the death of an employee tenant (art. 70 al. 3). docs/rules.md §5, §7.
 */
import type { ParameterDefinition } from "../types.js";
import { atEntryIntoForce, bill, CHECKED, from, law, LAW_IN_FORCE } from "./builders.js";

export const TENANCY_EXTRA_PARAMETERS: readonly ParameterDefinition[] = [
  {
    id: "tenancy.underOccupancy.extraBedrooms",
    description:
      "A dwelling is under-occupied from this many bedrooms more than the household's members (bill: members or couples, a couple counting once)",
    frenchTerm: "logement comportant une chambre à coucher supplémentaire au nombre de membres (projet : ou de couple)",
    unit: "COUNT",
    law: [from(LAW_IN_FORCE, "1", law("66", { quote: "un logement comportant une chambre à coucher supplémentaire au nombre de membres de la communauté domestique" }))],
    bill: atEntryIntoForce("1", bill("39", { amends: { article: "66" }, quote: "les mots « ou de couple » sont insérés entre les mots « au nombre de membres » et « de la communauté »" })),
    lastChecked: CHECKED,
  },
  {
    id: "tenancy.underOccupancy.seniorMedicalExtraBedrooms",
    description: "Seniors' dedicated dwellings may have this many extra bedrooms for duly justified medical reasons",
    frenchTerm: "peut comporter une chambre à coucher supplémentaire … pour des raisons médicales dûment justifiées",
    unit: "COUNT",
    law: [],
    bill: atEntryIntoForce(
      "1",
      bill("31", {
        point: "2° b)",
        amends: { article: "54", paragraph: "2", alinea: "3" },
        quote: "un logement dédié aux personnes âgées de soixante ans ou plus peut comporter une chambre à coucher supplémentaire au nombre de membres ou de couple",
      }),
    ),
    lastChecked: CHECKED,
  },
  {
    id: "rent.revision.intervalMonths",
    description: "The affordable rent is revised yearly: this many months after the previous yearly revision (or the rent set at allocation)",
    frenchTerm: "le loyer du logement abordable est révisé annuellement",
    unit: "MONTHS",
    law: [from(LAW_IN_FORCE, "12", law("62", { paragraph: "1", alinea: "1", quote: "Le loyer du logement abordable est révisé annuellement par le bailleur social" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.revision.afterFlatRentInfoMonths",
    description: "Flat rent applied, then the tenant provides the information: the landlord revises the rent within this period of receiving it complete",
    frenchTerm: "procède à la révision du loyer dans le mois de la réception des informations complètes",
    unit: "MONTHS",
    law: [from(LAW_IN_FORCE, "1", law("62", { paragraph: "1", alinea: "4", quote: "procède à la révision du loyer dans le mois de la réception des informations complètes" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "tenancy.death.employeeDwellingLeaseEndMonths",
    description: "Death of the tenant of an employees' dedicated dwelling: the lease ends this long after the death, whoever the successors",
    frenchTerm: "logement dédié aux salariés : résilié … à l'expiration d'un délai de douze mois à compter du décès",
    unit: "MONTHS",
    law: [from(LAW_IN_FORCE, "12", law("70", { alinea: "3", quote: "le bail abordable est résilié … à l'expiration d'un délai de douze mois à compter du décès" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
];
