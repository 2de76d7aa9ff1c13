/**
 * Filing rule of the landlord's compensation request (art. 41 §1): law « au plus tard le 30 juin de
 * chaque année »; bill 8535 art. 28 1°: « au plus tard le 30 juin de l'année qui suit celle pour
 * laquelle la compensation est demandée ». Both read as 30 June of the year after the compensated
 * year: the law's request carries the year's statement and an audited annual report covering it
 * (art. 41 §2 2°-3°), so it cannot be due before that year has ended (note
 * `compensation-filing-law-year`). Each regime keeps its own dated parameter versions.
 */
import { assertIsoDate } from "../parameters/dates.js";
import { citeVersion, type ParameterVersionUsed } from "../parameters/trace.js";
import { decimalOf } from "../parameters/store.js";
import type { IsoDate, LegalReference } from "../parameters/types.js";
import { epochDay } from "./calendar.js";
import { CompensationInputError, Resolver } from "./rules.js";
import type { CompensationOptions } from "./types.js";

export interface FilingDeadline {
  /** The year the compensation is requested for. */
  readonly compensationYear: number;
  readonly deadline: IsoDate;
  /** Years between the compensated year and the deadline's year (1 under both regimes). */
  readonly yearOffset: number;
  /** The references of the versions applied (deadline day, then year offset). */
  readonly references: readonly LegalReference[];
  readonly parameters: readonly ParameterVersionUsed[];
  readonly interpretationNotes: readonly string[];
}

export interface FilingCheck extends FilingDeadline {
  readonly filedOn: IsoDate;
  readonly late: boolean;
  /** Calendar days after the deadline (0 when on time). */
  readonly daysLate: number;
}

/**
 * The deadline to file the request for `compensationYear`: 30 June
 * (`compensation.landlord.applicationDeadline`) of the compensated year +
 * `compensation.landlord.applicationYearOffset`. The versions applied are those in force on the last
 * day of the compensated year (interpretation note `compensation-filing-rule-date`).
 */
export function landlordFilingDeadline(compensationYear: number, options: CompensationOptions): FilingDeadline {
  if (!Number.isInteger(compensationYear) || compensationYear < 2023)
    throw new CompensationInputError(`compensation year ${compensationYear} is not a year of the law`);
  const resolver = new Resolver(options);
  const asOf = `${compensationYear}-12-31`;
  const day = resolver.resolve("compensation.landlord.applicationDeadline", asOf);
  if (typeof day.value === "string" || day.value.kind !== "monthDay") throw new CompensationInputError("applicationDeadline is not a month-day");
  const offset = resolver.resolve("compensation.landlord.applicationYearOffset", asOf);
  const offsetValue = decimalOf(offset);
  if (!offsetValue.isInteger() || offsetValue.isNegative()) throw new CompensationInputError("applicationYearOffset is not a whole number of years");
  const yearOffset = Number(offsetValue.toFixed(0)); // a count of years, not money
  const deadline = `${compensationYear + yearOffset}-${String(day.value.month).padStart(2, "0")}-${String(day.value.day).padStart(2, "0")}`;
  // One reference per provision (the bill cites its art. 28 1° for both figures, with different quotes).
  const provision = ({ quote: _quote, ...where }: LegalReference) => JSON.stringify(where);
  const references = [day.version.reference, offset.version.reference].filter((r, i, all) => all.findIndex((o) => provision(o) === provision(r)) === i);
  return {
    compensationYear,
    deadline,
    yearOffset,
    references,
    parameters: [citeVersion(day.version), citeVersion(offset.version)],
    interpretationNotes:
      offset.version.origin === "LAW" ? ["compensation-filing-rule-date", "compensation-filing-law-year"] : ["compensation-filing-rule-date"],
  };
}

/** Whether a request filed on `filedOn` for `compensationYear` is late (after the deadline day). */
export function checkLandlordFiling(compensationYear: number, filedOn: IsoDate, options: CompensationOptions): FilingCheck {
  assertIsoDate(filedOn, "filing date");
  const d = landlordFilingDeadline(compensationYear, options);
  const daysLate = Math.max(0, epochDay(filedOn) - epochDay(d.deadline));
  return { ...d, filedOn, late: daysLate > 0, daysLate };
}
