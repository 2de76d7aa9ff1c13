/**
 * Law art. 13 §4: the capital remuneration rates of a social developer must lie within bounds set
 * on the ECB euro short-term rate (€STR): land — not below the rate, not below zero, at most the rate
 * + 150 bp; construction — not below the rate + 100 bp, not below zero, at most the rate + 250 bp
 * (premiums are dated parameters). The RGD 2024 rates (3.5 %, 4.5 %) are checked, not assumed: a
 * breach is reported, never hidden; a rate resolved after the €STR series' knownUntil says so.
 */
import type { Decimal } from "decimal.js";
import { Dec } from "../money/decimal.js";
import { resolveDecimal } from "../parameters/registry.js";
import { resolveEcbShortTermRate, type EcbRateUsed } from "../parameters/indices/resolve.js";
import type { EcbRateSeries } from "../parameters/indices/types.js";
import { citeVersion, type ParameterVersionUsed } from "../parameters/trace.js";
import type { IsoDate, RegimeOptions } from "../parameters/types.js";

export type CapitalRateKind = "LAND" | "CONSTRUCTION";

export interface CapitalRateBoundsCheck {
  readonly kind: CapitalRateKind;
  /** The rate applied (percent per year). */
  readonly rate: Decimal;
  readonly ecbRate: EcbRateUsed;
  /** Bounds in percent per year. */
  readonly floor: Decimal;
  readonly cap: Decimal;
  readonly withinBounds: boolean;
  /** The €STR was resolved after its series' knownUntil: the check rests on an unconfirmed value. */
  readonly unconfirmed: boolean;
  readonly parameters: readonly ParameterVersionUsed[];
}

const IDS: Record<CapitalRateKind, { rate: string; min: string; max: string }> = {
  LAND: {
    rate: "compensation.developer.capitalRemuneration.landRate",
    min: "compensation.developer.capitalRemuneration.landRateMinPremium",
    max: "compensation.developer.capitalRemuneration.landRateMaxPremium",
  },
  CONSTRUCTION: {
    rate: "compensation.developer.capitalRemuneration.constructionRate",
    min: "compensation.developer.capitalRemuneration.constructionRateMinPremium",
    max: "compensation.developer.capitalRemuneration.constructionRateMaxPremium",
  },
};

/** Checks the rate in force on `asOf` against art. 13 §4's bounds on the €STR of `asOf`. */
export function checkCapitalRateBounds(kind: CapitalRateKind, asOf: IsoDate, options: RegimeOptions, series?: EcbRateSeries): CapitalRateBoundsCheck {
  const ids = IDS[kind];
  const rate = resolveDecimal(ids.rate, asOf, options);
  const min = resolveDecimal(ids.min, asOf, options);
  const max = resolveDecimal(ids.max, asOf, options);
  const ecbRate = resolveEcbShortTermRate(asOf, series);
  const ecb = new Dec(ecbRate.value);
  // Bill art. 9 5° (→ art. 13 §4 al. 2 new): a negative ECB rate counts as zero; under the law the floor « ni inférieur à zéro » does the same for the floor only.
  const base = options.regime === "BILL_8535" && ecb.isNegative() ? new Dec(0) : ecb;
  const floor = Dec.max(base.plus(min.value.dividedBy(100)), 0);
  const cap = base.plus(max.value.dividedBy(100));
  return {
    kind,
    rate: rate.value,
    ecbRate,
    floor,
    cap,
    withinBounds: rate.value.greaterThanOrEqualTo(floor) && rate.value.lessThanOrEqualTo(cap),
    unconfirmed: ecbRate.unconfirmedAfter !== undefined,
    parameters: [rate.version, min.version, max.version].map(citeVersion),
  };
}
