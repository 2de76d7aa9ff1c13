/**
 * Financial participation: rates (art. 11, 12 §4), eligible-cost ceilings (art. 14), capped
 * indexed fees (art. 8, 15) and the bill's new participations (art. 11 §4bis-4quater, 18bis).
 * docs/rules.md §4.
 */
import type { ParameterDefinition, ParameterVersionSpec, Unit } from "../types.js";
import {
  atEntryIntoForce,
  bill,
  CHECKED,
  CONSTRUCTION_100,
  CONSTRUCTION_APRIL_2021,
  cote,
  COTE_100,
  from,
  law,
  LAW_IN_FORCE,
  NONE,
  repealedAtEntryIntoForce,
} from "./builders.js";

/** Art. 14 in the consolidated text: « version en vigueur depuis 2026-01-01 » (the budget law of 19 December 2025's figures). */
const ART14_FROM = "2026-01-01";

interface CeilingRow {
  id: string;
  description: string;
  frenchTerm: string;
  unit: Unit;
  /** Law art. 14 figure at construction index 881.15, with its paragraph/point; null when the bill introduces the ceiling. */
  law: { value: string; paragraph: string; point?: string; alinea?: string } | null;
  /** Bill figure at construction index 100 with the bill art. 10 point, or "REPEALED". */
  bill: { value: string; point: string; paragraph: string; lawPoint?: string } | "REPEALED";
  /**
   * The figure in force from 2023-10-01 to 2025-12-31 where the budget law of 19 December 2025
   * (art. 7 1°-2°) changed it from 2026-01-01: the struck-through figure the bill's amendments on
   * its art. 10 replace (« ~~900~~ 1 886 »), whose commentary says these values « ont été modifiées
   * par l'article 7 … de la loi du 19 décembre 2025 ». Absent: the figure was not changed, and
   * applies from 2023-10-01 (bill art. 10 quotes it as the figure it replaces).
   */
  original?: string;
  notes?: string[];
}

