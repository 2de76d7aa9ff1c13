/**
 * Bedrooms — RGD 13 Oct 2023 art. 4 (typology of law art. 58 al. 1 1°), law art. 66 (under-occupancy),
 * law art. 54 §2 and bill art. 31 (dedicated dwellings, seniors' medical extra bedroom).
 *
 * Bedrooms needed (reading `bedroom-age-twelve`): one per couple; one per other person aged
 * `allocation.bedroom.ownBedroomFromAge` (12) or more; children under 12 share, two per bedroom
 * (`allocation.bedroom.childrenPerSharedBedroom`); ages on 1 January of the allocation year.
 */
import type { IsoDate, RegimeOptions } from "../parameters/types.js";
import { ageInFullYears, countCouples, countUnits, effectiveCouples, firstJanuaryOf, type Household, inCouple, validateHousehold } from "./household.js";
import { cite, type Citation, lawReader, type LawReader } from "./law.js";

export interface BedroomNeed {
  readonly needed: number;
  /** 1 January of the allocation year: the date ages are taken on. */
  readonly agesOn: IsoDate;
  readonly couples: number;
  readonly ownBedroom: readonly string[];
  readonly sharing: readonly string[];
  readonly citation: Citation;
}

const ART66_LAW = cite("LAW_2023", "66", "one bedroom more than the members");
const ART66_BILL = cite("BILL_8535", "39", "art. 66 as amended: one bedroom more than the members or couples");
const ART54_MEDICAL = cite("BILL_8535", "31", "art. 54 §2 al. 3: one extra bedroom for documented medical reasons");
const ART58_TYPOLOGY = cite("LAW_2023", "58", "household size against the dwelling's typology", { alinea: "1", point: "1°" });
const RGD_ART4 = cite("RGD_2023_10_13", "4", "one bedroom per couple or per person aged 12 or more; one per two children under 12; ages on 1 January", {
  alinea: "1",
});

/**
 * RGD art. 4, counting only (allocation-free; the shortlist's hot path). `agesOn` is 1 January of
 * the allocation year. Same rule as `bedroomsNeeded`, which also lists who gets which bedroom.
 */
export function countBedroomsNeeded(h: Household, agesOn: IsoDate, ownFrom: number, perShared: number): number {
  let own = 0;
  let sharing = 0;
  for (const m of h.members) {
    if (inCouple(h, m.id)) continue;
    if (ageInFullYears(m.birthDate, agesOn) >= ownFrom) own += 1;
    else sharing += 1;
  }
  return countCouples(h) + own + Math.ceil(sharing / perShared);
}

/** RGD art. 4: bedrooms a household needs for an allocation on `allocationDate`. */
export function bedroomsNeeded(h: Household, allocationDate: IsoDate, options: RegimeOptions, law: LawReader = lawReader(options)): BedroomNeed {
  validateHousehold(h);
  const agesOn = firstJanuaryOf(allocationDate);
  const ownFrom = law.integer("allocation.bedroom.ownBedroomFromAge", allocationDate);
  const perShared = law.integer("allocation.bedroom.childrenPerSharedBedroom", allocationDate);
  const couples = effectiveCouples(h);
  const ownBedroom: string[] = [];
  const sharing: string[] = [];
  for (const m of h.members) {
    if (inCouple(h, m.id)) continue;
    if (ageInFullYears(m.birthDate, agesOn) >= ownFrom) ownBedroom.push(m.id);
    else sharing.push(m.id);
  }
  const needed = couples.length + ownBedroom.length + Math.ceil(sharing.length / perShared);
  return { needed, agesOn, couples: couples.length, ownBedroom, sharing, citation: RGD_ART4 };
}

export interface UnderOccupancy {
  readonly underOccupied: boolean;
  readonly bedrooms: number;
  /** Members (law) or members with each couple counted once (bill). */
  readonly units: number;
  readonly basis: "MEMBERS" | "MEMBERS_OR_COUPLES";
  /** Bedrooms from which the dwelling is under-occupied: units + 1 (+ the seniors' medical extra bedroom). */
  readonly threshold: number;
  readonly citation: Citation;
  /** Bedrooms added to the threshold by bill art. 54 §2 al. 3 (0 when it does not apply). */
  readonly medicalExtra: number;
}

/** The seniors' medical extra bedroom as applied to one dwelling and household. */
export interface SeniorsMedicalExtra {
  /** Bedrooms tolerated beyond the art. 66 threshold (0 or the parameter's figure). */
  readonly extra: number;
  /** Why: applied, or why not (not a seniors' dwelling, no documented reason, not in force). */
  readonly reason: string;
  readonly citation: Citation | null;
}

/**
 * Bill art. 31 2° b) (→ art. 54 §2 al. 3): « Par dérogation à l'alinéa 2, un logement dédié aux
 * personnes âgées de soixante ans ou plus peut comporter une chambre à coucher supplémentaire au
 * nombre de membres ou de couple … pour des raisons médicales dûment justifiées ». THE one rule:
 * the shortlist (typology), free choice (`typologyFit`, `checkFreeChoice`) and the tenancy engine
 * (`tenancyUnderOccupancy`, art. 66-67) all call it, so a senior couple with a documented medical
 * reason is never under-occupied in one path and housed in another. None under the law.
 */
