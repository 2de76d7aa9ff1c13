/**
 * Household model — « communauté domestique » (law art. 3): the applicant and every person living in
 * the common home with a common budget who cannot prove living elsewhere. Couples per bill art. 3
 * 4°bis: married and not judicially separated, registered partners (law of 9 July 2004), or
 * cohabiting (« concubinage »). Pure data + age arithmetic on ISO dates.
 */
import { DomainError } from "../law/errors.js";
import type { IsoDate } from "../parameters/types.js";

export type MunicipalityId = string;

/** Income items of art. 56 §3 (amounts are decimal strings, for the period stated in the item). */
export type IncomeItemKind =
  /** 1° net income under art. 10 LIR, after social contributions and taxes actually withheld. */
  | "NET_TAXABLE_INCOME"
  /** 2° alimony received. */
  | "ALIMONY_RECEIVED"
  /** 3° net accident annuities. */
  | "ACCIDENT_ANNUITY"
  /** 4° family allowances (not counted for annex II). */
  | "FAMILY_ALLOWANCE"
  /** 5° gross pay for overtime (art. 115 no. 11 LIR). */
  | "OVERTIME"
  /** Alimony paid: deducted (art. 56 §3 al. 2). */
  | "ALIMONY_PAID"
  /** Internship pay: income only if the intern was insured for sickness and pension (art. 56 §3 al. 3). */
  | "INTERNSHIP";

export interface IncomeItem {
  readonly kind: IncomeItemKind;
  /** Amount received (or paid) over `months` months of the reference year; decimal string. */
  readonly amount: string;
  /**
   * Months of the reference calendar year the amount covers (1-12; default 12). An occupation not
   * exercised all year is extrapolated to the year (art. 56 §2 al. 1, second sentence).
   */
  readonly months?: number;
  /**
   * Change of employer or of the employment contract affecting income, or no household income in the
   * reference year: the last known MONTHLY income at the determination date, extrapolated to the year
   * (art. 56 §2 al. 1, third and fourth sentences). When set, `amount` is that monthly amount.
   */
  readonly lastKnownMonthly?: boolean;
  /** INTERNSHIP only: affiliated to sickness and pension insurance during the internship. */
  readonly insured?: boolean;
}

/** A real right on another dwelling (art. 55 §1 2°). */
export interface RealRight {
  readonly kind: "OWNERSHIP" | "USUFRUCT" | "EMPHYTEUSIS" | "RIGHT_OF_ABODE";
  /** Undivided share as a fraction; absent = the whole right. */
  readonly share?: { readonly numerator: number; readonly denominator: number };
  readonly location: "LUXEMBOURG" | "ABROAD";
  /** Bedrooms of that dwelling (used by the seniors' derogation, art. 54 §2). */
  readonly bedrooms?: number;
  /** The dwelling is (to be) placed under social rental management (art. 54 §2 al. 1). */
  readonly underSocialRentalManagement?: boolean;
}

/** Residence condition (art. 55 §1 4°; bill art. 32). */
export interface ResidenceStatus {
  readonly luxembourgNationality?: boolean;
  /**
   * Right of residence under the law of 29 August 2008, with the length of stay it covers in months
   * (`null` = unlimited, e.g. permanent residence). It must cover « plus de trois mois ».
   */
  readonly residenceRight?: { readonly coversMonths: number | null; readonly validUntil?: IsoDate | null };
  /** Beneficiary of international protection in Luxembourg (kept for compatibility: `protection: "BENEFICIARY"`). */
  readonly internationalProtection?: boolean;
  /**
   * International protection, per member (law of 18 December 2015): APPLICANT — has applied
   * (« demandeur de protection internationale »), holds no residence right from it; BENEFICIARY —
   * refugee or subsidiary protection granted (« bénéficiaire », bill art. 32 → art. 55 §1 4° c).
   */
  readonly protection?: "APPLICANT" | "BENEFICIARY";
  readonly diplomaticOrLegitimationCard?: boolean;
}

