import { describe, expect, it } from "vitest";
import { openFile, transition, type AllocationFile, type FileEvent, type OpinionResult } from "../../src/index.js";

const favourable: OpinionResult = { valid: true, opinion: "FAVOURABLE", for: 3, against: 0, abstentions: 0, tieBrokenByChair: false, failures: [] };
const eligibleOn = (asOf: string) => ({ eligible: true, asOf, purpose: "CANDIDATE" as const, failures: [] });

function run(events: FileEvent[], start: AllocationFile = openFile("V1")): AllocationFile {
  let f = start;
  for (const e of events) {
    const r = transition(f, e);
    if (!r.ok) throw new Error(`${e.type} refused: ${r.reason}`);
    f = r.file;
  }
  return f;
}

const toPromise: FileEvent[] = [
  { type: "SHORTLIST_ESTABLISHED", on: "2026-03-01", decisionHash: "abc", ranking: ["C1", "C2"] },
  { type: "CANDIDATE_PROPOSED", on: "2026-03-02", candidateId: "C1" },
  { type: "SOCIAL_ENQUIRY_COMPLETED", on: "2026-03-05", socialWorkerId: "sw1" },
  { type: "COMMISSION_OPINION_GIVEN", on: "2026-03-10", opinion: favourable, minutesOk: true },
  { type: "PROMISE_ISSUED", on: "2026-03-11" },
];

describe("Esch ROI art. 4 — allocation file flow", () => {
  it("VACANCY → SHORTLIST → SOCIAL_ENQUIRY → COMMISSION_OPINION → HOUSING_PROMISE → VISIT → LEASE_SIGNED", () => {
    const f = run([
      ...toPromise,
      { type: "VISIT_DONE", on: "2026-03-15" },
      { type: "LEASE_SIGNED", on: "2026-03-20", eligibilityAtLease: eligibleOn("2026-03-20") },
    ]);
    expect(f.state).toBe("LEASE_SIGNED");
    expect(f.history.map((h) => h.to)).toEqual([
      "SHORTLIST",
      "SOCIAL_ENQUIRY",
      "COMMISSION_OPINION",
      "HOUSING_PROMISE",
      "HOUSING_PROMISE",
      "VISIT",
      "LEASE_SIGNED",
    ]);
    expect(f.offerOutcomes).toEqual([{ candidateId: "C1", offeredOn: "2026-03-11", decidedOn: "2026-03-20", outcome: "ACCEPTED" }]);
  });

  it("art. 55 §1 al. 2: the lease is refused when eligibility is no longer met on the signing day", () => {
    const f = run([...toPromise, { type: "VISIT_DONE", on: "2026-03-15" }]);
    const r = transition(f, {
      type: "LEASE_SIGNED",
      on: "2026-03-20",
      eligibilityAtLease: {
        eligible: false,
        asOf: "2026-03-20",
        purpose: "CANDIDATE",
        failures: [{ condition: "NO_OTHER_DWELLING", reason: "inherited a house" }],
      },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.citation).toMatchObject({ article: "55", paragraph: "1", alinea: "2" });
  });

  it("refusal of the offer (unjustified) from the promise, then the next candidate", () => {
    const refused = run([...toPromise, { type: "OFFER_REFUSED", on: "2026-03-12", justified: false }]);
    expect(refused.state).toBe("REFUSED_UNJUSTIFIED");
    expect(refused.offerOutcomes[0]).toMatchObject({ candidateId: "C1", outcome: "REFUSED_UNJUSTIFIED" });
    const next = run(
      [
        { type: "NEXT_CANDIDATE", on: "2026-03-13" },
        { type: "CANDIDATE_PROPOSED", on: "2026-03-13", candidateId: "C2" },
      ],
      refused,
    );
    expect(next).toMatchObject({ state: "SOCIAL_ENQUIRY", candidateId: "C2" });
    const again = transition(run([{ type: "NEXT_CANDIDATE", on: "2026-03-13" }], refused), { type: "CANDIDATE_PROPOSED", on: "2026-03-13", candidateId: "C1" });
    expect(again.ok).toBe(false);
  });

  it("reasoned refusals: skipping the social enquiry, an invalid opinion, refusing before an offer", () => {
    const shortlisted = run(toPromise.slice(0, 2));
    const skip = transition(shortlisted, { type: "COMMISSION_OPINION_GIVEN", on: "2026-03-10", opinion: favourable, minutesOk: true });
    expect(skip).toMatchObject({ ok: false, from: "SOCIAL_ENQUIRY" });
    const atOpinion = run(toPromise.slice(0, 3));
    const noQuorum = transition(atOpinion, {
      type: "COMMISSION_OPINION_GIVEN",
      on: "2026-03-10",
      opinion: {
        ...favourable,
        valid: false,
        opinion: "NONE",
        failures: [{ rule: "QUORUM", reason: "2 of 5", citation: { text: "RGD_2023_10_13", article: "2", label: "quorum" } }],
      },
      minutesOk: true,
    });
    expect(noQuorum.ok).toBe(false);
    if (!noQuorum.ok) expect(noQuorum.reason).toMatch(/2 of 5/);
    expect(transition(atOpinion, { type: "OFFER_REFUSED", on: "2026-03-10", justified: true }).ok).toBe(false);
    const unfavourable = run(
      [{ type: "COMMISSION_OPINION_GIVEN", on: "2026-03-10", opinion: { ...favourable, opinion: "UNFAVOURABLE" }, minutesOk: true }],
      atOpinion,
    );
    expect(unfavourable.state).toBe("SHORTLIST");
    expect(transition(openFile("V1"), { type: "SHORTLIST_ESTABLISHED", on: "2026-03-01", decisionHash: "h", ranking: [] }).ok).toBe(false);
  });
});
