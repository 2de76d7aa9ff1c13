/**
 * The advisory commission: composition (RGD 13 Oct 2023 art. 1; Esch ROI art. 2), convocation
 * (Esch ROI art. 3), quorum and tie-break (RGD art. 2 al. 1; Esch ROI art. 5), minutes (art. 7),
 * secrecy of deliberations (RGD art. 2 al. 2; Esch ROI art. 6).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { allPresent, commissionOf, compute, DELIBERATE, meeting, ok, openFile, SCHEDULE, SIGN, step, vacantDwelling, type CommissionIds } from "./flow.js";

const CREATE = `mutation($input: CreateCommissionInput!) { createCommission(input: $input) { commission { id name members { name role } } userErrors { field code message rule } } }`;
const ADD = `mutation($input: AddCommissionMemberInput!) { addCommissionMember(input: $input) { member { id role } userErrors { field code message rule } } }`;
const term = { termStartsOn: "2025-01-01", termEndsOn: "2029-12-31" };

describe(`advisory commission — RGD art. 1-2, Esch ROI art. 2-7 (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let c: CommissionIds;
  let fileId: string;
  let ranked: string[];
  beforeAll(async () => {
    api = await startTestApi();
    c = await commissionOf(api, "landlordA");
    fileId = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    const r = await compute(api, "landlordA", fileId, "2026-11-05", 10);
    ranked = r.allocationFile.candidates.edges.map((e: any) => e.node.candidate.id);
  });
  afterAll(async () => api?.close());

  it("RGD art. 1: at least three full members, one chair; Esch ROI art. 2: no political office — refused with the rule; a valid commission is created", async () => {
    const two = await api.gql("landlordB", CREATE, {
      input: {
        name: "Too small",
        members: [
          { name: "A", role: "CHAIR", ...term },
          { name: "B", role: "EXPERT_MEMBER", ...term },
          { name: "S", role: "SECRETARY", isVotingMember: false, ...term },
        ],
      },
    });
    const errors = two.body.data!.createCommission.userErrors;
    expect(errors).toContainEqual(expect.objectContaining({ field: ["input", "members"], code: "RULE_VIOLATION", rule: "RGD 13 Oct 2023 art. 1 al. 1" }));
    const political = await api.gql("landlordB", CREATE, {
      input: {
        name: "Political",
        members: [
          { name: "A", role: "CHAIR", ...term },
          { name: "B", role: "EXPERT_MEMBER", ...term },
          { name: "C", role: "EXTERNAL_MEMBER", holdsPoliticalOffice: true, ...term },
        ],
      },
    });
    expect(political.body.data!.createCommission.userErrors).toEqual([expect.objectContaining({ field: ["input", "members", "2"], rule: "Esch ROI art. 2" })]);
    const long = await api.gql("landlordB", CREATE, {
      input: {
        name: "Long",
        members: [
          { name: "A", role: "CHAIR", termStartsOn: "2025-01-01", termEndsOn: "2030-06-30" },
          { name: "B", role: "EXPERT_MEMBER", ...term },
          { name: "C", role: "MEMBER", ...term },
        ],
      },
    });
    expect(long.body.data!.createCommission.userErrors[0]).toMatchObject({
      field: ["input", "members", "0"],
      rule: expect.stringMatching(/^RGD 13 Oct 2023 art. 1/),
    });
    const created = await ok(
      api,
      "landlordB",
      CREATE,
      {
        input: {
          name: "Commission B (test)",
          members: [
            { name: "A", role: "CHAIR", ...term },
            { name: "B", role: "EXPERT_MEMBER", ...term },
            { name: "C", role: "EXTERNAL_MEMBER", ...term },
            { name: "D", role: "MEMBER", alternateForIndex: 2, ...term },
            { name: "S", role: "SECRETARY", isVotingMember: false, ...term },
          ],
        },
      },
      "createCommission",
    );
    expect(created.commission.members).toHaveLength(5);
    // addCommissionMember: a second chair, or a second alternate for the same member, is refused.
    const chair2 = await api.gql("landlordB", ADD, { input: { commissionId: created.commission.id, name: "E", role: "CHAIR", ...term } });
    expect(chair2.body.data!.addCommissionMember.userErrors[0]).toMatchObject({ code: "RULE_VIOLATION", rule: "RGD 13 Oct 2023 art. 1 al. 3" });
    const added = await ok(
      api,
      "landlordB",
      ADD,
      { input: { commissionId: created.commission.id, name: "F", role: "MEMBER", ...term } },
      "addCommissionMember",
    );
    expect(added.member.role).toBe("MEMBER");
    // Another landlord's commission is not found.
    expect(
      (await api.gql("landlordA", ADD, { input: { commissionId: created.commission.id, name: "G", role: "MEMBER", ...term } })).body.data!.addCommissionMember
        .userErrors[0].code,
    ).toBe("NOT_FOUND");
  });

  it("Esch ROI art. 3: a convocation 4 days ahead (or papers 2 days ahead) is refused with the rule; 5 and 3 days are accepted", async () => {
    const four = await api.gql("landlordA", SCHEDULE, {
      input: { commissionId: c.id, heldOn: "2026-11-20", convenedOn: "2026-11-16", papersSentOn: "2026-11-16", agenda: "Vacancy" },
    });
    expect(four.body.data!.scheduleCommissionMeeting.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "convenedOn"], code: "RULE_VIOLATION", rule: "Esch ROI art. 3" }),
    ]);
    const papers = await api.gql("landlordA", SCHEDULE, {
      input: { commissionId: c.id, heldOn: "2026-11-20", convenedOn: "2026-11-15", papersSentOn: "2026-11-18", agenda: "Vacancy" },
    });
    expect(papers.body.data!.scheduleCommissionMeeting.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "papersSentOn"], rule: "Esch ROI art. 3" }),
    ]);
    const five = await ok(
      api,
      "landlordA",
      SCHEDULE,
      { input: { commissionId: c.id, heldOn: "2026-11-20", convenedOn: "2026-11-15", papersSentOn: "2026-11-17", agenda: "Vacancy" } },
      "scheduleCommissionMeeting",
    );
    expect(five.meeting.heldOn).toBe("2026-11-20");
  });

  it("RGD art. 2 al. 1: no quorum without a majority of full members sitting; an alternate sits for an absent member; a tie is decided by the chair; the secretary does not vote", async () => {
    const m = await meeting(api, "landlordA", c, "2026-11-25");
    const base = { meetingId: m, allocationFileId: fileId, candidateId: ranked[1], reasons: "Discussed." };
    const votes = (...pairs: [string, string][]) => pairs.map(([memberId, vote]) => ({ memberId, vote }));
    const noQuorum = await api.gql("landlordA", DELIBERATE, {
      input: {
        ...base,
        attendance: [
          { memberId: c.chair, status: "PRESENT" },
          { memberId: c.experts[0]!, status: "PRESENT" },
          { memberId: c.external, status: "EXCUSED" },
          { memberId: c.experts[1]!, status: "ABSENT" },
        ],
        votes: votes([c.chair, "FOR"], [c.experts[0]!, "FOR"]),
      },
    });
    expect(noQuorum.body.data!.recordDeliberation.userErrors).toContainEqual(
      expect.objectContaining({ field: ["input", "attendance"], code: "RULE_VIOLATION", rule: "RGD 13 Oct 2023 art. 2 al. 1" }),
    );
    expect(await api.db.prisma.deliberation.count({ where: { meeting: { id: Buffer.from(m, "base64").toString().split(":")[1] } } })).toBe(0);
    const withAlternate = await ok(
      api,
      "landlordA",
      DELIBERATE,
      {
        input: {
          ...base,
          attendance: [
            { memberId: c.chair, status: "PRESENT" },
            { memberId: c.experts[0]!, status: "PRESENT" },
            { memberId: c.external, status: "EXCUSED" },
            { memberId: c.alternate, status: "PRESENT" },
            { memberId: c.experts[1]!, status: "ABSENT" },
          ],
          votes: votes([c.chair, "AGAINST"], [c.experts[0]!, "FOR"], [c.alternate, "FOR"]),
        },
      },
      "recordDeliberation",
    );
    expect(withAlternate.outcome).toMatchObject({ opinion: "FAVOURABLE", votesFor: 2, votesAgainst: 1, sitting: 3, members: 4, tieBrokenByChair: false });
    const tie = await ok(
      api,
      "landlordA",
      DELIBERATE,
      {
        input: {
          ...base,
          candidateId: ranked[2],
          attendance: allPresent(c),
          votes: votes([c.chair, "FOR"], [c.experts[0]!, "FOR"], [c.external, "AGAINST"], [c.experts[1]!, "AGAINST"]),
        },
      },
      "recordDeliberation",
    );
    expect(tie.outcome).toMatchObject({ opinion: "FAVOURABLE", votesFor: 2, votesAgainst: 2, tieBrokenByChair: true });
    const tieAgainst = await ok(
      api,
      "landlordA",
      DELIBERATE,
      {
        input: { ...base, candidateId: ranked[3], votes: votes([c.chair, "AGAINST"], [c.experts[0]!, "FOR"], [c.external, "FOR"], [c.experts[1]!, "AGAINST"]) },
      },
      "recordDeliberation",
    );
    expect(tieAgainst.outcome).toMatchObject({ opinion: "UNFAVOURABLE", tieBrokenByChair: true });
    const secretary = await api.gql("landlordA", DELIBERATE, { input: { ...base, votes: votes([c.chair, "FOR"], [c.secretary, "FOR"]) } });
    expect(secretary.body.data!.recordDeliberation.userErrors).toContainEqual(
      expect.objectContaining({ field: ["input", "votes"], rule: "RGD 13 Oct 2023 art. 1 al. 4" }),
    );
    const outsider = await api.gql("landlordA", DELIBERATE, {
      input: { ...base, candidateId: Buffer.from("Candidate:00000000-0000-4000-8000-000000000000").toString("base64"), votes: votes([c.chair, "FOR"]) },
    });
    expect(outsider.body.data!.recordDeliberation.userErrors[0]).toMatchObject({ field: ["input", "candidateId"], code: "NOT_FOUND" });
  });

  it("Esch ROI art. 6: only the deliberation on the selected candidate leaves the commission — not the others, for no role — and never the votes", async () => {
    const f = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    const r = await compute(api, "landlordA", f, "2026-11-05", 10);
    const [x, y] = r.allocationFile.candidates.edges.map((e: any) => e.node.candidate.id);
    await step(api, "landlordA", f, "CANDIDATE_PROPOSED", "2026-11-06", { candidateId: x });
    await step(api, "landlordA", f, "SOCIAL_ENQUIRY_COMPLETED", "2026-11-09", { socialWorker: "Social worker" });
    const m = await meeting(api, "landlordA", c, "2026-11-16");
    const empty = await api.gql("landlordA", SIGN, { input: { meetingId: m, signedByChairOn: "2026-11-16", countersignedBySecretaryOn: "2026-11-16" } });
    expect(empty.body.data!.signMinutes.userErrors[0]).toMatchObject({ code: "RULE_VIOLATION", rule: "Esch ROI art. 7" });
    const votes = [c.chair, c.external, ...c.experts].map((memberId, i) => ({ memberId, vote: i === 0 ? "AGAINST" : "FOR" }));
    await ok(
      api,
      "landlordA",
      DELIBERATE,
      { input: { meetingId: m, allocationFileId: f, candidateId: x, attendance: allPresent(c), votes, reasons: "SELECTED: fits the dwelling." } },
      "recordDeliberation",
    );
    await ok(
      api,
      "landlordA",
      DELIBERATE,
      {
        input: {
          meetingId: m,
          allocationFileId: f,
          candidateId: y,
          votes: votes.map((v) => ({ ...v, vote: "AGAINST" })),
          reasons: "NOT SELECTED: secret reasons about this household.",
        },
      },
      "recordDeliberation",
    );
    const Q = `query($id: ID!) { node(id: $id) { ... on AllocationFile { status deliberations { opinion reasons isOnSelectedCandidate heldOn } } } }`;
    const read = async (caller: "landlordA" | "analyst" | "admin" | "landlordB" | "developer") => (await api.gql(caller, Q, { id: f })).body.data?.node;
    for (const caller of ["landlordA", "analyst", "admin"] as const) expect((await read(caller)).deliberations).toEqual([]);
    await ok(api, "landlordA", SIGN, { input: { meetingId: m, signedByChairOn: "2026-11-16", countersignedBySecretaryOn: "2026-11-17" } }, "signMinutes");
    const late = await api.gql("landlordA", DELIBERATE, { input: { meetingId: m, allocationFileId: f, candidateId: y, votes, reasons: "after signature" } });
    expect(late.body.data!.recordDeliberation.userErrors[0]).toMatchObject({ code: "INVALID_STATE", rule: "Esch ROI art. 7" });
    const opinion = await step(api, "landlordA", f, "COMMISSION_OPINION_GIVEN", "2026-11-17");
    expect(opinion.allocationFile).toMatchObject({ status: "HOUSING_PROMISE", selectedCandidate: { id: x } });
    for (const caller of ["landlordA", "analyst", "admin"] as const) {
      const node = await read(caller);
      // The reasons are written about the candidate: the analysts get them masked (privacy/personal-data.ts, class SITUATION).
      expect(node.deliberations).toEqual([
        {
          opinion: "FAVOURABLE",
          reasons: caller === "analyst" ? "masked:SITUATION" : "SELECTED: fits the dwelling.",
          isOnSelectedCandidate: true,
          heldOn: "2026-11-16",
        },
      ]);
      expect(JSON.stringify(node)).not.toMatch(/NOT SELECTED/);
    }
    expect(await read("landlordB")).toBeNull();
    expect(await read("developer")).toBeNull();
    // The meeting shows that two deliberations exist, not what they say; the schema has no field for votes.
    const meetingNode = await api.gql(
      "analyst",
      `query($id: ID!) { node(id: $id) { ... on CommissionMeeting { deliberationCount signedByChairOn attendance { status } } } }`,
      { id: m },
    );
    expect(meetingNode.body.data!.node).toMatchObject({ deliberationCount: 2, signedByChairOn: "2026-11-16" });
    const votesField = await api.gql("landlordA", `query($id: ID!) { node(id: $id) { ... on AllocationFile { deliberations { votesFor } } } }`, { id: f });
    expect(votesField.body.errors?.[0]?.message).toMatch(/votesFor/);
  });
});
