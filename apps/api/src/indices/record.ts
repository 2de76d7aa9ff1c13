/**
 * Recording an operator's index value: ONE code path for the administrator mutation
 * `recordIndexValue` and the CLI `abordable index record` (audited as the operator). Validated,
 * checked against the series in use (built-in and recorded values: a conflicting figure for a key is
 * a CONFLICT user error, never an overwrite), stored with its source, audited, in one transaction.
 * The same value again (same key, same knownUntil or none) changes nothing and says so (`unchanged`).
 */
import { CONSTRUCTION_SERIES, COTE_SERIES, Dec, isIsoDate, parseDecimal, todayIso, type IsoDate } from "@abordable/domain";
import type { Decimal } from "decimal.js";
import type { Context } from "../schema/context.js";
import { runMutation } from "../schema/mutation.js";
import { Problems, UserErrorsAbort, type UserError } from "../schema/user-errors.js";
import { asDate, checkText } from "../schema/validate.js";
import { buildIndexSeries, loadIndexSeries, toIndexValueRow, type IndexSeriesKind, type IndexValueRow, type IndexSeriesSet } from "./series.js";

export interface RecordIndexValueArgs {
  readonly series: IndexSeriesKind;
  /** COTE / ECB_SHORT_TERM_RATE: YYYY-MM-DD the value applies from; CONSTRUCTION_PRICE: YYYY-04 or YYYY-10. */
  readonly key: string;
  readonly value: Decimal | string;
  readonly source: string;
  readonly knownUntil?: string | null;
}

export interface RecordIndexValueOutcome {
  readonly indexValue: IndexValueRow | null;
  /** True when the same value was already recorded for the key: nothing was changed. */
  readonly unchanged: boolean;
  /** The series as computations now use them (after the change); null when refused. */
  readonly series: IndexSeriesSet | null;
  readonly userErrors: UserError[];
}

const SEMESTER = /^\d{4}-(04|10)$/;
/** Scale of the column (NUMERIC(18, 6)): more decimals would be rounded by the database, so they are refused. */
const SCALE = 6;
const SOURCE_MAX = 500;

/** The first day a key applies from (a semester: 1 April or 1 October). */
export const keyStart = (series: IndexSeriesKind, key: string): IsoDate => (series === "CONSTRUCTION_PRICE" ? `${key}-01` : key);

function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

/** What a key holds in the built-in data (cote, construction; the €STR has none). */
function builtInValue(series: IndexSeriesKind, key: string): { value: string; citation: string } | null {
  if (series === "COTE") {
    const p = COTE_SERIES.points.find((x) => x.validFrom === key);
    return p ? { value: p.value, citation: p.source.citation } : null;
  }
  if (series === "CONSTRUCTION_PRICE") {
    const p = CONSTRUCTION_SERIES.points.find((x) => x.semester === key);
    return p ? { value: p.value, citation: p.source.citation } : null;
  }
  return null;
}

function checkInput(args: RecordIndexValueArgs): { key: string; value: Decimal; source: string; knownUntil: IsoDate | null } {
  const p = new Problems();
  const key = args.key.trim();
  if (args.series === "CONSTRUCTION_PRICE") {
    if (!SEMESTER.test(key))
      p.add(
        "key",
        "INVALID_VALUE",
        `key of the construction-price index (indice semestriel des prix de la construction) is a semester YYYY-04 or YYYY-10 (got "${key}")`,
        "law art. 13 §2 al. 1",
      );
  } else if (!isIsoDate(key))
    p.add(
      "key",
      "INVALID_VALUE",
      `key of the ${args.series === "COTE" ? "cote d'application" : "€STR (taux à court terme de la BCE)"} is the day the value applies from, YYYY-MM-DD (got "${key}")`,
    );
  let value: Decimal | null = null;
  try {
    value = typeof args.value === "string" ? parseDecimal(args.value) : new Dec(args.value.toFixed());
  } catch {
    p.add("value", "INVALID_VALUE", `value must be a decimal number (got "${String(args.value)}")`);
  }
  if (value) {
    if (value.decimalPlaces() > SCALE) p.add("value", "INVALID_VALUE", `value has ${value.decimalPlaces()} decimals; at most ${SCALE} are kept`);
    if (args.series === "ECB_SHORT_TERM_RATE") {
      if (value.abs().greaterThan(100))
        p.add("value", "OUT_OF_RANGE", `the €STR is a percentage per year between -100 and 100 (got ${value.toFixed()})`, "law art. 13 §4");
    } else if (!value.greaterThan(0)) p.add("value", "OUT_OF_RANGE", `an index value is positive (got ${value.toFixed()})`);
    else if (value.greaterThan("1000000")) p.add("value", "OUT_OF_RANGE", `an index value is at most 1000000 (got ${value.toFixed()})`);
  }
  const source = checkText(p, "source", args.source, { max: SOURCE_MAX, required: true });
  let knownUntil: IsoDate | null = null;
  if (args.knownUntil != null) {
    if (!isIsoDate(args.knownUntil)) p.add("knownUntil", "INVALID_VALUE", `knownUntil is a day YYYY-MM-DD (got "${args.knownUntil}")`);
    else {
      knownUntil = args.knownUntil;
      if (knownUntil > todayIso())
        p.add(
          "knownUntil",
          "OUT_OF_RANGE",
          `knownUntil ${knownUntil} is after today (${todayIso()}): a series is known complete only up to a day that has passed`,
        );
      if (!p.list.some((e) => e.field[1] === "key") && knownUntil < keyStart(args.series, key))
        p.add("knownUntil", "OUT_OF_RANGE", `knownUntil ${knownUntil} precedes the value's first day ${keyStart(args.series, key)}`);
    }
  }
  if (p.any) fail(p);
  return { key, value: value!, source: source!, knownUntil };
}

