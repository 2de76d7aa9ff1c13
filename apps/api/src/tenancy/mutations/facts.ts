/**
 * Facts the tenancy rules read that only a landlord can know: requests for information sent to the
 * tenant for the rent (art. 62 §1 al. 3), the facts that open a dedicated end of lease (art. 69,
 * bill art. 42: job, support or enrolment ended, shares transferred, eligibility lost, formal
 * notice for unpaid rent) and a senior's documented medical reason for one more bedroom (bill
 * art. 31, under-occupancy art. 66). Each mutation takes one input object, runs in one transaction
 * with its audit record, and is scoped to the caller's leases like the other tenancy mutations.
 */
import { Prisma, type Lease, type RentInformationRequest } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { runMutation } from "../../schema/mutation.js";
import { Problems, UserErrorRef, type UserError } from "../../schema/user-errors.js";
import { checkText } from "../../schema/validate.js";
import { rentInformationRequestToChange } from "../../access/policy.js";
import { LeaseRef } from "../types/lease.js";
import { citation, iso, parameterReference, resolveRegime } from "../adapters/common.js";
import { END_FACT_DATES, END_FACT_FLAGS, storedEndFactsOf, type StoredEndFacts } from "../adapters/lease-ends.js";
import { RentInformationRequestRef } from "../types/records.js";
import { dateOf, fail, MUTATE, ownLease } from "./support.js";

// ───────────── requests for information (art. 62 §1 al. 3) ─────────────

const RecordRentInformationRequestInput = builder.inputType("RecordRentInformationRequestInput", {
  description:
    "A request for information sent to the tenant for the rent (law art. 62 §1 al. 3). Two months without an answer allow a flat rent (reviseRent FLAT_RENT).",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    requestedOn: t.field({ type: "Date", required: true, description: "Day the request was sent: starts the tenant's two months." }),
    answeredOn: t.field({ type: "Date", required: false, description: "Day the complete answer was received, if already known." }),
    note: t.string({ required: false, description: "What was asked, or the letter's reference (at most 2000 characters)." }),
  }),
});

const RecordRentInformationAnswerInput = builder.inputType("RecordRentInformationAnswerInput", {
  description: "The tenant's complete answer to a request for information (law art. 62 §1 al. 3-4).",
  fields: (t) => ({
    requestId: t.id({ required: true, description: "The request (RentInformationRequest)." }),
    answeredOn: t.field({ type: "Date", required: true, description: "Day the complete answer was received." }),
  }),
});

