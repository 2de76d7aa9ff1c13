/** Art. 69-70 (bill art. 42) — ends of lease, hand-computed dates. */
import { describe, expect, it } from "vitest";
import { leaseEnd, SERIOUS_GROUND_IDS, SERIOUS_GROUNDS, seriousGroundReference } from "../../src/index.js";

const LAW = { regime: "LAW" } as const;
const BILL = { regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-01" } as const;
const ON = "2027-01-01";

describe("art. 69 §1 — eligibility lost, unpaid rent", () => {
  it("art69_1_tenant_notice: notified 2026-03-31 → ends of right 2027-03-31 (12 months)", () => {
    expect(leaseEnd({ ground: "ELIGIBILITY_LOST_TENANT_NOTICE", notifiedOn: "2026-03-31" }, ON, LAW)).toMatchObject({
      ofRight: true,
      endsOn: "2027-03-31",
      occupancyTitleLostOn: "2027-03-31",
    });
  });
  it("art69_1_landlord_finding: notified 2026-08-31 → 2027-02-28 (6 months, end of February)", () => {
    expect(leaseEnd({ ground: "ELIGIBILITY_LOST_LANDLORD_FINDING", findingNotifiedOn: "2026-08-31" }, ON, LAW).endsOn).toBe("2027-02-28");
  });
  it("art69_1_unpaid_rent: law 6 months (2026-08-03 → 2027-02-03); bill 15 days (2026-08-03 → 2026-08-18); bill regime, notice before entry into force → 6 months", () => {
    expect(leaseEnd({ ground: "UNPAID_RENT", formalNoticeOn: "2026-08-03" }, ON, LAW)).toMatchObject({ endsOn: "2027-02-03", ofRight: false });
    const b = leaseEnd({ ground: "UNPAID_RENT", formalNoticeOn: "2026-08-03" }, ON, BILL);
    expect(b.endsOn).toBe("2026-08-18");
    expect(b.reference).toMatchObject({ text: "BILL_8535", article: "42" });
    expect(leaseEnd({ ground: "UNPAID_RENT", formalNoticeOn: "2026-06-30" }, ON, BILL).endsOn).toBe("2026-12-30");
  });
});

describe("art. 69 §2 — dedicated dwellings", () => {
  it("art69_2_young: the 32nd birthday (born 1998-05-10 → 2030-05-10); not for another category", () => {
    expect(leaseEnd({ ground: "YOUNG_TENANT_AGE", category: "YOUNG", tenantBirthDate: "1998-05-10" }, ON, LAW)).toMatchObject({
      available: true,
      endsOn: "2030-05-10",
      ofRight: false,
    });
    expect(leaseEnd({ ground: "YOUNG_TENANT_AGE", category: "ALL_PUBLIC", tenantBirthDate: "1998-05-10" }, ON, LAW).available).toBe(false);
  });
  it("art69_2_employee: job ended 2027-01-31 → 2027-04-30; not after an economic dismissal nor if the employer does not need the dwelling", () => {
    const f = { ground: "EMPLOYEE_JOB_END", category: "EMPLOYEES", jobEndedOn: "2027-01-31", employerNeedsDwelling: true, economicDismissal: false } as const;
    expect(leaseEnd(f, ON, LAW).endsOn).toBe("2027-04-30");
    expect(leaseEnd({ ...f, economicDismissal: true }, ON, LAW).available).toBe(false);
    expect(leaseEnd({ ...f, employerNeedsDwelling: false }, ON, LAW).available).toBe(false);
  });
  it("art69_2_bill_close_support: support ended 2027-02-15 → 2027-05-15 (bill); no such ground under the law", () => {
    const f = { ground: "CLOSE_SUPPORT_END", category: "CLOSE_SUPPORT", supportEndedOn: "2027-02-15" } as const;
    expect(leaseEnd(f, ON, BILL).endsOn).toBe("2027-05-15");
    expect(leaseEnd(f, ON, LAW)).toMatchObject({ available: false });
  });
  it("art69_2_bill_student: enrolment ended 2027-07-15 → 2027-10-15", () => {
    expect(leaseEnd({ ground: "STUDENT_ENROLMENT_END", category: "STUDENTS", enrolmentEndedOn: "2027-07-15" }, ON, BILL).endsOn).toBe("2027-10-15");
  });
  it("art69_2_bill_cooperative: shares transferred 2027-03-31 → 2027-06-30", () => {
    expect(leaseEnd({ ground: "COOPERATIVE_SHARES_TRANSFERRED", category: "COOPERATIVE_MEMBERS", sharesTransferredOn: "2027-03-31" }, ON, BILL).endsOn).toBe(
      "2027-06-30",
    );
  });
  it("art69_2_bill_reserve: first occupation 2027-01-10 → may end with effect from then until 2027-04-10", () => {
    expect(leaseEnd({ ground: "RESERVE_FIRST_OCCUPATION", category: "RESERVE", firstOccupiedOn: "2027-01-10" }, ON, BILL)).toMatchObject({
      endsOn: "2027-01-10",
      latestEndOn: "2027-04-10",
    });
  });
});

describe("bill art. 69 §3 — fourteen serious grounds, 15 days after notice", () => {
  it("art69_3_enumeration: the 14 grounds with their points", () => {
    expect(SERIOUS_GROUND_IDS).toHaveLength(14);
    expect(SERIOUS_GROUND_IDS.map((g) => SERIOUS_GROUNDS[g].point)).toEqual([
      "1°",
      "2°",
      "3°",
      "4°",
      "5°",
      "6°",
      "7°",
      "8°",
      "9°",
      "10°",
      "11°",
      "12°",
      "13°",
      "14°",
    ]);
    expect(seriousGroundReference("UNPAID_RENTS")).toMatchObject({ text: "BILL_8535", article: "42", amends: { article: "69", paragraph: "3", point: "14°" } });
  });
  it("art69_3_fifteen_days: notified 2027-02-01 on 7° with evidence → ends 2027-02-16, occupancy title lost then", () => {
    const e = leaseEnd(
      { ground: "SERIOUS_GROUNDS", notifiedOn: "2027-02-01", grounds: [{ ground: "NEIGHBOURHOOD_DISTURBANCE", evidence: ["police report 2027-01-12"] }] },
      ON,
      BILL,
    );
    expect(e).toMatchObject({ available: true, endsOn: "2027-02-16", occupancyTitleLostOn: "2027-02-16", groundsRetained: ["NEIGHBOURHOOD_DISTURBANCE"] });
  });
  it("art69_3_evidence: a ground without evidence is rejected; no ground left → unavailable; none under the law", () => {
    const e = leaseEnd({ ground: "SERIOUS_GROUNDS", notifiedOn: "2027-02-01", grounds: [{ ground: "DAMAGE", evidence: [] }] }, ON, BILL);
    expect(e.available).toBe(false);
    expect(e.groundsRejected).toEqual([{ ground: "DAMAGE", reason: "no evidence" }]);
    expect(leaseEnd({ ground: "SERIOUS_GROUNDS", notifiedOn: "2027-02-01", grounds: [{ ground: "DAMAGE", evidence: ["report"] }] }, ON, LAW).available).toBe(
      false,
    );
  });
  it("art69_3_10_and_14: no move-in within 30 days of 2027-01-05 (until 2027-02-04); at least two unpaid rents", () => {
    const g = (ground: "NO_MOVE_IN" | "UNPAID_RENTS") => [{ ground, evidence: ["file"] }];
    expect(leaseEnd({ ground: "SERIOUS_GROUNDS", notifiedOn: "2027-02-04", agreedEntryOn: "2027-01-05", grounds: g("NO_MOVE_IN") }, ON, BILL).available).toBe(
      false,
    );
    expect(leaseEnd({ ground: "SERIOUS_GROUNDS", notifiedOn: "2027-02-05", agreedEntryOn: "2027-01-05", grounds: g("NO_MOVE_IN") }, ON, BILL).endsOn).toBe(
      "2027-02-20",
    );
    expect(leaseEnd({ ground: "SERIOUS_GROUNDS", notifiedOn: "2027-02-05", unpaidRents: 1, grounds: g("UNPAID_RENTS") }, ON, BILL).available).toBe(false);
    expect(leaseEnd({ ground: "SERIOUS_GROUNDS", notifiedOn: "2027-02-05", unpaidRents: 2, grounds: g("UNPAID_RENTS") }, ON, BILL).available).toBe(true);
  });
});

describe("art. 70 — death of the tenant", () => {
  const heir = { personId: "P2", eligible: true, householdMember: true, livedWithTenant: true };
  it("art70_1_passes: to the eligible household members who lived there", () => {
    expect(
      leaseEnd({ ground: "DEATH", diedOn: "2026-05-31", category: "ALL_PUBLIC", successors: [heir, { ...heir, personId: "P3", eligible: false }] }, ON, LAW),
    ).toMatchObject({ passesTo: ["P2"], endsOn: null });
  });
  it("art70_2_ends: no qualifying successor → ends of right 2027-05-31 (12 months)", () => {
    expect(
      leaseEnd({ ground: "DEATH", diedOn: "2026-05-31", category: "ALL_PUBLIC", successors: [{ ...heir, livedWithTenant: false }] }, ON, LAW),
    ).toMatchObject({ ofRight: true, endsOn: "2027-05-31" });
  });
  it("art70_3_employees: ends 12 months after death even with an eligible successor", () => {
    const e = leaseEnd({ ground: "DEATH", diedOn: "2026-05-31", category: "EMPLOYEES", successors: [heir] }, ON, LAW);
    expect(e).toMatchObject({ endsOn: "2027-05-31" });
    expect(e.reference).toMatchObject({ article: "70", alinea: "3" });
  });
});
