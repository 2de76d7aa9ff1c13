/**
 * The adversarial suite of issue 12, generated from the committed SDL: every ID-typed leaf of every
 * mutation input (nested input objects and lists of them included) is sent, in a request the acting
 * caller could make on its own rows, with the global ID of a row of the same type belonging to each
 * other organisation of the seeded `small` database. Each probe must be refused (a NOT_FOUND or
 * FORBIDDEN user error on that very leaf, or a FORBIDDEN error), say nothing of the foreign row (its
 * reference or name), answer exactly as for an ID that names no row (so a refusal does not reveal that
 * the row exists), and leave the database fingerprint unchanged.
 *
 * The acting caller is landlord A (Esch) for the landlords' mutations, also the developer (SNHBM) for
 * statements; the mutations only a ministry administrator makes (it acts for everyone, so "foreign"
 * means nothing to it) are sent by landlord A and the developer, on their own rows and on others',
 * and must be refused outright. The leaves' meaning is data below (REFERENCES: input type and field →
 * the type it names); a leaf without an entry, or a mutation without a base request (BASES) covering
 * each of its leaves, fails the test, so that a new mutation or input field cannot slip through.
 * Finally each base request is sent on the caller's own rows (a control): its own IDs must not be
 * refused, so that the refusals above are about the foreign rows.
 */
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { buildSchema, getNamedType, getNullableType, isInputObjectType, isListType, type GraphQLField, type GraphQLInputType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { gid, startTestApi, type Caller, type GqlResult, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { fingerprint } from "../support/fingerprint.js";
import { documentOf, inFilesOf, prepareMutationFixtures, today, type MutationStock, type Target } from "../support/mutation-fixtures.js";

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
const MUTATIONS = Object.values(schema.getMutationType()!.getFields());

// ───────────── the ID leaves of the SDL ─────────────

interface Leaf {
  /** Input type and field, the key of REFERENCES. */
  key: string;
  field: string;
  /** From the mutation's argument, list positions as 0: ["input", "votes", 0, "memberId"]. */
  path: (string | number)[];
}

/** Every leaf of type ID or [ID] under the mutation's arguments, nested input objects and lists of them included. */
function idLeaves(m: GraphQLField<unknown, unknown>): Leaf[] {
  const out: Leaf[] = [];
  const walk = (type: GraphQLInputType, path: (string | number)[], seen: string[]) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.includes(named.name)) return;
    for (const f of Object.values(named.getFields())) {
      const p = isListType(getNullableType(f.type)) ? [...path, f.name, 0] : [...path, f.name];
      if (getNamedType(f.type).name === "ID") out.push({ key: `${named.name}.${f.name}`, field: f.name, path: p });
      else walk(f.type, p, [...seen, named.name]);
    }
  };
  for (const a of m.args) walk(a.type, [a.name], []);
  return out;
}

// ───────────── what each leaf names ─────────────

type RowType =
  | "AccommodationUnit"
  | "AllocationFile"
  | "AllocationMethodology"
  | "AllocationOffer"
  | "ApiKey"
  | "Candidate"
  | "Commission"
  | "CommissionMeeting"
  | "CommissionMember"
  | "Convention"
  | "DwellingTransfer"
  | "Dwelling"
  | "Household"
  | "Lease"
  | "Organisation"
  | "Project"
  | "RehousingCase"
  | "RehousingOffer"
  | "RentInformationRequest";

/**
 * A leaf names a row of `type`. `actingFor`: it names the organisation the caller acts for, which only
 * a ministry administrator names (a landlord's base request leaves it out; the probe adds it).
 * `publicReference`: naming another organisation's row is the very purpose of the leaf; it is not
 * probed, and the reason is given.
 */
interface Reference {
  type: RowType;
  actingFor?: true;
  publicReference?: string;
}

