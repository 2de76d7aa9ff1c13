/**
 * Eligibility — law art. 55 (bill art. 32 for 4°). Every condition is evaluated for the applicant
 * and every member, and EVERY failure is reported with its reason (not the first one only):
 *   1° the applicant is of age on the application day;
 *   2° no member owns, or holds a usufruct, emphyteusis or right of abode on, another dwelling in
 *      Luxembourg or abroad — beyond an undivided third;
 *   3° the household income (art. 56, family allowances excluded) is at most the annex II ceiling
 *      for its composition, indexed from cote 100 to the cote in force (annual reading by default,
 *      switch `eligibility.incomeCeiling.readingPeriod`);
 *   4° every member holds a residence right of more than three months (bill: or Luxembourg
 *      nationality, international protection, a diplomatic or legitimation card).
 * §1 al. 2: the conditions are met again when the candidate becomes tenant (call with the lease date).
 * §3: a tenant must keep 2° and 4° only (purpose TENANT).
 * Art. 54 §2: for a seniors' dedicated dwelling, a 60+ owner of a dwelling with a spare bedroom may
 * be allocated if that dwelling goes under social rental management (derogation to 2°).
 */
import type { Decimal } from "decimal.js";
import { indexAmount, type IndexOptions } from "../parameters/indices/resolve.js";
import type { IndexPointUsed } from "../parameters/indices/types.js";
import { lookupHousehold } from "../parameters/tables.js";
import type { ComputationTrace } from "../parameters/trace.js";
import { LAW_IN_FORCE_FROM } from "../law/regime.js";
import { regimeOptionsOf, type IsoDate, type RegimeOptions } from "../parameters/types.js";
import { ageInFullYears, countUnits, type Household, type Member, type RealRight, validateHousehold } from "./household.js";
import { householdIncome, type HouseholdIncome } from "./income.js";
import { cite, type Citation, lawReader, type LawReader } from "./law.js";
import { allocationReadings, type AllocationReadingOptions, type AllocationReadings } from "./readings.js";

export type EligibilityCondition = "ADULT" | "NO_OTHER_DWELLING" | "INCOME_CEILING" | "RESIDENCE";

export interface EligibilityFailure {
  readonly condition: EligibilityCondition;
  readonly memberId?: string;
  readonly reason: string;
  readonly citation: Citation;
}

export interface EligibilityOptions extends RegimeOptions, AllocationReadingOptions {
  /** Application date (CANDIDATE) or the day the candidate becomes tenant (art. 55 §1 al. 2). */
  readonly asOf: IsoDate;
  /**
   * Day the application was lodged (« au jour de l'introduction de la demande »): conditions 1°
   * (age of majority) and 4° (residence, bill art. 32) are judged on it when given; 2° and 3° on
   * `asOf`. Not given (e.g. at the lease, art. 55 §1 al. 2: « également à remplir au moment où le
   * candidat-locataire devient locataire »): every condition on `asOf`.
   */
  readonly applicationDate?: IsoDate;
  /** CANDIDATE: art. 55 §1 (all four); TENANT: art. 55 §3 (2° and 4° only). Default CANDIDATE. */
  readonly purpose?: "CANDIDATE" | "TENANT";
  /** Allocation of a seniors' dedicated dwelling: enables the art. 54 §2 derogation to 2°. */
  readonly seniorsDedicatedDwelling?: boolean;
  readonly indexOptions?: IndexOptions;
}

export interface IncomeCeilingCheck {
  readonly adults: number;
  readonly dependentChildren: number;
  readonly readingPeriod: "ANNUAL" | "MONTHLY";
  /** Ceiling at cote 100 and in force on asOf (unrounded). */
  readonly ceilingAtCote100: Decimal;
  readonly ceiling: Decimal;
  readonly cote: IndexPointUsed | null;
  /** Income compared (annual or monthly per reading), family allowances excluded. */
  readonly income: Decimal;
}

