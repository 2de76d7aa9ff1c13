/**
 * The `CompensationStatement` type: an issued (frozen, numbered) statement or a draft computed live
 * (`issued: false`). Lines, subtotals, vacancy rates, exclusions, parameter versions, CSV, the
 * art. 41 filing deadline and the changes from the previous version all come from the engine's
 * statement (for issued ones, the stored canonical JSON, decompressed on demand).
 */
import { encodeGlobalID, resolveArrayConnection } from "@pothos/plugin-relay";
import {
  Dec,
  checkLandlordFiling,
  type CompensationStatement,
  type Component,
  type Exclusion,
  type LandlordStatement,
  type LineChange,
  type StatementDiff,
  type StatementLine,
  type Subtotal,
  type VacancyRate,
  legalOptions,
} from "@abordable/domain";
import { builder } from "../schema/builder.js";
import { CSV_HEADER_DESCRIPTION, statementCsv } from "./csv.js";
import { statementXlsx } from "./xlsx.js";
import { moneyString } from "../schema/money.js";
import { pageCost } from "../schema/complexity.js";
import { decodeGlobalId } from "../schema/ids.js";
import { OrganisationRef } from "../organisations/organisation.js";
import { ConventionRef } from "../conventions/convention.js";
import {
  CompensationComponentEnum,
  CompensationObjectKindEnum,
  CompensationOutcomeEnum,
  CompensationRegimeEnum,
  CompensationStatementKindEnum,
} from "./enums.js";
import { LegalReferenceRef as LegalReferenceUnifiedRef, LegalRegimeEnum, parameterVersionKey, ParameterVersionRef as ParameterVersionUsedRef, useInstead } from "../schema/law.js";
import { LegalReferenceRef, ParameterVersionRef } from "./trace.js";
import { isoDate } from "./inputs.js";
import type { StatementView } from "./statements.js";
import { CapitalRateBoundsCheckRef, IndexPointUsedRef, indexPointsOf } from "../indices/types.js";
import { compensationIndexSeries, indexSeriesOf } from "../indices/series.js";
import { capitalRateChecks } from "./rate-bounds.js";

export const StatementRef = builder.objectRef<StatementView>("CompensationStatement");

interface LineSource {
  line: StatementLine;
  statement: CompensationStatement;
}

const objectGid = (kind: "DWELLING" | "ACCOMMODATION_UNIT", id: string) => encodeGlobalID(kind === "DWELLING" ? "Dwelling" : "AccommodationUnit", id);

export const StatementLineRef = builder.objectRef<LineSource>("CompensationStatementLine").implement({
  description: "One line of a statement: one dwelling or accommodation unit, one month, one component, rounded to the cent once.",
  fields: (t) => ({
    lineId: t.string({ description: "Stable id `objectId|month|component` (the same across versions; the diff matches lines by it).", resolve: ({ line }) => line.lineId }),
    dwellingId: t.id({ description: "Global ID of the dwelling.", resolve: ({ line }) => encodeGlobalID("Dwelling", line.dwellingId) }),
    objectId: t.id({ description: "Global ID of the dwelling or accommodation unit the line is computed for.", resolve: ({ line }) => objectGid(line.objectKind, line.objectId) }),
    objectKind: t.field({ type: CompensationObjectKindEnum, description: "Dwelling or accommodation unit.", resolve: ({ line }) => line.objectKind }),
    month: t.field({ type: "Month", description: "Month compensated.", resolve: ({ line }) => line.month }),
    component: t.field({ type: CompensationComponentEnum, description: "What the line compensates.", resolve: ({ line }) => line.component }),
    ruleId: t.string({ description: "Stable id of the rule that produced the line.", resolve: ({ line }) => line.ruleId }),
    article: t.string({ description: "Short citation of the articles applied, e.g. \"law art. 40 §2 al. 1; RGD 2024 art. 3\".", resolve: ({ line }) => line.article }),
    references: t.field({ type: [LegalReferenceRef], description: "The full legal references behind `article`.", deprecationReason: useInstead("legalReferences"), resolve: ({ line, statement }) => [...(statement.references[line.article] ?? [])] }),
    legalReferences: t.field({ type: [LegalReferenceUnifiedRef], description: "The full legal references (références légales) behind `article`.", resolve: ({ line, statement }) => [...(statement.references[line.article] ?? [])] }),
    interpretationNotes: t.stringList({ description: "Interpretation notes the rule relies on.", resolve: ({ line, statement }) => [...(statement.rules[line.ruleId]?.interpretationNotes ?? [])] }),
    inputs: t.field({ type: "JSON", description: "Inputs of the line (decimals and day counts as strings).", resolve: ({ line }) => line.inputs }),
    parameterVersions: t.field({
      type: [ParameterVersionRef],
      description: "Parameter versions the line used.",
      deprecationReason: useInstead("parameters"),
      resolve: ({ line, statement }) => line.parameterVersions.map((key) => ({ key, version: statement.parameters[key]! })),
    }),
    parameters: t.field({ type: [ParameterVersionUsedRef], description: "Parameter versions (versions datées) the line used.", resolve: ({ line, statement }) => line.parameterVersions.map((key) => statement.parameters[key]!) }),
    indices: t.field({ type: "JSON", description: "Index points used (cote d'application), if any.", resolve: ({ line }) => line.indices }),
    indexPoints: t.field({
      type: [IndexPointUsedRef],
      description: "Index values the line used (« cote d'application », « indice des prix de la construction »), typed, each with its source and `unconfirmed` when resolved after its series' knownUntil.",
      resolve: ({ line }) => [...line.indices],
    }),
    exactAmount: t.field({ type: "Decimal", description: "Unrounded amount, for audit.", resolve: ({ line }) => line.exactAmount }),
    amount: t.field({ type: "Decimal", description: "Signed amount to the cent (half-up, rounded once here); totals are sums of these.", resolve: ({ line }) => line.amount }),
  }),
});

