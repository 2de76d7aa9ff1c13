/**
 * Shared pieces of the tenancy API: the legal regime argument, legal references and parameter
 * versions as GraphQL types, computation traces, dates, and the one place where the caller's
 * regime options are derived from `ctx.legal` (the operator's bill 8535 entry-into-force date).
 */
import { formatReference, isoOfDate, PARAMETERS, type LegalReference, type ParameterVersion, type RegimeOptions, type TenancyOptions } from "@abordable/domain";
import type { Context } from "../../schema/context.js";
import { requestedOptions, resolveOptions, type OptionsResolution } from "../../schema/legal-options.js";
import { indexSeriesOf, type IndexSeriesSet } from "../../indices/series.js";

export type Regime = "LAW" | "BILL_8535";

export type RegimeResolution = OptionsResolution;

/** The regime of a request: the kernel's one selector over the operator's settings (schema/legal-options.ts). */
export function resolveRegime(ctx: Context, regime: Regime | null | undefined): RegimeResolution {
  return resolveOptions(ctx, { regime });
}

/** For reads: the regime options, or the API's mapping of the domain error (REGIME_NOT_CONFIGURED). */
export function regimeOrThrow(ctx: Context, regime: Regime | null | undefined): RegimeOptions {
  return requestedOptions(ctx, { regime });
}

/**
 * The regime options with the « cote d'application » in use (issue 17 point 4): the built-in series
 * with the operator's recorded tranches (`recordIndexValue`) and its knownUntil, so a rent (table A
 * and B, annex III) read after a new tranche uses it, and one read after knownUntil says so
 * (`unconfirmedAfter` on the index point). Also the eligibility engine's `indexOptions`.
 */
export function withCote<O extends RegimeOptions>(options: O, series: IndexSeriesSet): O & TenancyOptions {
  return { ...options, index: { coteSeries: series.cote } };
}

/** For reads: the regime options with the series in use, loaded once per request (indices/series.ts). */
export async function tenancyOptionsOrThrow(ctx: Context, regime: Regime | null | undefined): Promise<TenancyOptions> {
  const options = regimeOrThrow(ctx, regime);
  return withCote(options, await indexSeriesOf(ctx));
}

export { isoOfDate as iso, todayIso } from "@abordable/domain";
export const isoOrNull = (d: Date | null | undefined): string | null => (d ? isoOfDate(d) : null);

/** "law art. 60 §2 al. 1", "bill 8535 art. 38 (→ art. 63bis §1)": the kernel's one formatter. */
export function citation(r: LegalReference): string {
  return formatReference(r);
}

// The shared legal GraphQL types live in ../schema/law.ts; re-exported for the tenancy modules.
export { LegalReferenceRef, LegalRegimeEnum, ParameterVersionRef, RuleTraceRef } from "../../schema/law.js";

/**
 * The article carrying a legal parameter, from the parameter store: its version in force on `asOf`
 * under the regime, else the latest version before that day, else the first one; for a provision
 * the regime lacks (the bill's, under LAW), the bill's own reference. Null for an unknown id.
 * What a user error cites when a rule cannot be applied at all on that day.
 */
export function parameterReference(id: string, asOf: string, options: RegimeOptions): LegalReference | null {
  let versions: ParameterVersion[];
  try {
    versions = PARAMETERS.versions(id, options);
  } catch {
    versions = [];
  }
  const inForce = versions.find((v) => v.validFrom <= asOf && (v.validTo === null || asOf < v.validTo));
  const before = [...versions].reverse().find((v) => v.validFrom <= asOf);
  const version = inForce ?? before ?? versions[0];
  if (version) return version.reference;
  try {
    const def = PARAMETERS.definition(id);
    return def.law[0]?.reference ?? (def.bill !== "UNCHANGED" ? (def.bill.versions[0]?.reference ?? null) : null);
  } catch {
    return null;
  }
}
