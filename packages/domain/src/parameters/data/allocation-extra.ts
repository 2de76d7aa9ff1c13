/**
 * Allocation figures and regime switches the allocation engine (src/allocation) needs beyond
 * allocation-tenancy.ts: majority age, the undivided-share fraction, the bedroom-sharing figure,
 * under-occupancy (art. 66), the seniors' medical extra bedroom (bill art. 54 §2 al. 3), and the
 * textual rules the bill rewrites (coded as dated CODE parameters so that the switch happens at
 * the operator-set entry into force and every result cites the version used).
 */
import type { ParameterDefinition } from "../types.js";
import { atEntryIntoForce, bill, CHECKED, from, law, LAW_IN_FORCE, rgd2023 } from "./builders.js";

const RGD_2023 = "2023-10-13";
const code = (value: string, allowed: readonly string[]) => ({ kind: "code" as const, code: value, allowed });

const RESIDENCE = ["RESIDENCE_RIGHT", "NATIONALITY_RESIDENCE_PROTECTION_DIPLOMATIC"] as const;
const COUNTING = ["MEMBERS", "MEMBERS_OR_COUPLES"] as const;
const SHAPE = ["SENIORS_SINGLE_OR_COUPLE", "ALL_SINGLE_OR_COUPLE"] as const;
const FALLBACK = ["NONE", "CURRENT_HOME"] as const;
const SUBCATEGORIES = ["WITH_INTERNATIONAL_PROTECTION", "WITHOUT_INTERNATIONAL_PROTECTION"] as const;