export const ComponentSubtotalRef = builder.objectRef<Subtotal>("CompensationComponentSubtotal").implement({
  description: "Sum of a statement's lines for one component (exact sum of the rounded lines).",
  fields: (t) => ({
    component: t.field({ type: CompensationComponentEnum, description: "Component.", resolve: (s) => s.key as Component }),
    amount: t.field({ type: "Decimal", description: "Sum, two decimals.", resolve: (s) => s.amount }),
    lineCount: t.int({ description: "Number of lines.", resolve: (s) => s.lines }),
  }),
});

const DwellingSubtotalRef = builder.objectRef<Subtotal>("CompensationDwellingSubtotal").implement({
  description: "Sum of a statement's lines for one dwelling (its accommodation units included).",
  fields: (t) => ({
    dwellingId: t.id({ description: "Global ID of the dwelling.", resolve: (s) => encodeGlobalID("Dwelling", s.key) }),
    amount: t.field({ type: "Decimal", description: "Sum, two decimals.", resolve: (s) => s.amount }),
    lineCount: t.int({ description: "Number of lines.", resolve: (s) => s.lines }),
  }),
});

interface VacancySource {
  rate: VacancyRate;
  dwellings: ReadonlySet<string>;
}

const VacancyRateRef = builder.objectRef<VacancySource>("CompensationVacancyRate").implement({
  description: "Vacancy of a dwelling or unit (or of the whole stock) over the statement's months, by reason (art. 40 §3 3°-5°).",
  fields: (t) => ({
    objectId: t.id({
      nullable: true,
      description: "Global ID of the dwelling or accommodation unit; null for the whole stock.",
      resolve: ({ rate, dwellings }) => (rate.objectId === "*" ? null : objectGid(dwellings.has(rate.objectId) ? "DWELLING" : "ACCOMMODATION_UNIT", rate.objectId)),
    }),
    managedDays: t.int({ description: "Days in the landlord's affordable stock.", resolve: ({ rate }) => rate.managedDays }),
    changeOfOwnerDays: t.int({ description: "Days vacant because of a change of owner.", resolve: ({ rate }) => rate.vacantDays.CHANGE_OF_OWNER }),
    renovationDays: t.int({ description: "Days vacant because of renovation.", resolve: ({ rate }) => rate.vacantDays.RENOVATION }),
    otherDays: t.int({ description: "Days vacant for another reason.", resolve: ({ rate }) => rate.vacantDays.OTHER }),
    changeOfOwnerRate: t.field({ type: "Decimal", description: "Vacant days / managed days, change of owner (6 decimals).", resolve: ({ rate }) => rate.rates.CHANGE_OF_OWNER }),
    renovationRate: t.field({ type: "Decimal", description: "Vacant days / managed days, renovation (6 decimals).", resolve: ({ rate }) => rate.rates.RENOVATION }),
    otherRate: t.field({ type: "Decimal", description: "Vacant days / managed days, other reasons (6 decimals).", resolve: ({ rate }) => rate.rates.OTHER }),
  }),
});

