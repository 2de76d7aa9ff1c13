/** Enumerations shared with the data model, each described with its legal source. */
import {
  AccommodationUnitStatus, ApplicationMotive, ApplicationStatus, AllocationFileStatus, Canton, ConventionKind, DedicatedSubCategory,
  DwellingCategory, DwellingStatus, DwellingType, HouseholdRole, LeaseStatus, OrganisationKind, ResidenceStatus, Role,
} from "../generated/prisma/enums.js";
import { builder } from "./builder.js";

export const CantonEnum = builder.enumType(Canton, { name: "Canton", description: "Canton of the Grand Duchy." });
export const OrganisationKindEnum = builder.enumType(OrganisationKind, {
  name: "OrganisationKind",
  description: "Legal form of a social developer (promoteur social, law art. 16) or social landlord (bailleur social, law art. 38).",
});
export const ConventionKindEnum = builder.enumType(ConventionKind, {
  name: "ConventionKind",
  description: "FINANCIAL_PARTICIPATION: convention de participation financière with a developer (art. 8-9); COMPENSATION: compensation convention with a landlord (art. 40); PUBLIC_PRIVATE_PARTNERSHIP: bill art. 72bis.",
});
export const DwellingCategoryEnum = builder.enumType(DwellingCategory, {
  name: "DwellingCategory",
  description: "Catégorie de logement (law art. 12): destined to all public, or dedicated to a category of people.",
});
export const DedicatedSubCategoryEnum = builder.enumType(DedicatedSubCategory, {
  name: "DedicatedSubCategory",
  description: "Sub-category of a dedicated dwelling (logement dédié, law art. 12 §2; bill art. 12).",
});
export const DwellingTypeEnum = builder.enumType(DwellingType, { name: "DwellingType", description: "Physical type of a dwelling; houses bear the +10 % of annex III." });
export const DwellingStatusEnum = builder.enumType(DwellingStatus, { name: "DwellingStatus", description: "Letting status of a dwelling (vacancy counts for art. 40 §3)." });
export const AccommodationUnitStatusEnum = builder.enumType(AccommodationUnitStatus, { name: "AccommodationUnitStatus", description: "Letting status of an accommodation unit (unité d'hébergement)." });
export const ResidenceStatusEnum = builder.enumType(ResidenceStatus, { name: "ResidenceStatus", description: "Residence title of the applicant (art. 55 §1 4°; bill adds nationality, protection, diplomatic card)." });
export const HouseholdRoleEnum = builder.enumType(HouseholdRole, { name: "HouseholdRole", description: "Place of a member in the household (communauté domestique, art. 3)." });
export const ApplicationMotiveEnum = builder.enumType(ApplicationMotive, { name: "ApplicationMotive", description: "Motive of an application on the register (art. 57 §1 criteria)." });
export const ApplicationStatusEnum = builder.enumType(ApplicationStatus, { name: "ApplicationStatus", description: "Status of an application on the national register (art. 74)." });
export const AllocationFileStatusEnum = builder.enumType(AllocationFileStatus, { name: "AllocationFileStatus", description: "Stage of an allocation file (dossier d'attribution, art. 53-59, Esch ROI)." });
export const LeaseStatusEnum = builder.enumType(LeaseStatus, { name: "LeaseStatus", description: "Status of an affordable lease (bail abordable, art. 64)." });
export const RoleEnum = builder.enumType(Role, { name: "Role", description: "Role carried by an API key." });

export const SortDirection = builder.enumType("SortDirection", {
  description: "Order of a sorted list.",
  values: { ASC: { description: "Ascending." }, DESC: { description: "Descending." } } as const,
});
