/**
 * What the benchmarks measure: each scenario is one GraphQL request of the partner API and the
 * hand-written SQL that fetches the same data, so that the API's overhead is a measured ratio.
 * Scenarios whose request is heavy (a whole portfolio's statement, a shortlist over the whole
 * register) run at lower concurrency and for a fixed number of requests.
 */
import type { SqlSession } from "../db/migrate.js";

/** What a scenario's preparation learns from the seeded database before the load starts. */
export interface Prepared {
  /** One GraphQL body per request, used in turn (a single body for read scenarios). */
  bodies: string[];
  /** Query string of the baseline path (the same subject as the API request). */
  baselineQuery: string;
  /** What the request covers, for the report (e.g. "Fonds du Logement, 5,123 dwellings"). */
  subject: string;
}

export interface PrepareContext {
  sql: SqlSession;
  /** Sends one GraphQL request to the running API with a demo key of `role`. */
  gql(role: Scenario["role"], query: string, variables?: Record<string, unknown>): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>;
}

export interface Scenario {
  name: string;
  description: string;
  /** Demo key role used (the seed issues one per role). */
  role: "MINISTRY_ADMIN" | "MINISTRY_ANALYST" | "SOCIAL_LANDLORD";
  /** Concurrency levels (defaults to the run's BENCH_CONCURRENCY). */
  connections?: number[];
  /** A fixed number of requests per measurement instead of a duration. */
  amount?: number;
  /** Each prepared body may be sent once (e.g. it ranks one vacancy): never repeated. */
  singleUse?: boolean;
  /** Path of the baseline server serving the same data by hand-written SQL. */
  baselinePath: string;
  prepare(ctx: PrepareContext, requests: number): Promise<Prepared>;
}

const gidOf = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const single = (query: string, variables?: Record<string, unknown>) => [JSON.stringify({ query, variables })];

export const SCENARIOS: Scenario[] = [
  {
    name: "dwelling-page",
    description: "50 dwellings with landlord, compensation convention and up to 10 accommodation units each",
    role: "MINISTRY_ADMIN",
    baselinePath: "/dwelling-page",
    prepare: async () => ({
      bodies: single(`{ dwellings(first: 50) { totalCount edges { node { id reference bedrooms usefulArea status
        landlord { id name } compensationConvention { id reference }
        accommodationUnits(first: 10) { edges { node { id reference status } } } } } } }`),
      baselineQuery: "",
      subject: "first page of the whole stock",
    }),
  },
  {
    name: "ministry-dashboard",
    description: "the ministry's aggregates: stock by municipality/category/status, vacancy per landlord, candidates waiting",
    role: "MINISTRY_ANALYST",
    baselinePath: "/ministry-dashboard",
    prepare: async () => ({
      bodies: single(`{ ministryDashboard { stock { municipalityCode category status dwellings } vacancy { landlord dwellings vacant vacancyRate }
        candidatesWaiting { householdSize workplaceMunicipality candidates } } }`),
      baselineQuery: "",
      subject: "whole register and stock",
    }),
  },
  {
    name: "landlord-statement",
    description: "a landlord's yearly compensation statement (art. 40-41) for its whole portfolio, computed from stored data, total and line count",
    role: "MINISTRY_ADMIN",
    connections: [1, 4],
    amount: 20,
    baselinePath: "/landlord-statement",
    prepare: async ({ sql }) => {
      const [biggest] = await sql.query<{ id: string; name: string; n: string }>(
        `SELECT o.id, o.name, count(d.id)::text AS n FROM "Organisation" o JOIN "Dwelling" d ON d."landlordId" = o.id GROUP BY o.id, o.name ORDER BY count(d.id) DESC LIMIT 1`,
      );
      return {
        bodies: single(`query($input: CompensationStatementInput!) { compensationStatementDraft(input: $input) { total lineCount } }`, { input: { landlordId: gidOf("Organisation", biggest!.id), year: 2025 } }),
        baselineQuery: `?landlordId=${biggest!.id}&year=2025`,
        subject: `${biggest!.name}, ${Number(biggest!.n).toLocaleString("en")} dwellings, year 2025`,
      };
    },
  },
  {
    name: "shortlist",
    description: "computeShortlist for a new vacancy over the whole register (art. 53-58), each request on a file of its own, decision record sealed",
    role: "SOCIAL_LANDLORD",
    connections: [1],
    amount: 5,
    singleUse: true,
    baselinePath: "/shortlist-register",
    prepare: async ({ sql, gql }, requests) => {
      const viewer = await gql("SOCIAL_LANDLORD", "{ viewer { organisation { id name } } }");
      const org = (viewer.data?.viewer as { organisation: { id: string; name: string } }).organisation;
      const landlordId = Buffer.from(org.id, "base64").toString().split(":")[1]!;
      // Each request needs a vacancy of its own (a file leaves stage VACANCY once ranked): the
      // landlord's stock has few, so new vacant two-bedroom dwellings are created for the run.
      const [home] = await sql.query<{ municipalityId: string }>(`SELECT "municipalityId" FROM "Dwelling" WHERE "landlordId" = $1 LIMIT 1`, [landlordId]);
      const bodies: string[] = [];
      const run = Date.now().toString(36);
      for (let n = 0; n < requests; n++) {
        const created = await gql("SOCIAL_LANDLORD", `mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id } userErrors { message } } }`, {
          input: { reference: `BENCH-${run}-${n}`, developerId: org.id, category: "ALL_PUBLIC", type: "APARTMENT", bedrooms: 2, usefulArea: "70", municipalityCode: home!.municipalityId, address: `${n + 1}, rue du Banc d'Essai` },
        });
        const d = (created.data?.createDwelling as { dwelling: { id: string } | null } | undefined)?.dwelling;
        if (!d) throw new Error(`could not create a vacancy: ${JSON.stringify(created).slice(0, 300)}`);
        const opened = await gql("SOCIAL_LANDLORD", `mutation($input: OpenAllocationFileInput!) { openAllocationFile(input: $input) { allocationFile { id } userErrors { message } } }`, { input: { dwellingId: d.id, openedOn: "2026-11-02" } });
        const file = (opened.data?.openAllocationFile as { allocationFile: { id: string } | null } | undefined)?.allocationFile;
        if (!file) throw new Error(`could not open an allocation file: ${JSON.stringify(opened).slice(0, 300)}`);
        bodies.push(JSON.stringify({ query: `mutation($input: ComputeShortlistInput!) { computeShortlist(input: $input) { computation { rankedCount excludedCount loadMilliseconds rankMilliseconds recordMilliseconds } userErrors { message } } }`, variables: { input: { allocationFileId: file.id, allocationDate: "2026-11-02", keep: 10 } } }));
      }
      const [register] = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Application" WHERE status = 'ACTIVE'`);
      return { bodies, baselineQuery: `?landlordId=${landlordId}&date=2026-11-02`, subject: `${org.name}, ${Number(register!.n).toLocaleString("en")} active applications` };
    },
  },
];
