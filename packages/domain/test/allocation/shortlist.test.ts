import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalDecisionJson,
  checkEligibility,
  decisionHash,
  DEFAULT_METHODOLOGY,
  evaluateSocioEconomic,
  explainCandidate,
  replayShortlist,
  shortlist,
  summariseEligibility,
  verifyDecisionRecord,
  type CriteriaSnapshot,
  type DecisionRecord,
  type Household,
  type ShortlistCandidate,
  type Vacancy,
} from "../../src/index.js";
import { AFTER, applicant, BEFORE, BILL, child, couple, LAW, person, salary } from "./fixtures.js";

const VACANCY: Vacancy = { id: "V1", landlordId: "esch", municipality: "ESCH", bedrooms: 2, category: { kind: "ALL_PUBLIC" } };
/** Synthetic distances between municipality ids, supplied by the caller (no coordinates in the domain). */
const DISTANCES = {
  entries: [
    ["ESCH", "ESCH", 0],
    ["LUX", "ESCH", 18],
    ["DIFF", "ESCH", 4],
    ["WILTZ", "ESCH", 70],
  ] as [string, string, number][],
};
const snapshot = (candidateId: string, total: number, evaluatedOn = "2026-01-10"): CriteriaSnapshot => ({
  candidateId,
  evaluatedOn,
  methodology: { id: DEFAULT_METHODOLOGY.id, version: DEFAULT_METHODOLOGY.version },
  contributions: [
    {
      criterion: "ART57_1_1_TITLE",
      points: total,
      detail: "synthetic",
      citation: { text: "LAW_2023", article: "57", paragraph: "1", point: "1°", label: "title" },
    },
  ],
  total,
});
const eligible = { eligible: true, asOf: "2026-01-10", purpose: "CANDIDATE" as const, failures: [] };
const familyOf3: Household = { ...couple(), members: [...couple().members, child("c", "2020-01-01")], currentHomeMunicipality: "LUX" };

function candidate(id: string, total: number, extra: Partial<ShortlistCandidate> = {}): ShortlistCandidate {
  return { candidateId: id, registeredOn: "2024-05-01", household: familyOf3, eligibility: eligible, criteriaHistory: [snapshot(id, total)], ...extra };
}

