/**
 * The advisory commission (RGD 13 Oct 2023 art. 1-2; Esch ROI art. 2-7): create it with its
 * members, add members, convene meetings, record deliberations and sign the minutes. The rules
 * are the domain's (checkComposition, checkConvocation, quorum, commissionOpinion, checkMinutes);
 * a rule broken is a user error naming the field and citing the rule.
 */
import { checkComposition, checkConvocation, checkMinutes, commissionOpinion, quorum, type Vote } from "@abordable/domain";
import type { CommissionRole } from "../../generated/prisma/enums.js";
import { builder } from "../../schema/builder.js";
import { runMutation } from "../../schema/mutation.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../../schema/user-errors.js";
import { asDate, checkId, checkText } from "../../schema/validate.js";
import type { Context } from "../../schema/context.js";
import { AttendanceStatusEnum, CommissionRoleEnum, OpinionEnum, VoteEnum } from "../types/enums.js";
import { CommissionMeetingRef, CommissionMemberRef, CommissionRef } from "../types/allocation.js";
import {
  candidateOfShortlist,
  commissionToChange,
  fileOfCommission,
  meetingToChange,
  membersOfCommission,
  namedLandlord,
  socialLandlord,
} from "../../access/policy.js";
import { domainCommission, iso, operatorRegime, ruleOf, todayIso, type CommissionMemberRow } from "../adapters/common.js";

const MUTATE = { landlord: true, ministryAdmin: true } as const;

function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}
function abort(field: string, code: UserError["code"], message: string, rule?: string): never {
  const p = new Problems();
  p.add(field, code, message, rule);
  fail(p);
}

// ───────────── inputs and payloads ─────────────

const MemberSpec = builder.inputType("CommissionMemberSpecInput", {
  description: "A member of a new commission.",
  fields: (t) => ({
    name: t.string({ required: true, description: "Name (at most 200 characters)." }),
    role: t.field({ type: CommissionRoleEnum, required: true, description: "Role (exactly one CHAIR among the full members)." }),
    isVotingMember: t.boolean({ required: false, description: "Votes (default true; false for a secretary chosen outside the members)." }),
    alternateForIndex: t.int({ required: false, description: "An alternate (suppléant): the position in this list of the full member replaced." }),
    termStartsOn: t.field({ type: "Date", required: true, description: "Start of the term." }),
    termEndsOn: t.field({ type: "Date", required: true, description: "End of the term (at most five years, RGD art. 1)." }),
    holdsPoliticalOffice: t.boolean({ required: false, description: "Holds a political office in the municipality (Esch ROI art. 2: not allowed)." }),
  }),
});

const CreateCommissionInput = builder.inputType("CreateCommissionInput", {
  description: "A landlord's advisory commission with its members (at least three full members, RGD art. 1).",
  fields: (t) => ({
    landlordId: t.id({ required: false, description: "Landlord (ministry administrators only; a landlord creates its own)." }),
    name: t.string({ required: true, description: "Name (at most 200 characters)." }),
    members: t.field({ type: [MemberSpec], required: true, description: "Members, alternates and the secretary." }),
  }),
});

const AddMemberInput = builder.inputType("AddCommissionMemberInput", {
  description: "A new member of a commission.",
  fields: (t) => ({
    commissionId: t.id({ required: true, description: "The commission." }),
    name: t.string({ required: true, description: "Name (at most 200 characters)." }),
    role: t.field({ type: CommissionRoleEnum, required: true, description: "Role." }),
    isVotingMember: t.boolean({ required: false, description: "Votes (default true; false for a secretary chosen outside the members)." }),
    alternateForId: t.id({ required: false, description: "An alternate: the full member replaced." }),
    termStartsOn: t.field({ type: "Date", required: true, description: "Start of the term." }),
    termEndsOn: t.field({ type: "Date", required: true, description: "End of the term (at most five years)." }),
    holdsPoliticalOffice: t.boolean({ required: false, description: "Holds a political office in the municipality." }),
  }),
});

