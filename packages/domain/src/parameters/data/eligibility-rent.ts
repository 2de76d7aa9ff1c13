/**
 * Eligibility (art. 55, annex II), income (art. 56), affordable rent (art. 60-62, annex III).
 * The bill leaves annexes II and III unchanged. docs/rules.md §6-7.
 */
import type { HouseholdRow, HouseholdTable, ParameterDefinition } from "../types.js";
import { above, atEntryIntoForce, atLeast, bill, brackets, CHECKED, closed, COTE_100, from, law, LAW_IN_FORCE } from "./builders.js";

const ceilingRow = (adults: number, children: number, label: string, ceiling: string): HouseholdRow => ({ adults, children, label, values: { ceiling } });

/** Annex II, tableau A, « à la valeur au nombre cent de l'indice pondéré du coût de la vie au 1er janvier 1948 ». */
const ANNEX_II: HouseholdTable = {
  kind: "householdTable",
  columns: ["ceiling"],
  rows: [
    ceilingRow(1, 0, "1 adulte", "4736"),
    ceilingRow(2, 0, "2 adultes – 0 enfant à charge", "7104"),
    ceilingRow(1, 1, "1 ou 2 adultes – 1 enfant à charge", "8998"),
    ceilingRow(2, 1, "1 ou 2 adultes – 1 enfant à charge", "8998"),
    ceilingRow(1, 2, "1 ou 2 adultes – 2 enfants à charge", "10893"),
    ceilingRow(2, 2, "1 ou 2 adultes – 2 enfants à charge", "10893"),
    ceilingRow(1, 3, "1 ou 2 adultes – 3 enfants à charge", "12787"),
    ceilingRow(2, 3, "1 ou 2 adultes – 3 enfants à charge", "12787"),
  ],
  extraChild: { ceiling: "1421" },
  extraAdult: { ceiling: "1894" },
};

const rentRow = (adults: number, children: number, label: string, lowIncome: string, maxEffort: string, rentCeiling: string): HouseholdRow => ({
  adults,
  children,
  label,
  values: { lowIncome, maxEffort, rentCeiling },
});

/** Annex III, tableau A: seuil de faible revenu, seuil du taux d'effort maximal, seuil du plafond de loyer (revenu annuel, cote 100). */
const ANNEX_III_A: HouseholdTable = {
  kind: "householdTable",
  columns: ["lowIncome", "maxEffort", "rentCeiling"],
  rows: [
    rentRow(1, 0, "1 adulte", "2013", "5485", "6397"),
    rentRow(1, 1, "1 adulte–1 enfant à charge", "3019", "8227", "9596"),
    rentRow(1, 2, "1 adulte–2 enfants à charge", "3824", "10421", "12155"),
    rentRow(1, 3, "1 adulte–3 enfants à charge", "4629", "12615", "14714"),
    rentRow(2, 0, "2 adultes - 0 enfant à charge", "3019", "8227", "9596"),
    rentRow(2, 1, "2 adultes – 1 enfant à charge", "3824", "10421", "12155"),
    rentRow(2, 2, "2 adultes – 2 enfants à charge", "4629", "12615", "14714"),
    rentRow(2, 3, "2 adultes – 3 enfants à charge", "5434", "14809", "17273"),
  ],
  // The table lists « Enfant à charge supplémentaire » after each adult block with the same figures.
  extraChild: { lowIncome: "604", maxEffort: "1645", rentCeiling: "1919" },
  extraAdult: { lowIncome: "805", maxEffort: "2194", rentCeiling: "2559" },
};

const ANNEX_III = (point: string, quote?: string) => law("annexe III", { point, ...(quote ? { quote } : {}) });

