/**
 * Advisory commission — RGD 13 Oct 2023 art. 1-2; Esch ROI art. 2-7.
 * Composition (RGD art. 1; Esch art. 2): at least three full (voting) members, an alternate per full
 * member at most, terms of at most five years, a chair designated among the full members; a
 * secretary chosen outside the members neither discusses nor votes; Esch: no member holds a
 * political office in the municipality.
 * Convocation (Esch art. 3): at least 5 days before, with the agenda; agenda and papers at least
 * 3 days before. Quorum (RGD art. 2; Esch art. 5): a majority of the members present. Opinion: a
 * majority of the votes cast; the chair's vote decides a tie. Minutes (Esch art. 7): present,
 * absent and excused members, resolutions with their reasons, signed by the chair, countersigned
 * by the secretary. Secrecy (RGD art. 2 al. 2; Esch art. 6): deliberations and votes are secret;
 * Esch: only the deliberations on the selected candidate may be disclosed, for that allocation.
 */
import { addDays } from "../parameters/dates.js";
import type { IsoDate, RegimeOptions } from "../parameters/types.js";
import { cite, type Citation, lawReader } from "./law.js";
import { addYears } from "../law/calendar.js";

export type CommissionRules = "RGD" | "ESCH_ROI";

export interface CommissionMember {
  readonly id: string;
  /** Full member (« membre effectif », votes) or alternate (« suppléant »). */
  readonly kind: "FULL" | "ALTERNATE";
  /** ALTERNATE: the full member replaced. */
  readonly alternateFor?: string;
  readonly chair?: boolean;
  readonly termStart: IsoDate;
  readonly termEnd: IsoDate;
  readonly politicalOfficeInMunicipality?: boolean;
}

export interface Commission {
  readonly landlordId: string;
  readonly rules: CommissionRules;
  readonly members: readonly CommissionMember[];
  /** The administrative secretary; `memberId` set when chosen among the members. */
  readonly secretary?: { readonly id: string; readonly memberId?: string };
}

export interface RuleFailure {
  readonly rule: string;
  readonly reason: string;
  readonly citation: Citation;
}

const RGD1 = (alinea: string, label: string) => cite("RGD_2023_10_13", "1", label, { alinea });
const RGD2 = (alinea: string, label: string) => cite("RGD_2023_10_13", "2", label, { alinea });
const ESCH = (article: string, label: string) => cite("ESCH_ROI", article, label);

/** RGD art. 1 (and Esch art. 2): composition checks on `asOf`. */
export function checkComposition(c: Commission, asOf: IsoDate, options: RegimeOptions): { ok: boolean; failures: RuleFailure[] } {
  const law = lawReader(options);
  const failures: RuleFailure[] = [];
  const full = c.members.filter((m) => m.kind === "FULL");
  const min = law.integer("commission.minVotingMembers", asOf);
  if (full.length < min)
    failures.push({
      rule: "MIN_FULL_MEMBERS",
      reason: `${full.length} full member(s), at least ${min} required`,
      citation: RGD1("1", "at least three full members"),
    });
  const maxYears = law.integer("commission.maxTermYears", asOf);
  for (const m of c.members) {
    if (m.termEnd <= m.termStart)
      failures.push({ rule: "TERM", reason: `member ${m.id}: term ends before it starts`, citation: RGD1("3", "terms of at most five years") });
    else if (m.termEnd > addYears(m.termStart, maxYears))
      failures.push({
        rule: "TERM",
        reason: `member ${m.id}: term ${m.termStart} → ${m.termEnd} exceeds ${maxYears} years`,
        citation: RGD1("3", "terms of at most five years"),
      });
  }
  const chairs = c.members.filter((m) => m.chair);
  if (chairs.length !== 1 || chairs[0]!.kind !== "FULL")
    failures.push({
      rule: "CHAIR",
      reason: `exactly one chair designated among the full members (found ${chairs.length}${chairs.some((x) => x.kind !== "FULL") ? ", not a full member" : ""})`,
      citation: RGD1("3", "the landlord designates a chair among the full members"),
    });
  const alternatesOf = new Map<string, number>();
  for (const m of c.members.filter((x) => x.kind === "ALTERNATE")) {
    if (!m.alternateFor || !full.some((f) => f.id === m.alternateFor))
      failures.push({ rule: "ALTERNATE", reason: `alternate ${m.id} must replace a full member`, citation: RGD1("2", "one alternate per full member") });
    else alternatesOf.set(m.alternateFor, (alternatesOf.get(m.alternateFor) ?? 0) + 1);
  }
  for (const [id, n] of alternatesOf)
    if (n > 1)
      failures.push({ rule: "ALTERNATE", reason: `full member ${id} has ${n} alternates (at most one)`, citation: RGD1("2", "one alternate per full member") });
  if (c.secretary?.memberId !== undefined && !c.members.some((m) => m.id === c.secretary!.memberId))
    failures.push({
      rule: "SECRETARY",
      reason: `secretary ${c.secretary.id} is declared a member but ${c.secretary.memberId} is not one`,
      citation: RGD1("4", "administrative secretary"),
    });
  if (c.rules === "ESCH_ROI")
    for (const m of c.members.filter((x) => x.politicalOfficeInMunicipality))
      failures.push({
        rule: "POLITICAL_OFFICE",
        reason: `member ${m.id} holds a political office in the municipality`,
        citation: ESCH("2", "no member with a political office in the municipality"),
      });
  return { ok: failures.length === 0, failures };
}

