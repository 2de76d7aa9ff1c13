/**
 * The affordable rent on the index series in use (issue 17 point 4): a « cote d'application »
 * tranche an administrator records (recordIndexValue) changes the rent of `calculateAffordableRent`
 * on a day after it (tables A and B of annex III read at that cote), and a rent read after the
 * series' knownUntil says it rests on an unconfirmed value.
 *
 * Expected figures are computed here from annex III: amount at cote 100 × cote / 100.
 */
import { Dec, roundMoney } from "@abordable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { gql, signNewLease } from "./fixtures.js";

const RENT = `query($input: AffordableRentInput!) { calculateAffordableRent(input: $input) {
  asOf cote lowIncomeThreshold maxEffortThreshold rentCeilingThreshold band effortRate capApplied energyFlat netMonthly
  unconfirmedIndexAfter
  indexPointsUsed { series label value validFrom citation unconfirmed unconfirmedAfter }
} }`;
const RECORD = `mutation($input: RecordIndexValueInput!) { recordIndexValue(input: $input) { indexValue { key value } userErrors { field code message } } }`;
const COTE_SERIES = `{ indexSeries(series: COTE) { knownUntil } }`;

/** Annex III table A, 1 adult, at cote 100 (annual EUR); table B, 71 to 90 m² (monthly EUR); effort rates 10 % and 35 %. */
const TABLE_A = { lowIncome: "2013", maxEffort: "5485", rentCeiling: "6397" };
const TABLE_B_71_90 = "2.92";
const RND = "36291.8196";
const BUILT_IN_COTE = "968.04"; // the tranche of 1 May 2025 (built in)
const TRANCHE = {
  series: "COTE",
  key: "2026-10-01",
  value: "992.25",
  source: "STATEC, cote d'application de l'échelle mobile des salaires, tranche of 1 October 2026 (test fixture)",
};

const input = (asOf: string) => ({
  annualNetDisposableIncome: RND,
  household: { adults: 1, children: 0 },
  // Equipped kitchen, outdoor space, an apartment: no adjustment; first occupied before 1990: the energy flat of table B.
  dwelling: { equippedKitchen: true, outdoorSpace: true, isHouse: false, firstOccupiedOn: "1985-06-01", energyRenovated: false, usefulArea: "75" },
  regime: "LAW",
  asOf,
});

/** Annex III at a cote, by hand: thresholds indexed, the sliding effort rate, gross / 12, minus the indexed energy flat, rounded once. */
function expectedAt(cote: string) {
  const at = (v: string) => new Dec(v).times(cote).dividedBy(100);
  const low = at(TABLE_A.lowIncome);
  const max = at(TABLE_A.maxEffort);
  const ceiling = at(TABLE_A.rentCeiling);
  const rnd = new Dec(RND);
  expect(rnd.greaterThan(low) && rnd.lessThan(max)).toBe(true); // the sliding band at both cotes
  const rate = new Dec("0.10").plus(rnd.minus(low).times(new Dec("0.35").minus("0.10")).dividedBy(max.minus(low)));
  const grossAnnual = rnd.times(rate);
  expect(grossAnnual.lessThan(ceiling.times("0.35"))).toBe(true); // the cap does not bind
  const energyFlat = at(TABLE_B_71_90);
  return { low, max, ceiling, rate, energyFlat, net: roundMoney(grossAnnual.dividedBy(12).minus(energyFlat)).toFixed(2) };
}

