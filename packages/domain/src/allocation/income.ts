/**
 * Household income — law art. 56. The income taken is the net income of the calendar year before
 * the determination date (§2), extrapolated to the year for an occupation not exercised all year,
 * or taken as the last known income extrapolated to the year after a change of employer or of
 * contract (or when the household had no income that year). Items (§3): net taxable income, alimony
 * received, net accident annuities, family allowances (excluded for annex II), overtime; alimony
 * paid is deducted; dependent children's income is ignored; children entering working life are
 * counted at 0/25/50/100 % in their years 1-4 (`income.newWorkerInclusion`).
 */
import type { Decimal } from "decimal.js";
import { Dec, parseDecimal } from "../money/decimal.js";
import { lookupBracket } from "../parameters/tables.js";
import type { IsoDate, RegimeOptions } from "../parameters/types.js";
import { ageInFullYears, type Household, type IncomeItem, type Member, yearOf } from "./household.js";
import { lawReader, type LawReader } from "./law.js";

/** Calendar constant (not a legal figure): months in a year, to extrapolate "sur l'année". */
const MONTHS_PER_YEAR = 12;

/** Occupation income is what art. 56 §2 extrapolates; the other items are taken as received. */
const OCCUPATIONAL: ReadonlySet<IncomeItem["kind"]> = new Set(["NET_TAXABLE_INCOME", "OVERTIME", "INTERNSHIP"]);

export type MemberIncomeTreatment = "COUNTED" | "DEPENDENT_CHILD_IGNORED" | "NEW_WORKER_PARTIAL";

export interface ItemResult {
  readonly kind: IncomeItem["kind"];
  readonly declared: string;
  /** Amount over the year after extrapolation, signed (alimony paid negative). */
  readonly annual: Decimal;
  readonly counted: boolean;
  readonly rule: string;
}

export interface MemberIncome {
  readonly memberId: string;
  readonly treatment: MemberIncomeTreatment;
  /** Share of the member's income counted (percent, decimal). */
  readonly inclusionPercent: Decimal;
  readonly yearOfWorkingLife?: number;
  readonly items: readonly ItemResult[];
  /** Counted annual income including family allowances. */
  readonly annual: Decimal;
  /** Counted annual income without family allowances (annex II). */
  readonly annualForAnnexII: Decimal;
}

export interface HouseholdIncome {
  readonly determinationDate: IsoDate;
  readonly referenceYear: number;
  readonly members: readonly MemberIncome[];
  /** Net household income over the year, family allowances included (art. 56 §3). */
  readonly annual: Decimal;
  /** The same without family allowances (annex II, tableau A). */
  readonly annualForAnnexII: Decimal;
  /** Monthly averages (annual / 12): « la moyenne du revenu net de l'année civile ». */
  readonly monthly: Decimal;
  readonly monthlyForAnnexII: Decimal;
  readonly adults: number;
  readonly dependentChildren: number;
}

/** Child entered working life: from that first year the child counts as an adult (art. 56 §3 al. 4). */
export function hasEnteredWorkingLife(m: Member, asOf: IsoDate): boolean {
  const start = m.child?.workingLifeStartYear;
  return start !== undefined && start <= yearOf(asOf);
}

/**
 * Dependent child (art. 56 §3 al. 5): family allowances received for the child by a member, or
 * co-insured with a member up to the age `income.dependentChildMaxAge` (exclusive: « jusqu'à
 * l'âge de 27 ans » read as until the 27th birthday), living in the home; and not yet entered
 * working life (from then on, an adult).
 */
export function isDependentChild(m: Member, asOf: IsoDate, options: RegimeOptions, law: LawReader = lawReader(options)): boolean {
  if (!m.child || m.role === "APPLICANT") return false;
  if (hasEnteredWorkingLife(m, asOf)) return false;
  if (m.child.familyAllowanceReceived) return true;
  if (m.child.coInsured) return ageInFullYears(m.birthDate, asOf) < law.integer("income.dependentChildMaxAge", asOf);
  return false;
}

/** Annex II composition: adults = members who are not dependent children. */
export function composition(
  h: Household,
  asOf: IsoDate,
  options: RegimeOptions,
  law: LawReader = lawReader(options),
): { adults: number; dependentChildren: number } {
  let children = 0;
  for (const m of h.members) if (isDependentChild(m, asOf, options, law)) children += 1;
  return { adults: h.members.length - children, dependentChildren: children };
}

