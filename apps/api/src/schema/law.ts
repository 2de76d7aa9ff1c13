/**
 * The shared legal GraphQL types, built once from the domain's law kernel (packages/domain/src/law):
 * ONE regime enum (`LegalRegime`), ONE citation type (`LegalReference`, labelled by the kernel's one
 * formatter `formatReference`), ONE parameter-version type (`ParameterVersionUsed`) and ONE trace type
 * (`RuleTrace`). Capabilities (tenancy, allocation, compensation) use these; their older per-capability
 * types stay in the schema only as deprecated aliases (additive schema policy, issue 17).
 */
import { formatAmends, formatReference, type ComputationTrace, type LegalReference, type ParameterVersionUsed } from "@abordable/domain";
import { builder } from "./builder.js";

/** The deprecation reason of a field superseded by a unified one (additive schema policy, issue 17). */
export const useInstead = (field: string): string => `Use ${field}; removal not before 2027-06-30`;

export const LegalRegimeEnum = builder.enumType("LegalRegime", {
  description:
    "Régime légal: the legal regime a computation applies (docs/rules.md preamble): the loi du 7 août 2023 relative au logement abordable, or that law as amended by bill 8535 (projet de loi n° 8535).",
  values: {
    LAW: { value: "LAW", description: "Loi du 7 août 2023 relative au logement abordable, as consolidated on 1 January 2026 (in force)." },
    BILL_8535: {
      value: "BILL_8535",
      description:
        "The law as amended by bill 8535 (projet de loi n° 8535), from the operator's entry-into-force date (ABORDABLE_BILL_8535_ENTRY_INTO_FORCE); art. 13 and 40 §2-3 from 2023-10-01 (art. 93bis).",
    },
  } as const,
});

export const LegalReferenceRef = builder.objectRef<LegalReference>("LegalReference").implement({
  description:
    "Référence légale: where a rule or figure comes from: the text (loi, projet de loi, règlement grand-ducal), its article (art.), paragraph (§), alinéa (al.) and point, with the kernel's formatted citation.",
  fields: (t) => ({
    text: t.string({ description: "The text: LAW_2023 (loi du 7 août 2023), BILL_8535, RGD_2023_10_13, RGD_2024_01_24 or ESCH_ROI.", resolve: (r) => r.text }),
    article: t.string({ description: 'Article (art.): "60", "63bis", "annexe III".', resolve: (r) => r.article }),
    paragraph: t.string({ nullable: true, description: "Paragraphe (§), if any.", resolve: (r) => r.paragraph ?? null }),
    alinea: t.string({ nullable: true, description: "Alinéa (al.), if any.", resolve: (r) => r.alinea ?? null }),
    point: t.string({ nullable: true, description: "Point (1°, a)…), if any.", resolve: (r) => r.point ?? null }),
    amendsArticle: t.string({
      nullable: true,
      description: "For a bill 8535 article: the article of the law it amends or inserts (number only).",
      resolve: (r) => r.amends?.article ?? null,
    }),
    amends: t.string({
      nullable: true,
      description: 'For a bill 8535 article: the law article it amends or inserts, with its divisions, e.g. "art. 63bis §1".',
      resolve: (r) => formatAmends(r),
    }),
    quote: t.string({
      nullable: true,
      description: "Short verbatim French quote (citation textuelle) carrying the figure, when recorded.",
      resolve: (r) => r.quote ?? null,
    }),
    label: t.string({
      nullable: true,
      description: "What the provision requires or says, in short (allocation criteria and eligibility conditions), when given.",
      resolve: (r) => (r as LegalReference & { label?: string }).label ?? null,
    }),
    citation: t.string({
      description: 'The reference in words by the kernel\'s one formatter, e.g. "law art. 60 §2 al. 1".',
      resolve: (r) => formatReference(r),
    }),
  }),
});

