/** Public-service compensation: social developer (art. 13), social landlord (art. 40-41), residual value (bill annex IV), art. 72 §2. */
export * from "./types.js";
export * from "./readings.js";
export { PRORATION_RULE, prorate, monthsBetween, monthsOfYear, type DayRange } from "./calendar.js";
export { CompensationInputError, parameterKey } from "./rules.js";
export {
  buildDeveloperStatement,
  capitalTakenIntoAccount,
  checkDeveloperRentCap,
  serviceYearOf,
  type AccommodationUnitInput,
  type CapitalInput,
  type DeveloperDwellingInput,
  type DeveloperStatementInput,
  type RentCapCheck,
} from "./developer.js";
export {
  buildLandlordStatement,
  type LandlordDwellingInput,
  type LandlordObjectInput,
  type LandlordStatementInput,
  type LeaseInput,
  type MonthlyAmountsInput,
  type MonthlyRentPeriodInput,
  type VacancyInput,
} from "./landlord.js";
export { checkLandlordFiling, landlordFilingDeadline, type FilingCheck, type FilingDeadline } from "./filing.js";
export {
  optionalRegimeRemuneration,
  OPTIONAL_REGIME_CASES,
  prefinancingAdvance,
  prefinancingServiceYears,
  residualValue,
  type OptionalRegimeCase,
  type OptionalRegimeInput,
  type OptionalRegimeResult,
  type PrefinancingServiceYears,
  type PrefinancingYearPaid,
  type ResidualValueInput,
  type ResidualValueResult,
} from "./residual.js";
export {
  canonicalStatementJson,
  diffStatements,
  statementContentHash,
  statementToCsv,
  type CsvOptions,
  type LineChange,
  type StatementDiff,
} from "./statement-io.js";
export {
  calculateDeveloperCompensation,
  calculateLandlordCompensation,
  calculateOptionalRegimeRemuneration,
  calculateResidualValue,
  lineTrace,
  type CalculatorResult,
  type DeveloperCompensationQuery,
  type DeveloperCompensationResult,
  type LandlordCompensationQuery,
  type LandlordCompensationResult,
} from "./calculators.js";
export { COMPENSATION_INTERPRETATION_NOTES } from "./notes.js";
export { checkFlatsAgainstCeilings, FLAT_CEILING_PAIRS, type FlatCeilingCheck } from "./ceilings.js";
export {
  capitalRateBoundsStatus,
  checkCapitalRateBounds,
  type CapitalRateBoundsCheck,
  type CapitalRateBoundsStatus,
  type CapitalRateKind,
} from "./rate-bounds.js";
