/**
 * Shortlist for a vacancy — law art. 53-54 (register query, eligibility), 57-58 (priority), 67 §3
 * (sitting tenants to be rehoused come first; Esch ROI art. 13 « procède prioritairement aux
 * éventuels relogements »), bill art. 57 §3 al. 2 (criteria frozen after two unjustified refusals).
 *
 * Only eligible candidates are ranked (art. 55; sitting tenants: art. 55 §3), that fit the
 * dwelling's typology under the methodology (art. 58 al. 1 1°) and, for a dedicated dwelling, its
 * sub-category (art. 12 §3, 54). Order: rehousing group first; then total points descending; then
 * registration seniority (earliest first); then candidate id (code-unit order) — a total, stable
 * order. The decision record holds every input, the methodology (with its version), the regime,
 * the distances used and the parameter versions; `replayShortlist(record)` recomputes the same
 * ranking and `canonicalDecisionJson(record)` gives the canonical text to hash.
 */
import type { ParameterVersionUsed } from "../parameters/trace.js";
import { regimeOptionsOf, type IsoDate, type RegimeOptions } from "../parameters/types.js";
import { countBedroomsNeeded, seniorsMedicalExtraBedrooms, typologyFit } from "./bedrooms.js";
import { canonicalise as canonicalJson, seal } from "../law/record.js";
import { checkDedicated, type DedicatedSubCategory } from "./dedicated.js";
import { allocationReadings, type AllocationReadingOptions, type AllocationReadings } from "./readings.js";
import type { EligibilityCondition, EligibilityResult } from "./eligibility.js";
import { countUnits, firstJanuaryOf, type Household, type MunicipalityId, validateHousehold } from "./household.js";
import { lawReader, type LawReader } from "./law.js";
import type { Methodology } from "./methodology.js";
import {
  type Contribution,
  type CriteriaSnapshot,
  type DistanceFn,
  locateProximity,
  proximityContributions,
  proximityPoints,
  seniorityContribution,
  seniorityPoints,
  typologyContribution,
  typologyDecision,
} from "./priority.js";
import { criteriaInForce, type OfferOutcome } from "./refusals.js";

export interface Vacancy {
  readonly id: string;
  readonly landlordId: string;
  readonly municipality: MunicipalityId;
  readonly bedrooms: number;
  readonly adaptedForDisability?: boolean;
  readonly category:
    | { readonly kind: "ALL_PUBLIC" }
    | { readonly kind: "DEDICATED"; readonly subCategory: DedicatedSubCategory; readonly documentedMedicalReason?: boolean };
}

/** Eligibility as established (register query, art. 53-54) — a summary of `checkEligibility`. */
export interface EligibilitySummary {
  readonly eligible: boolean;
  readonly asOf: IsoDate;
  readonly purpose: "CANDIDATE" | "TENANT";
  readonly failures: readonly { readonly condition: EligibilityCondition; readonly reason: string }[];
}

export function summariseEligibility(r: EligibilityResult): EligibilitySummary {
  return { eligible: r.eligible, asOf: r.asOf, purpose: r.purpose, failures: r.failures.map((f) => ({ condition: f.condition, reason: f.reason })) };
}

export interface ShortlistCandidate {
  readonly candidateId: string;
  /** Registration in the national register (seniority, tie-break). */
  readonly registeredOn: IsoDate;
  readonly household: Household;
  readonly eligibility: EligibilitySummary;
  /** Dated socio-economic evaluations (art. 57 §1, revised at least yearly, §3). */
  readonly criteriaHistory: readonly CriteriaSnapshot[];
  readonly offers?: readonly OfferOutcome[];
  /** A sitting tenant of the landlord to be rehoused (art. 67): ranked before new tenants (art. 67 §3). */
  readonly sittingTenant?: { readonly leaseId: string; readonly ground: RehousingGround };
}

