/**
 * Allocation file state machine — the Esch ROI flow (art. 4, 9, annex 1) over law art. 53-59:
 * VACANCY → SHORTLIST (register query + ranking, art. 53-58) → SOCIAL_ENQUIRY (art. 59) →
 * COMMISSION_OPINION (RGD art. 1-2; Esch art. 4-5) → HOUSING_PROMISE → VISIT → LEASE_SIGNED
 * (eligibility met again when becoming tenant, art. 55 §1 al. 2); or REFUSED_JUSTIFIED /
 * REFUSED_UNJUSTIFIED from the offer stages (promise, visit), reported to the register (art. 53
 * al. 4) and feeding the refusal freeze (bill art. 57 §3 al. 2); NEXT_CANDIDATE goes back to the
 * shortlist. `transition` returns the new file or a reasoned refusal; it never throws on a
 * business rule.
 */
import type { IsoDate } from "../parameters/types.js";
import type { OpinionResult } from "./commission.js";
import { cite, type Citation } from "./law.js";
import type { OfferOutcome } from "./refusals.js";
import type { EligibilitySummary } from "./shortlist.js";

export const FILE_STATES = [
  "VACANCY",
  "SHORTLIST",
  "SOCIAL_ENQUIRY",
  "COMMISSION_OPINION",
  "HOUSING_PROMISE",
  "VISIT",
  "LEASE_SIGNED",
  "REFUSED_JUSTIFIED",
  "REFUSED_UNJUSTIFIED",
] as const;
export type FileState = (typeof FILE_STATES)[number];

export type FileEvent =
  | { readonly type: "SHORTLIST_ESTABLISHED"; readonly on: IsoDate; readonly decisionHash: string; readonly ranking: readonly string[] }
  | { readonly type: "CANDIDATE_PROPOSED"; readonly on: IsoDate; readonly candidateId: string }
  | { readonly type: "SOCIAL_ENQUIRY_COMPLETED"; readonly on: IsoDate; readonly socialWorkerId: string }
  | { readonly type: "COMMISSION_OPINION_GIVEN"; readonly on: IsoDate; readonly opinion: OpinionResult; readonly minutesOk: boolean }
  | { readonly type: "PROMISE_ISSUED"; readonly on: IsoDate }
  | { readonly type: "VISIT_DONE"; readonly on: IsoDate }
  | { readonly type: "LEASE_SIGNED"; readonly on: IsoDate; readonly eligibilityAtLease: EligibilitySummary }
  | { readonly type: "OFFER_REFUSED"; readonly on: IsoDate; readonly justified: boolean; readonly motive?: string }
  | { readonly type: "NEXT_CANDIDATE"; readonly on: IsoDate };

export interface AllocationFile {
  readonly vacancyId: string;
  readonly state: FileState;
  readonly decisionHash?: string;
  readonly ranking: readonly string[];
  readonly candidateId?: string;
  /** Candidates already proposed in this file (not proposed again). */
  readonly passed: readonly string[];
  readonly promiseIssued: boolean;
  readonly offerOutcomes: readonly (OfferOutcome & { readonly candidateId: string })[];
  readonly history: readonly { readonly from: FileState; readonly to: FileState; readonly on: IsoDate; readonly event: FileEvent["type"] }[];
}

export type TransitionResult =
  | { readonly ok: true; readonly file: AllocationFile }
  | { readonly ok: false; readonly from: FileState; readonly event: FileEvent["type"]; readonly reason: string; readonly citation: Citation };

export function openFile(vacancyId: string): AllocationFile {
  return { vacancyId, state: "VACANCY", ranking: [], passed: [], promiseIssued: false, offerOutcomes: [], history: [] };
}

const ESCH4 = cite("ESCH_ROI", "4", "vacancy, register, social enquiry, commission opinion, housing promise, visit, lease");

function move(f: AllocationFile, to: FileState, e: FileEvent, patch: Partial<AllocationFile> = {}): TransitionResult {
  return { ok: true, file: { ...f, ...patch, state: to, history: [...f.history, { from: f.state, to, on: e.on, event: e.type }] } };
}
function refuse(f: AllocationFile, e: FileEvent, reason: string, citation: Citation = ESCH4): TransitionResult {
  return { ok: false, from: f.state, event: e.type, reason, citation };
}

