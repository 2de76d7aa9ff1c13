/**
 * Dedicated sub-categories need facts the register holds (law art. 12 §3; bill art. 8): a
 * member's situations (student, close social support, cooperative member, employee, extreme
 * distress) are recorded through registerCandidate and read by the same household mapping that
 * signLease and the shortlist use. From an empty database, through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDedicated } from "@abordable/domain";
import { householdOf } from "../../src/allocation/adapters/common.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { startEmptyApi, type EmptyApi } from "../support/empty-api.js";

const REGISTER = `mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { candidate { id } userErrors { field code message rule } } }`;
const candidate = (situations: string[] | undefined, lastName: string) => ({
  address: "1, rue du Campus",
  municipalityCode: "esch-sur-alzette",
  incomeYear: 2025,
  introducedOn: "2026-09-01",
  motive: "EXCESSIVE_RENT",
  members: [
    {
      role: "APPLICANT",
      firstName: "Lea",
      lastName,
      birthDate: "2004-03-03",
      residenceStatus: "LUXEMBOURG_NATIONAL",
      incomes: [{ kind: "NET_TAXABLE_INCOME", amount: "9000.00" }],
      ...(situations && { situations }),
    },
  ],
});

describe(`member situations for dedicated dwellings, art. 12 §3 (${TEST_DATABASE_KIND})`, () => {
  let api: EmptyApi;
  beforeAll(async () => {
    api = await startEmptyApi();
  }, 120_000);
  afterAll(async () => api?.close());

  async function household(lastName: string) {
    const c = await api.db.prisma.candidate.findFirstOrThrow({ where: { lastName }, include: { household: { include: { members: true } } } });
    return householdOf(c, c.household!.members, "2026-10-01");
  }

  it("art. 12 §3 2°: a student recorded as such may take a students' dwelling; the same person without the situation may not", async () => {
    expect((await api.gql(api.adminKey, REGISTER, { input: candidate(["STUDENT"], "Student") })).registerCandidate.userErrors).toEqual([]);
    expect((await api.gql(api.adminKey, REGISTER, { input: candidate(undefined, "Worker") })).registerCandidate.userErrors).toEqual([]);
    const opts = { regime: "BILL_8535" as const, bill8535EntryIntoForce: "2026-01-01", allocationDate: "2026-10-01" };
    expect(checkDedicated(await household("Student"), "STUDENTS", opts).failures).toEqual([]);
    expect(checkDedicated(await household("Worker"), "STUDENTS", opts).failures.length).toBeGreaterThan(0);
    // Another sub-category's situation does not open a students' dwelling.
    expect(checkDedicated(await household("Student"), "COOPERATIVE_MEMBERS", opts).failures.length).toBeGreaterThan(0);
  });

  it("a situation given twice is refused on its field, and nothing is recorded", async () => {
    const before = await api.db.prisma.candidate.count();
    const res = await api.gql(api.adminKey, REGISTER, { input: candidate(["STUDENT", "STUDENT"], "Twice") });
    expect(res.registerCandidate.userErrors).toEqual([expect.objectContaining({ field: ["input", "members", "0", "situations"], code: "INVALID_VALUE" })]);
    expect(await api.db.prisma.candidate.count()).toBe(before);
  });
});
