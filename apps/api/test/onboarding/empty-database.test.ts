/**
 * Issue 13: from an empty database (no seed; `abordable bootstrap` gives the municipalities, the
 * ministry and its first administrator key) to a year's statement, through the HTTP API alone:
 * every organisation kind, their keys, conventions, a portfolio with a shared dwelling of six
 * accommodation units (imported from CSV) and a dwelling created one by one, the register, and
 * the landlord's 2025 statement, which counts the dwellings created through the API (it was 0.00
 * while createDwelling and recordLetting left managedSince empty). Then the import's refusals:
 * a file with every kind of bad row, each reported with line, column and rule, nothing applied.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { bootstrap } from "../../src/organisations/adapters/bootstrap.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { startEmptyApi, type EmptyApi } from "../support/empty-api.js";
import { Decimal } from "decimal.js";
import { DEFAULT_METHODOLOGY } from "@abordable/domain";
import type { Caller, TestApi } from "../support/api.js";
import { commissionOf, compute, openFile, RESPOND, step, toOffer } from "../allocation/flow.js";

let empty: EmptyApi;
let db: Database;
let url: string;
const keys: Record<string, string> = {};
const gql = (key: string, query: string, variables: Record<string, unknown> = {}) => empty.gql(key, query, variables);
/** Runs a mutation and expects no user error; returns its payload. */
async function ok(key: string, name: string, inputType: string, selection: string, input: Record<string, unknown>) {
  const data = await gql(key, `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { field code message rule } } }`, { input });
  expect(data[name].userErrors, `${name}: ${JSON.stringify(data[name].userErrors)}`).toEqual([]);
  return data[name];
}

const ORG = "organisation { id name isSocialLandlord isSocialDeveloper approvedOn isUniversityOfLuxembourg }";

