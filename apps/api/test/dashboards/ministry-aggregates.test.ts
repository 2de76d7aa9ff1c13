/**
 * The ministry dashboard reads counts the database maintains (DwellingStockCount, WaitingCount,
 * kept by statement-level triggers, migration 20261202000500) instead of scanning the stock and
 * the register. They must equal a full recomputation from the base tables, after the seed and
 * after every kind of change the triggers follow: inserts (one row and bulk), updates of each
 * column a count depends on, deletes, and cascades.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FULL_RECOMPUTATION } from "../../src/dashboards/queries/ministry.js";
import { startTestApi, type TestApi } from "../support/api.js";

const QUERY = `{ ministryDashboard { stock { municipalityCode category status dwellings } vacancy { landlord dwellings vacant }
  candidatesWaiting { householdSize workplaceMunicipality candidates } } }`;

describe("ministry dashboard: maintained aggregates", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  /** The dashboard as the API answers it, and the same aggregates recomputed from the base tables. */
  async function compare(): Promise<{ served: unknown; recomputed: unknown }> {
    const res = await api.gql("analyst", QUERY);
    expect(res.body.errors).toBeUndefined();
    const stock = await api.db.sql.query<{ code: string; category: string; status: string; n: string }>(FULL_RECOMPUTATION.stock);
    const vacancy = await api.db.sql.query<{ name: string; total: string; vacant: string }>(FULL_RECOMPUTATION.vacancy);
    const waiting = await api.db.sql.query<{ size: number; workplace: string | null; n: string }>(FULL_RECOMPUTATION.waiting);
    return {
      served: res.body.data!.ministryDashboard,
      recomputed: {
        stock: stock.map((r) => ({ municipalityCode: r.code, category: r.category, status: r.status, dwellings: Number(r.n) })),
        vacancy: vacancy.map((r) => ({ landlord: r.name, dwellings: Number(r.total), vacant: Number(r.vacant) })),
        candidatesWaiting: waiting.map((r) => ({ householdSize: Number(r.size), workplaceMunicipality: r.workplace, candidates: Number(r.n) })),
      },
    };
  }

  async function expectExact(): Promise<void> {
    const { served, recomputed } = await compare();
    expect(served).toEqual(recomputed);
  }

  it("equals a full recomputation after the seed, and the seed's answer is not trivial", async () => {
    const { served } = await compare();
    const d = served as { stock: unknown[]; vacancy: { vacant: number }[]; candidatesWaiting: { candidates: number }[] };
    expect(d.stock.length).toBeGreaterThan(20);
    expect(d.vacancy.some((v) => v.vacant > 0)).toBe(true);
    expect(d.candidatesWaiting.reduce((s, w) => s + w.candidates, 0)).toBeGreaterThan(100);
    await expectExact();
  }, 60_000);

  it("follows dwellings inserted, updated (status, municipality, landlord, category) and deleted", async () => {
    const sql = api.db.sql;
    const [some] = await sql.query<{ id: string; landlordId: string; developerId: string }>(
      `SELECT id, "landlordId", "developerId" FROM "Dwelling" ORDER BY id LIMIT 1`,
    );
    const [other] = await sql.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE "isSocialLandlord" AND id <> $1 ORDER BY id LIMIT 1`, [
      some!.landlordId,
    ]);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    // A bulk insert (one statement, three rows) and a single one.
    await sql.query(
      `INSERT INTO "Dwelling" (id, reference, "landlordId", "developerId", category, type, bedrooms, "usefulArea", "municipalityId", address, status, "updatedAt")
       SELECT x, 'AGG-' || x, $1, $2, 'ALL_PUBLIC', 'APARTMENT', 2, 70, (SELECT id FROM "Municipality" WHERE name = 'Luxembourg'), 'rue du Test', 'VACANT', now() FROM unnest($3::uuid[]) AS x`,
      [some!.landlordId, some!.developerId, ids],
    );
    await expectExact();
    await sql.query(`UPDATE "Dwelling" SET status = 'LET' WHERE id = $1`, [ids[0]]);
    await sql.query(
      `UPDATE "Dwelling" SET "municipalityId" = (SELECT id FROM "Municipality" WHERE name = 'Esch-sur-Alzette'), category = 'DEDICATED', "dedicatedSubCategory" = 'SENIORS' WHERE id = $1`,
      [ids[1]],
    );
    await sql.query(`UPDATE "Dwelling" SET "landlordId" = $2 WHERE id = $1`, [ids[2], other!.id]);
    // An update touching many rows and no counted column, then one touching a counted column of many rows.
    await sql.query(`UPDATE "Dwelling" SET address = address WHERE status = 'LET'`);
    await sql.query(
      `UPDATE "Dwelling" SET status = CASE status WHEN 'VACANT' THEN 'UNDER_RENOVATION'::"DwellingStatus" ELSE status END WHERE "landlordId" = $1`,
      [some!.landlordId],
    );
    await expectExact();
    await sql.query(`DELETE FROM "Dwelling" WHERE id = ANY($1::uuid[])`, [ids]);
    await expectExact();
  }, 60_000);

  it("follows applications, households and members: status, size, role, workplace, and cascades", async () => {
    const sql = api.db.sql;
    // Status changes of many applications at once, and back.
    await sql.query(`UPDATE "Application" SET status = 'WITHDRAWN' WHERE id IN (SELECT id FROM "Application" WHERE status = 'ACTIVE' ORDER BY id LIMIT 25)`);
    await expectExact();
    const [member] = await sql.query<{ id: string; householdId: string }>(
      `SELECT m.id, m."householdId" FROM "HouseholdMember" m JOIN "Household" h ON h.id = m."householdId"
        WHERE m.role = 'APPLICANT' AND EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = h."candidateId" AND a.status = 'ACTIVE') ORDER BY m.id LIMIT 1`,
    );
    await sql.query(`UPDATE "HouseholdMember" SET "workplaceMunicipalityId" = NULL WHERE id = $1`, [member!.id]);
    await expectExact();
    await sql.query(`UPDATE "HouseholdMember" SET "workplaceMunicipalityId" = (SELECT id FROM "Municipality" WHERE name = 'Diekirch') WHERE id = $1`, [
      member!.id,
    ]);
    await sql.query(`UPDATE "Household" SET "memberCount" = "memberCount" + 3 WHERE id = $1`, [member!.householdId]);
    await expectExact();
    // A second applicant in the same household (another workplace): the candidate counts in both groups, once each.
    const second = randomUUID();
    await sql.query(
      `INSERT INTO "HouseholdMember" (id, "householdId", role, "firstName", "lastName", "birthDate", "workplaceMunicipalityId")
       VALUES ($1, $2, 'APPLICANT', 'Test', 'Second', '1990-01-01', (SELECT id FROM "Municipality" WHERE name = 'Remich'))`,
      [second, member!.householdId],
    );
    await expectExact();
    await sql.query(`UPDATE "HouseholdMember" SET role = 'OTHER_ADULT' WHERE id = $1`, [second]);
    await expectExact();
    await sql.query(`DELETE FROM "HouseholdMember" WHERE id = $1`, [second]);
    await expectExact();
    // A candidate registered in three statements (candidate, household with its applicant, application), then deleted with everything it owns (cascade).
    const [candidate, household] = [randomUUID(), randomUUID()];
    await sql.query(
      `INSERT INTO "Candidate" (id, "registerNumber", "firstName", "lastName", "birthDate", address, "municipalityId", "residenceStatus", "updatedAt")
       VALUES ($1, 'AGG-1', 'Test', 'Cascade', '1985-05-05', 'rue du Test', (SELECT id FROM "Municipality" WHERE name = 'Luxembourg'), 'LUXEMBOURG_NATIONAL', now())`,
      [candidate],
    );
    await sql.query(`INSERT INTO "Household" (id, "candidateId", "incomeYear", "memberCount", "updatedAt") VALUES ($1, $2, 2025, 1, now())`, [
      household,
      candidate,
    ]);
    await sql.query(
      `INSERT INTO "HouseholdMember" (id, "householdId", role, "firstName", "lastName", "birthDate") VALUES ($1, $2, 'APPLICANT', 'Test', 'Cascade', '1985-05-05')`,
      [randomUUID(), household],
    );
    await expectExact();
    await sql.query(
      `INSERT INTO "Application" (id, "candidateId", "registeredOn", motive, "updatedAt") SELECT $1, $2, '2026-01-05', motive, now() FROM "Application" LIMIT 1`,
      [randomUUID(), candidate],
    );
    await expectExact();
    await sql.query(`DELETE FROM "Candidate" WHERE id = $1`, [candidate]);
    await expectExact();
    await sql.query(`UPDATE "Application" SET status = 'ACTIVE' WHERE status = 'WITHDRAWN'`);
    await expectExact();
  }, 60_000);
});
