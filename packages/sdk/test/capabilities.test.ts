/**
 * The compensation, allocation and tenancy operations against a real API started in-process on a
 * real database (PGlite in memory, or PostgreSQL with ABORDABLE_TEST_DATABASE_URL), seeded with the
 * `small` scale and the capabilities' seed extensions, bill 8535 in force from 2024-01-01.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, Decimal, ForbiddenError, RequestError, type LeaseDeadline, type ResponseEvent } from "../src/index.js";
import { startTestApi, TEST_DATABASE_KIND, type TestApi } from "./support/api.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
});
afterAll(async () => {
  await api?.close();
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

describe(`compensation, allocation and tenancy through the SDK (${TEST_DATABASE_KIND})`, () => {
  it("reads a compensation statement draft with exact decimals, issues it and reads it back by number", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const input = { landlordId: api.orgIds.esch, year: 2025, regime: "LAW" as const };

    const draft = await client.compensationStatementDraft(input);
    expect(draft).not.toBeNull();
    expect(draft!.issued).toBe(false);
    expect(draft!.number).toBeNull();
    expect(draft!.total).toBeInstanceOf(Decimal);
    expect(draft!.lineCount).toBeGreaterThan(100);
    expect(draft!.filing?.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Every line, page after page, summed as Decimals: exactly the total (and the subtotals too).
    let sum = new Decimal(0);
    const ids = new Set<string>();
    for await (const line of client.paginate.compensationStatementDraftLines({ input }, { pageSize: 100 })) {
      expect(line.amount).toBeInstanceOf(Decimal);
      expect(line.exactAmount).toBeInstanceOf(Decimal);
      sum = sum.plus(line.amount);
      ids.add(line.lineId);
    }
    expect(ids.size).toBe(draft!.lineCount);
    expect(sum.equals(draft!.total)).toBe(true);
    expect(draft!.subtotalsByComponent.reduce((s, c) => s.plus(c.amount), new Decimal(0)).equals(draft!.total)).toBe(true);

    // The same total, as the string the API sends, with `decimals: "string"`.
    const wire = await api.raw("landlordA", "query($input: CompensationStatementInput!) { compensationStatementDraft(input: $input) { total } }", { input });
    const strings = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, decimals: "string" });
    expect((await strings.compensationStatementDraft(input))!.total).toBe(wire.body.data.compensationStatementDraft.total);

    // Issue: numbered version 1 with the draft's figures; read back by number.
    const issued = await client.issueCompensationStatement(input);
    expect(issued.userErrors).toEqual([]);
    const statement = issued.statement!;
    expect(statement).toMatchObject({ issued: true, version: 1, year: 2025, kind: "LANDLORD", lineCount: draft!.lineCount, contentHash: draft!.contentHash });
    expect(statement.number).toMatch(/^CS-2025-\d{6}$/);
    expect(statement.total.equals(draft!.total)).toBe(true);

    const dates = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, dates: "date" });
    const byNumber = await dates.compensationStatement({ number: statement.number });
    expect(byNumber?.id).toBe(statement.id);
    expect(byNumber?.total.equals(draft!.total)).toBe(true);
    expect(byNumber?.issuedAt).toBeInstanceOf(Date);
    expect(byNumber?.versions.map((v) => v.version)).toEqual([1]);
    let issuedSum = new Decimal(0);
    let n = 0;
    for await (const line of client.paginate.compensationStatementLines({ number: statement.number }, { pageSize: 100 })) {
      issuedSum = issuedSum.plus(line.amount);
      n += 1;
    }
    expect(n).toBe(draft!.lineCount);
    expect(issuedSum.equals(statement.total)).toBe(true);
    const csv = await client.compensationStatementCsv({ number: statement.number });
    expect(csv?.trimEnd().split("\r\n").at(-1)).toContain(statement.total.toFixed(2));
    // The XLSX workbook as bytes: a ZIP container (OOXML) holding the sheet.
    const xlsx = await client.compensationStatementXlsx({ number: statement.number });
    expect(xlsx).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(xlsx![0]!, xlsx![1]!)).toBe("PK");
    expect(Buffer.from(xlsx!).includes("xl/worksheets/sheet1.xml")).toBe(true);

    const listed = [];
    for await (const s of client.paginate.compensationStatements({ filter: { year: 2025 } }, { pageSize: 5 })) listed.push(s.number);
    expect(listed).toContain(statement.number);

    // Unchanged since version 1: a CONFLICT userError, nothing issued.
    const again = await client.issueCompensationStatement(input);
    expect(again.statement).toBeNull();
    expect(again.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT", field: ["input"] })]);
    // The existing version's number as a typed field, not only in the message.
    expect(again.existingNumber).toBe(statement.number);
    expect(issued.existingNumber).toBeNull();

    // Another landlord does not see it.
    const other = createClient({ endpoint: api.url, apiKey: api.keys.landlordB });
    expect(await other.compensationStatement({ number: statement.number })).toBeNull();
  });

  it("gets a ForbiddenError (HTTP 403, with the correlation id) when landlord A asks for landlord B's statement", async () => {
    const events: ResponseEvent[] = [];
    const a = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, backoffMs: 1, onResponse: (e) => events.push(e) });
    const error = await a.compensationStatementDraft({ landlordId: api.orgIds.fonds, year: 2025 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    const forbidden = error as ForbiddenError;
    expect(forbidden.status).toBe(403);
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(forbidden.retryable).toBe(false);
    expect(forbidden.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(forbidden.correlationId).toBe(events.at(-1)?.correlationId);
    expect(forbidden.errors[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "input.landlordId" });
    expect(forbidden.message).toContain("input.landlordId names an organisation this API key may not act for");
    expect(events.map((e) => e.status)).toEqual([403]); // not retried

    // The same for its lines and its issued statements named by organisation.
    await expect(a.compensationStatementDraftLines({ input: { landlordId: api.orgIds.fonds, year: 2025 }, first: 5 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(a.compensationStatements({ filter: { organisationIds: [api.orgIds.fonds] } })).rejects.toMatchObject({ name: "ForbiddenError", status: 403 });

    // Landlord B reads its own (objects of others reached by their ID stay null: see the first test).
    const b = createClient({ endpoint: api.url, apiKey: api.keys.landlordB });
    expect((await b.compensationStatementDraft({ landlordId: api.orgIds.fonds, year: 2025 }))?.kind).toBe("LANDLORD");
  });

  it("checks the RGD flats against the law's ceilings (compensationFlatCeilingChecks), exactly (public: any key)", async () => {
    const anonymous = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const checks = await anonymous.compensationFlatCeilingChecks({ conventionSignedOn: "2024-02-01", date: new Date("2024-02-15T00:00:00Z"), regime: "LAW" });
    expect(checks).toHaveLength(2);
    expect(checks.map((c) => [c.flat.toFixed(), c.within, c.constructionIndex?.toFixed(), c.ceilingVersion.parameterId])).toEqual([
      ["140", true, "1140.51", "compensation.developer.operatingCostCeiling"],
      ["300", true, "1140.51", "compensation.landlord.managementFlatCeiling"],
    ]);
    for (const c of checks) {
      expect(c.ceiling).toBeInstanceOf(Decimal);
      expect(c.flat.lessThanOrEqualTo(c.ceiling)).toBe(c.within);
      expect(c.article).toEqual(expect.any(String));
      expect(c.flatVersion.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // As strings, the exact figures the API sends.
    const wire = await api.raw("landlordA", '{ compensationFlatCeilingChecks(conventionSignedOn: "2024-02-01", date: "2024-02-15") { ceiling } }');
    const strings = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, decimals: "string" });
    expect((await strings.compensationFlatCeilingChecks({ conventionSignedOn: "2024-02-01", date: "2024-02-15" })).map((c) => c.ceiling)).toEqual(
      wire.body.data.compensationFlatCeilingChecks.map((c: { ceiling: string }) => c.ceiling),
    );
    // A semester whose construction index is not in the data is named, never guessed: BAD_USER_INPUT, a RequestError.
    const missing = await anonymous.compensationFlatCeilingChecks({ conventionSignedOn: "2024-02-01", date: "2024-06-15" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(RequestError);
    expect((missing as RequestError).code).toBe("BAD_USER_INPUT");
  });

  it("runs a public calculator (any valid key)", async () => {
    const anonymous = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const result = await anonymous.calculateLandlordCompensation({
      asOf: "2025-12-31",
      conventionSignedOn: "2024-01-01",
      landlordKind: "OTHER",
      managementFlatMonths: 12,
      rentPaidToDeveloper: new Decimal("6000.00"),
      tenantRents: "4800.00",
      regime: "LAW",
    });
    expect(result.compensation).toBeInstanceOf(Decimal);
    expect(result.tenantRents.equals("4800")).toBe(true);
    expect(result.trace.ruleId).toEqual(expect.any(String));
  });

  it("lists every lease with a deadline in the next 90 days via client.paginate.leaseDeadlines", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const asOf = iso(new Date());
    const to = addDays(asOf, 90);

    const deadlines: LeaseDeadline[] = [];
    for await (const d of client.paginate.leaseDeadlines({ asOf, withinDays: 90 }, { pageSize: 25 })) deadlines.push(d);
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines.length).toBe((await client.leaseDeadlines({ asOf, withinDays: 90, first: 1 })).totalCount);
    for (const d of deadlines) {
      expect(d.date >= asOf && d.date <= to).toBe(true);
      if (d.amountDue !== null) expect(d.amountDue).toBeInstanceOf(Decimal);
    }
    expect(deadlines.map((d) => d.date)).toEqual(deadlines.map((d) => d.date).sort());
    const leases = new Set(deadlines.map((d) => d.lease.id));

    // An independent path: each lease's own `deadlines` in the same window, read raw, page by page.
    const expected = new Set<string>();
    let after: string | null = null;
    do {
      const page: any = await api.raw(
        "landlordA",
        `query($after: String, $asOf: Date) { leases(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id deadlines(asOf: $asOf, withinDays: 90) { date } } } } }`,
        { after, asOf },
      );
      for (const e of page.body.data.leases.edges) if (e.node.deadlines.length > 0) expected.add(e.node.id);
      after = page.body.data.leases.pageInfo.hasNextPage ? page.body.data.leases.pageInfo.endCursor : null;
    } while (after);
    expect([...leases].sort()).toEqual([...expected].sort());

    // Dates as Date instances by option; one lease in full, its deadlines the same.
    const dates = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, dates: "date" });
    const first = (await dates.leaseDeadlines({ asOf, withinDays: 90, first: 1 })).edges[0]!.node;
    expect(first.date).toBeInstanceOf(Date);
    const lease = await client.lease({ id: deadlines[0]!.lease.id, asOf, withinDays: 90 });
    expect(lease?.__typename).toBe("Lease");
    expect(lease?.deadlines.length).toBe(deadlines.filter((d) => d.lease.id === lease?.id).length);
    expect(lease?.monthlyRent).toBeInstanceOf(Decimal);

    // Another landlord's leases never appear.
    const other = createClient({ endpoint: api.url, apiKey: api.keys.landlordB });
    for await (const d of other.paginate.leaseDeadlines({ asOf }, { pageSize: 100 })) expect(leases.has(d.lease.id)).toBe(false);
  });

  it("returns a RULE_VIOLATION userError for a deposit schedule running more than two years after entry", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    let target: { id: string; startsOn: string } | undefined;
    for await (const lease of client.paginate.leases({ status: "ACTIVE" }, { pageSize: 20, limit: 60 })) {
      const full = await client.lease({ id: lease.id });
      if (full && full.deposit === null) {
        target = { id: lease.id, startsOn: lease.startsOn };
        break;
      }
    }
    expect(target).toBeDefined();
    const s = target!.startsOn;
    const beyond = iso(new Date(Date.UTC(Number(s.slice(0, 4)) + 2, Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)) + 1))); // entry + 2 years + 1 day
    const result = await client.agreeDepositSchedule({
      leaseId: target!.id,
      agreedOn: target!.startsOn,
      regime: "BILL_8535",
      schedule: [
        { dueOn: target!.startsOn, amount: new Decimal("1500.00") },
        { dueOn: beyond, amount: "1500.00" },
      ],
    });
    expect(result.deposit).toBeNull();
    expect(result.userErrors).toContainEqual(
      expect.objectContaining({ field: ["input", "schedule", "1", "dueOn"], code: "RULE_VIOLATION", rule: expect.stringContaining("63bis") }),
    );
    expect((await client.lease({ id: target!.id }))?.deposit).toBeNull();
  });

  it("computes a shortlist for a new vacancy and pages through it", async () => {
    const client = createClient({ endpoint: api.url, apiKey: api.keys.landlordA });
    const created = await client.createDwelling({
      reference: "SDK-ALLOC-1",
      address: "3, rue de l'Alzette, Esch-sur-Alzette",
      bedrooms: 2,
      category: "ALL_PUBLIC",
      type: "APARTMENT",
      developerId: api.orgIds.esch,
      municipalityCode: "esch-sur-alzette",
      usefulArea: "70.00",
    });
    expect(created.userErrors).toEqual([]);
    const opened = await client.openAllocationFile({ dwellingId: created.dwelling!.id });
    expect(opened.userErrors).toEqual([]);
    const fileId = opened.allocationFile!.id;
    const computed = await client.computeShortlist({ allocationFileId: fileId, keep: 8 });
    expect(computed.userErrors).toEqual([]);
    expect(computed.computation?.decisionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(computed.allocationFile?.status).toBe("SHORTLIST");

    const entries = [];
    for await (const entry of client.paginate.shortlist({ allocationFileId: fileId }, { pageSize: 3 })) entries.push(entry);
    expect(entries.length).toBe(computed.computation!.keptCount);
    expect(entries.map((e) => e.rank)).toEqual(entries.map((_, i) => i + 1));
    for (const e of entries) if (e.score !== null) expect(e.score).toBeInstanceOf(Decimal);

    const verified = await client.verifyShortlist({ allocationFileId: fileId });
    expect(verified.verification).toMatchObject({ storedHashMatches: true, sameRanking: true, reproducible: true });

    const files = [];
    for await (const f of client.paginate.allocationFiles({ filter: { statuses: ["SHORTLIST"] } }, { pageSize: 10 })) files.push(f.id);
    expect(files).toContain(fileId);
    expect(await createClient({ endpoint: api.url, apiKey: api.keys.landlordB }).shortlist({ allocationFileId: fileId })).toBeNull();
  });
});
