/**
 * THE regime selector: from the operator's settings and what a request asks, the regime options a
 * computation applies. Allocation, tenancy, compensation, the calculators and the API all call
 * `legalOptions`; no other code turns a setting into a regime.
 */
import { assertIsoDate } from "./calendar.js";
import { DomainError } from "./errors.js";
import { readingChoicesOf, type ReadingChoices } from "./readings.js";
import type { IsoDate, Regime } from "./types.js";

/** The day the law of 7 August 2023 entered into force; bill art. 93bis provisions apply from it. */
export const LAW_IN_FORCE_FROM: IsoDate = "2023-10-01";

/**
 * Readings the operator chooses where a text is ambiguous (each backed by an interpretation note).
 * Each one overrides the value of the CODE parameter whose definition names it in `operatorSetting`,
 * with one of that parameter's `allowed` codes; absent, the stored reading applies.
 */
export interface OperatorReadings {
  /**
   * Annex II ceilings compared with ANNUAL or MONTHLY household income (note `annex-ii-annual-reading`,
   * parameter `eligibility.incomeCeiling.readingPeriod`).
   */
  readonly annexIIReadingPeriod?: "ANNUAL" | "MONTHLY";
}
export type OperatorReading = keyof OperatorReadings;

export interface RegimeOptions extends OperatorReadings, ReadingChoices {
  readonly regime: Regime;
  /** Operator-configured entry-into-force date of bill 8535; required for BILL_8535 parameters amended at entry into force. */
  readonly bill8535EntryIntoForce?: IsoDate;
}

/** Only the regime options of `o` (regime, entry into force, operator readings), the ones that are set: what a decision record keeps. */
export function regimeOptionsOf(o: RegimeOptions): RegimeOptions {
  return {
    regime: o.regime,
    ...(o.bill8535EntryIntoForce ? { bill8535EntryIntoForce: o.bill8535EntryIntoForce } : {}),
    ...(o.annexIIReadingPeriod ? { annexIIReadingPeriod: o.annexIIReadingPeriod } : {}),
  };
}

/**
 * The operator's legal settings (environment: ABORDABLE_BILL_8535_ENTRY_INTO_FORCE,
 * ABORDABLE_ANNEX_II_READING_PERIOD, and the named readings of `OPERATOR_READINGS`, law/readings.ts).
 */
export interface LegalSettings extends OperatorReadings {
  readonly bill8535EntryIntoForce?: IsoDate | null | undefined;
  /** The operator's choice of each named reading; absent ones take their documented default in the engine. */
  readonly readings?: ReadingChoices | undefined;
}

/** What one request asks: a regime, and for the bill a hypothetical entry-into-force date (calculators, queries). */
export interface RegimeRequest {
  readonly regime?: Regime | null | undefined;
  readonly bill8535EntryIntoForce?: IsoDate | null | undefined;
}

/** The error code of every regime that cannot be applied (a domain error, `DomainError.code`). */
export const REGIME_ERROR_CODE = "REGIME_NOT_CONFIGURED" as const;

/**
 * The regime options of a computation.
 *
 * The one default (no regime asked): BILL_8535 as soon as the operator has set the bill's
 * entry-into-force date, the law otherwise. Under BILL_8535 the dated parameters keep the law's
 * values before that date (parameters/timeline.ts), so the default is the law as it stands on each
 * date. A regime asked explicitly is applied; BILL_8535 takes the request's entry-into-force date,
 * else the operator's, and without either fails with DomainError REGIME_NOT_CONFIGURED (field
 * "regime"). LAW never carries the bill's date, so that a LAW result never depends on it. The
 * operator's readings (annex II period and the named readings of law/readings.ts) apply under both
 * regimes and travel in the options to every engine, which names the reading in its result.
 */
export function legalOptions(settings: LegalSettings, request: RegimeRequest = {}): RegimeOptions {
  const readings: OperatorReadings & ReadingChoices = {
    ...(settings.annexIIReadingPeriod ? { annexIIReadingPeriod: settings.annexIIReadingPeriod } : {}),
    ...readingChoicesOf(settings.readings),
  };
  const regime: Regime = request.regime ?? (settings.bill8535EntryIntoForce ? "BILL_8535" : "LAW");
  if (regime === "LAW") return { regime, ...readings };
  const date = request.bill8535EntryIntoForce ?? settings.bill8535EntryIntoForce;
  if (!date)
    throw new DomainError(
      REGIME_ERROR_CODE,
      "regime BILL_8535 needs the bill's entry-into-force date: pass it with the request, or the operator sets ABORDABLE_BILL_8535_ENTRY_INTO_FORCE; otherwise ask for regime LAW",
      { field: request.bill8535EntryIntoForce === undefined ? "regime" : "bill8535EntryIntoForce", subject: "bill8535EntryIntoForce" },
    );
  const field = request.bill8535EntryIntoForce ? "bill8535EntryIntoForce" : "regime";
  assertIsoDate(date, field);
  // The bill amends a law in force since 2023-10-01; an earlier entry into force is a settings error.
  if (date <= LAW_IN_FORCE_FROM)
    throw new DomainError(REGIME_ERROR_CODE, `bill8535EntryIntoForce ${date} is not after the law's entry into force (${LAW_IN_FORCE_FROM})`, {
      field,
      subject: "bill8535EntryIntoForce",
    });
  return { regime, bill8535EntryIntoForce: date, ...readings };
}

/** Is bill 8535 in force on `date` under these options (operator-set entry into force)? */
export function billInForce(date: IsoDate, options: RegimeOptions): boolean {
  if (options.regime !== "BILL_8535") return false;
  if (options.bill8535EntryIntoForce === undefined)
    throw new DomainError(REGIME_ERROR_CODE, "regime BILL_8535 needs bill8535EntryIntoForce (operator setting)", {
      field: "regime",
      subject: "bill8535EntryIntoForce",
    });
  return date >= options.bill8535EntryIntoForce;
}
