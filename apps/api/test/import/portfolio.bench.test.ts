/**
 * Benchmark of the portfolio import (issue 13 §5): a landlord's CSV of 10,000 dwellings, each let
 * with its tenant household (10,000 DWELLING rows and 10,000 LEASE rows), sent through the HTTP
 * API as one `importPortfolio` in ALL_OR_NOTHING mode, in a fresh database started from nothing
 * (`bootstrap`, then the organisations and the convention through the API). Timed with
 * performance.now() around the request; the rows are then counted in SQL. Prints the throughput;
 * asserts only that everything was applied (machines vary: the figure is the benchmark's, not a
 * test's). Run with `npx vitest run --config vitest.bench.config.ts test/import` (PGlite) or with
 * ABORDABLE_TEST_DATABASE_URL for PostgreSQL; `npm run bench` runs it with the other benchmarks.
 */
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseGlobalId } from "../../src/schema/ids.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { startEmptyApi, type EmptyApi } from "../support/empty-api.js";

const DWELLINGS = 10_000;

describe(`portfolio import benchmark: ${DWELLINGS} dwellings with their leases (${TEST_DATABASE_KIND})`, () => {
  let api: EmptyApi;
  const keys: Record<string, string> = {};
  const gql = (key: string, query: string, variables: Record<string, unknown> = {}) => api.gql(key, query, variables);

  beforeAll(async () => {
    api = await startEmptyApi({ maxBodyBytes: 16 * 1_048_576 });
    keys.admin = api.adminKey;
  }, 120_000);
  afterAll(async () => api?.close());

  it(`imports ${DWELLINGS} dwellings and ${DWELLINGS} leases in one request`, async () => {
    const org = (input: Record<string, unknown>) =>
      gql(keys.admin!, "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { message } } }", {
        input,
      }).then((d) => d.createOrganisation.organisation.id as string);
    const landlord = await org({
      name: "Ville de Bench",
      kind: "MUNICIPALITY",
      isSocialLandlord: true,
      isSocialDeveloper: true,
      municipalityCode: "dudelange",
      approvalReference: "AGR-BENCH",
      approvedOn: "2024-01-15",
    });
    const developer = await org({ name: "Bench developer", kind: "COMPANY", isSocialDeveloper: true });
    keys.landlord = (
      await gql(keys.admin!, "mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }", {
        input: { organisationId: landlord, role: "SOCIAL_LANDLORD", label: "bench ERP" },
      })
    ).createApiKey.secret;
    const convention = (
      await gql(
        keys.admin!,
        "mutation($input: CreateCompensationConventionInput!) { createCompensationConvention(input: $input) { convention { id } userErrors { message } } }",
        {
          input: { reference: "CC-BENCH", landlordId: landlord, developerId: developer, signedOn: "2024-06-01", startsOn: "2024-06-01" },
        },
      )
    ).createCompensationConvention.convention.id as string;

    const header =
      "record,reference,developerId,category,type,bedrooms,usefulArea,municipalityCode,address,managedSince,rentToDeveloperMonthly,compensationConventionId,dwellingReference,householdReference,firstName,lastName,birthDate,startsOn,monthlyRent,monthlyCharges";
    const lines = [header];
    for (let i = 0; i < DWELLINGS; i++) {
      const ref = `B-${String(i).padStart(5, "0")}`;
      lines.push(
        `DWELLING,${ref},${developer},ALL_PUBLIC,APARTMENT,${1 + (i % 4)},${50 + (i % 60)}.50,dudelange,"${i}, rue du Banc",2025-01-01,${600 + (i % 200)}.00,${convention},,,,,,,,`,
      );
      lines.push(`LEASE,,,,,,,,,,,,${ref},H-${i},Tenant${i},Bench,${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10},2025-01-01,${450 + (i % 300)}.00,60.00`);
    }
    const content = `${lines.join("\n")}\n`;

    const started = performance.now();
    const res = await gql(
      keys.landlord!,
      "mutation($input: ImportPortfolioInput!) { importPortfolio(input: $input) { portfolioImport { status totalRows appliedRows rowErrors { line column message } } userErrors { message } } }",
      { input: { format: "CSV", content } },
    );
    const ms = performance.now() - started;
    expect(res.importPortfolio.userErrors).toEqual([]);
    expect(res.importPortfolio.portfolioImport).toMatchObject({ status: "APPLIED", totalRows: 2 * DWELLINGS, appliedRows: 2 * DWELLINGS, rowErrors: [] });
    const parsed = parseGlobalId(landlord, "Organisation");
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await api.db.prisma.dwelling.count({ where: { landlordId: parsed.id } })).toBe(DWELLINGS);
    expect(await api.db.prisma.lease.count({ where: { landlordId: parsed.id, status: "ACTIVE" } })).toBe(DWELLINGS);
    console.log(
      `portfolio import (${TEST_DATABASE_KIND}): ${DWELLINGS} dwellings + ${DWELLINGS} leases (${(content.length / 1_048_576).toFixed(1)} MiB of CSV) in ${(ms / 1000).toFixed(1)} s over HTTP, ${Math.round((2 * DWELLINGS) / (ms / 1000))} rows/s`,
    );
  });
});
