import { describe, expect, it } from "vitest";
import { criteriaInForce, refusalFreeze, type CriteriaSnapshot, type OfferOutcome } from "../../src/index.js";
import { BILL, LAW } from "./fixtures.js";

const snap = (evaluatedOn: string, total: number): CriteriaSnapshot => ({
  candidateId: "x",
  evaluatedOn,
  methodology: { id: "m", version: "1" },
  contributions: [],
  total,
});
const refused = (on: string, justified = false): OfferOutcome => ({
  offeredOn: on,
  decidedOn: on,
  outcome: justified ? "REFUSED_JUSTIFIED" : "REFUSED_UNJUSTIFIED",
});
const accepted = (on: string): OfferOutcome => ({ offeredOn: on, decidedOn: on, outcome: "ACCEPTED" });

describe("art. 57 §3 al. 2 (bill art. 34 3°) — criteria frozen after two unjustified refusals", () => {
  const history = [snap("2026-01-15", 40), snap("2027-01-15", 70), snap("2028-01-15", 90)];
  const offers = [refused("2026-08-01"), refused("2026-11-10")];

  it("art. 57 §3: after the second refusal in 2026, criteria are revised only from 1 January 2028", () => {
    const f = refusalFreeze(offers, "2027-06-01", BILL);
    expect(f).toMatchObject({ frozen: true, triggeredOn: "2026-11-10", revisableFrom: "2028-01-01" });
    expect(f.citation).toMatchObject({ text: "BILL_8535", article: "34" });
    const inForce = criteriaInForce(history, offers, "2027-06-01", BILL);
    expect(inForce.snapshot!.total).toBe(40); // the 2027 revision is ignored
    expect(criteriaInForce(history, offers, "2027-12-31", BILL).snapshot!.total).toBe(40);
    const after = criteriaInForce(history, offers, "2028-02-01", BILL);
    expect(after.freeze.frozen).toBe(false);
    expect(after.snapshot!.total).toBe(90);
  });

  it("art. 57 §3: no freeze under the law (criteria revised at least yearly)", () => {
    expect(refusalFreeze(offers, "2027-06-01", LAW).frozen).toBe(false);
    expect(criteriaInForce(history, offers, "2027-06-01", LAW).snapshot!.total).toBe(70);
  });

  it("art. 57 §3: a justified refusal or an acceptance breaks the succession", () => {
    expect(refusalFreeze([refused("2026-08-01"), refused("2026-09-01", true), refused("2026-11-10")], "2027-06-01", BILL).frozen).toBe(false);
    expect(refusalFreeze([refused("2026-08-01"), accepted("2026-09-01"), refused("2026-11-10")], "2027-06-01", BILL).frozen).toBe(false);
    expect(refusalFreeze([refused("2026-08-01")], "2027-06-01", BILL).frozen).toBe(false);
  });

  it("art. 57 §3: refusals decided after the allocation date are not yet known", () => {
    expect(refusalFreeze(offers, "2026-10-01", BILL).frozen).toBe(false);
  });
});
