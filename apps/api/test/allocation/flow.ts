/** Helpers of the allocation tests: a vacancy, its file, the commission's steps, all through the HTTP API. */
import { expect } from "vitest";
import { gid, type Caller, type TestApi } from "../support/api.js";

export const FILE_FIELDS = `id status decisionHash freeChoice closedOn
  selectedCandidate { id }
  candidates(first: 100) { totalCount edges { node { rank score group socioEconomicPoints criteriaFrozenUntil proposedOn
    contributions { criterion points detail citation { rule } }
    candidate { id personalData { firstName lastName } } } } }`;

export async function ok<T = any>(api: TestApi, caller: Caller, query: string, variables: Record<string, unknown>, name: string): Promise<T> {
  const res = await api.gql(caller, query, variables);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  const payload = res.body.data![name];
  expect(payload.userErrors, `${name}: ${JSON.stringify(payload.userErrors)}`).toEqual([]);
  return payload as T;
}

/** A new vacant dwelling of the caller's stock (createDwelling), in Esch-sur-Alzette by default. */
/** The landlord's compensation convention (art. 40): a dwelling under it is a real vacancy whose shortlist unmasks its candidates (issue 12). */
export async function compensationConventionOf(api: TestApi, caller: Caller): Promise<string | undefined> {
  const landlordId = caller === "landlordA" ? api.orgIds.esch : caller === "landlordB" ? api.orgIds.fonds : undefined;
  if (!landlordId) return undefined;
  const c = await api.db.prisma.convention.findFirst({ where: { landlordId, kind: "COMPENSATION" }, orderBy: { id: "asc" }, select: { id: true } });
  return c ? gid("Convention", c.id) : undefined;
}

/** A vacant dwelling of the caller's stock, under its compensation convention (a real vacancy) unless `extra` says otherwise. */
export async function vacantDwelling(api: TestApi, caller: Caller, bedrooms: number, extra: Record<string, unknown> = {}): Promise<string> {
  const convention = await compensationConventionOf(api, caller);
  const input = {
    ...(convention ? { compensationConventionId: convention } : {}),
    reference: `ALLOC-${Math.random().toString(36).slice(2, 10)}`,
    developerId: gid("Organisation", api.orgIds.snhbm),
    category: "ALL_PUBLIC",
    type: "APARTMENT",
    bedrooms,
    usefulArea: String(40 + bedrooms * 20),
    municipalityCode: "esch-sur-alzette",
    address: "1, rue de l'Alzette",
    ...extra,
  };
  const p = await ok(
    api,
    caller,
    "mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id } userErrors { field code message rule } } }",
    { input },
    "createDwelling",
  );
  return p.dwelling.id;
}

export async function openFile(api: TestApi, caller: Caller, dwellingId: string, openedOn = "2026-11-02"): Promise<string> {
  const p = await ok(
    api,
    caller,
    "mutation($input: OpenAllocationFileInput!) { openAllocationFile(input: $input) { allocationFile { id status } userErrors { field code message rule } } }",
    { input: { dwellingId, openedOn } },
    "openAllocationFile",
  );
  return p.allocationFile.id;
}

export const COMPUTE = `mutation($input: ComputeShortlistInput!) { computeShortlist(input: $input) {
  computation { rankedCount excludedCount keptCount invalidHouseholds decisionHash methodologyVersion regime recordBytes }
  allocationFile { ${FILE_FIELDS} } userErrors { field code message rule } } }`;

export async function compute(api: TestApi, caller: Caller, allocationFileId: string, allocationDate = "2026-11-05", keep = 10) {
  return ok(api, caller, COMPUTE, { input: { allocationFileId, allocationDate, keep } }, "computeShortlist");
}

export const STEP = `mutation($input: TransitionAllocationFileInput!) { transitionAllocationFile(input: $input) { allocationFile { id status selectedCandidate { id } } userErrors { field code message rule } } }`;

export async function step(api: TestApi, caller: Caller, allocationFileId: string, event: string, on: string, extra: Record<string, unknown> = {}) {
  return ok(api, caller, STEP, { input: { allocationFileId, event, on, ...extra } }, "transitionAllocationFile");
}

export interface CommissionIds {
  id: string;
  chair: string;
  secretary: string;
  external: string;
  experts: string[];
  alternate: string;
}

