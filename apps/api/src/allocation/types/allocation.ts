/**
 * GraphQL types of the allocation capability: allocation files (with their ranked candidates,
 * events, offers and the deliberations the secrecy rule lets out), methodologies, commissions,
 * members and meetings. Every row is re-checked against the caller's organisation.
 */
import { deliberationVisibility, type Methodology } from "@abordable/domain";
import { builder } from "../../schema/builder.js";
import { AllocationFileStatusEnum } from "../../schema/enums.js";
import { pageCost } from "../../schema/complexity.js";
import { allocationFileScope, owns } from "../../access/tenant.js";
import { CandidateRef } from "../../register/types/candidate.js";
import { AllocationOfferOutcomeEnum, AttendanceStatusEnum, CommissionRoleEnum, OpinionEnum, ShortlistGroupEnum } from "./enums.js";
import { commissionScope, methodologyScope, ownsLandlordRow } from "../adapters/scope.js";
import { eventTypeOf, methodologyFromConfig, ruleOf, type Breakdown } from "../adapters/common.js";
import { LegalReferenceRef, useInstead } from "../../schema/law.js";
import type { LegalReference } from "@abordable/domain";

// ───────────── allocation file ─────────────

export const AllocationFileRef = builder.prismaNode("AllocationFile", {
  description:
    "An allocation file (dossier d'attribution, law art. 53-59; Esch ROI art. 4, 9) of one vacant dwelling or accommodation unit of a landlord: its shortlist computed from the register under the landlord's methodology, the proposals, the commission's opinion, the offers and the allocation. Visible to its landlord and to the ministry.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [allocationFileScope(ctx.viewer)] }),
  authScopes: (f, ctx) => owns.allocationFile(ctx.viewer, f),
  fields: (t) => ({
    status: t.expose("status", { type: AllocationFileStatusEnum, description: "Stage of the file." }),
    openedOn: t.expose("openedOn", { type: "Date", description: "Day the vacancy was declared and the file opened." }),
    closedOn: t.expose("closedOn", { type: "Date", nullable: true, description: "Day of the lease signature (allocation), when allocated." }),
    freeChoice: t.exposeBoolean("freeChoice", { description: "Allocated under the landlord's free-choice quota (law art. 53 al. 3; bill art. 30)." }),
    decisionHash: t.exposeString("decisionHash", {
      nullable: true,
      description:
        "SHA-256 (hex) of the canonical JSON of the shortlist's decision record (every input, the methodology version, the regime, the parameters and the ranking); verifyShortlist recomputes it.",
    }),
    decisionRecordBytes: t.int({
      nullable: true,
      description: "Size in bytes of the stored (gzip-compressed) decision record.",
      select: { decisionRecord: true },
      resolve: (f) => (f.decisionRecord ? f.decisionRecord.length : null),
    }),
    landlord: t.relation("landlord", { description: "The social landlord (bailleur social) allocating." }),
    dwelling: t.relation("dwelling", { description: "The vacant dwelling (or the shared dwelling of the unit)." }),
    accommodationUnit: t.relation("accommodationUnit", {
      nullable: true,
      description: "The vacant accommodation unit, when the vacancy is a unit of a shared dwelling.",
    }),
    methodology: t.relation("methodology", {
      nullable: true,
      description: "The landlord's methodology (version) the shortlist was ranked with (art. 57; RGD art. 3).",
    }),
    selectedCandidate: t.field({
      type: CandidateRef,
      nullable: true,
      description:
        "The candidate currently proposed in the file, then selected (after a favourable opinion) and allocated; pseudonymised per the register's rules.",
      select: { selectedApplicationId: true },
      resolve: async (f, _a, ctx) =>
        f.selectedApplicationId ? ctx.prisma.candidate.findFirst({ where: { applications: { some: { id: f.selectedApplicationId } } } }) : null,
    }),
    events: t.relation("events", { description: "Transitions of the file, oldest first.", query: { orderBy: { id: "asc" } } }),
    offers: t.relation("offers", { description: "Housing offers made in this file, oldest first.", query: { orderBy: [{ offeredOn: "asc" }, { id: "asc" }] } }),
    candidates: t.relatedConnection("candidates", {
      description:
        "The shortlist kept in the file (the best-ranked candidates; the whole ranking is in the decision record), by rank, each with its score and the contribution of every criterion. Candidates' personal data is visible to the file's landlord (and to ministry administrators).",
      cursor: "allocationFileId_applicationId",
      complexity: pageCost,
      totalCount: true,
      query: () => ({ orderBy: [{ rank: "asc" }, { applicationId: "asc" }] }),
    }),
    deliberations: t.field({
      type: [DeliberationRef],
      description:
        "The commission's deliberations on this file that may leave the commission: only the one on the selected candidate, for this allocation, without the votes (RGD art. 2 al. 2; Esch ROI art. 6). API keys are never inside the commission (see the allocation README).",
      select: { deliberations: { include: { meeting: { select: { heldOn: true } } } } },
      resolve: (f) =>
        f.deliberations.filter(
          (d) =>
            deliberationVisibility(
              "ESCH_ROI",
              { meetingId: d.meetingId, vacancyId: d.allocationFileId, candidateId: d.applicationId, selected: d.isOnSelectedCandidate, text: d.reasons },
              { id: "api-key", role: "ALLOCATION_OFFICER", vacancyId: f.id },
            ).deliberation,
        ),
    }),
  }),
});

