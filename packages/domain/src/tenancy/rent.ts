/**
 * Affordable rent — law art. 60 and annex III (unchanged by bill 8535).
 *
 *   gross (annual) = RND × [10 % + (RND − low threshold) / (max-effort threshold − low threshold) × (35 % − 10 %)]
 *                    10 % at or below the low threshold, 35 % at or above the max-effort threshold (annex III 1° a)
 *   capped at 35 % × rent-ceiling threshold (annex III 1° b)
 *   monthly gross = annual / 12 (note `rent-rnd-annual`)
 *   net = gross × (1 − 2.5 % no equipped kitchen − 2.5 % no outdoor space + 10 % house) − energy flat (annex III 2°)
 *   rounded once to the cent (note `rent-rounding-once`).
 */
import type { Decimal } from "decimal.js";
import type { Household } from "../allocation/household.js";
import { householdIncome } from "../allocation/income.js";
import { Dec, parseDecimal, roundMoney, type DecimalInput } from "../money/decimal.js";
import { amountAtIndex, indexAmount, resolveCote, type IndexOptions } from "../parameters/indices/resolve.js";
import { lookupBracket, lookupHousehold } from "../parameters/tables.js";
import type { ComputationTrace, TraceValue } from "../parameters/trace.js";
import type { IsoDate, ParameterVersion, RegimeOptions } from "../parameters/types.js";
import { ageOn, decimalValue, fraction, lawRef, resolveRequired, step, TenancyRuleError, TraceCollector, wholeValue } from "./common.js";

/** Months in a year: converts the annual gross rent of annex III into the monthly rent (calendar, not a legal figure). */
const MONTHS_PER_YEAR = 12;

export type TenancyOptions = RegimeOptions & { readonly index?: Pick<IndexOptions, "coteSeries"> };

/** The household as table A counts it: adults (14 or more on 1 January) and dependent children (under 14). */
export interface RentHouseholdType {
  readonly adults: number;
  readonly children: number;
}

export interface RentDwelling {
  readonly equippedKitchen: boolean;
  /** Balcony, terrace or private garden (annex III 2° a). */
  readonly outdoorSpace: boolean;
  readonly isHouse: boolean;
  /**
   * Date of first occupation of the dwelling (art. 60 §5; annex III 2° c): decides the energy flat.
   * null when unknown: the rent cannot be computed (it would silently skip the deduction) unless the
   * dwelling had an energy renovation, which excludes the flat whatever the date.
   */
  readonly firstOccupiedOn: IsoDate | null;
  /** Energy renovation resulting in class D or better (annex III 2° c al. 2). */
  readonly energyRenovated: boolean;
  /** Useful living area (surface utile d'habitation), m². */
  readonly usefulLivingAreaM2: DecimalInput;
}

export interface AffordableRentInput {
  /** Net disposable income of the household (art. 56), ANNUAL, in EUR (note `rent-rnd-annual`). */
  readonly annualNetDisposableIncome: DecimalInput;
  /** Either the counts of table A, or the members' birth dates (counted on 1 January of the calculation year). */
  readonly household: RentHouseholdType | { readonly birthDates: readonly IsoDate[] };
  readonly dwelling: RentDwelling;
  /** Art. 60 §2 al. 2: monthly gross rent set as a flat on the commission's advice (used only below the low threshold). */
  readonly flatGrossMonthlyRent?: DecimalInput;
}

export type EffortBand = "BELOW_LOW_INCOME" | "SLIDING" | "MAX_EFFORT";

export interface RentThresholds {
  readonly lowIncome: Decimal;
  readonly maxEffort: Decimal;
  readonly rentCeiling: Decimal;
}

export interface AffordableRentResult {
  readonly household: RentHouseholdType;
  readonly cote: string;
  readonly thresholds: RentThresholds;
  readonly band: EffortBand;
  readonly effortRate: Decimal;
  readonly grossAnnualUncapped: Decimal;
  readonly grossAnnualCap: Decimal;
  readonly capApplied: boolean;
  readonly flatApplied: boolean;
  readonly grossMonthly: Decimal;
  readonly adjustmentRate: Decimal;
  readonly adjustments: { readonly noEquippedKitchen: Decimal; readonly noOutdoorSpace: Decimal; readonly house: Decimal };
  readonly energyFlat: Decimal;
  readonly netMonthlyUnrounded: Decimal;
  /** The monthly affordable rent (loyer abordable net), rounded to the cent. */
  readonly netMonthly: Decimal;
  readonly trace: ComputationTrace;
}

