/**
 * Public-service compensation of the social landlord (bailleur social): law art. 40-41 and RGD of
 * 24 January 2024 art. 3, as amended by bill 8535 art. 27 (art. 40 §2-3 retroactive from
 * 2023-10-01, art. 93bis; art. 40 §5 from the bill's entry into force).
 *
 * compensation = (rent paid to the developer + management flats) − (rents received from tenants +
 * rents of ancillary areas). A negative result is a surplus owed to the State. Charges never enter.
 * Rents are given as monthly rents over periods (leases, rent to the developer, ancillary areas) and
 * prorated here with the engine's one rule (`prorate`); each line shows the monthly rents, the days
 * and the days of the month it was computed from.
 */
import type { Decimal } from "decimal.js";
import { Dec, parseDecimal, type DecimalInput } from "../money/decimal.js";
import { bill, law, rgd2024 } from "../parameters/data/builders.js";
import { assertIsoDate } from "../parameters/dates.js";
import { indexedAmountOf } from "../parameters/store.js";
import type { LegalReference } from "../parameters/types.js";
import {
  assertMonthKey,
  coveredDays,
  PRORATION_RULE,
  firstDayOf,
  intersect,
  mergeRanges,
  monthRange,
  monthsBetween,
  prorate,
  toDayRange,
  type DayRange,
  type MonthKey,
  type Period,
} from "./calendar.js";
import type { TraceValue } from "../parameters/trace.js";
import { art40Par2And3AsAmended, assemble, billEntryDay, CompensationInputError, LineCollector, NO_VERSIONS, nonNegative, Resolver, ZERO } from "./rules.js";
import { compensationReadings } from "./readings.js";
import {
  indexOptionsOf,
  surplusTreatment,
  VACANCY_REASONS,
  VACANCY_REDUCTION_OFF,
  type CompensationOptions,
  type DedicatedCategory,
  type Exclusion,
  type LandlordKind,
  type LandlordStatement,
  type ObjectKind,
  type VacancyRate,
  type VacancyReason,
  type VacancyReductionRule,
} from "./types.js";

/**
 * Amounts already established for one month (e.g. from a ledger, or the ministry's yearly example
 * spread over months): taken as they are, never prorated. Stored data should rather give monthly
 * rents over periods (`leases`, `rentsPaidToDeveloper`, `ancillaryAreaRents`), which the engine
 * prorates itself.
 */
export interface MonthlyAmountsInput {
  readonly month: MonthKey;
  /** Rent the landlord paid to the developer for this dwelling/unit in the month (art. 40 §1 al. 3). */
  readonly rentPaidToDeveloper?: DecimalInput;
  /** Rents received from tenants in the month. */
  readonly tenantRents?: DecimalInput;
  /** Rents of ancillary areas (parking, cellars…) let with the dwelling. */
  readonly ancillaryRents?: DecimalInput;
  /** Charges (art. 63): listed in the statement (art. 40 §3 2°), never in the compensation. */
  readonly charges?: DecimalInput;
}

export interface VacancyInput extends Period {
  readonly reason: VacancyReason;
}

/** A monthly rent in force over a half-open period `[from, to)`. */
export interface MonthlyRentPeriodInput extends Period {
  readonly monthlyRent: DecimalInput;
  /** Cited on the line when given (e.g. the lease's id). */
  readonly id?: string;
}

/** A tenant's lease of the dwelling or unit: its monthly rent and charges over `[from, to)`. */
export interface LeaseInput extends MonthlyRentPeriodInput {
  /** Charges (art. 63): listed in the statement (art. 40 §3 2°), never in the compensation. */
  readonly monthlyCharges?: DecimalInput;
}

export interface LandlordObjectInput {
  readonly id: string;
  /** Periods during which the dwelling/unit is in the landlord's affordable rental stock (« mis en location »), half-open. */
  readonly managedPeriods: readonly Period[];
  /** Vacant periods inside the managed periods, with their art. 40 §3 reason. */
  readonly vacancies?: readonly VacancyInput[];
  /** Amounts established per month, taken as they are (not with the period inputs below). */
  readonly amounts?: readonly MonthlyAmountsInput[];
  /**
   * Rent paid to the developer (art. 40 §1 al. 3), a monthly rent over a period; prorated over the
   * days of each month that are in the period and managed (for a dwelling with units: managed for
   * the dwelling or any of its units).
   */
  readonly rentsPaidToDeveloper?: readonly MonthlyRentPeriodInput[];
  /** Tenants' leases: rents received (« loyers perçus », read as due) prorated the same way; charges listed. */
  readonly leases?: readonly LeaseInput[];
  /** Rents of ancillary areas (parking, cellars…) let with the dwelling, prorated the same way. */
  readonly ancillaryAreaRents?: readonly MonthlyRentPeriodInput[];
}