export interface EligibilityResult {
  readonly eligible: boolean;
  readonly asOf: IsoDate;
  readonly purpose: "CANDIDATE" | "TENANT";
  readonly checked: readonly EligibilityCondition[];
  readonly failures: readonly EligibilityFailure[];
  readonly income?: HouseholdIncome;
  readonly ceiling?: IncomeCeilingCheck;
  /** Day conditions 1° and 4° were judged on (the application day when given, else asOf). */
  readonly applicationConditionsOn: IsoDate;
  /** The operator readings applied (readings.ts). */
  readonly readings: AllocationReadings;
  readonly trace: ComputationTrace;
}

const ART55 = (point: string, label: string) => cite("LAW_2023", "55", label, { paragraph: "1", point });

/** Annex II ceiling for a composition, indexed to the cote in force on `asOf` (art. 55 §1 3°, annexe II). */
export function incomeCeiling(adults: number, dependentChildren: number, asOf: IsoDate, law: LawReader, indexOptions?: IndexOptions) {
  const { value, version } = law.raw("eligibility.incomeCeiling", asOf);
  if (typeof value === "string" || value.kind !== "householdTable") throw new TypeError("eligibility.incomeCeiling is a household table");
  const atBase = lookupHousehold(value, adults, dependentChildren)["ceiling"]!;
  const indexed = indexAmount(atBase.toFixed(), version.indexBasis, asOf, indexOptions);
  const readingPeriod = law.code("eligibility.incomeCeiling.readingPeriod", asOf) as "ANNUAL" | "MONTHLY";
  return { ceilingAtCote100: atBase, ceiling: indexed.value, cote: indexed.index, readingPeriod };
}

function rightExceedsThird(r: RealRight, denominator: number): boolean {
  if (!r.share) return true;
  const { numerator, denominator: den } = r.share;
  if (!Number.isInteger(numerator) || !Number.isInteger(den) || numerator < 0 || den <= 0 || numerator > den)
    throw new RangeError(`invalid undivided share ${numerator}/${den}`);
  // « de plus d'un tiers indivis »: numerator / den > 1 / denominator, compared in integers.
  return numerator * denominator > den;
}

const RIGHT_LABEL: Record<RealRight["kind"], string> = {
  OWNERSHIP: "owner (propriétaire)",
  USUFRUCT: "usufructuary (usufruitier)",
  EMPHYTEUSIS: "emphyteutic lessee (emphytéote)",
  RIGHT_OF_ABODE: "holder of a right of abode (droit d'habitation)",
};

function seniorDerogation(h: Household, m: Member, r: RealRight, asOf: IsoDate, law: LawReader, opts: EligibilityOptions): boolean {
  if (!opts.seniorsDedicatedDwelling || r.kind !== "OWNERSHIP" || !r.underSocialRentalManagement || r.bedrooms === undefined) return false;
  if (ageInFullYears(m.birthDate, asOf) < law.integer("dedicated.senior.minAge", asOf)) return false;
  // « logement non adapté » = one bedroom more than members (bill: members or couples), art. 54 §2 al. 2;
  // same figure as art. 66 (`allocation.underOccupancy.extraBedrooms`).
  const units = countUnits(h, law.code("dedicated.bedroomCountingBasis", asOf));
  return r.bedrooms >= units + law.integer("allocation.underOccupancy.extraBedrooms", asOf);
}

