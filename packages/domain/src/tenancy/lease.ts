/**
 * The affordable lease — law art. 63-65: recoverable charges (art. 63 al. 2, bill art. 37 adds 9°),
 * indefinite duration and main permanent home (art. 64), no sub-letting, assignment or business
 * (art. 65). Dedicated-dwelling categories of art. 12 §3 (used by the ends of lease, art. 69-70).
 */
import type { IsoDate, LegalReference, RegimeOptions } from "../parameters/types.js";
import { billInForce, billRef, lawRef } from "./common.js";

export interface ChargeCategoryInfo {
  readonly point: string;
  readonly french: string;
  readonly english: string;
  readonly reference: LegalReference;
  /** Only once bill 8535 is in force (bill art. 37 2°). */
  readonly billOnly: boolean;
}

const charge = (point: string, french: string, english: string): ChargeCategoryInfo => ({
  point,
  french,
  english,
  reference: lawRef("63", { alinea: "2", point }),
  billOnly: false,
});

/** Art. 63 al. 2: the charges a tenant bears (real costs incurred for the tenants). Never part of the art. 40 compensation. */
export const CHARGE_CATEGORIES = {
  COMMON_PARTS_CLEANING: charge("1°", "les frais de nettoyage des parties communes", "cleaning of common parts"),
  COMMON_PARTS_UTILITIES: charge("2°", "les frais d'électricité, de chauffage et d'eau des parties communes", "electricity, heating and water of common parts"),
  LIFT_MAINTENANCE: charge("3°", "les frais de contrôle et de maintenance courante des ascenseurs", "inspection and routine maintenance of lifts"),
  GREEN_SPACES: charge("4°", "les frais d'entretien des surfaces vertes ou équivalentes", "upkeep of green or equivalent areas"),
  MUNICIPAL_TAXES: charge(
    "5°",
    "les taxes communales concernant la canalisation et l'enlèvement des ordures",
    "municipal sewerage and refuse-collection taxes",
  ),
  MINOR_REPAIRS: charge("6°", "les menues réparations d'entretien", "minor maintenance repairs"),
  REGULAR_MAINTENANCE: charge(
    "7°",
    "les travaux d'entretien réguliers qui ne sont pas la conséquence d'une erreur de conception ou d'un vice de réalisation",
    "regular maintenance not due to a design or construction defect",
  ),
  TENANT_CAUSED_REPAIRS: charge(
    "8°",
    "les travaux de réparation causés par le comportement inapproprié du locataire",
    "repairs caused by the tenant's inappropriate behaviour",
  ),
  OTHER_INDISPENSABLE_EXPENSE: {
    point: "9°",
    french: "toute autre dépense indispensable à l'utilisation normale des lieux et exposée en faveur des locataires",
    english: "any other expense indispensable to the normal use of the premises, incurred for the tenants",
    reference: billRef("37", { point: "2°", amends: { article: "63", alinea: "2", point: "9°" } }),
    billOnly: true,
  },
} as const satisfies Record<string, ChargeCategoryInfo>;
export type ChargeCategory = keyof typeof CHARGE_CATEGORIES;
export const CHARGE_CATEGORY_IDS = Object.keys(CHARGE_CATEGORIES) as ChargeCategory[];

/** The charge categories recoverable on `asOf` under the regime (9° only once the bill is in force). */
export function recoverableChargeCategories(asOf: IsoDate, options: RegimeOptions): ChargeCategory[] {
  const bill = billInForce(asOf, options);
  return CHARGE_CATEGORY_IDS.filter((c) => bill || !CHARGE_CATEGORIES[c].billOnly);
}

export function isRecoverableCharge(category: ChargeCategory, asOf: IsoDate, options: RegimeOptions): boolean {
  return recoverableChargeCategories(asOf, options).includes(category);
}

/** Art. 12 §3: dwelling categories (ALL_PUBLIC = logement tous publics). */
export const TENANCY_DWELLING_CATEGORIES = [
  "ALL_PUBLIC",
  "INTERNATIONAL_PROTECTION",
  "STUDENTS",
  "CLOSE_SUPPORT",
  "YOUNG",
  "SENIOR",
  "COOPERATIVE_MEMBERS",
  "EMPLOYEES",
  "RESERVE",
] as const;
export type TenancyDwellingCategory = (typeof TENANCY_DWELLING_CATEGORIES)[number];

/** Art. 64-65: the terms every affordable lease carries. */
export const LEASE_TERMS = {
  duration: { value: "INDEFINITE", reference: lawRef("64", { alinea: "1" }), french: "Le bail abordable est conclu à durée indéterminée." },
  mainPermanentHome: { reference: lawRef("64", { alinea: "2" }), french: "à titre d'habitation principale et permanente" },
  noSubletting: {
    reference: lawRef("65", { alinea: "1" }),
    french: "ne peut ni sous-louer ou mettre à disposition à titre gratuit ou à titre onéreux le logement, ni céder son bail",
  },
  noBusiness: {
    reference: lawRef("65", { alinea: "2" }),
    french: "Aucune activité commerciale, libérale ou artisanale ne peut être exercée dans le logement.",
  },
} as const;

export interface AffordableLease {
  readonly id: string;
  readonly dwellingId: string;
  readonly landlordId: string;
  readonly category: TenancyDwellingCategory;
  /** Tenants (signatories) with their birth dates. */
  readonly tenants: readonly { readonly id: string; readonly birthDate: IsoDate }[];
  /** Entry into the premises (entrée en jouissance). */
  readonly startDate: IsoDate;
  /** Art. 64: always indefinite; the lease ends only by the grounds of art. 67, 69 and 70 (or by agreement). */
  readonly duration: "INDEFINITE";
}

/** Builds a lease; the duration is indefinite by law (art. 64 al. 1). */
export function createAffordableLease(input: Omit<AffordableLease, "duration">): AffordableLease {
  if (input.tenants.length === 0) throw new RangeError("an affordable lease needs at least one tenant");
  return { ...input, duration: "INDEFINITE" };
}
