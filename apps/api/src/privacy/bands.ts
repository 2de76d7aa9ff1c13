/** The coarse forms analysts and pseudonymised records get instead of personal data: income bands and age bands (the one band rule, on the domain's calendar). */
import { ageOn as domainAgeOn, Dec, todayIso } from "@abordable/domain";

/** Income band shown instead of an amount (EUR 20,000 steps; 100,000 or more in one band). */
export function incomeBand(amount: { toFixed(): string } | string | number | null | undefined): string | null {
  if (amount == null) return null;
  // The amount stays an exact decimal: only the band's lower bound (a whole multiple of 20,000) is printed.
  let n: InstanceType<typeof Dec>;
  try {
    n = new Dec(typeof amount === "object" ? amount.toFixed() : amount);
  } catch {
    return null;
  }
  if (!n.isFinite()) return null;
  if (n.gte(100_000)) return "EUR_100000_OR_MORE";
  const low = Dec.max(n, 0).div(20_000).floor().mul(20_000);
  return `EUR_${low.toFixed(0)}_TO_${low.plus(19_999).toFixed(0)}`;
}

/** The lower bound of an amount's income band (what an anonymised record keeps of an income). */
export function incomeBandFloor(amount: { toFixed(): string } | string | number): string {
  const n = new Dec(typeof amount === "object" ? amount.toFixed() : amount);
  if (!n.isFinite() || n.lte(0)) return "0.00";
  return Dec.min(n, 100_000).div(20_000).floor().mul(20_000).toFixed(2);
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

/** The age band of a birth date today: the register's one band rule on the domain's one calendar (register/adapters/age.ts). */
export function ageBandOfIso(iso: string): string {
  return ageBand(domainAgeOn(iso.slice(0, 10), todayIso()));
}

/** The masked form of one classified audit value: a coarse band for incomes and birth dates, the class otherwise. */