describe("art. 57-58, 67 §3 — shortlist for a vacancy", () => {
  it("art. 67 §3: a sitting tenant to be rehoused comes before every new candidate", () => {
    const r = shortlist({
      ...LAW,
      vacancy: VACANCY,
      allocationDate: BEFORE,
      methodology: DEFAULT_METHODOLOGY,
      distances: DISTANCES,
      candidates: [
        candidate("new", 90),
        candidate("tenant", 5, { sittingTenant: { leaseId: "L1", ground: "UNDER_OCCUPANCY" }, eligibility: { ...eligible, purpose: "TENANT" } }),
      ],
    });
    expect(r.ranked.map((x) => [x.candidateId, x.group])).toEqual([
      ["tenant", "REHOUSING"],
      ["new", "NEW_TENANT"],
    ]);
  });

  it("art. 55 / 58: ineligible, too-small and art. 66 under-occupying households are excluded with reasons", () => {
    const single: Household = { members: [applicant("s", "1990-01-01")] };
    const big: Household = { ...couple(), members: [...couple().members, person("t1", "2008-01-01"), person("t2", "2009-01-01")] };
    const r = shortlist({
      ...LAW,
      vacancy: VACANCY,
      allocationDate: BEFORE,
      methodology: DEFAULT_METHODOLOGY,
      distances: DISTANCES,
      candidates: [
        candidate("ok", 10),
        candidate("inelig", 99, {
          eligibility: { eligible: false, asOf: "2026-01-10", purpose: "CANDIDATE", failures: [{ condition: "INCOME_CEILING", reason: "too rich" }] },
        }),
        candidate("big", 99, { household: big }),
        candidate("single", 99, { household: single }),
        candidate("unevaluated", 99, { criteriaHistory: [] }),
      ],
    });
    expect(r.ranked.map((x) => x.candidateId)).toEqual(["ok"]);
    const reasons = Object.fromEntries(r.excluded.map((e) => [e.candidateId, e.reasons.join(" | ")]));
    expect(reasons["inelig"]).toMatch(/not eligible \(art\. 55, INCOME_CEILING\): too rich/);
    expect(reasons["big"]).toMatch(/2 bedroom\(s\) for 3 needed: dwelling too small/);
    expect(reasons["single"]).toMatch(/under-occupied \(art\. 66: 2 ≥ 2\)/);
    expect(reasons["unevaluated"]).toMatch(/no socio-economic evaluation/);
  });

  it("ties are broken by registration seniority, then by candidate id", () => {
    const r = shortlist({
      ...LAW,
      vacancy: VACANCY,
      allocationDate: BEFORE,
      methodology: { ...DEFAULT_METHODOLOGY, seniority: { pointsPerFullYear: 0, cap: 0 } },
      distances: DISTANCES,
      candidates: [
        candidate("b", 20, { registeredOn: "2025-01-01" }),
        candidate("c", 20, { registeredOn: "2024-01-01" }),
        candidate("a", 20, { registeredOn: "2025-01-01" }),
        candidate("top", 21),
      ],
    });
    expect(r.ranked.map((x) => x.candidateId)).toEqual(["top", "c", "a", "b"]);
  });

  it("each criterion's contribution is shown, with its article (art. 57 §1 1°-8° under the law, 9° under the bill)", () => {
    const h: Household = {
      members: [applicant("a", "1990-01-01", { incomes: [salary("24000")], workplaceMunicipality: "ESCH" }), child("c", "2019-01-01")],
      currentHomeMunicipality: "LUX",
    };
    const situation = {
      title: "FIXED_TERM_LEASE" as const,
      terminationNotice: { endsOn: "2026-05-15" },
      currentBedrooms: 1,
      currentUsefulAreaM2: "20",
      currentMonthlyRent: "1100",
      insalubrity: "MINOR" as const,
    };
    const lawSnap = evaluateSocioEconomic("C1", h, situation, BEFORE, DEFAULT_METHODOLOGY, LAW);
    expect(lawSnap.contributions.map((c) => c.criterion)).toEqual([
      "ART57_1_1_TITLE",
      "ART57_1_2_NOTICE",
      "ART57_1_3_EVICTION",
      "ART57_1_4_OCCUPATION",
      "ART57_1_5_INSALUBRITY",
      "ART57_1_6_DISABILITY",
      "ART57_1_7_EFFORT_RATE",
      "ART57_1_8_INCOME_LEVEL",
    ]);
    const points = Object.fromEntries(lawSnap.contributions.map((c) => [c.criterion, c.points]));
    expect(points).toMatchObject({
      ART57_1_1_TITLE: 8,
      ART57_1_2_NOTICE: 15,
      ART57_1_4_OCCUPATION: 6 + 6,
      ART57_1_5_INSALUBRITY: 5,
      ART57_1_7_EFFORT_RATE: 15,
      ART57_1_8_INCOME_LEVEL: 10,
    });
    expect(lawSnap.total).toBe(8 + 15 + 12 + 5 + 15 + 10);
    const billSnap = evaluateSocioEconomic("C1", h, situation, AFTER, DEFAULT_METHODOLOGY, BILL);
    expect(billSnap.contributions.at(-1)).toMatchObject({
      criterion: "ART57_1_9_SINGLE_ADULT_WITH_CHILD",
      points: 10,
      citation: { text: "BILL_8535", article: "34" },
    });

    const r = shortlist({
      ...LAW,
      vacancy: VACANCY,
      allocationDate: BEFORE,
      methodology: DEFAULT_METHODOLOGY,
      distances: DISTANCES,
      candidates: [{ candidateId: "C1", registeredOn: "2023-01-01", household: h, eligibility: eligible, criteriaHistory: [lawSnap] }],
    });
    const ranked = r.ranked[0]!;
    const dwelling = ranked.contributions!.slice(lawSnap.contributions.length);
    expect(ranked.dwellingPoints).toEqual({ typology: 15, proximity: 10, worksInVacancyMunicipality: 5, seniority: 6 });
    expect(explainCandidate(r.record, "C1")).toEqual(ranked.contributions);
    expect(dwelling.map((c) => [c.criterion, c.points])).toEqual([
      ["ART58_1_1_TYPOLOGY", 15],
      ["ART58_1_2_PROXIMITY", 10],
      ["ESCH_WORKS_IN_VACANCY_MUNICIPALITY", 5],
      ["ESCH_SENIORITY", 6],
    ]);
    expect(ranked.total).toBe(lawSnap.total + 36);
  });

  it("art. 58 (bill art. 35): with many workplaces, proximity is measured from the current home only", () => {
    const h: Household = { ...couple({ workplaceMunicipality: "WILTZ" }, { workplaceMunicipality: "DIFF" }), currentHomeMunicipality: "LUX" };
    const run = (opts: typeof LAW, date: string) =>
      shortlist({
        ...opts,
        vacancy: { ...VACANCY, bedrooms: 1 },
        allocationDate: date,
        methodology: DEFAULT_METHODOLOGY,
        distances: DISTANCES,
        candidates: [candidate("x", 0, { household: h })],
      }).ranked[0]!.contributions!.find((c) => c.criterion === "ART58_1_2_PROXIMITY")!;
    expect(run(LAW, BEFORE)).toMatchObject({ points: 10, detail: "nearest workplace DIFF → ESCH: 4 km" });
    expect(run(BILL, AFTER)).toMatchObject({ points: 3, citation: { text: "BILL_8535", article: "35" } });
  });

  it("art. 57 §3 al. 2: a candidate frozen after two unjustified refusals keeps the old snapshot", () => {
    const offers = [
      { offeredOn: "2026-08-01", decidedOn: "2026-08-05", outcome: "REFUSED_UNJUSTIFIED" as const },
      { offeredOn: "2026-08-20", decidedOn: "2026-08-25", outcome: "REFUSED_UNJUSTIFIED" as const },
    ];
    const c = candidate("f", 0, { criteriaHistory: [snapshot("f", 10, "2026-01-10"), snapshot("f", 80, "2026-08-30")], offers });
    const frozen = shortlist({ ...BILL, vacancy: VACANCY, allocationDate: AFTER, methodology: DEFAULT_METHODOLOGY, distances: DISTANCES, candidates: [c] })
      .ranked[0]!;
    expect(frozen).toMatchObject({ socioEconomicTotal: 10, criteriaEvaluatedOn: "2026-01-10", criteriaFrozenUntil: "2028-01-01" });
    const law = shortlist({ ...LAW, vacancy: VACANCY, allocationDate: AFTER, methodology: DEFAULT_METHODOLOGY, distances: DISTANCES, candidates: [c] })
      .ranked[0]!;
    expect(law).toMatchObject({ socioEconomicTotal: 80, criteriaFrozenUntil: null });
  });

  it("dedicated vacancy: only households fitting the sub-category are ranked", () => {
    const senior: Household = { members: [applicant("s", "1955-01-01")] };
    const r = shortlist({
      ...BILL,
      vacancy: { ...VACANCY, bedrooms: 1, category: { kind: "DEDICATED", subCategory: "SENIORS" } },
      allocationDate: AFTER,
      methodology: DEFAULT_METHODOLOGY,
      distances: DISTANCES,
      candidates: [candidate("senior", 1, { household: senior }), candidate("family", 50)],
    });
    expect(r.ranked.map((x) => x.candidateId)).toEqual(["senior"]);
    expect(r.excluded[0]!.reasons.join(" ")).toMatch(/dedicated dwelling: dedicated dwellings are for people alone or as a couple/);
  });
});

