/**
 * Statements as the API handles them: computed live (drafts) from stored data through the pure
 * engine, or issued (frozen rows whose content is the gzip of the canonical JSON). A
 * `StatementView` gives both the same face; the content of an issued statement is decompressed
 * only when a field needs it, batched per request.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { nodeSha256 } from "../../db/sealed-records.js";
import DataLoader from "dataloader";
import {
  buildDeveloperStatement,
  buildLandlordStatement,
  canonicalStatementJson,
  COMPONENTS,
  diffStatements,
  type CompensationOptions,
  type CompensationStatement,
  type DeveloperStatement,
  type Regime,
  type StatementDiff,
  type Subtotal,
  legalOptions,
} from "@abordable/domain";
import type { Convention, Organisation, Prisma } from "../../generated/prisma/client.js";
import type { Context } from "../../schema/context.js";
import { isDeveloper, isLandlord, isMinistry, organisationOf, type Viewer } from "../../identity/viewer.js";
import { compensationIndexSeries, indexSeriesOf } from "../../indices/series.js";
import { loadDeveloperStatementInput, loadLandlordStatementInput, type Db, type DeveloperSubject, type LandlordSubject } from "./inputs.js";

export type StatementKind = "DEVELOPER" | "LANDLORD";

/** What a statement is about: a landlord under its compensation convention, or a developer convention. */
export type Subject =
  | { readonly kind: "LANDLORD"; readonly organisationId: string; readonly conventionId: string; readonly landlord: LandlordSubject }
  | { readonly kind: "DEVELOPER"; readonly organisationId: string; readonly conventionId: string; readonly developer: DeveloperSubject };

/** The series a statement version belongs to (the unique key without the version). */
export interface SeriesKey {
  readonly kind: StatementKind;
  readonly organisationId: string;
  readonly conventionId: string | null;
  readonly year: number;
  readonly regime: Regime;
}

/** Engine options: under BILL_8535 the operator's entry-into-force date (ctx.legal); under LAW none, so that LAW statements never depend on it. */
export function optionsFor(regime: Regime, legal: Context["legal"]): CompensationOptions {
  // The kernel's selector carries the operator's readings (flat unit, art. 47 surplus, art. 93bis scope) under both regimes; the statement names them.
  return legalOptions(legal, { regime });
}

/** Engine options for a request: `optionsFor` with the index series in use (built-in + operator values, loaded once per request). */
export async function requestOptionsFor(ctx: Context, regime: Regime): Promise<CompensationOptions> {
  return { ...optionsFor(regime, ctx.legal), indexSeries: compensationIndexSeries(await indexSeriesOf(ctx)) };
}

/** Load (bounded SQL) + compute (pure). */
export async function computeStatement(db: Db, subject: Subject, year: number, options: CompensationOptions): Promise<CompensationStatement> {
  if (subject.kind === "LANDLORD") return buildLandlordStatement(await loadLandlordStatementInput(db, subject.landlord, year), options);
  const inputs = await loadDeveloperStatementInput(db, subject.developer, year);
  const parts = inputs.parts.map((p) => buildDeveloperStatement(p, options));
  return parts.length === 1 ? parts[0]! : mergeDeveloperStatements(parts, inputs.dwellingOrder);
}

