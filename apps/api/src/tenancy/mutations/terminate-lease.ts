/** `terminateLease` (law art. 69-70, bill art. 42): ends a lease on a ground the engine accepts, with its notice and the date it takes effect. */
import { leaseEnd, SERIOUS_GROUNDS, type EndFacts, type SeriousGround } from "@abordable/domain";
import type { Lease, LeaseTermination } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { runMutation } from "../../schema/mutation.js";
import { Problems, UserErrorRef, type UserError } from "../../schema/user-errors.js";
import { checkText } from "../../schema/validate.js";
import { deriveSharedDwellingStatus } from "../../schema/one-winner.js";
import { LeaseRef } from "../types/lease.js";
import { citation, iso, LegalRegimeEnum, todayIso } from "../adapters/common.js";
import { categoryOf, tenantsOf } from "../adapters/facts.js";
import { LeaseEndRef } from "../types/results.js";
import { LeaseTerminationRef } from "../types/records.js";
import { dateOf, fail, MUTATE, ownLease, regimeFor, type Tx } from "./support.js";
import type { Context } from "../../schema/context.js";

const EndGroundEnum = builder.enumType("LeaseEndGround", {
  description: "Ground for ending an affordable lease (law art. 69-70, bill art. 42).",
  values: {
    ELIGIBILITY_LOST_TENANT_NOTICE: { description: "Eligibility lost, notified by the tenant: ends of right 12 months later (art. 69 al. 1; bill §1)." },
    ELIGIBILITY_LOST_LANDLORD_FINDING: {
      description: "Eligibility lost, found by the landlord: ends of right 6 months after notice of the finding (art. 69 al. 2).",
    },
    UNPAID_RENT: { description: "Unpaid rent or charges: may be ended 6 months (law) or 15 days (bill) after formal notice (art. 69 al. 3)." },
    YOUNG_TENANT_AGE: { description: "Young people's dwelling: the tenant's 32nd birthday (art. 69 al. 4)." },
    EMPLOYEE_JOB_END: {
      description: "Employees' dwelling: three months after the job ends, if the employer needs it and no economic dismissal (art. 69 al. 5).",
    },
    CLOSE_SUPPORT_END: { description: "Bill: close social support ended + three months (§2 al. 3)." },
    STUDENT_ENROLMENT_END: { description: "Bill: enrolment ended + three months (§2 al. 4)." },
    COOPERATIVE_SHARES_TRANSFERRED: { description: "Bill: cooperative shares transferred + three months (§2 al. 5)." },
    RESERVE_FIRST_OCCUPATION: { description: "Bill: reserve dwelling, with effect within three months of first occupation (§2 al. 6)." },
    SERIOUS_GROUNDS: { description: "Bill: one or more of the 14 serious and legitimate grounds, each with evidence: 15 days after notice (§3)." },
    DEATH: { description: "Death of the tenant: passes to eligible household members who lived there, else ends 12 months after death (art. 70)." },
  } as const,
});

const SeriousGroundEnum = builder.enumType("SeriousGround", {
  description: "The 14 serious and legitimate grounds of bill art. 42 4° (art. 69 §3).",
  values: Object.fromEntries(Object.entries(SERIOUS_GROUNDS).map(([k, v]) => [k, { description: `${v.point} ${v.french}` }])) as Record<
    SeriousGround,
    { description: string }
  >,
});

const SeriousGroundInput = builder.inputType("SeriousGroundInput", {
  description: "A serious ground invoked with its evidence.",
  fields: (t) => ({
    ground: t.field({ type: SeriousGroundEnum, required: true, description: "The ground (1° to 14°)." }),
    evidence: t.stringList({ required: true, description: "Evidence: at least one document or finding." }),
  }),
});

const SuccessorInput = builder.inputType("SuccessorInput", {
  description: "A household member who may take over the lease on the tenant's death (art. 70).",
  fields: (t) => ({
    name: t.string({ required: true, description: "Who (name or member reference)." }),
    eligible: t.boolean({ required: true, description: "Meets the eligibility conditions (art. 55 §3)." }),
    livedWithTenant: t.boolean({ required: true, description: "Was a member of the household living with the tenant at the death." }),
  }),
});

