/**
 * The regime of a compensation input (issue 17): `legalRegime: LegalRegime` (schema/law.ts, the one
 * regime enum) beside the deprecated `regime: CompensationRegime`. Either may be given; both given and
 * different is refused naming the field; neither gives the input's default.
 */
import type { Regime } from "@abordable/domain";
import { badUserInput } from "../../schema/domain-errors.js";

/** The deprecation reason of the old `regime` argument / input field. */
export const REGIME_DEPRECATION = "Use legalRegime (LegalRegime); removal not before 2027-06-30";

/** The chosen regime, or a message naming the conflict. */
export function chooseRegime(regime: Regime | null | undefined, legalRegime: Regime | null | undefined, fallback: Regime): { regime: Regime } | { conflict: string } {
  if (regime != null && legalRegime != null && regime !== legalRegime) return { conflict: `regime ${regime} and legalRegime ${legalRegime} differ: give legalRegime only (regime is deprecated)` };
  return { regime: legalRegime ?? regime ?? fallback };
}

/** For queries: the chosen regime, or BAD_USER_INPUT on `field`. */
export function regimeOrBadInput(input: { regime?: Regime | null; legalRegime?: Regime | null }, fallback: Regime, field = "input.legalRegime"): Regime {
  const chosen = chooseRegime(input.regime, input.legalRegime, fallback);
  if ("conflict" in chosen) throw badUserInput(chosen.conflict, field);
  return chosen.regime;
}
