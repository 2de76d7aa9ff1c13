/**
 * Index series honesty through the API (issue 17 point 4): a ministry administrator records sourced
 * index values (audited, immutable, idempotent); the CLI runs the same code as the operator; a
 * missing construction semester is INDEX_MISSING naming it until a value is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { createContext } from "../../src/schema/context.js";
import { createLogger } from "../../src/logger.js";
import { recordIndexValueFor } from "../../src/indices/schema.js";
import { Dec } from "@abordable/domain";

const RECORD = `mutation($input: RecordIndexValueInput!) {
  recordIndexValue(input: $input) {
    indexValue { id series key value source knownUntil recordedBy recordedAt }
    unchanged
    series { series knownUntil points { key value origin citation operatorEntry { key source } } }
    userErrors { field message code }
  }
}`;
const SERIES = `query($series: IndexSeriesKind) { indexSeries(series: $series) { series frenchTerm article knownUntil points { key validFrom value publisher citation origin confirmedBy { citation } } } }`;
const CEILINGS = `query($date: Date!) {
  compensationFlatCeilingChecks(conventionSignedOn: "2024-02-01", date: $date, legalRegime: LAW) {
    ceiling within constructionIndex unconfirmedIndexAfter constructionIndexPoint { series label value citation unconfirmed }
  }
}`;

const SEMESTER = {
  series: "CONSTRUCTION_PRICE",
  key: "2024-04",
  value: "1150.2",
  source: "STATEC, indice des prix de la construction, avril 2024 (test fixture)",
};

describe(`recordIndexValue and indexSeries (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it("lists the built-in series with their knownUntil and sources; the €STR holds nothing until recorded", async () => {
    const res = await api.gql("analyst", SERIES, {});
    expect(res.body.errors).toBeUndefined();
    const all = res.body.data!.indexSeries;
    expect(all.map((s: { series: string }) => s.series)).toEqual(["COTE", "CONSTRUCTION_PRICE", "ECB_SHORT_TERM_RATE"]);
    const construction = all[1];
    expect(construction).toMatchObject({ frenchTerm: "indice semestriel des prix de la construction", article: expect.stringContaining("art. 13 §2") });
    expect(construction.points[0]).toMatchObject({
      key: "2021-04",
      value: "881.15",
      origin: "BUILT_IN",
      confirmedBy: { citation: expect.stringContaining("art. 13 §2") },
    });
    expect(construction.points.some((p: { key: string }) => p.key === SEMESTER.key)).toBe(false);
    expect(all[2]).toMatchObject({ series: "ECB_SHORT_TERM_RATE", knownUntil: null, points: [] });
    expect((await api.gql("anonymous", SERIES, {})).body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses every caller but a ministry administrator, recording nothing", async () => {
    for (const caller of ["analyst", "landlordA", "developer", "anonymous"] as const) {
      const res = await api.gql(caller, RECORD, { input: SEMESTER });
      expect(res.body.data?.recordIndexValue ?? null).toBeNull();
      expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain(res.body.errors?.[0]?.extensions?.code);
    }
    expect(await api.db.prisma.indexValue.count()).toBe(0);
  });

  it("a missing construction semester is INDEX_MISSING naming it; once an administrator records it (audited), the same check succeeds with the recorded value and its source", async () => {
    const before = await api.gql("anonymous", CEILINGS, { date: "2024-06-15" });
    expect(before.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", userErrorCode: "INDEX_MISSING", field: "date" });
    expect(before.body.errors?.[0]?.message).toContain("semester 2024-04");

    const res = await api.gql("admin", RECORD, { input: SEMESTER });
    expect(res.body.errors).toBeUndefined();
    const out = res.body.data!.recordIndexValue;
    expect(out).toMatchObject({
      unchanged: false,
      userErrors: [],
      indexValue: {
        series: "CONSTRUCTION_PRICE",
        key: "2024-04",
        value: "1150.2",
        source: SEMESTER.source,
        knownUntil: null,
        recordedBy: expect.stringMatching(/^apiKey:/),
      },
    });
    expect(out.series.points.find((p: { key: string }) => p.key === "2024-04")).toMatchObject({
      origin: "OPERATOR",
      value: "1150.2",
      operatorEntry: { source: SEMESTER.source },
    });

    const row = await api.db.prisma.indexValue.findUniqueOrThrow({ where: { series_key: { series: "CONSTRUCTION_PRICE", key: "2024-04" } } });
    const audit = await api.db.prisma.auditEvent.findMany({ where: { action: "recordIndexValue", entityId: row.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "IndexValue", role: "MINISTRY_ADMIN", organisationId: api.orgIds.ministry });
    expect(audit[0]!.after).toMatchObject({ series: "CONSTRUCTION_PRICE", key: "2024-04", value: "1150.2", source: SEMESTER.source });

    const after = await api.gql("anonymous", CEILINGS, { date: "2024-06-15" });
    expect(after.body.errors).toBeUndefined();
    const checks = after.body.data!.compensationFlatCeilingChecks;
    expect(checks.map((c: { constructionIndex: string }) => c.constructionIndex)).toEqual(["1150.2", "1150.2"]);
    expect(checks[0].constructionIndexPoint).toMatchObject({
      series: "CONSTRUCTION_PRICE",
      label: "semester 2024-04",
      citation: expect.stringContaining(SEMESTER.source),
      unconfirmed: false,
    });
  });

  it("the same value again changes nothing (unchanged, no new row); a different value, or one conflicting with a built-in value, is a CONFLICT", async () => {
    const rows = await api.db.prisma.indexValue.count();
    const again = (await api.gql("admin", RECORD, { input: { ...SEMESTER, value: "1150.200" } })).body.data!.recordIndexValue;
    expect(again).toMatchObject({ unchanged: true, userErrors: [], indexValue: { key: "2024-04", value: "1150.2" } });
    expect(await api.db.prisma.indexValue.count()).toBe(rows);

    const conflicting = (await api.gql("admin", RECORD, { input: { ...SEMESTER, value: "1151" } })).body.data!.recordIndexValue;
    expect(conflicting).toMatchObject({
      indexValue: null,
      series: null,
      userErrors: [{ field: ["input", "value"], code: "CONFLICT", message: expect.stringContaining("1150.2") }],
    });
    const builtIn = (await api.gql("admin", RECORD, { input: { series: "COTE", key: "2025-05-01", value: "970", source: "test" } })).body.data!
      .recordIndexValue;
    expect(builtIn.userErrors).toMatchObject([{ field: ["input", "value"], code: "CONFLICT", message: expect.stringContaining("968.04") }]);
    expect(await api.db.prisma.indexValue.count()).toBe(rows);
    const row = await api.db.prisma.indexValue.findUniqueOrThrow({ where: { series_key: { series: "CONSTRUCTION_PRICE", key: "2024-04" } } });
    expect(row.value.toFixed()).toBe("1150.2");
  });

  it("refuses a malformed key, value or knownUntil and an empty source, naming each field", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const res = (await api.gql("admin", RECORD, { input: { series: "CONSTRUCTION_PRICE", key: "2024-05", value: "-3", source: "  ", knownUntil: tomorrow } }))
      .body.data!.recordIndexValue;
    expect(res.indexValue).toBeNull();
    expect(res.userErrors.map((e: { field: string[]; code: string }) => `${e.field.join(".")}:${e.code}`).sort()).toEqual([
      "input.key:INVALID_VALUE",
      "input.knownUntil:OUT_OF_RANGE",
      "input.source:REQUIRED",
      "input.value:OUT_OF_RANGE",
    ]);
    const decimals = (await api.gql("admin", RECORD, { input: { series: "ECB_SHORT_TERM_RATE", key: "2025-01-01", value: "1.1234567", source: "ECB" } })).body
      .data!.recordIndexValue;
    expect(decimals.userErrors).toMatchObject([{ field: ["input", "value"], code: "INVALID_VALUE" }]);
  });

  it("the rows are immutable in the database itself", async () => {
    await expect(api.db.prisma.indexValue.updateMany({ data: { value: "1" } })).rejects.toThrow(/immutable/);
    await expect(api.db.prisma.indexValue.deleteMany({})).rejects.toThrow(/immutable/);
  });

  it("the CLI's path (abordable index record) records as the operator: same checks, audited with action cli.recordIndexValue, and moves knownUntil", async () => {
    const ctx = createContext({
      db: api.db,
      viewer: { kind: "anonymous" },
      correlationId: "cli-test",
      logger: createLogger("error"),
      idempotency: undefined,
      legal: { bill8535EntryIntoForce: undefined },
    });
    const input = {
      series: "ECB_SHORT_TERM_RATE" as const,
      key: "2025-06-11",
      value: new Dec("1.923"),
      source: "ECB, euro short-term rate, 11 June 2025 (test fixture)",
      knownUntil: "2025-12-31",
    };
    const out = await recordIndexValueFor(ctx, input, { action: "cli.recordIndexValue", recordedBy: "cli:tester" });
    expect(out).toMatchObject({
      unchanged: false,
      userErrors: [],
      indexValue: { recordedBy: "cli:tester", knownUntil: "2025-12-31" },
      series: { knownUntil: "2025-12-31" },
    });
    const audit = await api.db.prisma.auditEvent.findMany({ where: { action: "cli.recordIndexValue", entityId: out.indexValue!.id } });
    expect(audit).toMatchObject([{ apiKeyId: null, correlationId: "cli-test" }]);
    // knownUntil never moves back.
    const back = await recordIndexValueFor(
      ctx,
      { ...input, key: "2025-09-01", knownUntil: "2025-10-01" },
      { action: "cli.recordIndexValue", recordedBy: "cli:tester" },
    );
    expect(back.userErrors).toMatchObject([{ field: ["input", "knownUntil"], code: "OUT_OF_RANGE" }]);
    const listed = (await api.gql("admin", SERIES, { series: "ECB_SHORT_TERM_RATE" })).body.data!.indexSeries;
    expect(listed).toMatchObject([
      { series: "ECB_SHORT_TERM_RATE", knownUntil: "2025-12-31", points: [{ key: "2025-06-11", value: "1.923", publisher: "ECB", origin: "OPERATOR" }] },
    ]);
  });
});