export interface LandlordDwellingInput extends LandlordObjectInput {
  readonly dedicatedTo?: DedicatedCategory | null;
  /** Bill: accommodation units let separately (management flat per unit, art. 40 §2 al. 1 as amended). */
  readonly accommodationUnits?: readonly LandlordObjectInput[];
}

export interface LandlordStatementInput {
  readonly landlord: { readonly id: string; readonly kind: LandlordKind };
  /** Signature of the landlord's compensation convention (date axis of RGD 2024 art. 3). */
  readonly conventionSignedOn: string;
  readonly year: number;
  readonly months?: { readonly from: MonthKey; readonly to: MonthKey };
  readonly dwellings: readonly LandlordDwellingInput[];
  /** Operator setting; OFF by default (not in the sources). */
  readonly vacancyReduction?: VacancyReductionRule;
  /** Law art. 40 §3 6° (deleted by the bill): socio-educational staff, informational. */
  readonly socialSupportStaffFte?: DecimalInput;
}

const REF = {
  deficit: [law("40", { paragraph: "1", alinea: "3" })],
  flatLaw: [law("40", { paragraph: "2", alinea: "1" }), rgd2024("3")],
  flatBill: [bill("27", { point: "1° a)", amends: { article: "40", paragraph: "2", alinea: "1" } }), rgd2024("3")],
  fonds: "law art. 40 §4",
  noFlatLaw: "law art. 40 §5",
  noFlatBill: "bill 8535 art. 27 3° (→ art. 40 §5)",
  vacancy: [law("40", { paragraph: "3" })],
} satisfies Record<string, string | readonly LegalReference[]>;

/** Law art. 40 §5: no management flat for dwellings dedicated to these categories. */
function noFlatUnderLaw(category: DedicatedCategory | null | undefined): boolean {
  return category === "INTERNATIONAL_PROTECTION" || category === "STUDENTS" || category === "DEVELOPER_EMPLOYEES" || category === "COOPERATIVE_MEMBERS";
}

/** Bill art. 27 3° (→ art. 40 §5): students only where the landlord is the University of Luxembourg; cooperative members. */
function noFlatUnderBill(category: DedicatedCategory | null | undefined, landlord: LandlordKind): boolean {
  return (category === "STUDENTS" && landlord === "UNIVERSITY_OF_LUXEMBOURG") || category === "COOPERATIVE_MEMBERS";
}

function intersectLists(a: readonly DayRange[], b: readonly DayRange[]): DayRange[] {
  const out: DayRange[] = [];
  for (const x of a)
    for (const y of b) {
      const i = intersect(x, y);
      if (i) out.push(i);
    }
  return mergeRanges(out);
}

interface PreparedRent {
  readonly range: DayRange;
  readonly monthlyRent: Decimal;
  readonly monthlyCharges: Decimal | null;
  readonly id: string | undefined;
}

type RentComponent = "RENT_PAID_TO_DEVELOPER" | "TENANT_RENTS" | "ANCILLARY_RENTS";

interface PreparedObject {
  readonly id: string;
  readonly kind: ObjectKind;
  readonly managed: DayRange[];
  readonly vacancies: Record<VacancyReason, DayRange[]>;
  readonly amounts: Map<MonthKey, MonthlyAmountsInput>;
  readonly rents: Record<RentComponent, PreparedRent[]>;
}

function prepareRent(obj: LandlordObjectInput, r: MonthlyRentPeriodInput & { monthlyCharges?: DecimalInput }, what: string): PreparedRent {
  const charges = r.monthlyCharges === undefined ? null : nonNegative(r.monthlyCharges, `${obj.id} ${what} monthly charges`);
  return {
    range: toDayRange(r, `${obj.id} ${what}`),
    monthlyRent: nonNegative(r.monthlyRent, `${obj.id} ${what} monthly rent`),
    monthlyCharges: charges && !charges.isZero() ? charges : null,
    id: r.id,
  };
}

