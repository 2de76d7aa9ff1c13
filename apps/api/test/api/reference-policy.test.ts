/**
 * Issue 12, findings 2 and 5: mutations reference only rows the reference policy (access/policy.ts)
 * allows for the purpose, and refusals reveal nothing about other organisations' rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { acceptedOffer, createDwelling, createHousehold, gql, SIGN } from "../tenancy/fixtures.js";

describe(`reference policy of mutations (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it("finding 2: signLease refuses a household no accepted offer of the landlord reached, and signs after one", async () => {
    const p = api.db.prisma;
    const { householdId } = await createHousehold(api, [{ birthDate: "1986-06-06", income: "27000.00" }]);
    const dwellingId = await createDwelling(api, api.orgIds.esch, { bedrooms: 1 });
    const input = {
      dwellingId: gid("Dwelling", dwellingId),
      householdId: gid("Household", householdId),
      startsOn: "2026-03-01",
      annualNetDisposableIncome: "27000.00",
    };
    const before = await p.lease.count();
    const refused = await gql(api, "landlordA", SIGN, { input });
    expect(refused.signLease.userErrors).toEqual([expect.objectContaining({ field: ["input", "householdId"], code: "NOT_FOUND" })]);
    // The household is not the landlord's: it cannot read it either.
    const read = await api.gql("landlordA", "query($id: ID!) { node(id: $id) { id } }", { id: gid("Household", householdId) });
    expect(read.body.data?.node).toBeNull();
    // Another landlord's accepted offer does not open the door to landlord A.
    const fondsDwelling = await createDwelling(api, api.orgIds.fonds, { bedrooms: 1 });
    await acceptedOffer(api, fondsDwelling, householdId);
    expect((await gql(api, "landlordA", SIGN, { input })).signLease.userErrors[0]).toMatchObject({ field: ["input", "householdId"], code: "NOT_FOUND" });
    expect(await p.lease.count()).toBe(before);
    // Through its own accepted offer for this dwelling: signed, and the file closes.
    const fileId = await acceptedOffer(api, dwellingId, householdId);
    const signed = await gql(api, "landlordA", SIGN, { input });
    expect(signed.signLease.userErrors).toEqual([]);
    expect((await p.allocationFile.findUniqueOrThrow({ where: { id: fileId } })).status).toBe("LEASE_SIGNED");
  });

  it("finding 2: signLease re-checks the dedicated sub-category (art. 12 §3) on the signing date", async () => {
    // A seniors' dwelling and a household of a 40-year-old: refused by the domain's rule, nothing signed.
    const { householdId } = await createHousehold(api, [{ birthDate: "1986-01-01", income: "25000.00" }]);
    const dwellingId = await createDwelling(api, api.orgIds.esch, { bedrooms: 1, sub: "SENIORS" });
    await acceptedOffer(api, dwellingId, householdId);
    const res = await gql(api, "landlordA", SIGN, {
      input: {
        dwellingId: gid("Dwelling", dwellingId),
        householdId: gid("Household", householdId),
        startsOn: "2026-03-01",
        annualNetDisposableIncome: "25000.00",
      },
    });
    expect(res.signLease.userErrors).toContainEqual(
      expect.objectContaining({ field: ["input", "householdId"], code: "RULE_VIOLATION", rule: expect.stringContaining("art. 12") }),
    );
    expect(await api.db.prisma.lease.count({ where: { dwellingId } })).toBe(0);
  });

  it("finding 5: createDwelling refuses another developer's project and financing convention, naming nothing of them", async () => {
    const p = api.db.prisma;
    const foreignConvention = await p.convention.findFirstOrThrow({
      where: { kind: "FINANCIAL_PARTICIPATION", developerId: api.orgIds.snhbm, OR: [{ landlordId: null }, { landlordId: { not: api.orgIds.esch } }] },
      include: { project: true },
    });
    const foreignProject = await p.project.findFirstOrThrow({
      where: {
        developerId: api.orgIds.snhbm,
        dwellings: { none: { landlordId: api.orgIds.esch } },
        conventions: { none: { OR: [{ landlordId: api.orgIds.esch }, { developerId: api.orgIds.esch }] } },
      },
    });
    const CREATE = "mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id } userErrors { field code message } } }";
    const base = {
      reference: `F5-${Date.now()}`,
      developerId: gid("Organisation", api.orgIds.snhbm),
      category: "ALL_PUBLIC",
      type: "APARTMENT",
      bedrooms: 2,
      usefulArea: "70.00",
      municipalityCode: "esch-sur-alzette",
      address: "1, rue Fictive",
    };
    const before = await p.dwelling.count();
    const byConvention = await gql(api, "landlordA", CREATE, { input: { ...base, financingConventionId: gid("Convention", foreignConvention.id) } });
    expect(byConvention.createDwelling.userErrors).toEqual([expect.objectContaining({ field: ["input", "financingConventionId"], code: "NOT_FOUND" })]);
    expect(byConvention.createDwelling.userErrors[0].message).not.toContain(foreignConvention.reference);
    const byProject = await gql(api, "landlordA", CREATE, { input: { ...base, projectId: gid("Project", foreignProject.id) } });
    expect(byProject.createDwelling.userErrors).toEqual([expect.objectContaining({ field: ["input", "projectId"], code: "NOT_FOUND" })]);
    expect(byProject.createDwelling.userErrors[0].message).not.toContain(foreignProject.name);
    expect(await p.dwelling.count()).toBe(before);
  });

  it("finding 5: transferDeposit is a proposal the receiving landlord accepts; nothing moves before, and refusals reveal none of its references", async () => {
    const p = api.db.prisma;
    const lease = await p.lease.findFirstOrThrow({
      where: {
        landlordId: api.orgIds.esch,
        status: "ACTIVE",
        deposit: { isNot: null },
        accommodationUnitId: null,
        dwelling: { allocationFiles: { none: { status: { notIn: ["LEASE_SIGNED", "CLOSED"] } } } },
      },
      include: { dwelling: true, deposit: true },
    });
    // The receiving landlord already uses the dwelling's reference: the proposer is not told.
    if (!(await p.dwelling.findFirst({ where: { landlordId: api.orgIds.fonds, reference: lease.dwelling.reference } }))) {
      await createDwelling(api, api.orgIds.fonds, { bedrooms: 1 }).then((id) =>
        p.dwelling.update({ where: { id }, data: { reference: lease.dwelling.reference } }),
      );
    }
    const TRANSFER =
      "mutation($input: TransferDepositInput!) { transferDeposit(input: $input) { transfer { id status } lease { id } userErrors { field code message } } }";
    const proposed = await gql(api, "landlordA", TRANSFER, {
      input: { leaseId: gid("Lease", lease.id), newLandlordId: gid("Organisation", api.orgIds.fonds), on: "2026-11-01" },
    });
    expect(proposed.transferDeposit.userErrors).toEqual([]);
    expect(proposed.transferDeposit.transfer.status).toBe("PROPOSED");
    expect((await p.lease.findUniqueOrThrow({ where: { id: lease.id } })).landlordId).toBe(api.orgIds.esch);
    expect((await p.dwelling.findUniqueOrThrow({ where: { id: lease.dwellingId } })).landlordId).toBe(api.orgIds.esch);
    const transferId = proposed.transferDeposit.transfer.id as string;
    const ACCEPT =
      "mutation($input: DecideDwellingTransferInput!) { acceptDwellingTransfer(input: $input) { transfer { status } userErrors { field code message } } }";
    // The proposer cannot accept its own proposal.
    expect((await gql(api, "landlordA", ACCEPT, { input: { transferId } })).acceptDwellingTransfer.userErrors[0]).toMatchObject({
      field: ["input", "transferId"],
      code: "NOT_FOUND",
    });
    // The receiver is told of the clash in its own stock; nothing moves.
    const clash = await gql(api, "landlordB", ACCEPT, { input: { transferId } });
    expect(clash.acceptDwellingTransfer.userErrors[0]).toMatchObject({ field: ["input", "transferId"], code: "CONFLICT" });
    await p.dwelling.updateMany({
      where: { landlordId: api.orgIds.fonds, reference: lease.dwelling.reference },
      data: { reference: `${lease.dwelling.reference}-old` },
    });
    const accepted = await gql(api, "landlordB", ACCEPT, { input: { transferId } });
    expect(accepted.acceptDwellingTransfer.userErrors).toEqual([]);
    expect((await p.lease.findUniqueOrThrow({ where: { id: lease.id } })).landlordId).toBe(api.orgIds.fonds);
    expect((await p.deposit.findUniqueOrThrow({ where: { id: lease.deposit!.id } })).holderId).toBe(api.orgIds.fonds);
    const [moved] = await p.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "Lease" WHERE "dwellingId" = $1::uuid AND "status" = 'ACTIVE' AND "landlordId" <> $2::uuid`,
      lease.dwellingId,
      api.orgIds.fonds,
    );
    expect(moved!.n).toBe(0);
  });
  it("adversarial suite: recordDwellingFacts refuses another organisation's compensation convention, and file steps a candidate off the file's shortlist, as if absent", async () => {
    const p = api.db.prisma;
    const shapes = (r: { userErrors: { field: string[]; code: string; message: string }[] }) =>
      r.userErrors.map((e) => `${e.field.join(".")} ${e.code} ${e.message}`);
    const absent = (type: string) => gid(type, "00000000-0000-4000-8000-000000000000");
    // A compensation convention of the Fonds: NOT_FOUND, worded as for a convention that does not exist, naming nothing of it.
    const dwelling = await p.dwelling.findFirstOrThrow({ where: { landlordId: api.orgIds.esch }, orderBy: { id: "asc" } });
    const foreign = await p.convention.findFirstOrThrow({ where: { kind: "COMPENSATION", landlordId: api.orgIds.fonds } });
    const FACTS = "mutation($input: RecordDwellingFactsInput!) { recordDwellingFacts(input: $input) { dwelling { id } userErrors { field code message } } }";
    const facts = (conventionId: string) =>
      gql(api, "landlordA", FACTS, { input: { dwellingId: gid("Dwelling", dwelling.id), effectiveOn: "2026-01-01", compensationConventionId: conventionId } });
    const refused = (await facts(gid("Convention", foreign.id))).recordDwellingFacts;
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: ["input", "compensationConventionId"], code: "NOT_FOUND" })]);
    expect(refused.userErrors[0].message).not.toContain(foreign.reference);
    expect(shapes(refused)).toEqual(shapes((await facts(absent("Convention"))).recordDwellingFacts));
    // A candidate of the Fonds' files, not on this file's shortlist: NOT_FOUND on candidateId (was a RULE_VIOLATION).
    const file = await p.allocationFile.findFirstOrThrow({
      where: { landlordId: api.orgIds.esch, status: { in: ["SHORTLIST", "VACANCY"] }, candidates: { some: {} } },
      orderBy: { id: "asc" },
    });
    const other = await p.candidate.findFirstOrThrow({
      where: {
        applications: { some: { allocationEntries: { some: { allocationFile: { landlordId: api.orgIds.fonds } }, none: { allocationFileId: file.id } } } },
      },
      orderBy: { id: "asc" },
    });
    const PROPOSE =
      "mutation($input: TransitionAllocationFileInput!) { transitionAllocationFile(input: $input) { allocationFile { id } userErrors { field code message } } }";
    const propose = (candidateId: string) =>
      gql(api, "landlordA", PROPOSE, { input: { allocationFileId: gid("AllocationFile", file.id), event: "CANDIDATE_PROPOSED", candidateId } });
    const off = (await propose(gid("Candidate", other.id))).transitionAllocationFile;
    expect(off.userErrors).toEqual([expect.objectContaining({ field: ["input", "candidateId"], code: "NOT_FOUND" })]);
    expect(shapes(off)).toEqual(shapes((await propose(absent("Candidate"))).transitionAllocationFile));
    expect((await p.allocationFile.findUniqueOrThrow({ where: { id: file.id } })).status).toBe(file.status);
  });
});