builder.prismaObject("AllocationFileEvent", {
  description: "A transition of an allocation file (audited).",
  fields: (t) => ({
    fromStatus: t.expose("fromStatus", { type: AllocationFileStatusEnum, description: "Stage before." }),
    toStatus: t.expose("toStatus", { type: AllocationFileStatusEnum, description: "Stage after." }),
    occurredOn: t.expose("occurredOn", { type: "Date", description: "Day of the step." }),
    event: t.string({
      description: "The step taken (SHORTLIST_ESTABLISHED, CANDIDATE_PROPOSED, …, LEASE_SIGNED, FREE_CHOICE_ALLOCATION).",
      select: { reason: true },
      resolve: (e) => eventTypeOf(e.reason),
    }),
    reason: t.exposeString("reason", { nullable: true, description: "What happened, in words (candidates named by their register pseudonym only)." }),
  }),
});

const CitationRef = builder.objectRef<Breakdown["contributions"][number]["citation"]>("AllocationCitation").implement({
  description: "Deprecated alias of LegalReference (every field returning it is deprecated): the legal source of a criterion or rule.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "The text: LAW_2023, BILL_8535, RGD_2023_10_13 or ESCH_ROI." }),
    article: t.exposeString("article", { description: "Article." }),
    rule: t.string({ description: 'Short citation, e.g. "law art. 57 §1 1°".', resolve: (c) => ruleOf(c) }),
    label: t.exposeString("label", { description: "What the provision says, in short." }),
  }),
});

/** A contribution with the candidate it is about: `detail` is masked by privacy/personal-data.ts (FIELD_CLASSES). */
type ContributionView = Breakdown["contributions"][number] & { candidateId: string };

const ContributionRef = builder.objectRef<ContributionView>("CriterionContribution").implement({
  description: "The points one criterion gave a candidate, under the landlord's methodology (the law sets no points: art. 57; RGD art. 3).",
  fields: (t) => ({
    criterion: t.exposeString("criterion", { description: "Criterion, e.g. ART57_1_1_TITLE, ART58_1_1_TYPOLOGY, ESCH_SENIORITY." }),
    points: t.exposeInt("points", { description: "Points given." }),
    detail: t.string({
      nullable: true,
      description: "The facts behind the points; null unless the caller may see the candidate's personal data.",
      resolve: (c) => c.detail ?? null,
    }),
    citation: t.field({ type: CitationRef, description: "Its legal source.", deprecationReason: useInstead("legalReference"), resolve: (c) => c.citation }),
    legalReference: t.field({
      type: LegalReferenceRef,
      description: "Its legal source (référence légale: law art. 57-58, RGD 13 October 2023 art. 3).",
      resolve: (c) => c.citation as LegalReference,
    }),
  }),
});

