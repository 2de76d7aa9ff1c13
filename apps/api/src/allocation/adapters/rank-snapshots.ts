/**
 * The shortlist from snapshots (issue 16). Before the ranking: snapshots for applications that have
 * none (`ensureSnapshots`), the day's evaluations (`ensureEvaluations`). The ranking then reads, in
 * one REPEATABLE READ transaction, only the applications that can be ranked — the SQL WHERE on the
 * stored evaluation: a valid household, eligible as a candidate on the day with a typology the
 * domain admits (not too small; when larger, not under an exact-fit methodology nor under-occupied,
 * art. 66), or flagged as a sitting tenant (every one is loaded: art. 55 §3 and the typology are
 * judged here) — with the ranking context; the criteria
 * totals come precomputed (`criteriaTotals`). What depends on the vacancy or is rare is computed now
 * by the domain: the sitting tenants' eligibility, the freeze (offers, earlier snapshots), and the
 * domain's `shortlist` itself (typology with art. 66, dedicated sub-category, proximity, seniority,
 * order). The filter only leaves out applications the domain would exclude, so the ranking is the
 * one the whole register gives (test/allocation/snapshots.test.ts compares both).
 */
import {
  allocationLawReader,
  seniorsMedicalExtraBedrooms,
  shortlist,
  summariseEligibility,
  checkEligibility,
  type CriteriaSnapshot,
  type Methodology,
  type RegimeOptions,
  type ShortlistCandidate,
  type ShortlistResult,
  type Vacancy,
} from "@abordable/domain";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { householdOf, type Tx } from "./common.js";
import { ACTIVE_ONE_PER_CANDIDATE, criteriaTotals, evaluate, evaluationDayOf, regimeKeyOf, storedCriteria, storeEvaluations } from "./precompute.js";
import { contextMaps, distancesFrom, loadRankingContext } from "./register.js";
import { ensureSnapshots, rowsOfSnapshot, type SnapshotInput } from "./snapshots.js";
import type { CandidateRef } from "./snapshot-record.js";

export interface SnapshotRanking {
  result: ShortlistResult;
  /** The ranked and excluded candidates' references, in the domain's candidate order (index i = result candidate i). */
  refs: CandidateRef[];
  considered: number;
  invalidHouseholds: number;
  notLoaded: number;
  timings: { prepareMs: number; loadMs: number; rankMs: number };
}

interface Row {
  hash: string;
  input: SnapshotInput;
  sitting: boolean;
  valid: boolean | null;
  eligible: boolean | null;
}

/** The SQL filter, as recorded in the decision record. */
export const REGISTER_FILTER =
  "active applications lodged by the ranking day, the oldest per candidate; with an evaluation of their snapshot on the ranking day under the record's regime (ApplicationEvaluation) that is valid, and either flagged as a sitting tenant to rehouse (every one is recorded; art. 55 §3 and the typology judged at ranking) or eligible as a candidate (art. 55 §1) with a typology the domain admits: bedroomsNeeded <= the vacancy's bedrooms, and when larger, neither an exact-fit methodology nor under-occupied (bedrooms >= units + the art. 66 extra bedrooms; art. 58 al. 1 1°, RGD art. 4)";

