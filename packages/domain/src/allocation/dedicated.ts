/**
 * Dedicated dwellings — law art. 12 §3 (bill art. 8) and art. 54.
 * Sub-categories: international protection (deleted by the bill, art. 8 1° a), students (bill:
 * full-time bachelor/master enrolment), close social support, young people (under 26; bill 29, at
 * allocation), people aged 60+, cooperative members, employees of the developer or its principal,
 * reserve (extreme distress).
 * Law: seniors' dwellings are for people alone or as a couple, at least one member 60+; for the
 * other sub-categories the applicant (future tenant) must belong to it, or — close social support —
 * the tenant or a member (reading `dedicated-membership-law`).
 * Bill art. 8 1° f) (art. 12 §3 al. 2): every dedicated dwelling is for people alone or as a
 * couple, at least one member belonging to the sub-category.
 */
import type { IsoDate, RegimeOptions } from "../parameters/types.js";
import { dedicatedBedroomLimit, type DedicatedBedroomLimit } from "./bedrooms.js";
import { ageInFullYears, effectiveCouples, type Household, type Member, validateHousehold } from "./household.js";
import { cite, type Citation, lawReader, type LawReader } from "./law.js";

export const DEDICATED_SUBCATEGORIES = [
  "INTERNATIONAL_PROTECTION",
  "STUDENTS",
  "CLOSE_SOCIAL_SUPPORT",
  "YOUNG",
  "SENIORS",
  "COOPERATIVE_MEMBERS",
  "EMPLOYEES",
  "RESERVE",
] as const;
export type DedicatedSubCategory = (typeof DEDICATED_SUBCATEGORIES)[number];

const POINT: Record<DedicatedSubCategory, string> = {
  INTERNATIONAL_PROTECTION: "1°",
  STUDENTS: "2°",
  CLOSE_SOCIAL_SUPPORT: "3°",
  YOUNG: "4°",
  SENIORS: "5°",
  COOPERATIVE_MEMBERS: "6°",
  EMPLOYEES: "7°",
  RESERVE: "8°",
};

export interface DedicatedFailure {
  readonly rule: "SUBCATEGORY_REPEALED" | "HOUSEHOLD_SHAPE" | "NO_MEMBER_IN_SUBCATEGORY" | "APPLICANT_NOT_IN_SUBCATEGORY" | "TOO_MANY_BEDROOMS";
  readonly reason: string;
  readonly citation: Citation;
}

export interface DedicatedCheck {
  readonly ok: boolean;
  readonly subCategory: DedicatedSubCategory;
  readonly qualifyingMembers: readonly string[];
  readonly failures: readonly DedicatedFailure[];
  readonly bedroomLimit?: DedicatedBedroomLimit;
}

/** Whether `m` belongs to the sub-category on the allocation date (ages « au moment de l'attribution »). */
export function belongsTo(m: Member, sub: DedicatedSubCategory, allocationDate: IsoDate, options: RegimeOptions, law: LawReader = lawReader(options)): boolean {
  const s = m.status ?? {};
  switch (sub) {
    case "INTERNATIONAL_PROTECTION":
      return s.internationalProtection !== undefined;
    case "STUDENTS":
      return Boolean(s.student);
    case "CLOSE_SOCIAL_SUPPORT":
      return Boolean(s.closeSocialSupport);
    case "YOUNG":
      return ageInFullYears(m.birthDate, allocationDate) < law.integer("dedicated.young.maxAgeExclusive", allocationDate);
    case "SENIORS":
      return ageInFullYears(m.birthDate, allocationDate) >= law.integer("dedicated.senior.minAge", allocationDate);
    case "COOPERATIVE_MEMBERS":
      return Boolean(s.cooperativeMember);
    case "EMPLOYEES":
      return Boolean(s.employeeOfDeveloperOrPrincipal);
    case "RESERVE":
      return Boolean(s.extremeDistress);
  }
}

/** Alone, or exactly one couple (bill art. 3 4°bis) and nobody else. */
function singleOrCouple(h: Household): boolean {
  if (h.members.length === 1) return true;
  return h.members.length === 2 && effectiveCouples(h).length === 1;
}

