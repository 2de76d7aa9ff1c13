/**
 * The allocation file's flow (law art. 53-59; Esch ROI art. 4, 9): open a file for a vacancy of
 * the caller's stock, compute and verify its shortlist, move it through the domain's state
 * machine, record offers and answers (reported to the register; refusal freeze of bill art. 57
 * §3), and allocate — through the procedure or under the free-choice quota (art. 53 al. 3).
 * Every mutation is one transaction; a rule broken is a user error naming the field and the rule.
 */
import {
  checkEligibility,
  checkFreeChoice,
  freeChoiceAllowance,
  refusalFreeze,
  summariseEligibility,
  transition,
  type AllocationFile as DomainFile,
  type FileEvent,
  type OpinionResult,
  type RegimeOptions,
} from "@abordable/domain";
import type { AllocationFileStatus } from "../generated/prisma/enums.js";
import { builder } from "../schema/builder.js";
import { runMutation } from "../schema/mutation.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../schema/user-errors.js";
import { checkId, checkInt, checkText, asDate } from "../schema/validate.js";
import type { Context } from "../schema/context.js";
import { AllocationFileRef } from "./types.js";
import { FileEventEnum, OfferResponseEnum } from "./enums.js";
import { dbStatus, domainFile, householdOf, iso, methodologyFromConfig, operatorRegime, ruleOf, todayIso, vacancyOf, type Breakdown, type Tx } from "./common.js";
import { uniquely } from "../schema/one-winner.js";
import { allocationFileToChange, allocationFileToRank, candidateForFreeChoice, allocationFileToVerify, allocationOfferToAnswer, candidateOfShortlist, vacancyToOpen, type FileForChange } from "../access/policy.js";
import { breakdownOf, type rankRegister, type sealRecord } from "./register.js";
import { rankShortlist, verifyStoredShortlist } from "./shortlist-path.js";

const MUTATE = { landlord: true, ministryAdmin: true } as const;

function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}
function abort(field: string, code: UserError["code"], message: string, rule?: string): never {
  const p = new Problems();
  p.add(field, code, message, rule);
  fail(p);
}

// ───────────── loading a file under lock ─────────────

/** The file named by `field`, locked and loaded through the access policy. */
function lockFile(tx: Tx, ctx: Context, field: string, globalId: string | number) {
  return allocationFileToChange(tx, ctx, field, { globalId });
}

type LoadedFile = FileForChange;

function stateOf(f: LoadedFile): DomainFile {
  const d = domainFile(f, f.candidates, f.events, f.offers);
  if (!d) abort("allocationFileId", "INVALID_STATE", "The file is closed");
  return d;
}

/** Applies a domain event: refused transitions are user errors citing the rule; otherwise the new status and an event row. */
async function apply(tx: Tx, f: LoadedFile, event: FileEvent, reason: string, field = "event", extra: { selectedApplicationId?: string | null } = {}) {
  const r = transition(stateOf(f), event);
  if (!r.ok) abort(field, r.citation.text === "ESCH_ROI" && r.citation.article === "4" ? "INVALID_STATE" : "RULE_VIOLATION", r.reason, ruleOf(r.citation));
  const to = dbStatus(r.file.state);
  const moved = await tx.allocationFile.updateMany({ where: { id: f.id, status: f.status }, data: { status: to, ...extra } });
  if (moved.count === 0) abort("allocationFileId", "CONFLICT", "The file changed meanwhile; read it again");
  await tx.allocationFileEvent.create({ data: { allocationFileId: f.id, fromStatus: f.status, toStatus: to, occurredOn: asDate(event.on), reason: `${event.type}: ${reason}` } });
  return r.file;
}

// ───────────── payloads ─────────────

type FileRow = NonNullable<Awaited<ReturnType<Context["prisma"]["allocationFile"]["findUnique"]>>>;

