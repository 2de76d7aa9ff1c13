/**
 * Rehousing (law art. 66-67, bill art. 39-40) through HTTP: two refused offers end the lease of
 * right six months after notice of the second — except, for under-occupancy, when a tenant is over 70.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { createDwelling, gql, signNewLease } from "./fixtures.js";

const OPEN = `mutation($input: OpenRehousingCaseInput!) { openRehousingCase(input: $input) { rehousingCase { id reason knownOn } assessment { obligation offerDeadline } userErrors { field code rule message } } }`;
const OFFER = `mutation($input: RecordRehousingOfferInput!) { recordRehousingOffer(input: $input) { offer { id noticeOn outcome } userErrors { field code rule message } } }`;
const RESPOND = `mutation($input: RecordRehousingResponseInput!) { recordRehousingResponse(input: $input) {
  assessment { countedRefusals refusalsBeforeTermination rightToStayLost terminationOn protectedOver70 protectedDisabledMember reference { citation } parameters { parameterId } }
  termination { ground effectiveOn noticeOn regime } userErrors { field code message } } }`;

describe(`rehousing after two refusals, art. 67 (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
  });
  afterAll(async () => api?.close());

  async function twoRefusals(birthDate: string) {
    // A single tenant in a three-bedroom dwelling: under-occupied (art. 66: bedrooms ≥ members + 1).
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate, income: "26000.00" }],
      dwelling: { bedrooms: 3 },
      startsOn: "2029-01-01",
      regime: "LAW",
    });
    const opened = await gql(api, "landlordA", OPEN, { input: { leaseId, reason: "UNDER_OCCUPANCY", knownOn: "2030-01-10", regime: "LAW" } });
    expect(opened.openRehousingCase.userErrors).toEqual([]);
    const caseId = opened.openRehousingCase.rehousingCase.id;
    const big = await createDwelling(api, api.orgIds.esch, { bedrooms: 3 });
    const notFitting = await gql(api, "landlordA", OFFER, {
      input: { rehousingCaseId: caseId, dwellingId: gid("Dwelling", big), noticeOn: "2030-02-01", regime: "LAW" },
    });
    expect(notFitting.recordRehousingOffer.userErrors[0]).toMatchObject({
      field: ["input", "dwellingId"],
      code: "RULE_VIOLATION",
      rule: "law art. 67 §1 al. 2; art. 66",
    });
    const offers: string[] = [];
    for (const [notice, answer, outcome] of [
      ["2030-02-01", "2030-02-15", "REFUSED_JUSTIFIED"],
      ["2030-03-02", "2030-03-20", "REFUSED_UNJUSTIFIED"],
      ["2030-05-04", "2030-05-25", "REFUSED_UNJUSTIFIED"],
    ] as const) {
      const small = await createDwelling(api, api.orgIds.esch, { bedrooms: 1 });
      const o = await gql(api, "landlordA", OFFER, { input: { rehousingCaseId: caseId, dwellingId: gid("Dwelling", small), noticeOn: notice, regime: "LAW" } });
      expect(o.recordRehousingOffer.userErrors).toEqual([]);
      offers.push(o.recordRehousingOffer.offer.id);
      if (offers.length === 1) {
        const again = await gql(api, "landlordA", OFFER, {
          input: { rehousingCaseId: caseId, dwellingId: gid("Dwelling", small), noticeOn: notice, regime: "LAW" },
        });
        expect(again.recordRehousingOffer.userErrors[0]).toMatchObject({ code: "INVALID_STATE", message: "The previous offer is not answered yet" });
      }
      const r = await gql(api, "landlordA", RESPOND, { input: { offerId: o.recordRehousingOffer.offer.id, outcome, respondedOn: answer, regime: "LAW" } });
      expect(r.recordRehousingResponse.userErrors).toEqual([]);
      if (offers.length < 3) expect(r.recordRehousingResponse.assessment.rightToStayLost).toBe(false);
      if (offers.length === 3) return { leaseId, caseId, last: r.recordRehousingResponse };
    }
    throw new Error("unreachable");
  }

  it("art67_1_al4: the second counted refusal (a justified one does not count) ends the lease of right six months after notice of the second offer", async () => {
    const { leaseId, last } = await twoRefusals("1980-06-15");
    expect(last.assessment).toMatchObject({
      countedRefusals: 2,
      refusalsBeforeTermination: 2,
      rightToStayLost: true,
      terminationOn: "2030-11-04",
      protectedOver70: false,
      protectedDisabledMember: false,
    });
    expect(last.assessment.parameters.map((p: any) => p.parameterId)).toEqual(
      expect.arrayContaining([
        "tenancy.rehousing.refusalsBeforeTermination",
        "tenancy.rehousing.terminationAfterSecondOfferMonths",
        "tenancy.rehousing.protectedAgeOver",
      ]),
    );
    expect(last.termination).toEqual({ ground: "REHOUSING_REFUSALS", effectiveOn: "2030-11-04", noticeOn: "2030-05-04", regime: "LAW" });
    const read = await gql(
      api,
      "landlordA",
      `query($id: ID!) { node(id: $id) { ... on Lease { status endsOn terminations { ground effectiveOn } rehousingCases { reason offers { outcome } assessment(asOf: "2030-06-01", regime: LAW) { rightToStayLost terminationOn } } deadlines(asOf: "2030-09-01", withinDays: 90, regime: LAW) { kind date } } } }`,
      { id: leaseId },
    );
    expect(read.node).toMatchObject({ status: "ACTIVE", endsOn: "2030-11-04", terminations: [{ ground: "REHOUSING_REFUSALS", effectiveOn: "2030-11-04" }] });
    expect(read.node.rehousingCases[0]).toMatchObject({
      reason: "UNDER_OCCUPANCY",
      offers: [{ outcome: "REFUSED_JUSTIFIED" }, { outcome: "REFUSED_UNJUSTIFIED" }, { outcome: "REFUSED_UNJUSTIFIED" }],
      assessment: { rightToStayLost: true, terminationOn: "2030-11-04" },
    });
    expect(read.node.deadlines).toEqual([{ kind: "REHOUSING_LEASE_END", date: "2030-11-04" }]);
  });

  it("art67_1_al5: under-occupancy, a tenant over 70 keeps the right to stay after two refusals", async () => {
    const { leaseId, last } = await twoRefusals("1950-03-01");
    expect(last.assessment).toMatchObject({ countedRefusals: 2, rightToStayLost: false, terminationOn: null, protectedOver70: true });
    expect(last.termination).toBeNull();
    const read = await gql(api, "landlordA", `query($id: ID!) { node(id: $id) { ... on Lease { endsOn terminations { ground } } } }`, { id: leaseId });
    expect(read.node).toEqual({ endsOn: null, terminations: [] });
  });

  it("bill_art67_2_al3: the commission's waiver lifts the rehousing obligation and the three-year deadline; the engine refuses it under the law and for a renovation", async () => {
    const WAIVE = `mutation($input: RecordRehousingWaiverInput!) { recordRehousingWaiver(input: $input) { rehousingCase { id waivedOn waiverReason } assessment { waived obligation offerDeadline } userErrors { field code rule message } } }`;
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate: "1970-02-02", income: "26000.00" }],
      dwelling: { bedrooms: 3 },
      startsOn: "2026-01-01",
      regime: "LAW",
    });
    const opened = await gql(api, "landlordA", OPEN, { input: { leaseId, reason: "UNDER_OCCUPANCY", knownOn: "2026-06-01", regime: "BILL_8535" } });
    expect(opened.openRehousingCase.assessment).toMatchObject({ obligation: true, offerDeadline: "2029-06-01" });
    const caseId = opened.openRehousingCase.rehousingCase.id;
    const input = { rehousingCaseId: caseId, waivedOn: "2026-09-01", reasons: "Locataire en traitement médical lourd à proximité" };
    const law = await gql(api, "landlordA", WAIVE, { input: { ...input, regime: "LAW" } });
    expect(law.recordRehousingWaiver).toMatchObject({
      rehousingCase: null,
      userErrors: [{ field: ["input", "waivedOn"], code: "RULE_VIOLATION", rule: "bill 8535 art. 40 2° (→ art. 67 §2 al. 3)" }],
    });
    const rid = (g: string) => Buffer.from(g, "base64").toString().split(":")[1]!;
    expect((await api.db.prisma.rehousingCase.findUniqueOrThrow({ where: { id: rid(caseId) } })).waivedOn).toBeNull();
    const bill = await gql(api, "landlordA", WAIVE, { input: { ...input, regime: "BILL_8535" } });
    expect(bill.recordRehousingWaiver).toMatchObject({
      userErrors: [],
      rehousingCase: { waivedOn: "2026-09-01", waiverReason: input.reasons },
      assessment: { waived: true, obligation: false, offerDeadline: null },
    });
    expect(await api.db.prisma.auditEvent.count({ where: { action: "recordRehousingWaiver", entityId: rid(caseId) } })).toBe(1);
    const read = await gql(
      api,
      "landlordA",
      `query($id: ID!) { node(id: $id) { ... on Lease { rehousingCases { waivedOn assessment(asOf: "2026-10-01", regime: BILL_8535) { waived obligation offerDeadline } } } } }`,
      { id: leaseId },
    );
    expect(read.node.rehousingCases).toEqual([{ waivedOn: "2026-09-01", assessment: { waived: true, obligation: false, offerDeadline: null } }]);
    const twice = await gql(api, "landlordA", WAIVE, { input: { ...input, regime: "BILL_8535" } });
    expect(twice.recordRehousingWaiver.userErrors[0]).toMatchObject({ field: ["input", "rehousingCaseId"], code: "CONFLICT" });
    // A renovation is not a typology mismatch: no waiver (bill §2 al. 3 concerns §2's rehousing).
    const other = await signNewLease(api, {
      members: [{ birthDate: "1970-02-02", income: "26000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-01-01",
      regime: "LAW",
    });
    const renovation = await gql(api, "landlordA", OPEN, {
      input: { leaseId: other.leaseId, reason: "RENOVATION", knownOn: "2026-06-01", regime: "BILL_8535" },
    });
    const refused = await gql(api, "landlordA", WAIVE, {
      input: { ...input, rehousingCaseId: renovation.openRehousingCase.rehousingCase.id, regime: "BILL_8535" },
    });
    expect(refused.recordRehousingWaiver.userErrors[0]).toMatchObject({ field: ["input", "waivedOn"], code: "RULE_VIOLATION" });
    const empty = await gql(api, "landlordA", WAIVE, { input: { ...input, reasons: " ", regime: "BILL_8535" } });
    expect(empty.recordRehousingWaiver.userErrors[0]).toMatchObject({ field: ["input", "reasons"], code: "REQUIRED" });
  });

  it("art66: a case for a dwelling that is not under-occupied is refused; bill art. 39 counts a couple once", async () => {
    const { leaseId } = await signNewLease(api, {
      members: [
        { birthDate: "1980-01-01", income: "20000.00" },
        { role: "PARTNER", birthDate: "1981-01-01", income: "20000.00" },
      ],
      dwelling: { bedrooms: 2 },
      startsOn: "2026-01-01",
      regime: "LAW",
    });
    const law = await gql(api, "landlordA", OPEN, { input: { leaseId, reason: "UNDER_OCCUPANCY", knownOn: "2026-06-01", regime: "LAW" } });
    expect(law.openRehousingCase.userErrors[0]).toMatchObject({ field: ["input", "reason"], code: "RULE_VIOLATION", rule: "law art. 66" });
    const bill = await gql(api, "landlordA", OPEN, { input: { leaseId, reason: "UNDER_OCCUPANCY", knownOn: "2026-06-01", regime: "BILL_8535" } });
    expect(bill.openRehousingCase.userErrors).toEqual([]);
    expect(bill.openRehousingCase.assessment).toMatchObject({ obligation: true, offerDeadline: "2029-06-01" });
  });
});
