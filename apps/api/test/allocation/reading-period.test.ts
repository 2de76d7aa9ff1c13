/**
 * Law art. 55 §1 3° and annex II (interpretation note annex-ii-annual-reading): the annex is headed
 * « Revenu mensuel » but read as annual. ANNUAL is the only reading: the former MONTHLY reading made
 * the ceiling vacuous (45,846 EUR a month) and is refused at start with a clear error. The operator's
 * other readings (issue 17) are validated at start too and named in every decision record.
 */
import { readFileSync } from "node:fs";
import { OPERATOR_READINGS } from "@abordable/domain";
import { recordView } from "./record-view.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createApp, type App } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { COMPUTE, openFile, vacantDwelling } from "./flow.js";

const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
const Q = `query($input: EligibilityInput!) { eligibility(input: $input) { eligible failures { condition } ceiling { ceiling readingPeriod comparedIncome } } }`;
/** A single adult earning 60,000 a year; the single-adult ceiling at cote 968.04 is 45,846.37 a year. */
const earner = {
  asOf: "2026-11-02",
  members: [
    {
      key: "A",
      applicant: true,
      birthDate: "1988-04-12",
      incomes: [{ kind: "NET_TAXABLE_INCOME", amount: "60000.00" }],
      residence: { luxembourgNationality: true },
    },
  ],
};

describe("ABORDABLE_ANNEX_II_READING_PERIOD and the reading settings (art. 55 §1 3°, annex II; issue 17)", () => {
  it("is ANNUAL or unset; MONTHLY is refused with a clear error (it made the ceiling vacuous); anything else refuses to start, naming the variable", () => {
    expect(loadConfig({}).annexIIReadingPeriod).toBeUndefined();
    expect(loadConfig({ ABORDABLE_ANNEX_II_READING_PERIOD: " ANNUAL " }).annexIIReadingPeriod).toBe("ANNUAL");
    expect(() => loadConfig({ ABORDABLE_ANNEX_II_READING_PERIOD: "MONTHLY" })).toThrow(
      /ABORDABLE_ANNEX_II_READING_PERIOD="MONTHLY" is no longer accepted: it made the annex II ceiling vacuous/,
    );
    expect(() => loadConfig({ ABORDABLE_ANNEX_II_READING_PERIOD: "monthly" })).toThrow(ConfigError);
    expect(() => loadConfig({ ABORDABLE_ANNEX_II_READING_PERIOD: "WEEKLY" })).toThrow(/ABORDABLE_ANNEX_II_READING_PERIOD="WEEKLY" must be ANNUAL/);
  });

  it("the readings: unset = the domain's defaults; each validated, naming the variable", () => {
    expect(loadConfig({}).readings).toEqual({});
    expect(
      loadConfig({
        ABORDABLE_FLAT_UNIT_READING: "PER_UNIT",
        ABORDABLE_SURPLUS_READING: "DEDUCTED_FROM_NEXT_TRANCHE",
        ABORDABLE_ART_93BIS_SCOPE_READING: "ART_13_PAR_2_3_ONLY",
        ABORDABLE_INTERNATIONAL_PROTECTION_READING: "STRICT",
      }).readings,
    ).toEqual({
      flatUnitReading: "PER_UNIT",
      surplusReading: "DEDUCTED_FROM_NEXT_TRANCHE",
      art93bisScopeReading: "ART_13_PAR_2_3_ONLY",
      internationalProtectionReading: "STRICT",
    });
    expect(() => loadConfig({ ABORDABLE_FLAT_UNIT_READING: "PER_ROOM" })).toThrow(
      /ABORDABLE_FLAT_UNIT_READING="PER_ROOM" must be one of PER_DWELLING, PER_UNIT/,
    );
    expect(() => loadConfig({ ABORDABLE_INTERNATIONAL_PROTECTION_READING: "inclusive" })).toThrow(/ABORDABLE_INTERNATIONAL_PROTECTION_READING/);
  });

  it("every reading of the kernel's registry is read from its setting and documented in the README's configuration table with its default", () => {
    const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");
    for (const def of Object.values(OPERATOR_READINGS)) {
      expect(readme).toContain(`| \`${def.setting}\` | unset (= \`${def.default}\`) |`);
      expect(readme).toContain(def.note);
      const other = def.allowed.find((v) => v !== def.default)!;
      expect(loadConfig({ [def.setting]: other }).readings).toEqual({ [def.name]: other });
    }
  });
});

describe(`annex II read ANNUAL; the international-protection reading recorded (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let strict: App;
  let strictUrl: string;
  beforeAll(async () => {
    api = await startTestApi({ annexIIReadingPeriod: "ANNUAL" });
    // The same database served by a second process configured with the STRICT international-protection reading.
    strict = await createApp({
      db: api.db,
      logger: createLogger("error"),
      config: {
        host: "127.0.0.1",
        port: 0,
        graphiql: false,
        introspection: true,
        nodeEnv: "test",
        shutdownGraceMs: 1000,
        maxBodyBytes: 1_048_576,
        maxQueryDepth: 10,
        maxQueryCost: 20_000,
        rateLimitPerMinute: 100_000,
        readings: { internationalProtectionReading: "STRICT" },
      },
    });
    strictUrl = await strict.listen();
  });
  afterAll(async () => {
    await strict?.close();
    await api?.close();
  });

  const onStrict = async (query: string, variables: Record<string, unknown>, key?: string) => {
    const res = await fetch(strictUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  };

  it("eligibility: 60,000 a year against the annual ceiling 45,846.37 — not eligible", async () => {
    const annual = (await api.gql("anonymous", Q, { input: earner })).body.data!.eligibility;
    expect(annual).toMatchObject({
      eligible: false,
      failures: [{ condition: "INCOME_CEILING" }],
      ceiling: { readingPeriod: "ANNUAL", comparedIncome: "60000.00", ceiling: "45846.37" },
    });
  });

  it("a shortlist keeps the readings it applied in its decision record and verifies from any process", async () => {
    const s = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    const computed = await onStrict(COMPUTE, { input: { allocationFileId: s, allocationDate: "2026-11-05", keep: 5 } }, api.keys.landlordA);
    expect(computed.errors).toBeUndefined();
    expect(computed.data.computeShortlist.userErrors).toEqual([]);
    const a = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    const annual = (await api.gql("landlordA", COMPUTE, { input: { allocationFileId: a, allocationDate: "2026-11-05", keep: 5 } })).body.data!.computeShortlist;
    expect(annual.userErrors).toEqual([]);

    const record = async (id: string) => recordView(api.db.prisma, decode(id));
    const rs = await record(s);
    const ra = await record(a);
    expect(rs.regime).toEqual({ regime: "LAW" });
    expect(ra.regime).toEqual({ regime: "LAW", annexIIReadingPeriod: "ANNUAL" });
    expect(rs.readings).toEqual({ internationalProtectionReading: "STRICT", annexIIReadingPeriod: "ANNUAL" });
    expect(ra.readings).toEqual({ internationalProtectionReading: "INCLUSIVE", annexIIReadingPeriod: "ANNUAL" });
    // Both verify from their record alone, whichever process replays them.
    const V = `mutation($input: VerifyShortlistInput!) { verifyShortlist(input: $input) { verification { reproducible } userErrors { code } } }`;
    expect((await api.gql("landlordA", V, { input: { allocationFileId: s } })).body.data!.verifyShortlist.verification.reproducible).toBe(true);
    expect((await onStrict(V, { input: { allocationFileId: a } }, api.keys.landlordA)).data.verifyShortlist.verification.reproducible).toBe(true);
  });
});