describe(`affordable rent on the index series in use (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let knownUntil: string;
  beforeAll(async () => {
    api = await startTestApi();
    knownUntil = (await api.gql("analyst", COTE_SERIES, {})).body.data!.indexSeries[0].knownUntil;
  });
  afterAll(async () => api?.close());

  const rent = async (asOf: string) => {
    const res = await api.gql("anonymous", RENT, { input: input(asOf) });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    return res.body.data!.calculateAffordableRent;
  };

  function expectRentAt(r: Record<string, unknown>, cote: string) {
    const e = expectedAt(cote);
    expect(r.cote).toBe(cote);
    expect(new Dec(r.lowIncomeThreshold as string).equals(e.low)).toBe(true);
    expect(new Dec(r.maxEffortThreshold as string).equals(e.max)).toBe(true);
    expect(new Dec(r.rentCeilingThreshold as string).equals(e.ceiling)).toBe(true);
    expect(new Dec(r.energyFlat as string).equals(e.energyFlat)).toBe(true);
    expect(new Dec(r.effortRate as string).minus(e.rate).abs().lessThan("1e-30")).toBe(true);
    expect(r).toMatchObject({ band: "SLIDING", capApplied: false, netMonthly: e.net });
  }

  it("before any operator value: the built-in cote, confirmed (the day precedes knownUntil)", async () => {
    expect(knownUntil > "2026-11-02").toBe(true); // precondition of the days below
    const r = await rent("2026-11-02");
    expectRentAt(r, BUILT_IN_COTE);
    expect(r.unconfirmedIndexAfter).toBeNull();
    expect(r.indexPointsUsed).toEqual([
      expect.objectContaining({ series: "COTE", value: BUILT_IN_COTE, validFrom: "2025-05-01", unconfirmed: false, unconfirmedAfter: null }),
    ]);
  });

  it("a tranche recorded by an administrator applies to a rent on a day after it, with its source; a day before it keeps the earlier cote", async () => {
    const before = await rent("2026-11-02");
    const res = await api.gql("admin", RECORD, { input: TRANCHE });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordIndexValue.userErrors).toEqual([]);

    const after = await rent("2026-11-02");
    expectRentAt(after, TRANCHE.value);
    expect(after.netMonthly).not.toBe(before.netMonthly);
    expect(after.unconfirmedIndexAfter).toBeNull();
    // Table A and table B read the same tranche: one point used.
    expect(after.indexPointsUsed).toEqual([
      expect.objectContaining({
        series: "COTE",
        label: `cote from ${TRANCHE.key}`,
        value: TRANCHE.value,
        validFrom: TRANCHE.key,
        citation: expect.stringContaining(TRANCHE.source),
        unconfirmed: false,
      }),
    ]);

    expectRentAt(await rent("2026-09-30"), BUILT_IN_COTE);
  });

  it("a rent on a day after the series' knownUntil is flagged unconfirmed (the value used, and the computation)", async () => {
    const day = new Date(Date.parse(`${knownUntil}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const r = await rent(day);
    expectRentAt(r, TRANCHE.value);
    expect(r.unconfirmedIndexAfter).toBe(knownUntil);
    expect(r.indexPointsUsed).toEqual([expect.objectContaining({ value: TRANCHE.value, unconfirmed: true, unconfirmedAfter: knownUntil })]);
    // On knownUntil itself the value is confirmed.
    expect((await rent(knownUntil)).unconfirmedIndexAfter).toBeNull();
  });

  it("signLease after the tranche stores the rent at its cote; the lease's rent computation shows the operator's value", async () => {
    const { leaseId, lease } = await signNewLease(api, {
      members: [{ birthDate: "1988-04-02", income: "30000.00" }],
      dwelling: { bedrooms: 1, type: "APARTMENT", hasEquippedKitchen: true, hasOutdoorSpace: true, firstOccupiedYear: 1985, usefulArea: "75.00" },
      startsOn: "2026-11-02",
      income: RND,
      regime: "LAW",
    });
    const e = expectedAt(TRANCHE.value);
    expect(lease).toMatchObject({ monthlyRent: e.net, rentComputation: { netMonthly: e.net } });
    const read = await gql(
      api,
      "landlordA",
      `query($id: ID!) { node(id: $id) { ... on Lease { rentComputation { cote netMonthly unconfirmedIndexAfter indexPointsUsed { value citation unconfirmed } } } } }`,
      { id: leaseId },
    );
    expect(read.node.rentComputation).toMatchObject({
      cote: TRANCHE.value,
      netMonthly: e.net,
      unconfirmedIndexAfter: null,
      indexPointsUsed: [{ value: TRANCHE.value, citation: expect.stringContaining(TRANCHE.source), unconfirmed: false }],
    });
  });

  it("reviseRent recomputes the rent at the cote in force on the revision's effective date (the recorded tranche), flagged when after knownUntil", async () => {
    // Signed before the tranche, at the built-in cote.
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate: "1988-04-02", income: "30000.00" }],
      dwelling: { bedrooms: 1, type: "APARTMENT", hasEquippedKitchen: true, hasOutdoorSpace: true, firstOccupiedYear: 1985, usefulArea: "75.00" },
      startsOn: "2026-03-01",
      income: "30000.00",
      regime: "LAW",
    });
    const REVISE = `mutation($input: ReviseRentInput!) { reviseRent(input: $input) {
      revision { effectiveFrom monthlyRent computation { cote netMonthly unconfirmedIndexAfter indexPointsUsed { value unconfirmed } } }
      userErrors { field code message } } }`;
    const out = (
      await gql(api, "landlordA", REVISE, {
        input: { leaseId, reason: "INCOME_CHANGE", receivedOn: "2026-10-10", annualNetDisposableIncome: RND, regime: "LAW" },
      })
    ).reviseRent;
    expect(out.userErrors).toEqual([]);
    const effectiveFrom = out.revision.effectiveFrom as string;
    expect(effectiveFrom > TRANCHE.key).toBe(true);
    const e = expectedAt(TRANCHE.value);
    const unconfirmed = effectiveFrom > knownUntil;
    expect(out.revision).toMatchObject({
      monthlyRent: e.net,
      computation: {
        cote: TRANCHE.value,
        netMonthly: e.net,
        unconfirmedIndexAfter: unconfirmed ? knownUntil : null,
        indexPointsUsed: [{ value: TRANCHE.value, unconfirmed }],
      },
    });
  });
});
