/**
 * Priority criteria.
 * - Socio-economic (law art. 57 §1, bill art. 34 adds 9°): evaluated per candidate, independent of
 *   the vacancy, and kept as a dated snapshot (`CriteriaSnapshot`) — revised at least yearly (§3),
 *   frozen after two unjustified refusals under the bill (§3 al. 2, see refusals.ts).
 * - Dwelling criteria (law art. 58, bill art. 35): typology fit and proximity, per vacancy.
 * Every criterion's contribution is listed with its article; points come from the landlord's
 * methodology (methodology.ts), never from the law, which sets none.
 */
import type { Decimal } from "decimal.js";
import { Dec, parseDecimal } from "../money/decimal.js";
import type { IsoDate, RegimeOptions } from "../parameters/types.js";
import { bedroomsNeeded, type TypologyFit } from "./bedrooms.js";
import { incomeCeiling } from "./eligibility.js";
import { ageInFullYears, type Household, type MunicipalityId } from "./household.js";
import { householdIncome } from "./income.js";
import { cite, type Citation, lawReader, type LawReader } from "./law.js";
import type { EvictionGround, InsalubrityLevel, MaxBand, Methodology, MinBand, OccupancyTitle } from "./methodology.js";
import { fullMonthsBetween as wholeMonthsBetween } from "../law/calendar.js";

export type CriterionId =
  | "ART57_1_1_TITLE"
  | "ART57_1_2_NOTICE"
  | "ART57_1_3_EVICTION"
  | "ART57_1_4_OCCUPATION"
  | "ART57_1_5_INSALUBRITY"
  | "ART57_1_6_DISABILITY"
  | "ART57_1_7_EFFORT_RATE"
  | "ART57_1_8_INCOME_LEVEL"
  | "ART57_1_9_SINGLE_ADULT_WITH_CHILD"
  | "ART58_1_1_TYPOLOGY"
  | "ART58_1_2_PROXIMITY"
  | "ESCH_WORKS_IN_VACANCY_MUNICIPALITY"
  | "ESCH_SENIORITY";

export interface Contribution {
  readonly criterion: CriterionId;
  readonly points: number;
  readonly detail: string;
  readonly citation: Citation;
}

/** The documented facts of the landlord's summary evaluation (art. 57 §1: « documents administratifs et évaluation sommaire »). */
export interface CandidateSituation {
  readonly title: OccupancyTitle;
  readonly terminationNotice?: { readonly endsOn: IsoDate };
  readonly evictionJudgment?: { readonly ground: EvictionGround };
  readonly currentBedrooms?: number;
  /** Useful living area of the current home, m² (decimal string). */
  readonly currentUsefulAreaM2?: string;
  readonly insalubrity?: InsalubrityLevel;
  readonly unsuitedForDisabledMember?: boolean;
  /** Monthly rent or indemnity paid for the current home (decimal string). */
  readonly currentMonthlyRent?: string;
  /** Current monthly income (« revenu actuel »); default: the art. 56 monthly income. */
  readonly currentMonthlyIncome?: string;
}

export interface CriteriaSnapshot {
  readonly candidateId: string;
  readonly evaluatedOn: IsoDate;
  readonly methodology: { readonly id: string; readonly version: string };
  readonly contributions: readonly Contribution[];
  readonly total: number;
}

const A57 = (point: string, label: string) => cite("LAW_2023", "57", label, { paragraph: "1", point });

export function maxBand(bands: readonly MaxBand[], x: Decimal): number {
  for (const b of bands) if (x.lessThanOrEqualTo(parseDecimal(b.max))) return b.points;
  return 0;
}
export function minBand(bands: readonly MinBand[], x: Decimal): number {
  for (const b of bands) if (x.greaterThanOrEqualTo(parseDecimal(b.min))) return b.points;
  return 0;
}

/** Whole calendar months from `from` to `to` (0 if `to` is not after `from`): the kernel's fullMonthsBetween. */
export { fullMonthsBetween as wholeMonthsBetween } from "../law/calendar.js";