function residenceOk(m: Member, asOf: IsoDate, law: LawReader, readings: AllocationReadings): { ok: boolean; reason: string } {
  const r = m.residence ?? {};
  const protection = r.protection ?? (r.internationalProtection ? "BENEFICIARY" : undefined);
  const statuses = law.code("eligibility.residence.admissibleStatuses", asOf);
  const minMonths = law.integer("eligibility.residenceRightMinMonths", asOf);
  const right = r.residenceRight;
  const rightOk =
    right !== undefined && (right.coversMonths === null || right.coversMonths > minMonths) && (right.validUntil == null || right.validUntil >= asOf);
  if (rightOk) return { ok: true, reason: "residence right of more than three months" };
  // Nationals: reading `nationals-under-law` (their right of residence is not under the 2008 law, which covers foreigners).
  if (r.luxembourgNationality) return { ok: true, reason: "Luxembourg nationality" };
  if (statuses === "NATIONALITY_RESIDENCE_PROTECTION_DIPLOMATIC") {
    if (protection === "BENEFICIARY") return { ok: true, reason: "beneficiary of international protection in Luxembourg (bill art. 32 c)" };
    if (r.diplomaticOrLegitimationCard) return { ok: true, reason: "diplomatic or legitimation card (bill art. 32 d)" };
  }
  // Law in force, reading INCLUSIVE: the law itself houses beneficiaries (art. 12 §3 1°, art. 68 « candidat-locataire »).
  if (statuses === "RESIDENCE_RIGHT" && protection === "BENEFICIARY" && readings.internationalProtectionReading === "INCLUSIVE")
    return { ok: true, reason: "beneficiary of international protection (reading INCLUSIVE: law art. 12 §3 1° and art. 68 house them)" };
  const what =
    right === undefined
      ? "no residence right"
      : right.validUntil != null && right.validUntil < asOf
        ? `residence right expired on ${right.validUntil}`
        : `residence right covering ${String(right.coversMonths)} month(s), not more than ${minMonths}`;
  const extra =
    protection === "APPLICANT"
      ? " (an applicant for international protection is not a beneficiary: only a residence right counts)"
      : statuses === "RESIDENCE_RIGHT" && protection === "BENEFICIARY"
        ? " (international protection counts under the law only with reading INCLUSIVE, and under bill 8535 art. 32)"
        : statuses === "RESIDENCE_RIGHT" && r.diplomaticOrLegitimationCard
          ? " (a diplomatic card counts only under bill 8535 art. 32)"
          : "";
  return { ok: false, reason: `${what}${extra}` };
}

