/**
 * The API-side shortlist path (law art. 53-58, 67 §3): load the register in a bounded number of SQL
 * statements (whatever its size), build each candidate's household, eligibility and dated criteria
 * snapshot, rank with the domain's `shortlist`, and seal the decision record (canonical JSON,
 * SHA-256 with node:crypto, gzip). Exported so that the benchmark measures exactly this code.
 */
import { sealForStorage, openStored } from "../../db/sealed-records.js";
import {
  allocationLawReader,
  checkEligibility,
  centroidDistances,
  evaluateSocioEconomic,
  evaluateWithoutSituation,
  replayShortlist,
  shortlist,
  summariseEligibility,
  type CandidateSituation,
  type CriteriaSnapshot,
  type DecisionRecord,
  type DistanceFn,
  type LawReader,
  type Methodology,
  type OfferOutcome,
  type RegimeOptions,
  type RehousingGround,
  type ShortlistCandidate,
  type ShortlistResult,
  type Vacancy,
} from "@abordable/domain";
import type { Prisma } from "../../generated/prisma/client.js";
import { householdOf, iso, type Breakdown, type MemberRow, type Tx, CANDIDATE_SELECT, MEMBER_SELECT } from "./common.js";

const ACTIVE = (date: Date): Prisma.ApplicationWhereInput => ({ status: "ACTIVE", registeredOn: { lte: date } });

export interface RegisterRows {
  applications: { id: string; candidateId: string; registeredOn: Date; situation: Prisma.JsonValue; isSittingTenantToRehouse: boolean }[];
  candidates: { id: string; residenceStatus: import("../../generated/prisma/enums.js").ResidenceStatus; residentSince: Date | null; municipalityId: string }[];
  households: { id: string; candidateId: string }[];
  members: MemberRow[];
  offers: { applicationId: string; offeredOn: Date; respondedOn: Date | null; outcome: string }[];
  previousEntries: { applicationId: string; scoreBreakdown: Prisma.JsonValue }[];
  sittingLeases: { id: string; householdId: string }[];
  /** Open rehousing cases (art. 67) of those leases, oldest known first: the ground of each sitting tenant's rehousing. */
  rehousingCases: { id: string; leaseId: string; reason: RehousingGround; knownOn: Date }[];
  municipalities: { id: string; latitude: { toFixed(): string } | null; longitude: { toFixed(): string } | null }[];
}

/**
 * The register as of `allocationDate`: active applications registered by then, their candidates,
 * households and members, decided offers, earlier criteria snapshots of candidates with an
 * unjustified refusal (for the freeze), the landlord's sitting tenants to rehouse and their open
 * rehousing cases, municipal coordinates. Nine statements, each a single SELECT (relation filters
 * become sub-queries).
 */
export async function loadRegisterRows(tx: Tx, landlordId: string, allocationDate: string): Promise<RegisterRows> {
  const date = new Date(`${allocationDate}T00:00:00Z`);
  const active = ACTIVE(date);
  const [applications, candidates, households, members, context] = await Promise.all([
    tx.application.findMany({
      where: active,
      select: { id: true, candidateId: true, registeredOn: true, situation: true, isSittingTenantToRehouse: true },
      orderBy: [{ registeredOn: "asc" }, { id: "asc" }],
    }),
    tx.candidate.findMany({
      where: { applications: { some: active } },
      select: CANDIDATE_SELECT,
    }),
    tx.household.findMany({ where: { candidate: { applications: { some: active } } }, select: { id: true, candidateId: true } }),
    tx.householdMember.findMany({
      where: { household: { candidate: { applications: { some: active } } } },
      select: MEMBER_SELECT,
    }),
    loadRankingContext(tx, landlordId, allocationDate),
  ]);
  return { applications, candidates, households, members, ...context };
}

export type RankingContext = Pick<RegisterRows, "offers" | "previousEntries" | "sittingLeases" | "rehousingCases" | "municipalities">;

