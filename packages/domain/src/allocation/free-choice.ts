/**
 * Free choice — law art. 53 al. 3 (bill art. 30 2°) and art. 54 (dedicated dwellings).
 *
 * Art. 53 is the procedure « des logements tous publics »: a landlord over the threshold may allocate
 * up to a share of them « en choisissant parmi les candidats-locataires répondant aux seuls critères
 * prévus aux articles 55, paragraphe 1er et 58, alinéa 1er, point 1° ». A dedicated dwelling is not
 * allocated under art. 53 but « librement » under art. 54: it never uses nor counts against the
 * art. 53 quota, and its household must belong to the dwelling's sub-category (art. 12 §3, art. 54;
 * the former free-choice path checked neither).
 */
import type { IsoDate, RegimeOptions } from "../parameters/types.js";
import { typologyFit, type TypologyFit } from "./bedrooms.js";
import { checkDedicated, type DedicatedSubCategory } from "./dedicated.js";
import { checkEligibility, type EligibilityResult } from "./eligibility.js";
import type { Household } from "./household.js";
import { cite, type Citation, lawReader } from "./law.js";
import { freeChoiceAllowance, type FreeChoiceAnswer } from "./quotas.js";
import { allocationReadings, type AllocationReadingOptions, type AllocationReadings } from "./readings.js";

export interface FreeChoiceRequest extends RegimeOptions, AllocationReadingOptions {
  readonly household: Household;
  readonly dwelling: {
    readonly bedrooms: number;
    readonly adaptedForDisability?: boolean;
    readonly category:
      | { readonly kind: "ALL_PUBLIC" }
      | { readonly kind: "DEDICATED"; readonly subCategory: DedicatedSubCategory; readonly documentedMedicalReason?: boolean };
  };
  /** Day of the allocation (lease): art. 55 §1 al. 2. */
  readonly on: IsoDate;
  /**
   * Art. 53 al. 3 quota inputs, for a « logement tous publics »: the landlord's affordable dwellings
   * (art. 11, the threshold), and this year's allocations of TOUS PUBLICS dwellings and of those by
   * free choice (the share is « des logements » of art. 53; dedicated dwellings are not counted).
   */
  readonly quota?: { readonly managedDwellings: number; readonly allPublicAllocationsThisYear: number; readonly allPublicFreeChoiceThisYear: number };
}

export interface FreeChoiceFailure {
  readonly rule: "ELIGIBILITY" | "TYPOLOGY" | "SUBCATEGORY" | "QUOTA" | "QUOTA_INPUTS_MISSING";
  readonly reason: string;
  readonly citation: Citation;
}

export interface FreeChoiceCheck {
  readonly allowed: boolean;
  /** Art. 53 al. 3 (tous publics, under the quota) or art. 54 (dedicated, free allocation, no quota). */
  readonly procedure: "ART_53_FREE_CHOICE" | "ART_54_DEDICATED";
  readonly failures: readonly FreeChoiceFailure[];
  readonly eligibility: EligibilityResult;
  readonly typology: TypologyFit;
  readonly quota: FreeChoiceAnswer | null;
  readonly readings: AllocationReadings;
}

const ART58 = cite("LAW_2023", "58", "household size against the dwelling's typology", { alinea: "1", point: "1°" });

/** May this household be allocated this dwelling by the landlord's choice, on `on`? Every failure is listed. */
export function checkFreeChoice(req: FreeChoiceRequest): FreeChoiceCheck {
  const readings = allocationReadings(req);
  const law = lawReader(req);
  const cat = req.dwelling.category;
  const dedicated = cat.kind === "DEDICATED";
  const failures: FreeChoiceFailure[] = [];

  const eligibility = checkEligibility(req.household, { ...req, asOf: req.on });
  for (const f of eligibility.failures) failures.push({ rule: "ELIGIBILITY", reason: f.reason, citation: f.citation });

  // Art. 58 al. 1 1° with the art. 66 threshold and the seniors' medical extra bedroom (one rule).
  const typology = typologyFit(
    req.household,
    {
      bedrooms: req.dwelling.bedrooms,
      ...(req.dwelling.adaptedForDisability !== undefined ? { adaptedForDisability: req.dwelling.adaptedForDisability } : {}),
      seniorsDedicated: dedicated && cat.subCategory === "SENIORS",
      documentedMedicalReason: dedicated && Boolean(cat.documentedMedicalReason),
    },
    req.on,
    req,
    law,
  );
  if (typology.status === "TOO_SMALL")
    failures.push({ rule: "TYPOLOGY", reason: `${typology.bedrooms} bedroom(s) for ${typology.need.needed} needed`, citation: ART58 });
  if (typology.underOccupancy.underOccupied)
    failures.push({
      rule: "TYPOLOGY",
      reason: `${typology.bedrooms} bedroom(s) would be under-occupied (art. 66: from ${typology.underOccupancy.threshold})`,
      citation: typology.underOccupancy.citation,
    });
  if (typology.installationsMismatch) failures.push({ rule: "TYPOLOGY", reason: "a member needs an adapted dwelling and this one is not", citation: ART58 });

  let quota: FreeChoiceAnswer | null = null;
  if (dedicated) {
    // Art. 12 §3 and art. 54: the household must belong to the dwelling's sub-category.
    for (const f of checkDedicated(req.household, cat.subCategory, { ...req, allocationDate: req.on }, law).failures)
      failures.push({ rule: "SUBCATEGORY", reason: f.reason, citation: f.citation });
  } else if (!req.quota) {
    failures.push({
      rule: "QUOTA_INPUTS_MISSING",
      reason: "quota inputs (managed dwellings, this year's tous-publics allocations and free choices) are required for a logement tous publics",
      citation: cite("LAW_2023", "53", "free-choice quota", { alinea: "3" }),
    });
  } else {
    quota = freeChoiceAllowance({
      ...req,
      asOf: req.on,
      managedDwellings: req.quota.managedDwellings,
      allocationsThisYear: req.quota.allPublicAllocationsThisYear,
      freeChoiceThisYear: req.quota.allPublicFreeChoiceThisYear,
    });
    if (!quota.allowed) failures.push({ rule: "QUOTA", reason: quota.reason, citation: quota.citation });
  }
  return { allowed: failures.length === 0, procedure: dedicated ? "ART_54_DEDICATED" : "ART_53_FREE_CHOICE", failures, eligibility, typology, quota, readings };
}
