/**
 * Ends of the affordable lease — law art. 69-70 as amended by bill 8535 art. 42.
 * Law art. 69 (bill §1): eligibility lost — 12 months after the tenant's notice, 6 months after the
 *   landlord's finding; unpaid rent or charges — law 6 months, bill 15 days after formal notice.
 * Law art. 69 al. 4-5 (bill §2): young people — 32nd birthday; employees — 3 months after the job ends
 *   (employer needs it for another employee, no economic dismissal); bill: close support, students,
 *   cooperative members — 3 months after the event; reserve — with effect within 3 months of first
 *   occupation.
 * Bill §3: 14 serious and legitimate grounds — 15 days after notice to the tenant.
 * Art. 70: death of the tenant.
 * In every case the tenant loses any occupancy title (« déchu de tout titre d'occupation ») at the end date.
 */
import type { ResolvedParameter } from "../parameters/store.js";
import { citeVersion, type ParameterVersionUsed } from "../parameters/trace.js";
import type { IsoDate, LegalReference, RegimeOptions } from "../parameters/types.js";
import { addDays, addDuration, addMonths, billInForce, billRef, birthday, lawRef, resolveIfInForce, resolveRequired, wholeValue } from "./common.js";
import type { TenancyDwellingCategory } from "./lease.js";

/** Bill art. 42 4° (art. 69 §3): the fourteen serious and legitimate grounds, by point. */
export const SERIOUS_GROUNDS = {
  SUBLETTING: { point: "1°", french: "la sous-location et cession partielle ou totale à un tiers" },
  NO_MAIN_OCCUPATION: {
    point: "2°",
    french: "le défaut d'occupation principale, personnelle, effective et permanente du logement par le locataire, sauf en cas d'absence légitimement motivée",
  },
  UNREPORTED_HOUSEHOLD_CHANGE: {
    point: "3°",
    french: "l'omission de porter à la connaissance du bailleur social tout changement dans la composition de la communauté domestique du locataire",
  },
  NO_INSURANCE: { point: "4°", french: "le refus du locataire d'assurer à ses frais le logement auprès d'une compagnie d'assurances" },
  INTERNAL_RULES_REFUSED: { point: "5°", french: "le refus du locataire de respecter les dispositions du règlement d'ordre intérieur" },
  DAMAGE: { point: "6°", french: "les dégradations dûment constatées du logement ou des parties communes de l'immeuble" },
  NEIGHBOURHOOD_DISTURBANCE: { point: "7°", french: "le trouble de voisinage" },
  BUSINESS_ACTIVITY: { point: "8°", french: "l'exercice d'une activité commerciale, libérale ou artisanale à l'intérieur du logement" },
  BAD_FAITH_DECLARATION: {
    point: "9°",
    french:
      "toute déclaration inexacte ou incomplète, faite de mauvaise foi au bailleur social pouvant avoir une influence sur la mise à disposition du logement ou le montant du loyer abordable",
  },
  NO_MOVE_IN: {
    point: "10°",
    french: "l'absence d'emménagement du locataire dans le logement dans un délai de trente jours à compter de la date convenue pour l'entrée dans les lieux",
  },
  NON_CONFORMING_USE: { point: "11°", french: "le fait de faire du logement un usage non conforme au contrat de bail" },
  UNREPORTED_INCOME_INCREASE: { point: "12°", french: "l'absence de déclaration de l'augmentation du revenu mensuel de la communauté domestique du locataire" },
  NEW_LEASE_REFUSED: { point: "13°", french: "le refus du locataire de signer le nouveau contrat de bail conformément aux dispositions de la présente loi" },
  UNPAID_RENTS: { point: "14°", french: "le défaut de paiement d'au moins deux loyers, consécutif ou non, ou de charges" },
} as const;
export type SeriousGround = keyof typeof SERIOUS_GROUNDS;
export const SERIOUS_GROUND_IDS = Object.keys(SERIOUS_GROUNDS) as SeriousGround[];
export const seriousGroundReference = (g: SeriousGround): LegalReference =>
  billRef("42", { point: "4°", amends: { article: "69", paragraph: "3", point: SERIOUS_GROUNDS[g].point } });

