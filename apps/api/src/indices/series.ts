/**
 * The index series as computations use them (issue 17 point 4): the built-in series of the domain
 * (packages/domain/src/parameters/indices/data.ts) with the operator's recorded values (table
 * `IndexValue`, entered by `recordIndexValue` or `abordable index record`), each with its source,
 * and each series' "known until" moved to the latest day an operator declared. Loaded once per
 * request (one SQL statement, a small table), never per line.
 */
import {
  CONSTRUCTION_SERIES,
  COTE_SERIES,
  ECB_SHORT_TERM_RATE_SERIES,
  withConstructionPoints,
  withCotePoints,
  withEcbRatePoints,
  type CompensationIndexSeries,
  type ConstructionSeries,
  type CoteSeries,
  type EcbRateSeries,
  type IsoDate,
} from "@abordable/domain";
import type { IndexSeriesKind, PrismaClient, Prisma } from "../generated/prisma/client.js";
import type { Context } from "../schema/context.js";

export type { IndexSeriesKind };
export const INDEX_SERIES_KINDS: readonly IndexSeriesKind[] = ["COTE", "CONSTRUCTION_PRICE", "ECB_SHORT_TERM_RATE"];

/** An operator's entry as the API reads it (value as its exact decimal string). */
export interface IndexValueRow {
  readonly id: string;
  readonly series: IndexSeriesKind;
  readonly key: string;
  readonly value: string;
  readonly source: string;
  readonly knownUntil: IsoDate | null;
  readonly recordedBy: string;
  readonly recordedByApiKeyId: string | null;
  readonly recordedAt: Date;
}

/** The three series in use, and the operator rows they were built from. */
export interface IndexSeriesSet {
  readonly cote: CoteSeries;
  readonly construction: ConstructionSeries;
  readonly ecb: EcbRateSeries;
  readonly rows: readonly IndexValueRow[];
}

type Db = Pick<PrismaClient | Prisma.TransactionClient, "indexValue">;

const isoOf = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export function toIndexValueRow(r: {
  id: string;
  series: IndexSeriesKind;
  key: string;
  value: { toFixed(): string };
  source: string;
  knownUntil: Date | null;
  recordedBy: string;
  recordedByApiKeyId: string | null;
  recordedAt: Date;
}): IndexValueRow {
  return {
    id: r.id,
    series: r.series,
    key: r.key,
    value: r.value.toFixed(),
    source: r.source,
    knownUntil: r.knownUntil ? isoOf(r.knownUntil) : null,
    recordedBy: r.recordedBy,
    recordedByApiKeyId: r.recordedByApiKeyId,
    recordedAt: r.recordedAt,
  };
}

/** The citation a computation's trace shows for an operator's value: the publication, and that an operator entered it. */
export const operatorCitation = (r: IndexValueRow): string => `${r.source} (entered by the operator on ${isoOf(r.recordedAt)})`;

/** The latest of the built-in knownUntil and the operators' declarations (knownUntil never moves back). */
function knownUntilOf(builtIn: IsoDate | null, rows: readonly IndexValueRow[]): IsoDate | null {
  return rows.reduce<IsoDate | null>((max, r) => (r.knownUntil !== null && (max === null || r.knownUntil > max) ? r.knownUntil : max), builtIn);
}

/** Builds the series from the operator's rows; a row conflicting with a built-in value is the domain's IndexResolutionError. */
export function buildIndexSeries(rows: readonly IndexValueRow[]): IndexSeriesSet {
  const of = (s: IndexSeriesKind) => rows.filter((r) => r.series === s);
  const cote = of("COTE");
  const construction = of("CONSTRUCTION_PRICE");
  const ecb = of("ECB_SHORT_TERM_RATE");
  const coteSeries = withCotePoints(
    cote.map((r) => ({ validFrom: r.key, value: r.value, source: { publisher: "STATEC" as const, citation: operatorCitation(r) } })),
    COTE_SERIES,
    knownUntilOf(COTE_SERIES.knownUntil, cote)!,
  );
  const constructionSeries = {
    ...withConstructionPoints(
      construction.map((r) => ({ semester: r.key, value: r.value, source: { publisher: "STATEC" as const, citation: operatorCitation(r) } })),
      CONSTRUCTION_SERIES,
    ),
    knownUntil: knownUntilOf(CONSTRUCTION_SERIES.knownUntil, construction)!,
  };
  const ecbKnownUntil = knownUntilOf(ECB_SHORT_TERM_RATE_SERIES.knownUntil, ecb);
  const ecbSeries: EcbRateSeries = {
    // withEcbRatePoints needs a day; the series' own knownUntil (null while no operator declared one) replaces it.
    ...withEcbRatePoints(
      ecb.map((r) => ({ validFrom: r.key, value: r.value, source: { publisher: "ECB" as const, citation: operatorCitation(r) } })),
      ecbKnownUntil ?? "1970-01-01",
      ECB_SHORT_TERM_RATE_SERIES,
    ),
    knownUntil: ecbKnownUntil,
  };
  return { cote: coteSeries, construction: constructionSeries, ecb: ecbSeries, rows };
}

/** One SQL statement: every operator row (a few per year and series). */
export async function loadIndexSeries(db: Db): Promise<IndexSeriesSet> {
  const rows = await db.indexValue.findMany({ orderBy: [{ series: "asc" }, { key: "asc" }] });
  return buildIndexSeries(rows.map(toIndexValueRow));
}

const perRequest = new WeakMap<Context, Promise<IndexSeriesSet>>();

/** The series for this request, loaded once. */
export function indexSeriesOf(ctx: Context): Promise<IndexSeriesSet> {
  let p = perRequest.get(ctx);
  if (!p) {
    p = loadIndexSeries(ctx.prisma);
    perRequest.set(ctx, p);
  }
  return p;
}

/** The compensation engine's option (`CompensationOptions.indexSeries`). */
export const compensationIndexSeries = (s: IndexSeriesSet): CompensationIndexSeries => ({
  coteSeries: s.cote,
  constructionSeries: s.construction,
  ecbRateSeries: s.ecb,
});