/**
 * Annex III 1° a): the effort rate for an RND between thresholds. Pure (no parameter lookup), so
 * property tests can drive it: monotone non-decreasing in `rnd`, within [minRate, maxRate].
 */
export function affordableEffortRate(
  rnd: DecimalInput,
  lowIncome: DecimalInput,
  maxEffort: DecimalInput,
  minRate: DecimalInput,
  maxRate: DecimalInput,
): { rate: Decimal; band: EffortBand } {
  const x = parseDecimal(rnd);
  const low = parseDecimal(lowIncome);
  const high = parseDecimal(maxEffort);
  const min = parseDecimal(minRate);
  const max = parseDecimal(maxRate);
  if (!high.greaterThan(low)) throw new RangeError(`max-effort threshold ${high.toString()} must exceed the low-income threshold ${low.toString()}`);
  if (x.lessThanOrEqualTo(low)) return { rate: min, band: "BELOW_LOW_INCOME" };
  if (x.greaterThanOrEqualTo(high)) return { rate: max, band: "MAX_EFFORT" };
  return { rate: min.plus(x.minus(low).times(max.minus(min)).dividedBy(high.minus(low))), band: "SLIDING" };
}

/** Annex III 1° c): members under 14 on 1 January of the calculation year are children, the others adults. */
export function rentHouseholdTypeOn(
  birthDates: readonly IsoDate[],
  calculationDate: IsoDate,
  options: RegimeOptions,
): { household: RentHouseholdType; version: ParameterVersion } {
  const limit = resolveRequired("rent.childAgeLimit", calculationDate, options);
  const childAge = wholeValue(limit);
  const firstJanuary = `${calculationDate.slice(0, 4)}-01-01`;
  let adults = 0;
  let children = 0;
  for (const b of birthDates) {
    if (ageOn(b, firstJanuary) < childAge) children += 1;
    else adults += 1;
  }
  if (adults === 0) throw new RangeError("annex III table A: a household needs at least one member aged 14 or more on 1 January");
  return { household: { adults, children }, version: limit.version };
}

/** Table A thresholds for the household, at the cote in force on `asOf` (notes `rent-index-date`, `household-table-composition`). */
export function rentThresholds(household: RentHouseholdType, asOf: IsoDate, options: TenancyOptions) {
  const table = resolveRequired("rent.thresholds", asOf, options);
  if (typeof table.value === "string" || table.value.kind !== "householdTable") throw new TypeError("rent.thresholds is not a household table");
  const atCote100 = lookupHousehold(table.value, household.adults, household.children);
  const basis = table.version.indexBasis;
  if (basis.kind !== "COST_OF_LIVING_COTE") throw new TypeError("rent.thresholds must be indexed on the cote d'application");
  const cote = resolveCote(asOf, options.index?.coteSeries);
  const idx = (v: Decimal | undefined) => amountAtIndex(v!, basis.base, cote.value);
  const thresholds: RentThresholds = { lowIncome: idx(atCote100.lowIncome), maxEffort: idx(atCote100.maxEffort), rentCeiling: idx(atCote100.rentCeiling) };
  return { thresholds, atCote100, cote, version: table.version };
}

/** Annex III 1° b): the monthly cap of the gross rent (35 % of the rent-ceiling threshold / 12); also the flat-rent ceiling of art. 62 §1 al. 3. */
export function grossRentCapMonthly(
  household: RentHouseholdType,
  asOf: IsoDate,
  options: TenancyOptions,
): { annual: Decimal; monthly: Decimal; versions: ParameterVersion[] } {
  const t = rentThresholds(household, asOf, options);
  const share = resolveRequired("rent.ceilingShareOfThreshold", asOf, options);
  const annual = t.thresholds.rentCeiling.times(fraction(decimalValue(share)));
  return { annual, monthly: annual.dividedBy(MONTHS_PER_YEAR), versions: [t.version, share.version] };
}

const s = (d: Decimal): string => d.toString();