const REFERENCES: Record<string, Reference> = {
  "AddCommissionMemberInput.alternateForId": { type: "CommissionMember" },
  "AddCommissionMemberInput.commissionId": { type: "Commission" },
  "AgreeDepositScheduleInput.leaseId": { type: "Lease" },
  "AllocateInput.allocationFileId": { type: "AllocationFile" },
  "AllocateInput.candidateId": {
    type: "Candidate",
    publicReference:
      "a free-choice allocation (law art. 53 al. 3) names any candidate of the register, which is open to every landlord; eligibility is then checked as a rule",
  },
  "AmendConventionInput.conventionId": { type: "Convention" },
  "AnonymiseCandidateInput.candidateId": { type: "Candidate" },
  "ApproveAllocationMethodologyVersionInput.methodologyId": { type: "AllocationMethodology" },
  "CloseApplicationInput.candidateId": { type: "Candidate" },
  "CompensationStatementInput.conventionId": { type: "Convention" },
  "CompensationStatementInput.landlordId": { type: "Organisation" },
  "ComputeShortlistInput.allocationFileId": { type: "AllocationFile" },
  "ConsentToRehousingOfferInput.offerId": { type: "RehousingOffer" },
  "CreateAccommodationUnitInput.dwellingId": { type: "Dwelling" },
  "CreateAllocationMethodologyVersionInput.landlordId": { type: "Organisation", actingFor: true },
  "CreateApiKeyInput.organisationId": { type: "Organisation" },
  "CreateCommissionInput.landlordId": { type: "Organisation", actingFor: true },
  "CreateCompensationConventionInput.developerId": { type: "Organisation" },
  "CreateCompensationConventionInput.landlordId": { type: "Organisation" },
  "CreateDwellingInput.compensationConventionId": { type: "Convention" },
  "CreateDwellingInput.developerId": {
    type: "Organisation",
    publicReference:
      "the dwelling's developer is any social developer (law art. 16); organisations are public, and attaching to its project or convention is checked on projectId / financingConventionId",
  },
  "CreateDwellingInput.financingConventionId": { type: "Convention" },
  "CreateDwellingInput.landlordId": { type: "Organisation", actingFor: true },
  "CreateDwellingInput.projectId": { type: "Project" },
  "CreateFinancingConventionInput.developerId": { type: "Organisation" },
  "CreateFinancingConventionInput.projectId": { type: "Project" },
  "DeactivateOrganisationInput.id": { type: "Organisation" },
  "DecideDwellingTransferInput.transferId": { type: "DwellingTransfer" },
  "ImportPortfolioInput.landlordId": { type: "Organisation", actingFor: true },
  "LettingEventInput.accommodationUnitId": { type: "AccommodationUnit" },
  "LettingEventInput.dwellingId": { type: "Dwelling" },
  "OpenAllocationFileInput.accommodationUnitId": { type: "AccommodationUnit" },
  "OpenAllocationFileInput.dwellingId": { type: "Dwelling" },
  "OpenRehousingCaseInput.leaseId": { type: "Lease" },
  "ProposeDwellingTransferInput.dwellingId": { type: "Dwelling" },
  "ProposeDwellingTransferInput.newLandlordId": {
    type: "Organisation",
    publicReference: "a transfer is proposed to another social landlord, which accepts or declines it (acceptDwellingTransfer); organisations are public",
  },
  "RecordDeliberationInput.allocationFileId": { type: "AllocationFile" },
  "MeetingAttendanceInput.memberId": { type: "CommissionMember" },
  "RecordDeliberationInput.candidateId": { type: "Candidate" },
  "RecordDeliberationInput.meetingId": { type: "CommissionMeeting" },
  "CommissionVoteInput.memberId": { type: "CommissionMember" },
  "RecordDepositPaymentInput.leaseId": { type: "Lease" },
  "RecordDepositReturnInput.leaseId": { type: "Lease" },
  "RecordDwellingFactsInput.compensationConventionId": { type: "Convention" },
  "RecordDwellingFactsInput.dwellingId": { type: "Dwelling" },
  "RecordDwellingFinancingInput.conventionId": { type: "Convention" },
  "RecordDwellingFinancingInput.dwellingId": { type: "Dwelling" },
  "RecordInventoryInput.leaseId": { type: "Lease" },
  "RecordKeysReturnedInput.leaseId": { type: "Lease" },
  "RecordLeaseEndFactsInput.leaseId": { type: "Lease" },
  "RecordMedicalBedroomReasonInput.leaseId": { type: "Lease" },
  "RecordOfferInput.allocationFileId": { type: "AllocationFile" },
  "RecordOfferResponseInput.offerId": { type: "AllocationOffer" },
  "RecordRehousingOfferInput.dwellingId": { type: "Dwelling" },
  "RecordRehousingOfferInput.rehousingCaseId": { type: "RehousingCase" },
  "RecordRehousingResponseInput.offerId": { type: "RehousingOffer" },
  "RecordRehousingWaiverInput.rehousingCaseId": { type: "RehousingCase" },
  "RecordRentInformationAnswerInput.requestId": { type: "RentInformationRequest" },
  "RecordRentInformationRequestInput.leaseId": { type: "Lease" },
  "ReviseCandidateInput.candidateId": { type: "Candidate" },
  "ReviseRentInput.leaseId": { type: "Lease" },
  "RevokeApiKeyInput.id": { type: "ApiKey" },
  "ScheduleCommissionMeetingInput.commissionId": { type: "Commission" },
  "SignLeaseInput.accommodationUnitId": { type: "AccommodationUnit" },
  "SignLeaseInput.allocationFileId": { type: "AllocationFile" },
  "SignLeaseInput.dwellingId": { type: "Dwelling" },
  "SignLeaseInput.householdId": { type: "Household" },
  "SignMinutesInput.meetingId": { type: "CommissionMeeting" },
  "TerminateLeaseInput.leaseId": { type: "Lease" },
  "TransferDepositInput.leaseId": { type: "Lease" },
  "TransferDepositInput.newLandlordId": {
    type: "Organisation",
    publicReference: "the deposit goes with a transfer proposal to another social landlord, which accepts it; organisations are public",
  },
  "TransitionAllocationFileInput.allocationFileId": { type: "AllocationFile" },
  "TransitionAllocationFileInput.candidateId": { type: "Candidate" },
  "UpdateAccommodationUnitInput.id": { type: "AccommodationUnit" },
  "UpdateDwellingInput.id": { type: "Dwelling" },
  "UpdateOrganisationInput.id": { type: "Organisation" },
  "VerifyShortlistInput.allocationFileId": { type: "AllocationFile" },
};