interface ExclusionSource {
  exclusion: Exclusion;
  statement: CompensationStatement;
}

const ExclusionRef = builder.objectRef<ExclusionSource>("CompensationExclusion").implement({
  description: "A component a rule left out for a dwelling (or the whole landlord), with the article that excludes it.",
  fields: (t) => ({
    objectId: t.id({
      description: "Global ID of the dwelling, or of the organisation when the whole statement is excluded (art. 40 §4).",
      resolve: ({ exclusion, statement }) => encodeGlobalID(exclusion.objectId === statement.subjectId && statement.kind === "LANDLORD" ? "Organisation" : "Dwelling", exclusion.objectId),
    }),
    component: t.field({ type: CompensationComponentEnum, description: "Component left out.", resolve: ({ exclusion }) => exclusion.component }),
    reason: t.string({ description: "Why, in words.", resolve: ({ exclusion }) => exclusion.reason }),
    article: t.string({ description: "The article that excludes it.", resolve: ({ exclusion }) => exclusion.article }),
    months: t.field({ type: ["Month"], description: "Months concerned; empty for the whole statement.", resolve: ({ exclusion }) => [...(exclusion.months ?? [])] }),
  }),
});

interface FilingSource {
  statement: CompensationStatement;
  filedOn: string;
}

const FilingRef = builder.objectRef<FilingSource>("CompensationFiling").implement({
  description:
    "Art. 41 §1: the landlord files its compensation request by 30 June of the year after the compensated year (bill art. 28 1° says so; the law's « de chaque année » is read the same way, since the request carries the year's audited annual report, art. 41 §2 3°).",
  fields: (t) => ({
    deadline: t.field({ type: "Date", description: "Last day to file the request for this statement's year.", resolve: (f) => filing(f).deadline }),
    filedOn: t.field({ type: "Date", description: "Issued statements: the day issued; drafts: today.", resolve: (f) => f.filedOn }),
    late: t.boolean({ description: "Filed (or filing today) after the deadline.", resolve: (f) => filing(f).late }),
    daysLate: t.int({ description: "Calendar days after the deadline (0 when on time).", resolve: (f) => filing(f).daysLate }),
    references: t.field({ type: [LegalReferenceRef], description: "The provisions of the versions applied (those in force on 31 December of the year): law art. 41 §1 and §2 3°, or bill art. 28 1°.", deprecationReason: useInstead("legalReferences"), resolve: (f) => [...filing(f).references] }),
    legalReferences: t.field({ type: [LegalReferenceUnifiedRef], description: "The provisions (références légales) of the versions applied (those in force on 31 December of the year): law art. 41 §1 and §2 3°, or bill art. 28 1°.", resolve: (f) => [...filing(f).references] }),
    parameters: t.field({ type: [ParameterVersionUsedRef], description: "Parameter versions (versions datées) of the deadline.", resolve: (f) => [...filing(f).parameters] }),
    parameterVersions: t.field({
      type: [ParameterVersionRef],
      description: "Parameter versions of the deadline.",
      deprecationReason: useInstead("parameters"),
      resolve: (f) => filing(f).parameters.map((version) => ({ key: parameterVersionKey(version), version })),
    }),
  }),
});

function filing(f: FilingSource) {
  const s = f.statement;
  return checkLandlordFiling(s.year, f.filedOn, legalOptions({}, { regime: s.regime, bill8535EntryIntoForce: s.bill8535EntryIntoForce }));
}

interface ChangeSource {
  change: LineChange;
  after: CompensationStatement;
}

