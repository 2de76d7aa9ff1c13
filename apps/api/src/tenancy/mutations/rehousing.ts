/**
 * Rehousing (law art. 66-67, bill art. 39-40): opening a case, recording offers and the tenant's
 * answers. After the second counted refusal the engine's assessment decides: the right to stay is
 * lost and the lease ends of right six months after notice of the second offer — unless, for
 * under-occupancy, a tenant is over 70 or a member is disabled.
 */
import { assessRehousing, billInForce, tenancyUnderOccupancy, type RegimeOptions, type RehousingAssessment } from "@abordable/domain";
import type { LeaseTermination, RehousingCase, RehousingOffer } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { runMutation } from "../../schema/mutation.js";
import { Problems, UserErrorRef, type UserError } from "../../schema/user-errors.js";
import { checkText } from "../../schema/validate.js";
import { dwellingToOffer, rehousingCaseToChange, rehousingOfferToAnswer, rehousingOfferToConsent } from "../../access/policy.js";
import { guarded, uniquely } from "../../schema/one-winner.js";
import type { Context } from "../../schema/context.js";
import { citation, iso, LegalRegimeEnum } from "../adapters/common.js";
import { couplesOf, occupancyFactsOf } from "../adapters/facts.js";
import { rehousingFileOf } from "../adapters/rehousing.js";
import { LeaseTerminationRef, RehousingCaseRef, RehousingOfferRef } from "../types/records.js";
import { RehousingOfferOutcomeEnum, RehousingReasonEnum } from "../types/enums.js";
import { RehousingAssessmentRef } from "../types/records.js";
import { dateOf, fail, MUTATE, ownLease, regimeFor, type Tx } from "./support.js";
import { endLeaseAt } from "./terminate-lease.js";

/** Is bill 8535 in force on `date` under these options? */

type Result = {
  rehousingCase: RehousingCase | null;
  offer: RehousingOffer | null;
  assessment: RehousingAssessment | null;
  termination: LeaseTermination | null;
};

