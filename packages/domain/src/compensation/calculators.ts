/**
 * "What would it be" calculators: inputs only, no stored data, clean input and output types with
 * the computation trace. They back the anonymous GraphQL endpoint. Each one runs the same rules as
 * the statements (one synthetic dwelling), so a calculator and a statement never disagree.
 */
import { Dec, parseDecimal, roundMoney, type DecimalInput } from "../money/decimal.js";
import { law, rgd2024 } from "../parameters/data/builders.js";
import { assertIsoDate } from "../parameters/dates.js";
import { indexedAmountOf } from "../parameters/store.js";
import { citeVersion, type ComputationTrace, type ParameterVersionUsed } from "../parameters/trace.js";
import type { IsoDate } from "../parameters/types.js";
import { assertMonthKey, prorate, type MonthKey } from "./calendar.js";
import { buildDeveloperStatement, serviceYearOf, type CapitalInput } from "./developer.js";
import { buildLandlordStatement } from "./landlord.js";
import { CompensationInputError, Resolver } from "./rules.js";
import { compensationReadings, type CompensationReadings } from "./readings.js";
import { indexOptionsOf, surplusTreatment, type SurplusTreatment } from "./types.js";
import type {
  CompensationOptions,
  CompensationStatement,
  DedicatedCategory,
  DeveloperKind,
  Exclusion,
  LandlordKind,
  StatementLine,
  Subtotal,
} from "./types.js";

export { residualValue as calculateResidualValue, optionalRegimeRemuneration as calculateOptionalRegimeRemuneration } from "./residual.js";

/** A statement line as a ComputationTrace (parameters resolved from the statement's catalogue). */
export function lineTrace(line: StatementLine, statement: Pick<CompensationStatement, "parameters" | "regime" | "references" | "rules">): ComputationTrace {
  const notes = statement.rules[line.ruleId]?.interpretationNotes ?? [];
  return {
    ruleId: line.ruleId,
    references: statement.references[line.article] ?? [],
    regime: statement.regime,
    asOf: `${line.month}-01`,
    inputs: { ...line.inputs, month: line.month, objectId: line.objectId },
    parameters: line.parameterVersions.map((k) => statement.parameters[k]!),
    indices: line.indices,
    result: line.amount,
    ...(notes.length > 0 ? { interpretationNotes: notes } : {}),
  };
}

export interface DeveloperCompensationQuery {
  readonly developerKind: DeveloperKind;
  readonly conventionSignedOn: IsoDate;
  readonly firstLettingDate: IsoDate;
  /** The month to compute. */
  readonly month: MonthKey;
  /** End of the letting (exclusive), if the dwelling stops being let. */
  readonly letUntil?: IsoDate | null;
  /** Bill: number of accommodation units let (all from the first letting); 0/absent = the dwelling as a whole. */
  readonly accommodationUnits?: number;
  readonly dedicatedTo?: DedicatedCategory | null;
  readonly land?: CapitalInput;
  readonly construction?: CapitalInput;
  readonly bankLoanPrefinancing?: boolean;
  readonly emphyteusisFeesReceivedPerYear?: DecimalInput;
  readonly usefulLivingAreaM2?: DecimalInput;
  /** Bill art. 13 §3bis (Fonds du Logement as developer): indemnity requested, another landlord manages. */
  readonly fondsDuLogementIndemnity?: { readonly requested: boolean; readonly managedByAnotherLandlord: boolean };
}

export interface CalculatorResult {
  readonly total: string;
  readonly components: readonly Subtotal[];
  readonly lines: readonly StatementLine[];
  readonly exclusions: readonly Exclusion[];
  readonly parameters: Readonly<Record<string, ParameterVersionUsed>>;
  readonly trace: ComputationTrace;
  /** The operator readings applied (readings.ts). */
  readonly readings: CompensationReadings;
}

export interface DeveloperCompensationResult extends CalculatorResult {
  readonly month: MonthKey;
  readonly serviceYear: number;
}