/**
 * Art. 57 §1 for an application that documents no situation (note `title-undocumented-zero`): the
 * criteria the household's facts support still count, the current title gives 0 points « not
 * documented » (and the occupation, which needs the current home, is not documented either).
 */
export function evaluateWithoutSituation(
  candidateId: string,
  h: Household,
  evaluatedOn: IsoDate,
  methodology: Methodology,
  options: RegimeOptions,
  law: LawReader = lawReader(options),
): CriteriaSnapshot {
  const s = evaluateSocioEconomic(candidateId, h, { title: "OTHER" }, evaluatedOn, methodology, options, law);
  const contributions = s.contributions.map((c) =>
    c.criterion === "ART57_1_1_TITLE" ? { ...c, points: 0, detail: "current title not documented on the register (note title-undocumented-zero)" } : c,
  );
  return { ...s, contributions, total: contributions.reduce((t, c) => t + c.points, 0) };
}

/** Art. 57 §1: the socio-economic criteria of one candidate on `evaluatedOn`, with each contribution. */
export function evaluateSocioEconomic(
  candidateId: string,
  h: Household,
  situation: CandidateSituation,
  evaluatedOn: IsoDate,
  methodology: Methodology,
  options: RegimeOptions,
  law: LawReader = lawReader(options),
): CriteriaSnapshot {
  const m = methodology.socioEconomic;
  const c: Contribution[] = [];
  c.push({
    criterion: "ART57_1_1_TITLE",
    points: m.title[situation.title],
    detail: `current title ${situation.title}`,
    citation: A57("1°", "nature and precariousness of the current occupancy title"),
  });

  if (situation.terminationNotice) {
    const left = wholeMonthsBetween(evaluatedOn, situation.terminationNotice.endsOn);
    c.push({
      criterion: "ART57_1_2_NOTICE",
      points: maxBand(m.noticeMonthsLeft, new Dec(left)),
      detail: `notice ends ${situation.terminationNotice.endsOn} (${left} whole month(s) left)`,
      citation: A57("2°", "existence and length of a notice of termination"),
    });
  } else
    c.push({
      criterion: "ART57_1_2_NOTICE",
      points: 0,
      detail: "no notice of termination",
      citation: A57("2°", "existence and length of a notice of termination"),
    });

  c.push({
    criterion: "ART57_1_3_EVICTION",
    points: situation.evictionJudgment ? m.eviction[situation.evictionJudgment.ground] : 0,
    detail: situation.evictionJudgment ? `eviction judgment (${situation.evictionJudgment.ground})` : "no eviction judgment",
    citation: A57("3°", "existence and motivation of an eviction judgment"),
  });

  {
    let points = 0;
    const parts: string[] = [];
    if (situation.currentBedrooms !== undefined) {
      const need = bedroomsNeeded(h, evaluatedOn, options, law).needed;
      const missing = Math.max(0, need - situation.currentBedrooms);
      points += Math.min(m.missingBedroomCap, missing * m.missingBedroomPoints);
      parts.push(`${situation.currentBedrooms} bedroom(s) for ${need} needed`);
    }
    if (situation.currentUsefulAreaM2 !== undefined) {
      const perMember = parseDecimal(situation.currentUsefulAreaM2).dividedBy(h.members.length);
      points += maxBand(m.areaPerMemberM2, perMember);
      parts.push(`${perMember.toDecimalPlaces(2).toFixed()} m² per member`);
    }
    c.push({
      criterion: "ART57_1_4_OCCUPATION",
      points,
      detail: parts.join("; ") || "not documented",
      citation: A57("4°", "bedrooms and useful area per member in the current home"),
    });
  }

  const level = situation.insalubrity ?? "NONE";
  c.push({
    criterion: "ART57_1_5_INSALUBRITY",
    points: m.insalubrity[level],
    detail: `insalubrity ${level}`,
    citation: A57("5°", "degree of insalubrity (law of 20 December 2019)"),
  });

  const unsuited = Boolean(situation.unsuitedForDisabledMember) && h.members.some((x) => x.disability);
  c.push({
    criterion: "ART57_1_6_DISABILITY",
    points: unsuited ? m.unsuitedForDisability : 0,
    detail: unsuited ? "current home unsuited to a disabled member" : "not applicable",
    citation: A57("6°", "current home unsuited to a disabled member"),
  });

  const income = householdIncome(h, evaluatedOn, options, law);
  if (situation.currentMonthlyRent !== undefined) {
    const monthlyIncome = situation.currentMonthlyIncome !== undefined ? parseDecimal(situation.currentMonthlyIncome) : income.monthly;
    const rent = parseDecimal(situation.currentMonthlyRent);
    const points = monthlyIncome.isZero() ? (rent.isZero() ? 0 : (m.effortRate[0]?.points ?? 0)) : minBand(m.effortRate, rent.dividedBy(monthlyIncome));
    const rate = monthlyIncome.isZero() ? "no income" : rent.dividedBy(monthlyIncome).toDecimalPlaces(4).toFixed();
    c.push({
      criterion: "ART57_1_7_EFFORT_RATE",
      points,
      detail: `rent ${rent.toFixed(2)} / income ${monthlyIncome.toFixed(2)} = ${rate}`,
      citation: A57("7°", "effort rate: rent paid against current income"),
    });
  } else
    c.push({
      criterion: "ART57_1_7_EFFORT_RATE",
      points: 0,
      detail: "no rent documented",
      citation: A57("7°", "effort rate: rent paid against current income"),
    });

  {
    const ceil = incomeCeiling(income.adults, income.dependentChildren, evaluatedOn, law);
    const compared = ceil.readingPeriod === "ANNUAL" ? income.annualForAnnexII : income.monthlyForAnnexII;
    const ratio = compared.dividedBy(ceil.ceiling);
    c.push({
      criterion: "ART57_1_8_INCOME_LEVEL",
      points: maxBand(m.incomeToCeiling, ratio),
      detail: `income / annex II ceiling = ${ratio.toDecimalPlaces(4).toFixed()}`,
      citation: A57("8°", "income level of the household"),
    });
  }

  if (law.integer("allocation.socioEconomicCriteria.count", evaluatedOn) >= 9) {
    const single = income.adults === 1 && income.dependentChildren >= 1;
    c.push({
      criterion: "ART57_1_9_SINGLE_ADULT_WITH_CHILD",
      points: single ? m.singleAdultWithChild : 0,
      detail: single ? `single adult with ${income.dependentChildren} dependent child(ren)` : "not a single adult with a dependent child",
      citation: cite("BILL_8535", "34", "art. 57 §1 9°: single adult living with at least one dependent child", { point: "1° b)" }),
    });
  }
  return {
    candidateId,
    evaluatedOn,
    methodology: { id: methodology.id, version: methodology.version },
    contributions: c,
    total: c.reduce((s, x) => s + x.points, 0),
  };
}