/** Art. 14 §7 al. 1: amounts « correspondent à la valeur 881,15 de l'indice semestriel des prix de la construction d'avril 2021 »; bill art. 10 6°: 100. */
const CEILINGS: CeilingRow[] = [
  {
    id: "landTransferPerM2",
    original: "900",
    description: "Ceiling of unserviced land price and particular servicing, land transferred, per m² of gross built housing area",
    frenchTerm: "montant maximal éligible (cession de terrain non viabilisé), par m² de SCB logement",
    unit: "EUR_PER_M2",
    law: { value: "1886", paragraph: "2", alinea: "2" },
    bill: { value: "105", point: "1° a)", paragraph: "2", lawPoint: "al. 2" },
    notes: ["bill-geographic-segmentation"],
  },
  {
    id: "landEmphyteusisPerM2",
    original: "450",
    description: "Ceiling of unserviced land and particular servicing, land under emphyteusis, per m² of gross built housing area",
    frenchTerm: "montant maximal éligible (redevance emphytéotique, terrain non viabilisé), par m² de SCB logement",
    unit: "EUR_PER_M2",
    law: { value: "943", paragraph: "2", alinea: "3" },
    bill: { value: "55", point: "1° c)", paragraph: "2", lawPoint: "al. 4" },
    notes: ["bill-geographic-segmentation"],
  },
  {
    id: "ordinaryServicingPerM2",
    description: "Ceiling of ordinary servicing costs per m² of gross built housing area",
    frenchTerm: "viabilisation ordinaire, montant maximal éligible par m² de SCB logement",
    unit: "EUR_PER_M2",
    law: { value: "400", paragraph: "3", point: "1°" },
    bill: { value: "50", point: "2° a)", paragraph: "3", lawPoint: "1°" },
  },
  {
    id: "publicParkingSpace",
    description: "Ceiling per public parking space in a centralised parking structure",
    frenchTerm: "emplacements publics dans une structure de parking centralisée, montant maximal éligible par emplacement",
    unit: "EUR_PER_PARKING_SPACE",
    law: { value: "30000", paragraph: "3", point: "2°" },
    bill: { value: "3850", point: "2° b)", paragraph: "3", lawPoint: "2°" },
  },
  {
    id: "groundWorksPerM2",
    description: "Ceiling of preparatory and soil-stabilisation works per m² of gross built housing area",
    frenchTerm: "travaux préparatoires et de stabilisation du sol, montant maximal éligible par m² de SCB logement",
    unit: "EUR_PER_M2",
    law: { value: "200", paragraph: "3", point: "3°" },
    bill: { value: "25", point: "2° c)", paragraph: "3", lawPoint: "3°" },
  },
  {
    id: "servicedLandTransferPerM2",
    original: "1300",
    description: "Ceiling of the price of serviced land transferred, per m² of gross built housing area",
    frenchTerm: "prix de cession d'un terrain viabilisé, montant maximal éligible par m² de SCB logement",
    unit: "EUR_PER_M2",
    law: { value: "2300", paragraph: "4", point: "1°" },
    bill: { value: "150", point: "3° a)", paragraph: "4", lawPoint: "1°" },
    notes: ["bill-geographic-segmentation"],
  },
  {
    id: "servicedLandEmphyteusisPerM2",
    original: "650",
    description: "Ceiling of the emphyteusis fee of serviced land, per m² of gross built housing area",
    frenchTerm: "redevance emphytéotique d'un terrain viabilisé, montant maximal éligible par m² de SCB logement",
    unit: "EUR_PER_M2",
    law: { value: "1150", paragraph: "4", point: "1°" },
    bill: { value: "75", point: "3° a)", paragraph: "4", lawPoint: "1°" },
    notes: ["bill-geographic-segmentation"],
  },
  {
    id: "offPlanLandPerM2",
    original: "1300",
    description: "Ceiling of the land price in an off-plan sale (VEFA), per m² of gross built housing area",
    frenchTerm: "prix du terrain acquis dans le cadre d'une vente en état futur d'achèvement, par m² de SCB logement",
    unit: "EUR_PER_M2",
    law: { value: "2300", paragraph: "4", point: "2°" },
    bill: { value: "150", point: "3° b)", paragraph: "4", lawPoint: "2°" },
    notes: ["bill-geographic-segmentation"],
  },
  {
    id: "constructionPerM2Gross",
    description: "Ceiling of construction costs per m² of gross built housing area",
    frenchTerm: "coûts de construction, montant maximal éligible par m² de SCB logement",
    unit: "EUR_PER_M2",
    law: { value: "3100", paragraph: "5", point: "1°" },
    bill: { value: "355", point: "4° a)", paragraph: "5", lawPoint: "1°" },
  },
  {
    id: "constructionPerM2NonHabitable",
    description: "Ceiling of construction costs per m² of non-habitable housing area",
    frenchTerm: "coûts de construction, montant maximal éligible par m² de SNA logement",
    unit: "EUR_PER_M2",
    law: { value: "2100", paragraph: "5", point: "1°" },
    bill: { value: "240", point: "4° a)", paragraph: "5", lawPoint: "1°" },
  },
  {
    id: "privateParkingSpace",
    description: "Ceiling per private parking space in a centralised parking structure (new in the bill)",
    frenchTerm: "emplacements privés dans une structure de parking centralisée, montant maximal éligible par emplacement",
    unit: "EUR_PER_PARKING_SPACE",
    law: null,
    bill: { value: "3850", point: "4° b)", paragraph: "5", lawPoint: "1°bis" },
  },
  {
    id: "carportSingle",
    description: "Ceiling of a single carport",
    frenchTerm: "carport simple, montant maximal éligible",
    unit: "EUR",
    law: { value: "16000", paragraph: "5", point: "2°" },
    bill: { value: "1820", point: "4° c)", paragraph: "5", lawPoint: "2°" },
  },
  {
    id: "carportDouble",
    description: "Ceiling of a double carport (deleted by the bill)",
    frenchTerm: "carport double, montant maximal éligible",
    unit: "EUR",
    law: { value: "25000", paragraph: "5", point: "2°" },
    bill: "REPEALED",
  },
  {
    id: "kitchenFurniture",
    description: "Ceiling of the supply and installation of kitchen furniture (new in the bill)",
    frenchTerm: "fourniture et installation des meubles de cuisine, montant maximal éligible",
    unit: "EUR",
    law: null,
    bill: { value: "850", point: "4° d)", paragraph: "5", lawPoint: "2°bis" },
  },
  {
    id: "outdoorSpacePerM2",
    description: "Ceiling of private outdoor-space works per m² of gross built housing area",
    frenchTerm: "aménagements de l'espace extérieur privé, montant maximal éligible par m² de SCB logement",
    unit: "EUR_PER_M2",
    law: { value: "200", paragraph: "5", point: "3°" },
    bill: { value: "25", point: "4° e)", paragraph: "5", lawPoint: "3°" },
  },
  {
    id: "firstFurniture",
    description: "Ceiling of first-equipment furniture (bill; students' and employees' dwellings only)",
    frenchTerm: "fourniture et installation des mobiliers de premier équipement, montant maximal éligible",
    unit: "EUR",
    law: null,
    bill: { value: "550", point: "4° f)", paragraph: "5", lawPoint: "3°bis" },
  },
  {
    id: "renovationPerM2Gross",
    description: "Ceiling of renovation costs per m² of gross built housing area",
    frenchTerm: "rénovation de logements destinés à la location abordable, montant maximal éligible par m² de SCB logement",
    unit: "EUR_PER_M2",
    law: { value: "1000", paragraph: "6" },
    bill: { value: "115", point: "5° a)", paragraph: "6" },
  },
  {
    id: "renovationPerM2NonHabitable",
    description: "Ceiling of renovation costs per m² of non-habitable housing area",
    frenchTerm: "rénovation, montant maximal éligible par m² de SNA logement",
    unit: "EUR_PER_M2",
    law: { value: "650", paragraph: "6" },
    bill: { value: "75", point: "5° b)", paragraph: "6" },
  },
];

