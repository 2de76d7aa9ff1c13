/** A rehousing file (law art. 66-67) from a stored case and its offers, as the domain's `assessRehousing` reads it. */
import { type RehousingCase, type RehousingFile } from "@abordable/domain";
import { iso } from "./common.js";
import { type LeaseCore, type Member, tenantsOf } from "./facts.js";

// ───────────── rehousing (art. 67) ─────────────

type CaseRow = {
  reason: string;
  knownOn: Date;
  waivedOn: Date | null;
  waiverReason: string | null;
  offers: readonly { dwellingId: string; noticeOn: Date; outcome: string; respondedOn: Date | null; dwelling: { landlordId: string } }[];
};

/**
 * A stored case as the engine's file. A refusal recorded as REFUSED_JUSTIFIED is an offer that did
 * not fit the household (art. 67 §1 al. 2-3: typology, school and workplace): it does not count.
 */
export function rehousingFileOf(
  lease: Pick<LeaseCore, "id" | "landlordId">,
  members: readonly (Member & { hasDisability: boolean })[],
  c: CaseRow,
): RehousingFile {
  return {
    leaseId: lease.id,
    case: c.reason as RehousingCase,
    knownOn: iso(c.knownOn),
    tenants: tenantsOf(members),
    disabledMember: members.some((m) => m.hasDisability),
    ...(c.waivedOn ? { commissionWaiver: { on: iso(c.waivedOn), reasons: c.waiverReason ?? "" } } : {}),
    offers: c.offers.map((o) => ({
      dwellingId: o.dwellingId,
      notifiedOn: iso(o.noticeOn),
      stock: o.dwelling.landlordId === lease.landlordId ? ("OWN" as const) : ("OTHER_LANDLORD" as const),
      fitsHousehold: o.outcome !== "REFUSED_JUSTIFIED",
      ...(o.outcome === "ACCEPTED" && o.respondedOn ? { response: { kind: "ACCEPTED" as const, on: iso(o.respondedOn) } } : {}),
      ...(o.outcome === "REFUSED_UNJUSTIFIED" && o.respondedOn ? { response: { kind: "REFUSED" as const, on: iso(o.respondedOn) } } : {}),
    })),
  };
}
