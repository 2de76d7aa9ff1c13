/**
 * THE registry of operator readings (issue 17 point 2). Where a text allows more than one reading
 * with money or people at stake, each reading is implemented by its engine, the operator's setting
 * (an environment variable) picks one, and every result names the reading it applied. This file is
 * the one list of them: the configuration reads the settings from it, `legalOptions` carries the
 * chosen ones into every computation, and the engines' own modules (compensation/readings.ts,
 * allocation/readings.ts) re-export the types and apply the defaults.
 *
 * A reading that makes a legal condition vacuous is not a reading: the former MONTHLY reading of
 * annex II (a ceiling of 45,846 EUR a month) was removed, and its setting is refused by the
 * configuration (note `annex-ii-annual-reading`).
 */

/**
 * Flats « par logement ou par unité d'hébergement » (bill art. 9 2° → art. 13 §2 al. 1; bill art. 27
 * 1° → art. 40 §2 al. 1), while the RGD of 24 January 2024 still fixes 140 (art. 1) and 300
 * (art. 3) EUR « par mois par logement » (note `compensation-flat-unit-reading`).
 */
export const FLAT_UNIT_READINGS = ["PER_DWELLING", "PER_UNIT"] as const;
export type FlatUnitReading = (typeof FLAT_UNIT_READINGS)[number];

/** Landlord surplus, law art. 47: paid to the State, « à moins de pouvoir être déduits de la prochaine tranche » (note `compensation-surplus-art-47`). */
export const SURPLUS_READINGS = ["PAID_TO_STATE", "DEDUCTED_FROM_NEXT_TRANCHE"] as const;
export type SurplusReading = (typeof SURPLUS_READINGS)[number];

/** Scope of bill art. 49 (→ art. 93bis al. 1): « Les articles 13 et 40, paragraphes 2 et 3, produisent leurs effets au 1er octobre 2023 » (note `compensation-art-93bis-scope`). */
export const ART_93BIS_SCOPE_READINGS = ["WHOLE_ART_13", "ART_13_PAR_2_3_ONLY"] as const;
export type Art93bisScopeReading = (typeof ART_93BIS_SCOPE_READINGS)[number];

/** Residence condition (art. 55 §1 4°) for beneficiaries of international protection under the law (note `international-protection-reading`). */
export const INTERNATIONAL_PROTECTION_READINGS = ["INCLUSIVE", "STRICT"] as const;
export type InternationalProtectionReading = (typeof INTERNATIONAL_PROTECTION_READINGS)[number];

/** The readings an operator may choose; each absent one takes its documented default. */
export interface ReadingChoices {
  readonly flatUnitReading?: FlatUnitReading;
  readonly surplusReading?: SurplusReading;
  readonly art93bisScopeReading?: Art93bisScopeReading;
  readonly internationalProtectionReading?: InternationalProtectionReading;
}
export type ReadingName = keyof ReadingChoices;

/** One operator reading: its setting, its values, its default, the note that argues it, the text it reads. */
export interface ReadingDefinition<N extends ReadingName = ReadingName> {
  readonly name: N;
  /** Environment variable of the operator's setting. */
  readonly setting: string;
  readonly allowed: readonly NonNullable<ReadingChoices[N]>[];
  readonly default: NonNullable<ReadingChoices[N]>;
  /** Interpretation note (law/notes.ts registries) that records the reading. */
  readonly note: string;
  readonly article: string;
}

export const OPERATOR_READINGS: { readonly [N in ReadingName]: ReadingDefinition<N> } = Object.freeze({
  flatUnitReading: {
    name: "flatUnitReading",
    setting: "ABORDABLE_FLAT_UNIT_READING",
    allowed: FLAT_UNIT_READINGS,
    default: "PER_DWELLING",
    note: "compensation-flat-unit-reading",
    article: "bill art. 9 2° (→ art. 13 §2), art. 27 1° (→ art. 40 §2); RGD 24.1.2024 art. 1, 3",
  },
  surplusReading: {
    name: "surplusReading",
    setting: "ABORDABLE_SURPLUS_READING",
    allowed: SURPLUS_READINGS,
    default: "PAID_TO_STATE",
    note: "compensation-surplus-art-47",
    article: "law art. 47",
  },
  art93bisScopeReading: {
    name: "art93bisScopeReading",
    setting: "ABORDABLE_ART_93BIS_SCOPE_READING",
    allowed: ART_93BIS_SCOPE_READINGS,
    default: "WHOLE_ART_13",
    note: "compensation-art-93bis-scope",
    article: "bill art. 49 (→ art. 93bis al. 1)",
  },
  internationalProtectionReading: {
    name: "internationalProtectionReading",
    setting: "ABORDABLE_INTERNATIONAL_PROTECTION_READING",
    allowed: INTERNATIONAL_PROTECTION_READINGS,
    default: "INCLUSIVE",
    note: "international-protection-reading",
    article: "law art. 55 §1 4°; art. 12 §3 1°; art. 68",
  },
});

/** A reading's value in force: the choice, or the default; a value outside the reading's list is refused. */
export function readingOf<N extends ReadingName>(name: N, choices: ReadingChoices): NonNullable<ReadingChoices[N]> {
  const def = OPERATOR_READINGS[name] as ReadingDefinition<N>;
  const value = choices[name];
  if (value === undefined) return def.default;
  if (!(def.allowed as readonly unknown[]).includes(value)) throw new RangeError(`${name} must be one of ${def.allowed.join(", ")} (got ${String(value)})`);
  return value as NonNullable<ReadingChoices[N]>;
}

/** Only the choices that are set (what a computation's options carry). */
export function readingChoicesOf(choices: ReadingChoices | undefined): ReadingChoices {
  const out: { -readonly [N in ReadingName]?: ReadingChoices[N] } = {};
  if (!choices) return out;
  for (const name of Object.keys(OPERATOR_READINGS) as ReadingName[]) if (choices[name] !== undefined) (out as Record<string, unknown>)[name] = choices[name];
  return out;
}
