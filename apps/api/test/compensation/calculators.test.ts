/**
 * Public "what would it be" calculators through HTTP, anonymously: the ministry's published example,
 * a developer month with its trace, the annex IV residual value, and bad input refused as
 * BAD_USER_INPUT naming the field (never a masked internal error).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const LANDLORD = `query($input: CalculateLandlordCompensationInput!) {
  calculateLandlordCompensation(input: $input) {
    regime rentPaidToDeveloper managementFlats tenantRents ancillaryRents compensation outcome surplusOwedToState
    trace { ruleId article inputs result parameterVersions { key parameterId validFrom unit value reference { citation } } }
  }
}`;

const DEVELOPER = `query($input: CalculateDeveloperCompensationInput!) {
  calculateDeveloperCompensation(input: $input) {
    regime month serviceYear total components { component amount lineCount }
    exclusions { component reason article }
    parameterVersions { key }
    trace { ruleId article result steps { ruleId article inputs amount parameterVersions { key parameterId } } }
  }
}`;

const RESIDUAL = `query($input: CalculateResidualValueInput!) {
  calculateResidualValue(input: $input) { regime formulaValue prefinancingAdvance residualValue trace { ruleId article inputs } }
}`;

describe(`public compensation calculators (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
  });
  afterAll(async () => api?.close());

  it("reproduces the ministry's example anonymously: 4,000 + 12 × 300 − 5,000 = 2,600 EUR", async () => {
    const res = await api.gql("anonymous", LANDLORD, {
      input: {
        landlordKind: "OTHER",
        conventionSignedOn: "2024-01-15",
        asOf: "2025-06-01",
        rentPaidToDeveloper: "4000",
        tenantRents: "5000",
        managementFlatMonths: 12,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data!.calculateLandlordCompensation;
    expect(r).toMatchObject({
      regime: "LAW",
      rentPaidToDeveloper: "4000.00",
      managementFlats: "3600.00",
      tenantRents: "5000.00",
      ancillaryRents: "0.00",
      compensation: "2600.00",
      outcome: "COMPENSATION_DUE",
      surplusOwedToState: "0.00",
    });
    expect(r.trace.ruleId).toBe("compensation.landlord.deficit");
    expect(r.trace.article).toContain("law art. 40 §1");
    expect(r.trace.parameterVersions).toMatchObject([
      {
        parameterId: "compensation.landlord.managementFlat",
        unit: "EUR_PER_MONTH_PER_DWELLING",
        reference: { citation: expect.stringContaining("RGD 2024 art. 3") },
      },
    ]);
    expect(r.trace.inputs).toMatchObject({ monthlyFlat: "300", managementFlatMonths: "12" });
  });

  it("a surplus is owed to the State; the Fonds du Logement is excluded (art. 40 §4)", async () => {
    const base = {
      conventionSignedOn: "2024-01-15",
      asOf: "2025-06-01",
      rentPaidToDeveloper: "1000",
      tenantRents: "9000",
      ancillaryRents: "400.50",
      managementFlatMonths: 12,
    };
    const surplus = await api.gql("anonymous", LANDLORD, { input: { ...base, landlordKind: "OTHER" } });
    expect(surplus.body.data!.calculateLandlordCompensation).toMatchObject({
      compensation: "-4800.50",
      outcome: "SURPLUS_OWED_TO_STATE",
      surplusOwedToState: "4800.50",
    });
    const fonds = await api.gql("anonymous", LANDLORD, { input: { ...base, landlordKind: "FONDS_DU_LOGEMENT" } });
    expect(fonds.body.data!.calculateLandlordCompensation).toMatchObject({ compensation: "0.00", outcome: "EXCLUDED" });
  });

  it("students' dwelling: no flat under the law (art. 40 §5), a flat under the bill for a municipality", async () => {
    const input = {
      landlordKind: "OTHER",
      conventionSignedOn: "2024-01-15",
      asOf: "2025-06-01",
      rentPaidToDeveloper: "0",
      tenantRents: "0",
      managementFlatMonths: 12,
      dedicatedTo: "STUDENTS",
    };
    const law = await api.gql("anonymous", LANDLORD, { input });
    const bill = await api.gql("anonymous", LANDLORD, { input: { ...input, regime: "BILL_8535" } });
    expect(law.body.data!.calculateLandlordCompensation.managementFlats).toBe("0.00");
    expect(bill.body.data!.calculateLandlordCompensation).toMatchObject({ regime: "BILL_8535", managementFlats: "3600.00" });
  });

  it("computes a developer month with one trace step per line (rule, article, inputs, parameter versions, amount)", async () => {
    const input = {
      developerKind: "OTHER",
      conventionSignedOn: "2024-01-15",
      firstLettingDate: "2024-03-10",
      month: "2025-06",
      land: { capitalInvested: "120000", ownContribution: "30000" },
      construction: { capitalInvested: "400000", ownContribution: "100000" },
    };
    const res = await api.gql("anonymous", DEVELOPER, { input });
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data!.calculateDeveloperCompensation;
    expect(r.serviceYear).toBe(2);
    expect(r.components.map((c: { component: string }) => c.component)).toEqual(["OPERATING_COST", "CAPITAL_LAND", "CAPITAL_CONSTRUCTION"]);
    expect(r.components[0].amount).toBe("140.00");
    const sum = r.components.reduce((s: bigint, c: { amount: string }) => s + BigInt(c.amount.replace(".", "")), 0n);
    expect(BigInt(r.total.replace(".", ""))).toBe(sum);
    expect(r.trace.steps).toHaveLength(3);
    for (const step of r.trace.steps) {
      expect(step.article).toMatch(/art\./);
      expect(step.amount).toMatch(/^-?\d+\.\d{2}$/);
      expect(step.parameterVersions.length).toBeGreaterThan(0);
    }
    expect(r.trace.steps[1].inputs).toMatchObject({ capitalTakenIntoAccount: "30000", annualRatePercent: "3.5" });

    // Law: a municipality gets no capital remuneration (art. 13 §3 al. 2); the bill restores it (retroactive, art. 93bis).
    const municipalityLaw = await api.gql("anonymous", DEVELOPER, { input: { ...input, developerKind: "MUNICIPALITY" } });
    const municipalityBill = await api.gql("anonymous", DEVELOPER, { input: { ...input, developerKind: "MUNICIPALITY", regime: "BILL_8535" } });
    expect(municipalityLaw.body.data!.calculateDeveloperCompensation.exclusions.map((e: { component: string }) => e.component)).toEqual([
      "CAPITAL_LAND",
      "CAPITAL_CONSTRUCTION",
    ]);
    expect(municipalityLaw.body.data!.calculateDeveloperCompensation.total).toBe("140.00");
    expect(municipalityBill.body.data!.calculateDeveloperCompensation.exclusions).toEqual([]);
  });

  it("computes the annex IV residual value under the bill and refuses it under the law", async () => {
    const input = { date: "2030-01-01", fullYearsOfService: 10, conventionYears: 40, stateParticipation: "750000", totalCost: "1000000", salePrice: "1200000" };
    const res = await api.gql("anonymous", RESIDUAL, { input });
    expect(res.body.data!.calculateResidualValue).toMatchObject({
      regime: "BILL_8535",
      formulaValue: "675000.00",
      prefinancingAdvance: "0.00",
      residualValue: "675000.00",
    });
    expect(res.body.data!.calculateResidualValue.trace.article).toContain("bill 8535 art. 52");
    const law = await api.gql("anonymous", RESIDUAL, { input: { ...input, regime: "LAW" } });
    expect(law.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(law.body.errors?.[0]?.message).toMatch(/annex IV/);
  });

  it("RGD 2024 art. 2 al. 3: the prefinancing years paid must lie in the coefficient's scale (1 to 40, read from its brackets)", async () => {
    const input = {
      date: "2030-01-01",
      fullYearsOfService: 10,
      conventionYears: 40,
      stateParticipation: "750000",
      totalCost: "1000000",
      salePrice: "1200000",
      prefinancingConventionSignedOn: "2024-01-15",
    };
    // Years 1 (1.64) and 40 (0.36): (0.64 − 0.64) × 1,000 = 0.00; year 1 alone: 0.64 × 1,000 = 640.00.
    const ok = await api.gql("anonymous", RESIDUAL, {
      input: {
        ...input,
        prefinancingYearsPaid: [
          { serviceYear: 1, remunerationWithoutCoefficient: "1000" },
          { serviceYear: 40, remunerationWithoutCoefficient: "1000" },
        ],
      },
    });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data!.calculateResidualValue).toMatchObject({ prefinancingAdvance: "0.00", residualValue: "675000.00" });
    const one = await api.gql("anonymous", RESIDUAL, {
      input: { ...input, prefinancingYearsPaid: [{ serviceYear: 1, remunerationWithoutCoefficient: "1000" }] },
    });
    expect(one.body.data!.calculateResidualValue).toMatchObject({ prefinancingAdvance: "640.00", residualValue: "675640.00" });
    for (const serviceYear of [0, 41]) {
      const out = await api.gql("anonymous", RESIDUAL, {
        input: {
          ...input,
          prefinancingYearsPaid: [
            { serviceYear: 1, remunerationWithoutCoefficient: "1" },
            { serviceYear, remunerationWithoutCoefficient: "1" },
          ],
        },
      });
      expect(out.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.prefinancingYearsPaid.1.serviceYear" });
      expect(out.body.errors?.[0]?.message).toBe(
        "prefinancingYearsPaid[1].serviceYear must be 1 to 40: the service years of compensation.developer.prefinancingCoefficient (RGD 2024 art. 2 al. 3) for a convention signed on 2024-01-15",
      );
    }
    // No coefficient before the RGD applies (conventions from 2023-10-01): the convention's date is the field at fault.
    const early = await api.gql("anonymous", RESIDUAL, {
      input: { ...input, prefinancingConventionSignedOn: "2022-05-01", prefinancingYearsPaid: [{ serviceYear: 1, remunerationWithoutCoefficient: "1" }] },
    });
    expect(early.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.prefinancingConventionSignedOn" });
  });

  it("refuses bad input with BAD_USER_INPUT naming the field, never a masked 500", async () => {
    const negative = await api.gql("anonymous", LANDLORD, {
      input: {
        landlordKind: "OTHER",
        conventionSignedOn: "2024-01-15",
        asOf: "2025-06-01",
        rentPaidToDeveloper: "4000",
        tenantRents: "-5",
        managementFlatMonths: 12,
      },
    });
    expect(negative.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.tenantRents" });

    const partial = await api.gql("anonymous", LANDLORD, {
      input: {
        landlordKind: "OTHER",
        conventionSignedOn: "2024-01-15",
        asOf: "2025-06-01",
        rentPaidToDeveloper: "0",
        tenantRents: "0",
        managementFlatMonths: 0,
        partialMonths: [{ days: 40, daysInMonth: 30 }],
      },
    });
    expect(partial.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.partialMonths.0.days" });

    // Before the RGD of 24 January 2024 applies there is no flat: a parameter with no version is the caller's input problem.
    const early = await api.gql("anonymous", DEVELOPER, {
      input: { developerKind: "OTHER", conventionSignedOn: "2019-05-01", firstLettingDate: "2020-01-01", month: "2025-06" },
    });
    expect(early.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(early.body.errors?.[0]?.message).not.toMatch(/Internal server error/);

    const capital = await api.gql("anonymous", DEVELOPER, {
      input: {
        developerKind: "OTHER",
        conventionSignedOn: "2024-01-15",
        firstLettingDate: "2024-03-10",
        month: "2025-06",
        land: { capitalInvested: "-1", ownContribution: "0" },
      },
    });
    expect(capital.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.land.capitalInvested" });

    const badDate = await api.gql("anonymous", RESIDUAL, {
      input: { date: "2030-02-30", fullYearsOfService: 1, conventionYears: 40, stateParticipation: "1", totalCost: "1", salePrice: "1" },
    });
    expect(badDate.body.errors?.[0]?.message).toMatch(/calendar date/);
    expect(badDate.body.errors?.[0]?.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
  });
});
