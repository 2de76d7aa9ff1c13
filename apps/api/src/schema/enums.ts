/** Enumerations shared with the data model, each value described with its legal source. */
import {
  AccommodationUnitStatus,
  ApplicationMotive,
  ApplicationStatus,
  AllocationFileStatus,
  Canton,
  ConventionKind,
  DedicatedSubCategory,
  DwellingCategory,
  DwellingStatus,
  DwellingType,
  HouseholdRole,
  LeaseStatus,
  MemberSituation,
  OrganisationKind,
  ResidenceStatus,
  Role,
} from "../generated/prisma/enums.js";
import { builder } from "./builder.js";

/** A GraphQL enum mirroring a Prisma enum; every value must be described (the compiler checks the list is complete). */
function describedEnum<const T extends Record<string, string>>(name: string, source: T, description: string, values: { [K in keyof T]: string }) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(Object.keys(source).map((k) => [k, { value: k, description: values[k as keyof T] }])) as {
      [K in keyof T & string]: { value: K; description: string };
    },
  });
}

export const CantonEnum = describedEnum("Canton", Canton, "Canton of the Grand Duchy.", {
  CAPELLEN: "Canton de Capellen.",
  CLERVAUX: "Canton de Clervaux.",
  DIEKIRCH: "Canton de Diekirch.",
  ECHTERNACH: "Canton d'Echternach.",
  ESCH_SUR_ALZETTE: "Canton d'Esch-sur-Alzette.",
  GREVENMACHER: "Canton de Grevenmacher.",
  LUXEMBOURG: "Canton de Luxembourg.",
  MERSCH: "Canton de Mersch.",
  REDANGE: "Canton de Redange.",
  REMICH: "Canton de Remich.",
  VIANDEN: "Canton de Vianden.",
  WILTZ: "Canton de Wiltz.",
});

export const OrganisationKindEnum = describedEnum(
  "OrganisationKind",
  OrganisationKind,
  "Legal form of a social developer (promoteur social, law art. 16) or social landlord (bailleur social, law art. 38).",
  {
    MINISTRY: "The ministry in charge of housing.",
    MUNICIPALITY: "Commune.",
    MUNICIPAL_SYNDICATE: "Syndicat de communes.",
    FONDS_DU_LOGEMENT: "Fonds du Logement (excluded from capital remuneration and landlord compensation, art. 13 and 40 §4).",
    SNHBM: "Société nationale des habitations à bon marché.",
    ASSOCIATION_OR_FOUNDATION: "Association sans but lucratif or fondation.",
    COOPERATIVE: "Société coopérative (cooperative housing).",
    COMPANY: "Company (société), e.g. a public-private partner (bill art. 72bis).",
    PUBLIC_ESTABLISHMENT: "Établissement public, e.g. the University of Luxembourg.",
  },
);

export const ConventionKindEnum = describedEnum("ConventionKind", ConventionKind, "Kind of convention with the State.", {
  FINANCIAL_PARTICIPATION: "Convention de participation financière with a social developer (law art. 8-9).",
  COMPENSATION: "Compensation convention with a social landlord (law art. 40).",
  PUBLIC_PRIVATE_PARTNERSHIP: "Public-private partnership convention (bill art. 72bis).",
});

export const DwellingCategoryEnum = describedEnum("DwellingCategory", DwellingCategory, "Catégorie de logement (law art. 12).", {
  ALL_PUBLIC: "Logement destiné à tout public.",
  DEDICATED: "Logement dédié à une catégorie de personnes (art. 12 §2); see DedicatedSubCategory.",
});

export const DedicatedSubCategoryEnum = describedEnum(
  "DedicatedSubCategory",
  DedicatedSubCategory,
  "Sub-category of a dedicated dwelling (logement dédié, law art. 12 §2; bill art. 12).",
  {
    INTERNATIONAL_PROTECTION: "Applicants for or beneficiaries of international protection.",
    STUDENTS: "Students (bill: full-time bachelor or master enrolment).",
    CLOSE_SOCIAL_SUPPORT: "People needing close social support (accompagnement social rapproché).",
    YOUNG_PEOPLE: "Young people (law: under 26 at allocation; bill: under 29).",
    SENIORS: "People aged 60 or more.",
    COOPERATIVE_MEMBERS: "Members of the housing cooperative.",
    EMPLOYEES: "Employees of the developer or of its principal.",
    RESERVE: "Reserve for people in extreme distress.",
  },
);

export const DwellingTypeEnum = describedEnum("DwellingType", DwellingType, "Physical type of a dwelling.", {
  APARTMENT: "Apartment.",
  HOUSE: "House (+10 % on the affordable rent, annex III).",
  STUDIO: "Studio (no separate bedroom).",
  SHARED_DWELLING: "Shared dwelling (logement partagé) let by accommodation units (bill art. 13 §2 al. 2).",
});

export const DwellingStatusEnum = describedEnum("DwellingStatus", DwellingStatus, "Letting status of a dwelling (vacancy counts for art. 40 §3).", {
  UNDER_CONSTRUCTION: "Not yet delivered.",
  VACANT: "Available and not let.",
  LET: "Let (for a shared dwelling: at least one unit let).",
  UNDER_RENOVATION: "Vacant because of renovation (a vacancy reason of art. 40 §3).",
  WITHDRAWN: "No longer in the affordable stock.",
});

export const AccommodationUnitStatusEnum = describedEnum(
  "AccommodationUnitStatus",
  AccommodationUnitStatus,
  "Letting status of an accommodation unit (unité d'hébergement).",
  {
    VACANT: "Available and not let.",
    LET: "Let.",
    UNAVAILABLE: "Not available (works, dwelling not in service).",
  },
);

