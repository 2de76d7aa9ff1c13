/** Law art. 13 §4 as the API shows it on developer statements and calculations (indices/types.ts `CapitalRateBoundsCheck`). */
import { capitalRateBoundsStatus, type CompensationOptions } from "@abordable/domain";
import type { RateBoundsSource } from "../../indices/types.js";

/** Art. 13 §4 for the capital parts a developer computation remunerates: the rate fixed at the convention's signature against the €STR of that day. */
export function capitalRateChecks(lines: readonly { component: string }[], conventionSignedOn: string, options: CompensationOptions): RateBoundsSource[] {
  const kinds = (["LAND", "CONSTRUCTION"] as const).filter((k) => lines.some((l) => l.component === `CAPITAL_${k}`));
  const regimeOptions = {
    regime: options.regime,
    ...(options.bill8535EntryIntoForce !== undefined && { bill8535EntryIntoForce: options.bill8535EntryIntoForce }),
  };
  return kinds.map((k) => ({
    status: capitalRateBoundsStatus(k, conventionSignedOn, regimeOptions, options.indexSeries?.ecbRateSeries),
    regime: options.regime,
  }));
}
