/**
 * The hand-written SQL baseline: a bare node:http server answering each scenario's data as JSON
 * with plain parameterised SQL (one to three statements), no GraphQL, no ORM, no auth; and the
 * one-statement "limit" (LIMIT_SQL). Run as its
 * own process by the benchmark, on the same database as the API.
 */
import http from "node:http";
import type { SqlSession } from "@abordable/api";

export const BASELINE_SQL: Record<string, (sql: SqlSession, params: URLSearchParams) => Promise<unknown>> = {
  "/ready": async (sql) => sql.query("SELECT 1 AS ok"),
  // A page by row-value keyset when `afterReference`/`afterId` are given (page 100 of the deep scenario).
  "/dwelling-page": async (sql, params) => {
    const after = params.get("afterId") ? [params.get("afterReference"), params.get("afterId")] : null;
    const dwellings = await sql.query<{ id: string }>(
      `SELECT d.id, d.reference, d.bedrooms, d."usefulArea"::text AS "usefulArea", d.status,
              o.id AS "landlordId", o.name AS "landlordName", c.id AS "conventionId", c.reference AS "conventionReference"
         FROM "Dwelling" d JOIN "Organisation" o ON o.id = d."landlordId"
         LEFT JOIN "Convention" c ON c.id = d."compensationConventionId"
        ${after ? `WHERE (d.reference, d.id) > ($1, $2::uuid)` : ""}
        ORDER BY d.reference, d.id LIMIT 50`,
      after ?? [],
    );
    const total = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Dwelling"`);
    const units = await sql.query<{ dwellingId: string }>(
      `SELECT * FROM (SELECT u.id, u.reference, u.status, u."dwellingId", row_number() OVER (PARTITION BY u."dwellingId" ORDER BY u.reference) AS rn
                         FROM "AccommodationUnit" u WHERE u."dwellingId" = ANY($1::uuid[])) x WHERE rn <= 10`,
      [dwellings.map((d) => d.id)],
    );
    return { total: total[0]?.n, dwellings: dwellings.map((d) => ({ ...d, units: units.filter((u) => u.dwellingId === d.id) })) };
  },
  "/ministry-dashboard": async (sql) => ({
    stock: await sql.query(
      `SELECT m.name, m.id, d.category, d.status, count(*)::text AS n FROM "Dwelling" d JOIN "Municipality" m ON m.id = d."municipalityId" GROUP BY m.name, m.id, d.category, d.status`,
    ),
    vacancy: await sql.query(
      `SELECT o.id, o.name, count(*)::text AS total, count(*) FILTER (WHERE d.status = 'VACANT')::text AS vacant FROM "Dwelling" d JOIN "Organisation" o ON o.id = d."landlordId" WHERE d.status NOT IN ('UNDER_CONSTRUCTION', 'WITHDRAWN') GROUP BY o.id, o.name`,
    ),
    waiting:
      await sql.query(`SELECT h."memberCount" AS size, wm.name AS workplace, count(DISTINCT c.id)::text AS n FROM "Candidate" c JOIN "Household" h ON h."candidateId" = c.id
      JOIN "HouseholdMember" a ON a."householdId" = h.id AND a.role = 'APPLICANT' LEFT JOIN "Municipality" wm ON wm.id = a."workplaceMunicipalityId"
      WHERE EXISTS (SELECT 1 FROM "Application" ap WHERE ap."candidateId" = c.id AND ap.status = 'ACTIVE') GROUP BY h."memberCount", wm.name`),
  }),
  // The rows a landlord's yearly statement is computed from (apps/api/src/compensation/inputs.ts):
  // its dwellings under compensation, their accommodation units, and the leases running in the year.
  "/landlord-statement": async (sql, params) => {
    const landlordId = params.get("landlordId");
    const year = Number(params.get("year"));
    const [from, to] = [`${year}-01-01`, `${year + 1}-01-01`];
    const dwellings = await sql.query(
      `SELECT id, status, "managedSince", "dedicatedSubCategory", "rentToDeveloperMonthly"::text AS "rentToDeveloperMonthly", "ancillaryRentMonthly"::text AS "ancillaryRentMonthly", "compensationConventionId"
         FROM "Dwelling" WHERE "landlordId" = $1 ORDER BY reference, id`,
      [landlordId],
    );
    const units = await sql.query(
      `SELECT u.id, u."dwellingId" FROM "AccommodationUnit" u JOIN "Dwelling" d ON d.id = u."dwellingId" WHERE d."landlordId" = $1`,
      [landlordId],
    );
    const leases = await sql.query(
      `SELECT "dwellingId", "accommodationUnitId", "startsOn", "endsOn", "monthlyRent"::text AS "monthlyRent", "monthlyCharges"::text AS "monthlyCharges"
         FROM "Lease" WHERE "landlordId" = $1 AND "startsOn" < $3::date AND ("endsOn" IS NULL OR "endsOn" > $2::date)`,
      [landlordId, from, to],
    );
    return { dwellings: dwellings.length, units: units.length, leases: leases.length };
  },
  // The register a shortlist ranks (apps/api/src/allocation/register.ts): active applications with
  // their candidates, households and members.
  "/shortlist-register": async (sql, params) => {
    const date = params.get("date");
    const active = `a.status = 'ACTIVE' AND a."registeredOn" <= $1::date`;
    const applications = await sql.query(
      `SELECT a.id, a."candidateId", a."registeredOn", a.situation, a."isSittingTenantToRehouse" FROM "Application" a WHERE ${active} ORDER BY a."registeredOn", a.id`,
      [date],
    );
    const candidates = await sql.query(
      `SELECT c.id, c."residenceStatus", c."residentSince", c."municipalityId" FROM "Candidate" c WHERE EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id AND ${active})`,
      [date],
    );
    const members = await sql.query(
      `SELECT m.id, m."householdId", h."candidateId", m.role, m."birthDate", m."partnerId", m."hasDisability", m."workplaceMunicipalityId", m."annualNetIncome"::text AS "annualNetIncome", m."isDependent", m."holdsOtherDwellingRight"
         FROM "HouseholdMember" m JOIN "Household" h ON h.id = m."householdId"
        WHERE EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = h."candidateId" AND ${active})`,
      [date],
    );
    return { applications: applications.length, candidates: candidates.length, members: members.length };
  },
};