const ScheduleInput = builder.inputType("ScheduleCommissionMeetingInput", {
  description: "A meeting convened by the chair (Esch ROI art. 3: at least 5 days ahead with the agenda; agenda and papers at least 3 days ahead).",
  fields: (t) => ({
    commissionId: t.id({ required: true, description: "The commission." }),
    heldOn: t.field({ type: "Date", required: true, description: "Day of the meeting." }),
    convenedOn: t.field({ type: "Date", required: true, description: "Day the convocation was sent." }),
    papersSentOn: t.field({ type: "Date", required: false, description: "Day the agenda and papers were sent." }),
    agenda: t.string({ required: true, description: "Agenda (at most 2000 characters)." }),
  }),
});

const AttendanceInput = builder.inputType("MeetingAttendanceInput", {
  description: "A member's attendance.",
  fields: (t) => ({
    memberId: t.id({ required: true, description: "The member." }),
    status: t.field({ type: AttendanceStatusEnum, required: true, description: "Present, absent or excused." }),
  }),
});

const VoteInput = builder.inputType("CommissionVoteInput", {
  description: "A member's vote.",
  fields: (t) => ({
    memberId: t.id({ required: true, description: "The member voting." }),
    vote: t.field({ type: VoteEnum, required: true, description: "The vote." }),
  }),
});

const DeliberationInput = builder.inputType("RecordDeliberationInput", {
  description: "The commission's deliberation on a candidate of a file, at a meeting.",
  fields: (t) => ({
    meetingId: t.id({ required: true, description: "The meeting." }),
    allocationFileId: t.id({ required: true, description: "The file (of the commission's landlord)." }),
    candidateId: t.id({ required: true, description: "The candidate deliberated on (on the file's shortlist)." }),
    attendance: t.field({
      type: [AttendanceInput],
      required: false,
      description: "Attendance at the meeting (replaces what was recorded); default: as recorded.",
    }),
    votes: t.field({ type: [VoteInput], required: true, description: "The votes (secret: never read back)." }),
    reasons: t.string({ required: true, description: "The reasons (argumentaire) of the opinion (at most 4000 characters)." }),
  }),
});

const SignInput = builder.inputType("SignMinutesInput", {
  description: "The minutes of a meeting, signed by the chair and countersigned by the secretary (Esch ROI art. 7).",
  fields: (t) => ({
    meetingId: t.id({ required: true, description: "The meeting." }),
    signedByChairOn: t.field({ type: "Date", required: true, description: "Day the chair signed." }),
    countersignedBySecretaryOn: t.field({ type: "Date", required: true, description: "Day the secretary countersigned." }),
  }),
});

type CommissionRow = NonNullable<Awaited<ReturnType<Context["prisma"]["commission"]["findUnique"]>>>;
type MemberRowDb = NonNullable<Awaited<ReturnType<Context["prisma"]["commissionMember"]["findUnique"]>>>;
type MeetingRow = NonNullable<Awaited<ReturnType<Context["prisma"]["commissionMeeting"]["findUnique"]>>>;

const CommissionPayload = builder
  .objectRef<{ commission: CommissionRow | null; member: MemberRowDb | null; userErrors: UserError[] }>("CommissionPayload")
  .implement({
    description: "Result of a change to a commission.",
    fields: (t) => ({
      commission: t.field({
        type: CommissionRef,
        nullable: true,
        description: "The commission as changed; null when there are user errors.",
        resolve: (p) => p.commission,
      }),
      member: t.field({ type: CommissionMemberRef, nullable: true, description: "The member added (addCommissionMember).", resolve: (p) => p.member }),
      userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
    }),
  });