const TYPOLOGY_CITATION = cite("LAW_2023", "58", "household size against the dwelling's typology (RGD art. 4)", { alinea: "1", point: "1°" });
const PROXIMITY_LAW = cite("LAW_2023", "58", "proximity of the workplace", { alinea: "1", point: "2°" });
const PROXIMITY_BILL = cite("BILL_8535", "35", "art. 58 §1 al. 2: many workplaces → proximity of the current home only");
const ESCH_WORKPLACE = cite("ESCH_ROI", "annexe 1", "distance methodology: workplace in the vacancy's municipality, living elsewhere");
const ESCH_SENIORITY = cite("ESCH_ROI", "annexe 1", "seniority of the application");

/** Distance bands compared as plain numbers: km are neither money nor rates (band bounds parsed once per methodology). */
const kmBandCache = new WeakMap<readonly MaxBand[], readonly { max: number; points: number }[]>();
function kmPoints(bands: readonly MaxBand[], km: number): number {
  let parsed = kmBandCache.get(bands);
  if (!parsed) {
    parsed = bands.map((b) => ({ max: Number(parseDecimal(b.max).toFixed()), points: b.points }));
    kmBandCache.set(bands, parsed);
  }
  for (const b of parsed) if (km <= b.max) return b.points;
  return 0;
}