export type EndFacts =
  | { readonly ground: "ELIGIBILITY_LOST_TENANT_NOTICE"; readonly notifiedOn: IsoDate }
  | { readonly ground: "ELIGIBILITY_LOST_LANDLORD_FINDING"; readonly findingNotifiedOn: IsoDate }
  | { readonly ground: "UNPAID_RENT"; readonly formalNoticeOn: IsoDate }
  | { readonly ground: "YOUNG_TENANT_AGE"; readonly category: TenancyDwellingCategory; readonly tenantBirthDate: IsoDate }
  | {
      readonly ground: "EMPLOYEE_JOB_END";
      readonly category: TenancyDwellingCategory;
      readonly jobEndedOn: IsoDate;
      readonly employerNeedsDwelling: boolean;
      readonly economicDismissal: boolean;
    }
  | { readonly ground: "CLOSE_SUPPORT_END"; readonly category: TenancyDwellingCategory; readonly supportEndedOn: IsoDate }
  | { readonly ground: "STUDENT_ENROLMENT_END"; readonly category: TenancyDwellingCategory; readonly enrolmentEndedOn: IsoDate }
  | { readonly ground: "COOPERATIVE_SHARES_TRANSFERRED"; readonly category: TenancyDwellingCategory; readonly sharesTransferredOn: IsoDate }
  | { readonly ground: "RESERVE_FIRST_OCCUPATION"; readonly category: TenancyDwellingCategory; readonly firstOccupiedOn: IsoDate }
  | {
      readonly ground: "SERIOUS_GROUNDS";
      readonly notifiedOn: IsoDate;
      readonly grounds: readonly { readonly ground: SeriousGround; readonly evidence: readonly string[] }[];
      /** For 10°: the agreed entry date and the move-in date (if any). */
      readonly agreedEntryOn?: IsoDate;
      readonly movedInOn?: IsoDate;
      /** For 14°: rents unpaid (consecutive or not) and whether charges are unpaid. */
      readonly unpaidRents?: number;
      readonly unpaidCharges?: boolean;
    }
  | {
      readonly ground: "DEATH";
      readonly diedOn: IsoDate;
      readonly category: TenancyDwellingCategory;
      /** Successors (ayants droit): eligible (art. 55 §3), household member and living with the deceased at death. */
      readonly successors: readonly {
        readonly personId: string;
        readonly eligible: boolean;
        readonly householdMember: boolean;
        readonly livedWithTenant: boolean;
      }[];
    };
export type EndGround = EndFacts["ground"];

export interface LeaseEnd {
  readonly ground: EndGround;
  readonly available: boolean;
  readonly reasonUnavailable?: string;
  /** True: the lease ends of right at `endsOn`; false: the landlord may end it with effect at the earliest on `endsOn`. */
  readonly ofRight: boolean;
  /** The (earliest) date of effect; the occupancy title is lost then. Null if unavailable or the lease passes on. */
  readonly endsOn: IsoDate | null;
  /** For the reserve window: the last date of effect. */
  readonly latestEndOn?: IsoDate | null;
  readonly occupancyTitleLostOn: IsoDate | null;
  /** Art. 70 al. 1: the lease passes to these successors. */
  readonly passesTo?: readonly string[];
  /** Serious grounds retained (with evidence) and refused. */
  readonly groundsRetained?: readonly SeriousGround[];
  readonly groundsRejected?: readonly { readonly ground: SeriousGround; readonly reason: string }[];
  readonly reference: LegalReference;
  readonly parameters: readonly ParameterVersionUsed[];
  readonly interpretationNotes: readonly string[];
}

const NOTES = ["end-landlord-option", "tenancy-month-arithmetic", "tenancy-parameter-date"];

function unavailable(ground: EndGround, reference: LegalReference, reason: string, notes: string[] = []): LeaseEnd {
  return {
    ground,
    available: false,
    reasonUnavailable: reason,
    ofRight: false,
    endsOn: null,
    occupancyTitleLostOn: null,
    reference,
    parameters: [],
    interpretationNotes: [...NOTES, ...notes],
  };
}
function ends(
  ground: EndGround,
  ofRight: boolean,
  endsOn: IsoDate,
  p: ResolvedParameter[],
  reference: LegalReference,
  extra: Partial<LeaseEnd> = {},
  notes: string[] = [],
): LeaseEnd {
  return {
    ground,
    available: true,
    ofRight,
    endsOn,
    occupancyTitleLostOn: endsOn,
    reference,
    parameters: p.map((x) => citeVersion(x.version)),
    interpretationNotes: [...NOTES, ...notes],
    ...extra,
  };
}

/** A dedicated-dwelling ground (art. 69 §2): checks the category and that the bill provision is in force. */
function dedicated(
  ground: EndGround,
  category: TenancyDwellingCategory,
  expected: TenancyDwellingCategory,
  id: string,
  on: IsoDate,
  options: RegimeOptions,
  reference: LegalReference,
  compute: (p: ResolvedParameter) => LeaseEnd,
): LeaseEnd {
  if (category !== expected) return unavailable(ground, reference, `the dwelling is ${category}, not ${expected}`);
  const p = resolveIfInForce(id, on, options);
  if (!p) return unavailable(ground, reference, `no such ground on ${on} under ${options.regime} (introduced by bill 8535)`, ["bill-only-provisions"]);
  return compute(p);
}

