import { describe, expect, it } from "vitest";
import {
  checkComposition,
  checkConvocation,
  checkMinutes,
  commissionOpinion,
  deliberationVisibility,
  quorum,
  visibleDeliberations,
  type Commission,
  type CommissionMember,
  type Deliberation,
} from "../../src/index.js";
import { LAW } from "./fixtures.js";

const TERM = { termStart: "2024-01-01", termEnd: "2028-12-31" };
const full = (id: string, extra: Partial<CommissionMember> = {}): CommissionMember => ({ id, kind: "FULL", ...TERM, ...extra });

/** Esch-sur-Alzette (ROI annex 2): chair, secretary (a member), external member, two expert members. */
const ESCH: Commission = {
  landlordId: "esch",
  rules: "ESCH_ROI",
  members: [
    full("chair", { chair: true }),
    full("secretary"),
    full("external"),
    full("expert1"),
    full("expert2"),
    { id: "alt1", kind: "ALTERNATE", alternateFor: "expert1", ...TERM },
  ],
  secretary: { id: "secretary", memberId: "secretary" },
};

describe("RGD art. 1 / Esch ROI art. 2 — composition", () => {
  it("the Esch commission of five members for five years (2024-2028) is valid", () => {
    expect(checkComposition(ESCH, "2026-03-01", LAW)).toEqual({ ok: true, failures: [] });
  });
  it("RGD art. 1 al. 1: fewer than three full members fails", () => {
    const c: Commission = { ...ESCH, members: [full("chair", { chair: true }), full("x")], secretary: { id: "clerk" } };
    expect(checkComposition(c, "2026-03-01", LAW).failures.map((f) => f.rule)).toEqual(["MIN_FULL_MEMBERS"]);
  });
  it("RGD art. 1 al. 3: a term over five years fails (2024-01-01 → 2029-01-02)", () => {
    const c: Commission = { ...ESCH, members: [...ESCH.members.slice(1), full("chair", { chair: true, termEnd: "2029-01-02" })] };
    expect(checkComposition(c, "2026-03-01", LAW).failures.map((f) => f.rule)).toEqual(["TERM"]);
    const ok: Commission = { ...ESCH, members: [...ESCH.members.slice(1), full("chair", { chair: true, termEnd: "2029-01-01" })] };
    expect(checkComposition(ok, "2026-03-01", LAW).ok).toBe(true);
  });
  it("Esch ROI art. 2: no member with a political office in the municipality; chair must be a full member", () => {
    const c: Commission = { ...ESCH, members: [...ESCH.members.filter((m) => m.id !== "external"), full("external", { politicalOfficeInMunicipality: true })] };
    expect(checkComposition(c, "2026-03-01", LAW).failures.map((f) => f.rule)).toEqual(["POLITICAL_OFFICE"]);
    expect(checkComposition({ ...c, rules: "RGD" }, "2026-03-01", LAW).ok).toBe(true);
    const noChair: Commission = { ...ESCH, members: ESCH.members.map((m) => ({ ...m, chair: false })) };
    expect(checkComposition(noChair, "2026-03-01", LAW).failures.map((f) => f.rule)).toEqual(["CHAIR"]);
  });
});

describe("Esch ROI art. 3 — convocation", () => {
  it("Esch ROI art. 3: convened 5 days ahead with the agenda, papers 3 days ahead → accepted", () => {
    expect(checkConvocation(ESCH, { meetingDate: "2026-03-20", convokedOn: "2026-03-15", agendaIncluded: true, papersSentOn: "2026-03-17" }, LAW)).toEqual({
      accepted: true,
      failures: [],
    });
  });
  it("Esch ROI art. 3: 4 days' notice, no agenda, papers 2 days ahead → refused with each rule", () => {
    const r = checkConvocation(ESCH, { meetingDate: "2026-03-20", convokedOn: "2026-03-16", agendaIncluded: false, papersSentOn: "2026-03-18" }, LAW);
    expect(r.accepted).toBe(false);
    expect(r.failures.map((f) => f.rule)).toEqual(["NOTICE", "AGENDA", "PAPERS"]);
    expect(r.failures[0]!.citation).toMatchObject({ text: "ESCH_ROI", article: "3" });
  });
});