const RentInformationRequestPayload = builder
  .objectRef<{ request: RentInformationRequest | null; lease: Lease | null; userErrors: UserError[] }>("RentInformationRequestPayload")
  .implement({
    description: "Result of recordRentInformationRequest and recordRentInformationAnswer.",
    fields: (t) => ({
      request: t.field({
        type: RentInformationRequestRef,
        nullable: true,
        description: "The request as recorded; null when there are user errors.",
        resolve: (p) => p.request,
      }),
      lease: t.field({ type: LeaseRef, nullable: true, description: "The lease (revisionsDue shows the flat rent once allowed).", resolve: (p) => p.lease }),
      userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationField("recordRentInformationRequest", (t) =>
  t.field({
    type: RentInformationRequestPayload,
    description:
      "Records a request for information sent to the tenant (art. 62 §1 al. 3): without a complete answer within two months, reviseRent may set a flat rent up to the annex III cap.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordRentInformationRequestInput, required: true, description: "The request." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordRentInformationRequest", async (tx) => {
        const p = new Problems();
        const note = checkText(p, "note", input.note, { max: 2000 });
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, {});
        if (lease.status !== "ACTIVE") p.add("leaseId", "INVALID_STATE", "The lease has ended");
        if (input.requestedOn < iso(lease.startsOn)) p.add("requestedOn", "OUT_OF_RANGE", `requestedOn is before the lease started (${iso(lease.startsOn)})`);
        if (input.answeredOn && input.answeredOn < input.requestedOn) p.add("answeredOn", "OUT_OF_RANGE", "The answer cannot precede the request");
        if (p.any) fail(p);
        const request = await tx.rentInformationRequest.create({
          data: {
            leaseId: lease.id,
            requestedOn: dateOf(input.requestedOn),
            answeredOn: input.answeredOn ? dateOf(input.answeredOn) : null,
            note: note ?? null,
          },
        });
        return { result: { request, lease }, entityType: "RentInformationRequest", entityId: request.id, before: null, after: request };
      });
      return { request: out.result?.request ?? null, lease: out.result?.lease ?? null, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("recordRentInformationAnswer", (t) =>
  t.field({
    type: RentInformationRequestPayload,
    description:
      "Records the tenant's complete answer to a request for information: in time, no flat rent; after a flat rent, the revision is due within a month (art. 62 §1 al. 4).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordRentInformationAnswerInput, required: true, description: "The answer." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordRentInformationAnswer", async (tx) => {
        const p = new Problems();
        const before = await rentInformationRequestToChange(tx, ctx, p, "requestId", input.requestId);
        if (before.answeredOn) p.add("requestId", "CONFLICT", `The answer was already recorded (${iso(before.answeredOn)})`);
        if (input.answeredOn < iso(before.requestedOn))
          p.add("answeredOn", "OUT_OF_RANGE", `The answer cannot precede the request (${iso(before.requestedOn)})`);
        if (p.any) fail(p);
        const request = await tx.rentInformationRequest.update({ where: { id: before.id }, data: { answeredOn: dateOf(input.answeredOn) } });
        const { lease, ...plain } = before;
        return { result: { request, lease }, entityType: "RentInformationRequest", entityId: request.id, before: plain, after: request };
      });
      return { request: out.result?.request ?? null, lease: out.result?.lease ?? null, userErrors: out.userErrors };
    },
  }),
);

// ───────────── facts for the ends of lease (art. 69, bill art. 42) ─────────────

const RecordLeaseEndFactsInput = builder.inputType("RecordLeaseEndFactsInput", {
  description:
    "Facts that open an end of lease (law art. 69; bill art. 42): each field given replaces the recorded one, null clears it, an absent field is kept. Lease.endOptions then gives each end with its date (or why it is unavailable).",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    jobEndedOn: t.field({ type: "Date", required: false, description: "Employees' dwelling: the employment contract ended (art. 69 al. 5; bill §2 al. 2)." }),
    employerNeedsDwelling: t.boolean({ required: false, description: "Employees' dwelling: the employer needs the dwelling for another employee." }),
    economicDismissal: t.boolean({
      required: false,
      description: "Employees' dwelling: the employee was dismissed for economic reasons (no end on this ground).",
    }),
    supportEndedOn: t.field({ type: "Date", required: false, description: "Close-social-support dwelling: the close follow-up ended (bill §2 al. 3)." }),
    enrolmentEndedOn: t.field({ type: "Date", required: false, description: "Students' dwelling: the higher-education enrolment ended (bill §2 al. 4)." }),
    sharesTransferredOn: t.field({
      type: "Date",
      required: false,
      description: "Cooperative members' dwelling: the tenant's shares were transferred (bill §2 al. 5).",
    }),
    eligibilityLostTenantNoticeOn: t.field({
      type: "Date",
      required: false,
      description: "The tenant notified the loss of eligibility (art. 69 al. 1; bill §1).",
    }),
    eligibilityLostLandlordFindingOn: t.field({
      type: "Date",
      required: false,
      description: "The landlord's finding of lost eligibility was notified (art. 69 al. 2; bill §1).",
    }),
    unpaidRentFormalNoticeOn: t.field({ type: "Date", required: false, description: "Formal notice for unpaid rent or charges (art. 69 al. 3; bill §1)." }),
  }),
});

const LeaseFactsPayload = builder.objectRef<{ lease: Lease | null; userErrors: UserError[] }>("LeaseFactsPayload").implement({
  description: "Result of recordLeaseEndFacts and recordMedicalBedroomReason.",
  fields: (t) => ({
    lease: t.field({
      type: LeaseRef,
      nullable: true,
      description: "The lease with the facts recorded (endOptions, earliestEnd, deadlines, underOccupancy read them); null when there are user errors.",
      resolve: (p) => p.lease,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

builder.mutationField("recordLeaseEndFacts", (t) =>
  t.field({
    type: LeaseFactsPayload,
    description:
      "Records the facts of an end of lease (art. 69, bill art. 42): job, support or enrolment ended, shares transferred, eligibility lost (tenant's notice, landlord's finding), formal notice for unpaid rent. The ends they open are Lease.endOptions; terminateLease ends the lease.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordLeaseEndFactsInput, required: true, description: "The facts." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordLeaseEndFacts", async (tx) => {
        const p = new Problems();
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, {});
        if (lease.status !== "ACTIVE") p.add("leaseId", "INVALID_STATE", "The lease has ended");
        const recorded = storedEndFactsOf(lease.endFacts);
        const next: Record<string, string | boolean> = { ...recorded };
        let given = 0;
        for (const k of END_FACT_DATES) {
          const v = input[k];
          if (v === undefined) continue;
          given += 1;
          if (v === null) delete next[k];
          else if (v < iso(lease.startsOn)) p.add(k, "OUT_OF_RANGE", `${k} is before the lease started (${iso(lease.startsOn)})`);
          else next[k] = v;
        }
        for (const k of END_FACT_FLAGS) {
          const v = input[k];
          if (v === undefined) continue;
          given += 1;
          if (v === null) delete next[k];
          else next[k] = v;
        }
        if (given === 0) p.add("leaseId", "REQUIRED", "Give at least one fact to record (or null to clear one)");
        if (p.any) fail(p);
        const endFacts = next as StoredEndFacts;
        const after = await tx.lease.update({
          where: { id: lease.id },
          data: { endFacts: Object.keys(endFacts).length > 0 ? (endFacts as never) : Prisma.DbNull },
        });
        return { result: after, entityType: "Lease", entityId: lease.id, before: { endFacts: recorded }, after: { endFacts } };
      });
      return { lease: out.result, userErrors: out.userErrors };
    },
  }),
);

// ───────────── seniors' medical bedroom (bill art. 31 → art. 54 §2 al. 3; art. 66) ─────────────

const RecordMedicalBedroomReasonInput = builder.inputType("RecordMedicalBedroomReasonInput", {
  description:
    "Seniors' dwelling: duly justified medical reasons for one more bedroom (bill art. 31 → art. 54 §2 al. 3), which under-occupancy (art. 66) then tolerates.",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease of a seniors' dwelling." }),
    documentedOn: t.field({ type: "Date", required: false, description: "Day the reasons were documented; null withdraws them." }),
    evidence: t.string({ required: false, description: "The documents (required with documentedOn; at most 2000 characters)." }),
  }),
});

builder.mutationField("recordMedicalBedroomReason", (t) =>
  t.field({
    type: LeaseFactsPayload,
    description:
      "Records (or withdraws, documentedOn null) a senior's duly justified medical reason for one more bedroom: Lease.underOccupancy and underOccupiedLeases apply it from documentedOn (the engine applies it only where the bill provides it).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: RecordMedicalBedroomReasonInput, required: true, description: "The reason." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordMedicalBedroomReason", async (tx) => {
        const p = new Problems();
        const withdraw = input.documentedOn == null;
        const evidence = checkText(p, "evidence", input.evidence, { max: 2000, required: !withdraw });
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, { dwelling: true });
        if (lease.status !== "ACTIVE") p.add("leaseId", "INVALID_STATE", "The lease has ended");
        if (lease.dwelling.dedicatedSubCategory !== "SENIORS") {
          const regime = resolveRegime(ctx, null);
          const rule = parameterReference(
            "tenancy.underOccupancy.seniorMedicalExtraBedrooms",
            input.documentedOn ?? iso(new Date()),
            regime.ok ? regime.options : { regime: "LAW" },
          );
          p.add(
            "leaseId",
            "INVALID_STATE",
            "Only a dwelling dedicated to seniors may have one more bedroom for medical reasons",
            rule ? citation(rule) : undefined,
          );
        }
        if (!withdraw && input.documentedOn! < iso(lease.startsOn))
          p.add("documentedOn", "OUT_OF_RANGE", `documentedOn is before the lease started (${iso(lease.startsOn)})`);
        if (p.any) fail(p);
        const { dwelling: _d, ...before } = lease;
        const after = await tx.lease.update({
          where: { id: lease.id },
          data: withdraw
            ? { medicalReasonDocumentedOn: null, medicalReasonEvidence: null }
            : { medicalReasonDocumentedOn: dateOf(input.documentedOn!), medicalReasonEvidence: evidence ?? null },
        });
        return {
          result: after,
          entityType: "Lease",
          entityId: lease.id,
          before: { medicalReasonDocumentedOn: before.medicalReasonDocumentedOn, medicalReasonEvidence: before.medicalReasonEvidence },
          after: { medicalReasonDocumentedOn: after.medicalReasonDocumentedOn, medicalReasonEvidence: after.medicalReasonEvidence },
        };
      });
      return { lease: out.result, userErrors: out.userErrors };
    },
  }),
);