/**
 * Art. 58 al. 1 1° under the methodology: the typology points, or −1 with the reason when the
 * typology is not admissible. Shared by the shortlist's hot path and `typologyContribution`.
 */
export function typologyDecision(
  needed: number,
  bedrooms: number,
  underOccupied: boolean,
  underThreshold: number,
  installationsMismatch: boolean,
  methodology: Methodology,
): { points: number; reason: string } {
  const t = methodology.dwelling.typology;
  if (installationsMismatch) return { points: -1, reason: "a member needs adapted technical and sanitary installations the dwelling lacks (art. 58 al. 1 1°)" };
  if (bedrooms < needed) return { points: -1, reason: `${bedrooms} bedroom(s) for ${needed} needed: dwelling too small (RGD art. 4)` };
  if (bedrooms > needed) {
    if (t.admissible === "EXACT") return { points: -1, reason: `${bedrooms} bedroom(s) for ${needed} needed: the methodology admits exact fits only` };
    if (underOccupied)
      return {
        points: -1,
        reason: `${bedrooms} bedroom(s) for ${needed} needed: the dwelling would be under-occupied (art. 66: ${bedrooms} ≥ ${underThreshold})`,
      };
    return { points: t.largerPoints, reason: "" };
  }
  return { points: t.exactFitPoints, reason: "" };
}

/** Art. 58 al. 1 1°: the typology contribution (admissible false with the reason when excluded). */
export function typologyContribution(fit: TypologyFit, methodology: Methodology): { admissible: boolean; contribution: Contribution; reason?: string } {
  const d = typologyDecision(
    fit.need.needed,
    fit.bedrooms,
    fit.underOccupancy.underOccupied,
    fit.underOccupancy.threshold,
    fit.installationsMismatch,
    methodology,
  );
  const base = `${fit.bedrooms} bedroom(s) for ${fit.need.needed} needed`;
  if (d.points < 0)
    return { admissible: false, contribution: { criterion: "ART58_1_1_TYPOLOGY", points: 0, detail: base, citation: TYPOLOGY_CITATION }, reason: d.reason };
  return {
    admissible: true,
    contribution: {
      criterion: "ART58_1_1_TYPOLOGY",
      points: d.points,
      detail: `${base} (${fit.status === "FIT" ? "exact fit" : "larger"})`,
      citation: TYPOLOGY_CITATION,
    },
  };
}

/** Distances in km between municipalities; supplied by the caller (no coordinates are invented here). */
export type DistanceFn = (from: MunicipalityId, to: MunicipalityId) => number | undefined;

/**
 * Art. 58 al. 1 2° (bill art. 35 §1 al. 2): proximity to the vacancy of the members' workplace —
 * the nearest one (`proximity-nearest-workplace`) — or, under the bill, of the current home only
 * when the workplaces are many (at least `multipleWorkplacesFrom` distinct municipalities).
 */
export function proximityContributions(
  h: Household,
  vacancyMunicipality: MunicipalityId,
  distance: DistanceFn,
  asOf: IsoDate,
  methodology: Methodology,
  law: LawReader,
): Contribution[] {
  const d = methodology.dwelling;
  const p = locateProximity(h, vacancyMunicipality, distance, d.multipleWorkplacesFrom, law.code("allocation.proximity.multipleWorkplacesFallback", asOf));
  const out: Contribution[] = [];
  let detail: string;
  if (p.mode === "CURRENT_HOME") detail = `${p.workplaces} workplaces: current home ${p.from} → ${vacancyMunicipality}`;
  else if (p.mode === "WORKPLACE")
    detail = p.km === undefined ? `no distance known from the workplace(s)` : `nearest workplace ${p.from} → ${vacancyMunicipality}`;
  else detail = "no workplace";
  out.push({
    criterion: "ART58_1_2_PROXIMITY",
    points: proximityPoints(p, methodology),
    detail: p.km === undefined ? detail : `${detail}: ${p.km} km`,
    citation: p.mode === "CURRENT_HOME" ? PROXIMITY_BILL : PROXIMITY_LAW,
  });
  if (d.worksInVacancyMunicipalityLivesElsewhere !== 0)
    out.push({
      criterion: "ESCH_WORKS_IN_VACANCY_MUNICIPALITY",
      points: p.worksThereLivesElsewhere ? d.worksInVacancyMunicipalityLivesElsewhere : 0,
      detail: p.worksThereLivesElsewhere
        ? `a member works in ${vacancyMunicipality} and the household lives in ${h.currentHomeMunicipality}`
        : "not applicable",
      citation: ESCH_WORKPLACE,
    });
  return out;
}