const TerminateLeaseInput = builder.inputType("TerminateLeaseInput", {
  description: "Ends a lease on a ground of art. 69-70 (bill art. 42): the date of effect is computed per regime.",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    ground: t.field({ type: EndGroundEnum, required: true, description: "The ground." }),
    noticeOn: t.field({
      type: "Date",
      required: false,
      description:
        "Date starting the period: notice, finding notified, formal notice, job/support/enrolment end, share transfer, death (not for YOUNG_TENANT_AGE and RESERVE_FIRST_OCCUPATION).",
    }),
    effectiveOn: t.field({
      type: "Date",
      required: false,
      description: "Grounds at the landlord's option: a later date of effect than the earliest (default the earliest).",
    }),
    seriousGrounds: t.field({ type: [SeriousGroundInput], required: false, description: "SERIOUS_GROUNDS: the grounds and their evidence." }),
    unpaidRents: t.int({ required: false, description: "SERIOUS_GROUNDS 14°: rents unpaid (consecutive or not)." }),
    unpaidCharges: t.boolean({ required: false, description: "SERIOUS_GROUNDS 14°: charges unpaid." }),
    agreedEntryOn: t.field({ type: "Date", required: false, description: "SERIOUS_GROUNDS 10°: agreed entry date." }),
    movedInOn: t.field({ type: "Date", required: false, description: "SERIOUS_GROUNDS 10°: actual move-in date, if any." }),
    employerNeedsDwelling: t.boolean({ required: false, description: "EMPLOYEE_JOB_END: the employer needs the dwelling for another employee." }),
    economicDismissal: t.boolean({ required: false, description: "EMPLOYEE_JOB_END: the employee was dismissed for economic reasons." }),
    successors: t.field({ type: [SuccessorInput], required: false, description: "DEATH: possible successors." }),
    evidence: t.string({ required: false, description: "Evidence or reference of the notice (at most 2000 characters)." }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

const TerminationPayload = builder
  .objectRef<{
    termination: LeaseTermination | null;
    lease: Lease | null;
    end: ReturnType<typeof leaseEnd> | null;
    userErrors: UserError[];
  }>("LeaseTerminationPayload")
  .implement({
    description: "Result of terminateLease.",
    fields: (t) => ({
      termination: t.field({ type: LeaseTerminationRef, nullable: true, description: "The termination recorded.", resolve: (p) => p.termination }),
      lease: t.field({ type: LeaseRef, nullable: true, description: "The lease (ENDED once the date of effect is past).", resolve: (p) => p.lease }),
      end: t.field({ type: LeaseEndRef, nullable: true, description: "The engine's computation of the end.", resolve: (p) => p.end }),
      userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
    }),
  });

/** Ends a lease at `on`: ENDED when already past, the dwelling (or unit) vacant again. */
export async function endLeaseAt(tx: Tx, lease: Lease, on: string): Promise<Lease> {
  const past = on <= todayIso();
  const after = await tx.lease.update({ where: { id: lease.id }, data: { endsOn: dateOf(on), ...(past ? { status: "ENDED" } : {}) } });
  if (past) {
    if (lease.accommodationUnitId) {
      await tx.accommodationUnit.update({ where: { id: lease.accommodationUnitId }, data: { status: "VACANT" } });
      // The shared dwelling's status follows its units, counted under the dwelling's row lock (issue 15 §2).
      await deriveSharedDwellingStatus(tx, lease.dwellingId);
    } else {
      await tx.dwelling.update({ where: { id: lease.dwellingId }, data: { status: "VACANT" } });
    }
  }
  return after;
}

builder.mutationField("terminateLease", (t) =>
  t.field({
    type: TerminationPayload,
    description:
      "Ends a lease on a ground of art. 69-70 (bill art. 42, incl. the 14 serious grounds with evidence): computes the date of effect per regime, records it, and sets the lease ENDED when that date is past.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: TerminateLeaseInput, required: true, description: "The ground and its facts." }) },
    resolve: async (_r, { input }, ctx) => terminate(ctx, input),
  }),
);

async function terminate(ctx: Context, input: typeof TerminateLeaseInput.$inferInput) {
  const out = await runMutation(ctx, "terminateLease", async (tx) => {
    const p = new Problems();
    const options = regimeFor(ctx, p, input.regime);
    const evidence = checkText(p, "evidence", input.evidence, { max: 2000 });
    const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, { dwelling: true, household: { include: { members: true } } });
    if (lease.status !== "ACTIVE") p.add("leaseId", "INVALID_STATE", "The lease has already ended");
    const needsNotice = input.ground !== "YOUNG_TENANT_AGE" && input.ground !== "RESERVE_FIRST_OCCUPATION";
    if (needsNotice && !input.noticeOn) p.add("noticeOn", "REQUIRED", `noticeOn is required for ${input.ground}`);
    if (input.ground === "SERIOUS_GROUNDS" && !input.seriousGrounds?.length)
      p.add("seriousGrounds", "REQUIRED", "Name at least one serious ground with its evidence", "bill 8535 art. 42 4° (→ art. 69 §3)");
    if (p.any) fail(p);
    const category = categoryOf(lease.dwelling);
    const noticeOn = input.noticeOn ?? iso(lease.startsOn);
    const applicant = tenantsOf(lease.household.members)[0];
    let facts: EndFacts;
    switch (input.ground) {
      case "ELIGIBILITY_LOST_TENANT_NOTICE":
        facts = { ground: input.ground, notifiedOn: noticeOn };
        break;
      case "ELIGIBILITY_LOST_LANDLORD_FINDING":
        facts = { ground: input.ground, findingNotifiedOn: noticeOn };
        break;
      case "UNPAID_RENT":
        facts = { ground: input.ground, formalNoticeOn: noticeOn };
        break;
      case "YOUNG_TENANT_AGE":
        facts = { ground: input.ground, category, tenantBirthDate: applicant?.birthDate ?? "1900-01-01" };
        break;
      case "EMPLOYEE_JOB_END":
        facts = {
          ground: input.ground,
          category,
          jobEndedOn: noticeOn,
          employerNeedsDwelling: input.employerNeedsDwelling ?? false,
          economicDismissal: input.economicDismissal ?? false,
        };
        break;
      case "CLOSE_SUPPORT_END":
        facts = { ground: input.ground, category, supportEndedOn: noticeOn };
        break;
      case "STUDENT_ENROLMENT_END":
        facts = { ground: input.ground, category, enrolmentEndedOn: noticeOn };
        break;
      case "COOPERATIVE_SHARES_TRANSFERRED":
        facts = { ground: input.ground, category, sharesTransferredOn: noticeOn };
        break;
      case "RESERVE_FIRST_OCCUPATION":
        facts = { ground: input.ground, category, firstOccupiedOn: iso(lease.startsOn) };
        break;
      case "SERIOUS_GROUNDS":
        facts = {
          ground: input.ground,
          notifiedOn: noticeOn,
          grounds: input.seriousGrounds!.map((g) => ({ ground: g.ground, evidence: g.evidence })),
          ...(input.agreedEntryOn ? { agreedEntryOn: input.agreedEntryOn } : {}),
          ...(input.movedInOn ? { movedInOn: input.movedInOn } : {}),
          ...(input.unpaidRents != null ? { unpaidRents: input.unpaidRents } : {}),
          ...(input.unpaidCharges != null ? { unpaidCharges: input.unpaidCharges } : {}),
        };
        break;
      case "DEATH":
        facts = {
          ground: input.ground,
          diedOn: noticeOn,
          category,
          successors: (input.successors ?? []).map((s) => ({
            personId: s.name,
            eligible: s.eligible,
            householdMember: true,
            livedWithTenant: s.livedWithTenant,
          })),
        };
        break;
    }
    const end = leaseEnd(facts, noticeOn, options);
    const reference = citation(end.reference);
    if (!end.available) {
      p.add(
        input.ground === "SERIOUS_GROUNDS" ? "seriousGrounds" : "ground",
        "RULE_VIOLATION",
        `This ground does not apply: ${end.reasonUnavailable ?? "unavailable"}${end.groundsRejected?.length ? ` (${end.groundsRejected.map((g) => `${g.ground}: ${g.reason}`).join("; ")})` : ""}`,
        reference,
      );
      fail(p);
    }
    if (end.passesTo && end.passesTo.length > 0) {
      p.add("successors", "RULE_VIOLATION", `The lease passes to ${end.passesTo.join(", ")}: it does not end`, reference);
      fail(p);
    }
    let effectiveOn = end.endsOn!;
    if (input.effectiveOn) {
      if (end.ofRight && input.effectiveOn !== effectiveOn) p.add("effectiveOn", "RULE_VIOLATION", `The lease ends of right on ${effectiveOn}`, reference);
      else if (input.effectiveOn < effectiveOn) p.add("effectiveOn", "RULE_VIOLATION", `The earliest date of effect is ${effectiveOn}`, reference);
      else if (end.latestEndOn && input.effectiveOn > end.latestEndOn)
        p.add("effectiveOn", "RULE_VIOLATION", `The last date of effect is ${end.latestEndOn}`, reference);
      effectiveOn = input.effectiveOn;
    }
    if (p.any) fail(p);
    const groundName =
      input.ground === "SERIOUS_GROUNDS" ? `SERIOUS_GROUNDS ${(end.groundsRetained ?? []).map((g) => SERIOUS_GROUNDS[g].point).join(" ")}` : input.ground;
    const evidenceText =
      evidence ?? (input.seriousGrounds ? input.seriousGrounds.map((g) => `${SERIOUS_GROUNDS[g.ground].point} ${g.evidence.join("; ")}`).join(" | ") : null);
    const termination = await tx.leaseTermination.create({
      data: {
        leaseId: lease.id,
        ground: groundName,
        regime: options.regime,
        noticeOn: input.noticeOn ? dateOf(input.noticeOn) : null,
        effectiveOn: dateOf(effectiveOn),
        evidence: evidenceText,
        computation: { facts, end } as never,
      },
    });
    const { dwelling: _d, household: _h, ...before } = lease;
    const after = await endLeaseAt(tx, before, effectiveOn);
    return { result: { termination, lease: after, end }, entityType: "Lease", entityId: lease.id, before, after: { ...after, termination } };
  });
  return { termination: out.result?.termination ?? null, lease: out.result?.lease ?? null, end: out.result?.end ?? null, userErrors: out.userErrors };
}
