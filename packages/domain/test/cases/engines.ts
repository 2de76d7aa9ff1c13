/**
 * The engines a worked case (packages/domain/cases/*.json) may name, each a thin call of the
 * public domain API with the case's input, date and options. A case is data; this table is the
 * only code between a jurist's case and the rule it checks.
 */
import * as domain from "../../src/index.js";

export type CaseOptions = domain.RegimeOptions & Record<string, unknown>;
type Engine = (input: Record<string, unknown>, date: string, options: CaseOptions) => unknown;

/** The case file's input is checked by the engine it reaches (each validates its input and fails with a clear error). */
const as = <T>(v: unknown): T => v as T;

export const ENGINES: Record<string, Engine> = {
  "compensation.developerStatement": (input, _date, options) => domain.buildDeveloperStatement(as(input), options),
  "compensation.landlordStatement": (input, _date, options) => domain.buildLandlordStatement(as(input), options),
  "compensation.landlordCalculator": (input, _date, options) => domain.calculateLandlordCompensation(as(input), options),
  "compensation.developerRentCap": (input, date, options) => domain.checkDeveloperRentCap(as({ ...input, date }), options),
  "parameters.resolve": (input, date, options) => {
    const r = domain.resolveParameter(String(input.id), date, options);
    return { value: r.value, reference: r.version.reference, validFrom: r.version.validFrom, validTo: r.version.validTo, indexBasis: r.version.indexBasis };
  },
  "tenancy.rentIncome": (input, date, options) => domain.rentIncome(as(input), date, options),
  "tenancy.affordableRent": (input, date, options) => domain.computeAffordableRent(as(input), date, options),
  /** input: a household; options may carry applicationDate in input.applicationDate. */
  "allocation.eligibility": (input, date, options) => {
    const { household, ...rest } = input as { household: domain.Household } & Record<string, unknown>;
    return domain.checkEligibility(household, { ...options, ...rest, asOf: date });
  },
  /**
   * input: { vacancy, candidates: [{ candidateId, registeredOn, household, title?, applicationDate? }] }: each
   * candidate's eligibility (art. 55) and socio-economic evaluation (art. 57, default methodology) are
   * established on the allocation date, as the register would, then the shortlist ranks them.
   */
  "allocation.shortlist": (input, date, options) => {
    const i = input as {
      vacancy: domain.Vacancy;
      candidates: { candidateId: string; registeredOn: string; household: domain.Household; title?: string; applicationDate?: string }[];
    };
    const candidates: domain.ShortlistCandidate[] = i.candidates.map((c) => ({
      candidateId: c.candidateId,
      registeredOn: c.registeredOn,
      household: c.household,
      eligibility: domain.summariseEligibility(
        domain.checkEligibility(c.household, { ...options, asOf: date, ...(c.applicationDate ? { applicationDate: c.applicationDate } : {}) }),
      ),
      criteriaHistory: [domain.evaluateSocioEconomic(c.candidateId, c.household, as({ title: c.title ?? "OTHER" }), date, domain.DEFAULT_METHODOLOGY, options)],
    }));
    return domain.shortlist({
      ...options,
      vacancy: i.vacancy,
      allocationDate: date,
      methodology: domain.DEFAULT_METHODOLOGY,
      distances: { entries: [] },
      candidates,
    });
  },
  "allocation.typologyFit": (input, date, options) => {
    const i = input as { household: domain.Household; dwelling: domain.DwellingShape };
    return domain.typologyFit(i.household, i.dwelling, date, options);
  },
  "allocation.freeChoice": (input, date, options) => domain.checkFreeChoice({ ...options, ...as<Omit<domain.FreeChoiceRequest, "on">>(input), on: date }),
  "tenancy.underOccupancy": (input, date, options) => domain.tenancyUnderOccupancy(as(input), date, options),
  "tenancy.leaseEnd": (input, date, options) => domain.leaseEnd(as(input), date, options),
  /** input: { opening: openDeposit input, payments: [{ paidOn, amount }], exit: DepositExit }; date = asOf. */
  "tenancy.depositExit": (input, date, options) => {
    const i = input as { opening: Parameters<typeof domain.openDeposit>[0]; payments: { paidOn: string; amount: string }[]; exit: domain.DepositExit };
    const account = i.payments.reduce((a, p) => domain.recordDepositPayment(a, p), domain.openDeposit(i.opening, options));
    return domain.depositExitStatement(account, i.exit, date, options);
  },
};