export interface Convocation {
  readonly meetingDate: IsoDate;
  readonly convokedOn: IsoDate;
  readonly agendaIncluded: boolean;
  /** Agenda and papers e-mailed to every member. */
  readonly papersSentOn?: IsoDate;
}

/** Esch ROI art. 3: a convocation is accepted only with the notice, the agenda and the papers in time. */
export function checkConvocation(c: Commission, conv: Convocation, options: RegimeOptions): { accepted: boolean; failures: RuleFailure[] } {
  if (c.rules !== "ESCH_ROI") return { accepted: true, failures: [] };
  const law = lawReader(options);
  const failures: RuleFailure[] = [];
  const notice = law.integer("commission.esch.noticeDays", conv.meetingDate);
  const papers = law.integer("commission.esch.papersDays", conv.meetingDate);
  const latestConvocation = addDays(conv.meetingDate, -notice);
  if (conv.convokedOn > latestConvocation)
    failures.push({
      rule: "NOTICE",
      reason: `convened on ${conv.convokedOn} for ${conv.meetingDate}: at least ${notice} days required (by ${latestConvocation})`,
      citation: ESCH("3", "convened at least 5 days before the meeting"),
    });
  if (!conv.agendaIncluded)
    failures.push({ rule: "AGENDA", reason: "the convocation must state the agenda", citation: ESCH("3", "the convocation states the agenda") });
  const latestPapers = addDays(conv.meetingDate, -papers);
  if (conv.papersSentOn === undefined || conv.papersSentOn > latestPapers)
    failures.push({
      rule: "PAPERS",
      reason: `agenda and papers ${conv.papersSentOn ? `sent on ${conv.papersSentOn}` : "not sent"}: at least ${papers} days before (by ${latestPapers})`,
      citation: ESCH("3", "agenda and papers at least 3 days before"),
    });
  return { accepted: failures.length === 0, failures };
}

/** Who sits at a meeting: full members present, and alternates present in place of an absent full member. */
export function sittingVoters(c: Commission, presentIds: readonly string[]): string[] {
  const present = new Set(presentIds);
  const out: string[] = [];
  for (const f of c.members.filter((m) => m.kind === "FULL")) {
    if (present.has(f.id)) out.push(f.id);
    else {
      const alt = c.members.find((m) => m.kind === "ALTERNATE" && m.alternateFor === f.id && present.has(m.id));
      if (alt) out.push(alt.id);
    }
  }
  return out;
}

