/**
 * Law art. 55 §1 3° and annex II (interpretation note annex-ii-annual-reading): the annex is headed
 * « Revenu mensuel » but read as annual. The reading is one operator setting,
 * ABORDABLE_ANNEX_II_READING_PERIOD (ANNUAL or MONTHLY), validated at start and passed to the domain
 * like the bill's entry into force: eligibility, the income level and the decision record follow it.
 */
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createApp, type App } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { COMPUTE, openFile, vacantDwelling } from "./flow.js";

const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
const Q = `query($input: EligibilityInput!) { eligibility(input: $input) { eligible failures { condition } ceiling { ceiling readingPeriod comparedIncome } } }`;
/** A single adult earning 60,000 a year (5,000 a month); the single-adult ceiling at cote 968.04 is 45,846.37. */
const earner = { asOf: "2026-11-02", members: [{ key: "A", applicant: true, birthDate: "1988-04-12", incomes: [{ kind: "NET_TAXABLE_INCOME", amount: "60000.00" }], residence: { luxembourgNationality: true } }] };

describe("ABORDABLE_ANNEX_II_READING_PERIOD — one operator setting (art. 55 §1 3°, annex II)", () => {
  it("is ANNUAL or MONTHLY, unset by default (the stored reading, ANNUAL); anything else refuses to start, naming the variable", () => {
    expect(loadConfig({}).annexIIReadingPeriod).toBeUndefined();
    expect(loadConfig({ ABORDABLE_ANNEX_II_READING_PERIOD: "MONTHLY" }).annexIIReadingPeriod).toBe("MONTHLY");
    expect(loadConfig({ ABORDABLE_ANNEX_II_READING_PERIOD: " ANNUAL " }).annexIIReadingPeriod).toBe("ANNUAL");
    expect(() => loadConfig({ ABORDABLE_ANNEX_II_READING_PERIOD: "monthly" })).toThrow(ConfigError);
    expect(() => loadConfig({ ABORDABLE_ANNEX_II_READING_PERIOD: "WEEKLY" })).toThrow(/ABORDABLE_ANNEX_II_READING_PERIOD="WEEKLY" must be ANNUAL or MONTHLY/);
  });
});

describe(`annex II read ANNUAL and MONTHLY through the API (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let monthly: App;
  let monthlyUrl: string;
  beforeAll(async () => {
    api = await startTestApi({ annexIIReadingPeriod: "ANNUAL" });
    // The same database served by a second process configured MONTHLY.
    monthly = await createApp({
      db: api.db,
      logger: createLogger("error"),
      config: { host: "127.0.0.1", port: 0, graphiql: false, introspection: true, nodeEnv: "test", shutdownGraceMs: 1000, maxBodyBytes: 1_048_576, maxQueryDepth: 10, maxQueryCost: 20_000, rateLimitPerMinute: 100_000, annexIIReadingPeriod: "MONTHLY" },
    });
    monthlyUrl = await monthly.listen();
  });
  afterAll(async () => {
    await monthly?.close();
    await api?.close();
  });

  const onMonthly = async (query: string, variables: Record<string, unknown>, key?: string) => {
    const res = await fetch(monthlyUrl, { method: "POST", headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  };

  it("eligibility: ANNUAL compares 60,000 a year (not eligible); MONTHLY compares 5,000 a month with the same ceiling (eligible)", async () => {
    const annual = (await api.gql("anonymous", Q, { input: earner })).body.data!.eligibility;
    expect(annual).toMatchObject({ eligible: false, failures: [{ condition: "INCOME_CEILING" }], ceiling: { readingPeriod: "ANNUAL", comparedIncome: "60000.00", ceiling: "45846.37" } });
    const res = await onMonthly(Q, { input: earner });
    expect(res.errors).toBeUndefined();
    expect(res.data.eligibility).toMatchObject({ eligible: true, failures: [], ceiling: { readingPeriod: "MONTHLY", comparedIncome: "5000.00", ceiling: "45846.37" } });
  });

  it("a shortlist ranked under MONTHLY keeps the reading in its decision record and verifies, as one ranked under ANNUAL keeps ANNUAL", async () => {
    const m = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    const computed = await onMonthly(COMPUTE, { input: { allocationFileId: m, allocationDate: "2026-11-05", keep: 5 } }, api.keys.landlordA);
    expect(computed.errors).toBeUndefined();
    expect(computed.data.computeShortlist.userErrors).toEqual([]);
    const a = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    const annual = (await api.gql("landlordA", COMPUTE, { input: { allocationFileId: a, allocationDate: "2026-11-05", keep: 5 } })).body.data!.computeShortlist;
    expect(annual.userErrors).toEqual([]);

    const record = async (id: string) => JSON.parse(gunzipSync((await api.db.prisma.allocationFile.findUniqueOrThrow({ where: { id: decode(id) } })).decisionRecord!).toString("utf8"));
    const rm = await record(m);
    const ra = await record(a);
    expect(rm.regime).toEqual({ regime: "LAW", annexIIReadingPeriod: "MONTHLY" });
    expect(ra.regime).toEqual({ regime: "LAW", annexIIReadingPeriod: "ANNUAL" });
    // Read monthly, more households are under the ceiling: more ranked, fewer excluded for income.
    const incomeExclusions = (r: any) => r.result.excluded.filter((e: any) => e.reasons.some((x: string) => /INCOME_CEILING/.test(x))).length;
    expect(incomeExclusions(rm)).toBeLessThan(incomeExclusions(ra));
    expect(rm.result.ranking.length).toBeGreaterThan(ra.result.ranking.length);
    // Both verify from their record alone, whichever process replays them.
    const V = `mutation($input: VerifyShortlistInput!) { verifyShortlist(input: $input) { verification { reproducible } userErrors { code } } }`;
    expect((await api.gql("landlordA", V, { input: { allocationFileId: m } })).body.data!.verifyShortlist.verification.reproducible).toBe(true);
    expect((await onMonthly(V, { input: { allocationFileId: a } }, api.keys.landlordA)).data.verifyShortlist.verification.reproducible).toBe(true);
  });
});