describe("the fast ranking path agrees with the detailed contributions", () => {
  it("for every ranked candidate, total = snapshot total + the detailed dwelling contributions", () => {
    const municipalities = ["ESCH", "LUX", "DIFF", "WILTZ"];
    const cands: ShortlistCandidate[] = [];
    for (let i = 0; i < 300; i++) {
      const kids = i % 4;
      const members = [applicant("a", `19${60 + (i % 35)}-0${1 + (i % 9)}-1${i % 9}`, i % 3 === 0 ? {} : { workplaceMunicipality: municipalities[i % 4]! })];
      if (i % 2 === 0) members.push(person("b", "1985-05-05", i % 5 === 0 ? { workplaceMunicipality: municipalities[(i + 1) % 4]! } : {}));
      for (let k = 0; k < kids; k++) members.push(child(`k${k}`, `20${10 + ((i + k * 3) % 16)}-0${1 + k}-15`));
      const h: Household = {
        members,
        ...(i % 2 === 0 ? { couples: [{ a: "a", b: "b", kind: "COHABITING" as const }] } : {}),
        currentHomeMunicipality: municipalities[(i * 7) % 4]!,
      };
      cands.push(candidate(`C${String(i).padStart(3, "0")}`, i % 17, { household: h, registeredOn: `20${15 + (i % 10)}-03-0${1 + (i % 9)}` }));
    }
    for (const [opts, date] of [
      [LAW, BEFORE],
      [BILL, AFTER],
    ] as const) {
      for (const bedrooms of [1, 2, 3, 4]) {
        const r = shortlist({
          ...opts,
          vacancy: { ...VACANCY, bedrooms },
          allocationDate: date,
          methodology: DEFAULT_METHODOLOGY,
          distances: DISTANCES,
          candidates: cands,
          explainTop: Infinity,
        });
        expect(r.ranked.length + r.excluded.length).toBe(cands.length);
        for (const x of r.ranked) {
          expect(x.contributions!.reduce((s, c) => s + c.points, 0)).toBe(x.total);
          const d = x.contributions!.slice(x.criteria.contributions.length).map((c) => c.points);
          expect(d).toEqual([x.dwellingPoints.typology, x.dwellingPoints.proximity, x.dwellingPoints.worksInVacancyMunicipality, x.dwellingPoints.seniority]);
        }
      }
    }
  });
});