/** Art. 60 and annex III: the monthly affordable rent on the calculation date `asOf`, with its full trace. */
export function computeAffordableRent(input: AffordableRentInput, asOf: IsoDate, options: TenancyOptions): AffordableRentResult {
  const tc = new TraceCollector();
  const steps: ComputationTrace[] = [];
  const rnd = parseDecimal(input.annualNetDisposableIncome);
  if (rnd.isNegative()) throw new RangeError("net disposable income cannot be negative");

  // Annex III 1° c): household type.
  let household: RentHouseholdType;
  if ("birthDates" in input.household) {
    const h = rentHouseholdTypeOn(input.household.birthDates, asOf, options);
    household = h.household;
    tc.use(h.version);
    steps.push(
      step(
        "tenancy.rent.householdType",
        [lawRef("annexe III", { point: "1° c)" })],
        options,
        asOf,
        { birthDates: [...input.household.birthDates] },
        { adults: String(household.adults), children: String(household.children) },
        {
          versions: [h.version],
          notes: ["rent-children-age"],
        },
      ),
    );
  } else {
    household = input.household;
  }

  // Table A at the cote in force.
  const t = rentThresholds(household, asOf, options);
  tc.use(t.version);
  tc.useIndex(t.cote);
  steps.push(
    step(
      "tenancy.rent.thresholds",
      [lawRef("annexe III", { point: "1° b) tableau A" })],
      options,
      asOf,
      { adults: String(household.adults), children: String(household.children), cote: t.cote.value },
      {
        lowIncomeAtCote100: s(t.atCote100.lowIncome!),
        maxEffortAtCote100: s(t.atCote100.maxEffort!),
        rentCeilingAtCote100: s(t.atCote100.rentCeiling!),
        lowIncome: s(t.thresholds.lowIncome),
        maxEffort: s(t.thresholds.maxEffort),
        rentCeiling: s(t.thresholds.rentCeiling),
      },
      { versions: [t.version], indices: [t.cote], notes: ["rent-rnd-annual", "rent-index-date", "household-table-composition"] },
    ),
  );

  // Effort rate (art. 60 §2; annex III 1° a).
  const minR = resolveRequired("rent.effortRate.min", asOf, options);
  const maxR = resolveRequired("rent.effortRate.max", asOf, options);
  tc.use(minR.version);
  tc.use(maxR.version);
  const { rate, band } = affordableEffortRate(rnd, t.thresholds.lowIncome, t.thresholds.maxEffort, fraction(decimalValue(minR)), fraction(decimalValue(maxR)));
  steps.push(
    step(
      "tenancy.rent.effortRate",
      [lawRef("60", { paragraph: "2", alinea: "1" }), lawRef("annexe III", { point: "1° a)" })],
      options,
      asOf,
      { annualNetDisposableIncome: s(rnd), lowIncome: s(t.thresholds.lowIncome), maxEffort: s(t.thresholds.maxEffort) },
      { effortRate: s(rate), band },
      {
        versions: [minR.version, maxR.version],
        notes: ["rent-threshold-boundaries"],
      },
    ),
  );

  // Gross annual and cap (annex III 1° b).
  const grossAnnualUncapped = rnd.times(rate);
  const share = resolveRequired("rent.ceilingShareOfThreshold", asOf, options);
  tc.use(share.version);
  const grossAnnualCap = t.thresholds.rentCeiling.times(fraction(decimalValue(share)));
  const capApplied = grossAnnualUncapped.greaterThan(grossAnnualCap);
  const grossAnnual = capApplied ? grossAnnualCap : grossAnnualUncapped;
  steps.push(
    step(
      "tenancy.rent.grossCap",
      [lawRef("annexe III", { point: "1° b)" })],
      options,
      asOf,
      { grossAnnualUncapped: s(grossAnnualUncapped), rentCeiling: s(t.thresholds.rentCeiling) },
      { grossAnnualCap: s(grossAnnualCap), capApplied, grossAnnual: s(grossAnnual) },
      {
        versions: [share.version],
        notes: ["rent-cap-on-gross"],
      },
    ),
  );

  // Monthly gross, or the commission-advised flat below the low threshold (art. 60 §2 al. 2).
  let grossMonthly = grossAnnual.dividedBy(MONTHS_PER_YEAR);
  let flatApplied = false;
  if (input.flatGrossMonthlyRent !== undefined && rnd.lessThan(t.thresholds.lowIncome)) {
    grossMonthly = parseDecimal(input.flatGrossMonthlyRent);
    flatApplied = true;
  }
  steps.push(
    step(
      "tenancy.rent.grossMonthly",
      [lawRef("60", { paragraph: "2" }), lawRef("annexe III", { point: "1°" })],
      options,
      asOf,
      { grossAnnual: s(grossAnnual), flatGrossMonthlyRent: input.flatGrossMonthlyRent === undefined ? null : s(parseDecimal(input.flatGrossMonthlyRent)) },
      { grossMonthly: s(grossMonthly), flatApplied },
      { notes: flatApplied || input.flatGrossMonthlyRent !== undefined ? ["rent-rnd-annual", "rent-flat-below-low"] : ["rent-rnd-annual"] },
    ),
  );

  // Equipment and house adjustments (art. 60 §3-4; annex III 2° a-b), all on the gross rent.
  const kitchen = resolveRequired("rent.reduction.noEquippedKitchen", asOf, options);
  const outdoor = resolveRequired("rent.reduction.noOutdoorSpace", asOf, options);
  const house = resolveRequired("rent.increase.house", asOf, options);
  const zero = new Dec(0);
  const kitchenRate = input.dwelling.equippedKitchen ? zero : fraction(decimalValue(kitchen));
  const outdoorRate = input.dwelling.outdoorSpace ? zero : fraction(decimalValue(outdoor));
  const houseRate = input.dwelling.isHouse ? fraction(decimalValue(house)) : zero;
  const adjustments = {
    noEquippedKitchen: grossMonthly.times(kitchenRate).negated(),
    noOutdoorSpace: grossMonthly.times(outdoorRate).negated(),
    house: grossMonthly.times(houseRate),
  };
  const adjustmentRate = houseRate.minus(kitchenRate).minus(outdoorRate);
  const usedAdj: ParameterVersion[] = [];
  if (!input.dwelling.equippedKitchen) usedAdj.push(kitchen.version);
  if (!input.dwelling.outdoorSpace) usedAdj.push(outdoor.version);
  if (input.dwelling.isHouse) usedAdj.push(house.version);
  usedAdj.forEach((v) => tc.use(v));
  const adjusted = grossMonthly.plus(adjustments.noEquippedKitchen).plus(adjustments.noOutdoorSpace).plus(adjustments.house);
  steps.push(
    step(
      "tenancy.rent.equipmentAdjustments",
      [lawRef("60", { paragraph: "3" }), lawRef("60", { paragraph: "4" }), lawRef("annexe III", { point: "2° a) b)" })],
      options,
      asOf,
      {
        grossMonthly: s(grossMonthly),
        equippedKitchen: input.dwelling.equippedKitchen,
        outdoorSpace: input.dwelling.outdoorSpace,
        isHouse: input.dwelling.isHouse,
      },
      {
        noEquippedKitchen: s(adjustments.noEquippedKitchen),
        noOutdoorSpace: s(adjustments.noOutdoorSpace),
        house: s(adjustments.house),
        adjustmentRate: s(adjustmentRate),
        afterAdjustments: s(adjusted),
      },
      { versions: usedAdj, notes: ["rent-adjustments-on-gross"] },
    ),
  );

  // Energy flat (art. 60 §5; annex III 2° c, table B).
  const before = resolveRequired("rent.energyFlat.firstOccupationBefore", asOf, options);
  if (typeof before.value === "string" || before.value.kind !== "date") throw new TypeError("rent.energyFlat.firstOccupationBefore is not a date");
  tc.use(before.version);
  const firstOccupiedOn = input.dwelling.firstOccupiedOn;
  if (firstOccupiedOn === null && !input.dwelling.energyRenovated)
    throw new TenancyRuleError(
      "tenancy.rent.energyFlat",
      lawRef("annexe III", { point: "2° c)" }),
      `dwelling.firstOccupiedOn is required: the energy flat is deducted from dwellings « dont la première occupation remonte avant le ${before.value.date} » and not energy-renovated; enter the year of first occupation`,
    );
  const applies = firstOccupiedOn !== null && firstOccupiedOn < before.value.date && !input.dwelling.energyRenovated;
  let energyFlat: Decimal = zero;
  const energyInputs: Record<string, TraceValue> = {
    firstOccupiedOn: input.dwelling.firstOccupiedOn,
    energyRenovated: input.dwelling.energyRenovated,
    usefulLivingAreaM2: s(parseDecimal(input.dwelling.usefulLivingAreaM2)),
  };
  const energyVersions: ParameterVersion[] = [before.version];
  let energyIndex = null;
  let bracketLabel: string | null = null;
  if (applies) {
    const scale = resolveRequired("rent.energyFlat", asOf, options);
    if (typeof scale.value === "string" || scale.value.kind !== "brackets") throw new TypeError("rent.energyFlat is not a bracket scale");
    const bracket = lookupBracket(scale.value, input.dwelling.usefulLivingAreaM2);
    const amount = indexAmount(bracket.value, scale.version.indexBasis, asOf, options.index ?? {});
    energyFlat = amount.value;
    energyIndex = amount.index;
    bracketLabel = bracket.label ?? null;
    tc.use(scale.version);
    tc.useIndex(amount.index);
    energyVersions.push(scale.version);
  }
  steps.push(
    step(
      "tenancy.rent.energyFlat",
      [lawRef("60", { paragraph: "5" }), lawRef("annexe III", { point: "2° c) tableau B" })],
      options,
      asOf,
      energyInputs,
      { applies, bracket: bracketLabel, energyFlat: s(energyFlat) },
      {
        versions: energyVersions,
        indices: [energyIndex],
        notes: applies ? ["energy-flat-index-basis", "energy-flat-area-brackets", "rent-adjustments-on-gross"] : [],
      },
    ),
  );

  const netUnclamped = adjusted.minus(energyFlat);
  const netMonthlyUnrounded = netUnclamped.isNegative() ? zero : netUnclamped;
  const netMonthly = roundMoney(netMonthlyUnrounded);
  steps.push(
    step(
      "tenancy.rent.netMonthly",
      [lawRef("60", { paragraph: "1" }), lawRef("annexe III", { point: "2°" })],
      options,
      asOf,
      { afterAdjustments: s(adjusted), energyFlat: s(energyFlat) },
      { netMonthlyUnrounded: s(netMonthlyUnrounded), netMonthly: netMonthly.toFixed(2) },
      {
        notes: ["rent-rounding-once"],
      },
    ),
  );

  const trace: ComputationTrace = {
    ruleId: "tenancy.rent.affordable",
    references: [lawRef("60"), lawRef("61"), lawRef("annexe III")],
    regime: options.regime,
    asOf,
    inputs: {
      annualNetDisposableIncome: s(rnd),
      adults: String(household.adults),
      children: String(household.children),
      equippedKitchen: input.dwelling.equippedKitchen,
      outdoorSpace: input.dwelling.outdoorSpace,
      isHouse: input.dwelling.isHouse,
      firstOccupiedOn: input.dwelling.firstOccupiedOn,
      energyRenovated: input.dwelling.energyRenovated,
      usefulLivingAreaM2: s(parseDecimal(input.dwelling.usefulLivingAreaM2)),
      flatGrossMonthlyRent: input.flatGrossMonthlyRent === undefined ? null : s(parseDecimal(input.flatGrossMonthlyRent)),
    },
    parameters: tc.parameters,
    indices: tc.indices,
    result: { netMonthly: netMonthly.toFixed(2), netMonthlyUnrounded: s(netMonthlyUnrounded), grossMonthly: s(grossMonthly), effortRate: s(rate) },
    steps,
    interpretationNotes: ["rent-rnd-annual", "rent-cap-on-gross", "rent-adjustments-on-gross", "rent-rounding-once"],
  };

  return {
    household,
    cote: t.cote.value,
    thresholds: t.thresholds,
    band,
    effortRate: rate,
    grossAnnualUncapped,
    grossAnnualCap,
    capApplied,
    flatApplied,
    grossMonthly,
    adjustmentRate,
    adjustments,
    energyFlat,
    netMonthlyUnrounded,
    netMonthly,
    trace,
  };
}