const MeetingPayload = builder.objectRef<{ meeting: MeetingRow | null; userErrors: UserError[] }>("CommissionMeetingPayload").implement({
  description: "Result of a change to a commission meeting.",
  fields: (t) => ({
    meeting: t.field({
      type: CommissionMeetingRef,
      nullable: true,
      description: "The meeting as changed; null when there are user errors.",
      resolve: (p) => p.meeting,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

interface Outcome {
  opinion: "FAVOURABLE" | "UNFAVOURABLE";
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  tieBrokenByChair: boolean;
  sitting: number;
  members: number;
}

const OutcomeRef = builder.objectRef<Outcome>("DeliberationOutcome").implement({
  description:
    "The opinion adopted, as the secretary's receipt of the deliberation just recorded (RGD art. 2; Esch ROI art. 5). Deliberations and votes are secret afterwards.",
  fields: (t) => ({
    opinion: t.field({ type: OpinionEnum, description: "The opinion: by a majority of the votes cast, the chair deciding a tie.", resolve: (o) => o.opinion }),
    votesFor: t.exposeInt("votesFor", { description: "Votes for." }),
    votesAgainst: t.exposeInt("votesAgainst", { description: "Votes against." }),
    abstentions: t.exposeInt("abstentions", { description: "Abstentions (not votes cast)." }),
    tieBrokenByChair: t.exposeBoolean("tieBrokenByChair", { description: "A tie decided by the chair's vote." }),
    sitting: t.exposeInt("sitting", { description: "Full members sitting (present, or replaced by their alternate)." }),
    members: t.exposeInt("members", { description: "Full members of the commission." }),
  }),
});

const DeliberationPayload = builder
  .objectRef<{ outcome: Outcome | null; meeting: MeetingRow | null; userErrors: UserError[] }>("RecordDeliberationPayload")
  .implement({
    description: "Result of recordDeliberation.",
    fields: (t) => ({
      outcome: t.field({ type: OutcomeRef, nullable: true, description: "The opinion adopted; null when there are user errors.", resolve: (p) => p.outcome }),
      meeting: t.field({ type: CommissionMeetingRef, nullable: true, description: "The meeting.", resolve: (p) => p.meeting }),
      userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
    }),
  });

// ───────────── helpers ─────────────

const RULE_FIELD: Record<string, string> = { MIN_FULL_MEMBERS: "members", CHAIR: "members", SECRETARY: "members" };

function checkDates(p: Problems, field: string, start: string, end: string): void {
  if (end <= start) p.add(`${field}termEndsOn`, "OUT_OF_RANGE", "The term ends before it starts", "RGD 13 Oct 2023 art. 1");
}

// ───────────── mutations ─────────────

builder.mutationField("createCommission", (t) =>
  t.field({
    type: CommissionPayload,
    description:
      "Creates a landlord's advisory commission with its members; the composition is checked (RGD art. 1; Esch ROI art. 2: at least three full members, one chair among them, one alternate per member at most, terms of at most five years, no political office in the municipality).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: CreateCommissionInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "createCommission", async (tx) => {
        const p = new Problems();
        const name = checkText(p, "name", input.name, { max: 200, required: true });
        const landlordId = namedLandlord(ctx.viewer, p, "landlordId", input.landlordId);
        if (input.members.length > 50) p.add("members", "OUT_OF_RANGE", "At most 50 members");
        input.members.forEach((m, i) => {
          checkText(p, `members.${i}.name`, m.name, { max: 200, required: true });
          checkDates(p, `members.${i}.`, m.termStartsOn, m.termEndsOn);
          if (m.alternateForIndex != null && (m.alternateForIndex < 0 || m.alternateForIndex >= input.members.length || m.alternateForIndex === i))
            p.add(`members.${i}.alternateForIndex`, "OUT_OF_RANGE", "Must be the position of another member of the list");
        });
        if (p.any) fail(p);
        // A commission is named by a social landlord (RGD 13 Oct 2023 art. 1; law art. 38).
        if (!(await socialLandlord(tx, p, "landlordId", landlordId))) fail(p);
        const rows: CommissionMemberRow[] = input.members.map((m, i) => ({
          id: `member-${i}`,
          role: m.role,
          isVotingMember: m.isVotingMember ?? true,
          alternateForId: m.alternateForIndex != null ? `member-${m.alternateForIndex}` : null,
          termStartsOn: asDate(m.termStartsOn),
          termEndsOn: asDate(m.termEndsOn),
          holdsPoliticalOffice: m.holdsPoliticalOffice ?? false,
        }));
        const check = checkComposition(domainCommission(landlordId, rows), todayIso(), operatorRegime(ctx));
        for (const f of check.failures) {
          const index = /member-(\d+)/.exec(f.reason)?.[1];
          p.add(
            index !== undefined && !RULE_FIELD[f.rule] ? `members.${index}` : "members",
            "RULE_VIOLATION",
            f.reason.replace(/member-(\d+)/g, (_m, i: string) => `members[${i}] (${input.members[Number(i)]!.name})`),
            ruleOf(f.citation),
          );
        }
        if (p.any) fail(p);
        const commission = await tx.commission.create({ data: { landlordId, name: name! } });
        const ids: string[] = [];
        // Full members first, so that alternates point at rows already written.
        const order = input.members
          .map((m, i) => [m, i] as const)
          .sort((a, b) => Number(a[0].alternateForIndex != null) - Number(b[0].alternateForIndex != null));
        for (const [m, i] of order) {
          const row = await tx.commissionMember.create({
            data: {
              commissionId: commission.id,
              name: m.name.trim(),
              role: m.role as CommissionRole,
              isVotingMember: m.isVotingMember ?? true,
              alternateForId: m.alternateForIndex != null ? ids[m.alternateForIndex] : null,
              termStartsOn: asDate(m.termStartsOn),
              termEndsOn: asDate(m.termEndsOn),
              holdsPoliticalOffice: m.holdsPoliticalOffice ?? false,
            },
          });
          ids[i] = row.id;
        }
        return { result: commission, entityType: "Commission", entityId: commission.id, before: null, after: { ...commission, members: input.members.length } };
      });
      return { commission: out.result, member: null, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("addCommissionMember", (t) =>
  t.field({
    type: CommissionPayload,
    description: "Adds a member (or an alternate, or the secretary) to a commission; refused when the composition would break RGD art. 1 or Esch ROI art. 2.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: AddMemberInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "addCommissionMember", async (tx) => {
        const p = new Problems();
        checkText(p, "name", input.name, { max: 200, required: true });
        checkDates(p, "", input.termStartsOn, input.termEndsOn);
        if (p.any) fail(p);
        const c = await commissionToChange(tx, ctx, "commissionId", input.commissionId);
        const [alternateForId] = membersOfCommission(p, c, [{ field: "alternateForId", globalId: input.alternateForId }]);
        if (p.any) fail(p);
        const newRow: CommissionMemberRow = {
          id: "new-member",
          role: input.role,
          isVotingMember: input.isVotingMember ?? true,
          alternateForId: alternateForId ?? null,
          termStartsOn: asDate(input.termStartsOn),
          termEndsOn: asDate(input.termEndsOn),
          holdsPoliticalOffice: input.holdsPoliticalOffice ?? false,
        };
        const regime = operatorRegime(ctx);
        const before = new Set(checkComposition(domainCommission(c.landlordId, c.members), todayIso(), regime).failures.map((f) => `${f.rule}|${f.reason}`));
        const after = checkComposition(domainCommission(c.landlordId, [...c.members, newRow]), todayIso(), regime).failures.filter(
          (f) => !before.has(`${f.rule}|${f.reason}`),
        );
        for (const f of after)
          p.add(
            f.rule === "ALTERNATE" ? "alternateForId" : f.rule === "TERM" ? "termEndsOn" : f.rule === "POLITICAL_OFFICE" ? "holdsPoliticalOffice" : "role",
            "RULE_VIOLATION",
            f.reason.replace("new-member", input.name.trim()),
            ruleOf(f.citation),
          );
        if (p.any) fail(p);
        const member = await tx.commissionMember.create({
          data: {
            commissionId: c.id,
            name: input.name.trim(),
            role: input.role,
            isVotingMember: newRow.isVotingMember,
            alternateForId: newRow.alternateForId,
            termStartsOn: newRow.termStartsOn,
            termEndsOn: newRow.termEndsOn,
            holdsPoliticalOffice: newRow.holdsPoliticalOffice,
          },
        });
        const { members: _m, ...commission } = c;
        return { result: { commission, member }, entityType: "CommissionMember", entityId: member.id, before: null, after: member };
      });
      return { commission: out.result?.commission ?? null, member: out.result?.member ?? null, userErrors: out.userErrors };
    },
  }),
);

const CONVOCATION_FIELD: Record<string, string> = { NOTICE: "convenedOn", AGENDA: "agenda", PAPERS: "papersSentOn" };

builder.mutationField("scheduleCommissionMeeting", (t) =>
  t.field({
    type: MeetingPayload,
    description:
      "Records the convocation of a commission meeting; refused unless convened at least 5 days ahead with the agenda and the papers sent at least 3 days ahead (Esch ROI art. 3).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: ScheduleInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "scheduleCommissionMeeting", async (tx) => {
        const p = new Problems();
        const agenda = checkText(p, "agenda", input.agenda, { max: 2000 });
        if (input.convenedOn > input.heldOn) p.add("convenedOn", "OUT_OF_RANGE", "The convocation cannot follow the meeting");
        const c = await commissionToChange(tx, ctx, "commissionId", input.commissionId);
        const check = checkConvocation(
          domainCommission(c.landlordId, c.members, input.heldOn),
          {
            meetingDate: input.heldOn,
            convokedOn: input.convenedOn,
            agendaIncluded: Boolean(agenda),
            ...(input.papersSentOn ? { papersSentOn: input.papersSentOn } : {}),
          },
          operatorRegime(ctx),
        );
        for (const f of check.failures) p.add(CONVOCATION_FIELD[f.rule] ?? "heldOn", "RULE_VIOLATION", f.reason, ruleOf(f.citation));
        if (p.any) fail(p);
        const meeting = await tx.commissionMeeting.create({
          data: {
            commissionId: c.id,
            heldOn: asDate(input.heldOn),
            convenedOn: asDate(input.convenedOn),
            papersSentOn: input.papersSentOn ? asDate(input.papersSentOn) : null,
            agenda: agenda!,
          },
        });
        return { result: meeting, entityType: "CommissionMeeting", entityId: meeting.id, before: null, after: meeting };
      });
      return { meeting: out.result, userErrors: out.userErrors };
    },
  }),
);

const OPINION_FIELD: Record<string, string> = { QUORUM: "attendance", TIE: "votes", VOTE: "votes", SECRETARY_VOTE: "votes" };

builder.mutationField("recordDeliberation", (t) =>
  t.field({
    type: DeliberationPayload,
    description:
      "Records the commission's deliberation on a candidate of a file: valid only with a quorum (a majority of the full members sitting); the opinion is adopted by a majority of the votes cast, the chair deciding a tie (RGD art. 2 al. 1; Esch ROI art. 5). Deliberations and votes are secret (art. 6): the payload is the secretary's receipt.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: DeliberationInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordDeliberation", async (tx) => {
        const p = new Problems();
        const reasons = checkText(p, "reasons", input.reasons, { max: 4000, required: true });
        const fileId = checkId(p, "allocationFileId", input.allocationFileId, "AllocationFile");
        checkId(p, "candidateId", input.candidateId, "Candidate");
        if (p.any) fail(p);
        const meeting = await meetingToChange(tx, ctx, "meetingId", input.meetingId);
        if (meeting.signedByChairOn)
          abort("meetingId", "INVALID_STATE", "The minutes of this meeting are signed: no deliberation can be added", "Esch ROI art. 7");
        const attendanceIds = membersOfCommission(
          p,
          meeting.commission,
          (input.attendance ?? []).map((a, i) => ({ field: `attendance.${i}.memberId`, globalId: a.memberId })),
        );
        const voterIds = membersOfCommission(
          p,
          meeting.commission,
          input.votes.map((v, i) => ({ field: `votes.${i}.memberId`, globalId: v.memberId })),
        );
        const attendance = (input.attendance ?? []).map((a, i) => ({ id: attendanceIds[i], status: a.status }));
        const votes = input.votes.map((v, i) => ({ id: voterIds[i], vote: v.vote }));
        const file = await fileOfCommission(tx, p, "allocationFileId", fileId, meeting.commission.landlordId);
        if (p.any) fail(p);
        const entry = await candidateOfShortlist(tx, p, "candidateId", input.candidateId, file!, "DELIBERATE_ON");
        if (input.attendance) {
          await tx.meetingAttendance.deleteMany({ where: { meetingId: meeting.id } });
          await tx.meetingAttendance.createMany({ data: attendance.map((a) => ({ meetingId: meeting.id, memberId: a.id!, status: a.status })) });
        }
        const present = input.attendance
          ? attendance.filter((a) => a.status === "PRESENT").map((a) => a.id!)
          : meeting.attendances.filter((a) => a.status === "PRESENT").map((a) => a.memberId);
        const c = domainCommission(meeting.commission.landlordId, meeting.commission.members, iso(meeting.heldOn));
        const result = commissionOpinion(
          c,
          present,
          votes.map((v): Vote => ({ voterId: v.id!, vote: v.vote })),
        );
        const q = quorum(c, present);
        for (const f of result.failures) p.add(OPINION_FIELD[f.rule] ?? "votes", "RULE_VIOLATION", f.reason, ruleOf(f.citation));
        if (p.any) fail(p);
        const d = await tx.deliberation.create({
          data: {
            meetingId: meeting.id,
            allocationFileId: file!.id,
            applicationId: entry.applicationId,
            opinion: result.opinion,
            votesFor: result.for,
            votesAgainst: result.against,
            abstentions: result.abstentions,
            chairCastingVote: result.tieBrokenByChair,
            reasons: reasons!,
          },
        });
        const outcome: Outcome = {
          opinion: result.opinion as Outcome["opinion"],
          votesFor: result.for,
          votesAgainst: result.against,
          abstentions: result.abstentions,
          tieBrokenByChair: result.tieBrokenByChair,
          sitting: q.sitting,
          members: q.members,
        };
        const { commission: _c, attendances: _a, deliberations: _d, ...meetingRow } = meeting;
        // The audit keeps the fact of the deliberation, not its content (secret, Esch ROI art. 6).
        return {
          result: { outcome, meeting: meetingRow },
          entityType: "Deliberation",
          entityId: d.id,
          before: null,
          after: { meetingId: meeting.id, allocationFileId: file!.id },
        };
      });
      return { outcome: out.result?.outcome ?? null, meeting: out.result?.meeting ?? null, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("signMinutes", (t) =>
  t.field({
    type: MeetingPayload,
    description:
      "Signs the minutes of a meeting (chair) and countersigns them (secretary); refused unless they list every member present, absent or excused and every resolution with its reasons (Esch ROI art. 7).",
    authScopes: MUTATE,
    args: { input: t.arg({ type: SignInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "signMinutes", async (tx) => {
        const p = new Problems();
        const meeting = await meetingToChange(tx, ctx, "meetingId", input.meetingId);
        const held = iso(meeting.heldOn);
        if (meeting.signedByChairOn) abort("meetingId", "INVALID_STATE", "The minutes are already signed");
        if (input.signedByChairOn < held) p.add("signedByChairOn", "OUT_OF_RANGE", `The minutes cannot be signed before the meeting (${held})`);
        if (input.countersignedBySecretaryOn < input.signedByChairOn)
          p.add("countersignedBySecretaryOn", "OUT_OF_RANGE", "The secretary countersigns after the chair signs", "Esch ROI art. 7");
        const c = domainCommission(meeting.commission.landlordId, meeting.commission.members, held);
        if (!c.secretary)
          p.add("countersignedBySecretaryOn", "RULE_VIOLATION", "The commission has no secretary to countersign the minutes", "Esch ROI art. 2, 7");
        const by = (s: string) => meeting.attendances.filter((a) => a.status === s).map((a) => a.memberId);
        const minutes = {
          present: by("PRESENT"),
          absent: by("ABSENT"),
          excused: by("EXCUSED"),
          resolutions: meeting.deliberations.map((d) => ({
            subject: `allocation file ${d.allocationFileId}, application ${d.applicationId}`,
            text: `${d.opinion} opinion`,
            reasons: d.reasons,
          })),
          signedByChair: true,
          countersignedBySecretary: Boolean(c.secretary),
        };
        for (const f of checkMinutes(c, minutes).failures) p.add("meetingId", "RULE_VIOLATION", f.reason, ruleOf(f.citation));
        if (p.any) fail(p);
        const after = await tx.commissionMeeting.update({
          where: { id: meeting.id },
          data: { minutes, signedByChairOn: asDate(input.signedByChairOn), countersignedBySecretaryOn: asDate(input.countersignedBySecretaryOn) },
        });
        return {
          result: after,
          entityType: "CommissionMeeting",
          entityId: after.id,
          before: { signedByChairOn: null },
          after: { signedByChairOn: input.signedByChairOn, countersignedBySecretaryOn: input.countersignedBySecretaryOn },
        };
      });
      return { meeting: out.result, userErrors: out.userErrors };
    },
  }),
);
