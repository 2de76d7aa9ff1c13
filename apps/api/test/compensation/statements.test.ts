/**
 * Compensation statements through the real API on a real database: drafts computed from stored
 * data, issuing (numbered, hashed, versioned, audited), refusals (unchanged → CONFLICT, year not
 * ended → art. 41), diffs between versions, CSV to the cent, tenant isolation, concurrent issues,
 * both regimes, and a bounded number of SQL statements per draft.
 */
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import { Dec, prorate, roundMoney } from "@abordable/domain";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { gid, startTestApi, type Caller, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const STATEMENT_FIELDS = `
  id issued number kind year version regime total outcome surplusOwedToState lineCount contentHash issuedAt fromMonth toMonth conventionSignedOn
  organisation { name } convention { reference }
  subtotalsByComponent { component amount lineCount }
  overallVacancyRate { managedDays otherDays renovationDays otherRate }
  exclusions { objectId component reason article }
  parameterVersions { key parameterId }
  filing { deadline late daysLate references { citation } }
`;

const DRAFT = `query($input: CompensationStatementInput!) { compensationStatementDraft(input: $input) { ${STATEMENT_FIELDS} } }`;
const ISSUE = `mutation($input: CompensationStatementInput!) {
  issueCompensationStatement(input: $input) {
    statement { ${STATEMENT_FIELDS} versions { number version } }
    changesFromPrevious {
      previous { number version } identical totalBefore totalAfter totalDelta changedCount addedCount removedCount
      changed(first: 50) { totalCount edges { node { lineId before after delta changedFields line { month component amount inputs } } } }
    }
    userErrors { field message code rule }
  }
}`;
const LINES = `query($number: String!, $after: String, $filter: CompensationStatementLineFilter) {
  compensationStatement(number: $number) {
    lines(first: 100, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { lineId amount exactAmount component month ruleId article } } }
  }
}`;

type Line = { lineId: string; amount: string; exactAmount: string; component: string; month: string; ruleId: string; article: string };
const cents = (amount: string) => BigInt(amount.replace(".", ""));
const sumCents = (amounts: string[]) => amounts.reduce((s, a) => s + cents(a), 0n);

async function allLines(api: TestApi, caller: Caller, number: string, filter?: Record<string, unknown>): Promise<Line[]> {
  const out: Line[] = [];
  let after: string | null = null;
  for (;;) {
    const res: { body: { data?: Record<string, any>; errors?: unknown } } = await api.gql(caller, LINES, { number, after, filter });
    expect(res.body.errors).toBeUndefined();
    const conn: { edges: { node: Line }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = res.body.data!.compensationStatement.lines;
    out.push(...conn.edges.map((e: { node: Line }) => e.node));
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
}

/** RFC 4180 rows (the statement CSV has no quoted line breaks, but quoted fields may hold commas). */
function parseCsv(text: string): string[][] {
  return text
    .split("\r\n")
    .filter((l) => l.length > 0)
    .map((line) => {
      const cells: string[] = [];
      let cur = "";
      let quoted = false;
      for (let i = 0; i < line.length; i += 1) {
        const ch = line[i]!;
        if (quoted && ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i += 1;
        } else if (ch === '"') {
          quoted = !quoted;
        } else if (ch === "," && !quoted) {
          cells.push(cur);
          cur = "";
        } else {
          cur += ch;
        }
      }
      cells.push(cur);
      return cells;
    });
}

/** An Esch dwelling in the stock since before `year`, with no units (so its lines are per dwelling). */
async function steadyDwelling(api: TestApi, year: number) {
  return api.db.prisma.dwelling.findFirstOrThrow({
    where: {
      landlordId: api.orgIds.esch,
      compensationConventionId: { not: null },
      status: "LET",
      managedSince: { lt: new Date(`${year}-01-01T00:00:00Z`) },
      accommodationUnits: { none: {} },
    },
    orderBy: { reference: "asc" },
  });
}

describe(`compensation statements (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let eschInput: { landlordId: string; year: number; regime: "LAW" };
  let dwellingId: string;
  let firstNumber: string;

  beforeAll(async () => {
    api = await startTestApi();
    eschInput = { landlordId: gid("Organisation", api.orgIds.esch), year: 2025, regime: "LAW" };
    const d = await steadyDwelling(api, 2025);
    dwellingId = d.id;
    // A rent paid to the developer on this dwelling, so that version 2 can change it.
    await api.db.prisma.dwelling.update({ where: { id: d.id }, data: { rentToDeveloperMonthly: "500.00" } });
  });
  afterAll(async () => api?.close());

  it("computes a landlord's draft from the stored data: total = sum of lines = sum of subtotals, CSV to the cent", async () => {
    const res = await api.gql("landlordA", DRAFT, { input: eschInput });
    expect(res.body.errors).toBeUndefined();
    const draft = res.body.data!.compensationStatementDraft;
    expect(draft).toMatchObject({
      id: null,
      issued: false,
      number: null,
      version: null,
      kind: "LANDLORD",
      year: 2025,
      regime: "LAW",
      issuedAt: null,
      fromMonth: "2025-01",
      toMonth: "2025-12",
      organisation: { name: "Ville d'Esch-sur-Alzette" },
      convention: { reference: expect.stringMatching(/^CC-/) },
    });
    expect(draft.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(draft.lineCount).toBeGreaterThan(100);
    expect(sumCents(draft.subtotalsByComponent.map((s: { amount: string }) => s.amount))).toBe(cents(draft.total));
    expect(draft.subtotalsByComponent.map((s: { component: string }) => s.component)).toEqual(
      expect.arrayContaining(["RENT_PAID_TO_DEVELOPER", "MANAGEMENT_FLAT", "TENANT_RENTS"]),
    );
    expect(draft.overallVacancyRate.managedDays).toBeGreaterThan(0);
    expect(draft.parameterVersions.map((p: { parameterId: string }) => p.parameterId)).toContain("compensation.landlord.managementFlat");
    // Art. 41 under the law: 30 June of the year after the compensated year (the request carries the year's audited report, §2 3°).
    expect(draft.filing).toMatchObject({ deadline: "2026-06-30", references: [{ citation: "law art. 41 §1" }, { citation: "law art. 41 §2 3°" }] });

    // The draft's lines and CSV (through a detour: lines are paged on issued statements below; here the draft's own connection).
    const lines = await api.gql(
      "landlordA",
      `query($input: CompensationStatementInput!) {
      compensationStatementDraft(input: $input) { total csv lines(first: 100, filter: { dwellingId: "${gid("Dwelling", dwellingId)}" }) { totalCount edges { node { lineId component month amount exactAmount inputs parameterVersions { key } } } } }
    }`,
      { input: eschInput },
    );
    const d = lines.body.data!.compensationStatementDraft;
    const mine = d.lines.edges.map((e: { node: Line & { inputs: Record<string, string> } }) => e.node);
    const rent = mine.filter((l: Line) => l.component === "RENT_PAID_TO_DEVELOPER");
    expect(rent).toHaveLength(12);
    expect(rent.every((l: Line) => l.amount === "500.00")).toBe(true);
    const flats = mine.filter((l: Line) => l.component === "MANAGEMENT_FLAT");
    expect(flats.map((l: Line) => l.amount)).toEqual(Array(12).fill("300.00"));

    const rows = parseCsv(d.csv);
    expect(rows[0]).toEqual([
      "line_id",
      "dwelling_id",
      "object_id",
      "object_kind",
      "month",
      "component",
      "rule_id",
      "article",
      "amount",
      "parameter_versions",
      "dwelling_reference",
      "statement_number",
      "statement_version",
    ]);
    // Global IDs as the API's (they join to node(id:)), the dwelling's reference; a draft has no number yet.
    const own = rows.find((r) => r[1] === gid("Dwelling", dwellingId))!;
    expect(own[2]).toBe(gid("Dwelling", dwellingId));
    const { reference } = await api.db.prisma.dwelling.findUniqueOrThrow({ where: { id: dwellingId }, select: { reference: true } });
    expect(own[10]).toBe(reference);
    expect([own[11], own[12]]).toEqual(["", ""]);
    const lineRows = rows.slice(1).filter((r) => !["SUBTOTAL_DWELLING", "SUBTOTAL_COMPONENT", "TOTAL"].includes(r[0]!));
    expect(lineRows).toHaveLength(draft.lineCount);
    expect(rows[rows.length - 1]![8]).toBe(d.total);
    expect(sumCents(lineRows.map((r) => r[8]!))).toBe(cents(d.total));
    for (const l of mine) expect(lineRows.find((r) => r[0] === l.lineId)?.[8]).toBe(l.amount);
  });

  it("law art. 41 §1-2: the request for 2025 filed on 2026-03-02 is on time (deadline 2026-06-30), while 2026 cannot be issued yet", async () => {
    // The clock (Date only) is set to a day of the first half of 2026: the first days a 2025 statement can be issued.
    vi.setSystemTime(new Date("2026-03-02T09:00:00Z"));
    try {
      const res = await api.gql(
        "landlordA",
        `query($input: CompensationStatementInput!) { compensationStatementDraft(input: $input) { filing { deadline filedOn late daysLate } } }`,
        { input: eschInput },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.compensationStatementDraft.filing).toEqual({ deadline: "2026-06-30", filedOn: "2026-03-02", late: false, daysLate: 0 });
      const current = await api.gql("landlordA", ISSUE, { input: { ...eschInput, year: 2026 } });
      expect(current.body.data!.issueCompensationStatement.userErrors).toMatchObject([{ code: "RULE_VIOLATION", field: ["input", "year"] }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("issues version 1 (number, SHA-256 of the stored canonical JSON, audit); issuing again unchanged is a CONFLICT", async () => {
    const draft = (await api.gql("landlordA", DRAFT, { input: eschInput })).body.data!.compensationStatementDraft;
    const auditBefore = await api.db.prisma.auditEvent.count({ where: { action: "issueCompensationStatement" } });
    const res = await api.gql("landlordA", ISSUE, { input: eschInput });
    const out = res.body.data!.issueCompensationStatement;
    expect(out.userErrors).toEqual([]);
    expect(out.statement).toMatchObject({
      issued: true,
      version: 1,
      kind: "LANDLORD",
      year: 2025,
      total: draft.total,
      contentHash: draft.contentHash,
      lineCount: draft.lineCount,
    });
    expect(out.statement.number).toMatch(/^CS-2025-\d{6}$/);
    expect(out.statement.versions).toEqual([{ number: out.statement.number, version: 1 }]);
    expect(out.changesFromPrevious).toBeNull();
    firstNumber = out.statement.number;

    const row = await api.db.prisma.compensationStatement.findUniqueOrThrow({ where: { number: firstNumber } });
    const json = gunzipSync(row.content).toString("utf8");
    expect(createHash("sha256").update(json).digest("hex")).toBe(row.contentHash);
    expect(JSON.parse(json)).toMatchObject({ kind: "LANDLORD", year: 2025, total: draft.total });
    expect(row.total.toFixed(2)).toBe(draft.total);
    expect(await api.db.prisma.auditEvent.count({ where: { action: "issueCompensationStatement" } })).toBe(auditBefore + 1);

    // Total = sum of the issued lines, read back page by page.
    const lines = await allLines(api, "landlordA", firstNumber);
    expect(lines).toHaveLength(draft.lineCount);
    expect(sumCents(lines.map((l) => l.amount))).toBe(cents(draft.total));

    const again = await api.gql("landlordA", ISSUE, { input: eschInput });
    expect(again.body.data!.issueCompensationStatement).toMatchObject({ statement: null, userErrors: [{ code: "CONFLICT", field: ["input"] }] });
    expect(await api.db.prisma.compensationStatement.count({ where: { organisationId: api.orgIds.esch, year: 2025 } })).toBe(1);
  });

  it("a changed rent gives version 2 with the changed lines listed", async () => {
    await api.db.prisma.dwelling.update({ where: { id: dwellingId }, data: { rentToDeveloperMonthly: "650.00" } });
    const res = await api.gql("landlordA", ISSUE, { input: eschInput });
    const out = res.body.data!.issueCompensationStatement;
    expect(out.userErrors).toEqual([]);
    expect(out.statement.version).toBe(2);
    expect(out.statement.number).not.toBe(firstNumber);
    expect(out.statement.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const c = out.changesFromPrevious;
    expect(c).toMatchObject({
      previous: { number: firstNumber, version: 1 },
      identical: false,
      changedCount: 12,
      addedCount: 0,
      removedCount: 0,
      totalDelta: "1800.00",
    });
    expect(cents(c.totalAfter) - cents(c.totalBefore)).toBe(180000n);
    const changed = c.changed.edges.map((e: { node: { lineId: string; before: string; after: string; delta: string; line: { component: string } } }) => e.node);
    expect(changed).toHaveLength(12);
    for (const ch of changed) {
      expect(ch.lineId).toMatch(new RegExp(`^${dwellingId}\\|2025-\\d{2}\\|RENT_PAID_TO_DEVELOPER$`));
      expect(ch).toMatchObject({ before: "500.00", after: "650.00", delta: "150.00", line: { component: "RENT_PAID_TO_DEVELOPER" } });
    }

    // The issued list and a single statement by ID carry the same figures; latestOnly keeps version 2.
    const list = await api.gql(
      "landlordA",
      `{ compensationStatements(first: 10, filter: { year: 2025 }) { totalCount edges { node { number version total } } } }`,
    );
    expect(list.body.data!.compensationStatements.totalCount).toBe(2);
    const latest = await api.gql(
      "landlordA",
      `{ compensationStatements(first: 10, filter: { year: 2025, latestOnly: true }) { edges { node { number version changesFromPrevious { changedCount } } } } }`,
    );
    expect(latest.body.data!.compensationStatements.edges).toMatchObject([
      { node: { number: out.statement.number, version: 2, changesFromPrevious: { changedCount: 12 } } },
    ]);
    const byId = await api.gql("landlordA", `query($id: ID!) { compensationStatement(id: $id) { number total csv } }`, { id: out.statement.id });
    expect(byId.body.data!.compensationStatement).toMatchObject({ number: out.statement.number, total: out.statement.total });
    const rows = parseCsv(byId.body.data!.compensationStatement.csv);
    const lines = await allLines(api, "landlordA", out.statement.number);
    const csvAmounts = new Map(rows.slice(1).map((r) => [r[0], r[8]]));
    for (const l of lines) expect(csvAmounts.get(l.lineId)).toBe(l.amount);
    expect(rows.find((r) => r[0] === "TOTAL")![8]).toBe(out.statement.total);
    // An issued statement's rows carry its number and version.
    expect(new Set(rows.slice(1).map((r) => `${r[11]} ${r[12]}`))).toEqual(new Set([`${out.statement.number} 2`]));
    // The XLSX export (issue 14): the same cells as the CSV, read back with exceljs; amounts as numbers with the statement's digits.
    const xlsx = await api.gql("landlordA", `query($id: ID!) { compensationStatement(id: $id) { xlsx } }`, { id: out.statement.id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body.data!.compensationStatement.xlsx, "base64") as never);
    const sheet = workbook.getWorksheet("Statement")!;
    const sheetRows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      sheetRows.push(
        Array.from({ length: rows[0]!.length }, (_v, i) => {
          const v = row.getCell(i + 1).value;
          return v === null || v === undefined ? "" : typeof v === "number" ? v.toFixed(2) : String(v);
        }),
      );
    });
    expect(sheetRows).toEqual(rows.filter((r) => r.length > 1));
    expect(typeof sheet.getRow(sheetRows.length).getCell(9).value).toBe("number");
  });

  it("an issued statement is frozen by the database itself: UPDATE, DELETE and TRUNCATE refused; its convention and previous version cannot be deleted from under it", async () => {
    const row = await api.db.prisma.compensationStatement.findUniqueOrThrow({
      where: { number: firstNumber },
      select: { id: true, total: true, contentHash: true, conventionId: true },
    });
    const frozen = /CompensationStatement is frozen once issued/;
    await expect(api.db.sql.exec(`UPDATE "CompensationStatement" SET "total" = "total" + 1 WHERE "number" = '${firstNumber}'`)).rejects.toThrow(frozen);
    await expect(
      api.db.sql.exec(`UPDATE "CompensationStatement" SET "content" = decode('00', 'hex'), "contentHash" = 'forged' WHERE "number" = '${firstNumber}'`),
    ).rejects.toThrow(frozen);
    await expect(api.db.prisma.compensationStatement.update({ where: { id: row.id }, data: { outcome: "BALANCED" } })).rejects.toThrow(frozen);
    await expect(api.db.sql.exec(`DELETE FROM "CompensationStatement" WHERE "number" = '${firstNumber}'`)).rejects.toThrow(frozen);
    await expect(api.db.sql.exec(`TRUNCATE "CompensationStatement"`)).rejects.toThrow(/frozen|cannot truncate a table referenced/);
    // Referential actions RESTRICT (not SET NULL): deleting the compensation convention is refused by the statement's foreign key.
    await expect(api.db.sql.exec(`DELETE FROM "Convention" WHERE "id" = '${row.conventionId}'`)).rejects.toThrow(/CompensationStatement_conventionId_fkey/);
    const restrict = await api.db.sql.query<{ conname: string; def: string }>(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '"CompensationStatement"'::regclass AND contype = 'f' ORDER BY conname`,
    );
    expect(restrict.map((r) => r.conname)).toEqual([
      "CompensationStatement_conventionId_fkey",
      "CompensationStatement_organisationId_fkey",
      "CompensationStatement_previousId_fkey",
    ]);
    for (const r of restrict) expect(r.def).toContain("ON DELETE RESTRICT");
    const after = await api.db.prisma.compensationStatement.findUniqueOrThrow({
      where: { id: row.id },
      select: { total: true, contentHash: true, conventionId: true },
    });
    expect([after.total.toFixed(2), after.contentHash, after.conventionId]).toEqual([row.total.toFixed(2), row.contentHash, row.conventionId]);
  });

  it("keeps landlords apart: landlordB neither sees nor issues landlordA's statements; the developer neither", async () => {
    for (const caller of ["landlordB", "developer"] as const) {
      // Naming another landlord when reading is refused (FORBIDDEN, HTTP 403); issuing is a NOT_FOUND user error.
      const draft = await api.gql(caller, DRAFT, { input: eschInput });
      expect(draft.status).toBe(403);
      expect(draft.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "input.landlordId" });
      expect(draft.body.data?.compensationStatementDraft ?? null).toBeNull();
      const issue = await api.gql(caller, ISSUE, { input: eschInput });
      expect(issue.body.data!.issueCompensationStatement).toMatchObject({
        statement: null,
        userErrors: [{ code: "NOT_FOUND", field: ["input", "landlordId"] }],
      });
      const one = await api.gql(caller, `query($n: String!) { compensationStatement(number: $n) { number } }`, { n: firstNumber });
      expect(one.body.data!.compensationStatement).toBeNull();
      const list = await api.gql(caller, `{ compensationStatements(first: 50) { totalCount edges { node { organisation { name } } } } }`);
      expect(
        list.body.data!.compensationStatements.edges.every(
          (e: { node: { organisation: { name: string } } }) => e.node.organisation.name !== "Ville d'Esch-sur-Alzette",
        ),
      ).toBe(true);
    }
    // landlordB (the Fonds du Logement) has its own statement: excluded from the compensation (art. 40 §4).
    const own = await api.gql("landlordB", DRAFT, { input: { ...eschInput, landlordId: gid("Organisation", api.orgIds.fonds) } });
    expect(own.body.data!.compensationStatementDraft).toMatchObject({ outcome: "EXCLUDED", total: "0.00", exclusions: [{ article: "law art. 40 §4" }] });
    // The ministry reads everything; an analyst may not issue, an anonymous caller may not read.
    const analyst = await api.gql("analyst", DRAFT, { input: eschInput });
    expect(analyst.body.data!.compensationStatementDraft.kind).toBe("LANDLORD");
    const analystIssue = await api.gql("analyst", ISSUE, { input: eschInput });
    expect(analystIssue.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await api.gql("anonymous", DRAFT, { input: eschInput });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a year not yet ended (art. 41) and bad inputs as user errors", async () => {
    const year = new Date().getUTCFullYear();
    const current = await api.gql("landlordA", ISSUE, { input: { ...eschInput, year } });
    expect(current.body.data!.issueCompensationStatement.userErrors).toMatchObject([
      { code: "RULE_VIOLATION", field: ["input", "year"], rule: "law art. 41 §1" },
    ]);
    const both = await api.gql("landlordA", ISSUE, { input: { ...eschInput, conventionId: gid("Convention", "00000000-0000-0000-0000-000000000000") } });
    expect(both.body.data!.issueCompensationStatement.userErrors).toMatchObject([{ code: "INVALID_VALUE" }]);
    const wrongType = await api.gql("landlordA", ISSUE, { input: { ...eschInput, landlordId: gid("Dwelling", dwellingId) } });
    expect(wrongType.body.data!.issueCompensationStatement.userErrors).toMatchObject([{ code: "INVALID_ID", field: ["input", "landlordId"] }]);
    const tooEarly = await api.gql("landlordA", ISSUE, { input: { ...eschInput, year: 2019 } });
    expect(tooEarly.body.data!.issueCompensationStatement.userErrors).toMatchObject([{ code: "OUT_OF_RANGE", field: ["input", "year"] }]);
  });

  it("concurrent issues of the same statement create exactly one version; the others get CONFLICT, never a 500", async () => {
    const input = { ...eschInput, year: 2024 };
    const before = await api.db.prisma.compensationStatement.count({ where: { organisationId: api.orgIds.esch, year: 2024 } });
    const results = await Promise.all((["landlordA", "admin", "landlordA", "admin"] as const).map((caller) => api.gql(caller, ISSUE, { input })));
    expect(results.every((r) => r.status === 200 && r.body.errors === undefined)).toBe(true);
    const outs = results.map((r) => r.body.data!.issueCompensationStatement);
    expect(outs.filter((o) => o.statement !== null)).toHaveLength(1);
    const conflicts = outs.filter((o) => o.userErrors[0]?.code === "CONFLICT");
    expect(conflicts).toHaveLength(3);
    console.log(`concurrent issues: ${conflicts.map((c) => c.userErrors[0].message.replace(/ hash .*/, "")).join(" | ")}`);
    expect(await api.db.prisma.compensationStatement.count({ where: { organisationId: api.orgIds.esch, year: 2024 } })).toBe(before + 1);
  });

  it("builds and issues a developer statement for the developer's own convention only", async () => {
    const convention = await api.db.prisma.convention.findFirstOrThrow({
      // Conventions signed from 2023-10-01: the RGD of 24 January 2024 gives their flats and rates.
      where: {
        kind: "FINANCIAL_PARTICIPATION",
        developerId: api.orgIds.snhbm,
        signedOn: { gte: new Date("2023-10-01T00:00:00Z") },
        financedDwellings: { some: { firstLettingOn: { lt: new Date("2025-01-01T00:00:00Z") }, status: "LET" } },
      },
      orderBy: { reference: "asc" },
    });
    const input = { conventionId: gid("Convention", convention.id), year: 2025, regime: "LAW" };
    const draft = await api.gql("developer", DRAFT, { input });
    expect(draft.body.errors).toBeUndefined();
    const d = draft.body.data!.compensationStatementDraft;
    expect(d).toMatchObject({
      kind: "DEVELOPER",
      outcome: null,
      surplusOwedToState: null,
      filing: null,
      organisation: { name: expect.stringContaining("SNHBM") },
    });
    expect(d.subtotalsByComponent.map((s: { component: string }) => s.component)).toEqual(
      expect.arrayContaining(["OPERATING_COST", "CAPITAL_LAND", "CAPITAL_CONSTRUCTION"]),
    );
    expect(sumCents(d.subtotalsByComponent.map((s: { amount: string }) => s.amount))).toBe(cents(d.total));

    expect((await api.gql("landlordA", DRAFT, { input })).body.data!.compensationStatementDraft).toBeNull();
    const foreign = await api.gql("landlordA", ISSUE, { input });
    expect(foreign.body.data!.issueCompensationStatement.userErrors).toMatchObject([{ code: "NOT_FOUND", field: ["input", "conventionId"] }]);
    const issued = await api.gql("developer", ISSUE, { input });
    expect(issued.body.data!.issueCompensationStatement).toMatchObject({
      statement: { version: 1, kind: "DEVELOPER", total: d.total, contentHash: d.contentHash },
      userErrors: [],
    });
    const lines = await allLines(api, "developer", issued.body.data!.issueCompensationStatement.statement.number, { component: "OPERATING_COST" });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.component === "OPERATING_COST" && l.article.includes("art. 13 §2"))).toBe(true);

    // A convention signed before the RGD of 24 January 2024 applies has no flat in the parameter store:
    // a clear input error, never a masked internal error.
    const older = await api.db.prisma.convention.findFirstOrThrow({
      where: {
        kind: "FINANCIAL_PARTICIPATION",
        developerId: api.orgIds.snhbm,
        signedOn: { lt: new Date("2023-10-01T00:00:00Z") },
        financedDwellings: { some: { status: "LET" } },
      },
    });
    const olderInput = { conventionId: gid("Convention", older.id), year: 2025, regime: "LAW" };
    const olderDraft = await api.gql("developer", DRAFT, { input: olderInput });
    expect(olderDraft.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringContaining("not in force") });
    const olderIssue = await api.gql("developer", ISSUE, { input: olderInput });
    expect(olderIssue.body.data!.issueCompensationStatement).toMatchObject({
      statement: null,
      userErrors: [{ code: "RULE_VIOLATION", message: expect.stringContaining("RGD of 24 January 2024") }],
    });
  });

  it("loads a draft in a number of SQL statements that does not grow with the number of dwellings", async () => {
    const measure = async () => {
      const before = api.db.statementCount();
      const res = await api.gql("landlordA", `query($input: CompensationStatementInput!) { compensationStatementDraft(input: $input) { total lineCount } }`, {
        input: { ...eschInput, year: 2023 },
      });
      expect(res.body.errors).toBeUndefined();
      return { statements: api.db.statementCount() - before, lines: res.body.data!.compensationStatementDraft.lineCount as number };
    };
    const small = await measure();
    const template = await steadyDwelling(api, 2023).catch(() => steadyDwelling(api, 2025));
    const { id: _id, reference: _ref, createdAt: _c, updatedAt: _u, ...rest } = template;
    await api.db.prisma.dwelling.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        ...rest,
        reference: `SQL-${i}`,
        managedSince: new Date("2023-02-01T00:00:00Z"),
        rentToDeveloperMonthly: "410.00",
      })),
    });
    const large = await measure();
    expect(large.lines).toBeGreaterThan(small.lines);
    expect(large.statements).toBe(small.statements);
    console.log(
      `SQL statements for a landlord draft (API key lookups not counted): ${small.statements} with ${small.lines} lines, ${large.statements} with ${large.lines} lines`,
    );
  });
});

