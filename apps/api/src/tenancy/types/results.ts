/** GraphQL types of the tenancy engine's results: due revisions, rehousing assessment, end of lease, deposit exit statement. */
import { type DueRevision, type ParameterVersionUsed, type TenancyUnderOccupancyAssessment } from "@abordable/domain";
import { RevisionDueReasonEnum } from "./enums.js";
import type { LeaseEndOption } from "../adapters/lease-ends.js";
import { ParameterVersionRef } from "../adapters/common.js";
import { LegalReferenceRef } from "../adapters/common.js";
import { builder } from "../../schema/builder.js";

// ───────────── enums ─────────────

// ───────────── results ─────────────

export const DueRevisionRef = builder.objectRef<DueRevision>("DueRevision").implement({
  description: "A rent revision due (art. 61-62) with its time limit and the date the revised rent applies.",
  fields: (t) => ({
    reason: t.field({ type: RevisionDueReasonEnum, description: "Why.", resolve: (r) => r.reason }),
    triggeredOn: t.field({ type: "Date", description: "Day the obligation arose.", resolve: (r) => r.triggeredOn }),
    dueBy: t.field({ type: "Date", nullable: true, description: "Last day for the landlord to revise (null: no time limit).", resolve: (r) => r.dueBy }),
    effectiveFrom: t.field({
      type: "Date",
      nullable: true,
      description: "When the revised rent applies; null when from its notification (yearly revision).",
      resolve: (r) => r.effectiveFrom,
    }),
    reference: t.field({ type: LegalReferenceRef, description: "Article.", resolve: (r) => r.reference }),
    detail: t.string({ description: "In words.", resolve: (r) => r.detail }),
    parameters: t.field({ type: [ParameterVersionRef], description: "Parameter versions used.", resolve: (r) => [...r.parameters] }),
  }),
});

/** An assessment, and whether the lease's recorded health data (the seniors' medical reason) could be considered for the caller. */
export type UnderOccupancyView = TenancyUnderOccupancyAssessment & { readonly healthDataConsidered: boolean };

export const UnderOccupancyRef = builder.objectRef<UnderOccupancyView>("UnderOccupancy").implement({
  description: "Is the dwelling under-occupied (art. 66, bill art. 39)? Bedrooms ≥ members (bill: couples once) + 1.",
  fields: (t) => ({
    underOccupied: t.boolean({ description: "Under-occupied.", resolve: (u) => u.underOccupied }),
    units: t.int({ description: "Members counted (under the bill each couple counts once).", resolve: (u) => u.units }),
    threshold: t.int({ description: "Bedrooms from which the dwelling is under-occupied.", resolve: (u) => u.threshold }),
    bedrooms: t.int({ description: "Bedrooms of the dwelling.", resolve: (u) => u.bedrooms }),
    couplesCountOnce: t.boolean({ description: "Couples counted once (bill).", resolve: (u) => u.couplesCountOnce }),
    seniorMedicalExceptionApplied: t.boolean({
      description:
        "One more bedroom tolerated for a senior's documented medical reason (bill art. 31 → art. 54 §2 al. 3). Health data: for a caller who may not read the lease's health data (ministry analysts) the assessment is computed without the recorded reason (see healthDataConsidered), so this is true only for a what-if medicalReasonDocumented.",
      resolve: (u) => u.seniorMedicalExceptionApplied,
    }),
    healthDataConsidered: t.boolean({
      description:
        "True when the lease's recorded medical reason (health data, GDPR art. 9) was considered: for its landlord and the ministry's administrators. False for other callers (ministry analysts), whatever the lease: the verdict, the threshold and seniorMedicalExceptionApplied are then those of a lease without a recorded reason, and may differ from the landlord's.",
      resolve: (u) => u.healthDataConsidered,
    }),
    reference: t.field({ type: LegalReferenceRef, description: "Article.", resolve: (u) => u.reference }),
    parameters: t.field({ type: [ParameterVersionRef], description: "Parameter versions used.", resolve: (u) => [...u.parameters] }),
  }),
});

export const LeaseEndRef = builder.objectRef<LeaseEndOption>("LeaseEnd").implement({
  description: "The end a ground gives a lease (art. 69-70, bill art. 42): earliest date of effect, of right or at the landlord's option.",
  fields: (t) => ({
    ground: t.string({
      description: "Ground (YOUNG_TENANT_AGE, EMPLOYEE_JOB_END, RESERVE_FIRST_OCCUPATION, UNPAID_RENT, SERIOUS_GROUNDS, DEATH…).",
      resolve: (e) => e.ground,
    }),
    available: t.boolean({ description: "The ground applies to this lease under the regime.", resolve: (e) => e.available }),
    computable: t.boolean({
      description:
        "False when the engine could not evaluate the ground on the recorded facts (e.g. a fact dated before the law was in force): the end is then unknown, `reasonUnavailable` says why and `reference` cites the rule it needed.",
      resolve: (e) => e.computable !== false,
    }),
    reasonUnavailable: t.string({ nullable: true, description: "Why not, when unavailable.", resolve: (e) => e.reasonUnavailable ?? null }),
    ofRight: t.boolean({ description: "True: ends of right on endsOn; false: the landlord may end it with effect from endsOn.", resolve: (e) => e.ofRight }),
    endsOn: t.field({ type: "Date", nullable: true, description: "Earliest date of effect.", resolve: (e) => e.endsOn }),
    latestEndOn: t.field({ type: "Date", nullable: true, description: "Last date of effect (reserve window).", resolve: (e) => e.latestEndOn ?? null }),
    occupancyTitleLostOn: t.field({ type: "Date", nullable: true, description: "Occupancy title lost on.", resolve: (e) => e.occupancyTitleLostOn }),
    passesTo: t.stringList({ description: "Art. 70: members the lease passes to.", resolve: (e) => [...(e.passesTo ?? [])] }),
    groundsRetained: t.stringList({ description: "Serious grounds retained (with evidence).", resolve: (e) => [...(e.groundsRetained ?? [])] }),
    groundsRejected: t.field({ type: "JSON", description: "Serious grounds refused, with the reason.", resolve: (e) => e.groundsRejected ?? [] }),
    reference: t.field({ type: LegalReferenceRef, description: "Article.", resolve: (e) => e.reference }),
    parameters: t.field({
      type: [ParameterVersionRef],
      description: "Parameter versions used.",
      resolve: (e) => [...(e.parameters as ParameterVersionUsed[])],
    }),
    interpretationNotes: t.stringList({ description: "Interpretation notes relied on.", resolve: (e) => [...e.interpretationNotes] }),
  }),
});
