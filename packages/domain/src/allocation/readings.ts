/**
 * Readings of the allocation and tenancy texts that an operator chooses (issue 17 point 2): each is
 * implemented, the operator's setting picks one, and every eligibility answer and decision record
 * names the readings it applied.
 */
import type { RegimeOptions } from "../parameters/types.js";
import { INTERNATIONAL_PROTECTION_READINGS, OPERATOR_READINGS, readingOf, type InternationalProtectionReading } from "../law/readings.js";

/**
 * Residence condition (art. 55 §1 4°) for beneficiaries of international protection under the law
 * in force (note `international-protection-reading`). The law refers to the immigration law of
 * 29 August 2008, yet art. 12 §3 1° reserves dwellings for them and art. 68 calls them
 * « candidat-locataire »; bill art. 32 adds them explicitly (4° c):
 * - INCLUSIVE (default): a beneficiary of international protection meets 4° under both regimes;
 * - STRICT: under the law only a residence right recorded for the member counts (the bill's c) still applies once in force).
 * Applicants for protection (« demandeurs ») are not beneficiaries: they meet 4° only with a residence right, under either reading.
 */
export { INTERNATIONAL_PROTECTION_READINGS, type InternationalProtectionReading };

export interface AllocationReadingOptions {
  readonly internationalProtectionReading?: InternationalProtectionReading;
}

/** The readings an allocation result applied, all named. */
export interface AllocationReadings {
  readonly internationalProtectionReading: InternationalProtectionReading;
  /** Annex II compared with the annual income (the one reading left: a monthly reading made the ceiling vacuous). */
  readonly annexIIReadingPeriod: "ANNUAL";
}

export const ALLOCATION_READING_DEFAULTS: AllocationReadings = Object.freeze({
  internationalProtectionReading: OPERATOR_READINGS.internationalProtectionReading.default,
  annexIIReadingPeriod: "ANNUAL",
});

export function allocationReadings(o: RegimeOptions & AllocationReadingOptions): AllocationReadings {
  const ip = readingOf("internationalProtectionReading", o);
  const period = (o as { annexIIReadingPeriod?: string }).annexIIReadingPeriod;
  if (period !== undefined && period !== "ANNUAL")
    throw new RangeError(
      `annexIIReadingPeriod ${period} is no longer a reading: compared with monthly income the annex II ceilings (annual amounts) would admit 500,000 EUR a year; only ANNUAL remains (note annex-ii-annual-reading)`,
    );
  return { internationalProtectionReading: ip, annexIIReadingPeriod: "ANNUAL" };
}