/**
 * The ground of a sitting tenant's rehousing (art. 67), as the tenancy engine names its cases
 * (`REHOUSING_CASES`): §1 1° under-occupancy, 2° non-compliant dwelling, 3° renovation; typology
 * mismatch (§2; bill §2); the tenant's request (§2, bill §2ter); another landlord's stock (bill §4).
 * The ground is recorded; every sitting tenant to rehouse ranks in the rehousing group (§3).
 */
export type RehousingGround = "UNDER_OCCUPANCY" | "NON_COMPLIANT" | "RENOVATION" | "TYPOLOGY_MISMATCH" | "TENANT_REQUEST" | "OTHER_LANDLORD_STOCK";

/** Distances between municipalities supplied by the caller: a function, or a list of [from, to, km] entries. */
export type Distances = DistanceFn | { readonly entries: readonly (readonly [MunicipalityId, MunicipalityId, number])[]; readonly symmetric?: boolean };

export interface ShortlistRequest extends RegimeOptions, AllocationReadingOptions {
  readonly vacancy: Vacancy;
  readonly allocationDate: IsoDate;
  readonly candidates: readonly ShortlistCandidate[];
  readonly methodology: Methodology;
  readonly distances: Distances;
  /** Ranks for which the full contribution list (with details) is materialised; default 100. Not part of the decision. */
  readonly explainTop?: number;
}

export interface RankedCandidate {
  readonly rank: number;
  readonly candidateId: string;
  readonly group: "REHOUSING" | "NEW_TENANT";
  readonly total: number;
  /** Art. 57 §1 total of the snapshot in force; its per-criterion contributions are in `criteria.contributions`. */
  readonly socioEconomicTotal: number;
  /** Per-criterion points of the vacancy-specific criteria (art. 58 al. 1 1° and 2°, Esch annex 1). */
  readonly dwellingPoints: { readonly typology: number; readonly proximity: number; readonly worksInVacancyMunicipality: number; readonly seniority: number };
  readonly registeredOn: IsoDate;
  readonly criteriaEvaluatedOn: IsoDate;
  readonly criteriaFrozenUntil: IsoDate | null;
  /** The art. 57 snapshot used (its contributions list every socio-economic criterion with its article). */
  readonly criteria: CriteriaSnapshot;
  /**
   * Every criterion's contribution with its article and detail (snapshot then dwelling criteria), for the
   * first `explainTop` ranks; for any other candidate use `explainCandidate(record, id)`.
   */
  readonly contributions?: readonly Contribution[];
}

export interface ExcludedCandidate {
  readonly candidateId: string;
  readonly reasons: readonly string[];
}

export const DECISION_RECORD_SCHEMA = "abordable.allocation.shortlist/1";

export interface DecisionRecord {
  readonly schema: typeof DECISION_RECORD_SCHEMA;
  readonly vacancy: Vacancy;
  readonly allocationDate: IsoDate;
  readonly regime: RegimeOptions;
  /** The operator readings applied (readings.ts); the candidates' eligibility was established under them. */
  readonly readings?: AllocationReadings;
  readonly methodology: Methodology;
  readonly candidates: readonly ShortlistCandidate[];
  /** Every distance looked up, sorted: [from, to, km]. */
  readonly distances: readonly (readonly [MunicipalityId, MunicipalityId, number])[];
  readonly parameters: readonly ParameterVersionUsed[];
  readonly result: {
    readonly ranking: readonly { readonly rank: number; readonly candidateId: string; readonly group: RankedCandidate["group"]; readonly total: number }[];
    readonly excluded: readonly ExcludedCandidate[];
  };
}

export interface ShortlistResult {
  readonly ranked: readonly RankedCandidate[];
  readonly excluded: readonly ExcludedCandidate[];
  readonly record: DecisionRecord;
}