describe(`compensation statements under both regimes (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
  });
  afterAll(async () => api?.close());

  it("a students' dwelling of a municipality carries the management flat under the bill, not under the law (art. 40 §5)", async () => {
    const d = await steadyDwelling(api, 2025);
    await api.db.prisma.dwelling.update({ where: { id: d.id }, data: { category: "DEDICATED", dedicatedSubCategory: "STUDENTS" } });
    const base = { landlordId: gid("Organisation", api.orgIds.esch), year: 2025 };
    const q = `query($input: CompensationStatementInput!, $filter: CompensationStatementLineFilter) {
      compensationStatementDraft(input: $input) { regime total billEntryIntoForce contentHash exclusions { objectId article reason } lines(first: 20, filter: $filter) { totalCount edges { node { amount article } } } }
    }`;
    const filter = { dwellingId: gid("Dwelling", d.id), component: "MANAGEMENT_FLAT" };
    const law = (await api.gql("landlordA", q, { input: { ...base, regime: "LAW" }, filter })).body.data!.compensationStatementDraft;
    const bill = (await api.gql("landlordA", q, { input: { ...base, regime: "BILL_8535" }, filter })).body.data!.compensationStatementDraft;
    expect(law).toMatchObject({ regime: "LAW", billEntryIntoForce: null, lines: { totalCount: 0 } });
    const mine = (list: { objectId: string }[]) => list.filter((e) => e.objectId === gid("Dwelling", d.id));
    expect(mine(law.exclusions)).toMatchObject([{ article: "law art. 40 §5", reason: "no management flat for dwellings dedicated to STUDENTS" }]);
    expect(bill).toMatchObject({ regime: "BILL_8535", billEntryIntoForce: "2024-01-01", lines: { totalCount: 12 } });
    expect(
      bill.lines.edges.every((e: { node: { amount: string; article: string } }) => e.node.amount === "300.00" && e.node.article.includes("bill 8535 art. 27")),
    ).toBe(true);
    // Under the bill the law's exclusion is kept only for the days before the bill's entry into force.
    expect(mine(bill.exclusions)).toMatchObject([{ article: "law art. 40 §5", reason: expect.stringContaining("until the bill's entry into force") }]);
    expect(bill.total).not.toBe(law.total);
    expect(bill.contentHash).not.toBe(law.contentHash);

    // Each regime is its own series of versions.
    const issue = `mutation($input: CompensationStatementInput!) { issueCompensationStatement(input: $input) { statement { regime version total } userErrors { code message } } }`;
    const issuedLaw = await api.gql("landlordA", issue, { input: { ...base, regime: "LAW" } });
    const issuedBill = await api.gql("landlordA", issue, { input: { ...base, regime: "BILL_8535" } });
    expect(issuedLaw.body.data!.issueCompensationStatement).toMatchObject({ statement: { regime: "LAW", version: 1, total: law.total }, userErrors: [] });
    expect(issuedBill.body.data!.issueCompensationStatement).toMatchObject({
      statement: { regime: "BILL_8535", version: 1, total: bill.total },
      userErrors: [],
    });
    // Under the bill the filing deadline is 30 June of the following year (bill art. 28 1°).
    const filing = await api.gql(
      "landlordA",
      `query($input: CompensationStatementInput!) { compensationStatementDraft(input: $input) { filing { deadline references { citation } } } }`,
      {
        input: { ...base, regime: "BILL_8535" },
      },
    );
    expect(filing.body.data!.compensationStatementDraft.filing).toMatchObject({
      deadline: "2026-06-30",
      references: [{ citation: expect.stringContaining("bill 8535 art. 28") }],
    });
  });
  it("the Fonds du Logement's indemnity (bill art. 13 §3bis) goes only to the dwellings another landlord manages", async () => {
    const convention = await api.db.prisma.convention.findFirstOrThrow({
      where: {
        kind: "FINANCIAL_PARTICIPATION",
        developerId: api.orgIds.fonds,
        fondsIndemnityRequested: true,
        signedOn: { gte: new Date("2023-10-01T00:00:00Z") },
        financedDwellings: { some: { status: "LET", firstLettingOn: { lt: new Date("2025-01-01T00:00:00Z") } } },
      },
      include: { financedDwellings: { where: { status: "LET", firstLettingOn: { lt: new Date("2025-01-01T00:00:00Z") } }, orderBy: { reference: "asc" } } },
    });
    const moved = convention.financedDwellings[0]!;
    await api.db.prisma.dwelling.update({ where: { id: moved.id }, data: { landlordId: api.orgIds.esch, reference: `FDL-${moved.reference}` } });
    const q = `query($input: CompensationStatementInput!) {
      compensationStatementDraft(input: $input) { total subtotalsByComponent { component amount } subtotalsByDwelling(first: 100) { totalCount edges { node { dwellingId amount } } }
        lines(first: 100, filter: { component: FONDS_DU_LOGEMENT_INDEMNITY }) { totalCount edges { node { dwellingId month amount inputs } } } }
    }`;
    const res = await api.gql("admin", q, { input: { conventionId: gid("Convention", convention.id), year: 2025, regime: "BILL_8535" } });
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!.compensationStatementDraft;
    expect(d.lines.totalCount).toBe(12);
    expect(d.lines.edges.every((e: { node: { dwellingId: string } }) => e.node.dwellingId === gid("Dwelling", moved.id))).toBe(true);
    expect(d.subtotalsByDwelling.totalCount).toBe(await api.db.prisma.dwelling.count({ where: { financingConventionId: convention.id } }));
    expect(sumCents(d.subtotalsByComponent.map((s: { amount: string }) => s.amount))).toBe(cents(d.total));
    expect(sumCents(d.subtotalsByDwelling.edges.map((e: { node: { amount: string } }) => e.node.amount))).toBe(cents(d.total));
    // Under the law there is no such indemnity.
    const law = await api.gql("admin", q, { input: { conventionId: gid("Convention", convention.id), year: 2025, regime: "LAW" } });
    expect(law.body.data!.compensationStatementDraft.lines.totalCount).toBe(0);
  });

  it("law art. 40 §1 al. 3: a rent line shows each lease's monthly rent, its days and the month's days (the engine prorates); a lease from 15 March is recomputed from its line", async () => {
    const lease = await api.db.prisma.lease.findFirstOrThrow({
      where: {
        landlordId: api.orgIds.esch,
        accommodationUnitId: null,
        endsOn: null,
        dwelling: {
          compensationConventionId: { not: null },
          status: "LET",
          managedSince: { lt: new Date("2025-01-01T00:00:00Z") },
          accommodationUnits: { none: {} },
        },
      },
      orderBy: { id: "asc" },
    });
    await api.db.prisma.lease.update({ where: { id: lease.id }, data: { startsOn: new Date("2025-03-15T00:00:00Z") } });
    const q = `query($input: CompensationStatementInput!) {
      compensationStatementDraft(input: $input) { lines(first: 100, filter: { dwellingId: "${gid("Dwelling", lease.dwellingId)}" }) { edges { node { month component amount exactAmount ruleId inputs parameterVersions { key } } } } }
    }`;
    const res = await api.gql("landlordA", q, { input: { landlordId: gid("Organisation", api.orgIds.esch), year: 2025, regime: "LAW" } });
    expect(res.body.errors).toBeUndefined();
    type RentLine = {
      month: string;
      component: string;
      amount: string;
      exactAmount: string;
      ruleId: string;
      inputs: { rents: { id?: string; monthlyRent: string; days: string }[]; daysInMonth: string; proration: string };
      parameterVersions: unknown[];
    };
    const lines: RentLine[] = res.body.data!.compensationStatementDraft.lines.edges.map((e: { node: RentLine }) => e.node);
    const march = lines.find((l) => l.month === "2025-03" && l.component === "TENANT_RENTS")!;
    expect(march).toMatchObject({
      ruleId: "compensation.landlord.deficit.tenantRents.prorated",
      parameterVersions: [],
      inputs: { daysInMonth: "31", proration: "ACTUAL_DAYS_OVER_DAYS_IN_MONTH" },
    });
    const part = march.inputs.rents.find((r) => r.id === lease.id)!;
    expect(part).toMatchObject({ days: "17" });
    expect(new Dec(part.monthlyRent).equals(lease.monthlyRent.toFixed())).toBe(true);
    // No line of this lease before March; every rent line (this lease or others) recomputes from what it shows.
    expect(lines.some((l) => l.month < "2025-03" && l.component === "TENANT_RENTS" && l.inputs.rents.some((r) => r.id === lease.id))).toBe(false);
    for (const l of lines.filter((x) => x.ruleId.endsWith(".prorated"))) {
      const exact = l.inputs.rents.reduce((sum, r) => sum.plus(prorate(new Dec(r.monthlyRent), Number(r.days), Number(l.inputs.daysInMonth))), new Dec(0));
      const signed = l.component === "RENT_PAID_TO_DEVELOPER" ? exact : exact.negated();
      expect(signed.equals(l.exactAmount)).toBe(true);
      expect(roundMoney(signed).toFixed(2)).toBe(l.amount);
    }
  });

  it("law art. 40 §1 with art. 62: the rents received follow a rent revision month by month (600.00, then 660.00 from 1 July)", async () => {
    // A lease over the whole of 2025 that is the only lease of its dwelling in 2025 and has no rent history yet; signed
    // under the law (from 2023-10-01), whose revision parameters reviseRent resolves from the lease's start.
    const candidates = await api.db.prisma.lease.findMany({
      where: {
        landlordId: api.orgIds.esch,
        accommodationUnitId: null,
        status: "ACTIVE",
        endsOn: null,
        startsOn: { gte: new Date("2023-10-01T00:00:00Z"), lt: new Date("2025-01-01T00:00:00Z") },
        revisions: { none: {} },
        dwelling: {
          compensationConventionId: { not: null },
          status: "LET",
          managedSince: { lt: new Date("2025-01-01T00:00:00Z") },
          accommodationUnits: { none: {} },
        },
      },
      include: {
        dwelling: {
          include: {
            leases: {
              where: { startsOn: { lt: new Date("2026-01-01T00:00:00Z") }, OR: [{ endsOn: null }, { endsOn: { gt: new Date("2025-01-01T00:00:00Z") } }] },
            },
          },
        },
      },
      orderBy: { id: "desc" },
      take: 50,
    });
    const lease = candidates.find((l) => l.dwelling.leases.length === 1)!;
    expect(lease).toBeDefined();
    await api.db.prisma.lease.update({ where: { id: lease.id }, data: { monthlyRent: "600.00" } });

    const input = { landlordId: gid("Organisation", api.orgIds.esch), year: 2025, regime: "LAW" };
    const q = `query($input: CompensationStatementInput!) {
      compensationStatementDraft(input: $input) {
        total overallVacancyRate { managedDays otherDays renovationDays }
        lines(first: 100, filter: { dwellingId: "${gid("Dwelling", lease.dwellingId)}", component: TENANT_RENTS }) { edges { node { month amount inputs } } }
      }
    }`;
    type RentLine = { month: string; amount: string; inputs: { rents: { id?: string; monthlyRent: string; days: string }[] } };
    const draft = async () => {
      const res = await api.gql("landlordA", q, { input });
      expect(res.body.errors).toBeUndefined();
      const d = res.body.data!.compensationStatementDraft;
      return { total: d.total as string, vacancy: d.overallVacancyRate, lines: d.lines.edges.map((e: { node: RentLine }) => e.node) as RentLine[] };
    };
    const before = await draft();
    expect(before.lines.map((l) => [l.month, l.amount])).toEqual(Array.from({ length: 12 }, (_, i) => [`2025-${String(i + 1).padStart(2, "0")}`, "-600.00"]));

    // Art. 62 §1 al. 3: a request for information left unanswered for two months allows a flat rent, from the day it is notified.
    const request = await api.gql(
      "landlordA",
      `mutation($input: RecordRentInformationRequestInput!) { recordRentInformationRequest(input: $input) { userErrors { field code message } } }`,
      {
        input: { leaseId: gid("Lease", lease.id), requestedOn: "2025-04-01" },
      },
    );
    expect(request.body.data!.recordRentInformationRequest.userErrors).toEqual([]);
    const revised = await api.gql(
      "landlordA",
      `mutation($input: ReviseRentInput!) { reviseRent(input: $input) { revision { reason effectiveFrom monthlyRent } userErrors { field code rule message } } }`,
      {
        input: { leaseId: gid("Lease", lease.id), reason: "FLAT_RENT", receivedOn: "2025-07-01", flatMonthlyRent: "660.00", regime: "LAW" },
      },
    );
    expect(revised.body.errors).toBeUndefined();
    expect(revised.body.data!.reviseRent).toMatchObject({
      userErrors: [],
      revision: { reason: "FLAT_RENT", effectiveFrom: "2025-07-01", monthlyRent: "660.00" },
    });
    // The starting rent is kept: the revision is a dated row.
    expect((await api.db.prisma.lease.findUniqueOrThrow({ where: { id: lease.id } })).monthlyRent.toFixed(2)).toBe("600.00");

    const after = await draft();
    // January-June at the starting rent, July-December at the revised one; each line cites the lease and the rent in force.
    expect(after.lines.map((l) => [l.month, l.amount])).toEqual(
      Array.from({ length: 12 }, (_, i) => [`2025-${String(i + 1).padStart(2, "0")}`, i < 6 ? "-600.00" : "-660.00"]),
    );
    for (const l of after.lines) {
      expect(l.inputs.rents).toHaveLength(1);
      expect(l.inputs.rents[0]!.id).toBe(lease.id);
      expect(new Dec(l.inputs.rents[0]!.monthlyRent).equals(l.month < "2025-07" ? "600.00" : "660.00")).toBe(true);
    }
    // Rents received in 2025: before, 12 × 600.00 = 7,200.00; after, 6 × 600.00 + 6 × 660.00 = 3,600.00 + 3,960.00 = 7,560.00.
    // They are deducted from the compensation, so the statement's total falls by 7,560.00 − 7,200.00 = 360.00.
    expect(cents(after.total) - cents(before.total)).toBe(-36000n);
    // The lease is still one lease for the vacancies: splitting its rent periods leaves them unchanged.
    expect(after.vacancy).toEqual(before.vacancy);
  });
});
