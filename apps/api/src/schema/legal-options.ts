/**
 * The API's one adapter from the operator's settings (`ctx.legal`: bill 8535's entry into force and
 * the named readings) and what a request asks to the options a computation applies. The decision
 * itself is the law kernel's `legalOptions` (one documented default, one error code); this file only
 * says what a refusal becomes: in a query the one domain-error mapping (BAD_USER_INPUT naming the
 * field), in a mutation a user error (the caller adds it to its Problems).
 */
import { DomainError, legalOptions, type RegimeOptions, type RegimeRequest } from "@abordable/domain";
import type { Context } from "./context.js";
import { domainGraphQLError } from "./domain-errors.js";

type Legal = Pick<Context, "legal">;

/** The operator's default (no regime asked): what stored computations (decision records, rents, statements) apply. */
export function operatorOptions(ctx: Legal): RegimeOptions {
  return legalOptions(ctx.legal);
}

export type OptionsResolution = { ok: true; options: RegimeOptions } | { ok: false; error: DomainError };

/** A request's regime, or the kernel's refusal as a value (mutations turn it into a user error). */
export function resolveOptions(ctx: Legal, request: RegimeRequest): OptionsResolution {
  try {
    return { ok: true, options: legalOptions(ctx.legal, request) };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e };
    throw e;
  }
}

/** A request's regime for a query: a regime the kernel cannot apply is the one domain-error mapping, naming `field`. */
export function requestedOptions(ctx: Legal, request: RegimeRequest, field = "regime"): RegimeOptions {
  const r = resolveOptions(ctx, request);
  if (!r.ok) throw domainGraphQLError(r.error, { field });
  return r.options;
}