const LineChangeRef = builder.objectRef<ChangeSource>("CompensationLineChange").implement({
  description: "A line present in both versions whose amount or computation changed.",
  fields: (t) => ({
    lineId: t.string({ description: "Stable line id `objectId|month|component`.", resolve: ({ change }) => change.lineId }),
    before: t.field({ type: "Decimal", description: "Amount in the previous version.", resolve: ({ change }) => change.before }),
    after: t.field({ type: "Decimal", description: "Amount in this version.", resolve: ({ change }) => change.after }),
    delta: t.field({ type: "Decimal", description: "after − before, to the cent.", resolve: ({ change }) => change.delta }),
    changedFields: t.stringList({ description: "Other fields that differ (inputs, parameterVersions, ruleId…).", resolve: ({ change }) => [...change.changedFields] }),
    line: t.field({
      type: StatementLineRef,
      description: "The line as it is in this version.",
      resolve: ({ change, after }) => ({ line: after.lines.find((l) => l.lineId === change.lineId)!, statement: after }),
    }),
  }),
});

/** The diff of a statement against the version it follows (null when none). */
export async function changesOf(s: StatementView): Promise<ChangesSource | null> {
  const c = await s.changesFromPrevious();
  return c ? { previous: c.previous, before: await c.previous.statement(), after: await s.statement(), diff: c.diff } : null;
}

interface ChangesSource {
  previous: StatementView;
  before: CompensationStatement;
  after: CompensationStatement;
  diff: StatementDiff;
}

export const ChangesRef = builder.objectRef<ChangesSource>("CompensationStatementChanges").implement({
  description: "What changed from the previous issued version (lines matched by their stable id).",
  fields: (t) => ({
    previous: t.field({ type: StatementRef, description: "The version compared with.", resolve: (c) => c.previous }),
    identical: t.boolean({ description: "Same content (same canonical JSON).", resolve: (c) => c.diff.identical }),
    totalBefore: t.field({ type: "Decimal", description: "Total of the previous version.", resolve: (c) => c.diff.totalBefore }),
    totalAfter: t.field({ type: "Decimal", description: "Total of this version.", resolve: (c) => c.diff.totalAfter }),
    totalDelta: t.field({ type: "Decimal", description: "totalAfter − totalBefore.", resolve: (c) => c.diff.totalDelta }),
    changedCount: t.int({ description: "Number of lines changed.", resolve: (c) => c.diff.changed.length }),
    addedCount: t.int({ description: "Number of lines added.", resolve: (c) => c.diff.added.length }),
    removedCount: t.int({ description: "Number of lines removed.", resolve: (c) => c.diff.removed.length }),
    changed: t.connection(
      {
        type: LineChangeRef,
        description: "Lines changed, in this version's order.",
        complexity: pageCost,
        resolve: (c, args) => resolveArrayConnection({ args }, c.diff.changed.map((change) => ({ change, after: c.after }))),
      },
      { description: "A page of changed lines.", fields: countField },
    ),
    added: t.connection(
      {
        type: StatementLineRef,
        description: "Lines only in this version.",
        complexity: pageCost,
        resolve: (c, args) => resolveArrayConnection({ args }, c.diff.added.map((line) => ({ line, statement: c.after }))),
      },
      { description: "A page of added lines.", fields: countField },
    ),
    removed: t.connection(
      {
        type: StatementLineRef,
        description: "Lines only in the previous version.",
        complexity: pageCost,
        resolve: (c, args) => resolveArrayConnection({ args }, c.diff.removed.map((line) => ({ line, statement: c.before }))),
      },
      { description: "A page of removed lines.", fields: countField },
    ),
  }),
});