describe("RGD art. 2 / Esch ROI art. 5 — quorum, majority, chair's casting vote", () => {
  it("RGD art. 2: quorum is a majority of the members: 3 of 5 sit, 2 of 5 do not; an alternate sits for an absent member", () => {
    expect(quorum(ESCH, ["chair", "external", "expert2"]).reached).toBe(true);
    expect(quorum(ESCH, ["chair", "external"]).reached).toBe(false);
    expect(quorum(ESCH, ["chair", "external", "alt1"])).toMatchObject({ reached: true, sitting: 3 });
    expect(quorum(ESCH, ["chair", "expert1", "alt1"])).toMatchObject({ sitting: 2, reached: false }); // alternate does not sit beside its member
  });

  it("RGD art. 2: opinion by a majority of the votes cast (abstentions not cast)", () => {
    const r = commissionOpinion(
      ESCH,
      ["chair", "external", "expert1", "expert2"],
      [
        { voterId: "chair", vote: "AGAINST" },
        { voterId: "external", vote: "FOR" },
        { voterId: "expert1", vote: "FOR" },
        { voterId: "expert2", vote: "ABSTAIN" },
      ],
    );
    expect(r).toMatchObject({ valid: true, opinion: "FAVOURABLE", for: 2, against: 1, abstentions: 1, tieBrokenByChair: false });
  });

  it("RGD art. 2: on a tie the chair's vote decides", () => {
    const present = ["chair", "external", "expert1", "expert2"];
    const r = commissionOpinion(ESCH, present, [
      { voterId: "chair", vote: "AGAINST" },
      { voterId: "external", vote: "FOR" },
      { voterId: "expert1", vote: "FOR" },
      { voterId: "expert2", vote: "AGAINST" },
    ]);
    expect(r).toMatchObject({ valid: true, opinion: "UNFAVOURABLE", tieBrokenByChair: true });
    const chairAbstains = commissionOpinion(ESCH, present, [
      { voterId: "chair", vote: "ABSTAIN" },
      { voterId: "external", vote: "FOR" },
      { voterId: "expert2", vote: "AGAINST" },
    ]);
    expect(chairAbstains).toMatchObject({ valid: false, opinion: "NONE" });
    expect(chairAbstains.failures.map((f) => f.rule)).toEqual(["TIE"]);
  });

  it("RGD art. 2: no opinion without quorum; RGD art. 1: a secretary who is not a member may not vote", () => {
    expect(commissionOpinion(ESCH, ["chair", "external"], [{ voterId: "chair", vote: "FOR" }]).failures.map((f) => f.rule)).toEqual(["QUORUM"]);
    const outsiderSecretary: Commission = { ...ESCH, secretary: { id: "clerk" } };
    const r = commissionOpinion(
      outsiderSecretary,
      ["chair", "external", "expert1", "clerk"],
      [
        { voterId: "chair", vote: "FOR" },
        { voterId: "clerk", vote: "AGAINST" },
      ],
    );
    expect(r.failures.map((f) => f.rule)).toEqual(["SECRETARY_VOTE"]);
    expect(r.valid).toBe(false);
  });
});

describe("Esch ROI art. 7 — minutes", () => {
  const good = {
    present: ["chair", "secretary", "external", "expert1"],
    absent: [],
    excused: ["expert2"],
    resolutions: [{ subject: "vacancy V1", text: "favourable opinion for candidate C1", reasons: "highest priority; typology fits" }],
    signedByChair: true,
    countersignedBySecretary: true,
  };
  it("Esch ROI art. 7: complete minutes pass", () => expect(checkMinutes(ESCH, good).ok).toBe(true));
  it("Esch ROI art. 7: a member not listed, a resolution without reasons, missing countersignature", () => {
    const r = checkMinutes(ESCH, { ...good, excused: [], resolutions: [{ subject: "V1", text: "ok", reasons: " " }], countersignedBySecretary: false });
    expect(r.failures.map((f) => f.rule)).toEqual(["ATTENDANCE", "RESOLUTIONS", "SIGNATURE"]);
  });
});

describe("RGD art. 2 al. 2 / Esch ROI art. 6 — secret deliberations", () => {
  const selected: Deliberation = {
    meetingId: "m1",
    vacancyId: "V1",
    candidateId: "C1",
    selected: true,
    text: "C1 selected",
    votes: [{ voterId: "chair", vote: "FOR" }],
  };
  const other: Deliberation = { meetingId: "m1", vacancyId: "V1", candidateId: "C2", selected: false, text: "C2 discussed" };
  const officer = { id: "o", role: "ALLOCATION_OFFICER" as const, vacancyId: "V1" };

  it("Esch ROI art. 6: the deliberation on a candidate not selected is invisible to another role", () => {
    expect(deliberationVisibility("ESCH_ROI", other, officer).deliberation).toBe(false);
    expect(deliberationVisibility("ESCH_ROI", other, { id: "x", role: "OTHER" }).deliberation).toBe(false);
  });
  it("Esch ROI art. 6: the selected candidate's deliberation is readable for that allocation only, without the votes", () => {
    expect(deliberationVisibility("ESCH_ROI", selected, officer)).toMatchObject({ deliberation: true, votes: false });
    expect(deliberationVisibility("ESCH_ROI", selected, { ...officer, vacancyId: "V2" }).deliberation).toBe(false);
    expect(deliberationVisibility("RGD", selected, officer).deliberation).toBe(false);
    expect(visibleDeliberations("ESCH_ROI", [selected, other], officer)).toEqual([
      { meetingId: "m1", vacancyId: "V1", candidateId: "C1", selected: true, text: "C1 selected" },
    ]);
  });
  it("RGD art. 2: participants of the meeting read everything", () => {
    const member = { id: "chair", role: "COMMISSION_PARTICIPANT" as const, meetingIds: ["m1"] };
    expect(visibleDeliberations("ESCH_ROI", [selected, other], member)).toEqual([selected, other]);
    expect(visibleDeliberations("ESCH_ROI", [selected, other], { ...member, meetingIds: ["m2"] })).toEqual([]);
  });
});
