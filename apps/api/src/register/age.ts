/** Age arithmetic on calendar dates (UTC), shared by pseudonymisation and household summaries. */
import { ageOn as domainAgeOn, dateOfIso, isoOfDate, todayIso } from "@abordable/domain";

/** Full years of age on a given day: the domain's calendar (29 February: note `leap-day-anniversary`), on the rows' UTC dates. */
export function ageOn(birthDate: Date, on: Date): number {
  return domainAgeOn(isoOfDate(birthDate), isoOfDate(on));
}

/**
 * Age band shown instead of a birth date on pseudonymised records (GDPR data minimisation).
 * Bands follow the thresholds the rules use: 18 (majority, art. 55), 26/29 (young people, art. 12),
 * 60 (seniors, art. 12), 70 (rehousing exception, art. 67).
 */
export const AGE_BANDS = ["UNDER_18", "AGE_18_25", "AGE_26_28", "AGE_29_39", "AGE_40_59", "AGE_60_69", "AGE_70_PLUS"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (age < 18) return "UNDER_18";
  if (age < 26) return "AGE_18_25";
  if (age < 29) return "AGE_26_28";
  if (age < 40) return "AGE_29_39";
  if (age < 60) return "AGE_40_59";
  if (age < 70) return "AGE_60_69";
  return "AGE_70_PLUS";
}

export function todayUtc(): Date {
  return dateOfIso(todayIso());
}