/** A row of another organisation: its ID and the words that name it (which no refusal may print). */
interface ForeignRow {
  org: string;
  id: string;
  names: string[];
}

const names = (...values: (string | null | undefined)[]) => values.filter((v): v is string => typeof v === "string" && v.length >= 3);
const first = { orderBy: { id: "asc" as const } };

/**
 * A row of `type` belonging to organisation `org` and not to the acting organisation `me` (nor shared
 * with it): the landlord of a dwelling, lease, file or commission; a party to a convention or project;
 * the addressee of a transfer; for the register, a candidate in `org`'s allocation files and not in
 * `me`'s; for an organisation, the organisation itself.
 */
const ROWS: Record<RowType, (p: PrismaClient, org: string, me: string) => Promise<ForeignRow | null>> = {
  AccommodationUnit: async (p, org, me) => {
    const r = await p.accommodationUnit.findFirst({
      where: { dwelling: { landlordId: org, developerId: { not: me } } },
      include: { dwelling: true },
      ...first,
    });
    return r && { org, id: r.id, names: names(r.reference, r.dwelling.reference, r.dwelling.address) };
  },
  AllocationFile: async (p, org) => {
    const r = await p.allocationFile.findFirst({ where: { landlordId: org }, include: { dwelling: true }, ...first });
    return r && { org, id: r.id, names: names(r.dwelling.reference, r.dwelling.address) };
  },
  AllocationMethodology: async (p, org) => {
    const r = await p.allocationMethodology.findFirst({ where: { landlordId: org }, ...first });
    return r && { org, id: r.id, names: [] };
  },
  AllocationOffer: async (p, org) => {
    const r = await p.allocationOffer.findFirst({
      where: { allocationFile: { landlordId: org } },
      include: { allocationFile: { include: { dwelling: true } } },
      ...first,
    });
    return r && { org, id: r.id, names: names(r.allocationFile.dwelling.reference) };
  },
  ApiKey: async (p, org) => {
    const r = await p.apiKey.findFirst({ where: { organisationId: org, revokedAt: null }, ...first });
    return r && { org, id: r.id, names: names(r.label) };
  },
  Candidate: async (p, org, me) => {
    const r = await p.candidate.findFirst({
      where: { AND: [inFilesOf(org), { NOT: inFilesOf(me) }] },
      include: { household: { include: { members: true } } },
      ...first,
    });
    return r && { org, id: r.id, names: (r.household?.members ?? []).flatMap((m) => names(m.firstName, m.lastName)) };
  },
  Commission: async (p, org) => {
    const r = await p.commission.findFirst({ where: { landlordId: org }, ...first });
    return r && { org, id: r.id, names: names(r.name) };
  },
  CommissionMeeting: async (p, org) => {
    const r = await p.commissionMeeting.findFirst({ where: { commission: { landlordId: org } }, include: { commission: true }, ...first });
    return r && { org, id: r.id, names: names(r.commission.name, r.agenda) };
  },
  CommissionMember: async (p, org) => {
    const r = await p.commissionMember.findFirst({ where: { commission: { landlordId: org } }, include: { commission: true }, ...first });
    return r && { org, id: r.id, names: names(r.name, r.commission.name) };
  },
  Convention: async (p, org, me) => {
    const notMine = (f: "landlordId" | "developerId") => ({ OR: [{ [f]: null }, { [f]: { not: me } }] });
    const r = await p.convention.findFirst({
      where: { OR: [{ landlordId: org }, { developerId: org }], AND: [notMine("landlordId"), notMine("developerId")] },
      ...first,
    });
    return r && { org, id: r.id, names: names(r.reference) };
  },
  DwellingTransfer: async (p, org, me) => {
    const r = await p.dwellingTransfer.findFirst({ where: { toLandlordId: org, fromLandlordId: { not: me } }, include: { dwelling: true }, ...first });
    return r && { org, id: r.id, names: names(r.dwelling.reference, r.dwelling.address) };
  },
  Dwelling: async (p, org, me) => {
    const r = await p.dwelling.findFirst({ where: { landlordId: org, developerId: { not: me } }, ...first });
    return r && { org, id: r.id, names: names(r.reference, r.address) };
  },
  Household: async (p, org, me) => {
    const r = await p.household.findFirst({
      where: { leases: { some: { landlordId: org }, none: { landlordId: me } }, candidate: { NOT: inFilesOf(me) } },
      include: { members: true },
      ...first,
    });
    return r && { org, id: r.id, names: r.members.flatMap((m) => names(m.firstName, m.lastName)) };
  },
  Lease: async (p, org) => {
    const r = await p.lease.findFirst({ where: { landlordId: org }, include: { dwelling: true }, ...first });
    return r && { org, id: r.id, names: names(r.dwelling.reference, r.dwelling.address) };
  },
  // Organisations are public (names and kinds): a refusal may name one.
  Organisation: async (_p, org) => ({ org, id: org, names: [] }),
  Project: async (p, org, me) => {
    const r = await p.project.findFirst({
      where: { developerId: org, dwellings: { none: { landlordId: me } }, conventions: { none: { OR: [{ landlordId: me }, { developerId: me }] } } },
      ...first,
    });
    return r && { org, id: r.id, names: names(r.name) };
  },
  RehousingCase: async (p, org) => {
    const r = await p.rehousingCase.findFirst({ where: { lease: { landlordId: org } }, include: { lease: { include: { dwelling: true } } }, ...first });
    return r && { org, id: r.id, names: names(r.lease.dwelling.reference) };
  },
  RehousingOffer: async (p, org, me) => {
    const r = await p.rehousingOffer.findFirst({
      where: { case: { lease: { landlordId: org } }, dwelling: { landlordId: { not: me } } },
      include: { dwelling: true },
      ...first,
    });
    return r && { org, id: r.id, names: names(r.dwelling.reference, r.dwelling.address) };
  },
  RentInformationRequest: async (p, org) => {
    const r = await p.rentInformationRequest.findFirst({
      where: { lease: { landlordId: org } },
      include: { lease: { include: { dwelling: true } } },
      ...first,
    });
    return r && { org, id: r.id, names: names(r.lease.dwelling.reference) };
  },
};