/** The household income the affordable rent is computed from (art. 56 §3), with what it counted. */
export interface RentIncome {
  /** Annual net income of the household, family allowances included (art. 56 §3 4°). */
  readonly annual: Decimal;
  /** Family allowances counted in it: only annex II (eligibility) leaves them out. */
  readonly familyAllowances: Decimal;
  /** The same income without family allowances, as annex II counts it (for comparison only). */
  readonly annualForAnnexII: Decimal;
  readonly referenceYear: number;
  /** Per member: how the income was counted (dependent child ignored; a child entering working life at 0/25/50/100 %). */
  readonly members: readonly {
    readonly memberId: string;
    readonly treatment: string;
    readonly inclusionPercent: string;
    readonly yearOfWorkingLife: number | null;
    readonly annual: Decimal;
  }[];
  readonly reference: string;
}

/**
 * Art. 56 §3 for the rent (annex III « revenu net disponible »): the same household income as
 * eligibility (allocation/income.ts, one implementation), but family allowances stay in — only
 * annex II says « à l'exception des allocations familiales ». Children entering working life count
 * at 0 / 25 / 50 / 100 % in their years 1-4 (art. 56 §3 al. 4) when their start year is entered
 * (`Member.child.workingLifeStartYear`).
 */
export function rentIncome(h: Household, determinationDate: IsoDate, options: RegimeOptions): RentIncome {
  const i = householdIncome(h, determinationDate, options);
  return {
    annual: i.annual,
    familyAllowances: i.annual.minus(i.annualForAnnexII),
    annualForAnnexII: i.annualForAnnexII,
    referenceYear: i.referenceYear,
    members: i.members.map((m) => ({
      memberId: m.memberId,
      treatment: m.treatment,
      inclusionPercent: m.inclusionPercent.toString(),
      yearOfWorkingLife: m.yearOfWorkingLife ?? null,
      annual: m.annual,
    })),
    reference: "law art. 56 §3 (family allowances included; excluded only for annex II)",
  };
}