builder.prismaObject("AllocationFileCandidate", {
  name: "ShortlistEntry",
  description: "A candidate's place on a file's shortlist: rank, score and the contribution of every criterion (art. 57-58, 67 §3).",
  fields: (t) => ({
    rank: t.exposeInt("rank", {
      nullable: true,
      description: "Rank: 1 is proposed first (rehousing group first, then points, then seniority of registration, then ID).",
    }),
    score: t.field({ type: "Decimal", nullable: true, description: "Total points.", resolve: (e) => e.score }),
    group: t.field({
      type: ShortlistGroupEnum,
      nullable: true,
      description: "Rehousing (art. 67 §3) or new tenant.",
      resolve: (e) => (e.scoreBreakdown as Breakdown | null)?.group ?? null,
    }),
    socioEconomicPoints: t.int({
      nullable: true,
      description: "Points of the socio-economic criteria (art. 57 §1).",
      resolve: (e) => (e.scoreBreakdown as Breakdown | null)?.socioEconomicTotal ?? null,
    }),
    criteriaEvaluatedOn: t.field({
      type: "Date",
      nullable: true,
      description: "Date of the socio-economic evaluation used (art. 57 §3).",
      resolve: (e) => (e.scoreBreakdown as Breakdown | null)?.criteriaEvaluatedOn ?? null,
    }),
    criteriaFrozenUntil: t.field({
      type: "Date",
      nullable: true,
      description: "Criteria frozen until this day after two successive unjustified refusals (bill art. 57 §3 al. 2); null when not frozen.",
      resolve: (e) => (e.scoreBreakdown as Breakdown | null)?.criteriaFrozenUntil ?? null,
    }),
    proposedOn: t.field({
      type: "Date",
      nullable: true,
      description: "Day the candidate was proposed for this vacancy.",
      resolve: (e) => (e.scoreBreakdown as Breakdown | null)?.proposedOn ?? null,
    }),
    contributions: t.field({
      type: [ContributionRef],
      description: "Every criterion's contribution with its article (socio-economic, then dwelling criteria).",
      select: { application: { select: { candidateId: true } } },
      resolve: (e) => ((e.scoreBreakdown as Breakdown | null)?.contributions ?? []).map((c) => ({ ...c, candidateId: e.application.candidateId })),
    }),
    candidate: t.field({
      type: CandidateRef,
      description: "The candidate (personal data visible to the file's landlord; pseudonymised for others).",
      select: (_args, _ctx, nestedSelection) => ({ application: { select: { candidate: nestedSelection(true) } } }),
      resolve: (e) => e.application.candidate,
    }),
  }),
});

builder.prismaNode("AllocationOffer", {
  description:
    "A housing offer (promesse de logement) made to the selected candidate; the answer is reported to the register (art. 53) and two successive unjustified refusals freeze the criteria (bill art. 57 §3 al. 2).",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, allocationFile: allocationFileScope(ctx.viewer) }),
  fields: (t) => ({
    offeredOn: t.expose("offeredOn", { type: "Date", description: "Day of the offer." }),
    outcome: t.expose("outcome", { type: AllocationOfferOutcomeEnum, description: "The candidate's answer." }),
    respondedOn: t.expose("respondedOn", { type: "Date", nullable: true, description: "Day of the answer." }),
    reason: t.exposeString("reason", { nullable: true, description: "Justification given for a refusal." }),
    allocationFile: t.relation("allocationFile", { description: "The file." }),
  }),
});

export const DeliberationRef = builder.prismaObject("Deliberation", {
  name: "CommissionDeliberation",
  description:
    "A deliberation of the commission that may leave it: the one on the selected candidate (Esch ROI art. 6), without the votes, which stay secret (RGD art. 2 al. 2).",
  fields: (t) => ({
    opinion: t.field({ type: OpinionEnum, description: "The opinion adopted.", resolve: (d) => d.opinion as "FAVOURABLE" | "UNFAVOURABLE" }),
    reasons: t.exposeString("reasons", { description: "The reasons (argumentaire) recorded." }),
    heldOn: t.field({ type: "Date", description: "Day of the meeting.", select: { meeting: { select: { heldOn: true } } }, resolve: (d) => d.meeting.heldOn }),
    isOnSelectedCandidate: t.exposeBoolean("isOnSelectedCandidate", { description: "On the candidate selected for the vacancy." }),
  }),
});

// ───────────── methodology ─────────────

interface SummaryRow {
  criterion: string;
  article: string;
  when: string;
  points: number;
}

const MethodologyRowRef = builder.objectRef<SummaryRow>("MethodologyRule").implement({
  description: "One scoring rule of a methodology: a criterion, a condition and its points.",
  fields: (t) => ({
    criterion: t.exposeString("criterion", { description: "Criterion, e.g. ART57_1_1_TITLE." }),
    article: t.exposeString("article", { description: "Where the criterion comes from (the points are the landlord's, not the law's)." }),
    when: t.exposeString("when", { description: 'Condition, e.g. "title HOMELESS" or "months left ≤ 3".' }),
    points: t.exposeInt("points", { description: "Points given." }),
  }),
});