export function seniorsMedicalExtraBedrooms(
  seniorsDedicated: boolean,
  documentedMedicalReason: boolean,
  asOf: IsoDate,
  options: RegimeOptions,
  law: LawReader = lawReader(options),
): SeniorsMedicalExtra {
  if (!seniorsDedicated) return { extra: 0, reason: "not a dwelling dedicated to people aged 60 or more", citation: null };
  if (!documentedMedicalReason) return { extra: 0, reason: "no duly justified medical reason recorded", citation: null };
  if (!law.inForce("dedicated.senior.medicalExtraBedrooms", asOf))
    return { extra: 0, reason: `no medical extra bedroom on ${asOf} under ${options.regime} (introduced by bill 8535 art. 31)`, citation: null };
  return {
    extra: law.integer("dedicated.senior.medicalExtraBedrooms", asOf),
    reason: "seniors' dwelling, duly justified medical reason",
    citation: ART54_MEDICAL,
  };
}

/**
 * Art. 66 (bill art. 39): a dwelling is under-occupied when it has one bedroom more than the
 * household's members (bill: members or couples). Read as "at least one more" (`art-66-at-least`).
 * `medical` (from `seniorsMedicalExtraBedrooms`) raises the threshold for a seniors' dwelling with a
 * documented medical reason (bill art. 54 §2 al. 3). Reused by the lease engine for rehousing (art. 67 §1 1°).
 */
export function underOccupancy(
  h: Household,
  bedrooms: number,
  asOf: IsoDate,
  options: RegimeOptions,
  law: LawReader = lawReader(options),
  medical?: SeniorsMedicalExtra,
): UnderOccupancy {
  const basis = law.code("allocation.underOccupancy.countingBasis", asOf) as UnderOccupancy["basis"];
  const units = countUnits(h, basis);
  const extra = medical?.extra ?? 0;
  const threshold = units + law.integer("allocation.underOccupancy.extraBedrooms", asOf) + extra;
  const citation = extra > 0 ? ART54_MEDICAL : basis === "MEMBERS" ? ART66_LAW : ART66_BILL;
  return { underOccupied: bedrooms >= threshold, bedrooms, units, basis, threshold, citation, medicalExtra: extra };
}

export interface DwellingShape {
  readonly bedrooms: number;
  /** Technical and sanitary installations adapted to a disabled member (art. 58 al. 1 1°). */
  readonly adaptedForDisability?: boolean;
  /** Dedicated to people aged 60 or more (art. 12 §3 5°), for the medical extra bedroom (bill art. 54 §2 al. 3). */
  readonly seniorsDedicated?: boolean;
  /** A duly justified medical reason for an extra bedroom is documented (bill art. 54 §2 al. 3). */
  readonly documentedMedicalReason?: boolean;
}

export interface DedicatedBedroomLimit {
  readonly max: number;
  readonly exceeded: boolean;
  readonly medicalExtra: number;
  readonly citation: Citation;
}

/**
 * The most bedrooms a dwelling may have for this household without being under-occupied: the art. 66
 * threshold minus one, with the seniors' medical extra bedroom (bill art. 54 §2 al. 3). Kept for
 * callers of the former `dedicated-bedroom-limit`, which had no text of its own: it is the same rule
 * as `underOccupancy` with `seniorsMedicalExtraBedrooms` (note `seniors-medical-bedroom-one-rule`).
 */
export function dedicatedBedroomLimit(
  h: Household,
  bedrooms: number,
  allocationDate: IsoDate,
  seniors: boolean,
  documentedMedicalReason: boolean,
  options: RegimeOptions,
  law: LawReader = lawReader(options),
): DedicatedBedroomLimit {
  const u = underOccupancy(
    h,
    bedrooms,
    allocationDate,
    options,
    law,
    seniorsMedicalExtraBedrooms(seniors, documentedMedicalReason, allocationDate, options, law),
  );
  return { max: u.threshold - 1, exceeded: u.underOccupied, medicalExtra: u.medicalExtra, citation: u.citation };
}

export type TypologyStatus = "FIT" | "TOO_SMALL" | "TOO_LARGE";

export interface TypologyFit {
  readonly status: TypologyStatus;
  readonly need: BedroomNeed;
  readonly bedrooms: number;
  /** bedrooms − needed (negative: over-occupancy). */
  readonly surplus: number;
  readonly underOccupancy: UnderOccupancy;
  /** A member needs an adapted dwelling and this one is not (art. 58 al. 1 1°: « installations techniques et sanitaires »). */
  readonly installationsMismatch: boolean;
  readonly citation: Citation;
}

/** Art. 58 al. 1 1° with RGD art. 4: does the household fit the dwelling's typology? */
export function typologyFit(
  h: Household,
  dwelling: DwellingShape,
  allocationDate: IsoDate,
  options: RegimeOptions,
  law: LawReader = lawReader(options),
): TypologyFit {
  const need = bedroomsNeeded(h, allocationDate, options, law);
  const surplus = dwelling.bedrooms - need.needed;
  const status: TypologyStatus = surplus === 0 ? "FIT" : surplus < 0 ? "TOO_SMALL" : "TOO_LARGE";
  const installationsMismatch = h.members.some((m) => m.disability?.needsAdaptedDwelling) && !dwelling.adaptedForDisability;
  return {
    status,
    need,
    bedrooms: dwelling.bedrooms,
    surplus,
    underOccupancy: underOccupancy(
      h,
      dwelling.bedrooms,
      allocationDate,
      options,
      law,
      seniorsMedicalExtraBedrooms(Boolean(dwelling.seniorsDedicated), Boolean(dwelling.documentedMedicalReason), allocationDate, options, law),
    ),
    installationsMismatch,
    citation: ART58_TYPOLOGY,
  };
}
