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
const ART54_LIMIT = cite("LAW_2023", "54", "no bedroom beyond the members (or couples)", { paragraph: "2", alinea: "2" });
const ART58_TYPOLOGY = cite("LAW_2023", "58", "household size against the dwelling's typology", { alinea: "1", point: "1°" });
const RGD_ART4 = cite("RGD_2023_10_13", "4", "one bedroom per couple or per person aged 12 or more; one per two children under 12; ages on 1 January", { alinea: "1" });

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
  /** Bedrooms from which the dwelling is under-occupied: units + 1. */
  readonly threshold: number;
  readonly citation: Citation;
}

/**
 * Art. 66 (bill art. 39): a dwelling is under-occupied when it has one bedroom more than the
 * household's members (bill: members or couples). Read as "at least one more" (`art-66-at-least`).
 * Reused by the lease engine for rehousing (art. 67 §1 1°).
 */
export function underOccupancy(h: Household, bedrooms: number, asOf: IsoDate, options: RegimeOptions, law: LawReader = lawReader(options)): UnderOccupancy {
  const basis = law.code("allocation.underOccupancy.countingBasis", asOf) as UnderOccupancy["basis"];
  const units = countUnits(h, basis);
  const threshold = units + law.integer("allocation.underOccupancy.extraBedrooms", asOf);
  const citation = basis === "MEMBERS" ? ART66_LAW : ART66_BILL;
  return { underOccupied: bedrooms >= threshold, bedrooms, units, basis, threshold, citation };
}

export interface DwellingShape {
  readonly bedrooms: number;
  /** Technical and sanitary installations adapted to a disabled member (art. 58 al. 1 1°). */
  readonly adaptedForDisability?: boolean;
}

export interface DedicatedBedroomLimit {
  readonly max: number;
  readonly exceeded: boolean;
  readonly medicalExtra: number;
  readonly citation: Citation;
}

/**
 * Dedicated dwellings: no more bedrooms than members (bill: members or couples) — law art. 54 §2
 * al. 2 generalised (`dedicated-bedroom-limit`); a seniors' dwelling may have one more for duly
 * justified medical reasons (bill art. 31 → art. 54 §2 al. 3; none under the law).
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
  const units = countUnits(h, law.code("dedicated.bedroomCountingBasis", allocationDate));
  const medicalExtra = seniors && documentedMedicalReason && law.inForce("dedicated.senior.medicalExtraBedrooms", allocationDate) ? law.integer("dedicated.senior.medicalExtraBedrooms", allocationDate) : 0;
  const max = units + medicalExtra;
  const citation = medicalExtra > 0 ? ART54_MEDICAL : ART54_LIMIT;
  return { max, exceeded: bedrooms > max, medicalExtra, citation };
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
export function typologyFit(h: Household, dwelling: DwellingShape, allocationDate: IsoDate, options: RegimeOptions, law: LawReader = lawReader(options)): TypologyFit {
  const need = bedroomsNeeded(h, allocationDate, options, law);
  const surplus = dwelling.bedrooms - need.needed;
  const status: TypologyStatus = surplus === 0 ? "FIT" : surplus < 0 ? "TOO_SMALL" : "TOO_LARGE";
  const installationsMismatch = h.members.some((m) => m.disability?.needsAdaptedDwelling) && !dwelling.adaptedForDisability;
  return {
    status,
    need,
    bedrooms: dwelling.bedrooms,
    surplus,
    underOccupancy: underOccupancy(h, dwelling.bedrooms, allocationDate, options, law),
    installationsMismatch,
    citation: ART58_TYPOLOGY,
  };
}
