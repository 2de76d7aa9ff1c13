/**
 * The hand-written SQL baseline: a bare node:http server answering each scenario's data as JSON
 * with plain parameterised SQL (one or two statements), no GraphQL, no ORM, no auth. Run as its
 * own process by the benchmark, on the same database as the API.
 */
import http from "node:http";
import type { SqlSession } from "../db/migrate.js";

export const BASELINE_SQL: Record<string, (sql: SqlSession) => Promise<unknown>> = {
  "/ready": async (sql) => sql.query("SELECT 1 AS ok"),
  "/dwelling-page": async (sql) => {
    const dwellings = await sql.query<{ id: string }>(
      `SELECT d.id, d.reference, d.bedrooms, d."usefulArea"::text AS "usefulArea", d.status,
              o.id AS "landlordId", o.name AS "landlordName", c.id AS "conventionId", c.reference AS "conventionReference"
         FROM "Dwelling" d JOIN "Organisation" o ON o.id = d."landlordId"
         LEFT JOIN "Convention" c ON c.id = d."compensationConventionId"
        ORDER BY d.reference, d.id LIMIT 50`,
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
    stock: await sql.query(`SELECT m.name, m.id, d.category, d.status, count(*)::text AS n FROM "Dwelling" d JOIN "Municipality" m ON m.id = d."municipalityId" GROUP BY m.name, m.id, d.category, d.status`),
    vacancy: await sql.query(`SELECT o.id, o.name, count(*)::text AS total, count(*) FILTER (WHERE d.status = 'VACANT')::text AS vacant FROM "Dwelling" d JOIN "Organisation" o ON o.id = d."landlordId" WHERE d.status NOT IN ('UNDER_CONSTRUCTION', 'WITHDRAWN') GROUP BY o.id, o.name`),
    waiting: await sql.query(`SELECT h."memberCount" AS size, wm.name AS workplace, count(DISTINCT c.id)::text AS n FROM "Candidate" c JOIN "Household" h ON h."candidateId" = c.id
      JOIN "HouseholdMember" a ON a."householdId" = h.id AND a.role = 'APPLICANT' LEFT JOIN "Municipality" wm ON wm.id = a."workplaceMunicipalityId"
      WHERE EXISTS (SELECT 1 FROM "Application" ap WHERE ap."candidateId" = c.id AND ap.status = 'ACTIVE') GROUP BY h."memberCount", wm.name`),
  }),
};

export function baselineServer(sql: SqlSession): http.Server {
  return http.createServer((req, res) => {
    const handler = BASELINE_SQL[req.url ?? ""];
    if (!handler) {
      res.statusCode = 404;
      res.end();
      return;
    }
    handler(sql)
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
