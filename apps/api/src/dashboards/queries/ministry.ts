/**
 * Aggregates for the ministry's internal dashboards, read from counts the database maintains
 * (DwellingStockCount, WaitingCount: statement-level triggers, migration 20261202000500), so a
 * request reads a few hundred rows instead of scanning the stock and the register (issue 16:
 * under 20 ms). `FULL_RECOMPUTATION` is the scan they must equal, checked by
 * test/dashboards/ministry-aggregates.test.ts. Ministry roles only.
 */
import { builder } from "../../schema/builder.js";
import { DwellingCategoryEnum, DwellingStatusEnum } from "../../schema/enums.js";
import type { DwellingCategory, DwellingStatus } from "../../generated/prisma/enums.js";
import { Dec } from "@abordable/domain";

interface StockRow {
  municipality: string;
  municipalityCode: string;
  category: DwellingCategory;
  status: DwellingStatus;
  dwellings: number;
}
interface VacancyRow {
  landlordId: string;
  landlord: string;
  dwellings: number;
  vacant: number;
}
interface WaitingRow {
  householdSize: number;
  workplaceMunicipality: string | null;
  candidates: number;
}

const StockCount = builder.objectRef<StockRow>("StockCount").implement({
  description: "Dwellings of one municipality, category and status.",
  fields: (t) => ({
    municipality: t.exposeString("municipality", { description: "Municipality name." }),
    municipalityCode: t.exposeString("municipalityCode", { description: "Municipality code." }),
    category: t.field({ type: DwellingCategoryEnum, description: "Category (art. 12).", resolve: (r) => r.category }),
    status: t.field({ type: DwellingStatusEnum, description: "Letting status.", resolve: (r) => r.status }),
    dwellings: t.exposeInt("dwellings", { description: "Number of dwellings." }),
  }),
});

const VacancyCount = builder.objectRef<VacancyRow>("VacancyCount").implement({
  description: "Vacancy of one landlord's stock.",
  fields: (t) => ({
    landlord: t.exposeString("landlord", { description: "Landlord name." }),
    dwellings: t.exposeInt("dwellings", { description: "Dwellings in the stock (excluding those under construction or withdrawn)." }),
    vacant: t.exposeInt("vacant", { description: "Vacant dwellings." }),
    vacancyRate: t.field({
      type: "Decimal",
      description: "vacant / dwellings, as a fraction with 4 decimals (0 for an empty stock).",
      resolve: (r) => (r.dwellings === 0 ? new Dec(0) : new Dec(r.vacant).div(r.dwellings).toDecimalPlaces(4)),
    }),
  }),
});

const WaitingCount = builder.objectRef<WaitingRow>("WaitingCount").implement({
  description: "Candidates with an active application, by household size and the applicant's municipality of work.",
  fields: (t) => ({
    householdSize: t.exposeInt("householdSize", { description: "Members in the household." }),
    workplaceMunicipality: t.exposeString("workplaceMunicipality", {
      nullable: true,
      description: "Municipality of work of the applicant; null when none (e.g. retired).",
    }),
    candidates: t.exposeInt("candidates", { description: "Number of candidates." }),
  }),
});

interface DashboardRows {
  stock: StockRow[];
  vacancy: VacancyRow[];
  candidatesWaiting: WaitingRow[];
}

/**
 * The three aggregates in ONE statement (issue 16): resolved as three statements in parallel, a
 * dashboard took three pool connections at once, and 50 concurrent dashboards overflowed the
 * pool's waiting bound (DATABASE_MAX_WAITING counts statements, not requests): 503s.
 */