const sameDecimal = (a: string, b: Decimal): boolean => parseDecimal(a).equals(b);

/**
 * Records one value through `runMutation` (audited as `action`: "recordIndexValue" for the API, "cli.recordIndexValue"
 * for the CLI, whose viewer is the operator). `recordedBy` says who: `apiKey:<id>` or `cli:<operator>`.
 */
export async function recordIndexValue(
  ctx: Context,
  args: RecordIndexValueArgs,
  opts: { action: string; recordedBy: string },
): Promise<RecordIndexValueOutcome> {
  let unchanged = false;
  let seriesAfter: IndexSeriesSet | null = null;
  const out = await runMutation<IndexValueRow>(ctx, opts.action, async (tx) => {
    const input = checkInput(args);
    const p = new Problems();
    const existingRow = await tx.indexValue.findUnique({ where: { series_key: { series: args.series, key: input.key } } });
    if (existingRow) {
      const existing = toIndexValueRow(existingRow);
      if (!sameDecimal(existing.value, input.value))
        p.add(
          "value",
          "CONFLICT",
          `${args.series} ${input.key} was recorded as ${existing.value} on ${existing.recordedAt.toISOString().slice(0, 10)} (source: ${existing.source}); a recorded index value is never changed`,
        );
      else if (input.knownUntil !== null && input.knownUntil !== existing.knownUntil)
        p.add(
          "knownUntil",
          "CONFLICT",
          `${args.series} ${input.key} was recorded with knownUntil ${existing.knownUntil ?? "none"}; a recorded value is never changed (record the next value to move knownUntil)`,
        );
      if (p.any) fail(p);
      unchanged = true;
      seriesAfter = await loadIndexSeries(tx);
      return { result: existing, entityType: "IndexValue", entityId: existing.id, before: existing, after: { ...existing, unchanged: true } };
    }
    const builtIn = builtInValue(args.series, input.key);
    if (builtIn && !sameDecimal(builtIn.value, input.value))
      p.add(
        "value",
        "CONFLICT",
        `${args.series} ${input.key} is ${builtIn.value} in the built-in series (${builtIn.citation}); a conflicting value is refused`,
      );
    const current = await loadIndexSeries(tx);
    const currentKnownUntil =
      args.series === "COTE" ? current.cote.knownUntil : args.series === "CONSTRUCTION_PRICE" ? current.construction.knownUntil : current.ecb.knownUntil;
    if (input.knownUntil !== null && currentKnownUntil !== null && input.knownUntil < currentKnownUntil)
      p.add("knownUntil", "OUT_OF_RANGE", `the series is already known until ${currentKnownUntil}; knownUntil never moves back`);
    if (p.any) fail(p);
    const viewer = ctx.viewer;
    const created = toIndexValueRow(
      await tx.indexValue.create({
        data: {
          series: args.series,
          key: input.key,
          value: input.value.toFixed(),
          source: input.source,
          knownUntil: input.knownUntil ? asDate(input.knownUntil) : null,
          recordedBy: opts.recordedBy,
          recordedByApiKeyId: viewer.kind === "apiKey" ? viewer.apiKeyId : null,
        },
      }),
    );
    // The domain checks the series as a whole (order, positivity, conflicts): its error rolls this back.
    seriesAfter = buildIndexSeries([...current.rows, created]);
    return { result: created, entityType: "IndexValue", entityId: created.id, before: null, after: created };
  });
  return { indexValue: out.result, unchanged: out.result ? unchanged : false, series: out.result ? seriesAfter : null, userErrors: out.userErrors };
}