export interface ProximityLocation {
  readonly mode: "WORKPLACE" | "CURRENT_HOME" | "NONE";
  /** Distance used (km), when known. */
  readonly km: number | undefined;
  /** The workplace (nearest) or the current home measured from. */
  readonly from: string;
  /** Distinct workplace municipalities of the members. */
  readonly workplaces: number;
  /** Esch annex 1: a member works in the vacancy's municipality, the household lives elsewhere. */
  readonly worksThereLivesElsewhere: boolean;
}

/** The measure behind art. 58 al. 1 2° (one small object, no strings: the shortlist's hot path). */
export function locateProximity(
  h: Household,
  vacancyMunicipality: MunicipalityId,
  distance: DistanceFn,
  multipleWorkplacesFrom: number,
  fallback: string,
): ProximityLocation {
  const ms = h.members;
  let distinct = 0;
  let worksThere = false;
  for (let i = 0; i < ms.length; i++) {
    const w = ms[i]!.workplaceMunicipality;
    if (w === undefined) continue;
    let seen = false;
    for (let j = 0; j < i; j++) if (ms[j]!.workplaceMunicipality === w) seen = true;
    if (!seen) distinct += 1;
    if (w === vacancyMunicipality) worksThere = true;
  }
  const home = h.currentHomeMunicipality;
  const worksThereLivesElsewhere = worksThere && home !== undefined && home !== vacancyMunicipality;
  if (distinct >= multipleWorkplacesFrom && fallback === "CURRENT_HOME" && home !== undefined)
    return { mode: "CURRENT_HOME", km: distance(home, vacancyMunicipality), from: home, workplaces: distinct, worksThereLivesElsewhere };
  if (distinct === 0) return { mode: "NONE", km: undefined, from: "", workplaces: 0, worksThereLivesElsewhere };
  let best: number | undefined;
  let bestFrom = "";
  for (const m of ms) {
    const w = m.workplaceMunicipality;
    if (w === undefined) continue;
    const x = distance(w, vacancyMunicipality);
    // Nearest; equal distances keep the smallest municipality id, so the result does not depend on member order.
    if (x !== undefined && (best === undefined || x < best || (x === best && w < bestFrom))) {
      best = x;
      bestFrom = w;
    }
  }
  return { mode: "WORKPLACE", km: best, from: bestFrom, workplaces: distinct, worksThereLivesElsewhere };
}

export function proximityPoints(p: ProximityLocation, methodology: Methodology): number {
  return p.km === undefined ? 0 : kmPoints(methodology.dwelling.proximityKm, p.km);
}

export function seniorityPoints(registeredOn: IsoDate, asOf: IsoDate, methodology: Methodology): number {
  const years = Math.max(0, ageInFullYears(registeredOn, asOf));
  return Math.min(methodology.seniority.cap, years * methodology.seniority.pointsPerFullYear);
}

/** Esch annex 1 « ancienneté de la demande »: full years since registration. */
export function seniorityContribution(registeredOn: IsoDate, asOf: IsoDate, methodology: Methodology): Contribution {
  const years = Math.max(0, ageInFullYears(registeredOn, asOf));
  return {
    criterion: "ESCH_SENIORITY",
    points: seniorityPoints(registeredOn, asOf, methodology),
    detail: `registered ${registeredOn} (${years} full year(s))`,
    citation: ESCH_SENIORITY,
  };
}
