/**
 * Residual value of a financial participation (bill 8535 art. 52 → annex IV) and the capital
 * remuneration of dwellings placed under the affordable lease (bill art. 43 → art. 72 §2).
 */
import type { Decimal } from "decimal.js";
import { Dec, parseDecimal, roundMoney, type DecimalInput } from "../money/decimal.js";
import { bill, rgd2024 } from "../parameters/data/builders.js";
import { assertIsoDate } from "../parameters/dates.js";
import { decimalOf } from "../parameters/store.js";
import { lookupBracket } from "../parameters/tables.js";
import { citeVersion, type ComputationTrace, type ParameterVersionUsed } from "../parameters/trace.js";
import type { Bracket, IsoDate } from "../parameters/types.js";
import { epochDay } from "./calendar.js";
import { billEntryDay, CompensationInputError, nonNegative, Resolver } from "./rules.js";
import type { CompensationOptions } from "./types.js";
import { fullYearsBetween } from "../law/calendar.js";

export { fullYearsBetween } from "../law/calendar.js";

export interface PrefinancingYearPaid {
  readonly serviceYear: number;
  /** The yearly capital remuneration before the coefficient (what the developer would have received without staggering). */
  readonly remunerationWithoutCoefficient: DecimalInput;
}

export interface PrefinancingServiceYears {
  /** First and last service year the coefficient scale covers (RGD 2024 art. 2 al. 3: 1 and 40); null when unbounded. */
  readonly first: number | null;
  readonly last: number | null;
  /** The version of `compensation.developer.prefinancingCoefficient` the bounds come from. */
  readonly version: ParameterVersionUsed;
}

/**
 * The service years covered by the prefinancing coefficient for a convention signed on
 * `conventionSignedOn` (the parameter's date axis), read from the brackets of its scale — never a
 * literal: a new regulation with other years changes the bounds with the data.
 */
export function prefinancingServiceYears(conventionSignedOn: IsoDate, options: CompensationOptions): PrefinancingServiceYears {
  assertIsoDate(conventionSignedOn, "conventionSignedOn");
  const param = new Resolver(options).resolve("compensation.developer.prefinancingCoefficient", conventionSignedOn);
  const scale = param.value;
  if (typeof scale === "string" || scale.kind !== "brackets" || scale.axisType !== "INTEGER" || scale.brackets.length === 0)
    throw new CompensationInputError("prefinancing coefficient is not an integer bracket scale");
  // Integer axis: an exclusive bound moves one year inwards. Years are counts, not money.
  const lower = (b: Bracket) => (b.from === null ? null : parseDecimal(b.from).plus(b.fromInclusive ? 0 : 1));
  const upper = (b: Bracket) => (b.to === null ? null : parseDecimal(b.to).minus(b.toInclusive ? 0 : 1));
  const lows = scale.brackets.map(lower);
  const highs = scale.brackets.map(upper);
  const first = lows.includes(null) ? null : Dec.min(...(lows as Decimal[]));
  const last = highs.includes(null) ? null : Dec.max(...(highs as Decimal[]));
  return { first: first === null ? null : Number(first.toFixed(0)), last: last === null ? null : Number(last.toFixed(0)), version: citeVersion(param.version) };
}

/**
 * Net prefinancing advance: Σ (coefficient(year) − 1) × remuneration(year) over the years paid with
 * the RGD 2024 art. 2 al. 3 coefficient. Over 40 years it sums to zero (1.64 × 20 + 0.36 × 20 = 40);
 * sold before, the developer holds an advance, which the residual value takes into account.
 */
export function prefinancingAdvance(
  yearsPaid: readonly PrefinancingYearPaid[],
  conventionSignedOn: IsoDate,
  options: CompensationOptions,
): { advance: Decimal; trace: ComputationTrace } {
  const resolver = new Resolver(options);
  const param = resolver.resolve("compensation.developer.prefinancingCoefficient", conventionSignedOn);
  const scale = param.value;
  if (typeof scale === "string" || scale.kind !== "brackets") throw new CompensationInputError("prefinancing coefficient is not a bracket scale");
  let advance = new Dec(0);
  const steps: ComputationTrace[] = [];
  for (const y of yearsPaid) {
    const coefficient = parseDecimal(lookupBracket(scale, String(y.serviceYear)).value);
    const base = nonNegative(y.remunerationWithoutCoefficient, `service year ${y.serviceYear} remuneration`);
    const part = coefficient.minus(1).times(base);
    advance = advance.plus(part);
    steps.push({
      ruleId: "compensation.residualValue.prefinancingAdvance.year",
      references: [rgd2024("2", { alinea: "3" })],
      regime: options.regime,
      asOf: conventionSignedOn,
      inputs: { serviceYear: String(y.serviceYear), remunerationWithoutCoefficient: base.toString(), coefficient: coefficient.toString() },
      parameters: [citeVersion(param.version)],
      indices: [],
      result: part.toString(),
    });
  }
  return {
    advance,
    trace: {
      ruleId: "compensation.residualValue.prefinancingAdvance",
      references: [rgd2024("2", { alinea: "3" }), bill("52", { amends: { article: "annexe IV" } })],
      regime: options.regime,
      asOf: conventionSignedOn,
      inputs: { years: String(yearsPaid.length) },
      parameters: [citeVersion(param.version)],
      indices: [],
      result: advance.toString(),
      steps,
      interpretationNotes: ["compensation-residual-prefinancing"],
    },
  };
}

