/**
 * Law art. 56 §3 and art. 55 §1 4° from the register (issue 17): the incomes are kept by kind, so
 * that family allowances count for the rent (art. 56 §3 4°) but not for annex II; the year a child
 * started working life is kept, so that its income counts 0, 25, 50 then 100 % on the day of each
 * computation (§3 al. 4); each member keeps its own residence title, and an applicant for
 * international protection is not a beneficiary. The stored household is read by the one mapping
 * that the shortlist, candidateEligibility and signLease use (`householdOf`). From an empty
 * database, through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdIncome } from "@abordable/domain";
import { householdOf } from "../../src/allocation/adapters/common.js";
import { rentIncome } from "../../src/tenancy/adapters/rent.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { startEmptyApi, type EmptyApi } from "../support/empty-api.js";

const REGISTER = `mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { candidate { id } userErrors { field code message rule } } }`;
const input = {
  address: "3, rue de l'Alzette",
  municipalityCode: "esch-sur-alzette",
  incomeYear: 2025,
  introducedOn: "2026-09-01",
  motive: "EXCESSIVE_RENT",
  members: [
    {
      role: "APPLICANT",
      firstName: "Ana",
      lastName: "Kind",
      birthDate: "1975-02-02",
      residenceStatus: "LUXEMBOURG_NATIONAL",
      incomes: [
        { kind: "NET_TAXABLE_INCOME", amount: "30000.00" },
        { kind: "FAMILY_ALLOWANCE", amount: "6000.00" },
      ],
    },
    { role: "PARTNER", firstName: "Omar", lastName: "Kind", birthDate: "1976-03-03", residenceStatus: "INTERNATIONAL_PROTECTION_APPLICANT", partnerIndex: 0 },
    {
      role: "CHILD",
      firstName: "Noa",
      lastName: "Kind",
      birthDate: "2003-05-01",
      workingLifeStartYear: 2024,
      incomes: [{ kind: "NET_TAXABLE_INCOME", amount: "20000.00" }],
    },
  ],
};

describe(`art. 56 §3 incomes and art. 55 §1 4° titles as the register keeps them (${TEST_DATABASE_KIND})`, () => {
  let api: EmptyApi;
  beforeAll(async () => {
    api = await startEmptyApi();
  }, 120_000);
  afterAll(async () => api?.close());

  async function stored() {
    const c = await api.db.prisma.candidate.findFirstOrThrow({ where: { lastName: "Kind" }, include: { household: { include: { members: true } } } });
    return (asOf: string) => householdOf(c, c.household!.members, asOf);
  }

  it("keeps the child's first working year and each member's title; the income is counted by kind on each day", async () => {
    const res = await api.gql(api.adminKey, REGISTER, { input });
    expect(res.registerCandidate.userErrors).toEqual([]);
    expect(await api.db.prisma.householdMember.findFirstOrThrow({ where: { firstName: "Noa" }, select: { workingLifeStartYear: true } })).toEqual({
      workingLifeStartYear: 2024,
    });
    const household = await stored();
    const law = { regime: "LAW" as const };

    // 2026-10-01: reference year 2025, the child's 2nd year of working life: 25 % of 20,000 = 5,000.
    const h2026 = household("2026-10-01");
    const i2026 = householdIncome(h2026, "2026-10-01", law);
    expect(i2026.annual.toFixed(2)).toBe("41000.00"); // 30,000 + 6,000 allowances + 5,000
    expect(i2026.annualForAnnexII.toFixed(2)).toBe("35000.00"); // annex II leaves the allowances out
    expect(rentIncome(h2026, "2026-10-01", law)).toBe("41000.00"); // signLease's default income

    // 2027-10-01: reference year 2026, the 3rd year: 50 % = 10,000 (the stored registration-day figure would have kept 25 %).
    expect(rentIncome(household("2027-10-01"), "2027-10-01", law)).toBe("46000.00");

    // Each member's own title: the partner applied for protection (« demandeur »), which is not a beneficiary's title.
    const partner = h2026.members.find((m) => m.birthDate === "1976-03-03")!;
    expect(partner.residence).toEqual({ protection: "APPLICANT" });
    expect(h2026.members.find((m) => m.role === "APPLICANT")!.residence).toEqual({ luxembourgNationality: true });
  });
});