const toCents = (amount: string): bigint => BigInt(amount.replace(".", ""));
function fromCents(cents: bigint): string {
  const neg = cents < 0n;
  const abs = (neg ? -cents : cents).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/**
 * Joins developer statements of one convention computed for disjoint sets of dwellings (the Fonds
 * du Logement indemnity is decided per dwelling, the engine per statement): lines and dwelling
 * subtotals in `dwellingOrder`, component subtotals and the total re-summed exactly in cents.
 */
export function mergeDeveloperStatements(parts: readonly DeveloperStatement[], dwellingOrder: readonly string[]): DeveloperStatement {
  const rank = new Map(dwellingOrder.map((id, i) => [id, i]));
  const byRank = (a: string, b: string) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  const lines = parts.flatMap((p) => p.lines).sort((a, b) => byRank(a.dwellingId, b.dwellingId));
  const byDwelling = parts.flatMap((p) => p.subtotals.byDwelling).sort((a, b) => byRank(a.key, b.key));
  const comp = new Map<string, { amount: bigint; lines: number }>();
  for (const s of parts.flatMap((p) => p.subtotals.byComponent)) {
    const c = comp.get(s.key) ?? { amount: 0n, lines: 0 };
    c.amount += toCents(s.amount);
    c.lines += s.lines;
    comp.set(s.key, c);
  }
  const byComponent: Subtotal[] = COMPONENTS.filter((c) => comp.has(c)).map((key) => ({
    key,
    amount: fromCents(comp.get(key)!.amount),
    lines: comp.get(key)!.lines,
  }));
  const first = parts[0]!;
  return {
    ...first,
    lines,
    subtotals: { byDwelling, byComponent },
    total: fromCents(parts.reduce((sum, p) => sum + toCents(p.total), 0n)),
    exclusions: parts.flatMap((p) => p.exclusions),
    parameters: Object.assign({}, ...parts.map((p) => p.parameters)) as DeveloperStatement["parameters"],
    references: Object.assign({}, ...parts.map((p) => p.references)) as DeveloperStatement["references"],
    rules: Object.assign({}, ...parts.map((p) => p.rules)) as DeveloperStatement["rules"],
  };
}

/** Canonical JSON, its SHA-256 (node:crypto) and the gzip stored in `content`. */
export function serialise(statement: CompensationStatement): { hash: string; content: Buffer; bytes: number } {
  const json = canonicalStatementJson(statement);
  return { hash: nodeSha256(json), content: gzipSync(json), bytes: Buffer.byteLength(json) };
}

export function deserialise(content: Uint8Array): CompensationStatement {
  return JSON.parse(gunzipSync(content).toString("utf8")) as CompensationStatement;
}

// ───────────── access ─────────────

const NO_ROWS: Prisma.CompensationStatementWhereInput = { id: { in: [] } };

/** Issued statements the viewer may read: a landlord its own landlord statements, a developer those of its conventions, the ministry all. */
export function statementScope(v: Viewer): Prisma.CompensationStatementWhereInput {
  if (isMinistry(v)) return {};
  if (isLandlord(v)) return { kind: "LANDLORD", organisationId: organisationOf(v) };
  if (isDeveloper(v)) return { kind: "DEVELOPER", organisationId: organisationOf(v) };
  return NO_ROWS;
}

export function ownsStatement(v: Viewer, s: { kind: StatementKind; organisationId: string }): boolean {
  return isMinistry(v) || (s.organisationId === organisationOf(v) && ((isLandlord(v) && s.kind === "LANDLORD") || (isDeveloper(v) && s.kind === "DEVELOPER")));
}

// ───────────── views ─────────────

/** Columns of an issued statement, without its content. */
export const STATEMENT_SUMMARY = {
  id: true,
  number: true,
  kind: true,
  organisationId: true,
  conventionId: true,
  year: true,
  version: true,
  regime: true,
  billEntryIntoForce: true,
  total: true,
  outcome: true,
  lineCount: true,
  contentHash: true,
  issuedAt: true,
  previousId: true,
} satisfies Prisma.CompensationStatementSelect;
export type StatementRow = Prisma.CompensationStatementGetPayload<{ select: typeof STATEMENT_SUMMARY }>;

interface RequestCache {
  content: DataLoader<string, CompensationStatement>;
  organisation: DataLoader<string, Organisation | null>;
  convention: DataLoader<string, Convention | null>;
}
const caches = new WeakMap<Context, RequestCache>();

/** Per request: issued contents loaded in one SQL statement per batch and decompressed once. */
function cacheOf(ctx: Context): RequestCache {
  let c = caches.get(ctx);
  if (!c) {
    c = {
      content: new DataLoader(async (ids: readonly string[]) => {
        const rows = await ctx.prisma.compensationStatement.findMany({ where: { id: { in: [...ids] } }, select: { id: true, content: true } });
        const byId = new Map(rows.map((r) => [r.id, r.content]));
        return ids.map((id) => {
          const content = byId.get(id);
          return content ? deserialise(content) : new Error(`statement ${id}: no content`);
        });
      }),
      organisation: new DataLoader(async (ids: readonly string[]) => {
        const rows = await ctx.prisma.organisation.findMany({ where: { id: { in: [...ids] } } });
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      }),
      convention: new DataLoader(async (ids: readonly string[]) => {
        const rows = await ctx.prisma.convention.findMany({ where: { id: { in: [...ids] } } });
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      }),
    };
    caches.set(ctx, c);
  }
  return c;
}

/** An issued statement or a draft, with the content loaded lazily. */
export class StatementView {
  private statementPromise: Promise<CompensationStatement> | undefined;
  private hashValue: string | undefined;
  private previousPromise: Promise<StatementView | null> | undefined;

  private constructor(
    readonly ctx: Context,
    readonly issued: boolean,
    readonly series: SeriesKey,
    readonly row: StatementRow | null,
    private readonly draft: CompensationStatement | null,
  ) {}

  static issued(ctx: Context, row: StatementRow): StatementView {
    return new StatementView(
      ctx,
      true,
      { kind: row.kind, organisationId: row.organisationId, conventionId: row.conventionId, year: row.year, regime: row.regime },
      row,
      null,
    );
  }

  static draft(ctx: Context, subject: Subject, statement: CompensationStatement): StatementView {
    return new StatementView(
      ctx,
      false,
      { kind: subject.kind, organisationId: subject.organisationId, conventionId: subject.conventionId, year: statement.year, regime: statement.regime },
      null,
      statement,
    );
  }

  /** The landlord or developer (one SQL statement per page of statements). */
  organisation(): Promise<Organisation | null> {
    return cacheOf(this.ctx).organisation.load(this.series.organisationId);
  }

  convention(): Promise<Convention | null> {
    return this.series.conventionId ? cacheOf(this.ctx).convention.load(this.series.conventionId) : Promise.resolve(null);
  }

  statement(): Promise<CompensationStatement> {
    this.statementPromise ??= this.draft ? Promise.resolve(this.draft) : cacheOf(this.ctx).content.load(this.row!.id);
    return this.statementPromise;
  }

  /** Issued: the stored hash; draft: the hash it would be issued with. */
  contentHash(): string {
    if (this.row) return this.row.contentHash;
    this.hashValue ??= serialise(this.draft!).hash;
    return this.hashValue;
  }

  /** The version this one follows: issued → its predecessor; draft → the latest issued version of its series. */
  previous(): Promise<StatementView | null> {
    this.previousPromise ??= (async () => {
      const row = this.row
        ? this.row.previousId
          ? await this.ctx.prisma.compensationStatement.findUnique({ where: { id: this.row.previousId }, select: STATEMENT_SUMMARY })
          : null
        : await this.ctx.prisma.compensationStatement.findFirst({ where: seriesWhere(this.series), orderBy: { version: "desc" }, select: STATEMENT_SUMMARY });
      return row ? StatementView.issued(this.ctx, row) : null;
    })();
    return this.previousPromise;
  }

  async changesFromPrevious(): Promise<{ previous: StatementView; diff: StatementDiff } | null> {
    const previous = await this.previous();
    if (!previous) return null;
    return { previous, diff: diffStatements(await previous.statement(), await this.statement()) };
  }

  /** Every issued version of the series, oldest first. */
  async versions(): Promise<StatementView[]> {
    const rows = await this.ctx.prisma.compensationStatement.findMany({
      where: seriesWhere(this.series),
      orderBy: { version: "asc" },
      select: STATEMENT_SUMMARY,
    });
    return rows.map((r) => StatementView.issued(this.ctx, r));
  }
}

export function seriesWhere(s: SeriesKey): Prisma.CompensationStatementWhereInput {
  return { kind: s.kind, organisationId: s.organisationId, conventionId: s.conventionId, year: s.year, regime: s.regime };
}
