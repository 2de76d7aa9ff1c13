/**
 * Citations and traces as GraphQL types: the legal references behind a rule, the parameter versions
 * a figure came from, and the computation trace (rule, articles, inputs, parameter versions,
 * result, steps) of the calculators.
 */
import { formatReference, type ComputationTrace, type LegalReference, type ParameterVersionUsed } from "@abordable/domain";
import { builder } from "../../schema/builder.js";
import { parameterVersionKey } from "../../schema/law.js";
import { CompensationRegimeEnum } from "./enums.js";

/** "law art. 40 §2 al. 1", "bill 8535 art. 9 2° (→ art. 13 §2)": the kernel's one formatter. */
export const cite = (r: LegalReference): string => formatReference(r);

export const LegalReferenceRef = builder.objectRef<LegalReference>("CompensationLegalReference").implement({
  description:
    "Deprecated alias of LegalReference (every field returning it is deprecated): where a rule or a figure comes from: a legal text, its article and the finer divisions.",
  fields: (t) => ({
    citation: t.string({ description: 'Short citation, e.g. "law art. 40 §2 al. 1" or "bill 8535 art. 9 2° (→ art. 13 §2)".', resolve: (r) => cite(r) }),
    text: t.string({ description: "The text: LAW_2023, BILL_8535, RGD_2024_01_24, RGD_2023_10_13 or ESCH_ROI.", resolve: (r) => r.text }),
    article: t.string({ description: 'Article ("13", "63bis", "annexe IV").', resolve: (r) => r.article }),
    paragraph: t.string({ nullable: true, description: "Paragraph (§).", resolve: (r) => r.paragraph ?? null }),
    alinea: t.string({ nullable: true, description: "Alinéa (al.).", resolve: (r) => r.alinea ?? null }),
    point: t.string({ nullable: true, description: "Point.", resolve: (r) => r.point ?? null }),
    amends: t.string({
      nullable: true,
      description: "For a bill article: the article of the law it amends or inserts.",
      resolve: (r) =>
        r.amends ? `art. ${r.amends.article}${r.amends.paragraph ? ` §${r.amends.paragraph}` : ""}${r.amends.alinea ? ` al. ${r.amends.alinea}` : ""}` : null,
    }),
    quote: t.string({ nullable: true, description: "Short verbatim French quote carrying the figure, when recorded.", resolve: (r) => r.quote ?? null }),
  }),
});

/** A parameter version with the key statement lines cite it by. */
export interface KeyedParameterVersion {
  key: string;
  version: ParameterVersionUsed;
}

export const ParameterVersionRef = builder.objectRef<KeyedParameterVersion>("CompensationParameterVersion").implement({
  description:
    "Deprecated alias of ParameterVersionUsed (every field returning it is deprecated): a dated version of a legal parameter (value, validity, index basis, legal reference) used by a computation.",
  fields: (t) => ({
    key: t.string({ description: "Key statement lines cite this version by (`parameterId@regime:origin:validFrom`).", resolve: (p) => p.key }),
    parameterId: t.string({ description: 'Parameter, e.g. "compensation.landlord.managementFlat".', resolve: (p) => p.version.parameterId }),
    regime: t.field({ type: CompensationRegimeEnum, description: "Regime the version was materialised for.", resolve: (p) => p.version.regime }),
    origin: t.field({ type: CompensationRegimeEnum, description: "Text that produced this version (the law or the bill).", resolve: (p) => p.version.origin }),
    validFrom: t.field({ type: "Date", description: "First day of validity.", resolve: (p) => p.version.validFrom }),
    validTo: t.field({ type: "Date", nullable: true, description: "Day validity ends (exclusive); null while in force.", resolve: (p) => p.version.validTo }),
    unit: t.string({ description: "Unit (EUR, PERCENT, EUR_PER_M2…).", resolve: (p) => p.version.unit }),
    value: t.field({ type: "JSON", description: "The value in its data form (decimal string, or a bracket scale / table).", resolve: (p) => p.version.value }),
    indexBasis: t.field({
      type: "JSON",
      description: "Index the value is stated at (none, cote d'application or construction index, with base).",
      resolve: (p) => p.version.indexBasis,
    }),
    reference: t.field({ type: LegalReferenceRef, description: "Legal reference of the figure.", resolve: (p) => p.version.reference }),
  }),
});

export const ComputationTraceRef = builder.objectRef<ComputationTrace>("CompensationTrace");
ComputationTraceRef.implement({
  description:
    "Deprecated alias of RuleTrace (every field returning it is deprecated): how a figure was computed: the rule, its articles, the inputs, the parameter versions and indices used, the result, and sub-steps in order.",
  fields: (t) => ({
    ruleId: t.string({ description: 'Stable rule id, e.g. "compensation.landlord.deficit".', resolve: (s) => s.ruleId }),
    article: t.string({ description: 'Citation of the articles the rule implements, joined by "; ".', resolve: (s) => s.references.map(cite).join("; ") }),
    references: t.field({ type: [LegalReferenceRef], description: "The articles the rule implements.", resolve: (s) => [...s.references] }),
    regime: t.field({ type: CompensationRegimeEnum, description: "Regime of the computation.", resolve: (s) => s.regime }),
    asOf: t.field({ type: "Date", description: "Date the rule was evaluated for.", resolve: (s) => s.asOf }),
    inputs: t.field({ type: "JSON", description: "Inputs of the rule (decimals and day counts as strings).", resolve: (s) => s.inputs }),
    parameterVersions: t.field({
      type: [ParameterVersionRef],
      description: "Parameter versions used.",
      resolve: (s) => s.parameters.map((version) => ({ key: parameterVersionKey(version), version })),
    }),
    indices: t.field({ type: "JSON", description: "Index points used (cote d'application, construction index).", resolve: (s) => s.indices }),
    result: t.field({ type: "JSON", description: "The rule's result (an amount as a decimal string for money).", resolve: (s) => s.result }),
    amount: t.field({
      type: "Decimal",
      nullable: true,
      description: "The result when it is an amount (two decimals), else null.",
      resolve: (s) => (typeof s.result === "string" && /^-?\d+(\.\d+)?$/.test(s.result) ? s.result : null),
    }),
    interpretationNotes: t.stringList({
      description: "Ids of the interpretation notes the rule relies on (packages/domain compensation README).",
      resolve: (s) => [...(s.interpretationNotes ?? [])],
    }),
    steps: t.field({
      type: [ComputationTraceRef],
      description: "Sub-computations, in order (e.g. one per statement line).",
      resolve: (s) => [...(s.steps ?? [])],
    }),
  }),
});