export const ALLOCATION_EXTRA_PARAMETERS: readonly ParameterDefinition[] = [
  {
    id: "eligibility.majorityAge",
    description: "Age of civil majority the applicant must have reached on the application day (Code civil art. 388: 18 years)",
    frenchTerm: "personne physique majeure au jour de l'introduction de la demande",
    unit: "YEARS",
    dateAxis: "APPLICATION_DATE",
    law: [from(LAW_IN_FORCE, "18", law("55", { paragraph: "1", point: "1°", quote: "le demandeur-locataire est une personne physique majeure au jour de l'introduction de la demande" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "eligibility.ownership.undividedShareDenominator",
    description: "Real rights on another dwelling are disqualifying beyond an undivided share of one over this denominator (one third)",
    frenchTerm: "de plus d'un tiers indivis",
    unit: "COUNT",
    law: [from(LAW_IN_FORCE, "3", law("55", { paragraph: "1", point: "2°", quote: "ni bénéficiaire d'un droit d'habitation, de plus d'un tiers indivis, d'un autre logement" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "eligibility.residence.admissibleStatuses",
    description: "Which statuses satisfy the residence condition: a residence right of more than three months (law), or also Luxembourg nationality, international protection, a diplomatic or legitimation card (bill)",
    frenchTerm: "droit de séjour de plus de trois mois ; nationalité luxembourgeoise ; protection internationale ; carte diplomatique ou de légitimation",
    unit: "CODE",
    dateAxis: "APPLICATION_DATE",
    law: [from(LAW_IN_FORCE, code("RESIDENCE_RIGHT", RESIDENCE), law("55", { paragraph: "1", point: "4°", quote: "disposent d'un droit de séjour de plus de trois mois au moment de la demande" }))],
    bill: atEntryIntoForce(
      code("NATIONALITY_RESIDENCE_PROTECTION_DIPLOMATIC", RESIDENCE),
      bill("32", { amends: { article: "55", paragraph: "1", point: "4°" }, quote: "a) ont la nationalité luxembourgeoise ; ou b) disposent d'un droit de séjour … ; ou c) sont bénéficiaires d'une protection internationale … ; ou d) disposent d'une carte diplomatique ou de légitimation" }),
    ),
    lastChecked: CHECKED,
  },
  {
    id: "allocation.bedroom.childrenPerSharedBedroom",
    description: "Bedroom rule: number of children under the own-bedroom age who share one bedroom",
    frenchTerm: "au moins une chambre à coucher par deux enfants de moins de douze ans",
    unit: "COUNT",
    dateAxis: "ALLOCATION_DATE",
    law: [from(RGD_2023, "2", rgd2023("4", { alinea: "1", quote: "au moins une chambre à coucher par deux enfants de moins de douze ans" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
    interpretationNotes: ["bedroom-age-twelve", "dated-from-document"],
  },
  {
    id: "allocation.underOccupancy.extraBedrooms",
    description: "Under-occupancy: the dwelling has this many bedrooms more than the household's members (bill: members or couples)",
    frenchTerm: "logement comportant une chambre à coucher supplémentaire au nombre de membres de la communauté domestique",
    unit: "COUNT",
    law: [from(LAW_IN_FORCE, "1", law("66", { quote: "une chambre à coucher supplémentaire au nombre de membres de la communauté domestique du locataire" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "allocation.underOccupancy.countingBasis",
    description: "Under-occupancy: bedrooms are compared with the number of members (law) or of members with each couple counted once (bill)",
    frenchTerm: "au nombre de membres [ou de couple] de la communauté domestique",
    unit: "CODE",
    law: [from(LAW_IN_FORCE, code("MEMBERS", COUNTING), law("66", { quote: "au nombre de membres de la communauté domestique du locataire" }))],
    bill: atEntryIntoForce(code("MEMBERS_OR_COUPLES", COUNTING), bill("39", { amends: { article: "66" }, quote: "les mots « ou de couple » sont insérés entre les mots « au nombre de membres » et « de la communauté »" })),
    lastChecked: CHECKED,
  },
  {
    id: "dedicated.bedroomCountingBasis",
    description: "Seniors' dwelling not adapted / dedicated dwelling bedroom limit: bedrooms compared with members (law) or members with each couple counted once (bill)",
    frenchTerm: "une chambre à coucher supplémentaire au nombre de membres [ou de couple] de la communauté domestique des personnes âgées",
    unit: "CODE",
    law: [from(LAW_IN_FORCE, code("MEMBERS", COUNTING), law("54", { paragraph: "2", alinea: "2", quote: "une chambre à coucher supplémentaire au nombre de membres de la communauté domestique des personnes âgées" }))],
    bill: atEntryIntoForce(code("MEMBERS_OR_COUPLES", COUNTING), bill("31", { point: "2° a)", amends: { article: "54", paragraph: "2", alinea: "2" }, quote: "les mots « ou de couple » sont insérés entre les mots « de membres » et « de la communauté »" })),
    lastChecked: CHECKED,
  },
  {
    id: "dedicated.senior.medicalExtraBedrooms",
    description: "A seniors' dedicated dwelling may have this many bedrooms beyond members or couples for duly justified medical reasons",
    frenchTerm: "peut comporter une chambre à coucher supplémentaire … pour des raisons médicales dûment justifiées",
    unit: "COUNT",
    dateAxis: "ALLOCATION_DATE",
    law: [],
    bill: atEntryIntoForce(
      "1",
      bill("31", { point: "2° b)", amends: { article: "54", paragraph: "2", alinea: "3" }, quote: "peut comporter une chambre à coucher supplémentaire au nombre de membres ou de couple … pour des raisons médicales dûment justifiées" }),
    ),
    lastChecked: CHECKED,
  },
  {
    id: "dedicated.householdShape",
    description: "Which dedicated dwellings are for people living alone or as a couple with at least one member in the sub-category: seniors only (law) or every sub-category (bill)",
    frenchTerm: "Ces logements sont dédiés aux personnes vivant seules ou en couple",
    unit: "CODE",
    dateAxis: "ALLOCATION_DATE",
    law: [from(LAW_IN_FORCE, code("SENIORS_SINGLE_OR_COUPLE", SHAPE), law("12", { paragraph: "3", point: "5°", quote: "Ces logements sont dédiés aux personnes vivant seules ou en couple. Au moment de l'attribution du logement au moins un membre de la communauté domestique a au moins 60 ans" }))],
    bill: atEntryIntoForce(
      code("ALL_SINGLE_OR_COUPLE", SHAPE),
      bill("8", { point: "1° f)", amends: { article: "12", paragraph: "3", alinea: "2" }, quote: "Ces logements sont dédiés aux personnes vivant seules ou en couple. Au moment de l'attribution d'un logement dédié, au moins un membre de la communauté domestique relève de la sous-catégorie" }),
    ),
    lastChecked: CHECKED,
  },
  {
    id: "allocation.socioEconomicCriteria.count",
    description: "Number of socio-economic criteria of art. 57 §1 (the bill adds 9°: a single adult living with at least one dependent child)",
    frenchTerm: "critères d'attribution socio-économiques",
    unit: "COUNT",
    law: [from(LAW_IN_FORCE, "8", law("57", { paragraph: "1", point: "8°", quote: "le niveau de revenu de la communauté domestique du candidat-locataire" }))],
    bill: atEntryIntoForce("9", bill("34", { point: "1° b)", amends: { article: "57", paragraph: "1", point: "9°" }, quote: "9° l'existence d'une communauté domestique composée d'un adulte seul vivant avec au moins un enfant à charge" })),
    lastChecked: CHECKED,
  },
  {
    id: "allocation.proximity.multipleWorkplacesFallback",
    description: "Workplace proximity when the members' workplaces are many: no fallback (law) or the current home's location only (bill)",
    frenchTerm: "la proximité est déterminée par rapport au lieu de situation du logement actuel seulement",
    unit: "CODE",
    law: [from(LAW_IN_FORCE, code("NONE", FALLBACK), law("58", { alinea: "1", point: "2°", quote: "la proximité du lieu de travail des membres de la communauté domestique du candidat-locataire et du lieu de situation du logement actuel" }))],
    bill: atEntryIntoForce(
      code("CURRENT_HOME", FALLBACK),
      bill("35", { amends: { article: "58", paragraph: "1", alinea: "2" }, quote: "en raison de la multitude des lieux de travail … la proximité est déterminée par rapport au lieu de situation du logement actuel seulement" }),
    ),
    lastChecked: CHECKED,
  },
  {
    id: "dedicated.subCategories",
    description: "Dedicated-dwelling sub-categories open to allocation: the eight of art. 12 §3 (law), or without point 1° international protection, deleted by the bill",
    frenchTerm: "les logements dédiés relèvent des sous-catégories suivantes",
    unit: "CODE",
    dateAxis: "ALLOCATION_DATE",
    law: [from(LAW_IN_FORCE, code("WITH_INTERNATIONAL_PROTECTION", SUBCATEGORIES), law("12", { paragraph: "3", point: "1°", quote: "les logements dédiés aux demandeurs de protection internationale, aux réfugiés et personnes pouvant bénéficier de la protection subsidiaire" }))],
    bill: atEntryIntoForce(code("WITHOUT_INTERNATIONAL_PROTECTION", SUBCATEGORIES), bill("8", { point: "1° a)", amends: { article: "12", paragraph: "3", point: "1°" }, quote: "Le point 1° est supprimé" })),
    lastChecked: CHECKED,
  },
];