/** What a ranking reads besides the applications' own inputs (five SELECTs): decided offers, earlier criteria snapshots of candidates with an unjustified refusal, the landlord's sitting tenants to rehouse and their open cases, municipal coordinates. */
export async function loadRankingContext(tx: Tx, landlordId: string, allocationDate: string): Promise<RankingContext> {
  const date = new Date(`${allocationDate}T00:00:00Z`);
  const active = ACTIVE(date);
  const sitting: Prisma.LeaseWhereInput = {
    status: "ACTIVE",
    landlordId,
    household: { candidate: { applications: { some: { ...active, isSittingTenantToRehouse: true } } } },
  };
  const [offers, previousEntries, sittingLeases, rehousingCases, municipalities] = await Promise.all([
    tx.allocationOffer.findMany({
      where: { outcome: { not: "PENDING" }, respondedOn: { lte: date }, application: active },
      select: { applicationId: true, offeredOn: true, respondedOn: true, outcome: true },
    }),
    tx.allocationFileCandidate.findMany({
      where: { application: { ...active, offers: { some: { outcome: "REFUSED_UNJUSTIFIED" } } } },
      select: { applicationId: true, scoreBreakdown: true },
    }),
    tx.lease.findMany({ where: sitting, select: { id: true, householdId: true } }),
    tx.rehousingCase.findMany({
      where: { closedOn: null, lease: sitting },
      select: { id: true, leaseId: true, reason: true, knownOn: true },
      orderBy: [{ knownOn: "asc" }, { id: "asc" }],
    }),
    tx.municipality.findMany({ where: { latitude: { not: null }, longitude: { not: null } }, select: { id: true, latitude: true, longitude: true } }),
  ]);
  return { offers, previousEntries, sittingLeases, rehousingCases, municipalities };
}

export interface ContextMaps {
  offersByApplication: Map<string, OfferOutcome[]>;
  previousByApplication: Map<string, CriteriaSnapshot[]>;
  sittingLease: Map<string, string>;
  groundOfLease: Map<string, RehousingGround>;
}

/** The ranking context by application (offers, earlier snapshots) and by household (sitting lease) and lease (ground). */
export function contextMaps(rows: Omit<RankingContext, "municipalities">, allocationDate: string): ContextMaps {
  const offersByApplication = new Map<string, OfferOutcome[]>();
  for (const o of rows.offers) {
    if (!o.respondedOn || o.outcome === "PENDING") continue;
    const entry: OfferOutcome = { offeredOn: iso(o.offeredOn), decidedOn: iso(o.respondedOn), outcome: o.outcome as OfferOutcome["outcome"] };
    const list = offersByApplication.get(o.applicationId);
    if (list) list.push(entry);
    else offersByApplication.set(o.applicationId, [entry]);
  }
  const previousByApplication = new Map<string, CriteriaSnapshot[]>();
  for (const e of rows.previousEntries) {
    const criteria = (e.scoreBreakdown as Breakdown | null)?.criteria as CriteriaSnapshot | undefined;
    if (!criteria || typeof criteria.evaluatedOn !== "string" || criteria.evaluatedOn > allocationDate) continue;
    const list = previousByApplication.get(e.applicationId) ?? [];
    if (!list.some((s) => s.evaluatedOn === criteria.evaluatedOn)) list.push({ ...criteria, candidateId: e.applicationId });
    previousByApplication.set(e.applicationId, list);
  }
  const sittingLease = new Map(rows.sittingLeases.map((l) => [l.householdId, l.id]));
  // The ground of each sitting tenant's rehousing: its open case (art. 67), the oldest known first.
  const groundOfLease = new Map<string, RehousingGround>();
  for (const c of rows.rehousingCases) if (!groundOfLease.has(c.leaseId)) groundOfLease.set(c.leaseId, c.reason);
  return { offersByApplication, previousByApplication, sittingLease, groundOfLease };
}

/**
 * Distances (art. 58 al. 1 2°): great-circle kilometres (haversine, mean Earth radius 6,371 km)
 * between municipal coordinates, rounded to 0.1 km, when both municipalities have coordinates
 * (the seed writes those of seed/municipality-coordinates.ts, with their source); otherwise
 * unknown — even within one municipality — and proximity gives no points. None are invented.
 */
