/** `computeShortlist` (art. 53-58, 67 §3: the ranking under the landlord's approved methodology, sealed as a decision record) and `verifyShortlist` (replay from the record and its snapshots). */
import { todayIso, type RegimeOptions } from "@abordable/domain";
import { AllocationFileRef } from "../types/allocation.js";
import { rankShortlist, verifyStoredShortlist } from "../adapters/shortlist-path.js";
import { rankRegister, sealRecord, breakdownOf } from "../adapters/register.js";
import { type Tx, iso, methodologyFromConfig, operatorRegime, vacancyOf } from "../adapters/common.js";
import { asDate, checkInt, checkId } from "../../schema/validate.js";
import type { UserError } from "../../schema/user-errors.js";
import { Problems } from "../../schema/user-errors.js";
import { UserErrorRef } from "../../schema/user-errors.js";
import { runMutation } from "../../schema/mutation.js";
import { builder } from "../../schema/builder.js";
import { allocationFileToRank, allocationFileToChange, allocationFileToVerify } from "../../access/policy.js";
import type { Context } from "../../schema/context.js";
import { MUTATE, abort, apply, type FileRow } from "./support.js";

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
    excludedCount: t.exposeInt("excludedCount", {
      description:
        "Candidates of the register excluded, each with its reasons in the decision record (not eligible, typology, dedicated category, no evaluation).",
    }),
    keptCount: t.exposeInt("keptCount", { description: "Best-ranked candidates kept in the file (their personal data becomes visible to the landlord)." }),
    invalidHouseholds: t.exposeInt("invalidHouseholds", {
      description: "Applications skipped because their household on the register is incomplete (no single applicant).",
    }),
    decisionHash: t.exposeString("decisionHash", { description: "SHA-256 of the canonical decision record." }),
    methodologyVersion: t.exposeInt("methodologyVersion", { description: "The landlord's methodology version used." }),
    regime: t.exposeString("regime", { description: "Regime applied (LAW or BILL_8535 with the operator's entry-into-force date)." }),
    loadMilliseconds: t.exposeInt("loadMilliseconds", {
      deprecationReason: "Operational timing, not part of the decision (the benchmark measures it: BENCHMARKS.md); removal not before 2027-06-30",
      description: "Time to load the register (SQL), ms.",
    }),
    rankMilliseconds: t.exposeInt("rankMilliseconds", {
      deprecationReason: "Operational timing, not part of the decision (the benchmark measures it: BENCHMARKS.md); removal not before 2027-06-30",
      description: "Time to build households, eligibility and criteria and to rank, ms.",
    }),
    recordMilliseconds: t.exposeInt("recordMilliseconds", {
      deprecationReason: "Operational timing, not part of the decision (the benchmark measures it: BENCHMARKS.md); removal not before 2027-06-30",
      description: "Time to seal the decision record (canonical JSON, SHA-256, gzip), ms.",
    }),
    recordBytes: t.exposeInt("recordBytes", { description: "Size of the stored gzip decision record, bytes." }),
    recordCanonicalLength: t.exposeInt("recordCanonicalLength", {
      description:
        "Length of the decision record's canonical JSON (characters) before gzip; it references the candidates' application snapshots by SHA-256 (issue 16).",
    }),
    notLoadedCount: t.exposeInt("notLoadedCount", {
      description:
        "Active applications (one per candidate) the register's SQL filter left out because they cannot be ranked: not eligible as a candidate on the day (art. 55 §1, precomputed per snapshot), an invalid household, or more bedrooms needed than the vacancy has (art. 58 al. 1 1°). Counted in the decision record.",
    }),
  }),
});

const ShortlistPayload = builder
  .objectRef<{ allocationFile: FileRow | null; computation: Computation | null; userErrors: UserError[] }>("ComputeShortlistPayload")
  .implement({
    description: "Result of computeShortlist.",
    fields: (t) => ({
      allocationFile: t.field({
        type: AllocationFileRef,
        nullable: true,
        description: "The file with its shortlist; null when there are user errors.",
        resolve: (p) => p.allocationFile,
      }),
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
    reproducible: t.exposeBoolean("reproducible", {
      description: "The replayed decision record is identical: same ranking and same SHA-256 (and, for a record by reference, every snapshot intact).",
    }),
    snapshotsIntact: t.exposeBoolean("snapshotsIntact", {
      description:
        "Every application snapshot the record references exists and its stored canonical JSON still hashes to its SHA-256 (issue 16); true for a self-contained record (schema 1).",
    }),
    snapshotCount: t.exposeInt("snapshotCount", { description: "Application snapshots the record references (0 for a self-contained record)." }),
    storedHash: t.exposeString("storedHash", { description: "decisionHash stored in the file." }),
    recomputedHash: t.exposeString("recomputedHash", { description: "SHA-256 of the canonical JSON of the replayed record." }),
    rankedCount: t.exposeInt("rankedCount", { description: "Candidates ranked by the replay." }),
  }),
});