function distanceFn(d: Distances): DistanceFn {
  if (typeof d === "function") return d;
  const map = new Map<string, number>();
  for (const [a, b, km] of d.entries) {
    map.set(`${a}\u0000${b}`, km);
    if (d.symmetric !== false && !map.has(`${b}\u0000${a}`)) map.set(`${b}\u0000${a}`, km);
  }
  return (a, b) => map.get(`${a}\u0000${b}`);
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Scored {
  readonly index: number;
  readonly candidateId: string;
  readonly group: RankedCandidate["group"];
  readonly total: number;
  readonly registeredOn: IsoDate;
  readonly snapshot: CriteriaSnapshot;
  readonly frozenUntil: IsoDate | null;
  readonly typology: number;
  readonly proximity: number;
  readonly works: number;
  readonly seniority: number;
}

/** Ranks the candidates for a vacancy and returns the reproducible decision record. */
export function shortlist(req: ShortlistRequest): ShortlistResult {
  // The decision record keeps the regime options that are set (entry into force, operator readings): the replay applies them again.
  const regime: RegimeOptions = regimeOptionsOf(req);
  const law = lawReader(regime);
  const date = req.allocationDate;
  const v = req.vacancy;
  const m = req.methodology;
  const base = distanceFn(req.distances);
  // Distances looked up, recorded once per pair (two-level map: no key strings in the hot path).
  const used = new Map<string, Map<string, number>>();
  const distance: DistanceFn = (a, b) => {
    let row = used.get(a);
    const seen = row?.get(b);
    if (seen !== undefined) return seen;
    const km = base(a, b);
    if (km !== undefined) {
      if (!Number.isFinite(km) || km < 0) throw new RangeError(`distance ${a} → ${b} must be a non-negative finite number of km`);
      if (!row) used.set(a, (row = new Map()));
      row.set(b, km);
    }
    return km;
  };
  // Rules resolved once per shortlist (each read is logged for the record).
  const agesOn = firstJanuaryOf(date);
  const ownFrom = law.integer("allocation.bedroom.ownBedroomFromAge", date);
  const perShared = law.integer("allocation.bedroom.childrenPerSharedBedroom", date);
  const underBasis = law.code("allocation.underOccupancy.countingBasis", date);
  // Art. 66 threshold, plus the seniors' medical extra bedroom (bill art. 54 §2 al. 3): the one rule.
  const medical = seniorsMedicalExtraBedrooms(
    v.category.kind === "DEDICATED" && v.category.subCategory === "SENIORS",
    v.category.kind === "DEDICATED" && Boolean(v.category.documentedMedicalReason),
    date,
    regime,
    law,
  );
  const underExtra = law.integer("allocation.underOccupancy.extraBedrooms", date) + medical.extra;
  const fallback = law.code("allocation.proximity.multipleWorkplacesFallback", date);
  const dedicatedOpts =
    v.category.kind === "DEDICATED"
      ? { ...regime, allocationDate: date, bedrooms: v.bedrooms, documentedMedicalReason: Boolean(v.category.documentedMedicalReason) }
      : undefined;

  const seenIds = new Set<string>();
  const scored: Scored[] = [];
  const excluded: ExcludedCandidate[] = [];
  const cands = req.candidates;
  for (let index = 0; index < cands.length; index++) {
    const c = cands[index]!;
    if (seenIds.has(c.candidateId)) throw new RangeError(`candidate ${c.candidateId} appears twice`);
    seenIds.add(c.candidateId);
    const h = c.household;
    validateHousehold(h);
    let reasons: string[] | undefined;
    const exclude = (r: string) => (reasons ??= []).push(r);
    if (!c.eligibility.eligible) for (const f of c.eligibility.failures) exclude(`not eligible (art. 55, ${f.condition}): ${f.reason}`);
    if (!c.eligibility.eligible && c.eligibility.failures.length === 0) exclude("not eligible (art. 55)");
    if (c.eligibility.eligible && c.sittingTenant === undefined && c.eligibility.purpose !== "CANDIDATE")
      exclude("eligibility established for a tenant (art. 55 §3), not for a candidate (art. 55 §1)");
    if (dedicatedOpts && v.category.kind === "DEDICATED")
      for (const f of checkDedicated(h, v.category.subCategory, dedicatedOpts, law).failures) exclude(`dedicated dwelling: ${f.reason}`);
    const needed = countBedroomsNeeded(h, agesOn, ownFrom, perShared);
    const units = countUnits(h, underBasis);
    const mismatch = !v.adaptedForDisability && h.members.some((x) => x.disability?.needsAdaptedDwelling);
    const typ = typologyDecision(needed, v.bedrooms, v.bedrooms >= units + underExtra, units + underExtra, mismatch, m);
    if (typ.points < 0) exclude(`typology (art. 58 al. 1 1°): ${typ.reason}`);
    let snapshot: CriteriaSnapshot | undefined;
    let frozenUntil: IsoDate | null = null;
    if (c.offers && c.offers.length > 0) {
      const f = criteriaInForce(c.criteriaHistory, c.offers, date, regime, law);
      snapshot = f.snapshot;
      if (f.freeze.frozen) frozenUntil = f.freeze.revisableFrom!;
    } else for (const sn of c.criteriaHistory) if (sn.evaluatedOn <= date && (snapshot === undefined || sn.evaluatedOn > snapshot.evaluatedOn)) snapshot = sn;
    if (!snapshot) exclude(`no socio-economic evaluation (art. 57 §1) in force on ${date}`);
    if (reasons) {
      excluded.push({ candidateId: c.candidateId, reasons });
      continue;
    }
    const p = locateProximity(h, v.municipality, distance, m.dwelling.multipleWorkplacesFrom, fallback);
    const proximity = proximityPoints(p, m);
    const works = p.worksThereLivesElsewhere ? m.dwelling.worksInVacancyMunicipalityLivesElsewhere : 0;
    const seniority = seniorityPoints(c.registeredOn, date, m);
    scored.push({
      index,
      candidateId: c.candidateId,
      group: c.sittingTenant ? "REHOUSING" : "NEW_TENANT",
      total: snapshot!.total + typ.points + proximity + works + seniority,
      registeredOn: c.registeredOn,
      snapshot: snapshot!,
      frozenUntil,
      typology: typ.points,
      proximity,
      works,
      seniority,
    });
  }

  scored.sort((a, b) => {
    if (a.group !== b.group) return a.group === "REHOUSING" ? -1 : 1;
    if (a.total !== b.total) return b.total - a.total;
    if (a.registeredOn !== b.registeredOn) return cmpStr(a.registeredOn, b.registeredOn);
    return cmpStr(a.candidateId, b.candidateId);
  });
  const explainTop = req.explainTop ?? 100;
  const ranked: RankedCandidate[] = new Array<RankedCandidate>(scored.length);
  const ranking: DecisionRecord["result"]["ranking"][number][] = new Array(scored.length);
  for (let i = 0; i < scored.length; i++) {
    const x = scored[i]!;
    const entry: RankedCandidate = {
      rank: i + 1,
      candidateId: x.candidateId,
      group: x.group,
      total: x.total,
      socioEconomicTotal: x.snapshot.total,
      dwellingPoints: { typology: x.typology, proximity: x.proximity, worksInVacancyMunicipality: x.works, seniority: x.seniority },
      registeredOn: x.registeredOn,
      criteriaEvaluatedOn: x.snapshot.evaluatedOn,
      criteriaFrozenUntil: x.frozenUntil,
      criteria: x.snapshot,
      ...(i < explainTop ? { contributions: [...x.snapshot.contributions, ...dwellingContributions(cands[x.index]!, v, date, m, regime, law, distance)] } : {}),
    };
    ranked[i] = entry;
    ranking[i] = { rank: i + 1, candidateId: x.candidateId, group: x.group, total: x.total };
  }
  excluded.sort((a, b) => cmpStr(a.candidateId, b.candidateId));
  const distances: [string, string, number][] = [];
  for (const [a, row] of used) for (const [b, km] of row) distances.push([a, b, km]);
  distances.sort((x, y) => cmpStr(x[0], y[0]) || cmpStr(x[1], y[1]));
  const record: DecisionRecord = {
    schema: DECISION_RECORD_SCHEMA,
    vacancy: v,
    allocationDate: date,
    regime,
    readings: allocationReadings(req),
    methodology: m,
    candidates: cands,
    distances,
    parameters: law.log.list().sort((a, b) => cmpStr(a.parameterId, b.parameterId) || cmpStr(a.validFrom, b.validFrom)),
    result: { ranking, excluded },
  };
  return { ranked, excluded, record };
}

/** The dwelling criteria of one candidate with their articles and details (art. 58 al. 1 1° and 2°, Esch annex 1). */
function dwellingContributions(
  c: ShortlistCandidate,
  v: Vacancy,
  date: IsoDate,
  m: Methodology,
  regime: RegimeOptions,
  law: LawReader,
  distance: DistanceFn,
): Contribution[] {
  const seniors = v.category.kind === "DEDICATED" && v.category.subCategory === "SENIORS";
  const fit = typologyFit(
    c.household,
    {
      bedrooms: v.bedrooms,
      ...(v.adaptedForDisability !== undefined ? { adaptedForDisability: v.adaptedForDisability } : {}),
      seniorsDedicated: seniors,
      documentedMedicalReason: v.category.kind === "DEDICATED" && Boolean(v.category.documentedMedicalReason),
    },
    date,
    regime,
    law,
  );
  return [
    typologyContribution(fit, m).contribution,
    ...proximityContributions(c.household, v.municipality, distance, date, m, law),
    seniorityContribution(c.registeredOn, date, m),
  ];
}

/** Every criterion's contribution for one candidate of a decision record (recomputed from the record alone). */
export function explainCandidate(record: DecisionRecord, candidateId: string): readonly Contribution[] {
  const r = replayShortlist(record);
  const hit = r.ranked.find((x) => x.candidateId === candidateId);
  if (!hit) throw new RangeError(`candidate ${candidateId} is not ranked in this record`);
  const c = record.candidates.find((x) => x.candidateId === candidateId)!;
  const law = lawReader(record.regime);
  const matrix = distanceFn({ entries: record.distances, symmetric: false });
  return [...hit.criteria.contributions, ...dwellingContributions(c, record.vacancy, record.allocationDate, record.methodology, record.regime, law, matrix)];
}

/** Recomputes a shortlist from its decision record alone (distances from the record, asymmetric as looked up). */
export function replayShortlist(record: DecisionRecord): ShortlistResult {
  if (record.schema !== DECISION_RECORD_SCHEMA) throw new RangeError(`unknown decision record schema ${String(record.schema)}`);
  const replayed = shortlist({
    ...record.regime,
    ...(record.readings ? { internationalProtectionReading: record.readings.internationalProtectionReading } : {}),
    vacancy: record.vacancy,
    allocationDate: record.allocationDate,
    candidates: record.candidates,
    methodology: record.methodology,
    distances: { entries: record.distances, symmetric: false },
  });
  // A record made before readings were recorded replays without them (it was made under the defaults).
  if (record.readings !== undefined) return replayed;
  const { readings: _readings, ...legacy } = replayed.record;
  return { ...replayed, record: legacy };
}

/** Canonical JSON of a decision record (sorted keys, no whitespace): hash it with node:crypto or `decisionHash`. */
export function canonicalDecisionJson(record: DecisionRecord): string {
  return canonicalJson(record);
}

/** SHA-256 (hex) of the canonical JSON, computed in pure TypeScript. */
export function decisionHash(record: DecisionRecord): string {
  return seal(record).hash;
}

/** Replays the record and checks that it yields the recorded result. */
export function verifyDecisionRecord(record: DecisionRecord): { reproducible: boolean; hash: string } {
  const replay = replayShortlist(record);
  return { reproducible: canonicalJson(replay.record.result) === canonicalJson(record.result), hash: decisionHash(record) };
}