export interface DedicatedOptions extends RegimeOptions {
  readonly allocationDate: IsoDate;
  /** Bedrooms of the dedicated dwelling, to check the art. 54 §2 limit. */
  readonly bedrooms?: number;
  /** Seniors: duly justified medical reason for one extra bedroom (bill art. 54 §2 al. 3). */
  readonly documentedMedicalReason?: boolean;
}

/** Art. 12 §3 and art. 54: may this household be allocated a dwelling of this sub-category? */
export function checkDedicated(h: Household, sub: DedicatedSubCategory, opts: DedicatedOptions, law: LawReader = lawReader(opts)): DedicatedCheck {
  validateHousehold(h);
  const date = opts.allocationDate;
  const failures: DedicatedFailure[] = [];
  const art12 = cite("LAW_2023", "12", `dedicated dwellings, sub-category ${POINT[sub]}`, { paragraph: "3", point: POINT[sub] });

  if (sub === "INTERNATIONAL_PROTECTION" && law.code("dedicated.subCategories", date) === "WITHOUT_INTERNATIONAL_PROTECTION")
    failures.push({
      rule: "SUBCATEGORY_REPEALED",
      reason: "the international-protection sub-category (art. 12 §3 1°) is deleted by bill 8535",
      citation: cite("BILL_8535", "8", "art. 12 §3 1° deleted", { point: "1° a)" }),
    });

  const qualifying = h.members.filter((m) => belongsTo(m, sub, date, opts, law)).map((m) => m.id);
  const shape = law.code("dedicated.householdShape", date);
  const shapeApplies = shape === "ALL_SINGLE_OR_COUPLE" || sub === "SENIORS";
  const shapeCitation =
    shape === "ALL_SINGLE_OR_COUPLE"
      ? cite("BILL_8535", "8", "art. 12 §3 al. 2: people alone or as a couple, at least one member in the sub-category", { point: "1° f)" })
      : art12;

  if (shapeApplies && !singleOrCouple(h))
    failures.push({
      rule: "HOUSEHOLD_SHAPE",
      reason: `dedicated dwellings ${shape === "ALL_SINGLE_OR_COUPLE" ? "" : "for seniors "}are for people alone or as a couple; household of ${h.members.length} member(s) with ${effectiveCouples(h).length} couple(s)`,
      citation: shapeCitation,
    });

  if (shapeApplies || sub === "CLOSE_SOCIAL_SUPPORT") {
    if (qualifying.length === 0)
      failures.push({ rule: "NO_MEMBER_IN_SUBCATEGORY", reason: `no member belongs to sub-category ${sub} on ${date}`, citation: shapeCitation });
  } else {
    const applicant = h.members.find((m) => m.role === "APPLICANT")!;
    if (!qualifying.includes(applicant.id))
      failures.push({ rule: "APPLICANT_NOT_IN_SUBCATEGORY", reason: `the applicant does not belong to sub-category ${sub} on ${date}`, citation: art12 });
  }

  // Bedrooms: art. 66 under-occupancy with the seniors' medical extra bedroom (bill art. 54 §2 al. 3),
  // the one rule the typology check also applies (no separate « dedicated bedroom limit »: no text).
  let bedroomLimit: DedicatedBedroomLimit | undefined;
  if (opts.bedrooms !== undefined) {
    bedroomLimit = dedicatedBedroomLimit(h, opts.bedrooms, date, sub === "SENIORS", Boolean(opts.documentedMedicalReason), opts, law);
    if (bedroomLimit.exceeded)
      failures.push({
        rule: "TOO_MANY_BEDROOMS",
        reason: `${opts.bedrooms} bedroom(s) would be under-occupied (art. 66: at most ${bedroomLimit.max}${bedroomLimit.medicalExtra > 0 ? ", with the medical extra bedroom" : ""})`,
        citation: bedroomLimit.citation,
      });
  }
  return { ok: failures.length === 0, subCategory: sub, qualifyingMembers: qualifying, failures, ...(bedroomLimit ? { bedroomLimit } : {}) };
}