/** RGD art. 2 al. 1: the commission deliberates validly only if a majority of its members is present. */
export function quorum(c: Commission, presentIds: readonly string[]): { reached: boolean; sitting: number; members: number; citation: Citation } {
  const members = c.members.filter((m) => m.kind === "FULL").length;
  const sitting = sittingVoters(c, presentIds).length;
  return { reached: sitting * 2 > members, sitting, members, citation: RGD2("1", "a majority of the members present") };
}

export interface Vote {
  readonly voterId: string;
  readonly vote: "FOR" | "AGAINST" | "ABSTAIN";
}

export interface OpinionResult {
  readonly valid: boolean;
  readonly opinion: "FAVOURABLE" | "UNFAVOURABLE" | "NONE";
  readonly for: number;
  readonly against: number;
  readonly abstentions: number;
  readonly tieBrokenByChair: boolean;
  readonly failures: readonly RuleFailure[];
}

/** RGD art. 2 al. 1 / Esch art. 5: opinion by a majority of the votes cast; the chair's vote decides a tie. */
export function commissionOpinion(c: Commission, presentIds: readonly string[], votes: readonly Vote[]): OpinionResult {
  const failures: RuleFailure[] = [];
  const q = quorum(c, presentIds);
  if (!q.reached) failures.push({ rule: "QUORUM", reason: `${q.sitting} of ${q.members} members sitting: no majority present`, citation: q.citation });
  const voters = new Set(sittingVoters(c, presentIds));
  const seen = new Set<string>();
  for (const v of votes) {
    if (seen.has(v.voterId)) failures.push({ rule: "VOTE", reason: `${v.voterId} voted twice`, citation: RGD2("1", "opinions by a majority of votes cast") });
    seen.add(v.voterId);
    if (c.secretary && v.voterId === c.secretary.id && c.secretary.memberId === undefined)
      failures.push({
        rule: "SECRETARY_VOTE",
        reason: `the secretary ${v.voterId} is not a member and may neither discuss nor vote`,
        citation: RGD1("4", "a secretary chosen outside the members does not vote"),
      });
    else if (!voters.has(v.voterId))
      failures.push({
        rule: "VOTE",
        reason: `${v.voterId} is not a sitting member of the commission`,
        citation: RGD2("1", "opinions by a majority of votes cast"),
      });
  }
  const counted = votes.filter((v) => voters.has(v.voterId));
  const pro = counted.filter((v) => v.vote === "FOR").length;
  const con = counted.filter((v) => v.vote === "AGAINST").length;
  const abst = counted.filter((v) => v.vote === "ABSTAIN").length;
  let opinion: OpinionResult["opinion"] = pro > con ? "FAVOURABLE" : con > pro ? "UNFAVOURABLE" : "NONE";
  let tie = false;
  if (pro === con && pro > 0) {
    const chair = c.members.find((m) => m.chair);
    const chairVote = counted.find((v) => v.voterId === chair?.id);
    if (chairVote && chairVote.vote !== "ABSTAIN") {
      opinion = chairVote.vote === "FOR" ? "FAVOURABLE" : "UNFAVOURABLE";
      tie = true;
    } else failures.push({ rule: "TIE", reason: "tie and the chair cast no vote: no opinion adopted", citation: RGD2("1", "the chair's vote decides a tie") });
  }
  if (pro === 0 && con === 0) failures.push({ rule: "VOTE", reason: "no vote cast", citation: RGD2("1", "opinions by a majority of votes cast") });
  const valid = failures.length === 0;
  return { valid, opinion: valid ? opinion : "NONE", for: pro, against: con, abstentions: abst, tieBrokenByChair: tie, failures };
}

export interface Minutes {
  readonly present: readonly string[];
  readonly absent: readonly string[];
  readonly excused: readonly string[];
  readonly resolutions: readonly { readonly subject: string; readonly text: string; readonly reasons: string }[];
  readonly signedByChair: boolean;
  readonly countersignedBySecretary: boolean;
}

