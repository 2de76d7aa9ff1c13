/**
 * The regime argument of an input (issue 17): `legalRegime: LegalRegime` (schema/law.ts, the one
 * regime enum) beside a deprecated `regime` of a capability's own enum (CompensationRegime,
 * AllocationRegime). Either may be given; both given and different is refused naming the field;
 * neither gives the input's default (compensation: LAW; allocation: the operator's setting).
 */
import type { Regime } from "@abordable/domain";
import { badUserInput } from "./domain-errors.js";

/** The deprecation reason of the old `regime` argument / input field. */
export const REGIME_DEPRECATION = "Use legalRegime (LegalRegime); removal not before 2027-06-30";

/** The chosen regime, or a message naming the conflict. */
export function chooseRegime<F extends Regime | undefined>(
  regime: Regime | null | undefined,
  legalRegime: Regime | null | undefined,
  fallback: F,
): { regime: Regime | F } | { conflict: string } {
  if (regime != null && legalRegime != null && regime !== legalRegime)
    return { conflict: `regime ${regime} and legalRegime ${legalRegime} differ: give legalRegime only (regime is deprecated)` };
  return { regime: legalRegime ?? regime ?? fallback };
}

/** For queries: the chosen regime, or BAD_USER_INPUT on `field`. */
export function regimeOrBadInput<F extends Regime | undefined>(
  input: { regime?: Regime | null; legalRegime?: Regime | null },
  fallback: F,
  field = "input.legalRegime",
): Regime | F {
  const chosen = chooseRegime(input.regime, input.legalRegime, fallback);
  if ("conflict" in chosen) throw badUserInput(chosen.conflict, field);
  return chosen.regime;
}