/** Art. 14 ceiling versions: the original figure from 2023-10-01, the budget law's from 2026-01-01 where it changed. */
function ceilingVersions(c: CeilingRow, l: NonNullable<CeilingRow["law"]>): ParameterVersionSpec[] {
  const ref = law("14", { paragraph: l.paragraph, ...(l.alinea ? { alinea: l.alinea } : {}), ...(l.point ? { point: l.point } : {}) });
  if (c.original === undefined)
    return [from(LAW_IN_FORCE, l.value, ref, CONSTRUCTION_APRIL_2021, "unchanged since 2023-10-01: bill 8535 art. 10 quotes this figure as the one it replaces; the budget law of 19 December 2025 changed only art. 14 §2 al. 2-3 and §4 1°-2°")];
  return [
    {
      ...from(LAW_IN_FORCE, c.original, ref, CONSTRUCTION_APRIL_2021, "original figure (2023-10-01 to 2025-12-31): struck through in bill 8535's amendments on its art. 10, which say the budget law of 19 December 2025 (art. 7) changed it"),
      validTo: ART14_FROM,
    },
    from(ART14_FROM, l.value, ref, CONSTRUCTION_APRIL_2021, "as changed by the budget law of 19 December 2025 art. 7 (consolidated text, « version en vigueur depuis 2026-01-01 »)"),
  ];
}

const ceilingDefinitions: ParameterDefinition[] = CEILINGS.map((c): ParameterDefinition => ({
  id: `financing.ceilings.${c.id}`,
  description: `${c.description}; net ceiling, indexed on the construction-price index`,
  frenchTerm: c.frenchTerm,
  unit: c.unit,
  law: c.law ? ceilingVersions(c, c.law) : [],
  bill:
    c.bill === "REPEALED"
      ? repealedAtEntryIntoForce
      : atEntryIntoForce(c.bill.value, bill("10", { point: c.bill.point, amends: { article: "14", paragraph: c.bill.paragraph, ...(c.bill.lawPoint ? { point: c.bill.lawPoint } : {}) } }), CONSTRUCTION_100),
  lastChecked: CHECKED,
  interpretationNotes: ["art-14-ceilings-from-2026", "construction-index-semester", ...(c.notes ?? [])],
}));

/** Percentages of art. 14 that the bill leaves as they are. */
const studyRates: ParameterDefinition[] = [
  { id: "ordinaryServicingOnly", value: "15", paragraph: "3", point: "4° a)", fr: "15 pour cent de ces coûts en cas de viabilisation ordinaire seulement" },
  { id: "bothServicings", value: "18", paragraph: "3", point: "4° b)", fr: "18 pour cent de ces coûts en cas de viabilisation ordinaire et de viabilisation particulière" },
  { id: "construction", value: "15", paragraph: "5", point: "4°", fr: "taux maximal éligible de 15 pour cent de ces coûts éligibles" },
].map((r): ParameterDefinition => ({
  id: `financing.studyFeesRate.${r.id}`,
  description: "Maximum eligible rate of studies and fees, as a share of the related eligible costs",
  frenchTerm: "frais d'études et honoraires, taux maximal éligible",
  unit: "PERCENT",
  // From 2023-10-01: the budget law of 19 December 2025 changed only the amounts of art. 14 §2 al. 2-3
  // and §4 1°-2° (bill 8535 amendments on art. 10, commentary), not these rates.
  law: [from(LAW_IN_FORCE, r.value, law("14", { paragraph: r.paragraph, point: r.point, quote: r.fr }), NONE, "unchanged since 2023-10-01: the budget law of 19 December 2025 art. 7 changed only the amounts of art. 14 §2 al. 2-3 and §4 1°-2°")],
  bill: "UNCHANGED",
  lastChecked: CHECKED,
  interpretationNotes: ["art-14-ceilings-from-2026"],
}));