/** Developer compensation of one dwelling for one month (art. 13; RGD 2024 art. 1-2). */
export function calculateDeveloperCompensation(q: DeveloperCompensationQuery, options: CompensationOptions): DeveloperCompensationResult {
  assertMonthKey(q.month, "month");
  assertIsoDate(q.firstLettingDate, "firstLettingDate");
  const units = q.accommodationUnits ?? 0;
  if (!Number.isInteger(units) || units < 0) throw new CompensationInputError("accommodationUnits must be a whole number");
  const period = { from: q.firstLettingDate, to: q.letUntil ?? null };
  const statement = buildDeveloperStatement(
    {
      conventionId: "calculator",
      developer: { id: "calculator", kind: q.developerKind },
      conventionSignedOn: q.conventionSignedOn,
      ...(q.fondsDuLogementIndemnity ? { fondsDuLogementIndemnity: q.fondsDuLogementIndemnity } : {}),
      year: Number(q.month.slice(0, 4)),
      months: { from: q.month, to: q.month },
      dwellings: [
        {
          id: "dwelling",
          dedicatedTo: q.dedicatedTo ?? null,
          firstLettingDate: q.firstLettingDate,
          ...(units > 0
            ? { accommodationUnits: Array.from({ length: units }, (_, i) => ({ id: `unit-${i + 1}`, letPeriods: [period] })) }
            : { letPeriods: [period] }),
          ...(q.land ? { land: q.land } : {}),
          ...(q.construction ? { construction: q.construction } : {}),
          ...(q.bankLoanPrefinancing ? { bankLoanPrefinancing: true } : {}),
          ...(q.emphyteusisFeesReceivedPerYear !== undefined ? { emphyteusisFeesReceivedPerYear: q.emphyteusisFeesReceivedPerYear } : {}),
          ...(q.usefulLivingAreaM2 !== undefined ? { usefulLivingAreaM2: q.usefulLivingAreaM2 } : {}),
        },
      ],
    },
    options,
  );
  const serviceYear = q.month >= q.firstLettingDate.slice(0, 7) ? serviceYearOf(q.firstLettingDate, q.month) : 0;
  return {
    month: q.month,
    serviceYear,
    total: statement.total,
    components: statement.subtotals.byComponent,
    lines: statement.lines,
    exclusions: statement.exclusions,
    parameters: statement.parameters,
    readings: statement.readings,
    trace: {
      ruleId: "compensation.developer",
      references: [law("13"), rgd2024("1"), rgd2024("2")],
      regime: options.regime,
      asOf: `${q.month}-01`,
      inputs: {
        month: q.month,
        developerKind: q.developerKind,
        conventionSignedOn: q.conventionSignedOn,
        firstLettingDate: q.firstLettingDate,
        serviceYear: String(serviceYear),
      },
      parameters: Object.values(statement.parameters),
      indices: [],
      result: statement.total,
      steps: statement.lines.map((l) => lineTrace(l, statement)),
    },
  };
}

export interface LandlordCompensationQuery {
  readonly landlordKind: LandlordKind;
  /** Signature of the landlord's convention (RGD 2024 art. 3 date axis). */
  readonly conventionSignedOn: IsoDate;
  /** Date the art. 40 §5 category rule is evaluated for (a day of the compensated period). */
  readonly asOf: IsoDate;
  readonly rentPaidToDeveloper: DecimalInput;
  readonly tenantRents: DecimalInput;
  readonly ancillaryRents?: DecimalInput;
  /** Full dwelling-months (bill: or accommodation-unit-months) carrying the management flat. */
  readonly managementFlatMonths: number;
  /** Partial months, each prorated by the engine's rule. */
  readonly partialMonths?: readonly { readonly days: number; readonly daysInMonth: number }[];
  readonly dedicatedTo?: DedicatedCategory | null;
}

export interface LandlordCompensationResult {
  readonly rentPaidToDeveloper: string;
  readonly managementFlats: string;
  readonly tenantRents: string;
  readonly ancillaryRents: string;
  /** (rent paid + flats) − (tenant rents + ancillary rents); negative = surplus owed to the State. */
  readonly compensation: string;
  readonly outcome: "COMPENSATION_DUE" | "SURPLUS_OWED_TO_STATE" | "BALANCED" | "EXCLUDED";
  /** Paid to the State through the Fonds spécial (art. 47) under PAID_TO_STATE, else "0.00". */
  readonly surplusOwedToState: string;
  /** Art. 47 under the operator's reading. */
  readonly surplus: SurplusTreatment;
  readonly readings: CompensationReadings;
  readonly trace: ComputationTrace;
}

