/**
 * Shared pieces of the tenancy API: the legal regime argument, legal references and parameter
 * versions as GraphQL types, computation traces, dates, and the one place where the caller's
 * regime options are derived from `ctx.legal` (the operator's bill 8535 entry-into-force date).
 */
import { DomainError, formatReference, isoOfDate, legalOptions, PARAMETERS, type ComputationTrace, type LegalReference, type ParameterVersion, type ParameterVersionUsed, type RegimeOptions } from "@abordable/domain";
import { builder } from "../schema/builder.js";
import type { Context } from "../schema/context.js";
import { domainGraphQLError } from "../schema/domain-errors.js";

export type Regime = "LAW" | "BILL_8535";

export const LegalRegimeEnum = builder.enumType("LegalRegime", {
  description: "The legal regime a computation applies (docs/rules.md preamble).",
  values: {
    LAW: { value: "LAW", description: "The law of 7 August 2023 as consolidated on 1 January 2026 (in force)." },
    BILL_8535: { value: "BILL_8535", description: "The law as amended by bill 8535, from the operator's entry-into-force date (ABORDABLE_BILL_8535_ENTRY_INTO_FORCE)." },
  } as const,
});

export type RegimeResolution = { ok: true; options: RegimeOptions } | { ok: false; error: DomainError };

/** The regime of a request: the domain's one selector (`legalOptions`) over the operator's settings. */
export function resolveRegime(ctx: Context, regime: Regime | null | undefined): RegimeResolution {
  try {
    return { ok: true, options: legalOptions(ctx.legal, { regime }) };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e };
    throw e;
  }
}

/** For reads: the regime options, or the API's mapping of the domain error (REGIME_NOT_CONFIGURED). */
export function regimeOrThrow(ctx: Context, regime: Regime | null | undefined): RegimeOptions {
  const r = resolveRegime(ctx, regime);
  if (!r.ok) throw domainGraphQLError(r.error, { field: "regime" });
  return r.options;
}

export { isoOfDate as iso, todayIso } from "@abordable/domain";
export const isoOrNull = (d: Date | null | undefined): string | null => (d ? isoOfDate(d) : null);

/** "law art. 60 §2 al. 1", "bill 8535 art. 38 (→ art. 63bis §1)". */
export function citation(r: LegalReference): string {
  return formatReference(r);
}

export const LegalReferenceRef = builder.objectRef<LegalReference>("LegalReference").implement({
  description: "Where a rule or figure comes from: text, article, paragraph, alinea, point.",
  fields: (t) => ({
    text: t.string({ description: "The text: LAW_2023 (law of 7 August 2023), BILL_8535, RGD_2023_10_13, RGD_2024_01_24 or ESCH_ROI.", resolve: (r) => r.text }),
    article: t.string({ description: "Article (\"60\", \"63bis\", \"annexe III\").", resolve: (r) => r.article }),
    paragraph: t.string({ nullable: true, description: "Paragraph (§), if any.", resolve: (r) => r.paragraph ?? null }),
    alinea: t.string({ nullable: true, description: "Alinea (al.), if any.", resolve: (r) => r.alinea ?? null }),
    point: t.string({ nullable: true, description: "Point (1°, a)…), if any.", resolve: (r) => r.point ?? null }),
    amendsArticle: t.string({ nullable: true, description: "For a bill article: the article of the law it amends or inserts.", resolve: (r) => r.amends?.article ?? null }),
    citation: t.string({ description: "The reference in words, e.g. \"law art. 60 §2 al. 1\".", resolve: (r) => citation(r) }),
  }),
});

export const ParameterVersionRef = builder.objectRef<ParameterVersionUsed>("ParameterVersionUsed").implement({
  description: "A dated legal parameter version a computation used (« which parameter versions produced it »).",
  fields: (t) => ({
    parameterId: t.string({ description: "Stable parameter id, e.g. \"rent.thresholds\".", resolve: (p) => p.parameterId }),
    regime: t.field({ type: LegalRegimeEnum, description: "Regime of the version.", resolve: (p) => p.regime }),
    origin: t.field({ type: LegalRegimeEnum, description: "Text the version comes from (the law, or the bill).", resolve: (p) => p.origin }),
    validFrom: t.field({ type: "Date", description: "First day in force.", resolve: (p) => p.validFrom }),
    validTo: t.field({ type: "Date", nullable: true, description: "First day no longer in force (exclusive); null when open-ended.", resolve: (p) => p.validTo }),
    unit: t.string({ description: "Unit (EUR, PERCENT, MONTHS…).", resolve: (p) => p.unit }),
    value: t.field({ type: "JSON", description: "The value as the parameter store holds it (decimal string, table, brackets or duration).", resolve: (p) => p.value }),
    reference: t.field({ type: LegalReferenceRef, description: "Article carrying the figure.", resolve: (p) => p.reference }),
  }),
});

export const RuleTraceRef = builder.objectRef<ComputationTrace>("RuleTrace");
RuleTraceRef.implement({
  description: "One rule applied by a computation: its id, articles, inputs, parameter versions and result; sub-steps in order.",
  fields: (t) => ({
    ruleId: t.string({ description: "Stable rule id, e.g. \"tenancy.rent.effortRate\".", resolve: (s) => s.ruleId }),
    references: t.field({ type: [LegalReferenceRef], description: "Articles the rule implements.", resolve: (s) => [...s.references] }),
    regime: t.field({ type: LegalRegimeEnum, description: "Regime applied.", resolve: (s) => s.regime }),
    asOf: t.field({ type: "Date", description: "Date the rule was evaluated for.", resolve: (s) => s.asOf }),
    inputs: t.field({ type: "JSON", description: "Inputs of the rule (decimals as strings).", resolve: (s) => s.inputs }),
    result: t.field({ type: "JSON", description: "Result of the rule (decimals as strings).", resolve: (s) => s.result }),
    parameters: t.field({ type: [ParameterVersionRef], description: "Parameter versions the rule used.", resolve: (s) => [...s.parameters] }),
    indices: t.field({ type: "JSON", description: "Index values used (cote d'application…), with their source.", resolve: (s) => s.indices }),
    interpretationNotes: t.stringList({ description: "Ids of the interpretation notes the rule relies on (packages/domain/src/tenancy/README.md).", resolve: (s) => [...(s.interpretationNotes ?? [])] }),
    steps: t.field({ type: [RuleTraceRef], description: "Sub-steps, in order.", resolve: (s) => [...(s.steps ?? [])] }),
  }),
});

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
