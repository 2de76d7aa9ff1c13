/**
 * The annex II income ceiling (law art. 55 §1 3°) on the index series in use (issue 17 point 4): a
 * « cote d'application » tranche an administrator records (recordIndexValue) raises the ceiling of
 * the public `eligibility` query on a day after it — a household between the two ceilings becomes
 * eligible — and a check after the series' knownUntil says it rests on an unconfirmed value.
 *
 * Expected ceilings are computed here from annex II: ceiling at cote 100 × cote / 100.
 */
import { Dec, roundMoney } from "@abordable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { unmaskingEntryWhere } from "../../src/privacy/relationship.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const Q = `query($input: EligibilityInput!) { eligibility(input: $input) {
  eligible failures { condition }
  unconfirmedIndexAfter
  ceiling { ceiling ceilingAtCote100 cote readingPeriod comparedIncome unconfirmedIndexAfter cotePoint { series value validFrom citation unconfirmed unconfirmedAfter } }
} }`;
const RECORD = `mutation($input: RecordIndexValueInput!) { recordIndexValue(input: $input) { indexValue { key value } userErrors { field code message } } }`;
const COTE_SERIES = `{ indexSeries(series: COTE) { knownUntil } }`;
const CANDIDATE = `query($id: ID!) { candidateEligibility(candidateId: $id, asOf: "2026-11-02", regime: LAW) { disclosure ceiling { ceiling ceilingAtCote100 cote unconfirmedIndexAfter cotePoint { value citation } } } }`;

/** Annex II, « 1 adulte », at cote 100 (annual reading, the default). */
const ANNEX_II_ONE_ADULT = "4736";
const BUILT_IN_COTE = "968.04"; // the tranche of 1 May 2025 (built in)
const TRANCHE = {
  series: "COTE",
  key: "2026-10-01",
  value: "992.25",
  source: "STATEC, cote d'application de l'échelle mobile des salaires, tranche of 1 October 2026 (test fixture)",
};
const ceilingAt = (cote: string) => new Dec(ANNEX_II_ONE_ADULT).times(cote).dividedBy(100);
/** An income between the ceilings at the two cotes (4736 × 9.6804 = 45,846.37…; 4736 × 9.9225 = 46,992.96). */
const INCOME = "46500.00";

const applicant = {
  key: "A",
  applicant: true,
  birthDate: "1988-04-12",
  incomes: [{ kind: "NET_TAXABLE_INCOME", amount: INCOME }],
  residence: { luxembourgNationality: true },
};

describe(`eligibility ceiling on the index series in use (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let knownUntil: string;
  beforeAll(async () => {
    api = await startTestApi();
    knownUntil = (await api.gql("analyst", COTE_SERIES, {})).body.data!.indexSeries[0].knownUntil;
  });
  afterAll(async () => api?.close());

  /** A stored candidate landlord A may see (its entry unmasks: privacy/personal-data.ts), checked on 2026-11-02. */
  const candidateCeiling = async () => {
    const entry = await api.db.prisma.allocationFileCandidate.findFirstOrThrow({ where: unmaskingEntryWhere(api.orgIds.esch), include: { application: true } });
    const res = await api.gql("landlordA", CANDIDATE, { id: gid("Candidate", entry.application.candidateId) });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(res.body.data!.candidateEligibility.disclosure).toBe("FULL");
    const c = res.body.data!.candidateEligibility.ceiling;
    // Annex II by hand: the composition's ceiling at cote 100 × cote / 100.
    expect(c.ceiling).toBe(roundMoney(new Dec(c.ceilingAtCote100).times(c.cote).dividedBy(100)).toFixed(2));
    return c;
  };

  const check = async (asOf: string) => {
    const res = await api.gql("anonymous", Q, { input: { asOf, regime: "LAW", members: [applicant] } });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    return res.body.data!.eligibility;
  };

  it("the income lies between the ceilings at the built-in and the recorded cote", () => {
    expect(new Dec(INCOME).greaterThan(ceilingAt(BUILT_IN_COTE))).toBe(true);
    expect(new Dec(INCOME).lessThanOrEqualTo(ceilingAt(TRANCHE.value))).toBe(true);
    expect(knownUntil > "2026-11-02").toBe(true); // precondition of the days below
  });

  it("before any operator value: the built-in cote, the household over the ceiling, confirmed", async () => {
    const r = await check("2026-11-02");
    expect(r.eligible).toBe(false);
    expect(r.failures.map((f: { condition: string }) => f.condition)).toEqual(["INCOME_CEILING"]);
    expect(r.ceiling).toMatchObject({
      ceilingAtCote100: ANNEX_II_ONE_ADULT,
      cote: BUILT_IN_COTE,
      readingPeriod: "ANNUAL",
      comparedIncome: INCOME,
      ceiling: roundMoney(ceilingAt(BUILT_IN_COTE)).toFixed(2),
      unconfirmedIndexAfter: null,
    });
    expect(r.ceiling.cotePoint).toMatchObject({ series: "COTE", value: BUILT_IN_COTE, validFrom: "2025-05-01", unconfirmed: false });
    expect(r.unconfirmedIndexAfter).toBeNull();
    expect(await candidateCeiling()).toMatchObject({ cote: BUILT_IN_COTE, unconfirmedIndexAfter: null });
  });

  it("a tranche recorded by an administrator raises the ceiling on a day after it (the household becomes eligible), with its source", async () => {
    const res = await api.gql("admin", RECORD, { input: TRANCHE });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordIndexValue.userErrors).toEqual([]);

    const r = await check("2026-11-02");
    expect(r).toMatchObject({ eligible: true, failures: [], unconfirmedIndexAfter: null });
    expect(r.ceiling).toMatchObject({ cote: TRANCHE.value, ceiling: roundMoney(ceilingAt(TRANCHE.value)).toFixed(2), unconfirmedIndexAfter: null });
    expect(r.ceiling.cotePoint).toMatchObject({
      value: TRANCHE.value,
      validFrom: TRANCHE.key,
      citation: expect.stringContaining(TRANCHE.source),
      unconfirmed: false,
      unconfirmedAfter: null,
    });

    // The day before the tranche keeps the built-in cote.
    expect(await candidateCeiling()).toMatchObject({
      cote: TRANCHE.value,
      unconfirmedIndexAfter: null,
      cotePoint: { value: TRANCHE.value, citation: expect.stringContaining(TRANCHE.source) },
    });

    const earlier = await check("2026-09-30");
    expect(earlier).toMatchObject({ eligible: false, ceiling: { cote: BUILT_IN_COTE } });
  });

  it("a check on a day after the series' knownUntil is flagged unconfirmed (the ceiling and the result)", async () => {
    const day = new Date(Date.parse(`${knownUntil}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const r = await check(day);
    expect(r.ceiling).toMatchObject({ cote: TRANCHE.value, ceiling: roundMoney(ceilingAt(TRANCHE.value)).toFixed(2), unconfirmedIndexAfter: knownUntil });
    expect(r.ceiling.cotePoint).toMatchObject({ unconfirmed: true, unconfirmedAfter: knownUntil });
    expect(r.unconfirmedIndexAfter).toBe(knownUntil);
    expect((await check(knownUntil)).ceiling.unconfirmedIndexAfter).toBeNull();
  });
});