/** Distances between the register's municipalities by the domain's documented method (note `distance-municipality-centroids`). */
export function distancesFrom(rows: RegisterRows["municipalities"]): DistanceFn {
  return centroidDistances(rows.map((m) => ({ id: m.id, latitude: Number(m.latitude!.toFixed()), longitude: Number(m.longitude!.toFixed()) })));
}

const TITLES = new Set([
  "HOMELESS",
  "EMERGENCY_SHELTER",
  "INSTITUTION_LEAVING",
  "HOSTED_FREE_OF_CHARGE",
  "INFORMAL_OR_ABUSIVE_SHARING",
  "SUBLET",
  "FIXED_TERM_LEASE",
  "SOCIAL_RENTAL_MANAGEMENT",
  "OPEN_ENDED_LEASE",
  "OTHER",
]);

/** The documented situation of art. 57 §1 stored on the application (Application.situation), if it has the engine's shape. */
export function situationOf(json: Prisma.JsonValue): (CandidateSituation & { evaluatedOn?: string }) | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const s = json as Record<string, unknown>;
  if (typeof s.title !== "string" || !TITLES.has(s.title)) return null;
  return s as unknown as CandidateSituation & { evaluatedOn?: string };
}

/** The art. 57 §1 snapshot of one candidate on `evaluatedOn` under the methodology; without a documented situation, the domain's rule for it (note `title-undocumented-zero`). */
export function snapshotOf(
  applicationId: string,
  household: ShortlistCandidate["household"],
  situation: CandidateSituation | null,
  evaluatedOn: string,
  m: Methodology,
  regime: RegimeOptions,
  law: LawReader,
): CriteriaSnapshot {
  return situation
    ? evaluateSocioEconomic(applicationId, household, situation, evaluatedOn, m, regime, law)
    : evaluateWithoutSituation(applicationId, household, evaluatedOn, m, regime, law);
}

export interface PreparedRegister {
  candidates: ShortlistCandidate[];
  /** Applications skipped because the stored household is not valid (no applicant, no members). */
  invalidHouseholds: number;
  distances: DistanceFn;
}

/** Builds the domain's candidates from the rows: household, eligibility on the allocation date, criteria history, offers, rehousing. */
export function prepareCandidates(rows: RegisterRows, allocationDate: string, m: Methodology, regime: RegimeOptions): PreparedRegister {
  const law = allocationLawReader(regime);
  const candidateById = new Map(rows.candidates.map((c) => [c.id, c]));
  const householdByCandidate = new Map(rows.households.map((h) => [h.candidateId, h.id]));
  const membersByHousehold = new Map<string, MemberRow[]>();
  for (const mb of rows.members) {
    const list = membersByHousehold.get(mb.householdId);
    if (list) list.push(mb);
    else membersByHousehold.set(mb.householdId, [mb]);
  }
  const { offersByApplication, previousByApplication, sittingLease, groundOfLease } = contextMaps(rows, allocationDate);
  const seenCandidates = new Set<string>();
  const out: ShortlistCandidate[] = [];
  let invalid = 0;
  for (const a of rows.applications) {
    // One place per candidate: the oldest active application (seniority).
    if (seenCandidates.has(a.candidateId)) continue;
    seenCandidates.add(a.candidateId);
    const candidate = candidateById.get(a.candidateId);
    const householdId = householdByCandidate.get(a.candidateId);
    const members = householdId ? membersByHousehold.get(householdId) : undefined;
    if (!candidate || !householdId || !members || members.filter((x) => x.role === "APPLICANT").length !== 1) {
      invalid += 1;
      continue;
    }
    const household = householdOf(candidate, members, allocationDate);
    // A sitting tenant ranks in the rehousing group (art. 67 §3) with the ground of its open rehousing
    // case; flagged without an open case, it has no rehousing to rank and applies as a new tenant.
    const lease = a.isSittingTenantToRehouse ? sittingLease.get(householdId) : undefined;
    const ground = lease ? groundOfLease.get(lease) : undefined;
    const leaseId = ground ? lease : undefined;
    let eligibility;
    try {
      // Art. 55 §1 1° and 4° « au jour de l'introduction de la demande »: judged on the day the application was lodged; 2° and 3° on the ranking day.
      eligibility = summariseEligibility(
        checkEligibility(household, { ...regime, asOf: allocationDate, applicationDate: iso(a.registeredOn), purpose: leaseId ? "TENANT" : "CANDIDATE" }),
      );
    } catch {
      invalid += 1;
      continue;
    }
    const situation = situationOf(a.situation);
    const evaluatedOn = situation?.evaluatedOn && situation.evaluatedOn <= allocationDate ? situation.evaluatedOn : allocationDate;
    const current = snapshotOf(a.id, household, situation, evaluatedOn, m, regime, law);
    const previous = previousByApplication.get(a.id) ?? [];
    const offers = offersByApplication.get(a.id);
    out.push({
      candidateId: a.id,
      registeredOn: iso(a.registeredOn),
      household,
      eligibility,
      criteriaHistory: previous.some((s) => s.evaluatedOn === current.evaluatedOn) ? previous : [...previous, current],
      ...(offers ? { offers } : {}),
      ...(leaseId && ground ? { sittingTenant: { leaseId, ground } } : {}),
    });
  }
  return { candidates: out, invalidHouseholds: invalid, distances: distancesFrom(rows.municipalities) };
}

