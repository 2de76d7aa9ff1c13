/**
 * The index series in GraphQL (issue 17 point 4): `indexSeries` lists the series as computations use
 * them; `recordIndexValue` lets a ministry administrator enter a sourced value (audited, idempotent,
 * immutable). The CLI `abordable index record` runs the same code (record.ts).
 */
import { CONSTRUCTION_SERIES, COTE_SERIES, ECB_SHORT_TERM_RATE_SERIES } from "@abordable/domain";
import { builder } from "../schema/builder.js";
import { UserErrorRef, type UserError } from "../schema/user-errors.js";
import type { Context } from "../schema/context.js";
import { recordIndexValue, keyStart } from "./record.js";
import { indexSeriesOf, INDEX_SERIES_KINDS, type IndexSeriesKind, type IndexSeriesSet, type IndexValueRow } from "./series.js";
import { IndexSeriesKindEnum, IndexSeriesRef, IndexValueRef, type SeriesPointSource, type SeriesSource } from "./types.js";

/** The series of `set` as the API shows them (points oldest first, each with its operator record if any). */
export function seriesSources(set: IndexSeriesSet, only?: IndexSeriesKind | null): SeriesSource[] {
  const entry = (series: IndexSeriesKind, key: string): IndexValueRow | null => set.rows.find((r) => r.series === series && r.key === key) ?? null;
  const builtIn = (series: IndexSeriesKind, key: string): boolean =>
    series === "COTE"
      ? COTE_SERIES.points.some((p) => p.validFrom === key)
      : series === "CONSTRUCTION_PRICE"
        ? CONSTRUCTION_SERIES.points.some((p) => p.semester === key)
        : false;
  const point = (series: IndexSeriesKind, key: string, value: string, source: SeriesPointSource["source"]): SeriesPointSource => ({
    series,
    key,
    validFrom: keyStart(series, key),
    value,
    source,
    origin: builtIn(series, key) ? "BUILT_IN" : "OPERATOR",
    operatorEntry: entry(series, key),
  });
  const all: SeriesSource[] = [
    {
      series: "COTE",
      frenchTerm: set.cote.frenchTerm,
      base: set.cote.base,
      lastChecked: set.cote.lastChecked,
      knownUntil: set.cote.knownUntil,
      points: set.cote.points.map((p) => point("COTE", p.validFrom, p.value, p.source)),
    },
    {
      series: "CONSTRUCTION_PRICE",
      frenchTerm: set.construction.frenchTerm,
      base: set.construction.base,
      lastChecked: set.construction.lastChecked,
      knownUntil: set.construction.knownUntil,
      points: set.construction.points.map((p) => point("CONSTRUCTION_PRICE", p.semester, p.value, p.source)),
    },
    {
      series: "ECB_SHORT_TERM_RATE",
      frenchTerm: set.ecb.frenchTerm,
      base: null,
      lastChecked: ECB_SHORT_TERM_RATE_SERIES.lastChecked,
      knownUntil: set.ecb.knownUntil,
      points: set.ecb.points.map((p) => point("ECB_SHORT_TERM_RATE", p.validFrom, p.value, p.source)),
    },
  ];
  return only ? all.filter((s) => s.series === only) : all;
}

builder.queryField("indexSeries", (t) =>
  t.field({
    type: [IndexSeriesRef],
    description:
      "The index series as every computation uses them — « cote d'application » (law art. 8 al. 5, art. 15 al. 4), « indice semestriel des prix de la construction » (art. 13 §2, art. 40 §2), « taux à court terme de la BCE » (€STR, art. 13 §4): the built-in values and those recorded by operators, with each series' knownUntil. Any API key.",
    authScopes: { authenticated: true },
    args: { series: t.arg({ type: IndexSeriesKindEnum, required: false, description: "Only this series (default: all three)." }) },
    resolve: async (_r, args, ctx) => seriesSources(await indexSeriesOf(ctx), args.series ?? null),
  }),
);

