/** `openAllocationFile` (one open file per vacancy) and `transitionAllocationFile` (the file's procedure: enquiry, commission, promise, visit; Esch ROI art. 4, 9). */
import { todayIso, type OpinionResult } from "@abordable/domain";
import { FileEventEnum } from "../types/enums.js";
import type { Breakdown } from "../adapters/common.js";
import { iso } from "../adapters/common.js";
import { checkId, asDate, checkText } from "../../schema/validate.js";
import { Problems } from "../../schema/user-errors.js";
import { uniquely } from "../../schema/one-winner.js";
import { runMutation } from "../../schema/mutation.js";
import { builder } from "../../schema/builder.js";
import type { AllocationFileStatus } from "../../generated/prisma/enums.js";
import { vacancyToOpen, candidateOfShortlist } from "../../access/policy.js";
import { AllocationFilePayload, MUTATE, abort, apply, fail, lockFile, stateOf } from "./support.js";

const OpenInput = builder.inputType("OpenAllocationFileInput", {
  description: "A vacancy of the caller's stock: a dwelling, or an accommodation unit of a shared dwelling.",
  fields: (t) => ({
    dwellingId: t.id({ required: false, description: "The vacant dwelling (not a shared dwelling: give the unit)." }),
    accommodationUnitId: t.id({ required: false, description: "The vacant accommodation unit." }),
    openedOn: t.field({ type: "Date", required: false, description: "Day the vacancy is declared (default today)." }),
  }),
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
        if ((input.dwellingId == null) === (input.accommodationUnitId == null))
          p.add("dwellingId", "REQUIRED", "Give either dwellingId or accommodationUnitId");
        const dwellingId = checkId(p, "dwellingId", input.dwellingId, "Dwelling");
        const unitId = checkId(p, "accommodationUnitId", input.accommodationUnitId, "AccommodationUnit");
        if (p.any) fail(p);
        const openedOn = input.openedOn ?? todayIso();
        const { dwelling, unit } = await vacancyToOpen(tx, ctx, { dwellingId: dwellingId ?? null, unitId: unitId ?? null });
        if (unit) {
          if (unit.status !== "VACANT") abort("accommodationUnitId", "INVALID_STATE", `The unit is ${unit.status}, not vacant`, "law art. 53");
        } else {
          if (dwelling.type === "SHARED_DWELLING")
            abort("dwellingId", "INVALID_VALUE", "A shared dwelling is let by accommodation units: give accommodationUnitId", "bill 8535 art. 13 §2 al. 2");
          if (dwelling.status !== "VACANT") abort("dwellingId", "INVALID_STATE", `The dwelling is ${dwelling.status}, not vacant`, "law art. 53");
        }
        const existing = await tx.allocationFile.findFirst({
          where: { dwellingId: dwelling.id, accommodationUnitId: unit?.id ?? null, status: { in: OPEN_STATUSES } },
          select: { id: true },
        });
        if (existing) abort(unit ? "accommodationUnitId" : "dwellingId", "CONFLICT", "An allocation file is already open for this vacancy");
        // One open file per vacancy, in the database too (partial unique index, migration 20261202000100).
        const file = await uniquely(
          tx.allocationFile.create({
            data: {
              landlordId: dwelling.landlordId,
              dwellingId: dwelling.id,
              accommodationUnitId: unit?.id ?? null,
              openedOn: asDate(openedOn),
              status: "VACANCY",
            },
          }),
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
builder.mutationField("transitionAllocationFile", (t) =>
  t.field({
    type: AllocationFilePayload,
    description:
      "Moves the file one step with the domain's state machine (Esch ROI art. 4; law art. 59; RGD art. 2). A step the rules do not allow is refused as a user error citing the rule.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: TransitionInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "transitionAllocationFile", async (tx) => {
        const f = await lockFile(tx, ctx, "allocationFileId", input.allocationFileId);
        const on = input.on ?? todayIso();
        const before = { status: f.status, selectedApplicationId: f.selectedApplicationId };
        // A field meant for another step is refused rather than silently ignored: the caller
        // believes it was recorded.
        if (input.socialWorker != null && input.event !== "SOCIAL_ENQUIRY_COMPLETED")
          abort("socialWorker", "INVALID_VALUE", "socialWorker is recorded only with the SOCIAL_ENQUIRY_COMPLETED step");
        if (input.candidateId != null && input.event !== "CANDIDATE_PROPOSED")
          abort("candidateId", "INVALID_VALUE", "candidateId is given only with the CANDIDATE_PROPOSED step");
        switch (input.event) {
          case "CANDIDATE_PROPOSED": {
            const state = stateOf(f);
            let applicationId: string | undefined;
            if (input.candidateId != null)
              applicationId = (await candidateOfShortlist(tx, new Problems(), "candidateId", input.candidateId, f, "PROPOSE")).applicationId;
            else applicationId = state.ranking.find((id) => !state.passed.includes(id));
            if (!applicationId)
              abort("candidateId", "RULE_VIOLATION", "Every candidate of the shortlist was already proposed", "law art. 57 (order of priority)");
            await apply(
              tx,
              f,
              { type: "CANDIDATE_PROPOSED", on, candidateId: applicationId },
              `application ${applicationId} proposed; social enquiry (art. 59)`,
              "candidateId",
              { selectedApplicationId: applicationId },
            );
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
            await apply(
              tx,
              f,
              { type: "SOCIAL_ENQUIRY_COMPLETED", on, socialWorkerId: worker! },
              `social enquiry by ${worker} completed (art. 59)`,
              "socialWorker",
            );
            break;
          }
          case "COMMISSION_OPINION_GIVEN": {
            const current = f.selectedApplicationId;
            const d = current
              ? await tx.deliberation.findFirst({
                  where: { allocationFileId: f.id, applicationId: current },
                  include: { meeting: true },
                  orderBy: [{ meeting: { heldOn: "desc" } }, { id: "desc" }],
                })
              : null;
            if (!d)
              abort(
                "event",
                "RULE_VIOLATION",
                "The commission has not deliberated on the proposed candidate (recordDeliberation)",
                "RGD 13 Oct 2023 art. 2; Esch ROI art. 8",
              );
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
            await apply(
              tx,
              f,
              { type: "COMMISSION_OPINION_GIVEN", on, opinion, minutesOk },
              `${d.opinion.toLowerCase()} opinion of the commission (meeting of ${iso(d.meeting.heldOn)})`,
              "event",
              favourable ? {} : { selectedApplicationId: null },
            );
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
        return {
          result: after,
          entityType: "AllocationFile",
          entityId: f.id,
          before,
          after: { status: after.status, selectedApplicationId: after.selectedApplicationId, event: input.event },
        };
      });
      return { allocationFile: out.result, userErrors: out.userErrors };
    },
  }),
);
