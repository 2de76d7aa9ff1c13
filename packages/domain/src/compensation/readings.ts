/**
 * Readings of the compensation texts that an operator chooses (issue 17 point 2): where the text
 * allows more than one reading with money at stake, each is implemented, the operator's setting
 * picks one, and every statement and calculator result names the readings it applied
 * (`readings`). Absent settings take the documented default below.
 */
import type { RegimeOptions } from "../parameters/types.js";
import {
  ART_93BIS_SCOPE_READINGS,
  FLAT_UNIT_READINGS,
  OPERATOR_READINGS,
  readingOf,
  SURPLUS_READINGS,
  type Art93bisScopeReading,
  type FlatUnitReading,
  type SurplusReading,
} from "../law/readings.js";

// The reading lists live in the kernel's one registry (law/readings.ts); re-exported for the engine's callers.
export { ART_93BIS_SCOPE_READINGS, FLAT_UNIT_READINGS, SURPLUS_READINGS, type Art93bisScopeReading, type FlatUnitReading, type SurplusReading };

/**
 * How the engine applies each reading.
 *
 * Flats « par logement ou par unité d'hébergement » (bill art. 9 2° → art. 13 §2 al. 1; bill art. 27
 * 1° → art. 40 §2 al. 1), while the RGD of 24 January 2024 still fixes 140 (art. 1) and 300
 * (art. 3) EUR « par mois par logement » (note `compensation-flat-unit-reading`):
 * - PER_DWELLING (default): one flat per dwelling, whatever its units; the RGD's figure is per
 *   dwelling and no regulation fixes a per-unit figure, and the Conseil d'État opposed the
 *   definition of « unité d'hébergement » (struck from the bill);
 * - PER_UNIT: under the bill, one flat per accommodation unit, each over its own days.
 * Under the law there are no units: per dwelling whatever the reading.
 *
 * Landlord surplus (law art. 47, « Remboursement d'un surplus de recettes »): « à verser à la
 * trésorerie de l'État via le Fonds spécial pour le logement abordable, à moins de pouvoir être
 * déduits de la prochaine tranche de la compensation à liquider » (note `compensation-surplus-art-47`):
 * - PAID_TO_STATE (default): the surplus is owed to the State through the Fonds spécial;
 * - DEDUCTED_FROM_NEXT_TRANCHE: the surplus is carried to the next tranche of compensation and
 *   nothing is paid now.
 *
 * Scope of bill art. 49 (→ art. 93bis al. 1): « Les articles 13 et 40, paragraphes 2 et 3,
 * produisent leurs effets au 1er octobre 2023 » (note `compensation-art-93bis-scope`):
 * - WHOLE_ART_13 (default): all of art. 13 as amended and art. 40 §2-3 are retroactive;
 * - ART_13_PAR_2_3_ONLY: « paragraphes 2 et 3 » qualifies both articles: only art. 13 §2-3 (and
 *   art. 40 §2-3) are retroactive; art. 13 §1 al. 2 (rent cap), §3bis (Fonds du Logement
 *   indemnity) and §5 (indexation base) follow the bill from its entry into force.
 */
/** The operator's readings for compensation; each absent one takes its default. */
export interface CompensationReadingOptions {
  readonly flatUnitReading?: FlatUnitReading;
  readonly surplusReading?: SurplusReading;
  readonly art93bisScopeReading?: Art93bisScopeReading;
}

/** The readings a result applied, all named. */
export interface CompensationReadings {
  readonly flatUnitReading: FlatUnitReading;
  readonly surplusReading: SurplusReading;
  readonly art93bisScopeReading: Art93bisScopeReading;
}

export const COMPENSATION_READING_DEFAULTS: CompensationReadings = Object.freeze({
  flatUnitReading: OPERATOR_READINGS.flatUnitReading.default,
  surplusReading: OPERATOR_READINGS.surplusReading.default,
  art93bisScopeReading: OPERATOR_READINGS.art93bisScopeReading.default,
});

/** The readings in force for these options (defaults filled in, unknown values refused). */
export function compensationReadings(o: RegimeOptions & CompensationReadingOptions): CompensationReadings {
  return {
    flatUnitReading: readingOf("flatUnitReading", o),
    surplusReading: readingOf("surplusReading", o),
    art93bisScopeReading: readingOf("art93bisScopeReading", o),
  };
}