const DASHBOARD_SQL = `SELECT json_build_object(
    -- Maintained counts (DwellingStockCount, kept by triggers: migration 20261202000500), not a scan of the stock.
    'stock', (SELECT coalesce(json_agg(x ORDER BY x.municipality, x.category, x.status), '[]'::json) FROM (
       SELECT m.name AS municipality, m.id AS "municipalityCode", s.category, s.status, sum(s.dwellings)::int AS dwellings
         FROM "DwellingStockCount" s JOIN "Municipality" m ON m.id = s."municipalityId"
        GROUP BY m.name, m.id, s.category, s.status) x),
    'vacancy', (SELECT coalesce(json_agg(x ORDER BY x.landlord), '[]'::json) FROM (
       SELECT o.id AS "landlordId", o.name AS landlord, sum(s.dwellings)::int AS dwellings, coalesce(sum(s.dwellings) FILTER (WHERE s.status = 'VACANT'), 0)::int AS vacant
         FROM "DwellingStockCount" s JOIN "Organisation" o ON o.id = s."landlordId"
        WHERE s.status NOT IN ('UNDER_CONSTRUCTION', 'WITHDRAWN')
        GROUP BY o.id, o.name) x),
    -- Maintained counts (WaitingCount, kept by triggers on Application, Household and HouseholdMember).
    'candidatesWaiting', (SELECT coalesce(json_agg(x ORDER BY x."householdSize", x."workplaceMunicipality" NULLS LAST), '[]'::json) FROM (
       SELECT w."householdSize", wm.name AS "workplaceMunicipality", w.candidates
         FROM "WaitingCount" w LEFT JOIN "Municipality" wm ON wm.id = NULLIF(w."workplaceMunicipalityId", '')) x)
  )::text AS rows`;

const Dashboard = builder.objectRef<{ rows: Promise<DashboardRows> }>("MinistryDashboard").implement({
  description: "Aggregates over the whole register and stock, computed in SQL.",
  fields: (t) => ({
    stock: t.field({
      type: [StockCount],
      description: "Dwellings by municipality, category and status.",
      resolve: async (d) => (await d.rows).stock,
    }),
    vacancy: t.field({
      type: [VacancyCount],
      description: "Vacancy per landlord.",
      resolve: async (d) => (await d.rows).vacancy,
    }),
    candidatesWaiting: t.field({
      type: [WaitingCount],
      description: "Candidates waiting (active application) by household size and municipality of work.",
      resolve: async (d) => (await d.rows).candidatesWaiting,
    }),
  }),
});

builder.queryField("ministryDashboard", (t) =>
  t.field({
    type: Dashboard,
    description: "The ministry's dashboard aggregates (ministry roles only).",
    authScopes: { ministry: true },
    resolve: (_root, _args, ctx) => {
      // Database.read: counted as the request's statement, through PGlite's gate, progress noted.
      const rows = ctx.db.read<{ rows: string }>(DASHBOARD_SQL, []).then(([r]) => JSON.parse(r!.rows) as DashboardRows);
      // Read by whichever fields are selected; a failure is reported by each of them, not left unhandled.
      rows.catch(() => undefined);
      return { rows };
    },
  }),
);

/** The same aggregates computed from the base tables, in the same order (what the maintained counts must equal). */
export const FULL_RECOMPUTATION = {
  stock: `SELECT m.name AS municipality, m.id AS code, d.category, d.status, count(*)::text AS n
            FROM "Dwelling" d JOIN "Municipality" m ON m.id = d."municipalityId"
           GROUP BY m.name, m.id, d.category, d.status ORDER BY m.name, d.category, d.status`,
  vacancy: `SELECT o.id, o.name, count(*)::text AS total, count(*) FILTER (WHERE d.status = 'VACANT')::text AS vacant
              FROM "Dwelling" d JOIN "Organisation" o ON o.id = d."landlordId"
             WHERE d.status NOT IN ('UNDER_CONSTRUCTION', 'WITHDRAWN')
             GROUP BY o.id, o.name ORDER BY o.name`,
  waiting: `SELECT h."memberCount" AS size, wm.name AS workplace, count(DISTINCT c.id)::text AS n
              FROM "Candidate" c
              JOIN "Household" h ON h."candidateId" = c.id
              JOIN "HouseholdMember" a ON a."householdId" = h.id AND a.role = 'APPLICANT'
              LEFT JOIN "Municipality" wm ON wm.id = a."workplaceMunicipalityId"
             WHERE EXISTS (SELECT 1 FROM "Application" ap WHERE ap."candidateId" = c.id AND ap.status = 'ACTIVE')
             GROUP BY h."memberCount", wm.name ORDER BY h."memberCount", wm.name NULLS LAST`,
} as const;