// ───────────── a base request per mutation, on the acting caller's own rows ─────────────

interface Base {
  /** Who sends it, on whose rows (A: landlord A's, D: the developer's). */
  caller: Caller;
  target: Target;
  /** Only a ministry administrator makes it: sent by a non-ministry caller, it is refused outright. */
  adminOnly?: true;
  input: Record<string, unknown>;
}

/** Extra rows of landlord A that the matrix fixtures do not point at. */
interface Own {
  esch: string;
  member: string;
  project: string;
  financingConvention: string;
  sharedUnit: { dwelling: string; unit: string; household: string };
  signFile: string;
  snhbmProject: string;
  /** A meeting of landlord A's commission whose minutes are not signed (deliberations may be added). */
  openMeeting: string;
}

function basesOf(s: MutationStock, own: Own): Record<string, Base[]> {
  const f = (m: string, target: Target, caller: Caller) => {
    const fixture = s.fixtures[m];
    return fixture ? fixture.input(target, caller) : undefined;
  };
  const A = s.stocks.A;
  const landlord = (m: string, extra: Record<string, unknown> = {}): Base[] => {
    const input = f(m, "A", "landlordA");
    return input ? [{ caller: "landlordA", target: "A", input: { ...input, ...extra } }] : [];
  };
  const admin = (m: string, extra: Record<string, unknown> = {}): Base[] => {
    const input = f(m, "A", "admin");
    return input ? [{ caller: "admin", target: "A", adminOnly: true, input: { ...input, ...extra } }] : [];
  };
  const with_ = (bases: Base[], replace: Record<string, unknown>, drop: string[] = []): Base[] =>
    bases.map((b) => ({ ...b, input: Object.fromEntries(Object.entries({ ...b.input, ...replace }).filter(([k]) => !drop.includes(k))) }));
  const org = (id: string) => gid("Organisation", id);
  const statement = f("issueCompensationStatement", "D", "developer");
  return {
    acceptDwellingTransfer: landlord("acceptDwellingTransfer"),
    addCommissionMember: landlord("addCommissionMember", { alternateForId: gid("CommissionMember", own.member) }),
    agreeDepositSchedule: landlord("agreeDepositSchedule"),
    allocate: landlord("allocate"),
    amendConvention: admin("amendConvention"),
    anonymiseCandidate: admin("anonymiseCandidate"),
    approveAllocationMethodologyVersion: admin("approveAllocationMethodologyVersion"),
    closeApplication: admin("closeApplication"),
    computeShortlist: landlord("computeShortlist"),
    consentToRehousingOffer: landlord("consentToRehousingOffer"),
    createAccommodationUnit: landlord("createAccommodationUnit"),
    createAllocationMethodologyVersion: landlord("createAllocationMethodologyVersion"),
    createApiKey: admin("createApiKey"),
    createCommission: landlord("createCommission"),
    createCompensationConvention: admin("createCompensationConvention", { developerId: org(own.esch) }),
    // Landlord A as its own developer (Esch develops too), with its own project and conventions.
    createDwelling: landlord("createDwelling", {
      developerId: org(own.esch),
      projectId: gid("Project", own.project),
      financingConventionId: gid("Convention", own.financingConvention),
      compensationConventionId: gid("Convention", A.convention),
    }),
    createFinancingConvention: admin("createFinancingConvention", { projectId: gid("Project", own.snhbmProject) }),
    createOrganisation: admin("createOrganisation"),
    recordIndexValue: admin("recordIndexValue"),
    deactivateOrganisation: admin("deactivateOrganisation"),
    declineDwellingTransfer: landlord("declineDwellingTransfer"),
    importPortfolio: landlord("importPortfolio"),
    issueCompensationStatement: [
      ...landlord("issueCompensationStatement"),
      ...with_(landlord("issueCompensationStatement"), { landlordId: org(own.esch) }, ["conventionId"]),
      ...(statement ? [{ caller: "developer" as const, target: "D" as const, input: statement }] : []),
    ],
    openAllocationFile: [
      ...landlord("openAllocationFile"),
      ...with_(landlord("openAllocationFile"), { accommodationUnitId: gid("AccommodationUnit", own.sharedUnit.unit) }, ["dwellingId"]),
    ],
    openRehousingCase: landlord("openRehousingCase"),
    proposeDwellingTransfer: landlord("proposeDwellingTransfer"),
    recordDeliberation: landlord("recordDeliberation", {
      meetingId: gid("CommissionMeeting", own.openMeeting),
      attendance: A.members.slice(0, 3).map((m) => ({ memberId: gid("CommissionMember", m), status: "PRESENT" })),
    }),
    recordDepositPayment: landlord("recordDepositPayment"),
    recordDepositReturn: landlord("recordDepositReturn"),
    recordDwellingFacts: landlord("recordDwellingFacts", { compensationConventionId: gid("Convention", A.convention) }),
    recordDwellingFinancing: admin("recordDwellingFinancing"),
    recordInventory: landlord("recordInventory"),
    recordKeysReturned: landlord("recordKeysReturned"),
    recordLeaseEndFacts: landlord("recordLeaseEndFacts"),
    recordLetting: [
      ...landlord("recordLetting"),
      ...with_(landlord("recordLetting"), { accommodationUnitId: gid("AccommodationUnit", own.sharedUnit.unit) }, ["dwellingId"]),
    ],
    recordMedicalBedroomReason: landlord("recordMedicalBedroomReason"),
    recordOffer: landlord("recordOffer"),
    recordOfferResponse: landlord("recordOfferResponse"),
    recordRehousingOffer: landlord("recordRehousingOffer"),
    recordRehousingResponse: landlord("recordRehousingResponse"),
    recordRehousingWaiver: landlord("recordRehousingWaiver"),
    recordRentInformationAnswer: landlord("recordRentInformationAnswer"),
    recordRentInformationRequest: landlord("recordRentInformationRequest"),
    recordVacancy: [
      ...landlord("recordVacancy"),
      ...with_(landlord("recordVacancy"), { accommodationUnitId: gid("AccommodationUnit", own.sharedUnit.unit) }, ["dwellingId"]),
    ],
    registerCandidate: admin("registerCandidate"),
    reviseCandidate: admin("reviseCandidate"),
    reviseRent: landlord("reviseRent"),
    revokeApiKey: admin("revokeApiKey"),
    scheduleCommissionMeeting: landlord("scheduleCommissionMeeting"),
    signLease: [
      ...landlord("signLease"),
      {
        caller: "landlordA",
        target: "A",
        input: { allocationFileId: gid("AllocationFile", own.signFile), startsOn: today, annualNetDisposableIncome: "42000.00" },
      },
      {
        caller: "landlordA",
        target: "A",
        input: {
          dwellingId: gid("Dwelling", own.sharedUnit.dwelling),
          accommodationUnitId: gid("AccommodationUnit", own.sharedUnit.unit),
          householdId: gid("Household", own.sharedUnit.household),
          startsOn: today,
          annualNetDisposableIncome: "22000.00",
        },
      },
    ],
    signMinutes: landlord("signMinutes"),
    terminateLease: landlord("terminateLease"),
    transferDeposit: landlord("transferDeposit"),
    transitionAllocationFile: [
      ...landlord("transitionAllocationFile"),
      ...with_(landlord("transitionAllocationFile"), { event: "CANDIDATE_PROPOSED", candidateId: gid("Candidate", A.fileCandidate) }),
    ],
    updateAccommodationUnit: landlord("updateAccommodationUnit"),
    updateDwelling: landlord("updateDwelling"),
    updateOrganisation: admin("updateOrganisation"),
    verifyShortlist: landlord("verifyShortlist"),
  };
}