const RecordIndexValueInput = builder.inputType("RecordIndexValueInput", {
  description: "A published index value to record: the series, its key (day or semester), the figure and where it was published.",
  fields: (t) => ({
    series: t.field({
      type: IndexSeriesKindEnum,
      required: true,
      description:
        "Series: COTE (« cote d'application »), CONSTRUCTION_PRICE (« indice des prix de la construction »), ECB_SHORT_TERM_RATE (« taux à court terme de la BCE », art. 13 §4).",
    }),
    key: t.string({
      required: true,
      description: "COTE / ECB_SHORT_TERM_RATE: the first day the value applies, YYYY-MM-DD; CONSTRUCTION_PRICE: the semester, YYYY-04 or YYYY-10.",
    }),
    value: t.field({
      type: "Decimal",
      required: true,
      description: "The published figure, at most 6 decimals (index: positive; €STR: percent per year, may be negative).",
    }),
    source: t.string({
      required: true,
      description: "The publication (STATEC or ECB reference or URL), at most 500 characters; shown in every computation that uses the value.",
    }),
    knownUntil: t.field({
      type: "Date",
      required: false,
      description:
        "Declares the series complete up to this day (not after today, not before the value's first day, never before the series' current knownUntil): figures up to it are no longer unconfirmed.",
    }),
  }),
});

interface RecordPayloadShape {
  indexValue: IndexValueRow | null;
  unchanged: boolean;
  series: SeriesSource | null;
  userErrors: UserError[];
}

const RecordIndexValuePayload = builder.objectRef<RecordPayloadShape>("RecordIndexValuePayload").implement({
  description: "Result of recording an index value.",
  fields: (t) => ({
    indexValue: t.field({
      type: IndexValueRef,
      nullable: true,
      description: "The recorded value (the existing record when unchanged); null when refused.",
      resolve: (p) => p.indexValue,
    }),
    unchanged: t.boolean({
      description: "True when the same value was already recorded for this key: nothing was changed (idempotent).",
      resolve: (p) => p.unchanged,
    }),
    series: t.field({
      type: IndexSeriesRef,
      nullable: true,
      description: "The series as computations now use it; null when refused.",
      resolve: (p) => p.series,
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description:
        "Why the value was not recorded (CONFLICT: a different value is recorded or built in for the key; INVALID_VALUE, OUT_OF_RANGE, REQUIRED, TOO_LONG); empty on success.",
      resolve: (p) => p.userErrors,
    }),
  }),
});

/** The mutation's work, shared with the CLI. */
export async function recordIndexValueFor(
  ctx: Context,
  input: typeof RecordIndexValueInput.$inferInput,
  opts: { action: string; recordedBy: string },
): Promise<RecordPayloadShape> {
  const out = await recordIndexValue(
    ctx,
    { series: input.series, key: input.key, value: input.value, source: input.source, knownUntil: input.knownUntil ?? null },
    opts,
  );
  return {
    indexValue: out.indexValue,
    unchanged: out.unchanged,
    series: out.series ? seriesSources(out.series, input.series)[0]! : null,
    userErrors: out.userErrors,
  };
}

builder.mutationField("recordIndexValue", (t) =>
  t.field({
    type: RecordIndexValuePayload,
    description:
      "Records a published value of an index series — « cote d'application », « indice semestriel des prix de la construction » (a missing semester makes computations fail with INDEX_MISSING naming it), « taux à court terme de la BCE » (art. 13 §4) — with its source: ministry administrators only. Immutable: a different value for a recorded or built-in key is a CONFLICT; the same value again changes nothing (`unchanged`). Every later computation uses it. Audited.",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: RecordIndexValueInput, required: true, description: "The value." }) },
    resolve: (_r, { input }, ctx) =>
      recordIndexValueFor(ctx, input, { action: "recordIndexValue", recordedBy: ctx.viewer.kind === "apiKey" ? `apiKey:${ctx.viewer.apiKeyId}` : "anonymous" }),
  }),
);

export { INDEX_SERIES_KINDS };
