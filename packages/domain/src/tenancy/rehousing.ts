/**
 * Under-occupancy and rehousing — law art. 66-67 as amended by bill 8535 art. 39-40 (and bill art. 31
 * for the seniors' medical bedroom, art. 54 §2 al. 3).
 *
 * The seniors' medical extra bedroom is the allocation engine's one rule (`seniorsMedicalExtraBedrooms`).
 */
import type { ParameterVersionUsed } from "../parameters/trace.js";
import { citeVersion } from "../parameters/trace.js";
import type { IsoDate, LegalReference, RegimeOptions } from "../parameters/types.js";
import { seniorsMedicalExtraBedrooms } from "../allocation/bedrooms.js";
import { lawReader, ParameterLog } from "../allocation/law.js";
import { addMonths, addYears, billInForce, billRef, birthday, lawRef, maxDate, resolveIfInForce, resolveRequired, wholeValue } from "./common.js";

// ---------------------------------------------------------------------------------------------
// Art. 66: under-occupancy

export interface TenancyOccupancyFacts {
  /** Members of the household (communauté domestique). */
  readonly members: number;
  /** Couples among them (bill art. 3 4°bis: married, partners or cohabiting); each counts once under the bill. */
  readonly couples: number;
  readonly bedrooms: number;
  /** The dwelling is dedicated to people aged 60 or more (art. 12 §3 5°). */
  readonly seniorDedicated: boolean;
  /** Duly justified medical reasons for an extra bedroom (bill art. 31 2° b → art. 54 §2 al. 3). */
  readonly medicalReasonDocumented: boolean;
}

export interface TenancyUnderOccupancyAssessment {
  readonly underOccupied: boolean;
  /** Members (law) or members with each couple counted once (bill). */
  readonly units: number;
  /** Bedrooms from which the dwelling is under-occupied. */
  readonly threshold: number;
  readonly bedrooms: number;
  readonly couplesCountOnce: boolean;
  readonly seniorMedicalExceptionApplied: boolean;
  readonly reference: LegalReference;
  readonly parameters: readonly ParameterVersionUsed[];
  readonly interpretationNotes: readonly string[];
}

