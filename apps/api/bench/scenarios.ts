/**
 * What the benchmarks measure: each scenario is one GraphQL request of the partner API, the
 * hand-written SQL that fetches the same data ("sql", baseline.ts) and, for the hot list, the
 * physical limit ("limit": one json_agg statement returning the same page as JSON), so that the
 * API's overhead is a ratio measured in the same run. Every scenario checks that its answer is not
 * trivial (a page of rows, a statement with lines and a non-zero total, a ranked shortlist): a
 * benchmark of an empty answer measures nothing. Heavy scenarios (a whole portfolio's statement,
 * a shortlist over the whole register) run at lower concurrency for a fixed number of requests.
 */
import { buildLandlordStatement } from "@abordable/domain";
import type { PrismaClient } from "@abordable/api";
import type { SqlSession } from "@abordable/api";
import { loadLandlordStatementInput } from "@abordable/api";

/** What a scenario's preparation learns from the seeded database before the load starts. */
export interface Prepared {
  /** Request bodies (JSON); single-use scenarios get one per request. */
  bodies: string[];
  /** Query string for the baseline and limit servers (e.g. "?landlordId=..."). */
  baselineQuery: string;
  /** What the request covers, for the report (e.g. "Ville de Luxembourg, 1,234 dwellings"). */
  subject: string;
  /** Extra figures measured while preparing (e.g. the domain's compute time alone), for the targets. */
  facts?: Record<string, number>;
}

export interface PrepareContext {
  sql: SqlSession;
  prisma: PrismaClient;
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
  /** Path of the one-statement limit server, where there is one. */
  limitPath?: string;
  prepare(ctx: PrepareContext, requests: number): Promise<Prepared>;
  /** Throws unless the API's answer is non-trivial (`data` of the GraphQL response). */
  check(data: Record<string, unknown>, prepared: Prepared): void;
}

const gidOf = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const single = (query: string, variables?: Record<string, unknown>) => [JSON.stringify({ query, variables })];
const fail = (scenario: string, why: string): never => {
  throw new Error(`${scenario}: trivial answer (${why}); the benchmark would measure nothing`);
};

const PAGE_QUERY = `query($after: String) { dwellings(first: 50, after: $after) { totalCount edges { node { id reference bedrooms usefulArea status
  landlord { id name } compensationConvention { id reference }
  accommodationUnits(first: 10) { edges { node { id reference status } } } } } } }`;

function checkPage(name: string) {
  return (data: Record<string, unknown>) => {
    const page = data.dwellings as { totalCount: number; edges: { node: { accommodationUnits: { edges: unknown[] } } }[] } | undefined;
    if (!page || page.totalCount <= 0) fail(name, "no totalCount");
    if (page!.edges.length !== 50) fail(name, `${page!.edges.length} dwellings instead of 50`);
  };
}