function annualise(item: IncomeItem): { annual: Decimal; rule: string } {
  const amount = parseDecimal(item.amount);
  if (amount.isNegative()) throw new RangeError(`income item ${item.kind}: amounts are positive, the sign comes from the kind`);
  const sign = item.kind === "ALIMONY_PAID" ? -1 : 1;
  if (item.lastKnownMonthly) {
    return {
      annual: amount.times(MONTHS_PER_YEAR).times(sign),
      rule: "art. 56 §2: last known income extrapolated to the year (change of employer/contract, or no income in the reference year)",
    };
  }
  const months = item.months ?? MONTHS_PER_YEAR;
  if (!Number.isInteger(months) || months < 1 || months > MONTHS_PER_YEAR) throw new RangeError(`income item ${item.kind}: months must be 1-12`);
  if (months < MONTHS_PER_YEAR && OCCUPATIONAL.has(item.kind)) {
    return {
      annual: amount.times(MONTHS_PER_YEAR).dividedBy(months).times(sign),
      rule: `art. 56 §2: occupation exercised ${months} month(s), extrapolated to the year`,
    };
  }
  return { annual: amount.times(sign), rule: "art. 56 §3: amount of the reference year" };
}

/** The household income of art. 56 on `determinationDate` (reference year = the previous calendar year). */
export function householdIncome(h: Household, determinationDate: IsoDate, options: RegimeOptions, law: LawReader = lawReader(options)): HouseholdIncome {
  const referenceYear = yearOf(determinationDate) - 1;
  const zero = new Dec(0);
  const members: MemberIncome[] = [];
  let annual = zero;
  let annexII = zero;
  for (const m of h.members) {
    const dependent = isDependentChild(m, determinationDate, options, law);
    let treatment: MemberIncomeTreatment = "COUNTED";
    let percent = new Dec(100);
    let yearOfWorkingLife: number | undefined;
    if (dependent) {
      treatment = "DEPENDENT_CHILD_IGNORED";
      percent = zero;
    } else if (m.child?.workingLifeStartYear !== undefined && m.role !== "APPLICANT") {
      // Year of working life of the reference year; a child who started in the determination year is in year 1.
      yearOfWorkingLife = Math.max(1, referenceYear - m.child.workingLifeStartYear + 1);
      const scale = law.raw("income.newWorkerInclusion", determinationDate).value;
      if (typeof scale === "string" || scale.kind !== "brackets") throw new TypeError("income.newWorkerInclusion is a bracket scale");
      percent = parseDecimal(lookupBracket(scale, String(yearOfWorkingLife)).value);
      treatment = percent.equals(100) ? "COUNTED" : "NEW_WORKER_PARTIAL";
    }
    const items: ItemResult[] = [];
    let mAnnual = zero;
    let mAnnexII = zero;
    for (const item of m.incomes ?? []) {
      const { annual: a, rule } = annualise(item);
      const internshipExcluded = item.kind === "INTERNSHIP" && !item.insured;
      const counted = !dependent && !internshipExcluded;
      const share = counted ? a.times(percent).dividedBy(100) : zero;
      items.push({
        kind: item.kind,
        declared: item.amount,
        annual: a,
        counted,
        rule: internshipExcluded ? "art. 56 §3 al. 3: internship without sickness/pension insurance is not income" : rule,
      });
      mAnnual = mAnnual.plus(share);
      if (item.kind !== "FAMILY_ALLOWANCE") mAnnexII = mAnnexII.plus(share);
    }
    members.push({
      memberId: m.id,
      treatment,
      inclusionPercent: percent,
      ...(yearOfWorkingLife !== undefined ? { yearOfWorkingLife } : {}),
      items,
      annual: mAnnual,
      annualForAnnexII: mAnnexII,
    });
    annual = annual.plus(mAnnual);
    annexII = annexII.plus(mAnnexII);
  }
  const comp = composition(h, determinationDate, options, law);
  return {
    determinationDate,
    referenceYear,
    members,
    annual,
    annualForAnnexII: annexII,
    monthly: annual.dividedBy(MONTHS_PER_YEAR),
    monthlyForAnnexII: annexII.dividedBy(MONTHS_PER_YEAR),
    adults: comp.adults,
    dependentChildren: comp.dependentChildren,
  };
}
