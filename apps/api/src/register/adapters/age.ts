/** Age arithmetic on calendar dates (UTC), shared by pseudonymisation and household summaries. */
import { ageOn as domainAgeOn, dateOfIso, isoOfDate, todayIso } from "@abordable/domain";

/** Full years of age on a given day: the domain's calendar (29 February: note `leap-day-anniversary`), on the rows' UTC dates. */
export function ageOn(birthDate: Date, on: Date): number {
  return domainAgeOn(isoOfDate(birthDate), isoOfDate(on));
}

/** The age bands of pseudonymised records are the personal-data policy's (privacy/personal-data.ts). */
export { AGE_BANDS, ageBand, type AgeBand } from "../../privacy/bands.js";

export function todayUtc(): Date {
  return dateOfIso(todayIso());
}