/** Art. 69-70: the end date a ground gives, on the facts. `asOf` is the calculation date (used for the 32nd birthday's figure). */
export function leaseEnd(facts: EndFacts, asOf: IsoDate, options: RegimeOptions): LeaseEnd {
  const art69_2 = (alinea: string) => billRef("42", { point: "3°", amends: { article: "69", paragraph: "2", alinea } });
  switch (facts.ground) {
    case "ELIGIBILITY_LOST_TENANT_NOTICE": {
      const p = resolveRequired("tenancy.termination.eligibilityLossAfterTenantNoticeMonths", facts.notifiedOn, options);
      return ends(facts.ground, true, addMonths(facts.notifiedOn, wholeValue(p)), [p], p.version.reference);
    }
    case "ELIGIBILITY_LOST_LANDLORD_FINDING": {
      const p = resolveRequired("tenancy.termination.eligibilityLossAfterLandlordFindingMonths", facts.findingNotifiedOn, options);
      return ends(facts.ground, true, addMonths(facts.findingNotifiedOn, wholeValue(p)), [p], p.version.reference);
    }
    case "UNPAID_RENT": {
      const p = resolveRequired("tenancy.termination.unpaidRentAfterFormalNotice", facts.formalNoticeOn, options);
      return ends(facts.ground, false, addDuration(facts.formalNoticeOn, p), [p], p.version.reference);
    }
    case "YOUNG_TENANT_AGE": {
      // Bill art. 42 3°: law art. 69 al. 4 becomes §2 al. 1 from the bill's entry into force.
      const ref = billInForce(asOf, options) ? art69_2("1") : lawRef("69", { alinea: "4" });
      if (facts.category !== "YOUNG") return unavailable(facts.ground, ref, `the dwelling is ${facts.category}, not YOUNG`);
      const p = resolveRequired("tenancy.termination.youngTenantAge", asOf, options);
      return ends(facts.ground, false, birthday(facts.tenantBirthDate, wholeValue(p)), [p], p.version.reference);
    }
    case "EMPLOYEE_JOB_END": {
      const ref = billInForce(facts.jobEndedOn, options) ? art69_2("2") : lawRef("69", { alinea: "5" });
      if (facts.category !== "EMPLOYEES") return unavailable(facts.ground, ref, `the dwelling is ${facts.category}, not EMPLOYEES`);
      if (!facts.employerNeedsDwelling) return unavailable(facts.ground, ref, "the employer does not need the dwelling for another employee");
      if (facts.economicDismissal) return unavailable(facts.ground, ref, "the employee was dismissed for economic reasons");
      const p = resolveRequired("tenancy.termination.employeeAfterJobEndMonths", facts.jobEndedOn, options);
      return ends(facts.ground, false, addMonths(facts.jobEndedOn, wholeValue(p)), [p], p.version.reference);
    }
    case "CLOSE_SUPPORT_END":
      return dedicated(
        facts.ground,
        facts.category,
        "CLOSE_SUPPORT",
        "tenancy.termination.closeSupportEndMonths",
        facts.supportEndedOn,
        options,
        art69_2("3"),
        (p) => ends(facts.ground, false, addMonths(facts.supportEndedOn, wholeValue(p)), [p], p.version.reference),
      );
    case "STUDENT_ENROLMENT_END":
      return dedicated(
        facts.ground,
        facts.category,
        "STUDENTS",
        "tenancy.termination.studentEnrolmentEndMonths",
        facts.enrolmentEndedOn,
        options,
        art69_2("4"),
        (p) => ends(facts.ground, false, addMonths(facts.enrolmentEndedOn, wholeValue(p)), [p], p.version.reference),
      );
    case "COOPERATIVE_SHARES_TRANSFERRED":
      return dedicated(
        facts.ground,
        facts.category,
        "COOPERATIVE_MEMBERS",
        "tenancy.termination.cooperativeShareTransferMonths",
        facts.sharesTransferredOn,
        options,
        art69_2("5"),
        (p) => ends(facts.ground, false, addMonths(facts.sharesTransferredOn, wholeValue(p)), [p], p.version.reference),
      );
    case "RESERVE_FIRST_OCCUPATION":
      return dedicated(
        facts.ground,
        facts.category,
        "RESERVE",
        "tenancy.termination.reserveFirstOccupationMonths",
        facts.firstOccupiedOn,
        options,
        art69_2("6"),
        (p) => {
          const latest = addMonths(facts.firstOccupiedOn, wholeValue(p));
          return ends(facts.ground, false, facts.firstOccupiedOn, [p], p.version.reference, { latestEndOn: latest }, ["end-reserve-window"]);
        },
      );
    case "SERIOUS_GROUNDS":
      return seriousGroundsTermination(facts, options);
    case "DEATH":
      return deathOfTenant(facts, options);
  }
}