function prepare(obj: LandlordObjectInput, kind: ObjectKind): PreparedObject {
  const managed = mergeRanges(obj.managedPeriods.map((p) => toDayRange(p, `${obj.id} managed period`)));
  const vacancies = { CHANGE_OF_OWNER: [], RENOVATION: [], OTHER: [] } as Record<VacancyReason, DayRange[]>;
  for (const v of obj.vacancies ?? []) {
    if (!VACANCY_REASONS.includes(v.reason)) throw new CompensationInputError(`${obj.id}: unknown vacancy reason ${String(v.reason)}`);
    vacancies[v.reason].push(toDayRange(v, `${obj.id} vacancy`));
  }
  for (const r of VACANCY_REASONS) vacancies[r] = intersectLists(mergeRanges(vacancies[r]), managed);
  const amounts = new Map<MonthKey, MonthlyAmountsInput>();
  for (const a of obj.amounts ?? []) {
    assertMonthKey(a.month, `${obj.id} amounts`);
    if (amounts.has(a.month)) throw new CompensationInputError(`${obj.id}: amounts for ${a.month} given twice`);
    amounts.set(a.month, a);
  }
  // Sorted by start, then id: a line lists its rents in an order that does not depend on the caller's (same data, same hash).
  const byStart = (a: PreparedRent, b: PreparedRent) => a.range.from - b.range.from || ((a.id ?? "") < (b.id ?? "") ? -1 : (a.id ?? "") > (b.id ?? "") ? 1 : 0);
  const rents: Record<RentComponent, PreparedRent[]> = {
    RENT_PAID_TO_DEVELOPER: (obj.rentsPaidToDeveloper ?? []).map((r) => prepareRent(obj, r, "rent paid to the developer")).sort(byStart),
    TENANT_RENTS: (obj.leases ?? []).map((r) => prepareRent(obj, r, `lease${r.id === undefined ? "" : ` ${r.id}`}`)).sort(byStart),
    ANCILLARY_RENTS: (obj.ancillaryAreaRents ?? []).map((r) => prepareRent(obj, r, "ancillary area rent")).sort(byStart),
  };
  if (amounts.size > 0 && (rents.RENT_PAID_TO_DEVELOPER.length > 0 || rents.TENANT_RENTS.length > 0 || rents.ANCILLARY_RENTS.length > 0))
    throw new CompensationInputError(`${obj.id}: rents are given either as amounts per month or as monthly rents over periods, not both`);
  return { id: obj.id, kind, managed, vacancies, amounts, rents };
}

/** Components of the deficit (art. 40 §1 al. 3) carried by rents: sign and rule ids (amounts per month / monthly rents prorated). */
const RENT_COMPONENTS: readonly {
  component: RentComponent;
  field: "rentPaidToDeveloper" | "tenantRents" | "ancillaryRents";
  negative: boolean;
  ruleId: string;
}[] = [
  { component: "RENT_PAID_TO_DEVELOPER", field: "rentPaidToDeveloper", negative: false, ruleId: "compensation.landlord.deficit.rentPaidToDeveloper" },
  { component: "TENANT_RENTS", field: "tenantRents", negative: true, ruleId: "compensation.landlord.deficit.tenantRents" },
  { component: "ANCILLARY_RENTS", field: "ancillaryRents", negative: true, ruleId: "compensation.landlord.deficit.ancillaryRents" },
];

function validateVacancyRule(rule: VacancyReductionRule): Decimal {
  const share = parseDecimal(rule.share);
  if (rule.enabled && (share.isNegative() || share.greaterThan(1) || rule.reasons.length === 0))
    throw new CompensationInputError("vacancy reduction: share must lie in [0, 1] and at least one reason be listed when enabled");
  return share;
}

const rateOf = (days: number, of: number): string => (of === 0 ? "0" : new Dec(days).dividedBy(of).toDecimalPlaces(6, Dec.ROUND_HALF_UP).toString());

