/**
 * Index series honesty in compensation (issue 17 point 4), through the API on a real database:
 * statements and calculations say when they rest on an index value after its series' knownUntil,
 * use the values an operator recorded, and carry the art. 13 §4 check of the capital rates against
 * the €STR — flagged when missing or breached, never hidden. legalRegime beside the deprecated regime.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COTE_SERIES } from "@abordable/domain";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const RECORD = `mutation($input: RecordIndexValueInput!) { recordIndexValue(input: $input) { unchanged indexValue { key knownUntil } userErrors { field code message } } }`;
const DRAFT = `query($input: CompensationStatementInput!, $filter: CompensationStatementLineFilter) {
  compensationStatementDraft(input: $input) {
    legalRegime total unconfirmedIndexAfter
    indexPointsUsed { series label value unconfirmed unconfirmedAfter citation }
    capitalRateBounds { kind asOf status flagged rate ecbRate floor cap unconfirmed message article }
    lines(first: 100, filter: $filter) { totalCount edges { node { month component amount indexPoints { series value unconfirmed unconfirmedAfter } } } }
  }
}`;
const ISSUE = `mutation($input: CompensationStatementInput!) { issueCompensationStatement(input: $input) { statement { number unconfirmedIndexAfter capitalRateBounds { kind status flagged } } userErrors { field code message } } }`;
const DEV_CALC = `query($input: CalculateDeveloperCompensationInput!) {
  calculateDeveloperCompensation(input: $input) { legalRegime total unconfirmedIndexAfter indexPointsUsed { label value unconfirmed } capitalRateBounds { kind status flagged } }
}`;
const CALC_INPUT = {
  developerKind: "OTHER",
  conventionSignedOn: "2025-06-01",
  firstLettingDate: "2025-07-01",
  month: "2027-01",
  land: { capitalInvested: "200000", ownContribution: "100000" },
};

describe(`index series in compensation (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let developerInput: { conventionId: string; year: number; legalRegime: "LAW" };
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
    const convention = await api.db.prisma.convention.findFirstOrThrow({
      where: {
        kind: "FINANCIAL_PARTICIPATION",
        developerId: api.orgIds.snhbm,
        signedOn: { gte: new Date("2023-10-01T00:00:00Z") },
        financedDwellings: { some: { firstLettingOn: { lt: new Date("2025-01-01T00:00:00Z") }, status: "LET" } },
      },
      orderBy: { reference: "asc" },
    });
    developerInput = { conventionId: gid("Convention", convention.id), year: 2025, legalRegime: "LAW" };
  });
  afterAll(async () => api?.close());

  it("a calculation for a month after the cote's knownUntil says it rests on an unconfirmed value", async () => {
    const res = await api.gql("anonymous", DEV_CALC, { input: CALC_INPUT });
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data!.calculateDeveloperCompensation;
    expect(r.unconfirmedIndexAfter).toBe(COTE_SERIES.knownUntil);
    expect(r.indexPointsUsed.some((p: { unconfirmed: boolean }) => p.unconfirmed)).toBe(true);
    // A month before knownUntil is confirmed.
    const before = (await api.gql("anonymous", DEV_CALC, { input: { ...CALC_INPUT, month: "2025-08" } })).body.data!.calculateDeveloperCompensation;
    expect(before.unconfirmedIndexAfter).toBeNull();
    expect(before.indexPointsUsed.every((p: { unconfirmed: boolean }) => !p.unconfirmed)).toBe(true);
  });

  it("art. 13 §4: with no €STR recorded, each capital rate of a developer statement is flagged ECB_RATE_MISSING, not hidden", async () => {
    const res = await api.gql("developer", DRAFT, { input: developerInput, filter: { component: "CAPITAL_LAND" } });
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!.compensationStatementDraft;
    expect(d.lines.totalCount).toBeGreaterThan(0);
    expect(d.capitalRateBounds).toMatchObject([
      { kind: "LAND", status: "ECB_RATE_MISSING", flagged: true, rate: "3.5", ecbRate: null, floor: null, cap: null, article: "law art. 13 §4" },
      { kind: "CONSTRUCTION", status: "ECB_RATE_MISSING", flagged: true, rate: "4.5", ecbRate: null },
    ]);
    expect(d.capitalRateBounds[0].message).toContain("€STR");
    // 2025 lies within the cote's knownUntil: nothing unconfirmed.
    expect(d.unconfirmedIndexAfter).toBeNull();
    expect(d.indexPointsUsed.length).toBeGreaterThan(0);
    // Landlord statements have no capital remuneration: null.
    const landlord = await api.gql(
      "landlordA",
      `query($input: CompensationStatementInput!) { compensationStatementDraft(input: $input) { capitalRateBounds { kind } } }`,
      { input: { landlordId: gid("Organisation", api.orgIds.esch), year: 2025 } },
    );
    expect(landlord.body.data!.compensationStatementDraft.capitalRateBounds).toBeNull();
  });

  it("art. 13 §4: once an administrator records the €STR, a rate above its cap is BREACHED and flagged on the draft and the issued statement", async () => {
    const convention = await api.db.prisma.convention.findUniqueOrThrow({
      where: { id: Buffer.from(developerInput.conventionId, "base64").toString().split(":")[1]! },
    });
    const signed = convention.signedOn.toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const rec = await api.gql("admin", RECORD, {
      input: { series: "ECB_SHORT_TERM_RATE", key: "2023-09-20", value: "1.9", source: "ECB €STR publication (test fixture)", knownUntil: today },
    });
    expect(rec.body.data!.recordIndexValue.userErrors).toEqual([]);
    const d = (await api.gql("developer", DRAFT, { input: developerInput })).body.data!.compensationStatementDraft;
    // Land: 3.5 % against [1.9, 1.9 + 1.5]; construction: 4.5 % against [1.9 + 1, 1.9 + 2.5] (RGD 2024 art. 2; law art. 13 §4).
    expect(d.capitalRateBounds).toMatchObject([
      { kind: "LAND", asOf: signed, status: "BREACHED", flagged: true, rate: "3.5", ecbRate: "1.9", floor: "1.9", cap: "3.4", unconfirmed: false },
      { kind: "CONSTRUCTION", asOf: signed, status: "BREACHED", flagged: true, rate: "4.5", ecbRate: "1.9", floor: "2.9", cap: "4.4", unconfirmed: false },
    ]);
    expect(d.capitalRateBounds[0].message).toContain("OUTSIDE");
    const issued = (await api.gql("developer", ISSUE, { input: developerInput })).body.data!.issueCompensationStatement;
    expect(issued.userErrors).toEqual([]);
    expect(issued.statement.capitalRateBounds).toMatchObject([
      { kind: "LAND", status: "BREACHED", flagged: true },
      { kind: "CONSTRUCTION", status: "BREACHED", flagged: true },
    ]);
  });

  it("a statement with a month after the cote's knownUntil is flagged unconfirmed (those lines only); an administrator confirming the series clears it", async () => {
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
    // Managed by another landlord: the Fonds du Logement's indemnity (bill art. 13 §3bis), indexed on the cote of each month.
    await api.db.prisma.dwelling.update({ where: { id: moved.id }, data: { landlordId: api.orgIds.esch, reference: `FDL-${moved.reference}` } });
    const input = { conventionId: gid("Convention", convention.id), year: 2026, legalRegime: "BILL_8535" };
    const filter = { component: "FONDS_DU_LOGEMENT_INDEMNITY" };
    const res = await api.gql("admin", DRAFT, { input, filter });
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!.compensationStatementDraft;
    expect(d.legalRegime).toBe("BILL_8535");
    expect(d.unconfirmedIndexAfter).toBe(COTE_SERIES.knownUntil);
    expect(d.indexPointsUsed.find((p: { unconfirmed: boolean }) => p.unconfirmed)).toMatchObject({ series: "COTE", unconfirmedAfter: COTE_SERIES.knownUntil });
    type L = { node: { month: string; indexPoints: { unconfirmed: boolean }[] } };
    const lines: L[] = d.lines.edges;
    expect(lines.length).toBe(12);
    const firstUnconfirmedMonth = lines.find((e) => e.node.indexPoints.some((p) => p.unconfirmed))!.node.month;
    expect(`${firstUnconfirmedMonth}-01` > COTE_SERIES.knownUntil).toBe(true);
    expect(lines.filter((e) => `${e.node.month}-01` <= COTE_SERIES.knownUntil).every((e) => e.node.indexPoints.every((p) => !p.unconfirmed))).toBe(true);

    // The operator confirms the last tranche up to a later day: the statement no longer rests on an unconfirmed value.
    const last = COTE_SERIES.points.at(-1)!;
    const confirmUntil = "2026-12-01";
    const rec = await api.gql("admin", RECORD, {
      input: { series: "COTE", key: last.validFrom, value: last.value, source: "STATEC, cote d'application (test fixture)", knownUntil: confirmUntil },
    });
    expect(rec.body.data!.recordIndexValue).toMatchObject({ unchanged: false, userErrors: [], indexValue: { knownUntil: confirmUntil } });
    const after = (await api.gql("admin", DRAFT, { input, filter })).body.data!.compensationStatementDraft;
    expect(after.unconfirmedIndexAfter).toBeNull();
    expect(after.total).toBe(d.total);
  });

  it("legalRegime stands beside the deprecated regime: either is accepted, both given must agree; an operator's earlier cote tranche lets a bill statement indexed from an old first letting compute", async () => {
    const byLegal = (await api.gql("anonymous", DEV_CALC, { input: { ...CALC_INPUT, month: "2025-08", legalRegime: "BILL_8535" } })).body.data!
      .calculateDeveloperCompensation;
    const byOld = (await api.gql("anonymous", DEV_CALC, { input: { ...CALC_INPUT, month: "2025-08", regime: "BILL_8535" } })).body.data!
      .calculateDeveloperCompensation;
    expect(byLegal.legalRegime).toBe("BILL_8535");
    expect(byOld).toEqual(byLegal);
    const both = await api.gql("anonymous", DEV_CALC, { input: { ...CALC_INPUT, regime: "LAW", legalRegime: "BILL_8535" } });
    expect(both.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.legalRegime" });
    const ceilings = await api.gql(
      "anonymous",
      `{ compensationFlatCeilingChecks(conventionSignedOn: "2024-02-01", date: "2024-02-15", regime: LAW, legalRegime: BILL_8535) { within } }`,
    );
    expect(ceilings.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "legalRegime" });
    const issue = await api.gql("developer", ISSUE, {
      input: { conventionId: developerInput.conventionId, year: 2025, regime: "LAW", legalRegime: "BILL_8535" },
    });
    expect(issue.body.data!.issueCompensationStatement.userErrors).toMatchObject([{ field: ["input", "legalRegime"], code: "INVALID_VALUE" }]);
    // Under the bill the capital is indexed from the first letting (art. 13 §5 as amended): a letting before the
    // cote series' first tranche is INDEX_MISSING naming the day, until an operator records an earlier tranche.
    const billInput = { conventionId: developerInput.conventionId, year: 2025, regime: "BILL_8535" };
    const missing = await api.gql("developer", DRAFT, { input: billInput });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", userErrorCode: "INDEX_MISSING" });
    expect(missing.body.errors?.[0]?.message).toMatch(/cote d'application recorded on or before \d{4}-\d{2}-\d{2}/);
    // Issuing answers the same as a user error with its code (the one DomainError mapping).
    const refused = (await api.gql("developer", ISSUE, { input: billInput })).body.data!.issueCompensationStatement;
    expect(refused).toMatchObject({ statement: null, userErrors: [{ code: "INDEX_MISSING", message: expect.stringContaining("cote d'application") }] });
    const rec = await api.gql("admin", RECORD, {
      input: { series: "COTE", key: "2000-01-01", value: "600", source: "STATEC, cote d'application (test fixture, not a published figure)" },
    });
    expect(rec.body.data!.recordIndexValue.userErrors).toEqual([]);
    const draft = await api.gql("developer", DRAFT, { input: billInput });
    expect(draft.body.errors).toBeUndefined();
    expect(draft.body.data!.compensationStatementDraft.legalRegime).toBe("BILL_8535");
    expect(
      draft.body.data!.compensationStatementDraft.indexPointsUsed.some(
        (p: { value: string; citation: string }) => p.value === "600" && p.citation.includes("test fixture"),
      ),
    ).toBe(true);
  });
});