export async function commissionOf(api: TestApi, caller: Caller): Promise<CommissionIds> {
  const res = await api.gql(caller, "{ commissions(first: 5) { edges { node { id members { id role isVotingMember alternateFor { id } } } } } }");
  expect(res.body.errors).toBeUndefined();
  const node = res.body.data!.commissions.edges[0].node;
  const m = node.members as { id: string; role: string; isVotingMember: boolean; alternateFor: { id: string } | null }[];
  return {
    id: node.id,
    chair: m.find((x) => x.role === "CHAIR")!.id,
    secretary: m.find((x) => x.role === "SECRETARY")!.id,
    external: m.find((x) => x.role === "EXTERNAL_MEMBER")!.id,
    experts: m.filter((x) => x.role === "EXPERT_MEMBER").map((x) => x.id),
    alternate: m.find((x) => x.alternateFor)!.id,
  };
}

export const SCHEDULE = `mutation($input: ScheduleCommissionMeetingInput!) { scheduleCommissionMeeting(input: $input) { meeting { id heldOn } userErrors { field code message rule } } }`;
export const DELIBERATE = `mutation($input: RecordDeliberationInput!) { recordDeliberation(input: $input) { outcome { opinion votesFor votesAgainst abstentions tieBrokenByChair sitting members } userErrors { field code message rule } } }`;
export const SIGN = `mutation($input: SignMinutesInput!) { signMinutes(input: $input) { meeting { id signedByChairOn } userErrors { field code message rule } } }`;

export async function meeting(api: TestApi, caller: Caller, c: CommissionIds, heldOn: string, convenedDaysBefore = 6, papersDaysBefore = 4): Promise<string> {
  const minus = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const p = await ok(
    api,
    caller,
    SCHEDULE,
    {
      input: {
        commissionId: c.id,
        heldOn,
        convenedOn: minus(heldOn, convenedDaysBefore),
        papersSentOn: minus(heldOn, papersDaysBefore),
        agenda: "Allocation of a vacant dwelling",
      },
    },
    "scheduleCommissionMeeting",
  );
  return p.meeting.id;
}

export const allPresent = (c: CommissionIds) => [
  ...[c.chair, c.external, ...c.experts].map((memberId) => ({ memberId, status: "PRESENT" })),
  { memberId: c.alternate, status: "ABSENT" },
  { memberId: c.secretary, status: "PRESENT" },
];

export async function favourable(api: TestApi, caller: Caller, c: CommissionIds, meetingId: string, allocationFileId: string, candidateId: string) {
  return ok(
    api,
    caller,
    DELIBERATE,
    {
      input: {
        meetingId,
        allocationFileId,
        candidateId,
        attendance: allPresent(c),
        votes: [c.chair, c.external, ...c.experts].map((memberId) => ({ memberId, vote: "FOR" })),
        reasons: "Fits the dwelling; urgent need documented by the social enquiry.",
      },
    },
    "recordDeliberation",
  );
}

/** From a computed shortlist to the housing promise: propose (the given or the next candidate), enquiry, commission (favourable), opinion, offer. Returns the offer and candidate IDs. */
export async function toOffer(
  api: TestApi,
  caller: Caller,
  c: CommissionIds,
  fileId: string,
  day: string,
  candidateId?: string,
): Promise<{ offerId: string; candidateId: string }> {
  const at = (n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const proposed = await step(api, caller, fileId, "CANDIDATE_PROPOSED", at(0), candidateId ? { candidateId } : {});
  const cand = proposed.allocationFile.selectedCandidate.id as string;
  await step(api, caller, fileId, "SOCIAL_ENQUIRY_COMPLETED", at(2), { socialWorker: "Social worker of the housing service" });
  const m = await meeting(api, caller, c, at(10));
  await favourable(api, caller, c, m, fileId, cand);
  await ok(api, caller, SIGN, { input: { meetingId: m, signedByChairOn: at(10), countersignedBySecretaryOn: at(11) } }, "signMinutes");
  const opinion = await step(api, caller, fileId, "COMMISSION_OPINION_GIVEN", at(11));
  expect(opinion.allocationFile.status).toBe("HOUSING_PROMISE");
  const offer = await ok(
    api,
    caller,
    "mutation($input: RecordOfferInput!) { recordOffer(input: $input) { offer { id outcome } allocationFile { status } userErrors { field code message rule } } }",
    { input: { allocationFileId: fileId, offeredOn: at(12) } },
    "recordOffer",
  );
  return { offerId: offer.offer.id, candidateId: cand };
}

export const RESPOND = `mutation($input: RecordOfferResponseInput!) { recordOfferResponse(input: $input) { offer { outcome respondedOn } freeze { frozen triggeredOn revisableFrom rule } allocationFile { status } userErrors { field code message rule } } }`;