/** Esch ROI art. 7: content of the minutes. */
export function checkMinutes(c: Commission, m: Minutes): { ok: boolean; failures: RuleFailure[] } {
  const failures: RuleFailure[] = [];
  const cit = ESCH("7", "minutes: present, absent and excused members, resolutions with reasons, signed by the chair, countersigned by the secretary");
  const listed = [...m.present, ...m.absent, ...m.excused];
  const counts = new Map<string, number>();
  for (const id of listed) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const f of c.members.filter((x) => x.kind === "FULL")) {
    const n = counts.get(f.id) ?? 0;
    if (n === 0) failures.push({ rule: "ATTENDANCE", reason: `member ${f.id} is listed neither present, absent nor excused`, citation: cit });
  }
  for (const [id, n] of counts) if (n > 1) failures.push({ rule: "ATTENDANCE", reason: `${id} is listed ${n} times`, citation: cit });
  if (m.resolutions.length === 0) failures.push({ rule: "RESOLUTIONS", reason: "no resolution recorded", citation: cit });
  m.resolutions.forEach((r, i) => {
    if (r.reasons.trim() === "") failures.push({ rule: "RESOLUTIONS", reason: `resolution ${i + 1} (${r.subject}) has no reasons`, citation: cit });
  });
  if (!m.signedByChair) failures.push({ rule: "SIGNATURE", reason: "not signed by the chair", citation: cit });
  if (!m.countersignedBySecretary) failures.push({ rule: "SIGNATURE", reason: "not countersigned by the secretary", citation: cit });
  return { ok: failures.length === 0, failures };
}

export interface Deliberation {
  readonly meetingId: string;
  readonly vacancyId: string;
  readonly candidateId: string;
  /** The candidate selected for the vacancy at this meeting. */
  readonly selected: boolean;
  readonly text: string;
  readonly votes?: readonly Vote[];
}

export interface Viewer {
  readonly id: string;
  /** Participants of a meeting (members, alternates, secretary) keep the secret but may read it. */
  readonly role: "COMMISSION_PARTICIPANT" | "ALLOCATION_OFFICER" | "OTHER";
  readonly meetingIds?: readonly string[];
  /** ALLOCATION_OFFICER: the vacancy whose allocation the viewer handles. */
  readonly vacancyId?: string;
}

export interface Visibility {
  readonly deliberation: boolean;
  readonly votes: boolean;
  readonly reason: string;
  readonly citation: Citation;
}

/** RGD art. 2 al. 2; Esch art. 6: who may read a deliberation (pure visibility function). */
export function deliberationVisibility(rules: CommissionRules, d: Deliberation, viewer: Viewer): Visibility {
  const secret = RGD2("2", "deliberations and votes are secret");
  if (viewer.role === "COMMISSION_PARTICIPANT" && viewer.meetingIds?.includes(d.meetingId))
    return { deliberation: true, votes: true, reason: "participant of the meeting", citation: secret };
  if (rules === "ESCH_ROI" && d.selected && viewer.role === "ALLOCATION_OFFICER" && viewer.vacancyId === d.vacancyId)
    return {
      deliberation: true,
      votes: false,
      reason: "deliberation on the selected candidate, disclosed for the allocation of this vacancy (votes stay secret)",
      citation: ESCH("6", "only the deliberations on the selected candidate may be disclosed"),
    };
  return {
    deliberation: false,
    votes: false,
    reason: d.selected ? "disclosed only for the allocation of this vacancy" : "deliberation on a candidate not selected: secret",
    citation: rules === "ESCH_ROI" ? ESCH("6", "secret of deliberations") : secret,
  };
}

/** The deliberations a viewer may read, with votes removed where they are secret. */
export function visibleDeliberations(rules: CommissionRules, list: readonly Deliberation[], viewer: Viewer): Deliberation[] {
  const out: Deliberation[] = [];
  for (const d of list) {
    const v = deliberationVisibility(rules, d, viewer);
    if (!v.deliberation) continue;
    if (v.votes) out.push(d);
    else {
      const { votes: _votes, ...rest } = d;
      out.push(rest);
    }
  }
  return out;
}
