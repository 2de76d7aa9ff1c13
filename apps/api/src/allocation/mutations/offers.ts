/** `recordOffer`, `recordOfferResponse` (a refusal's freeze, art. 59) and `allocate` (from the shortlist, or free choice within the art. 53 quota). */
import { checkEligibility, checkFreeChoice, freeChoiceAllowance, refusalFreeze, summariseEligibility, todayIso, type RegimeOptions } from "@abordable/domain";
import { OfferResponseEnum } from "../types/enums.js";
import { AllocationFileRef } from "../types/allocation.js";
import { iso, operatorRegime, ruleOf, type Tx, householdOf, vacancyOf } from "../adapters/common.js";
import { asDate, checkText } from "../../schema/validate.js";
import type { UserError } from "../../schema/user-errors.js";
import { Problems } from "../../schema/user-errors.js";
import { UserErrorRef } from "../../schema/user-errors.js";
import { uniquely } from "../../schema/one-winner.js";
import { runMutation } from "../../schema/mutation.js";
import { builder } from "../../schema/builder.js";
import { allocationOfferToAnswer, allocationFileToChange, candidateForFreeChoice } from "../../access/policy.js";
import { MUTATE, abort, apply, fail, lockFile, type FileRow } from "./support.js";

interface FreezeView {
  frozen: boolean;
  triggeredOn: string | null;
  revisableFrom: string | null;
  rule: string;
}
const FreezeRef = builder.objectRef<FreezeView>("RefusalFreeze").implement({
  description:
    "The refusal freeze of bill art. 57 §3 al. 2: after two successive unjustified refusals, the candidate's criteria are revised only from 1 January of the second year after the second refusal (no freeze under the law).",
  fields: (t) => ({
    frozen: t.exposeBoolean("frozen", { description: "Criteria frozen on the day of the answer." }),
    triggeredOn: t.field({ type: "Date", nullable: true, description: "Day of the refusal that completed the run.", resolve: (f) => f.triggeredOn }),
    revisableFrom: t.field({ type: "Date", nullable: true, description: "First day the criteria may be revised again.", resolve: (f) => f.revisableFrom }),
    rule: t.exposeString("rule", { description: "The provision applied." }),
  }),
});

