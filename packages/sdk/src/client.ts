/**
 * The typed client: one method per operation of src/operations, its variables and result typed
 * from the schema by codegen. Adding an operation is one .graphql file and one line here.
 */
import * as op from "./generated/operations.js";
import type * as t from "./generated/graphql.js";
import { paginate, type PageOptions, type PageVariables } from "./paginate.js";
import { createRequester, type ClientOptions, type ModesOf, type Requester, type RequestOptions } from "./requester.js";
import type { Operation } from "./operation.js";
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

    /** Async iterators over every item of a list, page after page: `for await (const d of client.paginate.dwellings({ filter }))`. */
    paginate: {
      dwellings: (v: PageVariables<t.DwellingsQueryVariables> = {}, o?: PageOptions) => paginate(r, op.DwellingsDocument, v, (d) => d.dwellings, o),
      accommodationUnits: (v: PageVariables<t.AccommodationUnitsQueryVariables>, o?: PageOptions) =>
        paginate(r, op.AccommodationUnitsDocument, v, (d) => ofType(d.node, "Dwelling")?.accommodationUnits, o),
      leases: (v: PageVariables<t.LeasesQueryVariables> = {}, o?: PageOptions) => paginate(r, op.LeasesDocument, v, (d) => d.leases, o),
      conventions: (v: PageVariables<t.ConventionsQueryVariables> = {}, o?: PageOptions) => paginate(r, op.ConventionsDocument, v, (d) => d.conventions, o),
      projects: (v: PageVariables<t.ProjectsQueryVariables> = {}, o?: PageOptions) => paginate(r, op.ProjectsDocument, v, (d) => d.projects, o),
      candidates: (v: PageVariables<t.CandidatesQueryVariables> = {}, o?: PageOptions) => paginate(r, op.CandidatesDocument, v, (d) => d.candidates, o),
      municipalities: (v: PageVariables<t.MunicipalitiesQueryVariables> = {}, o?: PageOptions) => paginate(r, op.MunicipalitiesDocument, v, (d) => d.municipalities, o),
      organisations: (v: PageVariables<t.OrganisationsQueryVariables> = {}, o?: PageOptions) => paginate(r, op.OrganisationsDocument, v, (d) => d.organisations, o),
      apiKeys: (v: PageVariables<t.ApiKeysQueryVariables> = {}, o?: PageOptions) => paginate(r, op.ApiKeysDocument, v, (d) => d.apiKeys, o),
      auditEvents: (v: PageVariables<t.AuditEventsQueryVariables> = {}, o?: PageOptions) => paginate(r, op.AuditEventsDocument, v, (d) => d.auditEvents, o),
    },

    /** Runs any generated operation (e.g. one added to src/operations before it has a method). */
    request: <R, V>(operation: Operation<R, V>, variables: V, o?: RequestOptions): Promise<Resolved<R, M>> => q(operation, variables, o),
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