/** Art. 66 (bill art. 39): is the dwelling under-occupied on `asOf`? (note `under-occupancy-units`) */
export function tenancyUnderOccupancy(facts: TenancyOccupancyFacts, asOf: IsoDate, options: RegimeOptions): TenancyUnderOccupancyAssessment {
  for (const [k, v] of Object.entries({ members: facts.members, couples: facts.couples, bedrooms: facts.bedrooms }))
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${k} must be a whole number ≥ 0`);
  if (facts.members < 1) throw new RangeError("a household has at least one member");
  if (facts.couples * 2 > facts.members) throw new RangeError("more couples than pairs of members");
  const extra = resolveRequired("tenancy.underOccupancy.extraBedrooms", asOf, options);
  const couplesCountOnce = extra.version.origin === "BILL_8535";
  const units = couplesCountOnce ? facts.members - facts.couples : facts.members;
  const params = [citeVersion(extra.version)];
  let threshold = units + wholeValue(extra);
  let seniorMedicalExceptionApplied = false;
  // Bill art. 54 §2 al. 3: the one rule the allocation engine also applies (shortlist, free choice).
  const log = new ParameterLog();
  const medical = seniorsMedicalExtraBedrooms(facts.seniorDedicated, facts.medicalReasonDocumented, asOf, options, lawReader(options, log));
  if (medical.extra > 0) {
    threshold += medical.extra;
    seniorMedicalExceptionApplied = true;
    params.push(...log.list());
  }
  return {
    underOccupied: facts.bedrooms >= threshold,
    units,
    threshold,
    bedrooms: facts.bedrooms,
    couplesCountOnce,
    seniorMedicalExceptionApplied,
    reference: couplesCountOnce ? billRef("39", { amends: { article: "66" } }) : lawRef("66"),
    parameters: params,
    interpretationNotes: [
      "under-occupancy-units",
      ...(facts.seniorDedicated && facts.medicalReasonDocumented && !seniorMedicalExceptionApplied ? ["bill-only-provisions"] : []),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Art. 67: rehousing

export const REHOUSING_CASES = {
  UNDER_OCCUPANCY: { reference: lawRef("67", { paragraph: "1", alinea: "1", point: "1°" }), mandatory: true, typologyMismatch: true, billOnly: false },
  NON_COMPLIANT: { reference: lawRef("67", { paragraph: "1", alinea: "1", point: "2°" }), mandatory: true, typologyMismatch: false, billOnly: false },
  RENOVATION: { reference: lawRef("67", { paragraph: "1", alinea: "1", point: "3°" }), mandatory: true, typologyMismatch: false, billOnly: false },
  /** Typology not matching the household (art. 58 §1 al. 1 pt 1°) other than under-occupancy, e.g. overcrowding: on request under the law (§2 1°), the landlord's duty under the bill (§2). */
  TYPOLOGY_MISMATCH: {
    reference: billRef("40", { point: "2°", amends: { article: "67", paragraph: "2", alinea: "1" } }),
    mandatory: true,
    typologyMismatch: true,
    billOnly: false,
  },
  /** Law §2 / bill §2ter: changes in the household, health, work or school, other serious reasons. */
  TENANT_REQUEST: { reference: lawRef("67", { paragraph: "2" }), mandatory: false, typologyMismatch: false, billOnly: false },
  /** Bill §4: no dwelling of the household's typology in the landlord's stock — offer in another social landlord's stock. */
  OTHER_LANDLORD_STOCK: {
    reference: billRef("40", { point: "4°", amends: { article: "67", paragraph: "4" } }),
    mandatory: true,
    typologyMismatch: true,
    billOnly: true,
  },
} as const;
export type RehousingCase = keyof typeof REHOUSING_CASES;

export interface RehousingOffer {
  readonly dwellingId: string;
  /** Notification of the offer to the tenant. */
  readonly notifiedOn: IsoDate;
  readonly stock: "OWN" | "OTHER_LANDLORD";
  /** Art. 67 §1 al. 2: the typology matches the household (default true). */
  readonly fitsHousehold?: boolean;
  readonly response?: { readonly kind: "ACCEPTED" | "REFUSED"; readonly on: IsoDate };
}

export interface RehousingFile {
  readonly leaseId: string;
  readonly case: RehousingCase;
  /** The landlord learned of the mismatch (bill art. 67 §2 al. 2). */
  readonly knownOn: IsoDate;
  readonly tenants: readonly { readonly id: string; readonly birthDate: IsoDate }[];
  /** A household member is in a situation of disability (art. 67 §1 al. 5 definition). */
  readonly disabledMember: boolean;
  /** Bill art. 67 §2 al. 3: the commission found legitimate reasons not to rehouse. */
  readonly commissionWaiver?: { readonly on: IsoDate; readonly reasons: string };
  readonly offers: readonly RehousingOffer[];
}

export interface RehousingProblem {
  readonly rule: string;
  readonly reference: LegalReference;
  readonly detail: string;
}

export interface RehousingAssessment {
  readonly leaseId: string;
  readonly case: RehousingCase;
  /** The landlord must offer rehousing (false for tenant requests, waived files, or accepted offers). */
  readonly obligation: boolean;
  readonly waived: boolean;
  /** Bill §2: last day to make an offer (typology mismatch); null otherwise. */
  readonly offerDeadline: IsoDate | null;
  readonly offerDeadlineMissed: boolean;
  readonly accepted: boolean;
  /** Refusals of valid offers that count towards termination. */
  readonly countedRefusals: number;
  readonly refusalsBeforeTermination: number | null;
  readonly rightToStayLost: boolean;
  /** The lease ends of right and the occupancy title is lost on this date (six months after notice of the second offer). */
  readonly terminationOn: IsoDate | null;
  /** Over-70 or disabled-member protection (under-occupancy only). */
  readonly protection: { readonly over70: boolean; readonly disabledMember: boolean } | null;
  readonly problems: readonly RehousingProblem[];
  readonly reference: LegalReference;
  readonly parameters: readonly ParameterVersionUsed[];
  readonly interpretationNotes: readonly string[];
}

/** Art. 67 (bill art. 40): the state of a rehousing file on `asOf`. */
export function assessRehousing(file: RehousingFile, asOf: IsoDate, options: RegimeOptions): RehousingAssessment {
  const info = REHOUSING_CASES[file.case];
  const params: ParameterVersionUsed[] = [];
  const notes = new Set<string>(["rehousing-cases", "tenancy-month-arithmetic", "tenancy-parameter-date"]);
  const problems: RehousingProblem[] = [];
  const billNow = billInForce(asOf, options);
  if (info.billOnly && !billNow)
    problems.push({ rule: "CASE_NOT_IN_FORCE", reference: info.reference, detail: `${file.case} exists only under bill 8535 (art. 67 §4)` });
  for (const o of file.offers) {
    if (o.stock === "OTHER_LANDLORD" && !billInForce(o.notifiedOn, options))
      problems.push({
        rule: "OTHER_LANDLORD_STOCK_NOT_IN_FORCE",
        reference: REHOUSING_CASES.OTHER_LANDLORD_STOCK.reference,
        detail: `offer of ${o.notifiedOn} in another landlord's stock: possible only under bill 8535 art. 67 §4`,
      });
  }

  const waived =
    file.commissionWaiver !== undefined && file.commissionWaiver.on <= asOf && billInForce(file.commissionWaiver.on, options) && info.typologyMismatch;
  if (file.commissionWaiver && !waived)
    problems.push({
      rule: "WAIVER_NOT_APPLICABLE",
      reference: billRef("40", { point: "2°", amends: { article: "67", paragraph: "2", alinea: "3" } }),
      detail: "the commission waiver exists only under bill 8535, for typology-mismatch rehousing",
    });
  if (waived) notes.add("rehousing-deadline-start");

  // Bill §2: three years from the landlord's knowledge (typology mismatch, incl. under-occupancy).
  let offerDeadline: IsoDate | null = null;
  const deadlineP = info.typologyMismatch ? resolveIfInForce("tenancy.rehousing.offerDeadlineYears", asOf, options) : null;
  if (deadlineP && !waived) {
    params.push(citeVersion(deadlineP.version));
    const start = maxDate(file.knownOn, deadlineP.version.validFrom);
    offerDeadline = addYears(start, wholeValue(deadlineP));
    notes.add("rehousing-deadline-start");
  }
  const validOffers = file.offers.filter((o) => o.notifiedOn <= asOf && o.fitsHousehold !== false);
  const accepted = validOffers.some((o) => o.response?.kind === "ACCEPTED" && o.response.on <= asOf);
  const firstValidOffer = validOffers[0];
  const offerDeadlineMissed = offerDeadline !== null && !accepted && (firstValidOffer ? firstValidOffer.notifiedOn > offerDeadline : asOf > offerDeadline);
  if (offerDeadlineMissed)
    problems.push({
      rule: "OFFER_DEADLINE_MISSED",
      reference: billRef("40", { point: "2°", amends: { article: "67", paragraph: "2", alinea: "1" } }),
      detail: `no offer by ${offerDeadline}`,
    });
  if (file.offers.some((o) => o.fitsHousehold === false))
    problems.push({
      rule: "OFFER_TYPOLOGY",
      reference: lawRef("67", { paragraph: "1", alinea: "2" }),
      detail: "an offer whose typology does not match the household does not count",
    });

  // Refusals (law §1 al. 4; bill §2bis al. 1).
  const refused = validOffers.filter((o) => o.response?.kind === "REFUSED" && o.response.on <= asOf);
  let refusalsBeforeTermination: number | null = null;
  let rightToStayLost = false;
  let terminationOn: IsoDate | null = null;
  let protection: RehousingAssessment["protection"] = null;
  let reference: LegalReference = info.reference;
  const counts = (on: IsoDate) => {
    if (file.case === "TENANT_REQUEST") return false;
    if (billInForce(on, options)) return true; // §2bis: offers under §1 al. 1 and §2 al. 1
    return file.case === "UNDER_OCCUPANCY" || file.case === "NON_COMPLIANT" || file.case === "RENOVATION"; // law §1 al. 4
  };
  const countedRefusals = refused.filter((o) => counts(o.response!.on)).length;
  if (!accepted && !waived && refused.length > 0) {
    const lastRefusal = refused[refused.length - 1]!;
    const at = lastRefusal.response!.on;
    const countP = resolveRequired("tenancy.rehousing.refusalsBeforeTermination", at, options);
    params.push(citeVersion(countP.version));
    refusalsBeforeTermination = wholeValue(countP);
    reference = countP.version.reference;
    if (countedRefusals >= refusalsBeforeTermination) {
      const decisive = refused.filter((o) => counts(o.response!.on))[refusalsBeforeTermination - 1]!;
      const decisiveOn = decisive.response!.on;
      if (file.case === "UNDER_OCCUPANCY") {
        const ageP = resolveRequired("tenancy.rehousing.protectedAgeOver", decisiveOn, options);
        params.push(citeVersion(ageP.version));
        const limit = wholeValue(ageP);
        // « âgés de plus de soixante-dix ans »: past the 70th birthday (note rehousing-over-seventy).
        const over70 = file.tenants.some((t) => decisiveOn > birthday(t.birthDate, limit));
        protection = { over70, disabledMember: file.disabledMember };
        notes.add("rehousing-over-seventy");
      }
      if (!protection || (!protection.over70 && !protection.disabledMember)) {
        rightToStayLost = true;
        const monthsP = resolveRequired("tenancy.rehousing.terminationAfterSecondOfferMonths", decisive.notifiedOn, options);
        params.push(citeVersion(monthsP.version));
        terminationOn = addMonths(decisive.notifiedOn, wholeValue(monthsP));
      }
    }
  }

  return {
    leaseId: file.leaseId,
    case: file.case,
    obligation: info.mandatory && !waived && !accepted && !rightToStayLost && (!info.billOnly || billNow) && (file.case !== "TYPOLOGY_MISMATCH" || billNow),
    waived,
    offerDeadline,
    offerDeadlineMissed,
    accepted,
    countedRefusals,
    refusalsBeforeTermination,
    rightToStayLost,
    terminationOn,
    protection,
    problems,
    reference,
    parameters: params,
    interpretationNotes: [...notes],
  };
}