/**
 * Landlord compensation from yearly totals (art. 40 §1; RGD 2024 art. 3). The ministry's example:
 * 4,000 + 12 × 300 − 5,000 = 2,600 EUR.
 */
export function calculateLandlordCompensation(q: LandlordCompensationQuery, options: CompensationOptions): LandlordCompensationResult {
  assertIsoDate(q.asOf, "asOf");
  if (!Number.isInteger(q.managementFlatMonths) || q.managementFlatMonths < 0) throw new CompensationInputError("managementFlatMonths must be a whole number");
  const readings = compensationReadings(options);
  const rent = roundMoney(parseDecimal(q.rentPaidToDeveloper));
  const tenants = roundMoney(parseDecimal(q.tenantRents));
  const ancillary = roundMoney(parseDecimal(q.ancillaryRents ?? "0"));
  const zero = (outcome: "EXCLUDED") => ({
    rentPaidToDeveloper: rent.toFixed(2),
    managementFlats: "0.00",
    tenantRents: tenants.toFixed(2),
    ancillaryRents: ancillary.toFixed(2),
    compensation: "0.00",
    outcome,
    surplusOwedToState: "0.00",
    surplus: surplusTreatment("0.00", readings.surplusReading),
    readings,
  });
  // Category and Fonds du Logement rules: evaluated by the statement engine on a one-day probe.
  const probe = buildLandlordStatement(
    {
      landlord: { id: "calculator", kind: q.landlordKind },
      conventionSignedOn: q.conventionSignedOn,
      year: Number(q.asOf.slice(0, 4)),
      months: { from: q.asOf.slice(0, 7), to: q.asOf.slice(0, 7) },
      dwellings: [{ id: "probe", dedicatedTo: q.dedicatedTo ?? null, managedPeriods: [{ from: q.asOf, to: null }] }],
    },
    options,
  );
  const base: Omit<ComputationTrace, "result" | "inputs" | "parameters"> = {
    ruleId: "compensation.landlord.deficit",
    references: [law("40", { paragraph: "1", alinea: "3" }), law("40", { paragraph: "2" }), rgd2024("3"), law("47")],
    regime: options.regime,
    asOf: q.asOf,
    indices: [],
  };
  if (probe.outcome === "EXCLUDED")
    return { ...zero("EXCLUDED"), trace: { ...base, inputs: { landlordKind: q.landlordKind }, parameters: [], result: "0.00", interpretationNotes: [] } };
  const flatDue = probe.lines.some((l) => l.component === "MANAGEMENT_FLAT");
  const resolver = new Resolver(options);
  const flat = resolver.resolve("compensation.landlord.managementFlat", q.conventionSignedOn);
  const monthly = indexedAmountOf(flat, q.asOf, indexOptionsOf(options)).value;
  let flats = new Dec(0);
  if (flatDue) {
    flats = roundMoney(monthly.times(q.managementFlatMonths));
    for (const p of q.partialMonths ?? []) flats = flats.plus(roundMoney(prorate(monthly, p.days, p.daysInMonth)));
  }
  const compensation = rent.plus(flats).minus(tenants).minus(ancillary);
  return {
    rentPaidToDeveloper: rent.toFixed(2),
    managementFlats: flats.toFixed(2),
    tenantRents: tenants.toFixed(2),
    ancillaryRents: ancillary.toFixed(2),
    compensation: compensation.toFixed(2),
    outcome: compensation.isZero() ? "BALANCED" : compensation.isPositive() ? "COMPENSATION_DUE" : "SURPLUS_OWED_TO_STATE",
    surplusOwedToState: surplusTreatment(compensation.toFixed(2), readings.surplusReading).paidToState,
    surplus: surplusTreatment(compensation.toFixed(2), readings.surplusReading),
    readings,
    trace: {
      ...base,
      inputs: {
        rentPaidToDeveloper: rent.toFixed(2),
        managementFlatMonths: String(q.managementFlatMonths),
        partialMonths: (q.partialMonths ?? []).map((p) => `${p.days}/${p.daysInMonth}`),
        monthlyFlat: monthly.toString(),
        flatDue,
        tenantRents: tenants.toFixed(2),
        ancillaryRents: ancillary.toFixed(2),
      },
      parameters: [citeVersion(flat.version)],
      result: compensation.toFixed(2),
      interpretationNotes: ["compensation-proration", "compensation-line-rounding"],
    },
  };
}