export const FINANCING_PARAMETERS: readonly ParameterDefinition[] = [
  {
    id: "financing.rental.participationRate",
    description: "State financial participation rate for dwellings for affordable rental, of the art. 14 costs",
    frenchTerm: "taux de la participation financière (location abordable)",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "75", law("11", { paragraph: "2", quote: "Le taux de la participation financière est de 75 pour cent des coûts prévus à l'article 14" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "financing.innovative.ceilingIncrease",
    description: "Increase of the maximum eligible amounts for innovative dwellings",
    frenchTerm: "logements innovateurs : montants maximaux éligibles augmentés",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "15", law("11", { paragraph: "3", alinea: "1", quote: "dont les montants maximaux éligibles sont augmentés de 15 pour cent" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "financing.climateResilient.ceilingIncrease",
    description: "Increase of the maximum eligible amounts for climate-resilient dwellings",
    frenchTerm: "logements résilients au changement climatique : montants maximaux éligibles augmentés",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "15", law("11", { paragraph: "4", alinea: "1", quote: "dont les montants maximaux éligibles sont augmentés de 15 pour cent" }))],
    bill: "UNCHANGED",
    lastChecked: CHECKED,
  },
  {
    id: "financing.deepRenovation.participationRate",
    description: "Participation rate for deep energy renovation of existing dwellings or buildings (bill)",
    frenchTerm: "rénovation profonde et assainissement énergétiques : taux de la participation financière",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("75", bill("7", { point: "3°", amends: { article: "11", paragraph: "4bis", alinea: "1" }, quote: "le taux de la participation financière est de 75 pour cent des coûts prévus à l'article 14, paragraphe 5" })),
    lastChecked: CHECKED,
  },
  {
    id: "financing.deepRenovation.ceilingIncrease",
    description: "Increase of the maximum eligible amounts for deep energy renovation (bill)",
    frenchTerm: "rénovation profonde : montants maximaux éligibles augmentés",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("30", bill("7", { point: "3°", amends: { article: "11", paragraph: "4bis", alinea: "1" }, quote: "dont les montants maximaux éligibles sont augmentés de 30 pour cent" })),
    lastChecked: CHECKED,
  },
  {
    id: "financing.deepRenovation.minBuildingAge",
    description: "Age above which a dwelling or building counts as existing for deep renovation (bill: « plus de dix ans »)",
    frenchTerm: "logement existant ou bien existant : de plus de dix ans",
    unit: "YEARS",
    law: [],
    bill: atEntryIntoForce("10", bill("7", { point: "3°", amends: { article: "11", paragraph: "4bis", alinea: "3" }, quote: "un logement ou un bien de plus de dix ans" })),
    lastChecked: CHECKED,
  },
  {
    id: "financing.contaminatedSite.rentalParticipationRate",
    description: "Participation rate for contaminated sites for affordable rental (bill)",
    frenchTerm: "sites contaminés (location abordable) : taux de la participation financière",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("75", bill("7", { point: "4°", amends: { article: "11", paragraph: "4ter", alinea: "1" }, quote: "le taux de la participation financière est de 75 pour cent des coûts prévus à l'article 14, paragraphe 2" })),
    lastChecked: CHECKED,
  },
  {
    id: "financing.contaminatedSite.saleParticipationRate",
    description: "Participation rate for contaminated sites for affordable sale (bill)",
    frenchTerm: "sites contaminés (vente abordable) : taux de la participation financière",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("50", bill("3", { point: "2°", amends: { article: "4", paragraph: "3bis", alinea: "1" }, quote: "le taux de la participation financière est de 50 pour cent des coûts prévus à l'article 14, paragraphe 2" })),
    lastChecked: CHECKED,
  },
  {
    id: "financing.contaminatedSite.ceilingIncrease",
    description: "Increase of the maximum eligible amounts for contaminated sites (bill, rental and sale)",
    frenchTerm: "sites contaminés : montants maximaux éligibles augmentés",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("15", bill("7", { point: "4°", amends: { article: "11", paragraph: "4ter", alinea: "1" }, quote: "dont les montants maximaux éligibles sont augmentés de 15 pour cent" })),
    lastChecked: CHECKED,
  },
  {
    id: "financing.ceilingIncrease.cumulationCap",
    description: "Cap of cumulated increases of maximum eligible amounts (innovative, resilient, contaminated site)",
    frenchTerm: "augmentations … cumulables … jusqu'à concurrence de 25 pour cent",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("25", bill("7", { point: "5°", amends: { article: "11", paragraph: "4quater", alinea: "1" }, quote: "sont cumulables … jusqu'à concurrence de 25 pour cent" })),
    lastChecked: CHECKED,
  },
  {
    id: "financing.ceilingIncrease.cumulationCapWithDeepRenovation",
    description: "Cap of cumulated increases when the deep-renovation increase is one of them",
    frenchTerm: "cumul avec l'augmentation du paragraphe 4bis … jusqu'à concurrence de 40 pour cent",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("40", bill("7", { point: "5°", amends: { article: "11", paragraph: "4quater", alinea: "2" }, quote: "jusqu'à concurrence de 40 pour cent" })),
    lastChecked: CHECKED,
  },
  {
    id: "financing.internationalProtection.participationRate",
    description: "Participation rate for dwellings dedicated to international protection (abrogated by the bill)",
    frenchTerm: "logements dédiés aux demandeurs de protection internationale : taux de la participation financière",
    unit: "PERCENT",
    law: [from(LAW_IN_FORCE, "100", law("12", { paragraph: "4", quote: "est de 100 pour cent des coûts prévus à l'article 14" }))],
    bill: repealedAtEntryIntoForce,
    lastChecked: CHECKED,
  },
  {
    id: "financing.indirectCosts.maxRate",
    description: "Maximum cover of a developer's indirect project-development costs, as a share of the eligible costs (bill)",
    frenchTerm: "couverture des coûts indirects : taux maximal",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("3", bill("14", { amends: { article: "18bis", paragraph: "2", alinea: "1" }, quote: "ne peut pas dépasser le taux maximal de 3 pour cent de ces coûts éligibles" })),
    lastChecked: CHECKED,
  },
  {
    id: "financing.indirectCosts.maxPeriod",
    description: "Maximum period of the indirect-costs cover (bill)",
    frenchTerm: "pour une période maximale de trente-six mois",
    unit: "MONTHS",
    law: [],
    bill: atEntryIntoForce("36", bill("14", { amends: { article: "18bis", paragraph: "1", alinea: "1" }, quote: "pour une période maximale de trente-six mois" })),
    lastChecked: CHECKED,
  },
  {
    id: "financing.parkingRentCap",
    description: "Cap of the monthly rent of a parking space linked to an affordable dwelling",
    frenchTerm: "loyer mensuel d'un emplacement (plafond)",
    unit: "EUR_PER_MONTH",
    law: [from(LAW_IN_FORCE, "200", law("15", { alinea: "4", quote: "ne peut pas dépasser 200 euros à la valeur 855,62 de la cote d'application de l'échelle mobile des salaires" }), cote("855.62"))],
    bill: atEntryIntoForce("25", bill("11", { amends: { article: "15", alinea: "4" }, quote: "Le nombre « 200 » est remplacé par celui de « 25 » ; « 855,62 » est remplacé par celui de « 100 »" }), COTE_100),
    lastChecked: CHECKED,
  },
  {
    id: "financing.emphyteusisFeeCap.house",
    description: "Cap of the annual emphyteusis fee for single-family houses (affordable sale)",
    frenchTerm: "redevance d'emphytéose annuelle (maisons unifamiliales, plafond)",
    unit: "EUR_PER_YEAR",
    law: [from(LAW_IN_FORCE, "2000", law("8", { alinea: "5", quote: "ne peut pas dépasser 2 000 euros à la valeur 855,62 de la cote d'application de l'échelle mobile des salaires pour les maisons unifamiliales" }), cote("855.62"))],
    bill: atEntryIntoForce("240", bill("6", { amends: { article: "8", alinea: "5" }, quote: "« 2 000 » est remplacé par celui de « 240 » ; « 855,62 » … « 100 »" }), COTE_100),
    lastChecked: CHECKED,
  },
  {
    id: "financing.emphyteusisFeeCap.apartment",
    description: "Cap of the annual emphyteusis fee for apartments (affordable sale)",
    frenchTerm: "redevance d'emphytéose annuelle (appartements, plafond)",
    unit: "EUR_PER_YEAR",
    law: [from(LAW_IN_FORCE, "1500", law("8", { alinea: "5", quote: "1 500 euros à la valeur 855,62 de la cote d'application de l'échelle mobile des salaires pour les appartements" }), cote("855.62"))],
    bill: atEntryIntoForce("180", bill("6", { amends: { article: "8", alinea: "5" }, quote: "« 1 500 » est remplacé par celui de « 180 »" }), COTE_100),
    lastChecked: CHECKED,
  },
  ...ceilingDefinitions,
  ...studyRates,
];