export interface ResidualValueInput {
  /** Date of the sale (or of the event triggering the computation); annex IV applies from the bill's entry into force. */
  readonly date: IsoDate;
  /** AE: full years of public service performed; or give `serviceStart` and AE is counted to `date`. */
  readonly fullYearsOfService?: number;
  readonly serviceStart?: IsoDate;
  /** DC: initial length of the convention, in years. */
  readonly conventionYears: number;
  /** PFA: the State's financial participation, land included. */
  readonly stateParticipation: DecimalInput;
  /** CT: initial total cost of the project, including the value of land brought by the developer. */
  readonly totalCost: DecimalInput;
  /** PV: sale price (if need be, by expert valuation). */
  readonly salePrice: DecimalInput;
  /**
   * Prefinancing already paid (annex IV, last alinea): either the net advance directly, or the years
   * paid with their remuneration before the coefficient (needs `conventionSignedOn`).
   */
  readonly prefinancing?: { readonly advance: DecimalInput } | { readonly conventionSignedOn: IsoDate; readonly yearsPaid: readonly PrefinancingYearPaid[] };
}

export interface ResidualValueResult {
  /** (1 − AE/DC) × (PFA/CT) × PV, to the cent. */
  readonly formulaValue: string;
  /** Net prefinancing advance added, to the cent ("0.00" when none). */
  readonly prefinancingAdvance: string;
  /** VRPF to repay = formulaValue + prefinancingAdvance. */
  readonly residualValue: string;
  readonly trace: ComputationTrace;
}

/**
 * Bill annex IV: VRPF = (1 − AE/DC) × (PFA/CT) × PV, computed as (DC − AE) × PFA × PV / (DC × CT)
 * (one division) and rounded once to the cent. Prefinancing already paid: the net advance
 * (sum of (coefficient − 1) × remuneration over the years paid) is added — interpretation note
 * `compensation-residual-prefinancing`.
 */
export function residualValue(input: ResidualValueInput, options: CompensationOptions): ResidualValueResult {
  assertIsoDate(input.date, "date");
  if (options.regime !== "BILL_8535") throw new CompensationInputError("the residual-value formula is bill 8535's annex IV: no such formula under the law");
  const eif = billEntryDay(options, "annexe IV (bill art. 52)");
  if (epochDay(input.date) < eif)
    throw new CompensationInputError(`annex IV applies from the bill's entry into force (${options.bill8535EntryIntoForce}), not on ${input.date}`);
  const dc = input.conventionYears;
  if (!Number.isInteger(dc) || dc <= 0) throw new CompensationInputError(`DC (convention years) must be a positive integer, got ${dc}`);
  let ae: number;
  if (input.fullYearsOfService !== undefined) ae = input.fullYearsOfService;
  else if (input.serviceStart !== undefined) ae = fullYearsBetween(input.serviceStart, input.date);
  else throw new CompensationInputError("give fullYearsOfService (AE) or serviceStart");
  if (!Number.isInteger(ae) || ae < 0) throw new CompensationInputError(`AE must be a whole number of years, got ${ae}`);
  const aeCapped = Math.min(ae, dc);
  const pfa = nonNegative(input.stateParticipation, "PFA");
  const ct = nonNegative(input.totalCost, "CT");
  if (ct.isZero()) throw new CompensationInputError("CT (total cost) must be positive");
  const pv = nonNegative(input.salePrice, "PV");
  const exact = new Dec(dc - aeCapped).times(pfa).times(pv).dividedBy(new Dec(dc).times(ct));
  let advance = new Dec(0);
  const steps: ComputationTrace[] = [];
  if (input.prefinancing) {
    if ("advance" in input.prefinancing) advance = parseDecimal(input.prefinancing.advance);
    else {
      const r = prefinancingAdvance(input.prefinancing.yearsPaid, input.prefinancing.conventionSignedOn, options);
      advance = r.advance;
      steps.push(r.trace);
    }
  }
  const formulaValue = roundMoney(exact);
  const advanceRounded = roundMoney(advance);
  const total = formulaValue.plus(advanceRounded);
  return {
    formulaValue: formulaValue.toFixed(2),
    prefinancingAdvance: advanceRounded.toFixed(2),
    residualValue: total.toFixed(2),
    trace: {
      ruleId: "compensation.residualValue",
      references: [bill("52", { amends: { article: "annexe IV" } })],
      regime: options.regime,
      asOf: input.date,
      inputs: {
        AE: String(aeCapped),
        DC: String(dc),
        PFA: pfa.toString(),
        CT: ct.toString(),
        PV: pv.toString(),
        exactFormulaValue: exact.toString(),
        prefinancingAdvance: advance.toString(),
      },
      parameters: [],
      indices: [],
      result: total.toFixed(2),
      steps,
      interpretationNotes: ["compensation-residual-prefinancing", "compensation-residual-rounding"],
    },
  };
}

