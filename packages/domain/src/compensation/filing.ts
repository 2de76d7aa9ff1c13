/**
 * Filing rule of the landlord's compensation request (art. 41 §1): law « au plus tard le 30 juin de
 * chaque année »; bill 8535 art. 28 1°: « au plus tard le 30 juin de l'année qui suit celle pour
 * laquelle la compensation est demandée ».
 */
import { bill, law } from "../parameters/data/builders.js";
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
  /** Years between the compensated year and the deadline's year (law 0, bill 1). */
  readonly yearOffset: number;
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
 * The deadline to file the request for `compensationYear`. The rule applied is the one in force on
 * the last day of the compensated year (interpretation note `compensation-filing-rule-date`); under
 * the law, whose text has no year offset, the request is filed in the compensated year itself
 * (`compensation-filing-law-same-year`).
 */
export function landlordFilingDeadline(compensationYear: number, options: CompensationOptions): FilingDeadline {
  if (!Number.isInteger(compensationYear) || compensationYear < 2023) throw new CompensationInputError(`compensation year ${compensationYear} is not a year of the law`);
  const resolver = new Resolver(options);
  const asOf = `${compensationYear}-12-31`;
  const day = resolver.resolve("compensation.landlord.applicationDeadline", asOf);
  if (typeof day.value === "string" || day.value.kind !== "monthDay") throw new CompensationInputError("applicationDeadline is not a month-day");
  const offsetParam = resolver.tryResolve("compensation.landlord.applicationYearOffset", asOf);
  const yearOffset = offsetParam ? Number(decimalOf(offsetParam).toFixed(0)) : 0;
  const year = compensationYear + yearOffset;
  const deadline = `${year}-${String(day.value.month).padStart(2, "0")}-${String(day.value.day).padStart(2, "0")}`;
  const parameters = [citeVersion(day.version), ...(offsetParam ? [citeVersion(offsetParam.version)] : [])];
  return {
    compensationYear,
    deadline,
    yearOffset,
    references: offsetParam ? [bill("28", { point: "1°", amends: { article: "41", paragraph: "1" } })] : [law("41", { paragraph: "1" })],
    parameters,
    interpretationNotes: offsetParam ? ["compensation-filing-rule-date"] : ["compensation-filing-rule-date", "compensation-filing-law-same-year"],
  };
}

/** Whether a request filed on `filedOn` for `compensationYear` is late (after the deadline day). */
export function checkLandlordFiling(compensationYear: number, filedOn: IsoDate, options: CompensationOptions): FilingCheck {
  assertIsoDate(filedOn, "filing date");
  const d = landlordFilingDeadline(compensationYear, options);
  const daysLate = Math.max(0, epochDay(filedOn) - epochDay(d.deadline));
  return { ...d, filedOn, late: daysLate > 0, daysLate };
}
