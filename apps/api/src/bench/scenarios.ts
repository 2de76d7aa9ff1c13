/**
 * What the benchmarks measure: each scenario is one GraphQL request of the partner API and the
 * hand-written SQL that fetches the same data, so that the API's overhead is a measured ratio.
 */
export interface Scenario {
  name: string;
  description: string;
  /** Demo key role used (the seed issues one per role). */
  role: "MINISTRY_ADMIN" | "MINISTRY_ANALYST" | "SOCIAL_LANDLORD";
  query: string;
  variables?: Record<string, unknown>;
  /** Path of the baseline server serving the same data by hand-written SQL. */
  baselinePath: string;
}

export const SCENARIOS: Scenario[] = [
  {
    name: "dwelling-page",
    description: "50 dwellings with landlord, compensation convention and up to 10 accommodation units each",
    role: "MINISTRY_ADMIN",
    query: `{ dwellings(first: 50) { totalCount edges { node { id reference bedrooms usefulArea status
      landlord { id name } compensationConvention { id reference }
      accommodationUnits(first: 10) { edges { node { id reference status } } } } } } }`,
    baselinePath: "/dwelling-page",
  },
  {
    name: "ministry-dashboard",
    description: "the ministry's aggregates: stock by municipality/category/status, vacancy per landlord, candidates waiting",
    role: "MINISTRY_ANALYST",
    query: `{ ministryDashboard { stock { municipalityCode category status dwellings } vacancy { landlord dwellings vacant vacancyRate }
      candidatesWaiting { householdSize workplaceMunicipality candidates } } }`,
    baselinePath: "/ministry-dashboard",
  },
];