/** The page the page-100 scenario reads: 100 on the large seed, the last full page on smaller ones. */
async function deepPage(sql: SqlSession): Promise<number> {
  const [{ n }] = (await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Dwelling"`)) as [{ n: string }];
  return Math.max(2, Math.min(100, Math.floor(Number(n) / 50)));
}

export const SCENARIOS: Scenario[] = [
  {
    name: "dwelling-page",
    description: "page 1: 50 dwellings with landlord, compensation convention and up to 10 accommodation units each, totalCount",
    role: "MINISTRY_ADMIN",
    baselinePath: "/dwelling-page",
    limitPath: "/limit/dwelling-page",
    prepare: async () => ({ bodies: single(PAGE_QUERY), baselineQuery: "", subject: "first page of the whole stock" }),
    check: checkPage("dwelling-page"),
  },
  {
    name: "dwelling-page-deep",
    description: "the same page far into the list (page 100 on the large seed, the last full page on smaller ones), by cursor",
    role: "MINISTRY_ADMIN",
    baselinePath: "/dwelling-page",
    limitPath: "/limit/dwelling-page",
    prepare: async ({ sql, gql }) => {
      const page = await deepPage(sql);
      // The cursor is taken from the API itself (walking the pages), as a client would.
      let after: string | null = null;
      for (let i = 1; i < page; i++) {
        const res = await gql("MINISTRY_ADMIN", `query($after: String) { dwellings(first: 50, after: $after) { pageInfo { endCursor } } }`, { after });
        after = (res.data?.dwellings as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
      }
      const [last] = await sql.query<{ id: string; reference: string }>(`SELECT id, reference FROM "Dwelling" ORDER BY reference, id OFFSET $1 LIMIT 1`, [
        (page - 1) * 50 - 1,
      ]);
      return {
        bodies: single(PAGE_QUERY, { after }),
        baselineQuery: `?afterReference=${encodeURIComponent(last!.reference)}&afterId=${last!.id}`,
        subject: `page ${page} of the whole stock`,
        facts: { page },
      };
    },
    check: checkPage("dwelling-page-deep"),
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
    check: (data) => {
      const d = data.ministryDashboard as { stock: unknown[]; vacancy: unknown[]; candidatesWaiting: { candidates: number }[] } | undefined;
      if (!d || d.stock.length === 0 || d.vacancy.length === 0) fail("ministry-dashboard", "no stock");
      if (d!.candidatesWaiting.reduce((s, w) => s + w.candidates, 0) === 0) fail("ministry-dashboard", "nobody waiting");
    },
  },
  {
    name: "landlord-statement",
    description: "a landlord's yearly compensation statement (art. 40-41) for its whole portfolio, computed from stored data, total and line count",
    role: "MINISTRY_ADMIN",
    connections: [1, 4],
    amount: 20,
    baselinePath: "/landlord-statement",
    prepare: async ({ sql, prisma }) => {
      // The biggest landlord the compensation applies to: the Fonds du Logement, the biggest of
      // all, is excluded from the social landlord's compensation by law art. 40 §4 (its statement
      // is "EXCLUDED", total 0.00, no line), so measuring it measured loading rows, not the law.
      const [biggest] = await sql.query<{ id: string; name: string; n: string; kind: string; isUniversityOfLuxembourg: boolean }>(
        `SELECT o.id, o.name, o.kind, o."isUniversityOfLuxembourg", count(d.id)::text AS n FROM "Organisation" o JOIN "Dwelling" d ON d."landlordId" = o.id
          WHERE o.kind <> 'FONDS_DU_LOGEMENT' GROUP BY o.id, o.name ORDER BY count(d.id) DESC LIMIT 1`,
      );
      const [convention] = await sql.query<{ id: string; signedOn: Date }>(
        `SELECT id, "signedOn" FROM "Convention" WHERE "landlordId" = $1 AND kind = 'COMPENSATION' ORDER BY "signedOn" LIMIT 1`,
        [biggest!.id],
      );
      // The domain's compute time alone (pure function, input loaded once): the target compares the API with load + compute.
      const input = await loadLandlordStatementInput(
        prisma,
        { landlord: { id: biggest!.id, kind: biggest!.kind as never, isUniversityOfLuxembourg: biggest!.isUniversityOfLuxembourg }, convention: convention! },
        2025,
      );
      const times: number[] = [];
      let lines = 0;
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        lines = buildLandlordStatement(input, { regime: "LAW" }).lines.length;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return {
        bodies: single(`query($input: CompensationStatementInput!) { compensationStatementDraft(input: $input) { total lineCount } }`, {
          input: { landlordId: gidOf("Organisation", biggest!.id), year: 2025 },
        }),
        baselineQuery: `?landlordId=${biggest!.id}&year=2025`,
        subject: `${biggest!.name}, ${Number(biggest!.n).toLocaleString("en")} dwellings, year 2025, ${lines.toLocaleString("en")} lines`,
        facts: { computeMs: times[3]!, lines },
      };
    },
    check: (data) => {
      const s = data.compensationStatementDraft as { total: string; lineCount: number } | null;
      if (!s) fail("landlord-statement", "no statement");
      if (s!.lineCount === 0) fail("landlord-statement", "no line");
      if (/^-?0(\.0+)?$/.test(s!.total)) fail("landlord-statement", `total ${s!.total}`);
    },
  },
  {
    name: "shortlist",
    description: "computeShortlist for a new vacancy over the whole register (art. 53-58), each request on a file of its own, decision record sealed",
    role: "SOCIAL_LANDLORD",
    connections: [1],
    amount: 3,
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
        const created = await gql(
          "SOCIAL_LANDLORD",
          `mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id } userErrors { message } } }`,
          {
            input: {
              reference: `BENCH-${run}-${n}`,
              developerId: org.id,
              category: "ALL_PUBLIC",
              type: "APARTMENT",
              bedrooms: 2,
              usefulArea: "70",
              municipalityCode: home!.municipalityId,
              address: `${n + 1}, rue du Banc d'Essai`,
            },
          },
        );
        const d = (created.data?.createDwelling as { dwelling: { id: string } | null } | undefined)?.dwelling;
        if (!d) throw new Error(`could not create a vacancy: ${JSON.stringify(created).slice(0, 300)}`);
        const opened = await gql(
          "SOCIAL_LANDLORD",
          `mutation($input: OpenAllocationFileInput!) { openAllocationFile(input: $input) { allocationFile { id } userErrors { message } } }`,
          { input: { dwellingId: d.id, openedOn: "2026-11-02" } },
        );
        const file = (opened.data?.openAllocationFile as { allocationFile: { id: string } | null } | undefined)?.allocationFile;
        if (!file) throw new Error(`could not open an allocation file: ${JSON.stringify(opened).slice(0, 300)}`);
        bodies.push(
          JSON.stringify({
            query: `mutation($input: ComputeShortlistInput!) { computeShortlist(input: $input) { computation { rankedCount excludedCount notLoadedCount recordBytes recordCanonicalLength loadMilliseconds rankMilliseconds recordMilliseconds } userErrors { message } } }`,
            variables: { input: { allocationFileId: file.id, allocationDate: "2026-11-02", keep: 10 } },
          }),
        );
      }
      const [register] = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Application" WHERE status = 'ACTIVE'`);
      return {
        bodies,
        baselineQuery: `?landlordId=${landlordId}&date=2026-11-02`,
        subject: `${org.name}, ${Number(register!.n).toLocaleString("en")} active applications`,
      };
    },
    check: (data, prepared) => {
      const c = (
        data.computeShortlist as
          | { computation: { rankedCount: number; recordBytes: number; recordCanonicalLength: number; notLoadedCount: number } | null }
          | undefined
      )?.computation;
      if (!c || c.rankedCount === 0) fail("shortlist", "nobody ranked");
      // The decision record is stored and its size reported (issue 16: under 1 MB per vacancy).
      if (!(c!.recordBytes > 0)) fail("shortlist", "no decision record");
      prepared.facts = {
        ...prepared.facts,
        recordBytes: c!.recordBytes,
        recordCanonicalLength: c!.recordCanonicalLength,
        ranked: c!.rankedCount,
        notLoaded: c!.notLoadedCount,
      };
      console.log(
        `[bench] shortlist: ${c!.rankedCount} ranked, ${c!.notLoadedCount} left out by the SQL filter, record ${c!.recordBytes} B gzip (${c!.recordCanonicalLength} characters of canonical JSON)`,
      );
    },
  },
];