export const ELIGIBILITY_RENT_PARAMETERS: readonly ParameterDefinition[] = [
  {
    id: "eligibility.incomeCeiling",
    description: "Eligibility ceilings of candidate tenants by household composition (annex II), at cote 100, per the period of `eligibility.incomeCeiling.readingPeriod`",
    frenchTerm: "plafond d'éligibilité pour candidats-locataires",
    unit: "EUR",
    law: [from(LAW_IN_FORCE, ANNEX_II, law("annexe II", { point: "tableau A", quote: "Les valeurs du tableau A s'entendent à la valeur au nombre cent de l'indice pondéré du coût de la vie au 1er janvier 1948" }), COTE_100)],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
    interpretationNotes: ["annex-ii-annual-reading", "household-table-composition"],
  },
  {
    id: "eligibility.incomeCeiling.readingPeriod",
    description: "Reading chosen for annex II: the ceilings compared with ANNUAL or MONTHLY income (operator switch)",
    frenchTerm: "plafond d'éligibilité — « Revenu mensuel » (en-tête de l'annexe II)",
    unit: "CODE",
    law: [from(LAW_IN_FORCE, { kind: "code", code: "ANNUAL", allowed: ["ANNUAL", "MONTHLY"] }, law("55", { paragraph: "1", point: "3°", quote: "le revenu mensuel … est inférieur ou égal au plafond d'éligibilité" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
    interpretationNotes: ["annex-ii-annual-reading"],
  },
  {
    id: "eligibility.residenceRightMinMonths",
    description: "Length of the right of residence the applicant and household must hold (bill: or Luxembourg nationality, international protection, diplomatic card)",
    frenchTerm: "droit de séjour de plus de trois mois",
    unit: "MONTHS",
    dateAxis: "APPLICATION_DATE",
    law: [from(LAW_IN_FORCE, "3", law("55", { paragraph: "1", point: "4°", quote: "disposent d'un droit de séjour de plus de trois mois" }))],
    bill: atEntryIntoForce("3", bill("32", { amends: { article: "55", paragraph: "1", point: "4° b)" }, quote: "disposent d'un droit de séjour de plus de trois mois" })),
    lastChecked: CHECKED,
  },
  {
    id: "income.newWorkerInclusion",
    description: "Share of the income of a child entering working life counted in the household income, by year of working life",
    frenchTerm: "revenus des enfants qui entrent dans la vie professionnelle",
    unit: "PERCENT",
    law: [
      from(
        LAW_IN_FORCE,
        brackets("yearOfWorkingLife", "INTEGER", [
          closed("1", "1", "0", "la première année"),
          closed("2", "2", "25", "la deuxième année"),
          closed("3", "3", "50", "la troisième année"),
          atLeast("4", "100", "la quatrième année"),
        ]),
        law("56", { paragraph: "3", alinea: "4", quote: "à 0 pour cent la première année, à 25 pour cent la deuxième année, à 50 pour cent la troisième année et à 100 pour cent la quatrième année" }),
      ),
    ],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
    interpretationNotes: ["new-worker-year-axis"],
  },
  {
    id: "income.dependentChildMaxAge",
    description: "Age up to which a child covered by a member's health insurance counts as dependent",
    frenchTerm: "enfant à charge : l'enfant jusqu'à l'âge de 27 ans",
    unit: "YEARS",
    law: [from(LAW_IN_FORCE, "27", law("56", { paragraph: "3", alinea: "5", point: "2°", quote: "l'enfant jusqu'à l'âge de 27 ans" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "income.excludedOccupantMaxMonths",
    description: "Maximum period for which the income of another occupant may be disregarded on the commission's advice",
    frenchTerm: "pendant une durée maximale de douze mois",
    unit: "MONTHS",
    law: [from(LAW_IN_FORCE, "12", law("56", { paragraph: "5", alinea: "1", quote: "pendant une durée maximale de douze mois" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.effortRate.min",
    description: "Minimum effort rate (share of net disposable income), applied below the low-income threshold",
    frenchTerm: "taux d'effort (minimum)",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "10", law("60", { paragraph: "2", alinea: "1", quote: "Le taux d'effort se situe entre 10 pour cent et 35 pour cent" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.effortRate.max",
    description: "Maximum effort rate, applied from the max-effort threshold",
    frenchTerm: "taux d'effort maximal (TE_MAX)",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "35", law("60", { paragraph: "2", alinea: "1", quote: "Le taux d'effort se situe entre 10 pour cent et 35 pour cent" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.thresholds",
    description: "Annex III table A: low-income, max-effort and rent-ceiling thresholds by household type, annual income at cote 100",
    frenchTerm: "paramètres pour la détermination du loyer abordable brut (tableau A)",
    unit: "EUR_PER_YEAR",
    law: [from(LAW_IN_FORCE, ANNEX_III_A, ANNEX_III("1° b) tableau A", "Les valeurs du tableau A s'entendent à la valeur au nombre cent de l'indice pondéré du coût de la vie"), COTE_100)],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
    interpretationNotes: ["household-table-composition"],
  },
  {
    id: "rent.ceilingShareOfThreshold",
    description: "The gross affordable rent is capped at this share of the household's rent-ceiling threshold",
    frenchTerm: "plafond du loyer abordable brut",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "35", ANNEX_III("1° b)", "correspond à 35 pour cent du seuil du plafond du loyer applicable à la communauté domestique"))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.childAgeLimit",
    description: "Household members under this age on 1 January of the rent year count as dependent children for table A",
    frenchTerm: "âgée de moins de 14 ans au 1er janvier de l'année de calcul du loyer",
    unit: "YEARS",
    law: [from(LAW_IN_FORCE, "14", ANNEX_III("1° c)", "âgée de moins de 14 ans au 1er janvier de l'année de calcul du loyer est considérée comme enfant à charge"))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.reduction.noEquippedKitchen",
    description: "Reduction of the gross rent when the dwelling has no equipped kitchen",
    frenchTerm: "minoration : logement sans cuisine équipée",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "2.5", ANNEX_III("2° a)", "2,5 pour cent lorsque le logement ne dispose pas de cuisine équipée"))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.reduction.noOutdoorSpace",
    description: "Reduction of the gross rent when the dwelling has no balcony, terrace or private garden",
    frenchTerm: "minoration : ni balcon, ni terrasse, ni jardin privatif",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "2.5", ANNEX_III("2° a)", "2,5 pour cent lorsque le logement ne dispose ni d'un balcon, ni d'une terrasse, ni d'un jardin privatif"))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.increase.house",
    description: "Increase of the gross rent for houses",
    frenchTerm: "majoration pour les maisons",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "10", law("60", { paragraph: "4", quote: "Le loyer abordable brut est augmenté de 10 pour cent pour les maisons" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.energyFlat",
    description: "Annex III table B: monthly energy-performance flat deducted from the gross rent, by useful living area (cote 100)",
    frenchTerm: "forfait compensatoire de performance énergétique (tableau B)",
    unit: "EUR_PER_MONTH",
    law: [
      from(
        LAW_IN_FORCE,
        brackets("usefulLivingAreaM2", "CONTINUOUS", [
          { from: null, fromInclusive: false, to: "50", toInclusive: true, value: "1.75", label: "50m² ou moins" },
          above("50", "70", "2.34", "51 à 70m²"),
          above("70", "90", "2.92", "71 à 90m²"),
          above("90", "110", "3.51", "91 à 110m²"),
          above("110", "130", "4.09", "111 à 130m²"),
          above("130", "150", "4.67", "131 à 150m²"),
          above("150", null, "5.26", "151m² et plus"),
        ]),
        ANNEX_III("2° c) tableau B", "Forfait mensuel en euros"),
        COTE_100,
      ),
    ],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
    interpretationNotes: ["energy-flat-index-basis", "energy-flat-area-brackets"],
  },
  {
    id: "rent.energyFlat.firstOccupationBefore",
    description: "The energy flat applies to dwellings first occupied before this date and not energy-renovated",
    frenchTerm: "dont la première occupation remonte avant le 1er janvier 1990",
    unit: "DATE",
    law: [from(LAW_IN_FORCE, { kind: "date", date: "1990-01-01" }, law("60", { paragraph: "5", quote: "dont la première occupation remonte avant le 1er janvier 1990" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.revision.minRentAgeMonths",
    description: "The yearly revision is skipped if the rent has applied for less than this",
    frenchTerm: "sauf si le loyer est applicable depuis moins de trois mois",
    unit: "MONTHS",
    law: [from(LAW_IN_FORCE, "3", law("62", { paragraph: "1", alinea: "1", quote: "sauf si le loyer est applicable depuis moins de trois mois" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.revision.tenantResponseMonths",
    description: "Time the tenant has to answer the landlord's request for information before a flat rent may be asked",
    frenchTerm: "dans un délai de deux mois à compter de la demande du bailleur social",
    unit: "MONTHS",
    law: [from(LAW_IN_FORCE, "2", law("62", { paragraph: "1", alinea: "3", quote: "dans un délai de deux mois à compter de la demande du bailleur social" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.revision.incomeChangeThreshold",
    description: "Income change (up or down) that obliges the landlord to revise the rent",
    frenchTerm: "d'au moins 5 pour cent par rapport au revenu pris en considération",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "5", law("62", { paragraph: "2", alinea: "1", point: "2° et 3°", quote: "d'au moins 5 pour cent par rapport au revenu pris en considération pour le calcul du loyer actuel" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "rent.revision.landlordDelayMonths",
    description: "Time within which the landlord revises the rent after a change is notified (applies from the first day of the following month)",
    frenchTerm: "réviser le loyer dans le mois de la réception … de l'information",
    unit: "MONTHS",
    law: [from(LAW_IN_FORCE, "1", law("62", { paragraph: "2", alinea: "1", quote: "tenu de réviser le loyer dans le mois de la réception par le locataire de l'information" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
];
