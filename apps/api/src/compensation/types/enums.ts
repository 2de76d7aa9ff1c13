/** Enumerations of the compensation capability (law art. 13, 40-41; bill 8535), each value described with its source. */
import { builder } from "../../schema/builder.js";

export const CompensationRegimeEnum = builder.enumType("CompensationRegime", {
  description: "Which text a computation follows.",
  values: {
    LAW: { description: "The law of 7 August 2023 as consolidated on 1 January 2026, with the RGD of 24 January 2024." },
    BILL_8535: {
      description:
        "The law as amended by bill 8535: art. 13 and 40 §2-3 from 2023-10-01 (art. 93bis), the rest from the operator's entry-into-force date (ABORDABLE_BILL_8535_ENTRY_INTO_FORCE).",
    },
  } as const,
});

export const CompensationStatementKindEnum = builder.enumType("CompensationStatementKind", {
  description: "Whose compensation a statement computes.",
  values: {
    DEVELOPER: { description: "A social developer's compensation under one financial-participation convention (law art. 13; RGD 2024 art. 1-2)." },
    LANDLORD: { description: "A social landlord's compensation under its compensation convention (law art. 40-41; RGD 2024 art. 3)." },
  } as const,
});

export const CompensationComponentEnum = builder.enumType("CompensationComponent", {
  description: "What a statement line compensates (one dwelling or accommodation unit, one month, one component).",
  values: {
    OPERATING_COST: { description: "Developer: operating-cost cover, the RGD 2024 art. 1 flat per dwelling (bill: or unit) let (art. 13 §2)." },
    CAPITAL_LAND: { description: "Developer: remuneration of the capital invested in the land (art. 13 §3-5; RGD 2024 art. 2 al. 1)." },
    CAPITAL_CONSTRUCTION: {
      description: "Developer: remuneration of the capital invested in construction or renovation (art. 13 §3-5; RGD 2024 art. 2 al. 2).",
    },
    EMPHYTEUSIS_DEDUCTION: { description: "Developer: emphyteusis fees received, deducted from the land part (bill art. 12 → art. 17 §1 al. 3); negative." },
    FONDS_DU_LOGEMENT_INDEMNITY: {
      description: "Developer: the Fonds du Logement's indemnity per m2 when another landlord manages (bill art. 9 4° → art. 13 §3bis).",
    },
    RENT_PAID_TO_DEVELOPER: { description: "Landlord: rent paid to the developer (art. 40 §1); positive." },
    MANAGEMENT_FLAT: { description: "Landlord: the management flat per dwelling (bill: or unit) (art. 40 §2; RGD 2024 art. 3); positive." },
    TENANT_RENTS: { description: "Landlord: rents received from tenants (art. 40 §1); negative." },
    ANCILLARY_RENTS: { description: "Landlord: rents of ancillary areas (parking, cellars) (art. 40 §1); negative." },
    VACANCY_REDUCTION: { description: "Landlord: operator rule reducing the flat for vacancy (not in the sources; off by default); negative." },
  } as const,
});

export const CompensationOutcomeEnum = builder.enumType("CompensationOutcome", {
  description: "Result of a landlord's statement (art. 40 §1, §4).",
  values: {
    COMPENSATION_DUE: { description: "The State owes the landlord the total." },
    SURPLUS_OWED_TO_STATE: { description: "Receipts exceed costs: the landlord repays the surplus to the State." },
    BALANCED: { description: "Costs and receipts are equal." },
    EXCLUDED: { description: "The Fonds du Logement is excluded from the landlord's compensation (art. 40 §4)." },
  } as const,
});

export const CompensationObjectKindEnum = builder.enumType("CompensationObjectKind", {
  description: "What a statement line is computed for.",
  values: {
    DWELLING: { description: "A dwelling (logement)." },
    ACCOMMODATION_UNIT: { description: "An accommodation unit (unité d'hébergement, bill art. 13 §2 al. 2) of a shared dwelling." },
  } as const,
});

export const CompensationDeveloperKindEnum = builder.enumType("CompensationDeveloperKind", {
  description: "Who the social developer is, as far as art. 13 distinguishes.",
  values: {
    FONDS_DU_LOGEMENT: { description: "Fonds du Logement: no operating cover, no capital remuneration (art. 13 §2-3); the §3bis indemnity under the bill." },
    MUNICIPALITY: { description: "A municipality: no capital remuneration under the law (art. 13 §3 al. 2); remunerated under the bill." },
    SYNDICATE_OF_MUNICIPALITIES: { description: "A syndicate of municipalities: as a municipality." },
    OTHER: { description: "Any other social developer." },
  } as const,
});

export const CompensationLandlordKindEnum = builder.enumType("CompensationLandlordKind", {
  description: "Who the social landlord is, as far as art. 40 distinguishes.",
  values: {
    FONDS_DU_LOGEMENT: { description: "Fonds du Logement: excluded from the landlord's compensation (art. 40 §4)." },
    UNIVERSITY_OF_LUXEMBOURG: { description: "The University of Luxembourg: no flat for students' dwellings under the bill (art. 40 §5 as amended)." },
    OTHER: { description: "Any other social landlord." },
  } as const,
});