/** `totalCount` on the array connections (resolveArrayConnection computes it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function countField(t: any) {
  return {
    totalCount: t.int({ description: "Number of items in the whole list (all pages), after the filter.", resolve: (c: { totalCount?: number }) => c.totalCount ?? 0 }),
  };
}

const CompensationStatementLineFilter = builder.inputType("CompensationStatementLineFilter", {
  description: "Conditions on statement lines; all given conditions apply together.",
  fields: (t) => ({
    dwellingId: t.id({ required: false, description: "Global ID of a dwelling (its units' lines included)." }),
    month: t.field({ type: "Month", required: false, description: "Month." }),
    component: t.field({ type: CompensationComponentEnum, required: false, description: "Component." }),
  }),
});

const CsvSeparatorEnum = builder.enumType("CompensationCsvSeparator", {
  description: "Field separator of the CSV export (amounts always use \".\" and two decimals).",
  values: {
    COMMA: { description: "\",\" (RFC 4180)." },
    SEMICOLON: { description: "\";\" for spreadsheets in decimal-comma locales." },
  } as const,
});

const today = () => new Date().toISOString().slice(0, 10);

StatementRef.implement({
  description:
    "A compensation statement (art. 13 for a developer convention, art. 40-41 for a landlord) for one year under one regime. Issued statements are frozen: numbered, versioned, stored as canonical JSON with its SHA-256; a draft (`issued: false`) is computed live from the current data.",
  fields: (t) => ({
    id: t.id({ nullable: true, description: "Global ID of an issued statement; null for a draft.", resolve: (s) => (s.row ? encodeGlobalID("CompensationStatement", s.row.id) : null) }),
    issued: t.boolean({ description: "True for an issued (frozen) version; false for a draft computed live.", resolve: (s) => s.issued }),
    number: t.string({ nullable: true, description: "Public number of an issued version, e.g. \"CS-2025-000042\"; null for a draft.", resolve: (s) => s.row?.number ?? null }),
    kind: t.field({ type: CompensationStatementKindEnum, description: "Developer (art. 13) or landlord (art. 40).", resolve: (s) => s.series.kind }),
    year: t.int({ description: "Year compensated.", resolve: (s) => s.series.year }),
    fromMonth: t.field({ type: "Month", description: "First month covered.", resolve: async (s) => (await s.statement()).months.from }),
    toMonth: t.field({ type: "Month", description: "Last month covered.", resolve: async (s) => (await s.statement()).months.to }),
    version: t.int({ nullable: true, description: "Version number within its series (1, 2, …); null for a draft.", resolve: (s) => s.row?.version ?? null }),
    regime: t.field({ type: CompensationRegimeEnum, description: "Regime computed under.", deprecationReason: useInstead("legalRegime"), resolve: (s) => s.series.regime }),
    legalRegime: t.field({ type: LegalRegimeEnum, description: "Régime légal the statement was computed under (loi du 7 août 2023 or bill 8535).", resolve: (s) => s.series.regime }),
    billEntryIntoForce: t.field({
      type: "Date",
      nullable: true,
      description: "Entry into force of bill 8535 used (BILL_8535 only; the operator's setting at computation).",
      resolve: async (s) => (s.row ? (s.row.billEntryIntoForce ? isoDate(s.row.billEntryIntoForce) : null) : (await s.statement()).bill8535EntryIntoForce),
    }),
    conventionSignedOn: t.field({ type: "Date", description: "Signature of the convention (date axis of the RGD 2024 amounts).", resolve: async (s) => (await s.statement()).conventionSignedOn }),
    total: t.field({
      type: "Decimal",
      description: "Total, two decimals: the exact sum of the lines (landlord: negative = surplus owed to the State).",
      resolve: async (s) => (s.row ? moneyString(s.row.total)! : (await s.statement()).total),
    }),
    outcome: t.field({
      type: CompensationOutcomeEnum,
      nullable: true,
      description: "Landlord statements: compensation due, surplus owed to the State, balanced, or excluded (art. 40 §4); null for developers.",
      resolve: async (s) => {
        if (s.row) return s.series.kind === "LANDLORD" ? (s.row.outcome as LandlordStatement["outcome"] | null) : null;
        const st = await s.statement();
        return st.kind === "LANDLORD" ? st.outcome : null;
      },
    }),
    surplusOwedToState: t.field({
      type: "Decimal",
      nullable: true,
      description: "Landlord statements: the surplus to repay to the State (art. 40 §1), \"0.00\" when none; null for developers.",
      resolve: async (s) => {
        if (s.row) return s.series.kind === "LANDLORD" ? (s.row.total.isNegative() ? new Dec(s.row.total.toFixed()).negated().toFixed(2) : "0.00") : null;
        const st = await s.statement();
        return st.kind === "LANDLORD" ? st.surplusOwedToState : null;
      },
    }),
    lineCount: t.int({ description: "Number of lines.", resolve: async (s) => s.row?.lineCount ?? (await s.statement()).lines.length }),
    contentHash: t.string({ description: "SHA-256 (hex) of the canonical JSON of the statement; for a draft, the hash it would be issued with.", resolve: (s) => s.contentHash() }),
    issuedAt: t.field({ type: "DateTime", nullable: true, description: "When this version was issued; null for a draft.", resolve: (s) => s.row?.issuedAt ?? null }),
    organisation: t.field({
      type: OrganisationRef,
      description: "The landlord or developer compensated.",
      resolve: async (s) => (await s.organisation())!,
    }),
    convention: t.field({
      type: ConventionRef,
      nullable: true,
      description: "The developer's financial-participation convention, or the landlord's compensation convention.",
      resolve: (s) => s.convention(),
    }),
    subtotalsByComponent: t.field({
      type: [ComponentSubtotalRef],
      description: "Sums per component, in component order.",
      resolve: async (s) => [...(await s.statement()).subtotals.byComponent],
    }),
    subtotalsByDwelling: t.connection(
      {
        type: DwellingSubtotalRef,
        description: "Sums per dwelling, in the statement's order.",
        complexity: pageCost,
        resolve: async (s, args) => resolveArrayConnection({ args }, (await s.statement()).subtotals.byDwelling),
      },
      { description: "A page of dwelling subtotals.", fields: countField },
    ),
    chargesListed: t.field({
      type: "Decimal",
      nullable: true,
      description: "Landlord statements: charges (art. 63) listed in the statement (art. 40 §3 2°), which never enter the compensation; null for developers.",
      resolve: async (s) => {
        const st = await s.statement();
        if (st.kind !== "LANDLORD") return null;
        return st.chargesListed.reduce((sum, c) => sum.plus(c.amount), new Dec(0)).toFixed(2);
      },
    }),
    overallVacancyRate: t.field({
      type: VacancyRateRef,
      nullable: true,
      description: "Landlord statements: vacancy rates of the whole stock (art. 40 §3); null for developers.",
      resolve: async (s) => {
        const st = await s.statement();
        if (st.kind !== "LANDLORD") return null;
        const rate = st.vacancy.find((v) => v.objectId === "*");
        return rate ? { rate, dwellings: new Set<string>() } : null;
      },
    }),
    vacancyRates: t.connection(
      {
        type: VacancyRateRef,
        description: "Landlord statements: vacancy rates per dwelling or accommodation unit (art. 40 §3 3°-5°); empty for developers.",
        complexity: pageCost,
        resolve: async (s, args) => {
          const st = await s.statement();
          if (st.kind !== "LANDLORD") return resolveArrayConnection({ args }, [] as VacancySource[]);
          const dwellings = new Set(st.subtotals.byDwelling.map((d) => d.key));
          return resolveArrayConnection({ args }, st.vacancy.filter((v) => v.objectId !== "*").map((rate) => ({ rate, dwellings })));
        },
      },
      { description: "A page of vacancy rates.", fields: countField },
    ),
    exclusions: t.field({
      type: [ExclusionRef],
      description: "What the rules left out, with the excluding article (e.g. Fonds du Logement, art. 40 §5 categories).",
      resolve: async (s) => {
        const statement = await s.statement();
        return statement.exclusions.map((exclusion) => ({ exclusion, statement }));
      },
    }),
    parameterVersions: t.field({
      type: [ParameterVersionRef],
      description: "Every parameter version the statement used (lines cite them by key).",
      deprecationReason: useInstead("parameters"),
      resolve: async (s) => Object.entries((await s.statement()).parameters).map(([key, version]) => ({ key, version })),
    }),
    parameters: t.field({ type: [ParameterVersionUsedRef], description: "Every parameter version (version datée) the statement used; lines cite them by `key`.", resolve: async (s) => Object.values((await s.statement()).parameters) }),
    lines: t.connection(
      {
        type: StatementLineRef,
        description: "The lines, in statement order (dwelling by dwelling, month by month), optionally filtered.",
        complexity: pageCost,
        args: { filter: t.arg({ type: CompensationStatementLineFilter, required: false, description: "Conditions on the lines." }) },
        resolve: async (s, args) => {
          const statement = await s.statement();
          const f = args.filter;
          const dwellingId = f?.dwellingId != null ? decodeGlobalId(String(f.dwellingId), "Dwelling", "filter.dwellingId") : null;
          const lines =
            f && (dwellingId !== null || f.month || f.component)
              ? statement.lines.filter((l) => (dwellingId === null || l.dwellingId === dwellingId) && (!f.month || l.month === f.month) && (!f.component || l.component === f.component))
              : statement.lines;
          return resolveArrayConnection({ args }, lines.map((line) => ({ line, statement })));
        },
      },
      { description: "A page of statement lines.", fields: countField },
    ),
    csv: t.string({
      description: `The statement as CSV (RFC 4180, CRLF): lines, then dwelling and component subtotals and the total, with the same two-decimal amounts. IDs are global IDs, as the API's. Header row: ${CSV_HEADER_DESCRIPTION}.`,
      args: { separator: t.arg({ type: CsvSeparatorEnum, required: false, defaultValue: "COMMA", description: "Field separator." }) },
      resolve: async (s, args, ctx) =>
        statementCsv(ctx, await s.statement(), s.row ? { number: s.row.number, version: s.row.version } : null, args.separator === "SEMICOLON" ? ";" : ","),
    }),
    xlsx: t.string({
      description: `The statement as an XLSX workbook, base64-encoded: one sheet "Statement" with the rows and columns of \`csv\` (header row frozen), the \`amount\` column as numbers shown to the cent (their digits are the statement's). Header row: ${CSV_HEADER_DESCRIPTION}.`,
      resolve: async (s, _a, ctx) => statementXlsx(ctx, await s.statement(), s.row ? { number: s.row.number, version: s.row.version } : null),
    }),
    filing: t.field({
      type: FilingRef,
      nullable: true,
      description: "Landlord statements: the art. 41 §1 filing deadline and whether this version was (or would today be) filed late; null for developers.",
      resolve: async (s) => {
        const statement = await s.statement();
        if (statement.kind !== "LANDLORD") return null;
        return { statement, filedOn: s.row ? isoDate(s.row.issuedAt) : today() };
      },
    }),
    changesFromPrevious: t.field({
      type: ChangesRef,
      nullable: true,
      description: "Issued: changes from the version it replaced; draft: changes from the latest issued version. Null when there is none.",
      resolve: (s) => changesOf(s),
    }),
    versions: t.field({
      type: [StatementRef],
      description: "Every issued version of this statement's series (same subject, year and regime), oldest first.",
      resolve: (s) => s.versions(),
    }),
    indexPointsUsed: t.field({
      type: [IndexPointUsedRef],
      description:
        "Every distinct index value the statement's lines used (« cote d'application » for the capital indexation, art. 13 §5; « indice des prix de la construction »), with its source; `unconfirmed` when resolved after its series' knownUntil. An issued statement shows those it was computed with.",
      resolve: async (s) => indexPointsCached(await s.statement()).points,
    }),
    unconfirmedIndexAfter: t.field({
      type: "Date",
      nullable: true,
      description:
        "Set when the statement rests on an unconfirmed index value: a line used a value resolved after its series' « known until » day (this day, the earliest such), so a later tranche may already apply. Null when every index value used is confirmed. Operators confirm values with recordIndexValue.",
      resolve: async (s) => indexPointsCached(await s.statement()).unconfirmedAfter,
    }),
    capitalRateBounds: t.field({
      type: [CapitalRateBoundsCheckRef],
      nullable: true,
      description:
        "Developer statements: law art. 13 §4 — each capital remuneration rate the statement applies (land, construction; fixed on the convention's signature day) against the bounds on the « taux à court terme de la BCE » (€STR) of that day, with the €STR as recorded now. A breach, a missing or an unconfirmed €STR is flagged (`flagged`), never hidden; the lines still apply the RGD's rate. Empty without capital lines; null for landlord statements.",
      resolve: async (s, _a, ctx) => {
        const st = await s.statement();
        if (st.kind !== "DEVELOPER") return null;
        const series = await indexSeriesOf(ctx);
        const options = { regime: st.regime, ...(st.bill8535EntryIntoForce !== null && { bill8535EntryIntoForce: st.bill8535EntryIntoForce }), indexSeries: compensationIndexSeries(series) };
        return capitalRateChecks(st.lines, st.conventionSignedOn, options);
      },
    }),
  }),
});

const indexPointsCache = new WeakMap<CompensationStatement, ReturnType<typeof indexPointsOf>>();
/** The statement's index points, computed once per statement object (one pass over its lines). */
function indexPointsCached(st: CompensationStatement): ReturnType<typeof indexPointsOf> {
  let v = indexPointsCache.get(st);
  if (!v) {
    v = indexPointsOf(st.lines);
    indexPointsCache.set(st, v);
  }
  return v;
}