export async function rankFromSnapshots(
  prisma: PrismaClient,
  landlordId: string,
  vacancy: Vacancy,
  date: string,
  methodologyId: string,
  m: Methodology,
  regime: RegimeOptions,
  explainTop: number,
): Promise<SnapshotRanking> {
  const law = allocationLawReader(regime);
  const key = regimeKeyOf(regime);
  const t0 = performance.now();
  const db = prisma as unknown as Tx;
  await ensureSnapshots(db, date);
  // The day's evaluations missing (first ranking of the day, or new snapshots) are made from the rows read below and stored.
  const t1 = performance.now();
  const exact = m.dwelling.typology.admissible === "EXACT";
  // Art. 66 threshold for this vacancy, as the domain's shortlist reads it (plus the seniors' medical extra bedroom, bill art. 54 §2 al. 3).
  const cat = vacancy.category;
  const seniors = cat.kind === "DEDICATED" && cat.subCategory === "SENIORS";
  const underExtra =
    law.integer("allocation.underOccupancy.extraBedrooms", date) +
    seniorsMedicalExtraBedrooms(seniors, cat.kind === "DEDICATED" && Boolean(cat.documentedMedicalReason), date, regime, law).extra;
  // A typology the domain refuses (art. 58 al. 1 1°; RGD art. 4; art. 66): too small, larger under an exact-fit methodology, or larger and under-occupied.
  const typologyRefused = (needed: number, units: number) =>
    vacancy.bedrooms < needed || (vacancy.bedrooms > needed && (exact || vacancy.bedrooms >= units + underExtra));
  const loaded = await prisma.$transaction(
    async (tx) => {
      // One pass over the register: the counts, and the rankable applications' inputs (parsed once, as one JSON array).
      const [agg, context] = await Promise.all([
        tx.$queryRawUnsafe<{ considered: number; unsnapshotted: number; invalid: number; rows: Row[] | null }[]>(
          `WITH active AS (${ACTIVE_ONE_PER_CANDIDATE})
           SELECT count(*)::int AS considered, count(*) FILTER (WHERE active."snapshotHash" IS NULL)::int AS unsnapshotted, count(*) FILTER (WHERE e.valid = false)::int AS invalid,
             json_agg(json_build_object('hash', s.hash, 'input', s.canonical::json, 'sitting', active."isSittingTenantToRehouse", 'valid', e.valid, 'eligible', e.eligible))
               FILTER (WHERE s.hash IS NOT NULL AND (e."snapshotHash" IS NULL OR (e.valid AND (active."isSittingTenantToRehouse" OR (e.eligible AND NOT ($3 < e."bedroomsNeeded" OR ($3 > e."bedroomsNeeded" AND ($4 OR $3 >= e.units + $5)))))))) AS rows
           FROM active LEFT JOIN "ApplicationSnapshot" s ON s.hash = active."snapshotHash"
           LEFT JOIN "ApplicationEvaluation" e ON e."snapshotHash" = active."snapshotHash" AND e."asOf" = $1::date AND e."regimeKey" = $2`,
          date,
          key,
          vacancy.bedrooms,
          exact,
          underExtra,
        ),
        loadRankingContext(tx, landlordId, date),
      ]);
      const { rows, ...counts } = agg[0]!;
      return { counts, rows: rows ?? [], context };
    },
    { isolationLevel: "RepeatableRead", timeout: 10 * 60_000, maxWait: 60_000 },
  );
  // An application registered or revised between the preparation and the read has no snapshot or evaluation yet: evaluated here.
  if (loaded.counts.unsnapshotted > 0) return rankFromSnapshots(prisma, landlordId, vacancy, date, methodologyId, m, regime, explainTop);
  const t2 = performance.now();
  const maps = contextMaps(loaded.context, date);
  let invalid = loaded.counts.invalid;
  const late: Parameters<typeof storeEvaluations>[3] = [];
  const kept: { hash: string; input: SnapshotInput; eligible: boolean; sitting: boolean }[] = [];
  for (const r of loaded.rows) {
    const input = r.input;
    let eligible = r.eligible;
    if (r.valid === null) {
      const e = evaluate(input, date, regime, law);
      late.push({ hash: r.hash, ...e });
      if (!e.valid) {
        invalid += 1;
        continue;
      }
      // The same filter as the SQL WHERE, so that the first ranking of a day records what every later one does.
      if (!r.sitting && (!e.eligible || typologyRefused(e.bedroomsNeeded, e.units))) continue;
      eligible = e.eligible;
    }
    kept.push({ hash: r.hash, input, eligible: Boolean(eligible), sitting: r.sitting });
  }
  if (late.length) await storeEvaluations(db, date, key, late);
  // The record lists the candidates by snapshot hash: a canonical order, whatever order the rows came in.
  kept.sort((x, y) => (x.hash < y.hash ? -1 : x.hash > y.hash ? 1 : 0));
  const totals = await criteriaTotals(
    db,
    kept.map((k) => ({ hash: k.hash, evaluatedOn: evaluationDayOf(k.input, date), input: k.input })),
    methodologyId,
    date,
    m,
    regime,
    law,
  );
  const light = new Map<CriteriaSnapshot, string>();
  const candidates: ShortlistCandidate[] = [];
  const refs: CandidateRef[] = [];
  for (const k of kept) {
    const rows = rowsOfSnapshot(k.input);
    const a = rows.application;
    const household = householdOf(rows.candidate, rows.members, date);
    const lease = k.sitting && rows.household ? maps.sittingLease.get(rows.household.id) : undefined;
    const ground = lease ? maps.groundOfLease.get(lease) : undefined;
    const leaseId = ground ? lease : undefined;
    // A sitting tenant with an open case is judged under art. 55 §3 (purpose TENANT), now; the others' eligibility as candidates was precomputed for the day.
    const eligibility = leaseId
      ? summariseEligibility(checkEligibility(household, { ...regime, asOf: date, applicationDate: k.input.application.registeredOn, purpose: "TENANT" }))
      : k.eligible
        ? { eligible: true, asOf: date, purpose: "CANDIDATE" as const, failures: [] }
        : { eligible: false, asOf: date, purpose: "CANDIDATE" as const, failures: [] };
    const evaluatedOn = evaluationDayOf(k.input, date);
    const current: CriteriaSnapshot = {
      candidateId: a.id,
      evaluatedOn,
      methodology: { id: m.id, version: m.version },
      contributions: [],
      total: totals.get(k.hash)!,
    };
    light.set(current, k.hash);
    const previous = maps.previousByApplication.get(a.id) ?? [];
    const offers = maps.offersByApplication.get(a.id);
    candidates.push({
      candidateId: a.id,
      registeredOn: k.input.application.registeredOn,
      household,
      eligibility,
      criteriaHistory: previous.some((s) => s.evaluatedOn === evaluatedOn) ? previous : [...previous, current],
      ...(offers ? { offers } : {}),
      ...(leaseId && ground ? { sittingTenant: { leaseId, ground } } : {}),
    });
    refs.push({
      snapshot: k.hash,
      ...(offers ? { offers } : {}),
      ...(previous.length ? { previousCriteria: previous } : {}),
      ...(leaseId && ground ? { sittingTenant: { leaseId, ground } } : {}),
    });
  }
  const result = shortlist({
    ...regime,
    vacancy,
    allocationDate: date,
    candidates,
    methodology: m,
    distances: distancesFrom(loaded.context.municipalities),
    explainTop,
  });
  // The best ranks' breakdowns carry the full art. 57 snapshot with its citations (stored with the totals).
  const top = result.ranked.slice(0, explainTop).filter((r) => light.has(r.criteria));
  const full = await storedCriteria(
    db,
    top.map((r) => ({ hash: light.get(r.criteria)!, evaluatedOn: r.criteria.evaluatedOn })),
    methodologyId,
    regime,
  );
  const ranked = result.ranked.map((r) => {
    const f = light.has(r.criteria) ? full.get(light.get(r.criteria)!) : undefined;
    return f ? { ...r, criteria: f, ...(r.contributions ? { contributions: [...f.contributions, ...r.contributions] } : {}) } : r;
  });
  const t3 = performance.now();
  return {
    result: { ...result, ranked },
    refs,
    considered: loaded.counts.considered,
    invalidHouseholds: invalid,
    notLoaded: loaded.counts.considered - kept.length,
    timings: { prepareMs: t1 - t0, loadMs: t2 - t1, rankMs: t3 - t2 },
  };
}