// ───────────── probes ─────────────

/** The input with the value at `path` (below the argument) set; list positions are created as needed. */
function withLeaf(input: Record<string, unknown>, path: (string | number)[], value: string): Record<string, unknown> {
  const copy = structuredClone(input);
  let node: Record<string | number, unknown> = copy;
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = path[i]!;
    if (node[key] == null) node[key] = typeof path[i + 1] === "number" ? [{}] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

function hasLeaf(input: Record<string, unknown>, path: (string | number)[]): boolean {
  let node: unknown = input;
  for (const key of path) {
    if (node == null || typeof node !== "object") return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node != null;
}

/** The response with the probed ID (global and raw) blanked: what a foreign and an absent row must share. */
function shapeOf(res: GqlResult, ids: string[]): string {
  let text = JSON.stringify({ errors: res.body.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, path: e.path })), data: res.body.data });
  for (const id of ids) text = text.split(id).join("<ID>");
  return text;
}

const ID_LEAF_CODES = new Set(["NOT_FOUND", "FORBIDDEN"]);

/** A request; once more if the kept-alive connection was closed under it (the server times idle connections out while a fingerprint runs). */
async function send(api: TestApi, caller: Caller, document: string, input: Record<string, unknown>): Promise<GqlResult> {
  try {
    return await api.gql(caller, document, { input });
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== "ECONNRESET") throw error;
    return api.gql(caller, document, { input });
  }
}