export interface Member {
  readonly id: string;
  readonly birthDate: IsoDate;
  readonly role: "APPLICANT" | "MEMBER";
  /**
   * Dependent child (« enfant à charge », art. 56 §3 al. 5): a member receives family allowances for
   * them, or they are co-insured with a member (up to the age of `income.dependentChildMaxAge`), and
   * they live and are declared in the home.
   */
  readonly child?: {
    readonly familyAllowanceReceived?: boolean;
    readonly coInsured?: boolean;
    /** Calendar year the child entered working life (art. 56 §3 al. 4). */
    readonly workingLifeStartYear?: number;
  };
  readonly disability?: { readonly needsAdaptedDwelling: boolean };
  readonly workplaceMunicipality?: MunicipalityId;
  readonly incomes?: readonly IncomeItem[];
  readonly realRights?: readonly RealRight[];
  readonly residence?: ResidenceStatus;
  /** Dedicated-dwelling sub-category facts (art. 12 §3). */
  readonly status?: {
    /** Full-time enrolled for a bachelor or master (bill: University of Luxembourg or accredited institution). */
    readonly student?: boolean;
    readonly employeeOfDeveloperOrPrincipal?: boolean;
    readonly cooperativeMember?: boolean;
    readonly closeSocialSupport?: boolean;
    readonly internationalProtection?: "APPLICANT" | "REFUGEE" | "SUBSIDIARY_PROTECTION";
    readonly extremeDistress?: boolean;
  };
}

/** A couple (bill art. 3 4°bis). */
export interface CoupleLink {
  readonly a: string;
  readonly b: string;
  readonly kind: "MARRIED" | "REGISTERED_PARTNERS" | "COHABITING";
  /** Married couples judicially separated (« séparés de corps ») are not a couple. */
  readonly judiciallySeparated?: boolean;
}

export interface Household {
  readonly members: readonly Member[];
  readonly couples?: readonly CoupleLink[];
  readonly currentHomeMunicipality?: MunicipalityId;
}

export class HouseholdError extends DomainError {
  constructor(detail: string) {
    super("INVALID_INPUT", detail, { field: "household" });
    this.name = "HouseholdError";
  }
}

/** Whole years of age on `date`: the kernel's ageOn (29 February: note `leap-day-anniversary`). */
export { ageOn as ageInFullYears, firstJanuaryOf, yearOf } from "../law/calendar.js";

/** Validates the household: exactly one applicant, unique ids, couples between distinct members, a member in at most one couple. Allocation-free. */
export function validateHousehold(h: Household): void {
  const ms = h.members;
  let applicants = 0;
  for (let i = 0; i < ms.length; i++) {
    if (ms[i]!.role === "APPLICANT") applicants += 1;
    for (let j = 0; j < i; j++) if (ms[j]!.id === ms[i]!.id) throw new HouseholdError(`member id ${ms[i]!.id} appears twice`);
  }
  if (applicants !== 1) throw new HouseholdError(`a household has exactly one applicant (found ${applicants})`);
  const cs = h.couples;
  if (!cs) return;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c.a === c.b || !hasMember(h, c.a) || !hasMember(h, c.b)) throw new HouseholdError(`couple ${c.a}–${c.b} must link two distinct members`);
    for (let j = 0; j < i; j++) {
      const d = cs[j]!;
      for (const id of [c.a, c.b]) if (d.a === id || d.b === id) throw new HouseholdError(`member ${id} is in more than one couple`);
    }
  }
}

function hasMember(h: Household, id: string): boolean {
  for (const m of h.members) if (m.id === id) return true;
  return false;
}

/** Number of couples in the sense of bill art. 3 4°bis (judicially separated spouses excluded). Allocation-free. */
export function countCouples(h: Household): number {
  let n = 0;
  for (const c of h.couples ?? NO_COUPLES) if (!(c.kind === "MARRIED" && c.judiciallySeparated)) n += 1;
  return n;
}

/** Whether `id` is one of a couple (bill art. 3 4°bis). */
export function inCouple(h: Household, id: string): boolean {
  for (const c of h.couples ?? NO_COUPLES) if ((c.a === id || c.b === id) && !(c.kind === "MARRIED" && c.judiciallySeparated)) return true;
  return false;
}

/** Couples in the sense of bill art. 3 4°bis (judicially separated spouses excluded). */
export function effectiveCouples(h: Household): readonly CoupleLink[] {
  const cs = h.couples;
  if (!cs || cs.length === 0) return NO_COUPLES;
  return cs.some((c) => c.kind === "MARRIED" && c.judiciallySeparated) ? cs.filter((c) => !(c.kind === "MARRIED" && c.judiciallySeparated)) : cs;
}
const NO_COUPLES: readonly CoupleLink[] = [];

export function applicantOf(h: Household): Member {
  const a = h.members.find((m) => m.role === "APPLICANT");
  if (!a) throw new HouseholdError("household without applicant");
  return a;
}

/**
 * Counting "members or couples": every couple counts once, every other member once (bill art. 39
 * on art. 66, bill art. 31 on art. 54 §2). With basis MEMBERS, every member counts once.
 */
export function countUnits(h: Household, basis: string): number {
  if (basis === "MEMBERS") return h.members.length;
  return h.members.length - countCouples(h);
}