/** The typed rows of a methodology (art. 57 §1 1°-9°, art. 58 al. 1 1°-2°, Esch annex 1). */
export function summaryRows(m: Methodology): SummaryRow[] {
  const s = m.socioEconomic;
  const rows: SummaryRow[] = [];
  const add = (criterion: string, article: string, when: string, points: number) => rows.push({ criterion, article, when, points });
  for (const [k, v] of Object.entries(s.title)) add("ART57_1_1_TITLE", "law art. 57 §1 1°", `title ${k}`, v);
  for (const b of s.noticeMonthsLeft) add("ART57_1_2_NOTICE", "law art. 57 §1 2°", `months left ≤ ${b.max}`, b.points);
  for (const [k, v] of Object.entries(s.eviction)) add("ART57_1_3_EVICTION", "law art. 57 §1 3°", `eviction ${k}`, v);
  add("ART57_1_4_OCCUPATION", "law art. 57 §1 4°", `per missing bedroom (cap ${s.missingBedroomCap})`, s.missingBedroomPoints);
  for (const b of s.areaPerMemberM2) add("ART57_1_4_OCCUPATION", "law art. 57 §1 4°", `m² per member ≤ ${b.max}`, b.points);
  for (const [k, v] of Object.entries(s.insalubrity)) add("ART57_1_5_INSALUBRITY", "law art. 57 §1 5°", `insalubrity ${k}`, v);
  add("ART57_1_6_DISABILITY", "law art. 57 §1 6°", "current home unsuited to a disabled member", s.unsuitedForDisability);
  for (const b of s.effortRate) add("ART57_1_7_EFFORT_RATE", "law art. 57 §1 7°", `rent / income ≥ ${b.min}`, b.points);
  for (const b of s.incomeToCeiling) add("ART57_1_8_INCOME_LEVEL", "law art. 57 §1 8°", `income / annex II ceiling ≤ ${b.max}`, b.points);
  add("ART57_1_9_SINGLE_ADULT_WITH_CHILD", "bill 8535 art. 34 (art. 57 §1 9°)", "single adult with a dependent child", s.singleAdultWithChild);
  const ty = m.dwelling.typology;
  add("ART58_1_1_TYPOLOGY", "law art. 58 al. 1 1°", `exact fit (admissible: ${ty.admissible})`, ty.exactFitPoints);
  add("ART58_1_1_TYPOLOGY", "law art. 58 al. 1 1°", "larger, not under-occupied (art. 66)", ty.largerPoints);
  for (const b of m.dwelling.proximityKm) add("ART58_1_2_PROXIMITY", "law art. 58 al. 1 2°", `km ≤ ${b.max}`, b.points);
  add(
    "ESCH_WORKS_IN_VACANCY_MUNICIPALITY",
    "Esch ROI annex 1",
    "a member works in the vacancy's municipality, lives elsewhere",
    m.dwelling.worksInVacancyMunicipalityLivesElsewhere,
  );
  add("ESCH_SENIORITY", "Esch ROI annex 1", `per full year registered (cap ${m.seniority.cap})`, m.seniority.pointsPerFullYear);
  return rows;
}

const MethodologySummaryRef = builder.objectRef<Methodology>("MethodologySummary").implement({
  description: "A methodology's configuration in typed form.",
  fields: (t) => ({
    configId: t.exposeString("id", { description: "Identifier of the configuration (e.g. abordable-default-esch)." }),
    configVersion: t.exposeString("version", { description: "Version of the configuration, kept in every decision record." }),
    validFrom: t.field({ type: "Date", description: "First day the configuration applies.", resolve: (m) => m.validFrom }),
    description: t.exposeString("description", { description: "What the methodology is and where its points come from." }),
    rules: t.field({ type: [MethodologyRowRef], description: "Every scoring rule with its article.", resolve: (m) => summaryRows(m) }),
  }),
});