/** Ranks the prepared register for the vacancy (the domain's shortlist). */
export function rankRegister(
  prepared: PreparedRegister,
  vacancy: Vacancy,
  allocationDate: string,
  m: Methodology,
  regime: RegimeOptions,
  explainTop: number,
): ShortlistResult {
  return shortlist({ ...regime, vacancy, allocationDate, candidates: prepared.candidates, methodology: m, distances: prepared.distances, explainTop });
}

export interface SealedRecord {
  bytes: Buffer;
  hash: string;
  canonicalLength: number;
}

/** Canonical JSON of the decision record (the domain's one canonical record), its SHA-256 and the gzip stored in the file. */
export function sealRecord(record: DecisionRecord): SealedRecord {
  const sealed = sealForStorage(record);
  return { bytes: sealed.bytes, hash: sealed.hash, canonicalLength: sealed.canonical.length };
}

export interface Verification {
  storedHashMatches: boolean;
  reproducible: boolean;
  recomputedHash: string;
  rankedCount: number;
  record: DecisionRecord;
  replay: ShortlistResult;
}

/** Recomputes a shortlist from its stored record alone: the stored bytes hash to the stored hash, and the replay gives the same ranking and the same canonical record. */
export function verifyRecord(bytes: Uint8Array, storedHash: string): Verification {
  const { canonical: json, verification } = openStored(bytes, storedHash);
  const record = JSON.parse(json) as DecisionRecord;
  const replay = replayShortlist(record);
  const recomputedHash = sealForStorage(replay.record).hash;
  return {
    storedHashMatches: verification.intact,
    reproducible: recomputedHash === storedHash,
    recomputedHash,
    rankedCount: replay.ranked.length,
    record,
    replay,
  };
}

/** The breakdown kept for a ranked candidate in the file (AllocationFileCandidate.scoreBreakdown). */
export function breakdownOf(r: ShortlistResult["ranked"][number]): Breakdown {
  return {
    group: r.group,
    total: r.total,
    socioEconomicTotal: r.socioEconomicTotal,
    dwellingPoints: r.dwellingPoints,
    registeredOn: r.registeredOn,
    criteriaEvaluatedOn: r.criteriaEvaluatedOn,
    criteriaFrozenUntil: r.criteriaFrozenUntil,
    criteria: r.criteria,
    contributions: (r.contributions ?? []).map((c) => ({ criterion: c.criterion, points: c.points, detail: c.detail, citation: { ...c.citation } })),
  };
}