describe("shortlist reproducibility from the decision record", () => {
  const h1: Household = {
    members: [applicant("a", "1990-01-01", { incomes: [salary("30000")], workplaceMunicipality: "LUX" }), child("c", "2018-01-01")],
    currentHomeMunicipality: "WILTZ",
  };
  const snap1 = evaluateSocioEconomic("C1", h1, { title: "SUBLET", currentMonthlyRent: "900" }, "2026-01-10", DEFAULT_METHODOLOGY, LAW);
  const cands: ShortlistCandidate[] = [
    {
      candidateId: "C1",
      registeredOn: "2022-02-02",
      household: h1,
      eligibility: summariseEligibility(checkEligibility(h1, { ...LAW, asOf: "2026-01-10" })),
      criteriaHistory: [snap1],
    },
    candidate("C2", 30),
    candidate("C3", 30, { registeredOn: "2020-01-01" }),
  ];
  const result = shortlist({ ...LAW, vacancy: VACANCY, allocationDate: BEFORE, methodology: DEFAULT_METHODOLOGY, distances: DISTANCES, candidates: cands });

  it("the record holds the inputs, the methodology version, the regime, the distances used and the parameter versions", () => {
    const rec = result.record;
    expect(rec.methodology.version).toBe("1.0.0");
    expect(rec.regime).toEqual({ regime: "LAW" });
    expect(rec.distances).toEqual([["LUX", "ESCH", 18]]);
    expect(rec.parameters.map((p) => p.parameterId)).toContain("allocation.bedroom.ownBedroomFromAge");
    expect(rec.result.ranking.map((x) => x.candidateId)).toEqual(result.ranked.map((x) => x.candidateId));
  });

  it("recomputing from the record (even after a JSON round trip) gives the same ranking and the same canonical JSON", () => {
    const roundTrip = JSON.parse(JSON.stringify(result.record)) as DecisionRecord;
    const replay = replayShortlist(roundTrip);
    expect(replay.record.result).toEqual(result.record.result);
    expect(canonicalDecisionJson(replay.record)).toBe(canonicalDecisionJson(result.record));
    expect(verifyDecisionRecord(roundTrip)).toEqual({ reproducible: true, hash: decisionHash(result.record) });
  });

  it("canonical JSON ignores key order and the pure SHA-256 matches node:crypto", () => {
    const json = canonicalDecisionJson(result.record);
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reordered = reverseKeys(JSON.parse(JSON.stringify(result.record))) as DecisionRecord;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(result.record));
    expect(canonicalDecisionJson(reordered)).toBe(json);
    expect(decisionHash(result.record)).toBe(createHash("sha256").update(json, "utf8").digest("hex"));
    for (const s of ["", "abc", "é€𝄞", "x".repeat(1000)])
      expect(decisionHash(s as unknown as DecisionRecord)).toBe(createHash("sha256").update(JSON.stringify(s), "utf8").digest("hex"));
  });

  it("a tampered record no longer reproduces", () => {
    const tampered = { ...result.record, result: { ...result.record.result, ranking: [...result.record.result.ranking].reverse() } };
    expect(verifyDecisionRecord(tampered).reproducible).toBe(false);
  });
});