builder.prismaNode("AllocationMethodology", {
  description:
    "A landlord's written allocation methodology approved by the minister (law art. 57 §1; RGD 13 Oct 2023 art. 3): points per criterion, versioned. The law and the regulation set no weights.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [methodologyScope(ctx.viewer)] }),
  authScopes: (m, ctx) => ownsLandlordRow(ctx.viewer, m),
  fields: (t) => ({
    version: t.exposeInt("version", { description: "Version number (1, 2, …) within the landlord." }),
    approvedOn: t.expose("approvedOn", {
      type: "Date",
      nullable: true,
      description: "Day of the minister's approval; a shortlist uses the latest version approved on or before its date.",
    }),
    landlord: t.relation("landlord", { description: "The landlord." }),
    config: t.field({ type: "JSON", description: "The configuration as stored (the allocation engine's Methodology shape).", resolve: (m) => m.config }),
    summary: t.field({ type: MethodologySummaryRef, description: "The configuration in typed form.", resolve: (m) => methodologyFromConfig(m.config) }),
  }),
});

// ───────────── commission ─────────────

export const CommissionRef = builder.prismaNode("Commission", {
  description:
    "A landlord's advisory commission (commission consultative, RGD 13 Oct 2023 art. 1-2; Esch ROI art. 2-7), which gives its opinion before every allocation.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [commissionScope(ctx.viewer)] }),
  authScopes: (c, ctx) => ownsLandlordRow(ctx.viewer, c),
  fields: (t) => ({
    name: t.exposeString("name", { description: "Name." }),
    landlord: t.relation("landlord", { description: "The landlord." }),
    members: t.relation("members", { description: "Members, alternates and the secretary.", query: { orderBy: [{ role: "asc" }, { name: "asc" }] } }),
    meetings: t.relatedConnection("meetings", {
      description: "Meetings, latest first.",
      cursor: "id",
      complexity: pageCost,
      totalCount: true,
      query: () => ({ orderBy: [{ heldOn: "desc" }, { id: "asc" }] }),
    }),
  }),
});

export const CommissionMemberRef = builder.prismaNode("CommissionMember", {
  description: "A member of an advisory commission (term of at most five years, RGD art. 1).",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, commission: commissionScope(ctx.viewer) }),
  fields: (t) => ({
    name: t.exposeString("name", { description: "Name." }),
    role: t.expose("role", { type: CommissionRoleEnum, description: "Role." }),
    isVotingMember: t.exposeBoolean("isVotingMember", { description: "Votes (a secretary chosen outside the members does not, RGD art. 1)." }),
    alternateFor: t.relation("alternateFor", { nullable: true, description: "The full member this alternate (suppléant) replaces." }),
    termStartsOn: t.expose("termStartsOn", { type: "Date", description: "Start of the term." }),
    termEndsOn: t.expose("termEndsOn", { type: "Date", description: "End of the term (at most five years)." }),
    holdsPoliticalOffice: t.exposeBoolean("holdsPoliticalOffice", { description: "Holds a political office in the municipality (Esch ROI art. 2: excluded)." }),
  }),
});

builder.prismaObject("MeetingAttendance", {
  description: "Whether a member attended a meeting (Esch ROI art. 7).",
  fields: (t) => ({
    member: t.relation("member", { description: "The member." }),
    status: t.expose("status", { type: AttendanceStatusEnum, description: "Present, absent or excused." }),
  }),
});

export const CommissionMeetingRef = builder.prismaNode("CommissionMeeting", {
  description:
    "A meeting of a commission: convened at least 5 days ahead with the agenda, papers at least 3 days ahead (Esch ROI art. 3); minutes signed by the chair and countersigned by the secretary (art. 7). Deliberations are secret (art. 6).",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, commission: commissionScope(ctx.viewer) }),
  fields: (t) => ({
    heldOn: t.expose("heldOn", { type: "Date", description: "Day of the meeting." }),
    convenedOn: t.expose("convenedOn", { type: "Date", description: "Day of the convocation." }),
    papersSentOn: t.expose("papersSentOn", { type: "Date", nullable: true, description: "Day the agenda and papers were sent." }),
    agenda: t.exposeString("agenda", { description: "Agenda." }),
    commission: t.relation("commission", { description: "The commission." }),
    attendance: t.relation("attendances", { description: "Who was present, absent or excused." }),
    signedByChairOn: t.expose("signedByChairOn", { type: "Date", nullable: true, description: "Day the chair signed the minutes." }),
    countersignedBySecretaryOn: t.expose("countersignedBySecretaryOn", {
      type: "Date",
      nullable: true,
      description: "Day the secretary countersigned the minutes.",
    }),
    deliberationCount: t.int({
      description: "Number of deliberations recorded (their content is secret).",
      select: { _count: { select: { deliberations: true } } },
      resolve: (m) => m._count.deliberations,
    }),
  }),
});