/** Art. 55: eligibility of the applicant and every member on `opts.asOf`, with every failed condition. */
export function checkEligibility(h: Household, opts: EligibilityOptions): EligibilityResult {
  validateHousehold(h);
  const readings = allocationReadings(opts);
  const law = lawReader(regimeOptionsOf(opts));
  const asOf = opts.asOf;
  // « au jour de l'introduction de la demande » (art. 55 §1 1°; bill art. 32 for 4°): the application day when given.
  // An application lodged before the law applied is judged on the law's first day (note application-before-law).
  const lodged = opts.applicationDate && opts.applicationDate < LAW_IN_FORCE_FROM ? LAW_IN_FORCE_FROM : (opts.applicationDate ?? asOf);
  if (lodged > asOf) throw new RangeError(`applicationDate ${lodged} is after the date of the check ${asOf}`);
  const purpose = opts.purpose ?? "CANDIDATE";
  const failures: EligibilityFailure[] = [];
  const checked: EligibilityCondition[] =
    purpose === "CANDIDATE" ? ["ADULT", "NO_OTHER_DWELLING", "INCOME_CEILING", "RESIDENCE"] : ["NO_OTHER_DWELLING", "RESIDENCE"];
  const residenceCitation =
    law.code("eligibility.residence.admissibleStatuses", lodged) === "RESIDENCE_RIGHT"
      ? ART55("4°", "residence right of more than three months")
      : cite("BILL_8535", "32", "art. 55 §1 4° as amended: nationality, residence right, international protection, diplomatic card");

  // 1° of age on the application day (applicant only).
  if (purpose === "CANDIDATE") {
    const applicant = h.members.find((m) => m.role === "APPLICANT")!;
    const majority = law.integer("eligibility.majorityAge", lodged);
    const age = ageInFullYears(applicant.birthDate, lodged);
    if (age < majority)
      failures.push({
        condition: "ADULT",
        memberId: applicant.id,
        reason: `applicant aged ${age} on ${lodged}${lodged === asOf ? "" : " (the day the application was lodged)"}, under the age of majority (${majority})`,
        citation: ART55("1°", "applicant of age"),
      });
  }

  // 2° no other dwelling (every member).
  const denominator = law.integer("eligibility.ownership.undividedShareDenominator", asOf);
  for (const m of h.members) {
    for (const r of m.realRights ?? []) {
      if (!rightExceedsThird(r, denominator)) continue;
      if (seniorDerogation(h, m, r, asOf, law, opts)) continue;
      const share = r.share ? `${r.share.numerator}/${r.share.denominator} undivided` : "the whole";
      failures.push({
        condition: "NO_OTHER_DWELLING",
        memberId: m.id,
        reason: `member ${m.id} is ${RIGHT_LABEL[r.kind]} of ${share} of another dwelling (${r.location === "ABROAD" ? "abroad" : "in Luxembourg"}), more than one third undivided`,
        citation: ART55("2°", "no right on another dwelling beyond an undivided third"),
      });
    }
  }

  // 3° income ceiling (annex II).
  let income: HouseholdIncome | undefined;
  let ceiling: IncomeCeilingCheck | undefined;
  if (purpose === "CANDIDATE") {
    income = householdIncome(h, asOf, law.options, law);
    const c = incomeCeiling(income.adults, income.dependentChildren, asOf, law, opts.indexOptions);
    const compared = c.readingPeriod === "ANNUAL" ? income.annualForAnnexII : income.monthlyForAnnexII;
    ceiling = { adults: income.adults, dependentChildren: income.dependentChildren, ...c, income: compared };
    if (compared.greaterThan(c.ceiling)) {
      failures.push({
        condition: "INCOME_CEILING",
        reason: `${c.readingPeriod.toLowerCase()} household income ${compared.toFixed(2)} exceeds the annex II ceiling ${c.ceiling.toFixed(2)} for ${income.adults} adult(s) and ${income.dependentChildren} dependent child(ren) (${c.ceilingAtCote100.toFixed()} at cote 100 × ${c.cote?.value ?? "1"}/100)`,
        citation: ART55("3°", "household income at most the annex II ceiling"),
      });
    }
  }

  // 4° residence (every member).
  for (const m of h.members) {
    const r = residenceOk(m, lodged, law, readings);
    if (!r.ok)
      failures.push({
        condition: "RESIDENCE",
        memberId: m.id,
        reason: `member ${m.id}: ${r.reason}${lodged === asOf ? "" : ` on ${lodged} (the day the application was lodged)`}`,
        citation: residenceCitation,
      });
  }

  const trace: ComputationTrace = {
    ruleId: "allocation.eligibility",
    references: [
      { text: "LAW_2023", article: "55", paragraph: purpose === "CANDIDATE" ? "1" : "3" },
      { text: "LAW_2023", article: "56" },
      { text: "LAW_2023", article: "annexe II" },
    ],
    regime: opts.regime,
    asOf,
    inputs: {
      purpose,
      members: String(h.members.length),
      seniorsDedicatedDwelling: Boolean(opts.seniorsDedicatedDwelling),
      applicationConditionsOn: lodged,
      internationalProtectionReading: readings.internationalProtectionReading,
      annexIIReadingPeriod: readings.annexIIReadingPeriod,
    },
    parameters: law.log.list(),
    indices: ceiling?.cote ? [ceiling.cote] : [],
    result: {
      eligible: failures.length === 0,
      failures: failures.map((f) => ({ condition: f.condition, memberId: f.memberId ?? null, reason: f.reason })),
      ...(ceiling ? { ceiling: ceiling.ceiling.toFixed(2), comparedIncome: ceiling.income.toFixed(2), readingPeriod: ceiling.readingPeriod } : {}),
    },
    interpretationNotes: [
      "annex-ii-annual-reading",
      "household-table-composition",
      "nationals-under-law",
      "international-protection-reading",
      "application-day-conditions",
      ...(opts.applicationDate && opts.applicationDate < LAW_IN_FORCE_FROM ? ["application-before-law"] : []),
      "undivided-third-all-rights",
      "dependent-child-age-exclusive",
    ],
  };
  return {
    eligible: failures.length === 0,
    asOf,
    purpose,
    checked,
    failures,
    ...(income ? { income } : {}),
    ...(ceiling ? { ceiling } : {}),
    applicationConditionsOn: lodged,
    readings,
    trace,
  };
}