/**
 * Refused: a FORBIDDEN (or NOT_FOUND) error with no payload, or NOT_FOUND / FORBIDDEN user errors with
 * nothing else in the payload; `fields` are the paths of those user errors.
 */
function refusalOf(res: GqlResult, mutation: string): { refused: boolean; fields: string[]; detail: string } {
  const errors = res.body.errors ?? [];
  const payload = (res.body.data as Record<string, Record<string, unknown> | null> | undefined)?.[mutation] ?? null;
  const userErrors = (payload?.userErrors as { field: string[]; code: string; message: string }[] | undefined) ?? [];
  const detail = `HTTP ${res.status} ${JSON.stringify(errors.length ? errors.map((e) => ({ code: e.extensions?.code, message: e.message })) : userErrors).slice(0, 300)}`;
  if (res.status >= 500 || errors.some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR"))
    return { refused: false, fields: [], detail: `INTERNAL ${detail}` };
  if (errors.length) return { refused: payload === null && errors.every((e) => ID_LEAF_CODES.has(String(e.extensions?.code))), fields: [], detail };
  const authorisation = userErrors.filter((e) => ID_LEAF_CODES.has(e.code));
  const leaked = payload !== null && Object.entries(payload).some(([k, v]) => k !== "userErrors" && v !== null);
  return {
    refused: authorisation.length > 0 && !leaked,
    fields: authorisation.map((e) => e.field.join(".")),
    detail: `${authorisation.length ? "" : "NOT REFUSED "}${detail}${leaked ? " (payload not empty)" : ""}`,
  };
}

describe(`adversarial IDs: every ID leaf of every mutation input × a row of every other organisation (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let stock: MutationStock;
  let bases: Record<string, Base[]>;
  let organisations: { id: string; name: string }[];
  const counts = { mutations: 0, leaves: 0, publicLeaves: 0, probes: 0, absentProbes: 0, outrightProbes: 0, controls: 0 };

  beforeAll(async () => {
    api = await startTestApi();
    const p = api.db.prisma;
    stock = await prepareMutationFixtures(api);
    const esch = api.orgIds.esch;
    organisations = await p.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
    // Landlord A's own project and financing convention as a developer, a member of its commission,
    // a free vacant unit of a shared dwelling with an accepted offer for a household of the register
    // (signLease by unit), and a file of its own with a selected application (signLease by file).
    const project = await p.project.findFirstOrThrow({ where: { developerId: esch }, ...first });
    const financing =
      (await p.convention.findFirst({ where: { developerId: esch, kind: "FINANCIAL_PARTICIPATION" }, ...first })) ??
      (await p.convention.create({
        data: {
          reference: `ADV-CPF-${randomUUID().slice(0, 8)}`,
          kind: "FINANCIAL_PARTICIPATION",
          developerId: esch,
          projectId: project.id,
          signedOn: new Date(`${today}T00:00:00Z`),
          startsOn: new Date(`${today}T00:00:00Z`),
        },
      }));
    const unit = await p.accommodationUnit.findFirstOrThrow({
      where: { status: "VACANT", dwelling: { landlordId: esch, type: "SHARED_DWELLING" }, allocationFiles: { none: {} } },
      ...first,
    });
    const usedHouseholds = [stock.stocks.A.freeHousehold, stock.stocks.A.adminHousehold, stock.stocks.B.freeHousehold, stock.stocks.B.adminHousehold];
    const household = await p.household.findFirstOrThrow({
      where: {
        leases: { none: {} },
        id: { notIn: usedHouseholds },
        candidate: { applications: { some: { status: "ACTIVE", allocationEntries: { none: {} } } } },
      },
      ...first,
    });
    const application = await p.application.findFirstOrThrow({ where: { candidateId: household.candidateId, status: "ACTIVE" }, ...first });
    const at = new Date(`${today}T00:00:00Z`);
    const unitFile = await p.allocationFile.create({
      data: {
        landlordId: esch,
        dwellingId: unit.dwellingId,
        accommodationUnitId: unit.id,
        status: "VISIT",
        openedOn: at,
        selectedApplicationId: application.id,
      },
    });
    await p.allocationOffer.create({
      data: { allocationFileId: unitFile.id, applicationId: application.id, offeredOn: at, outcome: "ACCEPTED", respondedOn: at },
    });
    const signFile = await p.allocationFile.findFirstOrThrow({
      where: { landlordId: esch, selectedApplicationId: { not: null }, status: { notIn: ["LEASE_SIGNED", "CLOSED"] } },
      ...first,
    });
    // A transfer proposal between two other landlords (the fixtures' are between landlord A and B).
    const third = await p.dwelling.findFirstOrThrow({ where: { landlordId: api.orgIds.luxembourg, leases: { none: { status: "ACTIVE" } } }, ...first });
    await p.dwellingTransfer.create({ data: { dwellingId: third.id, fromLandlordId: api.orgIds.luxembourg, toLandlordId: api.orgIds.fonds, on: at } });
    const commission = await p.commission.findUniqueOrThrow({ where: { id: stock.stocks.A.commission } });
    const meeting = await p.commissionMeeting.create({
      data: { commissionId: commission.id, heldOn: at, convenedOn: at, papersSentOn: at, agenda: "Allocation files" },
    });
    const own: Own = {
      esch,
      member: stock.stocks.A.members[0]!,
      project: project.id,
      financingConvention: financing.id,
      sharedUnit: { dwelling: unit.dwellingId, unit: unit.id, household: household.id },
      signFile: signFile.id,
      openMeeting: meeting.id,
      snhbmProject: (await p.project.findFirstOrThrow({ where: { developerId: api.orgIds.snhbm }, ...first })).id,
    };
    bases = basesOf(stock, own);
  }, 300_000);

  afterAll(async () => {
    console.log(
      `adversarial IDs (${TEST_DATABASE_KIND}): ${counts.mutations} mutations, ${counts.leaves} ID leaves (${counts.publicLeaves} public references, not probed), ` +
        `${counts.probes} foreign-row probes + ${counts.absentProbes} absent-row probes, ${counts.outrightProbes} probes of administrator-only mutations, ${counts.controls} own-row controls`,
    );
    await api?.close();
  });

  it("every ID leaf of every mutation input has a reference, and every mutation a base request covering its leaves", () => {
    const failures: string[] = [];
    const keys = new Set<string>();
    for (const m of MUTATIONS) {
      const leaves = idLeaves(m);
      const mine = bases[m.name];
      if (!mine?.length) failures.push(`${m.name}: no base request in BASES`);
      for (const leaf of leaves) {
        keys.add(leaf.key);
        const ref = REFERENCES[leaf.key];
        if (!ref) failures.push(`${m.name}: the ID leaf ${leaf.path.join(".")} (${leaf.key}) has no entry in REFERENCES`);
        else if (mine?.length && !ref.actingFor && !ref.publicReference && !mine.some((b) => hasLeaf(b.input, leaf.path.slice(1))))
          failures.push(`${m.name}: no base request sets ${leaf.path.join(".")}`);
      }
    }
    for (const k of Object.keys(REFERENCES)) if (!keys.has(k)) failures.push(`REFERENCES has ${k}, which is no longer an ID leaf of a mutation input`);
    for (const k of Object.keys(bases)) if (!MUTATIONS.some((m) => m.name === k)) failures.push(`BASES has ${k}, which is no longer a mutation`);
    expect(MUTATIONS.length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });

  it("every foreign ID in every mutation is refused like an absent one, names nothing of the row, and changes nothing", async () => {
    const p = api.db.prisma;
    const failures: string[] = [];
    const rowCache = new Map<string, ForeignRow | null>();
    const foreignRows = async (type: RowType, me: string) => {
      const rows: ForeignRow[] = [];
      for (const o of organisations) {
        if (o.id === me) continue;
        const key = `${type}:${o.id}:${me}`;
        if (!rowCache.has(key)) rowCache.set(key, await ROWS[type](p, o.id, me));
        const row = rowCache.get(key);
        if (row) rows.push(row);
      }
      return rows;
    };
    const orgOf = (caller: Caller) => (caller === "developer" ? api.orgIds.snhbm : caller === "landlordB" ? api.orgIds.fonds : api.orgIds.esch);

    for (const m of MUTATIONS) {
      const mine = bases[m.name];
      if (!mine?.length) continue; // reported by the coverage test
      counts.mutations += 1;
      const leaves = idLeaves(m);
      const document = documentOf(m);
      const before = await fingerprint(api.db);
      for (const leaf of leaves) {
        const ref = REFERENCES[leaf.key];
        if (!ref) continue; // reported by the coverage test
        counts.leaves += 1;
        if (ref.publicReference) {
          counts.publicLeaves += 1;
          continue;
        }
        const sub = leaf.path.slice(1);
        for (const base of mine.filter((b) => ref.actingFor || hasLeaf(b.input, sub))) {
          // Administrator-only mutations: sent by landlord A with rows of others; otherwise by the base's caller.
          const caller: Caller = base.adminOnly ? "landlordA" : base.caller;
          const me = orgOf(caller);
          const rows = await foreignRows(ref.type, me);
          if (rows.length === 0) failures.push(`${m.name} ${leaf.path.join(".")}: no ${ref.type} of another organisation than ${me} to probe with`);
          const absentId = randomUUID();
          const absent = await send(api, caller, document, withLeaf(base.input, sub, gid(ref.type, absentId)));
          counts.absentProbes += 1;
          const absentShape = shapeOf(absent, [gid(ref.type, absentId), absentId]);
          for (const row of rows) {
            const input = withLeaf(base.input, sub, gid(ref.type, row.id));
            const res = await send(api, caller, document, input);
            counts.probes += 1;
            const what = `${caller} ${m.name} ${leaf.path.join(".")} = ${ref.type} of ${organisations.find((o) => o.id === row.org)?.name} (${row.id})`;
            const { refused, fields, detail } = refusalOf(res, m.name);
            // An administrator-only mutation may be refused on any field (or as a whole); others on the probed leaf.
            const onLeaf = fields.length === 0 || base.adminOnly || fields.includes(leaf.path.map(String).join("."));
            if (!refused || !onLeaf) failures.push(`${what}: ${refused ? `REFUSED ON ${fields.join(", ")}` : "NOT REFUSED"} ${detail}`);
            const text = JSON.stringify(res.body);
            const named = row.names.filter((n) => text.includes(n));
            if (named.length) failures.push(`${what}: the answer names the row (${named.join(", ")}): ${text.slice(0, 300)}`);
            const shape = shapeOf(res, [gid(ref.type, row.id), row.id]);
            if (shape !== absentShape)
              failures.push(
                `${what}: answered unlike an absent ${ref.type} (the refusal tells the row exists):\n    foreign ${shape.slice(0, 300)}\n    absent  ${absentShape.slice(0, 300)}`,
              );
          }
        }
      }
      // Administrator-only mutations, as the base (the organisation's own rows), sent by every non-ministry caller that may act somewhere.
      for (const base of mine.filter((b) => b.adminOnly)) {
        for (const caller of ["landlordA", "developer"] as const) {
          const res = await send(api, caller, document, base.input);
          counts.outrightProbes += 1;
          const { refused, detail } = refusalOf(res, m.name);
          if (!refused) failures.push(`${caller} ${m.name} (administrator only) on its own rows: NOT REFUSED ${detail}`);
        }
      }
      const after = await fingerprint(api.db);
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (changed.length) failures.push(`${m.name}: the refused probes changed ${changed.join(", ")}`);
    }
    expect(counts.probes).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  }, 900_000);

  it("each base request on the caller's own rows is not refused on any of its IDs (the probes above test the foreign row, not the request)", async () => {
    const failures: string[] = [];
    for (const m of MUTATIONS) {
      const leaves = idLeaves(m).map((l) => l.path.map(String).join("."));
      for (const base of bases[m.name] ?? []) {
        if (base.adminOnly) continue;
        const res = await send(api, base.caller, documentOf(m), base.input);
        counts.controls += 1;
        const userErrors = (res.body.data?.[m.name] as { userErrors?: { field: string[]; code: string; message: string }[] } | null)?.userErrors ?? [];
        const refused = userErrors.filter((e) => ID_LEAF_CODES.has(e.code) && leaves.includes(e.field.join(".")));
        if (res.body.errors?.length || refused.length)
          failures.push(
            `${base.caller} ${m.name} on its own rows ${JSON.stringify(base.input).slice(0, 200)}: ${JSON.stringify(res.body.errors ?? refused).slice(0, 300)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