export const OPTIONAL_REGIME_CASES = ["EXISTING_AIDED_CONVENTION_EXPIRED", "EXISTING_NOT_AIDED", "NEW_PROJECT"] as const;
export type OptionalRegimeCase = (typeof OPTIONAL_REGIME_CASES)[number];

export interface OptionalRegimeInput {
  /** Art. 72 §2 al. 1: 1° existing, aided, convention expired; 2° existing, not aided; 3° new project / renovation / VEFA. */
  readonly case: OptionalRegimeCase;
  /** Art. 72 §1: 1° social developers, 2° State- or municipality-owned companies, 3° public establishments. */
  readonly owner: "SOCIAL_DEVELOPER" | "PUBLIC_COMPANY" | "PUBLIC_ESTABLISHMENT";
  /** Date the art. 72 convention is concluded (rates and maximum eligible amounts of that date). */
  readonly conventionSignedOn: IsoDate;
  /** Capital invested in land / construction; for cases 1° and 2° this is the flat value of al. 4 (useful area × maximum eligible amounts at the convention date), supplied by the caller. */
  readonly landCapital: DecimalInput;
  readonly constructionCapital: DecimalInput;
}

export interface OptionalRegimeResult {
  readonly share: string;
  readonly landCapitalTakenIntoAccount: string;
  readonly constructionCapitalTakenIntoAccount: string;
  /** Yearly remuneration and its monthly twelfth, to the cent. */
  readonly annualRemuneration: string;
  readonly monthlyRemuneration: string;
  readonly trace: ComputationTrace;
}

/**
 * Bill art. 43 (→ art. 72 §2): the compensation of dwellings placed under the affordable lease is a
 * remuneration of the capital invested, « fixée à » 25 % (1°, 2°) or 100 % (3°) of the capital
 * invested. Read as: the capital taken into account is that share of the capital invested, remunerated
 * at the RGD 2024 art. 2 rates in force at the convention (note `compensation-art72-share`). Social
 * developers (§1 1°) are excluded from case 3° (al. 2 new). Under the law, art. 72 §2 leaves the
 * modalities to a convention under art. 13: no share exists, the function refuses.
 */
export function optionalRegimeRemuneration(input: OptionalRegimeInput, options: CompensationOptions): OptionalRegimeResult {
  assertIsoDate(input.conventionSignedOn, "conventionSignedOn");
  if (options.regime !== "BILL_8535")
    throw new CompensationInputError("law art. 72 §2 sets no share: the modalities are those of the convention under art. 13");
  if (input.case === "NEW_PROJECT" && input.owner === "SOCIAL_DEVELOPER")
    throw new CompensationInputError("bill art. 43 2° (→ art. 72 §2 al. 2): social developers are excluded from case 3° (new projects, renovation, VEFA)");
  const resolver = new Resolver(options);
  const shareId = {
    EXISTING_AIDED_CONVENTION_EXPIRED: "compensation.optionalRegime.capitalShare.existingAidedConventionExpired",
    EXISTING_NOT_AIDED: "compensation.optionalRegime.capitalShare.existingNotAided",
    NEW_PROJECT: "compensation.optionalRegime.capitalShare.newProject",
  }[input.case];
  const share = resolver.resolve(shareId, input.conventionSignedOn);
  const landRate = resolver.resolve("compensation.developer.capitalRemuneration.landRate", input.conventionSignedOn);
  const constructionRate = resolver.resolve("compensation.developer.capitalRemuneration.constructionRate", input.conventionSignedOn);
  const s = decimalOf(share);
  const land = nonNegative(input.landCapital, "land capital").times(s).dividedBy(100);
  const construction = nonNegative(input.constructionCapital, "construction capital").times(s).dividedBy(100);
  const annual = land
    .times(decimalOf(landRate))
    .plus(construction.times(decimalOf(constructionRate)))
    .dividedBy(100);
  return {
    share: s.toString(),
    landCapitalTakenIntoAccount: land.toString(),
    constructionCapitalTakenIntoAccount: construction.toString(),
    annualRemuneration: roundMoney(annual).toFixed(2),
    monthlyRemuneration: roundMoney(annual.dividedBy(12)).toFixed(2),
    trace: {
      ruleId: "compensation.optionalRegime.capitalRemuneration",
      references: [bill("43", { amends: { article: "72", paragraph: "2" } }), rgd2024("2")],
      regime: options.regime,
      asOf: input.conventionSignedOn,
      inputs: {
        case: input.case,
        owner: input.owner,
        landCapital: parseDecimal(input.landCapital).toString(),
        constructionCapital: parseDecimal(input.constructionCapital).toString(),
      },
      parameters: [citeVersion(share.version), citeVersion(landRate.version), citeVersion(constructionRate.version)],
      indices: [],
      result: roundMoney(annual).toFixed(2),
      interpretationNotes: ["compensation-art72-share"],
    },
  };
}