export const ParameterVersionRef = builder.objectRef<ParameterVersionUsed>("ParameterVersionUsed").implement({
  description: "Version datée d'un paramètre légal: a dated legal parameter version a computation used (value, validity, index basis, article carrying it).",
  fields: (t) => ({
    parameterId: t.string({ description: 'Stable parameter id, e.g. "rent.thresholds".', resolve: (p) => p.parameterId }),
    key: t.string({ description: "Key statement lines cite this version by (`parameterId@regime:origin:validFrom`).", resolve: (p) => parameterVersionKey(p) }),
    regime: t.field({ type: LegalRegimeEnum, description: "Regime the version was materialised for.", resolve: (p) => p.regime }),
    origin: t.field({ type: LegalRegimeEnum, description: "Text the version comes from (the law, or bill 8535).", resolve: (p) => p.origin }),
    validFrom: t.field({ type: "Date", description: "First day in force.", resolve: (p) => p.validFrom }),
    validTo: t.field({
      type: "Date",
      nullable: true,
      description: "First day no longer in force (exclusive); null when open-ended.",
      resolve: (p) => p.validTo,
    }),
    unit: t.string({ description: "Unit (EUR, PERCENT, MONTHS, EUR_PER_M2…).", resolve: (p) => p.unit }),
    value: t.field({
      type: "JSON",
      description: "The value as the parameter store holds it (decimal string, table, brackets or duration).",
      resolve: (p) => p.value,
    }),
    indexBasis: t.field({
      type: "JSON",
      description: "Index the value is stated at (none, cote d'application or construction index, with base).",
      resolve: (p) => p.indexBasis,
    }),
    reference: t.field({ type: LegalReferenceRef, description: "Article carrying the figure.", resolve: (p) => p.reference }),
  }),
});

/** The key a statement line cites a parameter version by. */
export const parameterVersionKey = (v: ParameterVersionUsed): string => `${v.parameterId}@${v.regime}:${v.origin}:${v.validFrom}`;

export const RuleTraceRef = builder.objectRef<ComputationTrace>("RuleTrace");
RuleTraceRef.implement({
  description: "Trace de calcul: one rule applied by a computation: its id, articles, inputs, parameter versions and result; sub-steps in order.",
  fields: (t) => ({
    ruleId: t.string({ description: 'Stable rule id, e.g. "tenancy.rent.effortRate".', resolve: (s) => s.ruleId }),
    article: t.string({
      description: 'Citation of the articles the rule implements, joined by "; " (kernel formatter).',
      resolve: (s) => s.references.map(formatReference).join("; "),
    }),
    references: t.field({ type: [LegalReferenceRef], description: "Articles the rule implements.", resolve: (s) => [...s.references] }),
    regime: t.field({ type: LegalRegimeEnum, description: "Regime applied.", resolve: (s) => s.regime }),
    asOf: t.field({ type: "Date", description: "Date the rule was evaluated for.", resolve: (s) => s.asOf }),
    inputs: t.field({ type: "JSON", description: "Inputs of the rule (decimals as strings).", resolve: (s) => s.inputs }),
    result: t.field({ type: "JSON", description: "Result of the rule (decimals as strings).", resolve: (s) => s.result }),
    amount: t.field({
      type: "Decimal",
      nullable: true,
      description: "The result when it is an amount (decimal string), else null.",
      resolve: (s) => (typeof s.result === "string" && /^-?\d+(\.\d+)?$/.test(s.result) ? s.result : null),
    }),
    parameters: t.field({ type: [ParameterVersionRef], description: "Parameter versions the rule used.", resolve: (s) => [...s.parameters] }),
    indices: t.field({ type: "JSON", description: "Index values used (cote d'application…), with their source.", resolve: (s) => s.indices }),
    interpretationNotes: t.stringList({
      description: "Ids of the interpretation notes the rule relies on.",
      resolve: (s) => [...(s.interpretationNotes ?? [])],
    }),
    steps: t.field({ type: [RuleTraceRef], description: "Sub-steps, in order.", resolve: (s) => [...(s.steps ?? [])] }),
  }),
});