describe(`from an empty database through the API (${TEST_DATABASE_KIND})`, () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    empty = await startEmptyApi();
    ({ db, url } = empty);
    keys.admin = empty.adminKey;
  }, 120_000);
  afterAll(async () => empty?.close());

  it("bootstrap is idempotent and issues no second key", async () => {
    const again = await bootstrap(db.prisma, "Ministère du Logement");
    expect(again.key).toBeNull();
    expect(again.municipalities).toBe(100);
  });

  it("the ministry creates every kind of organisation and issues their keys", async () => {
    const create = (input: Record<string, unknown>) => ok(keys.admin!, "createOrganisation", "CreateOrganisationInput", ORG, input);
    ids.landlord = (
      await create({
        name: "Ville de Dudelange",
        kind: "MUNICIPALITY",
        isSocialLandlord: true,
        isSocialDeveloper: true,
        municipalityCode: "dudelange",
        approvalReference: "AGR-2024-001",
        approvedOn: "2024-01-15",
      })
    ).organisation.id;
    ids.developer = (await create({ name: "Coopérative Wunnen", kind: "COOPERATIVE", isSocialDeveloper: true })).organisation.id;
    ids.fonds = (await create({ name: "Fonds du Logement", kind: "FONDS_DU_LOGEMENT", isSocialLandlord: true, isSocialDeveloper: true })).organisation.id;
    const uni = await create({ name: "Université du Luxembourg", kind: "PUBLIC_ESTABLISHMENT", isSocialLandlord: true, isUniversityOfLuxembourg: true });
    expect(uni.organisation.isUniversityOfLuxembourg).toBe(true);
    // A second Fonds du Logement, and a university that is not a public establishment, are refused.
    const dup = await gql(
      keys.admin!,
      "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { field code rule } } }",
      { input: { name: "Fonds bis", kind: "FONDS_DU_LOGEMENT", isSocialLandlord: true } },
    );
    expect(dup.createOrganisation.userErrors).toEqual([{ field: ["input", "kind"], code: "CONFLICT", rule: null }]);
    for (const [who, id, role] of [
      ["landlord", ids.landlord, "SOCIAL_LANDLORD"],
      ["developer", ids.developer, "SOCIAL_DEVELOPER"],
    ] as const) {
      keys[who] = (await ok(keys.admin!, "createApiKey", "CreateApiKeyInput", "secret", { organisationId: id, role, label: `${who} ERP` })).secret;
    }
    expect((await gql(keys.landlord!, "{ viewer { __typename } }")).viewer).toBeTruthy();
  });

  it("conventions: financing with its project and eligible costs, compensation, and a dated amendment", async () => {
    const fin = await ok(
      keys.admin!,
      "createFinancingConvention",
      "CreateFinancingConventionInput",
      "convention { id project { id } eligibleCosts emphyteusis }",
      {
        reference: "CPF-2024-7",
        developerId: ids.developer,
        projectName: "Wunnen am Park",
        projectMunicipalityCode: "dudelange",
        signedOn: "2024-03-01",
        startsOn: "2024-03-01",
        durationYears: 40,
        stateParticipation: "1500000.00",
        totalCost: "2000000.00",
        emphyteusis: true,
        eligibleCosts: [
          { kind: "LAND", amount: "500000.00" },
          { kind: "CONSTRUCTION", amount: "1500000.00" },
        ],
      },
    );
    ids.financing = fin.convention.id;
    ids.project = fin.convention.project.id;
    expect(fin.convention.eligibleCosts).toEqual([
      { kind: "LAND", amount: "500000.00" },
      { kind: "CONSTRUCTION", amount: "1500000.00" },
    ]);
    ids.compensation = (
      await ok(keys.admin!, "createCompensationConvention", "CreateCompensationConventionInput", "convention { id }", {
        reference: "CC-2024-12",
        landlordId: ids.landlord,
        developerId: ids.developer,
        signedOn: "2024-06-01",
        startsOn: "2024-06-01",
      })
    ).convention.id;
    const amended = await ok(keys.admin!, "amendConvention", "AmendConventionInput", "convention { durationYears amendments }", {
      conventionId: ids.financing,
      signedOn: "2024-09-01",
      effectiveOn: "2024-10-01",
      reason: "Avenant 1",
      durationYears: 45,
    });
    expect(amended.convention.durationYears).toBe(45);
    expect(amended.convention.amendments).toEqual([
      { signedOn: "2024-09-01", effectiveOn: "2024-10-01", reason: "Avenant 1", changes: { durationYears: { before: "40", after: 45 } } },
    ]);
  });

  it("a portfolio: a shared dwelling with six units and four tenants imported from CSV, a dwelling created and let one by one", async () => {
    const header =
      "record,reference,developerId,category,type,bedrooms,usefulArea,municipalityCode,address,managedSince,rentToDeveloperMonthly,compensationConventionId,dwellingReference,unitReference,capacity,householdReference,firstName,lastName,birthDate,startsOn,monthlyRent,monthlyCharges";
    const lines = [
      `DWELLING,WG-1,${ids.developer},ALL_PUBLIC,SHARED_DWELLING,6,180.00,dudelange,"12, rue du Parc",2025-01-01,900.00,${ids.compensation},,,,,,,,,,`,
      ...Array.from({ length: 6 }, (_, i) => `UNIT,,,,,,${(16 + i).toFixed(2)},,,,,,WG-1,U${i + 1},1,,,,,,,`),
      ...Array.from(
        { length: 4 },
        (_, i) => `LEASE,,,,,,,,,,,,WG-1,U${i + 1},,H${i + 1},Tenant${i + 1},Test,199${i}-02-03,2025-01-01,${400 + i * 10}.00,50.00`,
      ),
      `MEMBER,,,,,,,,,,,,,,,H1,,,,,,`.replace(",H1,,,,,,", ",H1,Partner,Test,1991-01-01,,,"),
    ];
    // The MEMBER row carries role in its own column: rebuilt with a header that has it.
    const csv = `${header},role\n${lines
      .slice(0, -1)
      .map((l) => `${l},`)
      .join("\n")}\nMEMBER,,,,,,,,,,,,,,,H1,Partner,Test,1991-01-01,,,,PARTNER\n`;
    const imported = await ok(
      keys.landlord!,
      "importPortfolio",
      "ImportPortfolioInput",
      "portfolioImport { id status totalRows appliedRows rejectedRows rowErrors { line column rule message } }",
      { format: "CSV", content: csv },
    );
    expect(imported.portfolioImport).toMatchObject({ status: "APPLIED", totalRows: 12, appliedRows: 12, rejectedRows: 0, rowErrors: [] });
    const shared = await db.prisma.dwelling.findFirstOrThrow({
      where: { reference: "WG-1" },
      include: { accommodationUnits: true, leases: { include: { household: true } } },
    });
    expect(shared.accommodationUnits).toHaveLength(6);
    expect(shared.accommodationUnits.filter((u) => u.status === "LET")).toHaveLength(4);
    expect(shared.leases.map((l) => l.household.memberCount).sort()).toEqual([1, 1, 1, 2]);
    expect(shared.managedSince?.toISOString().slice(0, 10)).toBe("2025-01-01");
    const progress = await gql(keys.landlord!, "query($id: ID!) { portfolioImport(id: $id) { status processedRows } }", { id: imported.portfolioImport.id });
    expect(progress.portfolioImport).toEqual({ status: "APPLIED", processedRows: 12 });

    const created = await ok(keys.landlord!, "createDwelling", "CreateDwellingInput", "dwelling { id }", {
      reference: "APT-1",
      developerId: ids.developer,
      compensationConventionId: ids.compensation,
      category: "ALL_PUBLIC",
      type: "APARTMENT",
      bedrooms: 2,
      usefulArea: "75.00",
      municipalityCode: "dudelange",
      address: "3, rue Haute",
    });
    ids.apartment = created.dwelling.id;
    await ok(keys.landlord!, "recordLetting", "LettingEventInput", "dwelling { id }", { dwellingId: ids.apartment, date: "2025-03-01" });
    const facts = await ok(keys.landlord!, "recordDwellingFacts", "RecordDwellingFactsInput", "dwelling { managedSince }", {
      dwellingId: ids.apartment,
      effectiveOn: "2025-03-01",
      rentToDeveloperMonthly: "650.00",
      ancillaryRentMonthly: "60.00",
      firstOccupiedYear: 2024,
    });
    // The letting set the managed-since date the statement needs (art. 40).
    expect(facts.dwelling.managedSince).toBe("2025-03-01");
    await ok(keys.admin!, "recordDwellingFinancing", "RecordDwellingFinancingInput", "convention { id }", {
      conventionId: ids.financing,
      dwellingId: ids.apartment,
      landCapitalInvested: "100000.00",
      landOwnContribution: "25000.00",
      constructionCapitalInvested: "250000.00",
      constructionOwnContribution: "50000.00",
      emphyteusisFeesPerYear: "1200.00",
    });
  });

  it("the register: candidates with households, one household per person (art. 55 §2), revision flag and withdrawal", async () => {
    const member = {
      role: "APPLICANT",
      firstName: "Ana",
      lastName: "Pereira",
      birthDate: "1988-04-12",
      residenceStatus: "EU_RESIDENCE_RIGHT",
      residentSince: "2015-01-01",
      workplaceMunicipalityCode: "luxembourg",
      incomes: [
        { kind: "NET_TAXABLE_INCOME", amount: "36000.00" },
        { kind: "ALIMONY_PAID", amount: "2400.00" },
      ],
    };
    const child = {
      role: "CHILD",
      firstName: "Leo",
      lastName: "Pereira",
      birthDate: "2015-09-01",
      isDependent: true,
      incomes: [{ kind: "NET_TAXABLE_INCOME", amount: "1000.00" }],
    };
    const input = {
      address: "5, rue Neuve",
      municipalityCode: "dudelange",
      incomeYear: 2025,
      introducedOn: "2026-01-10",
      motive: "EXCESSIVE_RENT",
      members: [member, child],
    };
    const reg = await ok(
      keys.admin!,
      "registerCandidate",
      "RegisterCandidateInput",
      "candidate { id applications { status introducedOn evaluationOutdated } }",
      input,
    );
    ids.candidate = reg.candidate.id;
    expect(reg.candidate.applications).toEqual([{ status: "ACTIVE", introducedOn: "2026-01-10", evaluationOutdated: false }]);
    const stored = await db.prisma.householdMember.findMany({
      where: { household: { candidate: { registerNumber: { startsWith: "RNLA-2026-" } } } },
      orderBy: { role: "asc" },
    });
    // Art. 56 §3: net income 36,000 less alimony paid 2,400 = 33,600; a dependent child's income is not counted.
    expect(stored.map((m) => [m.role, m.annualNetIncome.toFixed(2)])).toEqual([
      ["APPLICANT", "33600.00"],
      ["CHILD", "0.00"],
    ]);
    const twice = await gql(
      keys.admin!,
      "mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { candidate { id } userErrors { field code rule } } }",
      {
        input: {
          ...input,
          members: [
            { ...child, role: "APPLICANT", birthDate: "1990-01-01", firstName: "Maria" },
            { ...member, role: "PARTNER" },
          ],
        },
      },
    );
    expect(twice.registerCandidate.userErrors).toEqual([{ field: ["input", "members", "1"], code: "RULE_VIOLATION", rule: "law art. 55 §2" }]);
    await ok(keys.admin!, "reviseCandidate", "ReviseCandidateInput", "candidate { id }", { candidateId: ids.candidate, revisedOn: "2026-06-01" });
    const report = await gql(keys.admin!, "query($id: ID!) { candidateDataReport(candidateId: $id) }", { id: ids.candidate });
    expect(report.candidateDataReport.household.members).toHaveLength(2);
    expect(report.candidateDataReport.changes.map((c: { action: string }) => c.action)).toEqual(["registerCandidate", "reviseCandidate"]);
    await ok(keys.admin!, "closeApplication", "CloseApplicationInput", "candidate { applications { status } }", {
      candidateId: ids.candidate,
      kind: "WITHDRAWAL",
      on: "2026-07-01",
      reason: "Found a home",
    });
    // No retention period configured: nothing is anonymised (no legal figure is invented).
    const anon = await gql(
      keys.admin!,
      "mutation($input: AnonymiseCandidateInput!) { anonymiseCandidate(input: $input) { candidate { id } userErrors { code message } } }",
      { input: { candidateId: ids.candidate } },
    );
    expect(anon.anonymiseCandidate.userErrors[0].code).toBe("INVALID_STATE");
  });

  it("the landlord's 2025 statement counts the dwellings created through the API", async () => {
    const issued = await ok(
      keys.admin!,
      "issueCompensationStatement",
      "CompensationStatementInput",
      "statement { number total surplusOwedToState lineCount subtotalsByComponent { component amount lineCount } }",
      { conventionId: ids.compensation, year: 2025 },
    );
    expect(issued.statement.lineCount).toBeGreaterThan(0);
    expect(issued.statement.total).not.toBe("0.00");
    // APT-1 by hand: let and managed from 1 March 2025, so 10 whole months of 2025 (art. 40 §1).
    // Management flat: 300 EUR a month per dwelling (RGD of 24 January 2024 art. 3), under the law's
    // ceiling of 290 EUR at construction-price index 881.15 (art. 40 §2 al. 2), i.e. 290 × 1164.15 /
    // 881.15 = 383.14 EUR in 2025: not binding. Rent paid to the developer: 650 a month (art. 40
    // §1 al. 3). Ancillary rents received: 60 a month, deducted. No tenant rent (no lease recorded).
    // 10 × (300 + 650 − 60) = 8,900.00 EUR.
    const sums = (edges: { node: { component: string; amount: string } }[]) => {
      const m = new Map<string, Decimal>();
      for (const { node } of edges) m.set(node.component, (m.get(node.component) ?? new Decimal(0)).plus(node.amount));
      return Object.fromEntries([...m].map(([k, v]) => [k, v.toFixed(2)]));
    };
    const apt = await gql(
      keys.admin!,
      "query($n: String!, $d: ID) { compensationStatement(number: $n) { lines(first: 100, filter: { dwellingId: $d }) { totalCount edges { node { component amount } } } } }",
      { n: issued.statement.number, d: ids.apartment },
    );
    expect(sums(apt.compensationStatement.lines.edges)).toEqual({ MANAGEMENT_FLAT: "3000.00", RENT_PAID_TO_DEVELOPER: "6500.00", ANCILLARY_RENTS: "-600.00" });
    expect(apt.compensationStatement.lines.totalCount).toBe(30);
    const wgId = (await gql(keys.landlord!, '{ dwellings(first: 5, filter: { references: ["WG-1"] }) { edges { node { id } } } }')).dwellings.edges[0].node.id;
    const wg = await gql(
      keys.admin!,
      "query($n: String!, $d: ID) { compensationStatement(number: $n) { lines(first: 100, filter: { dwellingId: $d }) { totalCount edges { node { component amount } } } } }",
      { n: issued.statement.number, d: wgId },
    );
    // WG-1 by hand (law regime, 2025 before the bill): a shared dwelling managed all year.
    // Rent paid to the developer 900 × 12 = 10,800.00; one management flat per dwelling
    // ("par logement", law art. 40 §2; the bill's flat per accommodation unit is not in force),
    // 300 × 12 = 3,600.00; the four tenants' rents (400 + 410 + 420 + 430) × 12 = 19,920.00
    // deducted: 10,800 + 3,600 − 19,920 = −5,520.00, a surplus of receipts (art. 47), never a
    // negative compensation.
    expect(sums(wg.compensationStatement.lines.edges)).toEqual({ RENT_PAID_TO_DEVELOPER: "10800.00", MANAGEMENT_FLAT: "3600.00", TENANT_RENTS: "-19920.00" });
    expect(wg.compensationStatement.lines.totalCount).toBe(12 + 12 + 4 * 12);
    // The landlord's compensation is the whole statement's deficit (art. 40 §1, the ministry's
    // example 4,000 + 12 × 300 − 5,000 = 2,600): 8,900.00 − 5,520.00 = 3,380.00, no surplus.
    expect(issued.statement).toMatchObject({ total: "3380.00", surplusOwedToState: "0.00", lineCount: 30 + 72 });
    const dev = await ok(keys.admin!, "issueCompensationStatement", "CompensationStatementInput", "statement { number total lineCount }", {
      conventionId: ids.financing,
      year: 2025,
    });
    expect(dev.statement.lineCount).toBeGreaterThan(0);
    const devLines = await gql(
      keys.admin!,
      "query($n: String!) { compensationStatement(number: $n) { lines(first: 100) { totalCount edges { node { component amount } } } } }",
      { n: dev.statement.number },
    );
    // The developer's 2025 statement by hand (law regime), APT-1 let from 1 March 2025: 10 months.
    // Operating cost: 140 a month per let dwelling (RGD 2024 art. 1, within art. 13 §2's ceiling)
    // = 1,400.00. Capital remuneration (art. 13 §3-5; RGD 2024 art. 2) on at most the developer's
    // own contribution: land 3.5 % × 25,000 = 875 a year, 10/12 = 729.17; construction 4.5 % ×
    // 50,000 = 2,250 a year, 10/12 = 1,875.00; first service year, so no yearly index adaptation
    // yet. The emphyteusis fees are deducted only under the bill (art. 17 §1 al. 3).
    expect(sums(devLines.compensationStatement.lines.edges)).toEqual({ OPERATING_COST: "1400.00", CAPITAL_LAND: "729.17", CAPITAL_CONSTRUCTION: "1875.00" });
    expect(dev.statement.total).toBe("4004.17");
    // Once a statement used the convention, an amendment cannot take effect in the year it covers.
    const late = await gql(
      keys.admin!,
      "mutation($input: AmendConventionInput!) { amendConvention(input: $input) { convention { id } userErrors { field code } } }",
      { input: { conventionId: ids.financing, signedOn: "2025-06-01", effectiveOn: "2025-07-01", reason: "late", durationYears: 50 } },
    );
    expect(late.amendConvention.userErrors).toEqual([{ field: ["input", "effectiveOn"], code: "INVALID_STATE" }]);
  });

  it("an import with every kind of bad row reports each with line, column and rule, and applies nothing", async () => {
    const before = await db.prisma.dwelling.count();
    const header =
      "record,reference,developerId,category,dedicatedSubCategory,type,bedrooms,usefulArea,municipalityCode,address,dwellingReference,unitReference,householdReference,firstName,lastName,birthDate,startsOn,monthlyRent,role";
    const rows = [
      `DWELLING,OK-1,${ids.developer},ALL_PUBLIC,,APARTMENT,2,70.00,dudelange,a,,,,,,,,,`, // 2: valid
      `DWELLING,BAD-CAT,${ids.developer},DEDICATED,,APARTMENT,2,70.00,dudelange,a,,,,,,,,,`, // 3: art. 12 §2
      `DWELLING,BAD-AREA,${ids.developer},ALL_PUBLIC,,APARTMENT,2,-5,dudelange,a,,,,,,,,,`, // 4: area
      `DWELLING,BAD-MUN,${ids.developer},ALL_PUBLIC,,APARTMENT,2,70.00,atlantis,a,,,,,,,,,`, // 5: municipality
      `DWELLING,APT-1,${ids.developer},ALL_PUBLIC,,APARTMENT,2,70.00,dudelange,a,,,,,,,,,`, // 6: reference in stock
      `DWELLING,BAD-DEV,${ids.landlord!.replace(/.$/, "x")},ALL_PUBLIC,,APARTMENT,2,70.00,dudelange,a,,,,,,,,,`, // 7: malformed ID
      `UNIT,,,,,,,15.00,,,OK-1,U1,,,,,,,`, // 8: unit in an apartment (bill art. 13 §2)
      `LEASE,,,,,,,,,,NOPE,,H9,A,B,1980-01-01,2025-01-01,500.00,`, // 9: unknown dwelling
      `LEASE,,,,,,,,,,OK-1,,H10,A,B,1980-13-01,2025-01-01,0,`, // 10: date, rent
      `MEMBER,,,,,,,,,,,,H10,C,D,1981-01-01,,,SPOUSE`, // 11: role; lease of line 10 bad
      `TENANT,,,,,,,,,,,,,,,,,,`, // 12: record
    ];
    const res = await gql(
      keys.landlord!,
      "mutation($input: ImportPortfolioInput!) { importPortfolio(input: $input) { portfolioImport { status appliedRows rowErrors { line column code rule } } userErrors { message } } }",
      { input: { format: "CSV", content: `${header}\n${rows.join("\n")}\n` } },
    );
    const report = res.importPortfolio.portfolioImport;
    expect(report.status).toBe("REJECTED");
    expect(report.appliedRows).toBe(0);
    const got = report.rowErrors.map(
      (e: { line: number; column: string; code: string; rule: string | null }) => `${e.line} ${e.column} ${e.code}${e.rule ? ` ${e.rule}` : ""}`,
    );
    expect(got).toEqual([
      "3 dedicatedSubCategory RULE_VIOLATION law art. 12 §2",
      "4 usefulArea OUT_OF_RANGE",
      "5 municipalityCode NOT_FOUND",
      "6 reference CONFLICT",
      "7 developerId INVALID_ID",
      "8 dwellingReference RULE_VIOLATION bill 8535 art. 13 §2 al. 2",
      "9 dwellingReference NOT_FOUND",
      "10 birthDate INVALID_VALUE",
      "10 monthlyRent OUT_OF_RANGE",
      "11 householdReference INVALID_STATE",
      "11 role INVALID_VALUE",
      "12 record INVALID_VALUE",
    ]);
    expect(await db.prisma.dwelling.count()).toBe(before);
    // The same file in VALID_BATCHES mode applies the valid dwelling group only (OK-1 is spoiled by its bad unit and lease rows).
    const partial = await gql(
      keys.landlord!,
      "mutation($input: ImportPortfolioInput!) { importPortfolio(input: $input) { portfolioImport { status appliedRows } userErrors { message } } }",
      {
        input: {
          format: "CSV",
          mode: "VALID_BATCHES",
          content: `${header}\n${rows.join("\n")}\nDWELLING,OK-2,${ids.developer},ALL_PUBLIC,,HOUSE,3,95.00,dudelange,b,,,,,,,,,\n`,
        },
      },
    );
    expect(partial.importPortfolio.portfolioImport).toEqual({ status: "PARTIALLY_APPLIED", appliedRows: 1 });
    expect(await db.prisma.dwelling.count()).toBe(before + 1);
  });

  it("an allocation: approved methodology, commission, shortlist, offer accepted, lease signed at the rent of art. 60 and annex III", async () => {
    // The allocation helpers speak to a TestApi; here the landlord and the ministry are this test's own keys.
    const callers: Partial<Record<Caller, string>> = { landlordA: keys.landlord!, admin: keys.admin! };
    const api = {
      gql: async (caller: Caller, query: string, variables: Record<string, unknown> = {}) => {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${callers[caller]}` },
          body: JSON.stringify({ query, variables }),
        });
        return { status: res.status, headers: res.headers, body: await res.json() };
      },
    } as unknown as TestApi;
    const { version: _v, landlord: _l, validFrom: _f, ...config } = JSON.parse(JSON.stringify(DEFAULT_METHODOLOGY)) as Record<string, unknown>;
    const methodology = await ok(
      keys.landlord!,
      "createAllocationMethodologyVersion",
      "CreateAllocationMethodologyVersionInput",
      "methodology { id approvedOn }",
      { config: { ...config, id: "dudelange-2026" } },
    );
    expect(methodology.methodology.approvedOn).toBeNull();
    await ok(keys.admin!, "approveAllocationMethodologyVersion", "ApproveAllocationMethodologyVersionInput", "methodology { id }", {
      methodologyId: methodology.methodology.id,
      approvedOn: "2026-01-05",
    });
    const term = { termStartsOn: "2026-01-01", termEndsOn: "2030-12-31" };
    await ok(keys.landlord!, "createCommission", "CreateCommissionInput", "commission { id }", {
      name: "Commission consultative de Dudelange",
      members: [
        { name: "A", role: "CHAIR", ...term },
        { name: "B", role: "EXPERT_MEMBER", ...term },
        { name: "C", role: "EXTERNAL_MEMBER", ...term },
        { name: "D", role: "MEMBER", alternateForIndex: 2, ...term },
        { name: "S", role: "SECRETARY", isVotingMember: false, ...term },
      ],
    });
    // A single adult, 30,000.00 EUR of net taxable income (art. 56), resident national.
    await ok(keys.admin!, "registerCandidate", "RegisterCandidateInput", "candidate { id }", {
      address: "8, rue Basse",
      municipalityCode: "dudelange",
      incomeYear: 2025,
      introducedOn: "2026-01-12",
      motive: "EXCESSIVE_RENT",
      members: [
        {
          role: "APPLICANT",
          firstName: "Jean",
          lastName: "Muller",
          birthDate: "1979-05-20",
          residenceStatus: "LUXEMBOURG_NATIONAL",
          workplaceMunicipalityCode: "dudelange",
          incomes: [{ kind: "NET_TAXABLE_INCOME", amount: "30000.00" }],
        },
      ],
    });
    const dwelling = await ok(keys.landlord!, "createDwelling", "CreateDwellingInput", "dwelling { id }", {
      reference: "APT-2",
      developerId: ids.developer,
      compensationConventionId: ids.compensation,
      category: "ALL_PUBLIC",
      type: "APARTMENT",
      bedrooms: 1,
      usefulArea: "52.00",
      municipalityCode: "dudelange",
      address: "3, rue Haute",
      hasEquippedKitchen: true,
      hasOutdoorSpace: false,
      firstOccupiedYear: 2024,
    });
    const commission = await commissionOf(api, "landlordA");
    const fileId = await openFile(api, "landlordA", dwelling.dwelling.id, "2026-02-02");
    const ranked = await compute(api, "landlordA", fileId, "2026-02-03", 10);
    expect(ranked.computation.rankedCount).toBe(1);
    const { offerId } = await toOffer(api, "landlordA", commission, fileId, "2026-02-04");
    const accepted = await gql(keys.landlord!, RESPOND, { input: { offerId, response: "ACCEPTED", respondedOn: "2026-02-20" } });
    expect(accepted.recordOfferResponse.userErrors).toEqual([]);
    await step(api, "landlordA", fileId, "VISIT_DONE", "2026-02-24");
    const signed = await ok(
      keys.landlord!,
      "signLease",
      "SignLeaseInput",
      "lease { monthlyRent startsOn rentComputation { annualNetDisposableIncome cote lowIncomeThreshold maxEffortThreshold effortRate grossMonthly netMonthly capApplied } }",
      {
        allocationFileId: fileId,
        startsOn: "2026-03-01",
        annualNetDisposableIncome: "30000.00",
        monthlyCharges: "90.00",
      },
    );

    // By hand, from the text. Annex III table A, one adult, at cote 100: low income 2,013, maximum
    // effort 5,485, rent ceiling 6,397, times the cost-of-living index in force on 1 March 2026
    // (968.04 since 1 May 2025) / 100. Art. 60 §2: effort rate = 10 % + (RND − low) / (max − low) × 25 %.
    const cote = new Decimal("968.04").div(100);
    const low = cote.times(2013);
    const max = cote.times(5485);
    const rate = new Decimal("0.10").plus(new Decimal("30000").minus(low).div(max.minus(low)).times("0.25"));
    const grossMonthly = new Decimal("30000").times(rate).div(12);
    // Not capped: 35 % of 6,397 × 9.6804 a year is far above. Annex III 2° : −2.5 % without a
    // balcony, terrace or private garden; equipped kitchen, not a house, first occupied after 1990.
    const netMonthly = grossMonthly.times("0.975");
    const rc = signed.lease.rentComputation;
    expect(new Decimal(rc.annualNetDisposableIncome).eq(30000)).toBe(true);
    expect(rc.capApplied).toBe(false);
    expect(new Decimal(rc.lowIncomeThreshold).minus(low).abs().lte("0.01")).toBe(true);
    expect(new Decimal(rc.maxEffortThreshold).minus(max).abs().lte("0.01")).toBe(true);
    expect(new Decimal(rc.effortRate).minus(rate).abs().lte("0.0001")).toBe(true);
    // The rent in the lease is the net monthly rent to the cent (434.36 EUR).
    expect(signed.lease.monthlyRent).toBe(netMonthly.toFixed(2));
    const file = await gql(keys.landlord!, "query($id: ID!) { node(id: $id) { ... on AllocationFile { status } } }", { id: fileId });
    expect(file.node.status).toBe("LEASE_SIGNED");
  });

  it("deactivating an organisation revokes its keys and keeps its history readable", async () => {
    const res = await ok(keys.admin!, "deactivateOrganisation", "DeactivateOrganisationInput", "revokedKeys organisation { deactivatedAt }", {
      id: ids.developer,
      reason: "Merged",
    });
    expect(res.revokedKeys).toBe(1);
    const denied = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${keys.developer}` },
      body: JSON.stringify({ query: "{ viewer { __typename } }" }),
    });
    expect(denied.status).toBe(401);
    const still = await gql(keys.admin!, "query($id: ID!) { node(id: $id) { ... on Convention { reference developer { name deactivatedAt } } } }", {
      id: ids.financing,
    });
    expect(still.node.developer.name).toBe("Coopérative Wunnen");
    expect(still.node.developer.deactivatedAt).not.toBeNull();
  });
});