/**
 * The physical limit for the hot list: the same page as one SQL statement that builds the whole
 * JSON answer in the database (json_agg, units bounded per dwelling by a LATERAL LIMIT, totalCount
 * from the same maintained counts the API reads), sent as it comes. Nothing can answer the page
 * with less work on this database: the API's target is a ratio to this.
 */
export const LIMIT_SQL: Record<string, (sql: SqlSession, params: URLSearchParams) => Promise<string>> = {
  "/limit/dwelling-page": async (sql, params) => {
    const after = params.get("afterId") ? [params.get("afterReference"), params.get("afterId")] : null;
    const [row] = await sql.query<{ page: string }>(
      `SELECT json_build_object('data', json_build_object('dwellings', json_build_object(
                'totalCount', (SELECT coalesce(sum(dwellings), 0) FROM "DwellingStockCount"),
                'edges', coalesce(json_agg(json_build_object('node', p) ORDER BY p.reference, p.id), '[]'))))::text AS page
         FROM (SELECT d.id, d.reference, d.bedrooms, d."usefulArea"::text AS "usefulArea", d.status,
                      json_build_object('id', o.id, 'name', o.name) AS landlord,
                      CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'reference', c.reference) END AS "compensationConvention",
                      json_build_object('edges', (SELECT coalesce(json_agg(json_build_object('node', u) ORDER BY u.reference), '[]')
                                                    FROM (SELECT id, reference, status FROM "AccommodationUnit" WHERE "dwellingId" = d.id ORDER BY reference LIMIT 10) u)) AS "accommodationUnits"
                 FROM "Dwelling" d JOIN "Organisation" o ON o.id = d."landlordId"
                 LEFT JOIN "Convention" c ON c.id = d."compensationConventionId"
                ${after ? `WHERE (d.reference, d.id) > ($1, $2::uuid)` : ""}
                ORDER BY d.reference, d.id LIMIT 50) p`,
      after ?? [],
    );
    return row!.page;
  },
};

export function baselineServer(sql: SqlSession): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://baseline");
    const limit = LIMIT_SQL[url.pathname];
    if (limit) {
      limit(sql, url.searchParams)
        .then((text) => {
          res.setHeader("content-type", "application/json");
          res.end(text);
        })
        .catch((error: unknown) => {
          res.statusCode = 500;
          res.end(JSON.stringify({ error: String(error) }));
        });
      return;
    }
    const handler = BASELINE_SQL[url.pathname];
    if (!handler) {
      res.statusCode = 404;
      res.end();
      return;
    }
    handler(sql, url.searchParams)
      .then((data) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ data }));
      })
      .catch((error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: String(error) }));
      });
  });
}
