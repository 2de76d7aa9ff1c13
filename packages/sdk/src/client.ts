/**
 * The typed client: one method per operation of src/operations, its variables and result typed
 * from the schema by codegen. Adding an operation is one .graphql file and one line here.
 */
import * as op from "./generated/operations.js";
import type * as t from "./generated/graphql.js";
import { paginate, type PageOptions, type PageVariables } from "./paginate.js";
import { createRequester, type ClientOptions, type ModesOf, type Requester, type RequestOptions } from "./requester.js";
import type { Operation } from "./operation.js";
import { isDocument, operationFromDocument, type TypedDocumentLike } from "./documents.js";
import type { Resolved, ScalarModes } from "./scalars.js";

/** `x` if its `__typename` is `name`, else null (for `node(id:)` lookups). */
function ofType<T extends { readonly __typename: string }, N extends T["__typename"]>(x: T | null, name: N): Extract<T, { __typename: N }> | null {
  return x !== null && x.__typename === name ? (x as Extract<T, { __typename: N }>) : null;
}

function methods<M extends ScalarModes>(r: Requester<M>) {
  const q = r.execute;
  return {
    /** The caller as the API sees it: role and organisation of the API key. */
    viewer: async (o?: RequestOptions) => (await q(op.ViewerDocument, {}, o)).viewer,
    /** One page of the dwellings the caller may see (a landlord: its own stock). */
    dwellings: async (v: t.DwellingsQueryVariables = {}, o?: RequestOptions) => (await q(op.DwellingsDocument, v, o)).dwellings,
    /** One dwelling by its global ID; null when it does not exist or the caller may not see it. */
    dwelling: async (v: t.DwellingQueryVariables, o?: RequestOptions) => ofType((await q(op.DwellingDocument, v, o)).node, "Dwelling"),
    /** One page of a shared dwelling's accommodation units; null when the dwelling is not visible. */
    accommodationUnits: async (v: t.AccommodationUnitsQueryVariables, o?: RequestOptions) =>
      ofType((await q(op.AccommodationUnitsDocument, v, o)).node, "Dwelling")?.accommodationUnits ?? null,
    /** One page of the leases of the caller's stock, newest first. */
    leases: async (v: t.LeasesQueryVariables = {}, o?: RequestOptions) => (await q(op.LeasesDocument, v, o)).leases,
    /** One page of the conventions the caller is party to. */
    conventions: async (v: t.ConventionsQueryVariables = {}, o?: RequestOptions) => (await q(op.ConventionsDocument, v, o)).conventions,
    /** One page of the projects the caller may see. */
    projects: async (v: t.ProjectsQueryVariables = {}, o?: RequestOptions) => (await q(op.ProjectsDocument, v, o)).projects,
    /** One page of register candidates (personal data only for those in the landlord's allocation files). */
    candidates: async (v: t.CandidatesQueryVariables = {}, o?: RequestOptions) => (await q(op.CandidatesDocument, v, o)).candidates,
    /** One page of Luxembourg's municipalities. */
    municipalities: async (v: t.MunicipalitiesQueryVariables = {}, o?: RequestOptions) => (await q(op.MunicipalitiesDocument, v, o)).municipalities,
    /** One page of organisations. */
    organisations: async (v: t.OrganisationsQueryVariables = {}, o?: RequestOptions) => (await q(op.OrganisationsDocument, v, o)).organisations,
    /** One page of API keys (the caller's organisation's; all for a ministry administrator). */
    apiKeys: async (v: t.ApiKeysQueryVariables = {}, o?: RequestOptions) => (await q(op.ApiKeysDocument, v, o)).apiKeys,
    /** The ministry's dashboard aggregates (ministry roles only: ForbiddenError otherwise). */
    ministryDashboard: async (o?: RequestOptions) => (await q(op.MinistryDashboardDocument, {}, o)).ministryDashboard,
    /** One page of the audit trail, newest first (ministry only). */
    auditEvents: async (v: t.AuditEventsQueryVariables = {}, o?: RequestOptions) => (await q(op.AuditEventsDocument, v, o)).auditEvents,

    /** A compensation statement as it would be issued now (`issued: false`), computed live; null when the convention is not visible, ForbiddenError (403) for another landlord's `landlordId`. Lines: `compensationStatementDraftLines`. */
    compensationStatementDraft: async (input: t.CompensationStatementInput, o?: RequestOptions) =>
      (await q(op.CompensationStatementDraftDocument, { input }, o)).compensationStatementDraft,
    /** One page of a draft statement's lines (filter by component, dwelling or month). */
    compensationStatementDraftLines: async (v: t.CompensationStatementDraftLinesQueryVariables, o?: RequestOptions) =>
      (await q(op.CompensationStatementDraftLinesDocument, v, o)).compensationStatementDraft?.lines ?? null,
    /** One issued statement by `id` or `number` (e.g. "CS-2025-000042"), with its versions; null when not visible. */
    compensationStatement: async (v: t.CompensationStatementQueryVariables, o?: RequestOptions) =>
      (await q(op.CompensationStatementDocument, v, o)).compensationStatement,
    /** An issued statement's CSV (lines, subtotals, total), by `id` or `number`; null when not visible. */
    compensationStatementCsv: async (v: t.CompensationStatementCsvQueryVariables, o?: RequestOptions) =>
      (await q(op.CompensationStatementCsvDocument, v, o)).compensationStatement?.csv ?? null,
    /** An issued statement as an XLSX workbook (the CSV's rows and columns, amounts as numbers), decoded to bytes; null when not visible. */
    compensationStatementXlsx: async (v: t.CompensationStatementXlsxQueryVariables, o?: RequestOptions) => {
      const xlsx = (await q(op.CompensationStatementXlsxDocument, v, o)).compensationStatement?.xlsx;
      return xlsx == null ? null : Uint8Array.from(atob(xlsx), (c) => c.charCodeAt(0));
    },
    /** One page of an issued statement's lines, by `id` or `number`; null when not visible. */
    compensationStatementLines: async (v: t.CompensationStatementLinesQueryVariables, o?: RequestOptions) =>
      (await q(op.CompensationStatementLinesDocument, v, o)).compensationStatement?.lines ?? null,
    /** One page of the issued statements the caller may see, newest year first. */
    compensationStatements: async (v: t.CompensationStatementsQueryVariables = {}, o?: RequestOptions) =>
      (await q(op.CompensationStatementsDocument, v, o)).compensationStatements,
    /** Public calculator: a developer's compensation for one dwelling and one month (art. 13), with its trace. */
    calculateDeveloperCompensation: async (input: t.CalculateDeveloperCompensationInput, o?: RequestOptions) =>
      (await q(op.CalculateDeveloperCompensationDocument, { input }, o)).calculateDeveloperCompensation,
    /** Public calculator: a landlord's compensation from yearly totals (art. 40 §1), with its trace. */
    calculateLandlordCompensation: async (input: t.CalculateLandlordCompensationInput, o?: RequestOptions) =>
      (await q(op.CalculateLandlordCompensationDocument, { input }, o)).calculateLandlordCompensation,
    /** Public check: the RGD of 24 January 2024's flats against the ceilings of law art. 13 §2 and 40 §2 on a date, each ceiling indexed exactly. */
    compensationFlatCeilingChecks: async (v: t.CompensationFlatCeilingChecksQueryVariables, o?: RequestOptions) =>
      (await q(op.CompensationFlatCeilingChecksDocument, v, o)).compensationFlatCeilingChecks,
    /** The index series as computations use them (cote d'application, indice des prix de la construction, taux à court terme de la BCE): built-in and operator values, knownUntil. */
    indexSeries: async (v: t.IndexSeriesQueryVariables = {}, o?: RequestOptions) => (await q(op.IndexSeriesDocument, v, o)).indexSeries,
    /** Public calculator: the residual value of the State's participation on a sale (bill annex IV). */
    calculateResidualValue: async (input: t.CalculateResidualValueInput, o?: RequestOptions) =>
      (await q(op.CalculateResidualValueDocument, { input }, o)).calculateResidualValue,

    /** One page of the allocation files the caller may see, latest opened first. */
    allocationFiles: async (v: t.AllocationFilesQueryVariables = {}, o?: RequestOptions) => (await q(op.AllocationFilesDocument, v, o)).allocationFiles,
    /** One page of an allocation file's shortlist, best ranked first; null when the file is not visible. */
    shortlist: async (v: t.ShortlistQueryVariables, o?: RequestOptions) =>
      ofType((await q(op.ShortlistDocument, v, o)).node, "AllocationFile")?.candidates ?? null,
    /** One page of allocation methodologies (art. 57), by landlord then latest version first. */
    allocationMethodologies: async (v: t.AllocationMethodologiesQueryVariables = {}, o?: RequestOptions) =>
      (await q(op.AllocationMethodologiesDocument, v, o)).allocationMethodologies,
    /** One page of advisory commissions the caller may see. */
    commissions: async (v: t.CommissionsQueryVariables = {}, o?: RequestOptions) => (await q(op.CommissionsDocument, v, o)).commissions,
    /** Public what-if: is this household (given inline) eligible under art. 55 on this day? */
    eligibility: async (input: t.EligibilityInput, o?: RequestOptions) => (await q(op.EligibilityDocument, { input }, o)).eligibility,
    /** Eligibility of a register candidate on a day, from the stored household; null when no such candidate. */
    candidateEligibility: async (v: t.CandidateEligibilityQueryVariables, o?: RequestOptions) =>
      (await q(op.CandidateEligibilityDocument, v, o)).candidateEligibility,

    /** Public what-if: the affordable rent for a household and a dwelling (art. 60, annex III), with its trace. */
    calculateAffordableRent: async (input: t.AffordableRentInput, o?: RequestOptions) =>
      (await q(op.CalculateAffordableRentDocument, { input }, o)).calculateAffordableRent,
    /** One page of the deadlines of the caller's leases in [asOf, asOf + withinDays] (default today, 90 days), by date. */
    leaseDeadlines: async (v: t.LeaseDeadlinesQueryVariables = {}, o?: RequestOptions) => (await q(op.LeaseDeadlinesDocument, v, o)).leaseDeadlines,
    /** One lease with its deposit, inventories, revisions, rehousing cases, earliest end and deadlines; null when not visible. */
    lease: async (v: t.LeaseQueryVariables, o?: RequestOptions) => ofType((await q(op.LeaseDocument, v, o)).node, "Lease"),
    /** A lease's requests for information, end options and under-occupancy on a day (art. 62, 66, 69-70); null when not visible. */
    leaseTenancyFacts: async (v: t.LeaseTenancyFactsQueryVariables, o?: RequestOptions) => ofType((await q(op.LeaseTenancyFactsDocument, v, o)).node, "Lease"),
    /** A lease's rent on a day (art. 61-62: a revision applies from its effective date) and today's; null when not visible. */
    leaseRentOn: async (v: t.LeaseRentOnQueryVariables, o?: RequestOptions) => ofType((await q(op.LeaseRentOnDocument, v, o)).node, "Lease"),
    /** One page of the caller's leases whose dwelling is under-occupied on a day (art. 66), most spare bedrooms first. */
    underOccupiedLeases: async (v: t.UnderOccupiedLeasesQueryVariables = {}, o?: RequestOptions) =>
      (await q(op.UnderOccupiedLeasesDocument, v, o)).underOccupiedLeases,

    /** Adds a dwelling to the caller's stock. Rule violations come back in `userErrors`. */
    createDwelling: async (input: t.CreateDwellingInput, o?: RequestOptions) => (await q(op.CreateDwellingDocument, { input }, o)).createDwelling,
    /** Changes a dwelling of the caller's stock. */
    updateDwelling: async (input: t.UpdateDwellingInput, o?: RequestOptions) => (await q(op.UpdateDwellingDocument, { input }, o)).updateDwelling,
    /** Adds an accommodation unit to a shared dwelling. */
    createAccommodationUnit: async (input: t.CreateAccommodationUnitInput, o?: RequestOptions) =>
      (await q(op.CreateAccommodationUnitDocument, { input }, o)).createAccommodationUnit,
    /** Changes an accommodation unit. */
    updateAccommodationUnit: async (input: t.UpdateAccommodationUnitInput, o?: RequestOptions) =>
      (await q(op.UpdateAccommodationUnitDocument, { input }, o)).updateAccommodationUnit,
    /** Records that a vacant dwelling or unit is let from a date. */
    recordLetting: async (input: t.LettingEventInput, o?: RequestOptions) => (await q(op.RecordLettingDocument, { input }, o)).recordLetting,
    /** Records that a let dwelling or unit is vacant from a date. */
    recordVacancy: async (input: t.LettingEventInput, o?: RequestOptions) => (await q(op.RecordVacancyDocument, { input }, o)).recordVacancy,
    /** Issues an API key (ministry administrators only); `secret` is shown this once. */
    createApiKey: async (input: t.CreateApiKeyInput, o?: RequestOptions) => (await q(op.CreateApiKeyDocument, { input }, o)).createApiKey,
    /** Revokes an API key (ministry administrators only). */
    revokeApiKey: async (input: t.RevokeApiKeyInput, o?: RequestOptions) => (await q(op.RevokeApiKeyDocument, { input }, o)).revokeApiKey,
    /** Records a published index value with its source (ministry administrators only); CONFLICT for a different value of a recorded key, `unchanged` for the same one. */
    recordIndexValue: async (input: t.RecordIndexValueInput, o?: RequestOptions) => (await q(op.RecordIndexValueDocument, { input }, o)).recordIndexValue,
    /** Issues the next version of a statement; CONFLICT when nothing changed, refused for a year not ended. */
    issueCompensationStatement: async (input: t.CompensationStatementInput, o?: RequestOptions) =>
      (await q(op.IssueCompensationStatementDocument, { input }, o)).issueCompensationStatement,
    /** Opens an allocation file for a vacant dwelling or unit of the caller's stock. */
    openAllocationFile: async (input: t.OpenAllocationFileInput, o?: RequestOptions) =>
      (await q(op.OpenAllocationFileDocument, { input }, o)).openAllocationFile,
    /** Ranks the register's eligible candidates for the file's vacancy and stores the shortlist with its decision record. */
    computeShortlist: async (input: t.ComputeShortlistInput, o?: RequestOptions) => (await q(op.ComputeShortlistDocument, { input }, o)).computeShortlist,
    /** Records the landlord's next allocation methodology version approved by the minister (art. 57; RGD art. 3); configuration defects come back in `userErrors`. */
    createAllocationMethodologyVersion: async (input: t.CreateAllocationMethodologyVersionInput, o?: RequestOptions) =>
      (await q(op.CreateAllocationMethodologyVersionDocument, { input }, o)).createAllocationMethodologyVersion,
    /** Recomputes a stored shortlist and checks its decision record's SHA-256. */
    verifyShortlist: async (input: t.VerifyShortlistInput, o?: RequestOptions) => (await q(op.VerifyShortlistDocument, { input }, o)).verifyShortlist,
    /** Moves an allocation file one step of its state machine. */
    transitionAllocationFile: async (input: t.TransitionAllocationFileInput, o?: RequestOptions) =>
      (await q(op.TransitionAllocationFileDocument, { input }, o)).transitionAllocationFile,
    /** Records the housing promise to the candidate the commission favoured. */
    recordOffer: async (input: t.RecordOfferInput, o?: RequestOptions) => (await q(op.RecordOfferDocument, { input }, o)).recordOffer,
    /** Records the candidate's answer to an offer (two unjustified refusals freeze the criteria under the bill). */
    recordOfferResponse: async (input: t.RecordOfferResponseInput, o?: RequestOptions) =>
      (await q(op.RecordOfferResponseDocument, { input }, o)).recordOfferResponse,
    /** Allocates the vacancy to the selected candidate, or under the free-choice quota. */
    allocate: async (input: t.AllocateInput, o?: RequestOptions) => (await q(op.AllocateDocument, { input }, o)).allocate,
    /** Creates an advisory commission with its members (composition checked). */
    createCommission: async (input: t.CreateCommissionInput, o?: RequestOptions) => (await q(op.CreateCommissionDocument, { input }, o)).createCommission,
    /** Adds a member, an alternate or the secretary to a commission. */
    addCommissionMember: async (input: t.AddCommissionMemberInput, o?: RequestOptions) =>
      (await q(op.AddCommissionMemberDocument, { input }, o)).addCommissionMember,
    /** Records the convocation of a commission meeting (5 days ahead, papers 3 days ahead). */
    scheduleCommissionMeeting: async (input: t.ScheduleCommissionMeetingInput, o?: RequestOptions) =>
      (await q(op.ScheduleCommissionMeetingDocument, { input }, o)).scheduleCommissionMeeting,
    /** Records the commission's (secret) deliberation on a candidate of a file. */
    recordDeliberation: async (input: t.RecordDeliberationInput, o?: RequestOptions) =>
      (await q(op.RecordDeliberationDocument, { input }, o)).recordDeliberation,
    /** Signs (chair) and countersigns (secretary) a meeting's minutes. */
    signMinutes: async (input: t.SignMinutesInput, o?: RequestOptions) => (await q(op.SignMinutesDocument, { input }, o)).signMinutes,
    /** Signs an affordable lease, its rent computed at allocation (art. 60-61). */
    signLease: async (input: t.SignLeaseInput, o?: RequestOptions) => (await q(op.SignLeaseDocument, { input }, o)).signLease,
    /** Revises a lease's rent (art. 61-62) from its effective date. */
    reviseRent: async (input: t.ReviseRentInput, o?: RequestOptions) => (await q(op.ReviseRentDocument, { input }, o)).reviseRent,
    /** Records the deposit and its schedule (bill art. 63bis §1: adds up, at most two years after entry). */
    agreeDepositSchedule: async (input: t.AgreeDepositScheduleInput, o?: RequestOptions) =>
      (await q(op.AgreeDepositScheduleDocument, { input }, o)).agreeDepositSchedule,
    /** Records a payment towards the deposit (never beyond what remains). */
    recordDepositPayment: async (input: t.RecordDepositPaymentInput, o?: RequestOptions) =>
      (await q(op.RecordDepositPaymentDocument, { input }, o)).recordDepositPayment,
    /** Records the entry or exit inventory of a lease. */
    recordInventory: async (input: t.RecordInventoryInput, o?: RequestOptions) => (await q(op.RecordInventoryDocument, { input }, o)).recordInventory,
    /** Records the keys' return and any sums withheld from the deposit. */
    recordKeysReturned: async (input: t.RecordKeysReturnedInput, o?: RequestOptions) =>
      (await q(op.RecordKeysReturnedDocument, { input }, o)).recordKeysReturned,
    /** Records charge statements, formal notice and returns of the deposit. */
    recordDepositReturn: async (input: t.RecordDepositReturnInput, o?: RequestOptions) =>
      (await q(op.RecordDepositReturnDocument, { input }, o)).recordDepositReturn,
    /** Transfers the dwelling, its lease and the deposit to a new social landlord. */
    transferDeposit: async (input: t.TransferDepositInput, o?: RequestOptions) => (await q(op.TransferDepositDocument, { input }, o)).transferDeposit,
    /** Opens a rehousing case (under-occupancy checked against art. 66). */
    openRehousingCase: async (input: t.OpenRehousingCaseInput, o?: RequestOptions) => (await q(op.OpenRehousingCaseDocument, { input }, o)).openRehousingCase,
    /** Records a rehousing offer (art. 67). */
    recordRehousingOffer: async (input: t.RecordRehousingOfferInput, o?: RequestOptions) =>
      (await q(op.RecordRehousingOfferDocument, { input }, o)).recordRehousingOffer,
    /** Records the tenant's answer to a rehousing offer. */
    recordRehousingResponse: async (input: t.RecordRehousingResponseInput, o?: RequestOptions) =>
      (await q(op.RecordRehousingResponseDocument, { input }, o)).recordRehousingResponse,
    /** Ends a lease on a ground of art. 69-70, its date of effect computed per regime. */
    terminateLease: async (input: t.TerminateLeaseInput, o?: RequestOptions) => (await q(op.TerminateLeaseDocument, { input }, o)).terminateLease,
    /** Records a request for information sent to the tenant (art. 62 §1 al. 3): two months unanswered allow a flat rent. */
    recordRentInformationRequest: async (input: t.RecordRentInformationRequestInput, o?: RequestOptions) =>
      (await q(op.RecordRentInformationRequestDocument, { input }, o)).recordRentInformationRequest,
    /** Records the tenant's complete answer to a request for information. */
    recordRentInformationAnswer: async (input: t.RecordRentInformationAnswerInput, o?: RequestOptions) =>
      (await q(op.RecordRentInformationAnswerDocument, { input }, o)).recordRentInformationAnswer,
    /** Records the facts of an end of lease (art. 69: job, support or enrolment ended, shares transferred, eligibility lost, formal notice); null clears one. */
    recordLeaseEndFacts: async (input: t.RecordLeaseEndFactsInput, o?: RequestOptions) =>
      (await q(op.RecordLeaseEndFactsDocument, { input }, o)).recordLeaseEndFacts,
    /** Records (or withdraws) a senior's documented medical reason for one more bedroom (bill art. 31; under-occupancy art. 66). */
    recordMedicalBedroomReason: async (input: t.RecordMedicalBedroomReasonInput, o?: RequestOptions) =>
      (await q(op.RecordMedicalBedroomReasonDocument, { input }, o)).recordMedicalBedroomReason,
    /** Records the commission's waiver of a rehousing for legitimate reasons (bill art. 67 §2 al. 3); refused where the law does not provide it. */
    recordRehousingWaiver: async (input: t.RecordRehousingWaiverInput, o?: RequestOptions) =>
      (await q(op.RecordRehousingWaiverDocument, { input }, o)).recordRehousingWaiver,

    /** Async iterators over every item of a list, page after page: `for await (const d of client.paginate.dwellings({ filter }))`. */
    paginate: {
      dwellings: (v: PageVariables<t.DwellingsQueryVariables> = {}, o?: PageOptions) => paginate(r, op.DwellingsDocument, v, (d) => d.dwellings, o),
      accommodationUnits: (v: PageVariables<t.AccommodationUnitsQueryVariables>, o?: PageOptions) =>
        paginate(r, op.AccommodationUnitsDocument, v, (d) => ofType(d.node, "Dwelling")?.accommodationUnits, o),
      leases: (v: PageVariables<t.LeasesQueryVariables> = {}, o?: PageOptions) => paginate(r, op.LeasesDocument, v, (d) => d.leases, o),
      conventions: (v: PageVariables<t.ConventionsQueryVariables> = {}, o?: PageOptions) => paginate(r, op.ConventionsDocument, v, (d) => d.conventions, o),
      projects: (v: PageVariables<t.ProjectsQueryVariables> = {}, o?: PageOptions) => paginate(r, op.ProjectsDocument, v, (d) => d.projects, o),
      candidates: (v: PageVariables<t.CandidatesQueryVariables> = {}, o?: PageOptions) => paginate(r, op.CandidatesDocument, v, (d) => d.candidates, o),
      municipalities: (v: PageVariables<t.MunicipalitiesQueryVariables> = {}, o?: PageOptions) =>
        paginate(r, op.MunicipalitiesDocument, v, (d) => d.municipalities, o),
      organisations: (v: PageVariables<t.OrganisationsQueryVariables> = {}, o?: PageOptions) =>
        paginate(r, op.OrganisationsDocument, v, (d) => d.organisations, o),
      apiKeys: (v: PageVariables<t.ApiKeysQueryVariables> = {}, o?: PageOptions) => paginate(r, op.ApiKeysDocument, v, (d) => d.apiKeys, o),
      auditEvents: (v: PageVariables<t.AuditEventsQueryVariables> = {}, o?: PageOptions) => paginate(r, op.AuditEventsDocument, v, (d) => d.auditEvents, o),
      compensationStatements: (v: PageVariables<t.CompensationStatementsQueryVariables> = {}, o?: PageOptions) =>
        paginate(r, op.CompensationStatementsDocument, v, (d) => d.compensationStatements, o),
      compensationStatementLines: (v: PageVariables<t.CompensationStatementLinesQueryVariables>, o?: PageOptions) =>
        paginate(r, op.CompensationStatementLinesDocument, v, (d) => d.compensationStatement?.lines, o),
      compensationStatementDraftLines: (v: PageVariables<t.CompensationStatementDraftLinesQueryVariables>, o?: PageOptions) =>
        paginate(r, op.CompensationStatementDraftLinesDocument, v, (d) => d.compensationStatementDraft?.lines, o),
      allocationFiles: (v: PageVariables<t.AllocationFilesQueryVariables> = {}, o?: PageOptions) =>
        paginate(r, op.AllocationFilesDocument, v, (d) => d.allocationFiles, o),
      shortlist: (v: PageVariables<t.ShortlistQueryVariables>, o?: PageOptions) =>
        paginate(r, op.ShortlistDocument, v, (d) => ofType(d.node, "AllocationFile")?.candidates, o),
      allocationMethodologies: (v: PageVariables<t.AllocationMethodologiesQueryVariables> = {}, o?: PageOptions) =>
        paginate(r, op.AllocationMethodologiesDocument, v, (d) => d.allocationMethodologies, o),
      commissions: (v: PageVariables<t.CommissionsQueryVariables> = {}, o?: PageOptions) => paginate(r, op.CommissionsDocument, v, (d) => d.commissions, o),
      leaseDeadlines: (v: PageVariables<t.LeaseDeadlinesQueryVariables> = {}, o?: PageOptions) =>
        paginate(r, op.LeaseDeadlinesDocument, v, (d) => d.leaseDeadlines, o),
      underOccupiedLeases: (v: PageVariables<t.UnderOccupiedLeasesQueryVariables> = {}, o?: PageOptions) =>
        paginate(r, op.UnderOccupiedLeasesDocument, v, (d) => d.underOccupiedLeases, o),
    },

    /**
     * Runs any operation: one of the SDK's generated `…Document`s, or a partner's own
     * `TypedDocumentNode` (graphql-codegen's client preset against the SDK's `schema.graphql`),
     * typed end to end, with the same retries, Idempotency-Key on mutations, typed errors and
     * Decimal / Date conversion as the SDK's methods. A document with several operations needs
     * `operationName` in the options.
     */
    request: <R, V>(
      document: Operation<R, V> | TypedDocumentLike<R, V>,
      variables: V,
      o?: RequestOptions & { readonly operationName?: string },
    ): Promise<Resolved<R, M>> =>
      q<R, V>(
        isDocument(document) ? operationFromDocument(document as TypedDocumentLike<R, V>, o?.operationName) : (document as Operation<R, V>),
        variables,
        o,
      ),
  };
}

/** The client's methods for the scalar modes `M` (see `createClient`). */
export type Client<M extends ScalarModes = ModesOf<object>> = ReturnType<typeof methods<M>> & { readonly modes: M };

/**
 * A client of the abordable API.
 *
 * ```ts
 * const client = createClient({ endpoint: "http://localhost:4000/graphql", apiKey: process.env.ABORDABLE_API_KEY });
 * const page = await client.dwellings({ first: 20, filter: { statuses: ["VACANT"] } });
 * ```
 */
export function createClient<const O extends ClientOptions>(options: O): Client<ModesOf<O>> {
  const requester = createRequester(options);
  return { ...methods(requester), modes: requester.modes };
}
