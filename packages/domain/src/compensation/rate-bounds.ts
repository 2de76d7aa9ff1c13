/**
 * Law art. 13 §4: the capital remuneration rates of a social developer must lie within bounds set
 * on the ECB euro short-term rate (€STR): land — not below the rate, not below zero, at most the rate
 * + 150 bp; construction — not below the rate + 100 bp, not below zero, at most the rate + 250 bp
 * (premiums are dated parameters). The RGD 2024 rates (3.5 %, 4.5 %) are checked, not assumed: a
 * breach is reported, never hidden; a rate resolved after the €STR series' knownUntil says so.
 */
import type { Decimal } from "decimal.js";
import { Dec } from "../money/decimal.js";
import { DomainError } from "../law/errors.js";
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

/** The art. 13 §4 check as a statement shows it: never hidden — a breach, a missing or an unconfirmed €STR is said. */
export interface CapitalRateBoundsStatus {
  readonly kind: CapitalRateKind;
  /** The day checked: the rate in force on it against the €STR in force on it. */
  readonly asOf: IsoDate;
  /** WITHIN_BOUNDS, BREACHED, or ECB_RATE_MISSING (no €STR recorded on or before `asOf`: the bounds cannot be checked). */
  readonly status: "WITHIN_BOUNDS" | "BREACHED" | "ECB_RATE_MISSING";
  /** The rate applied (percent per year), resolved even when the €STR is missing. */
  readonly rate: Decimal;
  /** The check; null when the €STR is missing. */
  readonly check: CapitalRateBoundsCheck | null;
  /** Why the check could not be made (the INDEX_MISSING message), else null. */
  readonly missing: string | null;
  /** True when the statement must draw attention to it: breached, €STR missing, or resting on an unconfirmed €STR. */
  readonly flagged: boolean;
  readonly parameters: readonly ParameterVersionUsed[];
}

/** `checkCapitalRateBounds`, with a missing €STR reported as ECB_RATE_MISSING instead of thrown. */
export function capitalRateBoundsStatus(kind: CapitalRateKind, asOf: IsoDate, options: RegimeOptions, series?: EcbRateSeries): CapitalRateBoundsStatus {
  try {
    const check = checkCapitalRateBounds(kind, asOf, options, series);
    return {
      kind,
      asOf,
      status: check.withinBounds ? "WITHIN_BOUNDS" : "BREACHED",
      rate: check.rate,
      check,
      missing: null,
      flagged: !check.withinBounds || check.unconfirmed,
      parameters: check.parameters,
    };
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== "INDEX_MISSING") throw e;
    const rate = resolveDecimal(IDS[kind].rate, asOf, options);
    return {
      kind,
      asOf,
      status: "ECB_RATE_MISSING",
      rate: rate.value,
      check: null,
      missing: e.message,
      flagged: true,
      parameters: [citeVersion(rate.version)],
    };
  }
}