/** Applies one event to a file. */
export function transition(f: AllocationFile, e: FileEvent): TransitionResult {
  switch (e.type) {
    case "SHORTLIST_ESTABLISHED":
      if (f.state !== "VACANCY") return refuse(f, e, `a shortlist is established for a vacancy, not in state ${f.state}`);
      if (e.ranking.length === 0)
        return refuse(f, e, "no eligible candidate ranked for this vacancy", cite("LAW_2023", "53", "allocation to an eligible candidate (art. 55)"));
      return move(f, "SHORTLIST", e, { decisionHash: e.decisionHash, ranking: e.ranking });
    case "CANDIDATE_PROPOSED":
      if (f.state !== "SHORTLIST") return refuse(f, e, `a candidate is proposed from the shortlist, not in state ${f.state}`);
      if (!f.ranking.includes(e.candidateId))
        return refuse(f, e, `candidate ${e.candidateId} is not on the shortlist`, cite("LAW_2023", "57", "order of priority"));
      if (f.passed.includes(e.candidateId)) return refuse(f, e, `candidate ${e.candidateId} was already proposed for this vacancy`);
      return move(f, "SOCIAL_ENQUIRY", e, { candidateId: e.candidateId, passed: [...f.passed, e.candidateId], promiseIssued: false });
    case "SOCIAL_ENQUIRY_COMPLETED":
      if (f.state !== "SOCIAL_ENQUIRY")
        return refuse(f, e, `no social enquiry under way (state ${f.state})`, cite("LAW_2023", "59", "social enquiry by a social worker"));
      if (e.socialWorkerId.trim() === "")
        return refuse(f, e, "the social enquiry is made by a social worker", cite("LAW_2023", "59", "social enquiry by a social worker"));
      return move(f, "COMMISSION_OPINION", e);
    case "COMMISSION_OPINION_GIVEN":
      if (f.state !== "COMMISSION_OPINION")
        return refuse(f, e, `the commission gives its opinion after the social enquiry (state ${f.state})`, cite("RGD_2023_10_13", "2", "commission opinion"));
      if (!e.opinion.valid)
        return refuse(
          f,
          e,
          `invalid opinion: ${e.opinion.failures.map((x) => x.reason).join("; ")}`,
          e.opinion.failures[0]?.citation ?? cite("RGD_2023_10_13", "2", "quorum and majority"),
        );
      if (!e.minutesOk) return refuse(f, e, "the minutes do not meet Esch ROI art. 7", cite("ESCH_ROI", "7", "minutes"));
      if (e.opinion.opinion === "UNFAVOURABLE") return move(f, "SHORTLIST", e, { candidateId: undefined });
      return move(f, "HOUSING_PROMISE", e);
    case "PROMISE_ISSUED":
      if (f.state !== "HOUSING_PROMISE") return refuse(f, e, `a housing promise follows a favourable opinion (state ${f.state})`);
      if (f.promiseIssued) return refuse(f, e, "the housing promise was already issued");
      return move(f, "HOUSING_PROMISE", e, { promiseIssued: true });
    case "VISIT_DONE":
      if (f.state !== "HOUSING_PROMISE" || !f.promiseIssued) return refuse(f, e, "the visit follows the housing promise");
      return move(f, "VISIT", e);
    case "LEASE_SIGNED":
      if (f.state !== "VISIT") return refuse(f, e, `the lease is signed after the visit (state ${f.state})`);
      if (!e.eligibilityAtLease.eligible)
        return refuse(
          f,
          e,
          `eligibility no longer met on ${e.eligibilityAtLease.asOf}: ${e.eligibilityAtLease.failures.map((x) => x.reason).join("; ")}`,
          cite("LAW_2023", "55", "conditions met again when becoming tenant", { paragraph: "1", alinea: "2" }),
        );
      if (e.eligibilityAtLease.asOf !== e.on)
        return refuse(
          f,
          e,
          `eligibility must be checked on the signing day ${e.on} (checked on ${e.eligibilityAtLease.asOf})`,
          cite("LAW_2023", "55", "conditions met again when becoming tenant", { paragraph: "1", alinea: "2" }),
        );
      return move(f, "LEASE_SIGNED", e, {
        offerOutcomes: [...f.offerOutcomes, { candidateId: f.candidateId!, offeredOn: offeredOn(f), decidedOn: e.on, outcome: "ACCEPTED" }],
      });
    case "OFFER_REFUSED": {
      if (!((f.state === "HOUSING_PROMISE" && f.promiseIssued) || f.state === "VISIT"))
        return refuse(
          f,
          e,
          `only an offer (housing promise or visit) can be refused (state ${f.state})`,
          cite("LAW_2023", "53", "refusals reported to the register"),
        );
      const outcome = e.justified ? "REFUSED_JUSTIFIED" : "REFUSED_UNJUSTIFIED";
      return move(f, outcome, e, { offerOutcomes: [...f.offerOutcomes, { candidateId: f.candidateId!, offeredOn: offeredOn(f), decidedOn: e.on, outcome }] });
    }
    case "NEXT_CANDIDATE":
      if (f.state !== "REFUSED_JUSTIFIED" && f.state !== "REFUSED_UNJUSTIFIED")
        return refuse(f, e, `the next candidate is sought after a refusal (state ${f.state})`);
      return move(f, "SHORTLIST", e);
  }
}

function offeredOn(f: AllocationFile): IsoDate {
  for (let i = f.history.length - 1; i >= 0; i--) if (f.history[i]!.event === "PROMISE_ISSUED") return f.history[i]!.on;
  return f.history[f.history.length - 1]?.on ?? "";
}