const RehousingPayload = builder.objectRef<Result & { userErrors: UserError[] }>("RehousingPayload").implement({
  description: "Result of a rehousing mutation, with the engine's assessment of the case on the date of the change.",
  fields: (t) => ({
    rehousingCase: t.field({
      type: RehousingCaseRef,
      nullable: true,
      description: "The case as changed; null when there are user errors.",
      resolve: (p) => p.rehousingCase,
    }),
    offer: t.field({ type: RehousingOfferRef, nullable: true, description: "The offer recorded or answered.", resolve: (p) => p.offer }),
    assessment: t.field({
      type: RehousingAssessmentRef,
      nullable: true,
      description: "Assessment on the date of the change: refusals counted, right to stay, termination date, protection.",
      resolve: (p) => p.assessment,
    }),
    termination: t.field({
      type: LeaseTerminationRef,
      nullable: true,
      description: "The end of lease recorded when the second refusal cost the right to stay.",
      resolve: (p) => p.termination,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

/** Art. 67 §1 al. 2: the offered dwelling's typology fits the household (not under-occupied, art. 66); the problem in words, or null. */
function typologyProblem(
  members: readonly { id: string; partnerId: string | null }[],
  dwelling: { bedrooms: number; dedicatedSubCategory: string | null },
  on: string,
  options: RegimeOptions,
): string | null {
  const u = tenancyUnderOccupancy(
    {
      members: members.length,
      couples: couplesOf(members),
      bedrooms: dwelling.bedrooms,
      seniorDedicated: dwelling.dedicatedSubCategory === "SENIORS",
      medicalReasonDocumented: false,
    },
    on,
    options,
  );
  return u.underOccupied
    ? `The offered dwelling's typology does not fit the household: ${u.bedrooms} bedroom(s) for ${u.units} member(s) counted is under-occupancy`
    : null;
}

const empty = (userErrors: UserError[]) => ({ rehousingCase: null, offer: null, assessment: null, termination: null, userErrors });

const CASE_INCLUDE = {
  // An offer in another landlord's stock that its landlord declined was never made (bill art. 67 §4).
  offers: {
    where: { consent: { not: "DECLINED" as const } },
    include: { dwelling: { select: { landlordId: true } } },
    orderBy: [{ noticeOn: "asc" as const }, { id: "asc" as const }],
  },
  lease: { include: { dwelling: true, household: { include: { members: true } } } },
};

async function ownCase(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number) {
  return rehousingCaseToChange(tx, ctx, p, field, globalId, CASE_INCLUDE);
}

// ───────────── openRehousingCase ─────────────

const OpenRehousingCaseInput = builder.inputType("OpenRehousingCaseInput", {
  description: "Opens a rehousing case (art. 66-67).",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    reason: t.field({ type: RehousingReasonEnum, required: true, description: "Why." }),
    knownOn: t.field({
      type: "Date",
      required: true,
      description: "Day the landlord learned of the mismatch (bill: starts the three years to offer a dwelling).",
    }),
    medicalReasonDocumented: t.boolean({
      required: false,
      description:
        "Seniors' dwelling: a duly justified medical reason for one more bedroom (bill art. 31); default: the one recorded on the lease (recordMedicalBedroomReason) by knownOn.",
    }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

builder.mutationField("openRehousingCase", (t) =>
  t.field({
    type: RehousingPayload,
    description: "Opens a rehousing case; an under-occupancy case is checked against art. 66 (bill art. 39) on the date of knowledge.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: OpenRehousingCaseInput, required: true, description: "The case." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation<Result>(ctx, "openRehousingCase", async (tx) => {
        const p = new Problems();
        const options = regimeFor(ctx, p, input.regime);
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, { dwelling: true, household: { include: { members: true } }, rehousingCases: true });
        if (lease.status !== "ACTIVE") p.add("leaseId", "INVALID_STATE", "The lease has ended");
        if (input.knownOn < iso(lease.startsOn)) p.add("knownOn", "OUT_OF_RANGE", "knownOn precedes the lease");
        if (lease.rehousingCases.some((c) => !c.closedOn && c.reason === input.reason))
          p.add("reason", "CONFLICT", `An open ${input.reason} case already exists for this lease`);
        if (p.any) fail(p);
        const members = lease.household.members;
        if (input.reason === "UNDER_OCCUPANCY") {
          const u = tenancyUnderOccupancy(
            occupancyFactsOf(lease, lease.dwelling, members, input.knownOn, input.medicalReasonDocumented),
            input.knownOn,
            options,
          );
          if (!u.underOccupied)
            p.add(
              "reason",
              "RULE_VIOLATION",
              `The dwelling is not under-occupied: ${u.bedrooms} bedroom(s) for ${u.units} member(s) counted; under-occupied from ${u.threshold}`,
              citation(u.reference),
            );
        }
        if (input.reason === "OTHER_LANDLORD_STOCK" && !billInForce(input.knownOn, options)) {
          p.add("reason", "RULE_VIOLATION", "Rehousing in another landlord's stock exists only under bill 8535", "bill 8535 art. 40 4° (→ art. 67 §4)");
        }
        if (p.any) fail(p);
        const created = await tx.rehousingCase.create({ data: { leaseId: lease.id, reason: input.reason, knownOn: dateOf(input.knownOn) } });
        const assessment = assessRehousing(rehousingFileOf(lease, members, { ...created, offers: [] }), input.knownOn, options);
        return {
          result: { rehousingCase: created, offer: null, assessment, termination: null },
          entityType: "RehousingCase",
          entityId: created.id,
          before: null,
          after: created,
        };
      });
      return out.result ? { ...out.result, userErrors: out.userErrors } : empty(out.userErrors);
    },
  }),
);

// ───────────── recordRehousingOffer ─────────────

const RecordRehousingOfferInput = builder.inputType("RecordRehousingOfferInput", {
  description:
    "A dwelling offered to the tenant (art. 67): vacant, of a typology fitting the household; in another landlord's stock only for OTHER_LANDLORD_STOCK (bill §4).",
  fields: (t) => ({
    rehousingCaseId: t.id({ required: true, description: "The case." }),
    dwellingId: t.id({ required: true, description: "The dwelling offered." }),
    noticeOn: t.field({ type: "Date", required: true, description: "Notification of the offer to the tenant." }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

builder.mutationField("recordRehousingOffer", (t) =>
  t.field({
    type: RehousingPayload,
    description:
      "Records a rehousing offer; refused when a previous offer is unanswered, the dwelling is not vacant, or its typology does not fit the household (art. 67 §1 al. 2).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordRehousingOfferInput, required: true, description: "The offer." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation<Result>(ctx, "recordRehousingOffer", async (tx) => {
        const p = new Problems();
        const options = regimeFor(ctx, p, input.regime);
        const c = await ownCase(tx, ctx, p, "rehousingCaseId", input.rehousingCaseId);
        if (c.closedOn) p.add("rehousingCaseId", "INVALID_STATE", "The case is closed");
        if (c.offers.some((o) => o.outcome === "PENDING")) p.add("rehousingCaseId", "INVALID_STATE", "The previous offer is not answered yet");
        if (input.noticeOn < iso(c.knownOn)) p.add("noticeOn", "OUT_OF_RANGE", `noticeOn precedes the case (${iso(c.knownOn)})`);
        if (p.any) fail(p);
        const { dwelling, other } = await dwellingToOffer(tx, p, "dwellingId", input.dwellingId, c);
        if (other && !billInForce(input.noticeOn, options))
          p.add("dwellingId", "RULE_VIOLATION", "An offer in another landlord's stock exists only under bill 8535", "bill 8535 art. 40 4° (→ art. 67 §4)");
        // Another landlord's dwelling: its status and typology are its landlord's data, checked when it consents (consentToRehousingOffer).
        if (!other && dwelling.status !== "VACANT") p.add("dwellingId", "INVALID_STATE", `The dwelling is ${dwelling.status}, not VACANT`);
        if (dwelling.id === c.lease.dwellingId) p.add("dwellingId", "INVALID_VALUE", "That is the dwelling the tenant lives in");
        if (!other) {
          const problem = typologyProblem(c.lease.household.members, dwelling, input.noticeOn, options);
          if (problem) p.add("dwellingId", "RULE_VIOLATION", problem, "law art. 67 §1 al. 2; art. 66");
        }
        if (p.any) fail(p);
        const offer = await uniquely(
          tx.rehousingOffer.create({
            data: { caseId: c.id, dwellingId: dwelling.id, noticeOn: dateOf(input.noticeOn), consent: other ? "PENDING" : "NOT_NEEDED" },
          }),
          [],
          { field: "rehousingCaseId", message: "Another offer was recorded in this case meanwhile" },
        );
        const { offers, lease, ...plainCase } = c;
        const assessment = assessRehousing(
          rehousingFileOf(lease, lease.household.members, { ...c, offers: [...offers, { ...offer, dwelling: { landlordId: dwelling.landlordId } }] }),
          input.noticeOn,
          options,
        );
        return {
          result: { rehousingCase: plainCase, offer, assessment, termination: null },
          entityType: "RehousingOffer",
          entityId: offer.id,
          before: null,
          after: offer,
        };
      });
      return out.result ? { ...out.result, userErrors: out.userErrors } : empty(out.userErrors);
    },
  }),
);

// ───────────── recordRehousingResponse ─────────────

const RecordRehousingResponseInput = builder.inputType("RecordRehousingResponseInput", {
  description: "The tenant's answer to a rehousing offer.",
  fields: (t) => ({
    offerId: t.id({ required: true, description: "The offer." }),
    outcome: t.field({
      type: RehousingOfferOutcomeEnum,
      required: true,
      description: "ACCEPTED, REFUSED_JUSTIFIED (the offer did not fit: does not count) or REFUSED_UNJUSTIFIED (counts).",
    }),
    respondedOn: t.field({ type: "Date", required: true, description: "Date of the answer." }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

builder.mutationField("recordRehousingResponse", (t) =>
  t.field({
    type: RehousingPayload,
    description:
      "Records the tenant's answer. Accepted: the case closes. Second counted refusal: the right to stay is lost and the end of lease is recorded at the engine's date (six months after notice of the second offer), except under-occupancy with a tenant over 70 or a disabled member.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordRehousingResponseInput, required: true, description: "The answer." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation<Result>(ctx, "recordRehousingResponse", async (tx) => {
        const p = new Problems();
        const options = regimeFor(ctx, p, input.regime);
        if (input.outcome === "PENDING") p.add("outcome", "INVALID_VALUE", "An answer is ACCEPTED, REFUSED_JUSTIFIED or REFUSED_UNJUSTIFIED");
        if (p.any) fail(p);
        const before = await rehousingOfferToAnswer(tx, ctx, p, "offerId", input.offerId);
        if (before.consent === "PENDING")
          p.add(
            "offerId",
            "INVALID_STATE",
            "The landlord of the dwelling offered has not consented yet: the offer is not made",
            "bill 8535 art. 40 4° (→ art. 67 §4)",
          );
        if (before.consent === "DECLINED")
          p.add("offerId", "INVALID_STATE", "The landlord of the dwelling offered declined: the offer was not made", "bill 8535 art. 40 4° (→ art. 67 §4)");
        if (before.outcome !== "PENDING") p.add("offerId", "CONFLICT", `The offer was already answered (${before.outcome})`);
        if (input.respondedOn < iso(before.noticeOn)) p.add("respondedOn", "OUT_OF_RANGE", `The answer precedes the offer (${iso(before.noticeOn)})`);
        if (p.any) fail(p);
        // Guarded: of two answers recorded at once, one wins.
        await guarded(
          tx.rehousingOffer.updateMany({
            where: { id: before.id, outcome: "PENDING" },
            data: { outcome: input.outcome, respondedOn: dateOf(input.respondedOn) },
          }),
          "offerId",
          "The offer was answered meanwhile by another request",
        );
        const offer = await tx.rehousingOffer.findUniqueOrThrow({ where: { id: before.id } });
        const c = await tx.rehousingCase.findUniqueOrThrow({ where: { id: before.caseId }, include: CASE_INCLUDE });
        const assessment = assessRehousing(rehousingFileOf(c.lease, c.lease.household.members, c), input.respondedOn, options);
        let termination: LeaseTermination | null = null;
        let closedOn: string | null = null;
        if (assessment.accepted) closedOn = input.respondedOn;
        if (assessment.rightToStayLost && assessment.terminationOn) {
          const { dwelling: _d, household: _h, ...lease } = c.lease;
          termination = await tx.leaseTermination.create({
            data: {
              leaseId: lease.id,
              ground: "REHOUSING_REFUSALS",
              regime: options.regime,
              noticeOn: offer.noticeOn,
              effectiveOn: dateOf(assessment.terminationOn),
              evidence: `${assessment.countedRefusals} refused rehousing offers (${c.reason})`,
              computation: { assessment } as never,
            },
          });
          // The case stays open until the lease ends: its assessment keeps giving the date.
          await endLeaseAt(tx, lease, assessment.terminationOn);
        }
        const {
          offers: _o,
          lease: _l,
          ...plainCase
        } = closedOn ? { ...c, ...(await tx.rehousingCase.update({ where: { id: c.id }, data: { closedOn: dateOf(closedOn) } })) } : c;
        return {
          result: { rehousingCase: plainCase, offer, assessment, termination },
          entityType: "RehousingOffer",
          entityId: offer.id,
          before,
          after: {
            offer,
            assessment: { countedRefusals: assessment.countedRefusals, rightToStayLost: assessment.rightToStayLost, terminationOn: assessment.terminationOn },
          },
        };
      });
      return out.result ? { ...out.result, userErrors: out.userErrors } : empty(out.userErrors);
    },
  }),
);

// ───────────── recordRehousingWaiver ─────────────

const RecordRehousingWaiverInput = builder.inputType("RecordRehousingWaiverInput", {
  description:
    "The advisory commission's finding of legitimate reasons not to rehouse (bill art. 40 2° → art. 67 §2 al. 3): it lifts the obligation and the three-year deadline.",
  fields: (t) => ({
    rehousingCaseId: t.id({ required: true, description: "The case." }),
    waivedOn: t.field({ type: "Date", required: true, description: "Day of the commission's decision." }),
    reasons: t.string({ required: true, description: "The legitimate reasons found (at most 2000 characters)." }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

builder.mutationField("recordRehousingWaiver", (t) =>
  t.field({
    type: RehousingPayload,
    description:
      "Records the commission's waiver of a rehousing for legitimate reasons (bill art. 67 §2 al. 3). Refused when the engine finds it does not apply (under the law, before the bill's entry into force, or for a case other than a typology mismatch), when the case is closed or already waived, or once the right to stay is lost.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordRehousingWaiverInput, required: true, description: "The waiver." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation<Result>(ctx, "recordRehousingWaiver", async (tx) => {
        const p = new Problems();
        const options = regimeFor(ctx, p, input.regime);
        const reasons = checkText(p, "reasons", input.reasons, { max: 2000, required: true });
        const c = await ownCase(tx, ctx, p, "rehousingCaseId", input.rehousingCaseId);
        if (c.closedOn) p.add("rehousingCaseId", "INVALID_STATE", "The case is closed");
        if (c.waivedOn) p.add("rehousingCaseId", "CONFLICT", `The commission already waived this rehousing on ${iso(c.waivedOn)}`);
        if (input.waivedOn < iso(c.knownOn)) p.add("waivedOn", "OUT_OF_RANGE", `waivedOn precedes the case (${iso(c.knownOn)})`);
        if (p.any || reasons === undefined) fail(p);
        const members = c.lease.household.members;
        const current = assessRehousing(rehousingFileOf(c.lease, members, c), input.waivedOn, options);
        if (current.rightToStayLost)
          p.add(
            "rehousingCaseId",
            "INVALID_STATE",
            `The right to stay was already lost after ${current.countedRefusals} refused offers (the lease ends on ${current.terminationOn})`,
            citation(current.reference),
          );
        const waived = { ...c, waivedOn: dateOf(input.waivedOn), waiverReason: reasons };
        const assessment = assessRehousing(rehousingFileOf(c.lease, members, waived), input.waivedOn, options);
        // The engine decides whether the waiver exists for this case, regime and date.
        for (const problem of assessment.problems.filter((x) => x.rule === "WAIVER_NOT_APPLICABLE"))
          p.add("waivedOn", "RULE_VIOLATION", `The commission's waiver does not apply: ${problem.detail}`, citation(problem.reference));
        if (!assessment.waived && !p.any)
          p.add("waivedOn", "RULE_VIOLATION", "The commission's waiver does not apply to this case on this date", citation(assessment.reference));
        if (p.any) fail(p);
        const { offers: _o, lease: _l, ...before } = c;
        const updated = await tx.rehousingCase.update({ where: { id: c.id }, data: { waivedOn: dateOf(input.waivedOn), waiverReason: reasons } });
        return {
          result: { rehousingCase: updated, offer: null, assessment, termination: null },
          entityType: "RehousingCase",
          entityId: c.id,
          before,
          after: updated,
        };
      });
      return out.result ? { ...out.result, userErrors: out.userErrors } : empty(out.userErrors);
    },
  }),
);

// ───────────── consentToRehousingOffer ─────────────

const RehousingConsentEnum = builder.enumType("RehousingOfferConsentDecision", {
  description: "The decision of the landlord whose dwelling another landlord offers in a rehousing (bill art. 40 4° → art. 67 §4).",
  values: {
    GIVEN: { description: "Consents: the offer is made to the tenant (the dwelling must be vacant and fit the household)." },
    DECLINED: { description: "Declines: the offer is not made and does not count." },
  } as const,
});

const ConsentToRehousingOfferInput = builder.inputType("ConsentToRehousingOfferInput", {
  description: "The consent of the landlord whose dwelling is offered in another landlord's rehousing case (bill art. 40 4° → art. 67 §4).",
  fields: (t) => ({
    offerId: t.id({ required: true, description: "The rehousing offer of a dwelling of the caller's stock." }),
    decision: t.field({ type: RehousingConsentEnum, required: true, description: "GIVEN or DECLINED." }),
    decidedOn: t.field({ type: "Date", required: true, description: "Day of the decision." }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

const RehousingConsentPayload = builder.objectRef<{ offer: RehousingOffer | null; userErrors: UserError[] }>("RehousingConsentPayload").implement({
  description: "Result of consentToRehousingOffer.",
  fields: (t) => ({
    offer: t.field({ type: RehousingOfferRef, nullable: true, description: "The offer as decided; null when there are user errors.", resolve: (p) => p.offer }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

builder.mutationField("consentToRehousingOffer", (t) =>
  t.field({
    type: RehousingConsentPayload,
    description:
      "The landlord whose dwelling another landlord offers in a rehousing (OTHER_LANDLORD_STOCK, bill art. 67 §4) — or a ministry administrator — consents or declines. Nothing is offered to the tenant before consent; consent checks that the dwelling is vacant and fits the household (art. 67 §1 al. 2).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: ConsentToRehousingOfferInput, required: true, description: "The decision." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "consentToRehousingOffer", async (tx) => {
        const p = new Problems();
        const options = regimeFor(ctx, p, input.regime);
        const offer = await rehousingOfferToConsent(tx, ctx, p, "offerId", input.offerId);
        if (offer.consent !== "PENDING") p.add("offerId", "CONFLICT", `The consent was already decided (${offer.consent})`);
        if (input.decidedOn < iso(offer.noticeOn)) p.add("decidedOn", "OUT_OF_RANGE", `The decision cannot precede the offer (${iso(offer.noticeOn)})`);
        if (input.decision === "GIVEN") {
          if (offer.dwelling.status !== "VACANT") p.add("offerId", "INVALID_STATE", `The dwelling is ${offer.dwelling.status}, not VACANT`);
          const problem = typologyProblem(offer.case.lease.household.members, offer.dwelling, input.decidedOn, options);
          if (problem) p.add("offerId", "RULE_VIOLATION", problem, "law art. 67 §1 al. 2; art. 66");
        }
        if (p.any) fail(p);
        await guarded(
          tx.rehousingOffer.updateMany({ where: { id: offer.id, consent: "PENDING" }, data: { consent: input.decision, consentOn: dateOf(input.decidedOn) } }),
          "offerId",
          "The consent was decided meanwhile by another request",
        );
        const after = await tx.rehousingOffer.findUniqueOrThrow({ where: { id: offer.id } });
        const { dwelling: _d, case: _c, ...before } = offer;
        return { result: after, entityType: "RehousingOffer", entityId: offer.id, before, after };
      });
      return { offer: out.result, userErrors: out.userErrors };
    },
  }),
);