export const ResidenceStatusEnum = describedEnum(
  "ResidenceStatus",
  ResidenceStatus,
  "Residence title of the applicant (art. 55 §1 4°; the bill adds nationality, protection and cards).",
  {
    LUXEMBOURG_NATIONAL: "Luxembourg nationality (bill art. 55 §1 4°).",
    EU_RESIDENCE_RIGHT: "Right of residence as an EU citizen or family member.",
    THIRD_COUNTRY_RESIDENCE_PERMIT: "Residence permit of a third-country national.",
    INTERNATIONAL_PROTECTION: "Beneficiary of international protection (bill art. 55 §1 4°).",
    DIPLOMATIC_OR_LEGITIMATION_CARD: "Diplomatic or legitimation card (bill art. 55 §1 4°).",
    NONE: "No residence title.",
    INTERNATIONAL_PROTECTION_APPLICANT:
      "Applicant for international protection (demandeur de protection internationale): not a beneficiary, and no residence right from the application (art. 55 §1 4°).",
  },
);

export const MemberSituationEnum = describedEnum(
  "MemberSituation",
  MemberSituation,
  "A member's situation that places them in a dedicated sub-category (catégorie de logements dédiés, law art. 12 §3; bill art. 8), on the evidence the register holds. Young people and seniors follow from the birth date, international protection from the residence title.",
  {
    STUDENT: "Student (étudiant; bill: full-time bachelor or master enrolment), art. 12 §3 2°.",
    CLOSE_SOCIAL_SUPPORT: "Person in need of close social support (accompagnement social de proximité), art. 12 §3 3°.",
    COOPERATIVE_MEMBER: "Member of a housing cooperative (membre d'une société coopérative), art. 12 §3 6°.",
    EMPLOYEE_OF_DEVELOPER: "Employee of the developer or of its principal (salarié), art. 12 §3 7°.",
    EXTREME_DISTRESS: "In extreme distress, for the reserve (réserve pour situations de détresse extrême), art. 12 §3 8°.",
  },
);

export const HouseholdRoleEnum = describedEnum("HouseholdRole", HouseholdRole, "Place of a member in the household (communauté domestique, art. 3).", {
  APPLICANT: "The applicant (demandeur).",
  PARTNER: "Spouse, registered partner or cohabitant of the applicant (couple, bill art. 3 4°bis).",
  CHILD: "Child.",
  OTHER_ADULT: "Another adult sharing home and budget.",
});

export const ApplicationMotiveEnum = describedEnum("ApplicationMotive", ApplicationMotive, "Motive of an application on the register (art. 57 §1 criteria).", {
  NO_HOME: "No home or precarious title (art. 57 §1 1°).",
  NOTICE_OF_TERMINATION: "Notice of termination received (art. 57 §1 2°).",
  EVICTION_JUDGMENT: "Eviction judgment (art. 57 §1 3°).",
  OVERCROWDING: "Too few bedrooms or too little area per member (art. 57 §1 4°).",
  INSALUBRITY: "Insalubrious home (art. 57 §1 5°).",
  UNSUITABLE_FOR_DISABILITY: "Home unsuitable for a disabled member (art. 57 §1 6°).",
  EXCESSIVE_RENT: "Rent too high for the income (art. 57 §1 7°).",
  FAMILY_CHANGE: "Change of family situation.",
  OTHER: "Another motive.",
});

export const ApplicationStatusEnum = describedEnum("ApplicationStatus", ApplicationStatus, "Status of an application on the national register (art. 74).", {
  ACTIVE: "Waiting for a dwelling.",
  ALLOCATED: "A dwelling was allocated.",
  WITHDRAWN: "Withdrawn by the candidate or struck off.",
  SUSPENDED: "Suspended (e.g. criteria frozen after refusals, art. 57 §3).",
});

export const AllocationFileStatusEnum = describedEnum(
  "AllocationFileStatus",
  AllocationFileStatus,
  "Stage of an allocation file (dossier d'attribution, art. 53-59, Esch ROI).",
  {
    VACANCY: "Vacancy declared.",
    SHORTLIST: "Candidates pre-selected from the register.",
    SOCIAL_ENQUIRY: "Social enquiry under way (art. 59).",
    COMMISSION_OPINION: "Before the advisory commission (commission consultative).",
    HOUSING_PROMISE: "Housing promise made to the selected candidate.",
    VISIT: "Visit of the dwelling.",
    LEASE_SIGNED: "Lease signed.",
    REFUSED: "Offer refused by the candidate (justified or not, art. 57 §3).",
    CLOSED: "Closed without allocation.",
  },
);

export const LeaseStatusEnum = describedEnum("LeaseStatus", LeaseStatus, "Status of an affordable lease (bail abordable, art. 64).", {
  ACTIVE: "In force.",
  ENDED: "Ended (art. 69-70).",
});

export const RoleEnum = describedEnum("Role", Role, "Role carried by an API key.", {
  MINISTRY_ADMIN: "Ministry administrator: reads everything, manages API keys, may act for a landlord.",
  MINISTRY_ANALYST: "Ministry analyst: reads everything, candidates pseudonymised; changes nothing.",
  SOCIAL_LANDLORD: "Social landlord (bailleur social): its own stock, leases, allocation files and statements.",
  SOCIAL_DEVELOPER: "Social developer (promoteur social): its own projects, conventions and dwellings developed.",
});

export const SortDirection = builder.enumType("SortDirection", {
  description: "Order of a sorted list.",
  values: { ASC: { description: "Ascending." }, DESC: { description: "Descending." } } as const,
});