const VerifyPayload = builder.objectRef<{ verification: VerificationView | null; userErrors: UserError[] }>("VerifyShortlistPayload").implement({
  description: "Result of verifyShortlist.",
  fields: (t) => ({
    verification: t.field({
      type: VerificationRef,
      nullable: true,
      description: "The verification; null when there are user errors.",
      resolve: (p) => p.verification,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

const ComputeInput = builder.inputType("ComputeShortlistInput", {
  description: "Computes the file's shortlist from the register with the landlord's current methodology.",
  fields: (t) => ({
    allocationFileId: t.id({ required: true, description: "The file (in stage VACANCY)." }),
    allocationDate: t.field({
      type: "Date",
      required: false,
      description: "Day of the ranking: eligibility, ages, seniority and parameters on this day (default today).",
    }),
    keep: t.int({
      required: false,
      description: "Best-ranked candidates kept in the file (1-100, default 10); the whole ranking stays in the decision record.",
    }),
  }),
});

const FileIdInput = builder.inputType("VerifyShortlistInput", {
  description: "The file whose shortlist is recomputed from its decision record.",
  fields: (t) => ({ allocationFileId: t.id({ required: true, description: "The file." }) }),
});

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
async function prepareShortlist(
  ctx: Context,
  input: { allocationFileId: string | number; allocationDate?: string | null; keep?: number | null },
): Promise<Prepared | UserError[]> {
  const p = new Problems();
  const keep = checkInt(p, "keep", input.keep, { min: 1, max: 100 }) ?? 10;
  const id = checkId(p, "allocationFileId", input.allocationFileId, "AllocationFile");
  if (p.any) return p.list;
  const f = await allocationFileToRank(ctx.prisma, ctx, p, "allocationFileId", id!);
  if (f) {
    const date = input.allocationDate ?? todayIso();
    if (date < iso(f.openedOn)) p.add("allocationDate", "OUT_OF_RANGE", `The ranking cannot precede the vacancy (${iso(f.openedOn)})`);
    else if (f.status !== "VACANCY")
      p.add("allocationFileId", "INVALID_STATE", `A shortlist is established for a vacancy, not in stage ${f.status}`, "Esch ROI art. 4");
    else {
      const stored = await methodologyInForce(ctx.prisma as unknown as Tx, f.landlordId, date);
      if (!stored)
        p.add(
          "allocationFileId",
          "RULE_VIOLATION",
          `The landlord has no methodology approved by the minister on ${date}`,
          "law art. 57 §1; RGD 13 Oct 2023 art. 3",
        );
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
        await apply(
          tx,
          f,
          { type: "SHORTLIST_ESTABLISHED", on: date, decisionHash: sealed.hash, ranking },
          `${result.ranked.length} ranked, ${result.excluded.length} excluded, methodology v${prep.methodologyVersion}, SHA-256 ${sealed.hash}`,
          "allocationFileId",
        );
        const kept = result.ranked.slice(0, prep.computation.keptCount);
        await tx.allocationFileCandidate.deleteMany({ where: { allocationFileId: f.id } });
        await tx.allocationFileCandidate.createMany({
          data: kept.map((r) => ({
            allocationFileId: f.id,
            applicationId: r.candidateId,
            rank: r.rank,
            score: String(r.total),
            scoreBreakdown: breakdownOf(r) as object,
          })),
        });
        // Bytes written through SQL (decode of base64): the PGlite driver adapter refuses Prisma's Bytes argument.
        await tx.$executeRaw`UPDATE "AllocationFile" SET "decisionRecord" = decode(${sealed.bytes.toString("base64")}, 'base64') WHERE id = ${f.id}::uuid`;
        const after = await tx.allocationFile.update({ where: { id: f.id }, data: { methodologyId: prep.methodologyId, decisionHash: sealed.hash } });
        ctx.logger.info("shortlist computed", { allocationFileId: f.id, ...prep.computation });
        const { decisionRecord: _r, ...summary } = after;
        return {
          result: after,
          entityType: "AllocationFile",
          entityId: f.id,
          before: { status: f.status },
          after: { ...summary, ranked: result.ranked.length, kept: kept.map((k) => k.candidateId) },
        };
      });
      return { allocationFile: out.result, computation: out.result ? prep.computation : null, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("verifyShortlist", (t) =>
  t.field({
    type: VerifyPayload,
    description:
      "Recomputes the file's shortlist from its stored decision record alone and checks the ranking and the SHA-256 (the check is audited; nothing else changes).",
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
      const out = await runMutation(ctx, "verifyShortlist", async () => ({
        result: view,
        entityType: "AllocationFile",
        entityId: f.id,
        before: null,
        after: view,
      }));
      return { verification: out.result, userErrors: out.userErrors };
    },
  }),
);