/** Bill art. 69 §3: termination 15 days after notice on one or more of the 14 grounds, each with evidence (note `end-serious-grounds-evidence`). */
export function seriousGroundsTermination(facts: Extract<EndFacts, { ground: "SERIOUS_GROUNDS" }>, options: RegimeOptions): LeaseEnd {
  const ref = billRef("42", { point: "4°", amends: { article: "69", paragraph: "3" } });
  const notice = resolveIfInForce("tenancy.termination.seriousGroundsNoticeDays", facts.notifiedOn, options);
  if (!notice)
    return unavailable(facts.ground, ref, `no serious-grounds termination on ${facts.notifiedOn} under ${options.regime} (introduced by bill 8535)`, [
      "bill-only-provisions",
      "end-serious-grounds-evidence",
    ]);
  const params: ResolvedParameter[] = [notice];
  const retained: SeriousGround[] = [];
  const rejected: { ground: SeriousGround; reason: string }[] = [];
  for (const g of facts.grounds) {
    if (!(g.ground in SERIOUS_GROUNDS)) throw new RangeError(`unknown serious ground ${String(g.ground)}`);
    if (g.evidence.filter((e) => e.trim() !== "").length === 0) {
      rejected.push({ ground: g.ground, reason: "no evidence" });
      continue;
    }
    if (g.ground === "NO_MOVE_IN" && facts.agreedEntryOn !== undefined) {
      const d = resolveRequired("tenancy.termination.seriousGrounds.moveInDays", facts.notifiedOn, options);
      params.push(d);
      const limit = addDays(facts.agreedEntryOn, wholeValue(d));
      if (facts.movedInOn !== undefined && facts.movedInOn <= limit) {
        rejected.push({ ground: g.ground, reason: `moved in on ${facts.movedInOn}, within ${wholeValue(d)} days of ${facts.agreedEntryOn}` });
        continue;
      }
      if (facts.notifiedOn <= limit) {
        rejected.push({ ground: g.ground, reason: `the ${wholeValue(d)}-day period from ${facts.agreedEntryOn} runs until ${limit}` });
        continue;
      }
    }
    if (g.ground === "UNPAID_RENTS" && (facts.unpaidRents !== undefined || facts.unpaidCharges !== undefined)) {
      const n = resolveRequired("tenancy.termination.seriousGrounds.unpaidRents", facts.notifiedOn, options);
      params.push(n);
      if ((facts.unpaidRents ?? 0) < wholeValue(n) && !facts.unpaidCharges) {
        rejected.push({ ground: g.ground, reason: `${facts.unpaidRents ?? 0} unpaid rent(s) and no unpaid charges: at least ${wholeValue(n)} rents needed` });
        continue;
      }
    }
    retained.push(g.ground);
  }
  const base = { groundsRetained: retained, groundsRejected: rejected };
  if (retained.length === 0) return { ...unavailable(facts.ground, ref, "no serious ground supported by evidence", ["end-serious-grounds-evidence"]), ...base };
  return ends(facts.ground, false, addDays(facts.notifiedOn, wholeValue(notice)), params, ref, base, ["end-serious-grounds-evidence"]);
}

/** Art. 70: death of the tenant (note `end-death-successors`). */
export function deathOfTenant(facts: Extract<EndFacts, { ground: "DEATH" }>, options: RegimeOptions): LeaseEnd {
  if (facts.category === "EMPLOYEES") {
    const p = resolveRequired("tenancy.death.employeeDwellingLeaseEndMonths", facts.diedOn, options);
    return ends(facts.ground, true, addMonths(facts.diedOn, wholeValue(p)), [p], p.version.reference, {}, ["end-death-successors"]);
  }
  const heirs = facts.successors.filter((s) => s.eligible && s.householdMember && s.livedWithTenant).map((s) => s.personId);
  if (heirs.length > 0)
    return {
      ground: facts.ground,
      available: true,
      ofRight: true,
      endsOn: null,
      occupancyTitleLostOn: null,
      passesTo: heirs,
      reference: lawRef("70", { alinea: "1" }),
      parameters: [],
      interpretationNotes: ["end-death-successors"],
    };
  const p = resolveRequired("tenancy.death.leaseEndMonths", facts.diedOn, options);
  return ends(facts.ground, true, addMonths(facts.diedOn, wholeValue(p)), [p], p.version.reference, {}, ["end-death-successors"]);
}