/** Builds the landlord's statement (art. 40 §3) for a year (or some months of it). Pure. */
export function buildLandlordStatement(input: LandlordStatementInput, options: CompensationOptions): LandlordStatement {
  assertIsoDate(input.conventionSignedOn, "conventionSignedOn");
  const months = input.months ? monthsBetween(input.months.from, input.months.to) : monthsBetween(`${input.year}-01`, `${input.year}-12`);
  if (months.some((m) => Number(m.slice(0, 4)) !== input.year)) throw new CompensationInputError(`months are not all in ${input.year}`);
  const rule = input.vacancyReduction ?? VACANCY_REDUCTION_OFF;
  const share = validateVacancyRule(rule);
  const resolver = new Resolver(options);
  const out = new LineCollector();
  const exclusions: Exclusion[] = [];
  const chargesListed: { objectId: string; amount: string }[] = [];
  const vacancy: VacancyRate[] = [];
  const landlordKind = input.landlord.kind;
  const signed = input.conventionSignedOn;
  const statementWindow: DayRange = { from: monthRange(months[0]!).from, to: monthRange(months[months.length - 1]!).to };
  const totalVacant: Record<VacancyReason, number> = { CHANGE_OF_OWNER: 0, RENOVATION: 0, OTHER: 0 };
  let totalManaged = 0;
  const asAmended = art40Par2And3AsAmended(options);
  const readings = compensationReadings(options);

  const base = {
    schema: "abordable.compensation-statement/1" as const,
    kind: "LANDLORD" as const,
    subjectId: input.landlord.id,
    year: input.year,
    months: { from: months[0]!, to: months[months.length - 1]! },
    regime: options.regime,
    bill8535EntryIntoForce: options.bill8535EntryIntoForce ?? null,
    readings,
    proration: "ACTUAL_DAYS_OVER_DAYS_IN_MONTH" as const,
    rounding: "LINE_CENT_HALF_UP" as const,
    landlord: { id: input.landlord.id, kind: landlordKind },
    conventionSignedOn: signed,
    vacancyReduction: rule,
    socialSupportStaffFte: input.socialSupportStaffFte === undefined ? null : parseDecimal(input.socialSupportStaffFte).toString(),
  };

  // Art. 40 §4: the Fonds du Logement is excluded from the landlord's compensation.
  if (landlordKind === "FONDS_DU_LOGEMENT") {
    return {
      ...base,
      lines: [],
      subtotals: { byDwelling: [], byComponent: [] },
      total: "0.00",
      exclusions: [
        {
          objectId: input.landlord.id,
          component: "MANAGEMENT_FLAT",
          reason: "Fonds du Logement excluded from the social landlord's compensation",
          article: REF.fonds,
        },
      ],
      parameters: {},
      references: {},
      rules: {},
      outcome: "EXCLUDED",
      surplusOwedToState: "0.00",
      surplus: surplusTreatment("0.00", readings.surplusReading),
      vacancy: [],
      chargesListed: [],
    };
  }

  const flat = resolver.resolve("compensation.landlord.managementFlat", signed);
  const flatByMonth = new Map(months.map((m) => [m, indexedAmountOf(flat, firstDayOf(m), indexOptionsOf(options))]));
  const ids = new Set<string>();

  for (const dw of input.dwellings) {
    const dwelling = prepare(dw, "DWELLING");
    const units = (dw.accommodationUnits ?? []).map((u) => prepare(u, "ACCOMMODATION_UNIT"));
    for (const o of [dwelling, ...units]) {
      if (ids.has(o.id)) throw new CompensationInputError(`object ${o.id} listed twice`);
      ids.add(o.id);
    }

    // Management flat objects: bill (retroactive art. 40 §2) per unit when units are let and the
    // operator reads « par logement ou par unité d'hébergement » as PER_UNIT; otherwise one flat per
    // dwelling over the days it or any unit is managed (PER_DWELLING: RGD 2024 art. 3 « par logement »).
    const perUnit = asAmended && units.length > 0 && readings.flatUnitReading === "PER_UNIT";
    const flatObjects: PreparedObject[] = perUnit
      ? units
      : [units.length === 0 ? dwelling : { ...dwelling, managed: mergeRanges([...dwelling.managed, ...units.flatMap((u) => u.managed)]) }];

    // Art. 40 §5: which days carry no flat. Law list before the bill's entry into force, bill list after.
    const exclLaw = noFlatUnderLaw(dw.dedicatedTo);
    const exclBill = options.regime === "BILL_8535" && noFlatUnderBill(dw.dedicatedTo, landlordKind);
    let eligible: DayRange[];
    if (options.regime === "LAW" || exclLaw === exclBill) eligible = exclLaw ? [] : [{ from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY }];
    else {
      const eif = billEntryDay(options, "art. 40 §5 (bill art. 27 3°)");
      eligible = exclLaw ? [{ from: eif, to: Number.POSITIVE_INFINITY }] : [{ from: Number.NEGATIVE_INFINITY, to: eif }];
    }
    if (exclLaw || exclBill)
      exclusions.push({
        objectId: dw.id,
        component: "MANAGEMENT_FLAT",
        reason: `no management flat for dwellings dedicated to ${dw.dedicatedTo}${exclLaw && !exclBill && options.regime === "BILL_8535" ? " (law, until the bill's entry into force)" : exclBill && !exclLaw ? " (bill, from its entry into force)" : ""}`,
        article: exclLaw && exclBill ? `${REF.noFlatLaw}; ${REF.noFlatBill}` : exclLaw ? REF.noFlatLaw : REF.noFlatBill,
      });

    for (const obj of flatObjects) {
      const flatDays = intersectLists(obj.managed, eligible);
      const reductionRanges = rule.enabled ? intersectLists(mergeRanges(rule.reasons.flatMap((r) => obj.vacancies[r])), flatDays) : [];
      for (const month of months) {
        const window = monthRange(month);
        const monthDays = window.to - window.from;
        const days = coveredDays(flatDays, window);
        if (days === 0) continue;
        const amount = flatByMonth.get(month)!;
        const refs = asAmended ? REF.flatBill : REF.flatLaw;
        out.add({
          dwellingId: dw.id,
          objectId: obj.id,
          objectKind: obj.kind,
          month,
          component: "MANAGEMENT_FLAT",
          ruleId: perUnit ? "compensation.landlord.managementFlat.perAccommodationUnit" : "compensation.landlord.managementFlat.perDwelling",
          references: refs,
          inputs: { monthlyFlat: amount.value.toString(), daysManaged: String(days), daysInMonth: String(monthDays), conventionSignedOn: signed },
          versions: [flat.version],
          indices: amount.index ? [amount.index] : [],
          exact: prorate(amount.value, days, monthDays),
          interpretationNotes: ["rgd-2024-convention-date", "compensation-proration", "compensation-management-flat-days"],
        });
        if (rule.enabled) {
          const vacant = coveredDays(reductionRanges, window);
          if (vacant > 0)
            out.add({
              dwellingId: dw.id,
              objectId: obj.id,
              objectKind: obj.kind,
              month,
              component: "VACANCY_REDUCTION",
              ruleId: "compensation.landlord.vacancyReduction.operatorRule",
              references: REF.vacancy,
              inputs: {
                monthlyFlat: amount.value.toString(),
                share: share.toString(),
                reasons: rule.reasons.join(","),
                vacantDays: String(vacant),
                daysInMonth: String(monthDays),
              },
              versions: [flat.version],
              exact: prorate(amount.value.times(share), vacant, monthDays).negated(),
              interpretationNotes: ["compensation-vacancy-reduction", "compensation-proration"],
            });
        }
      }
    }

    // Rents and the listed charges, per object: monthly rents over periods prorated over the days
    // they run and the object is managed (a dwelling with units: managed for it or any unit), or
    // amounts established per month taken as they are.
    const dwellingRentDays = units.length === 0 ? dwelling.managed : mergeRanges([...dwelling.managed, ...units.flatMap((u) => u.managed)]);
    for (const obj of [dwelling, ...units]) {
      let charges = new Dec(0);
      const rentDays = obj === dwelling ? dwellingRentDays : obj.managed;
      const runs = RENT_COMPONENTS.map((c) => obj.rents[c.component].map((r) => ({ rent: r, days: intersectLists([r.range], rentDays) })));
      for (const month of months) {
        const window = monthRange(month);
        const monthDays = window.to - window.from;
        RENT_COMPONENTS.forEach((c, i) => {
          let exact: Decimal = ZERO;
          const parts: TraceValue[] = [];
          for (const { rent, days: ranges } of runs[i]!) {
            const days = coveredDays(ranges, window);
            if (days === 0) continue;
            exact = exact.plus(prorate(rent.monthlyRent, days, monthDays));
            if (rent.monthlyCharges) charges = charges.plus(prorate(rent.monthlyCharges, days, monthDays));
            const monthlyRent = rent.monthlyRent.toFixed(); // plain notation, every digit
            parts.push(rent.id === undefined ? { monthlyRent, days: String(days) } : { id: rent.id, monthlyRent, days: String(days) });
          }
          if (parts.length === 0) return;
          out.add({
            dwellingId: dw.id,
            objectId: obj.id,
            objectKind: obj.kind,
            month,
            component: c.component,
            ruleId: `${c.ruleId}.prorated`,
            references: REF.deficit,
            inputs: { rents: parts, daysInMonth: String(monthDays), proration: PRORATION_RULE },
            versions: NO_VERSIONS,
            exact: c.negative ? exact.negated() : exact,
            interpretationNotes: ["compensation-proration", "compensation-rents-due"],
          });
        });
        const a = obj.amounts.get(month);
        if (!a) continue;
        for (const c of RENT_COMPONENTS) {
          const value = a[c.field];
          if (value === undefined) continue;
          const v = parseDecimal(value);
          out.add({
            dwellingId: dw.id,
            objectId: obj.id,
            objectKind: obj.kind,
            month,
            component: c.component,
            ruleId: c.ruleId,
            references: REF.deficit,
            inputs: { amountForMonth: v.toFixed() },
            versions: NO_VERSIONS,
            exact: c.negative ? v.negated() : v,
          });
        }
        if (a.charges !== undefined) charges = charges.plus(parseDecimal(a.charges));
      }
      if (!charges.isZero()) chargesListed.push({ objectId: obj.id, amount: charges.toFixed(2) });

      // Art. 40 §3 3°-5°: vacancy rates over the statement's months.
      const managedDays = coveredDays(obj.managed, statementWindow);
      if (managedDays > 0) {
        const vacantDays = { CHANGE_OF_OWNER: 0, RENOVATION: 0, OTHER: 0 } as Record<VacancyReason, number>;
        for (const r of VACANCY_REASONS) {
          vacantDays[r] = coveredDays(obj.vacancies[r], statementWindow);
          totalVacant[r] += vacantDays[r];
        }
        totalManaged += managedDays;
        vacancy.push({
          objectId: obj.id,
          managedDays,
          vacantDays,
          rates: {
            CHANGE_OF_OWNER: rateOf(vacantDays.CHANGE_OF_OWNER, managedDays),
            RENOVATION: rateOf(vacantDays.RENOVATION, managedDays),
            OTHER: rateOf(vacantDays.OTHER, managedDays),
          },
        });
      }
    }
  }
  vacancy.push({
    objectId: "*",
    managedDays: totalManaged,
    vacantDays: totalVacant,
    rates: {
      CHANGE_OF_OWNER: rateOf(totalVacant.CHANGE_OF_OWNER, totalManaged),
      RENOVATION: rateOf(totalVacant.RENOVATION, totalManaged),
      OTHER: rateOf(totalVacant.OTHER, totalManaged),
    },
  });

  const totals = assemble(
    out.lines,
    input.dwellings.map((d) => d.id),
  );
  const total = new Dec(totals.total);
  return {
    ...base,
    lines: out.lines,
    subtotals: { byDwelling: totals.byDwelling, byComponent: totals.byComponent },
    total: totals.total,
    exclusions,
    parameters: out.parameters,
    references: out.references,
    rules: out.rules,
    outcome: total.isZero() ? "BALANCED" : total.isPositive() ? "COMPENSATION_DUE" : "SURPLUS_OWED_TO_STATE",
    // Law art. 47: paid to the State via the Fonds spécial, unless deducted from the next tranche (reading).
    surplusOwedToState: surplusTreatment(totals.total, readings.surplusReading).paidToState,
    surplus: surplusTreatment(totals.total, readings.surplusReading),
    vacancy,
    chargesListed,
  };
}