const AllocationFilePayload = builder.objectRef<{ allocationFile: FileRow | null; userErrors: UserError[] }>("AllocationFilePayload").implement({
  description: "Result of a change to an allocation file.",
  fields: (t) => ({
    allocationFile: t.field({ type: AllocationFileRef, nullable: true, description: "The file as changed; null when there are user errors.", resolve: (p) => p.allocationFile }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

interface Computation {
  rankedCount: number;
  excludedCount: number;
  keptCount: number;
  invalidHouseholds: number;
  decisionHash: string;
  methodologyVersion: number;
  regime: string;
  loadMilliseconds: number;
  rankMilliseconds: number;
  recordMilliseconds: number;
  recordBytes: number;
  recordCanonicalLength: number;
  notLoadedCount: number;
}

const ComputationRef = builder.objectRef<Computation>("ShortlistComputation").implement({
  description: "What a shortlist computation did.",
  fields: (t) => ({
    rankedCount: t.exposeInt("rankedCount", { description: "Eligible candidates ranked (the whole ranking is in the decision record)." }),
    excludedCount: t.exposeInt("excludedCount", { description: "Candidates of the register excluded, each with its reasons in the decision record (not eligible, typology, dedicated category, no evaluation)." }),
    keptCount: t.exposeInt("keptCount", { description: "Best-ranked candidates kept in the file (their personal data becomes visible to the landlord)." }),
    invalidHouseholds: t.exposeInt("invalidHouseholds", { description: "Applications skipped because their household on the register is incomplete (no single applicant)." }),
    decisionHash: t.exposeString("decisionHash", { description: "SHA-256 of the canonical decision record." }),
    methodologyVersion: t.exposeInt("methodologyVersion", { description: "The landlord's methodology version used." }),
    regime: t.exposeString("regime", { description: "Regime applied (LAW or BILL_8535 with the operator's entry-into-force date)." }),
    loadMilliseconds: t.exposeInt("loadMilliseconds", { description: "Time to load the register (SQL), ms." }),
    rankMilliseconds: t.exposeInt("rankMilliseconds", { description: "Time to build households, eligibility and criteria and to rank, ms." }),
    recordMilliseconds: t.exposeInt("recordMilliseconds", { description: "Time to seal the decision record (canonical JSON, SHA-256, gzip), ms." }),
    recordBytes: t.exposeInt("recordBytes", { description: "Size of the stored gzip decision record, bytes." }),
    recordCanonicalLength: t.exposeInt("recordCanonicalLength", { description: "Length of the decision record's canonical JSON (characters) before gzip; it references the candidates' application snapshots by SHA-256 (issue 16)." }),
    notLoadedCount: t.exposeInt("notLoadedCount", { description: "Active applications (one per candidate) the register's SQL filter left out because they cannot be ranked: not eligible as a candidate on the day (art. 55 §1, precomputed per snapshot), an invalid household, or more bedrooms needed than the vacancy has (art. 58 al. 1 1°). Counted in the decision record." }),
  }),
});

const ShortlistPayload = builder.objectRef<{ allocationFile: FileRow | null; computation: Computation | null; userErrors: UserError[] }>("ComputeShortlistPayload").implement({
  description: "Result of computeShortlist.",
  fields: (t) => ({
    allocationFile: t.field({ type: AllocationFileRef, nullable: true, description: "The file with its shortlist; null when there are user errors.", resolve: (p) => p.allocationFile }),
    computation: t.field({ type: ComputationRef, nullable: true, description: "What was computed.", resolve: (p) => p.computation }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

interface VerificationView {
  storedHashMatches: boolean;
  reproducible: boolean;
  sameRanking: boolean;
  snapshotsIntact: boolean;
  snapshotCount: number;
  storedHash: string;
  recomputedHash: string;
  rankedCount: number;
}

const VerificationRef = builder.objectRef<VerificationView>("ShortlistVerification").implement({
  description: "A shortlist recomputed from its stored decision record alone.",
  fields: (t) => ({
    storedHashMatches: t.exposeBoolean("storedHashMatches", { description: "The stored record hashes to the stored decisionHash (nothing was altered)." }),
    sameRanking: t.exposeBoolean("sameRanking", { description: "The replay gives the recorded ranking, and the ranks kept in the file agree with it." }),
    reproducible: t.exposeBoolean("reproducible", { description: "The replayed decision record is identical: same ranking and same SHA-256 (and, for a record by reference, every snapshot intact)." }),
    snapshotsIntact: t.exposeBoolean("snapshotsIntact", { description: "Every application snapshot the record references exists and its stored canonical JSON still hashes to its SHA-256 (issue 16); true for a self-contained record (schema 1)." }),
    snapshotCount: t.exposeInt("snapshotCount", { description: "Application snapshots the record references (0 for a self-contained record)." }),
    storedHash: t.exposeString("storedHash", { description: "decisionHash stored in the file." }),
    recomputedHash: t.exposeString("recomputedHash", { description: "SHA-256 of the canonical JSON of the replayed record." }),
    rankedCount: t.exposeInt("rankedCount", { description: "Candidates ranked by the replay." }),
  }),
});

const VerifyPayload = builder.objectRef<{ verification: VerificationView | null; userErrors: UserError[] }>("VerifyShortlistPayload").implement({
  description: "Result of verifyShortlist.",
  fields: (t) => ({
    verification: t.field({ type: VerificationRef, nullable: true, description: "The verification; null when there are user errors.", resolve: (p) => p.verification }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

interface FreezeView {
  frozen: boolean;
  triggeredOn: string | null;
  revisableFrom: string | null;
  rule: string;
}
const FreezeRef = builder.objectRef<FreezeView>("RefusalFreeze").implement({
  description: "The refusal freeze of bill art. 57 §3 al. 2: after two successive unjustified refusals, the candidate's criteria are revised only from 1 January of the second year after the second refusal (no freeze under the law).",
  fields: (t) => ({
    frozen: t.exposeBoolean("frozen", { description: "Criteria frozen on the day of the answer." }),
    triggeredOn: t.field({ type: "Date", nullable: true, description: "Day of the refusal that completed the run.", resolve: (f) => f.triggeredOn }),
    revisableFrom: t.field({ type: "Date", nullable: true, description: "First day the criteria may be revised again.", resolve: (f) => f.revisableFrom }),
    rule: t.exposeString("rule", { description: "The provision applied." }),
  }),
});

const OfferPayload = builder.objectRef<{ allocationFile: FileRow | null; offerId: string | null; freeze: FreezeView | null; userErrors: UserError[] }>("AllocationOfferPayload").implement({
  description: "Result of recordOffer or recordOfferResponse.",
  fields: (t) => ({
    allocationFile: t.field({ type: AllocationFileRef, nullable: true, description: "The file as changed; null when there are user errors.", resolve: (p) => p.allocationFile }),
    offer: t.prismaField({
      type: "AllocationOffer",
      nullable: true,
      description: "The offer as changed.",
      resolve: (query, p, _a, ctx) => (p.offerId ? ctx.prisma.allocationOffer.findUnique({ ...query, where: { id: p.offerId } }) : null),
    }),
    freeze: t.field({ type: FreezeRef, nullable: true, description: "After an answer: whether the candidate's criteria are now frozen (bill art. 57 §3 al. 2).", resolve: (p) => p.freeze }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

interface QuotaView {
  allowed: boolean;
  quotaPercent: string;
  managedDwellings: number;
  allocationsThisYear: number;
  freeChoiceThisYear: number;
  maxWithNext: number;
  reason: string;
  rule: string;
}
const QuotaRef = builder.objectRef<QuotaView>("FreeChoiceQuota").implement({
  description: "The free-choice quota check of law art. 53 al. 3 (bill art. 30 2°) for one more free-choice allocation this year.",
  fields: (t) => ({
    allowed: t.exposeBoolean("allowed", { description: "One more free-choice allocation stays within the share." }),
    quotaPercent: t.field({ type: "Decimal", description: "Share allowed, percent of the year's allocations (0 under the lowest threshold).", resolve: (q) => q.quotaPercent }),
    managedDwellings: t.exposeInt("managedDwellings", { description: "Affordable rental dwellings the landlord manages (vacant, let or under renovation)." }),
    allocationsThisYear: t.exposeInt("allocationsThisYear", { description: "Allocations (lease signed) of the landlord this calendar year before this one." }),
    freeChoiceThisYear: t.exposeInt("freeChoiceThisYear", { description: "Of which under free choice." }),
    maxWithNext: t.exposeInt("maxWithNext", { description: "Free-choice allocations allowed counting this one." }),
    reason: t.exposeString("reason", { description: "The computation in words." }),
    rule: t.exposeString("rule", { description: "The provision applied." }),
  }),
});

const AllocatePayload = builder.objectRef<{ allocationFile: FileRow | null; quota: QuotaView | null; userErrors: UserError[] }>("AllocatePayload").implement({
  description: "Result of allocate.",
  fields: (t) => ({
    allocationFile: t.field({ type: AllocationFileRef, nullable: true, description: "The file as allocated; null when there are user errors.", resolve: (p) => p.allocationFile }),
    quota: t.field({ type: QuotaRef, nullable: true, description: "The free-choice quota check, for a free-choice allocation (also when refused).", resolve: (p) => p.quota }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

// ───────────── inputs ─────────────

const OpenInput = builder.inputType("OpenAllocationFileInput", {
  description: "A vacancy of the caller's stock: a dwelling, or an accommodation unit of a shared dwelling.",
  fields: (t) => ({
    dwellingId: t.id({ required: false, description: "The vacant dwelling (not a shared dwelling: give the unit)." }),
    accommodationUnitId: t.id({ required: false, description: "The vacant accommodation unit." }),
    openedOn: t.field({ type: "Date", required: false, description: "Day the vacancy is declared (default today)." }),
  }),
});

const ComputeInput = builder.inputType("ComputeShortlistInput", {
  description: "Computes the file's shortlist from the register with the landlord's current methodology.",
  fields: (t) => ({
    allocationFileId: t.id({ required: true, description: "The file (in stage VACANCY)." }),
    allocationDate: t.field({ type: "Date", required: false, description: "Day of the ranking: eligibility, ages, seniority and parameters on this day (default today)." }),
    keep: t.int({ required: false, description: "Best-ranked candidates kept in the file (1-100, default 10); the whole ranking stays in the decision record." }),
  }),
});

const FileIdInput = builder.inputType("VerifyShortlistInput", {
  description: "The file whose shortlist is recomputed from its decision record.",
  fields: (t) => ({ allocationFileId: t.id({ required: true, description: "The file." }) }),
});

const TransitionInput = builder.inputType("TransitionAllocationFileInput", {
  description: "One step of the file's flow (Esch ROI art. 4).",
  fields: (t) => ({
    allocationFileId: t.id({ required: true, description: "The file." }),
    event: t.field({ type: FileEventEnum, required: true, description: "The step." }),
    on: t.field({ type: "Date", required: false, description: "Day of the step (default today)." }),
    candidateId: t.id({ required: false, description: "CANDIDATE_PROPOSED: the candidate (default: the best-ranked one not yet proposed)." }),
    socialWorker: t.string({ required: false, description: "SOCIAL_ENQUIRY_COMPLETED: the social worker who made the enquiry (art. 59)." }),
  }),
});

const OfferInput = builder.inputType("RecordOfferInput", {
  description: "A housing promise to the candidate the commission favoured.",
  fields: (t) => ({
    allocationFileId: t.id({ required: true, description: "The file (stage HOUSING_PROMISE)." }),
    offeredOn: t.field({ type: "Date", required: false, description: "Day of the offer (default today)." }),
  }),
});

const ResponseInput = builder.inputType("RecordOfferResponseInput", {
  description: "The candidate's answer to an offer.",
  fields: (t) => ({
    offerId: t.id({ required: true, description: "The offer (AllocationOffer)." }),
    response: t.field({ type: OfferResponseEnum, required: true, description: "The answer." }),
    respondedOn: t.field({ type: "Date", required: false, description: "Day of the answer (default today)." }),
    reason: t.string({ required: false, description: "The justification given (required for REFUSED_JUSTIFIED; at most 1000 characters)." }),
  }),
});

const AllocateInput = builder.inputType("AllocateInput", {
  description: "Allocates the vacancy: the lease is signed with the candidate selected through the procedure, or with a candidate of the landlord's free choice (art. 53 al. 3).",
  fields: (t) => ({
    allocationFileId: t.id({ required: true, description: "The file." }),
    on: t.field({ type: "Date", required: false, description: "Day of the lease signature (eligibility met again that day, art. 55 §1 al. 2; default today)." }),
    freeChoice: t.boolean({ required: false, description: "Allocate under the free-choice quota (from stage VACANCY or SHORTLIST; needs candidateId)." }),
    candidateId: t.id({ required: false, description: "Free choice: the candidate chosen, meeting art. 55 §1 and art. 58 al. 1 1° only." }),
  }),
});

// ───────────── mutations ─────────────

const OPEN_STATUSES: AllocationFileStatus[] = ["VACANCY", "SHORTLIST", "SOCIAL_ENQUIRY", "COMMISSION_OPINION", "HOUSING_PROMISE", "VISIT", "REFUSED"];

builder.mutationField("openAllocationFile", (t) =>
  t.field({
    type: AllocationFilePayload,
    description: "Opens an allocation file for a vacant dwelling or accommodation unit of the caller's stock (one open file per vacancy).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: OpenInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "openAllocationFile", async (tx) => {
        const p = new Problems();
        if ((input.dwellingId == null) === (input.accommodationUnitId == null)) p.add("dwellingId", "REQUIRED", "Give either dwellingId or accommodationUnitId");
        const dwellingId = checkId(p, "dwellingId", input.dwellingId, "Dwelling");
        const unitId = checkId(p, "accommodationUnitId", input.accommodationUnitId, "AccommodationUnit");
        if (p.any) fail(p);
        const openedOn = input.openedOn ?? todayIso();
        const { dwelling, unit } = await vacancyToOpen(tx, ctx, { dwellingId: dwellingId ?? null, unitId: unitId ?? null });
        if (unit) {
          if (unit.status !== "VACANT") abort("accommodationUnitId", "INVALID_STATE", `The unit is ${unit.status}, not vacant`, "law art. 53");
        } else {
          if (dwelling.type === "SHARED_DWELLING") abort("dwellingId", "INVALID_VALUE", "A shared dwelling is let by accommodation units: give accommodationUnitId", "bill 8535 art. 13 §2 al. 2");
          if (dwelling.status !== "VACANT") abort("dwellingId", "INVALID_STATE", `The dwelling is ${dwelling.status}, not vacant`, "law art. 53");
        }
        const existing = await tx.allocationFile.findFirst({ where: { dwellingId: dwelling.id, accommodationUnitId: unit?.id ?? null, status: { in: OPEN_STATUSES } }, select: { id: true } });
        if (existing) abort(unit ? "accommodationUnitId" : "dwellingId", "CONFLICT", "An allocation file is already open for this vacancy");
        // One open file per vacancy, in the database too (partial unique index, migration 20261202000100).
        const file = await uniquely(
          tx.allocationFile.create({ data: { landlordId: dwelling.landlordId, dwellingId: dwelling.id, accommodationUnitId: unit?.id ?? null, openedOn: asDate(openedOn), status: "VACANCY" } }),
          [],
          { field: unit ? "accommodationUnitId" : "dwellingId", message: "An allocation file is already open for this vacancy" },
        );
        return { result: file, entityType: "AllocationFile", entityId: file.id, before: null, after: file };
      });
      return { allocationFile: out.result, userErrors: out.userErrors };
    },
  }),
);

/** The landlord's methodology in force on `date`: the latest version approved on or before it (art. 57; RGD art. 3). */
async function methodologyInForce(tx: Tx, landlordId: string, date: string) {
  return tx.allocationMethodology.findFirst({ where: { landlordId, approvedOn: { lte: asDate(date) } }, orderBy: { version: "desc" } });
}

/** A computed shortlist waiting to be written (the heavy work runs before the write transaction). */
interface Prepared {
  fileId: string;
  methodologyId: string;
  methodologyVersion: number;
  date: string;
  result: ReturnType<typeof rankRegister>;
  sealed: ReturnType<typeof sealRecord>;
  computation: Computation;
}

/**
 * Reads and ranks outside the write transaction: the register is read in one REPEATABLE READ
 * read-only transaction (a consistent snapshot, no lock held), ranked and sealed in memory; the
 * write transaction (runMutation) then re-checks the file and writes. A shortlist over tens of
 * thousands of candidates thus never holds a write transaction open while it computes.
 */
async function prepareShortlist(ctx: Context, input: { allocationFileId: string | number; allocationDate?: string | null; keep?: number | null }): Promise<Prepared | UserError[]> {
  const p = new Problems();
  const keep = checkInt(p, "keep", input.keep, { min: 1, max: 100 }) ?? 10;
  const id = checkId(p, "allocationFileId", input.allocationFileId, "AllocationFile");
  if (p.any) return p.list;
  const f = await allocationFileToRank(ctx.prisma, ctx, p, "allocationFileId", id!);
  if (f) {
    const date = input.allocationDate ?? todayIso();
    if (date < iso(f.openedOn)) p.add("allocationDate", "OUT_OF_RANGE", `The ranking cannot precede the vacancy (${iso(f.openedOn)})`);
    else if (f.status !== "VACANCY") p.add("allocationFileId", "INVALID_STATE", `A shortlist is established for a vacancy, not in stage ${f.status}`, "Esch ROI art. 4");
    else {
      const stored = await methodologyInForce(ctx.prisma as unknown as Tx, f.landlordId, date);
      if (!stored) p.add("allocationFileId", "RULE_VIOLATION", `The landlord has no methodology approved by the minister on ${date}`, "law art. 57 §1; RGD 13 Oct 2023 art. 3");
      else {
        const methodology = methodologyFromConfig(stored.config);
        const regime: RegimeOptions = operatorRegime(ctx);
        const vacancy = vacancyOf(f.id, f.landlordId, f.dwelling, f.accommodationUnit);
        const ranked = await rankShortlist(ctx, f.landlordId, vacancy, date, stored.id, methodology, regime, keep);
        const { result, sealed, invalidHouseholds, timings } = ranked;
        return {
          fileId: f.id,
          methodologyId: stored.id,
          methodologyVersion: stored.version,
          date,
          result,
          sealed,
          computation: {
            rankedCount: result.ranked.length,
            excludedCount: result.excluded.length,
            keptCount: Math.min(keep, result.ranked.length),
            invalidHouseholds,
            decisionHash: sealed.hash,
            methodologyVersion: stored.version,
            regime: regime.regime === "LAW" ? "LAW" : `BILL_8535 (in force from ${regime.bill8535EntryIntoForce})`,
            loadMilliseconds: Math.round(timings.loadMs),
            rankMilliseconds: Math.round(timings.rankMs),
            recordMilliseconds: Math.round(timings.recordMs),
            recordBytes: sealed.bytes.length,
            recordCanonicalLength: sealed.canonicalLength,
            notLoadedCount: ranked.notLoaded,
          },
        };
      }
    }
  }
  return p.list;
}

builder.mutationField("computeShortlist", (t) =>
  t.field({
    type: ShortlistPayload,
    description:
      "Ranks the eligible candidates of the register for the file's vacancy with the landlord's methodology in force (art. 53-58): sitting tenants to rehouse first (art. 67 §3), then points, then seniority of registration. Stores the best-ranked candidates with their score and criteria, and the decision record (gzip) with its SHA-256.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: ComputeInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const prep = await prepareShortlist(ctx, input);
      if (Array.isArray(prep)) return { allocationFile: null, computation: null, userErrors: prep };
      const { result, sealed, date } = prep;
      const out = await runMutation(ctx, "computeShortlist", async (tx) => {
        const f = await allocationFileToChange(tx, ctx, "allocationFileId", { resolved: prep.fileId });
        if (f.status !== "VACANCY") abort("allocationFileId", "CONFLICT", `The file moved to stage ${f.status} meanwhile`, "Esch ROI art. 4");
        const current = await methodologyInForce(tx, f.landlordId, date);
        if (current?.id !== prep.methodologyId) abort("allocationFileId", "CONFLICT", "The landlord's methodology changed meanwhile; compute again");
        const ranking = result.ranked.map((r) => r.candidateId);
        await apply(tx, f, { type: "SHORTLIST_ESTABLISHED", on: date, decisionHash: sealed.hash, ranking }, `${result.ranked.length} ranked, ${result.excluded.length} excluded, methodology v${prep.methodologyVersion}, SHA-256 ${sealed.hash}`, "allocationFileId");
        const kept = result.ranked.slice(0, prep.computation.keptCount);
        await tx.allocationFileCandidate.deleteMany({ where: { allocationFileId: f.id } });
        await tx.allocationFileCandidate.createMany({
          data: kept.map((r) => ({ allocationFileId: f.id, applicationId: r.candidateId, rank: r.rank, score: String(r.total), scoreBreakdown: breakdownOf(r) as object })),
        });
        // Bytes written through SQL (decode of base64): the PGlite driver adapter refuses Prisma's Bytes argument.
        await tx.$executeRaw`UPDATE "AllocationFile" SET "decisionRecord" = decode(${sealed.bytes.toString("base64")}, 'base64') WHERE id = ${f.id}::uuid`;
        const after = await tx.allocationFile.update({ where: { id: f.id }, data: { methodologyId: prep.methodologyId, decisionHash: sealed.hash } });
        ctx.logger.info("shortlist computed", { allocationFileId: f.id, ...prep.computation });
        const { decisionRecord: _r, ...summary } = after;
        return { result: after, entityType: "AllocationFile", entityId: f.id, before: { status: f.status }, after: { ...summary, ranked: result.ranked.length, kept: kept.map((k) => k.candidateId) } };
      });
      return { allocationFile: out.result, computation: out.result ? prep.computation : null, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("verifyShortlist", (t) =>
  t.field({
    type: VerifyPayload,
    description: "Recomputes the file's shortlist from its stored decision record alone and checks the ranking and the SHA-256 (the check is audited; nothing else changes).",
    authScopes: { landlord: true, ministry: true },
    args: { input: t.arg({ type: FileIdInput, required: true, description: "The file." }) },
    resolve: async (_r, { input }, ctx) => {
      // The replay runs before the (audit-only) transaction: a record of 50,000 candidates takes seconds.
      const p = new Problems();
      const id = checkId(p, "allocationFileId", input.allocationFileId, "AllocationFile");
      if (p.any) return { verification: null, userErrors: p.list };
      const f = await allocationFileToVerify(ctx.prisma, ctx, p, "allocationFileId", id!);
      if (f && (!f.decisionRecord || !f.decisionHash)) p.add("allocationFileId", "INVALID_STATE", "No shortlist has been computed for this file");
      if (p.any || !f?.decisionRecord || !f.decisionHash) return { verification: null, userErrors: p.list };
      const v = await verifyStoredShortlist(ctx.prisma as unknown as Tx, f.decisionRecord, f.decisionHash);
      const replayRank = new Map(v.ranking.map((r) => [r.applicationId, r.rank]));
      const recorded = v.recordedRanking;
      const sameRanking =
        recorded.length === v.ranking.length &&
        recorded.every((r, i) => v.ranking[i]!.applicationId === r.applicationId && v.ranking[i]!.total === r.total) &&
        f.candidates.every((e) => e.rank === null || replayRank.get(e.applicationId) === e.rank);
      const view: VerificationView = {
        storedHashMatches: v.storedHashMatches,
        reproducible: v.recomputedHash === f.decisionHash && sameRanking && v.snapshotsIntact,
        sameRanking,
        snapshotsIntact: v.snapshotsIntact,
        snapshotCount: v.snapshotCount,
        storedHash: f.decisionHash,
        recomputedHash: v.recomputedHash,
        rankedCount: v.rankedCount,
      };
      const out = await runMutation(ctx, "verifyShortlist", async () => ({ result: view, entityType: "AllocationFile", entityId: f.id, before: null, after: view }));
      return { verification: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("transitionAllocationFile", (t) =>
  t.field({
    type: AllocationFilePayload,
    description: "Moves the file one step with the domain's state machine (Esch ROI art. 4; law art. 59; RGD art. 2). A step the rules do not allow is refused as a user error citing the rule.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: TransitionInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "transitionAllocationFile", async (tx) => {
        const f = await lockFile(tx, ctx, "allocationFileId", input.allocationFileId);
        const on = input.on ?? todayIso();
        const before = { status: f.status, selectedApplicationId: f.selectedApplicationId };
        // A field meant for another step is refused rather than silently ignored: the caller
        // believes it was recorded.
        if (input.socialWorker != null && input.event !== "SOCIAL_ENQUIRY_COMPLETED") abort("socialWorker", "INVALID_VALUE", "socialWorker is recorded only with the SOCIAL_ENQUIRY_COMPLETED step");
        if (input.candidateId != null && input.event !== "CANDIDATE_PROPOSED") abort("candidateId", "INVALID_VALUE", "candidateId is given only with the CANDIDATE_PROPOSED step");
        switch (input.event) {
          case "CANDIDATE_PROPOSED": {
            const state = stateOf(f);
            let applicationId: string | undefined;
            if (input.candidateId != null) applicationId = (await candidateOfShortlist(tx, new Problems(), "candidateId", input.candidateId, f, "PROPOSE")).applicationId;
            else applicationId = state.ranking.find((id) => !state.passed.includes(id));
            if (!applicationId) abort("candidateId", "RULE_VIOLATION", "Every candidate of the shortlist was already proposed", "law art. 57 (order of priority)");
            await apply(tx, f, { type: "CANDIDATE_PROPOSED", on, candidateId: applicationId }, `application ${applicationId} proposed; social enquiry (art. 59)`, "candidateId", { selectedApplicationId: applicationId });
            const entry = f.candidates.find((c) => c.applicationId === applicationId)!;
            await tx.allocationFileCandidate.update({
              where: { allocationFileId_applicationId: { allocationFileId: f.id, applicationId } },
              data: { scoreBreakdown: { ...((entry.scoreBreakdown as Breakdown | null) ?? {}), proposedOn: on } as object },
            });
            break;
          }
          case "SOCIAL_ENQUIRY_COMPLETED": {
            const p = new Problems();
            const worker = checkText(p, "socialWorker", input.socialWorker, { max: 200, required: true });
            if (p.any) fail(p);
            await apply(tx, f, { type: "SOCIAL_ENQUIRY_COMPLETED", on, socialWorkerId: worker! }, `social enquiry by ${worker} completed (art. 59)`, "socialWorker");
            break;
          }
          case "COMMISSION_OPINION_GIVEN": {
            const current = f.selectedApplicationId;
            const d = current
              ? await tx.deliberation.findFirst({ where: { allocationFileId: f.id, applicationId: current }, include: { meeting: true }, orderBy: [{ meeting: { heldOn: "desc" } }, { id: "desc" }] })
              : null;
            if (!d) abort("event", "RULE_VIOLATION", "The commission has not deliberated on the proposed candidate (recordDeliberation)", "RGD 13 Oct 2023 art. 2; Esch ROI art. 8");
            if (d.meeting.heldOn > asDate(on)) abort("on", "OUT_OF_RANGE", `The opinion cannot precede the meeting of ${iso(d.meeting.heldOn)}`);
            const opinion: OpinionResult = {
              valid: true,
              opinion: d.opinion as "FAVOURABLE" | "UNFAVOURABLE",
              for: d.votesFor,
              against: d.votesAgainst,
              abstentions: d.abstentions,
              tieBrokenByChair: d.chairCastingVote,
              failures: [],
            };
            const minutesOk = Boolean(d.meeting.signedByChairOn && d.meeting.countersignedBySecretaryOn && d.meeting.minutes);
            const favourable = d.opinion === "FAVOURABLE";
            await apply(tx, f, { type: "COMMISSION_OPINION_GIVEN", on, opinion, minutesOk }, `${d.opinion.toLowerCase()} opinion of the commission (meeting of ${iso(d.meeting.heldOn)})`, "event", favourable ? {} : { selectedApplicationId: null });
            if (favourable) await tx.deliberation.update({ where: { id: d.id }, data: { isOnSelectedCandidate: true } });
            break;
          }
          case "VISIT_DONE":
            await apply(tx, f, { type: "VISIT_DONE", on }, "visit of the dwelling done");
            break;
          case "NEXT_CANDIDATE":
            await apply(tx, f, { type: "NEXT_CANDIDATE", on }, "back to the shortlist for the next candidate", "event", { selectedApplicationId: null });
            break;
        }
        const after = await tx.allocationFile.findUniqueOrThrow({ where: { id: f.id } });
        return { result: after, entityType: "AllocationFile", entityId: f.id, before, after: { status: after.status, selectedApplicationId: after.selectedApplicationId, event: input.event } };
      });
      return { allocationFile: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("recordOffer", (t) =>
  t.field({
    type: OfferPayload,
    description: "Records the housing promise (offer) to the candidate the commission favoured (Esch ROI art. 4).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: OfferInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordOffer", async (tx) => {
        const f = await lockFile(tx, ctx, "allocationFileId", input.allocationFileId);
        const on = input.offeredOn ?? todayIso();
        await apply(tx, f, { type: "PROMISE_ISSUED", on }, `housing promise to application ${f.selectedApplicationId ?? "?"}`, "allocationFileId");
        // One unanswered offer per file (partial unique index): of concurrent promises, one wins.
        const offer = await uniquely(tx.allocationOffer.create({ data: { allocationFileId: f.id, applicationId: f.selectedApplicationId!, offeredOn: asDate(on) } }), [], { field: "allocationFileId", message: "An offer of this file is already waiting for its answer" });
        const after = await tx.allocationFile.findUniqueOrThrow({ where: { id: f.id } });
        return { result: { file: after, offerId: offer.id }, entityType: "AllocationOffer", entityId: offer.id, before: null, after: offer };
      });
      return { allocationFile: out.result?.file ?? null, offerId: out.result?.offerId ?? null, freeze: null, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("recordOfferResponse", (t) =>
  t.field({
    type: OfferPayload,
    description:
      "Records the candidate's answer to an offer, reported to the register (art. 53): acceptance marks the application ALLOCATED; a refusal ends the promise (file REFUSED) and, under bill 8535, two successive unjustified refusals freeze the candidate's criteria (art. 57 §3 al. 2), which later shortlists apply.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: ResponseInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      let freeze: FreezeView | null = null;
      const out = await runMutation(ctx, "recordOfferResponse", async (tx) => {
        const p = new Problems();
        const reason = checkText(p, "reason", input.reason, { max: 1000, required: input.response === "REFUSED_JUSTIFIED" });
        if (p.any) fail(p);
        const offer = await allocationOfferToAnswer(tx, ctx, "offerId", input.offerId);
        const f = await allocationFileToChange(tx, ctx, "offerId", { resolved: offer.allocationFileId });
        if (offer.outcome !== "PENDING") abort("offerId", "INVALID_STATE", `The offer was already answered (${offer.outcome})`);
        const on = input.respondedOn ?? todayIso();
        if (on < iso(offer.offeredOn)) abort("respondedOn", "OUT_OF_RANGE", `The answer cannot precede the offer (${iso(offer.offeredOn)})`);
        if (input.response === "ACCEPTED") {
          if (f.status !== "HOUSING_PROMISE" && f.status !== "VISIT") abort("offerId", "INVALID_STATE", `An offer is accepted while promised or visited, not in stage ${f.status}`);
          await tx.application.update({ where: { id: offer.applicationId }, data: { status: "ALLOCATED" } });
          await tx.allocationFileEvent.create({ data: { allocationFileId: f.id, fromStatus: f.status, toStatus: f.status, occurredOn: asDate(on), reason: `OFFER_ACCEPTED: application ${offer.applicationId} accepted; reported ALLOCATED to the register (art. 53)` } });
        } else {
          await apply(tx, f, { type: "OFFER_REFUSED", on, justified: input.response === "REFUSED_JUSTIFIED", ...(reason ? { motive: reason } : {}) }, `application ${offer.applicationId} refused the offer (${input.response === "REFUSED_JUSTIFIED" ? "justified" : "unjustified"}); reported to the register (art. 53)`, "response", { selectedApplicationId: null });
        }
        const answered = await tx.allocationOffer.updateMany({ where: { id: offer.id, outcome: "PENDING" }, data: { outcome: input.response, respondedOn: asDate(on), reason: reason ?? null } });
        if (answered.count !== 1) abort("offerId", "CONFLICT", "The offer was answered meanwhile by another request");
        const updated = await tx.allocationOffer.findUniqueOrThrow({ where: { id: offer.id } });
        const history = await tx.allocationOffer.findMany({ where: { applicationId: offer.applicationId, outcome: { not: "PENDING" } }, select: { offeredOn: true, respondedOn: true, outcome: true } });
        const fz = refusalFreeze(
          history.map((o) => ({ offeredOn: iso(o.offeredOn), decidedOn: iso(o.respondedOn!), outcome: o.outcome as "ACCEPTED" | "REFUSED_JUSTIFIED" | "REFUSED_UNJUSTIFIED" })),
          on,
          operatorRegime(ctx),
        );
        freeze = { frozen: fz.frozen, triggeredOn: fz.triggeredOn ?? null, revisableFrom: fz.revisableFrom ?? null, rule: ruleOf(fz.citation) };
        const after = await tx.allocationFile.findUniqueOrThrow({ where: { id: f.id } });
        return { result: { file: after, offerId: offer.id }, entityType: "AllocationOffer", entityId: offer.id, before: offer, after: { ...updated, freeze } };
      });
      return { allocationFile: out.result?.file ?? null, offerId: out.result?.offerId ?? null, freeze: out.result ? freeze : null, userErrors: out.userErrors };
    },
  }),
);

const FREE_CHOICE_FAILURE: Record<"ELIGIBILITY" | "TYPOLOGY" | "SUBCATEGORY" | "QUOTA" | "QUOTA_INPUTS_MISSING", string> = {
  ELIGIBILITY: "Not eligible",
  TYPOLOGY: "The household does not fit the dwelling's typology",
  SUBCATEGORY: "The household is not of the dedicated dwelling's sub-category",
  QUOTA: "Free-choice quota exceeded",
  QUOTA_INPUTS_MISSING: "Free-choice quota cannot be computed",
};

/** Art. 53 al. 3: the quota inputs of a landlord for the year of `on` (stock = dwellings vacant, let or under renovation; allocations = files with a lease signed that year). */
async function quotaFor(tx: Tx, landlordId: string, on: string, regime: RegimeOptions): Promise<QuotaView> {
  const year = on.slice(0, 4);
  // The share is « des logements » tous publics (art. 53): allocations of dedicated dwellings (art. 54) are not counted.
  const closed = { landlordId, status: "LEASE_SIGNED" as const, closedOn: { gte: asDate(`${year}-01-01`), lte: asDate(`${year}-12-31`) }, dwelling: { category: { not: "DEDICATED" as const } } };
  const [managedDwellings, allocationsThisYear, freeChoiceThisYear] = await Promise.all([
    tx.dwelling.count({ where: { landlordId, status: { in: ["VACANT", "LET", "UNDER_RENOVATION"] } } }),
    tx.allocationFile.count({ where: closed }),
    tx.allocationFile.count({ where: { ...closed, freeChoice: true } }),
  ]);
  const a = freeChoiceAllowance({ ...regime, asOf: on, managedDwellings, allocationsThisYear, freeChoiceThisYear });
  return { allowed: a.allowed, quotaPercent: a.quotaPercent.toFixed(), managedDwellings, allocationsThisYear, freeChoiceThisYear, maxWithNext: a.maxWithNext, reason: a.reason, rule: ruleOf(a.citation) };
}

builder.mutationField("allocate", (t) =>
  t.field({
    type: AllocatePayload,
    description:
      "Allocates the vacancy (lease signature): after the visit, to the selected candidate, eligibility being met again that day (art. 55 §1 al. 2); or under the landlord's free-choice quota (art. 53 al. 3; bill art. 30), refused when it would exceed the share. The application is reported ALLOCATED to the register and the dwelling (or unit) becomes let; concurrent allocations of one vacancy: exactly one wins.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: AllocateInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      let quota: QuotaView | null = null;
      const out = await runMutation(ctx, "allocate", async (tx) => {
        const f = await lockFile(tx, ctx, "allocationFileId", input.allocationFileId);
        // Allocations of one landlord run one after the other: the quota counts stay exact.
        await tx.organisation.update({ where: { id: f.landlordId }, data: { updatedAt: new Date() } });
        const on = input.on ?? todayIso();
        if (on < iso(f.openedOn)) abort("on", "OUT_OF_RANGE", `The lease cannot precede the vacancy (${iso(f.openedOn)})`);
        const regime = operatorRegime(ctx);
        let applicationId: string;
        let purpose: "CANDIDATE" | "TENANT" = "CANDIDATE";
        const loadHousehold = async (appId: string) => {
          const a = await tx.application.findUniqueOrThrow({ where: { id: appId }, include: { candidate: { include: { household: { include: { members: true } } } } } });
          if (!a.candidate.household) abort("candidateId", "RULE_VIOLATION", "The candidate has no household on the register", "law art. 3");
          return { application: a, household: householdOf(a.candidate, a.candidate.household.members, on) };
        };
        if (input.freeChoice) {
          if (input.candidateId == null) abort("candidateId", "REQUIRED", "A free-choice allocation names the candidate chosen");
          if (f.status !== "VACANCY" && f.status !== "SHORTLIST") abort("freeChoice", "INVALID_STATE", `A free-choice allocation is made instead of the procedure, from stage VACANCY or SHORTLIST (not ${f.status})`, "law art. 53 al. 3");
          applicationId = (await candidateForFreeChoice(tx, "candidateId", input.candidateId, f.landlordId)).applicationId;
          const { household } = await loadHousehold(applicationId);
          // Art. 53 al. 3 for a « logement tous publics » (eligibility, typology, the quota); art. 54 for a
          // dedicated dwelling (eligibility, typology, the sub-category of art. 12 §3; no quota): the domain's one rule.
          const vacancy = vacancyOf(f.id, f.landlordId, f.dwelling, f.accommodationUnit);
          quota = vacancy.category.kind === "DEDICATED" ? null : await quotaFor(tx, f.landlordId, on, regime);
          const check = checkFreeChoice({
            ...regime,
            household,
            on,
            dwelling: { bedrooms: vacancy.bedrooms, category: vacancy.category },
            ...(quota ? { quota: { managedDwellings: quota.managedDwellings, allPublicAllocationsThisYear: quota.allocationsThisYear, allPublicFreeChoiceThisYear: quota.freeChoiceThisYear } } : {}),
          });
          if (!check.allowed) {
            const p = new Problems();
            for (const x of check.failures) p.add(x.rule === "QUOTA" || x.rule === "QUOTA_INPUTS_MISSING" ? "freeChoice" : "candidateId", "RULE_VIOLATION", `${FREE_CHOICE_FAILURE[x.rule]}: ${x.reason}`, ruleOf(x.citation));
            fail(p);
          }
          const basis = check.procedure === "ART_54_DEDICATED" ? "allocated freely in a dedicated dwelling (art. 54; no art. 53 quota)" : `chosen under the free-choice quota (${quota!.reason})`;
          const moved = await tx.allocationFile.updateMany({ where: { id: f.id, status: f.status }, data: { status: "LEASE_SIGNED", freeChoice: true, selectedApplicationId: applicationId, closedOn: asDate(on) } });
          if (moved.count === 0) abort("allocationFileId", "CONFLICT", "The file changed meanwhile; read it again");
          await tx.allocationFileEvent.create({ data: { allocationFileId: f.id, fromStatus: f.status, toStatus: "LEASE_SIGNED", occurredOn: asDate(on), reason: `FREE_CHOICE_ALLOCATION: application ${applicationId} ${basis}` } });
        } else {
          if (input.candidateId != null) abort("candidateId", "INVALID_VALUE", "Through the procedure, the lease is signed with the selected candidate: give no candidateId (or set freeChoice)");
          if (!f.selectedApplicationId) abort("allocationFileId", "INVALID_STATE", `No candidate selected (stage ${f.status})`, "Esch ROI art. 4");
          applicationId = f.selectedApplicationId;
          const { application, household } = await loadHousehold(applicationId);
          if (application.isSittingTenantToRehouse) purpose = "TENANT";
          const elig = summariseEligibility(checkEligibility(household, { ...regime, asOf: on, purpose }));
          await apply(tx, f, { type: "LEASE_SIGNED", on, eligibilityAtLease: elig }, `lease signed with application ${applicationId}; reported ALLOCATED to the register (art. 53)`, "allocationFileId");
          await tx.allocationFile.update({ where: { id: f.id }, data: { closedOn: asDate(on) } });
          await tx.allocationOffer.updateMany({ where: { allocationFileId: f.id, applicationId, outcome: "PENDING" }, data: { outcome: "ACCEPTED", respondedOn: asDate(on) } });
        }
        // The vacancy is let: exactly one allocation of it wins.
        const let_ = f.accommodationUnit
          ? await tx.accommodationUnit.updateMany({ where: { id: f.accommodationUnit.id, status: "VACANT" }, data: { status: "LET", firstLettingOn: f.accommodationUnit.firstLettingOn ?? asDate(on) } })
          : await tx.dwelling.updateMany({ where: { id: f.dwellingId, status: "VACANT" }, data: { status: "LET", firstLettingOn: f.dwelling.firstLettingOn ?? asDate(on) } });
        if (let_.count === 0) abort("allocationFileId", "CONFLICT", "The vacancy is no longer vacant: it was allocated meanwhile");
        if (f.accommodationUnit) await tx.dwelling.updateMany({ where: { id: f.dwellingId, status: "VACANT" }, data: { status: "LET" } });
        const reported = await tx.application.updateMany({ where: { id: applicationId, status: { in: input.freeChoice ? ["ACTIVE"] : ["ACTIVE", "ALLOCATED"] } }, data: { status: "ALLOCATED" } });
        if (reported.count === 0) abort("candidateId", "CONFLICT", "The application is no longer active on the register");
        const after = await tx.allocationFile.findUniqueOrThrow({ where: { id: f.id } });
        const { decisionRecord: _r, ...summary } = after;
        return { result: after, entityType: "AllocationFile", entityId: f.id, before: { status: f.status }, after: { ...summary, quota } };
      });
      return { allocationFile: out.result, quota, userErrors: out.userErrors };
    },
  }),
);