const OfferPayload = builder
  .objectRef<{ allocationFile: FileRow | null; offerId: string | null; freeze: FreezeView | null; userErrors: UserError[] }>("AllocationOfferPayload")
  .implement({
    description: "Result of recordOffer or recordOfferResponse.",
    fields: (t) => ({
      allocationFile: t.field({
        type: AllocationFileRef,
        nullable: true,
        description: "The file as changed; null when there are user errors.",
        resolve: (p) => p.allocationFile,
      }),
      offer: t.prismaField({
        type: "AllocationOffer",
        nullable: true,
        description: "The offer as changed.",
        resolve: (query, p, _a, ctx) => (p.offerId ? ctx.prisma.allocationOffer.findUnique({ ...query, where: { id: p.offerId } }) : null),
      }),
      freeze: t.field({
        type: FreezeRef,
        nullable: true,
        description: "After an answer: whether the candidate's criteria are now frozen (bill art. 57 §3 al. 2).",
        resolve: (p) => p.freeze,
      }),
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
    quotaPercent: t.field({
      type: "Decimal",
      description: "Share allowed, percent of the year's allocations (0 under the lowest threshold).",
      resolve: (q) => q.quotaPercent,
    }),
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
    allocationFile: t.field({
      type: AllocationFileRef,
      nullable: true,
      description: "The file as allocated; null when there are user errors.",
      resolve: (p) => p.allocationFile,
    }),
    quota: t.field({
      type: QuotaRef,
      nullable: true,
      description: "The free-choice quota check, for a free-choice allocation (also when refused).",
      resolve: (p) => p.quota,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
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
  description:
    "Allocates the vacancy: the lease is signed with the candidate selected through the procedure, or with a candidate of the landlord's free choice (art. 53 al. 3).",
  fields: (t) => ({
    allocationFileId: t.id({ required: true, description: "The file." }),
    on: t.field({
      type: "Date",
      required: false,
      description: "Day of the lease signature (eligibility met again that day, art. 55 §1 al. 2; default today).",
    }),
    freeChoice: t.boolean({ required: false, description: "Allocate under the free-choice quota (from stage VACANCY or SHORTLIST; needs candidateId)." }),
    candidateId: t.id({ required: false, description: "Free choice: the candidate chosen, meeting art. 55 §1 and art. 58 al. 1 1° only." }),
  }),
});

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
        const offer = await uniquely(
          tx.allocationOffer.create({ data: { allocationFileId: f.id, applicationId: f.selectedApplicationId!, offeredOn: asDate(on) } }),
          [],
          { field: "allocationFileId", message: "An offer of this file is already waiting for its answer" },
        );
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
          if (f.status !== "HOUSING_PROMISE" && f.status !== "VISIT")
            abort("offerId", "INVALID_STATE", `An offer is accepted while promised or visited, not in stage ${f.status}`);
          await tx.application.update({ where: { id: offer.applicationId }, data: { status: "ALLOCATED" } });
          await tx.allocationFileEvent.create({
            data: {
              allocationFileId: f.id,
              fromStatus: f.status,
              toStatus: f.status,
              occurredOn: asDate(on),
              reason: `OFFER_ACCEPTED: application ${offer.applicationId} accepted; reported ALLOCATED to the register (art. 53)`,
            },
          });
        } else {
          await apply(
            tx,
            f,
            { type: "OFFER_REFUSED", on, justified: input.response === "REFUSED_JUSTIFIED", ...(reason ? { motive: reason } : {}) },
            `application ${offer.applicationId} refused the offer (${input.response === "REFUSED_JUSTIFIED" ? "justified" : "unjustified"}); reported to the register (art. 53)`,
            "response",
            { selectedApplicationId: null },
          );
        }
        const answered = await tx.allocationOffer.updateMany({
          where: { id: offer.id, outcome: "PENDING" },
          data: { outcome: input.response, respondedOn: asDate(on), reason: reason ?? null },
        });
        if (answered.count !== 1) abort("offerId", "CONFLICT", "The offer was answered meanwhile by another request");
        const updated = await tx.allocationOffer.findUniqueOrThrow({ where: { id: offer.id } });
        const history = await tx.allocationOffer.findMany({
          where: { applicationId: offer.applicationId, outcome: { not: "PENDING" } },
          select: { offeredOn: true, respondedOn: true, outcome: true },
        });
        const fz = refusalFreeze(
          history.map((o) => ({
            offeredOn: iso(o.offeredOn),
            decidedOn: iso(o.respondedOn!),
            outcome: o.outcome as "ACCEPTED" | "REFUSED_JUSTIFIED" | "REFUSED_UNJUSTIFIED",
          })),
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
  const closed = {
    landlordId,
    status: "LEASE_SIGNED" as const,
    closedOn: { gte: asDate(`${year}-01-01`), lte: asDate(`${year}-12-31`) },
    dwelling: { category: { not: "DEDICATED" as const } },
  };
  const [managedDwellings, allocationsThisYear, freeChoiceThisYear] = await Promise.all([
    tx.dwelling.count({ where: { landlordId, status: { in: ["VACANT", "LET", "UNDER_RENOVATION"] } } }),
    tx.allocationFile.count({ where: closed }),
    tx.allocationFile.count({ where: { ...closed, freeChoice: true } }),
  ]);
  const a = freeChoiceAllowance({ ...regime, asOf: on, managedDwellings, allocationsThisYear, freeChoiceThisYear });
  return {
    allowed: a.allowed,
    quotaPercent: a.quotaPercent.toFixed(),
    managedDwellings,
    allocationsThisYear,
    freeChoiceThisYear,
    maxWithNext: a.maxWithNext,
    reason: a.reason,
    rule: ruleOf(a.citation),
  };
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
          const a = await tx.application.findUniqueOrThrow({
            where: { id: appId },
            include: { candidate: { include: { household: { include: { members: true } } } } },
          });
          if (!a.candidate.household) abort("candidateId", "RULE_VIOLATION", "The candidate has no household on the register", "law art. 3");
          return { application: a, household: householdOf(a.candidate, a.candidate.household.members, on) };
        };
        if (input.freeChoice) {
          if (input.candidateId == null) abort("candidateId", "REQUIRED", "A free-choice allocation names the candidate chosen");
          if (f.status !== "VACANCY" && f.status !== "SHORTLIST")
            abort(
              "freeChoice",
              "INVALID_STATE",
              `A free-choice allocation is made instead of the procedure, from stage VACANCY or SHORTLIST (not ${f.status})`,
              "law art. 53 al. 3",
            );
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
            ...(quota
              ? {
                  quota: {
                    managedDwellings: quota.managedDwellings,
                    allPublicAllocationsThisYear: quota.allocationsThisYear,
                    allPublicFreeChoiceThisYear: quota.freeChoiceThisYear,
                  },
                }
              : {}),
          });
          if (!check.allowed) {
            const p = new Problems();
            for (const x of check.failures)
              p.add(
                x.rule === "QUOTA" || x.rule === "QUOTA_INPUTS_MISSING" ? "freeChoice" : "candidateId",
                "RULE_VIOLATION",
                `${FREE_CHOICE_FAILURE[x.rule]}: ${x.reason}`,
                ruleOf(x.citation),
              );
            fail(p);
          }
          const basis =
            check.procedure === "ART_54_DEDICATED"
              ? "allocated freely in a dedicated dwelling (art. 54; no art. 53 quota)"
              : `chosen under the free-choice quota (${quota!.reason})`;
          const moved = await tx.allocationFile.updateMany({
            where: { id: f.id, status: f.status },
            data: { status: "LEASE_SIGNED", freeChoice: true, selectedApplicationId: applicationId, closedOn: asDate(on) },
          });
          if (moved.count === 0) abort("allocationFileId", "CONFLICT", "The file changed meanwhile; read it again");
          await tx.allocationFileEvent.create({
            data: {
              allocationFileId: f.id,
              fromStatus: f.status,
              toStatus: "LEASE_SIGNED",
              occurredOn: asDate(on),
              reason: `FREE_CHOICE_ALLOCATION: application ${applicationId} ${basis}`,
            },
          });
        } else {
          if (input.candidateId != null)
            abort(
              "candidateId",
              "INVALID_VALUE",
              "Through the procedure, the lease is signed with the selected candidate: give no candidateId (or set freeChoice)",
            );
          if (!f.selectedApplicationId) abort("allocationFileId", "INVALID_STATE", `No candidate selected (stage ${f.status})`, "Esch ROI art. 4");
          applicationId = f.selectedApplicationId;
          const { application, household } = await loadHousehold(applicationId);
          if (application.isSittingTenantToRehouse) purpose = "TENANT";
          const elig = summariseEligibility(checkEligibility(household, { ...regime, asOf: on, purpose }));
          await apply(
            tx,
            f,
            { type: "LEASE_SIGNED", on, eligibilityAtLease: elig },
            `lease signed with application ${applicationId}; reported ALLOCATED to the register (art. 53)`,
            "allocationFileId",
          );
          await tx.allocationFile.update({ where: { id: f.id }, data: { closedOn: asDate(on) } });
          await tx.allocationOffer.updateMany({
            where: { allocationFileId: f.id, applicationId, outcome: "PENDING" },
            data: { outcome: "ACCEPTED", respondedOn: asDate(on) },
          });
        }
        // The vacancy is let: exactly one allocation of it wins.
        const let_ = f.accommodationUnit
          ? await tx.accommodationUnit.updateMany({
              where: { id: f.accommodationUnit.id, status: "VACANT" },
              data: { status: "LET", firstLettingOn: f.accommodationUnit.firstLettingOn ?? asDate(on) },
            })
          : await tx.dwelling.updateMany({
              where: { id: f.dwellingId, status: "VACANT" },
              data: { status: "LET", firstLettingOn: f.dwelling.firstLettingOn ?? asDate(on) },
            });
        if (let_.count === 0) abort("allocationFileId", "CONFLICT", "The vacancy is no longer vacant: it was allocated meanwhile");
        if (f.accommodationUnit) await tx.dwelling.updateMany({ where: { id: f.dwellingId, status: "VACANT" }, data: { status: "LET" } });
        const reported = await tx.application.updateMany({
          where: { id: applicationId, status: { in: input.freeChoice ? ["ACTIVE"] : ["ACTIVE", "ALLOCATED"] } },
          data: { status: "ALLOCATED" },
        });
        if (reported.count === 0) abort("candidateId", "CONFLICT", "The application is no longer active on the register");
        const after = await tx.allocationFile.findUniqueOrThrow({ where: { id: f.id } });
        const { decisionRecord: _r, ...summary } = after;
        return { result: after, entityType: "AllocationFile", entityId: f.id, before: { status: f.status }, after: { ...summary, quota } };
      });
      return { allocationFile: out.result, quota, userErrors: out.userErrors };
    },
  }),
);
