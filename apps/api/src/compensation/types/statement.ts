/**
 * The `CompensationStatement` type: an issued (frozen, numbered) statement or a draft computed live
 * (`issued: false`). Lines, subtotals, vacancy rates, exclusions, parameter versions, CSV, the
 * art. 41 filing deadline and the changes from the previous version all come from the engine's
 * statement (for issued ones, the stored canonical JSON, decompressed on demand).
 */
import { todayIso } from "@abordable/domain";
import { encodeGlobalID, resolveArrayConnection } from "@pothos/plugin-relay";
import { Dec, type CompensationStatement, type LandlordStatement } from "@abordable/domain";
import { builder } from "../../schema/builder.js";
import { CSV_HEADER_DESCRIPTION, statementCsv } from "../adapters/csv.js";
import { statementXlsx } from "../adapters/xlsx.js";
import { moneyString } from "../../schema/money.js";
import { pageCost } from "../../schema/complexity.js";
import { decodeGlobalId } from "../../schema/ids.js";
import { OrganisationRef } from "../../organisations/types/organisation.js";
import { ConventionRef } from "../../conventions/types/convention.js";
import { CompensationOutcomeEnum, CompensationRegimeEnum, CompensationStatementKindEnum } from "./enums.js";
import { LegalRegimeEnum, ParameterVersionRef as ParameterVersionUsedRef, useInstead } from "../../schema/law.js";
import { ParameterVersionRef } from "./trace.js";
import { isoDate } from "../adapters/inputs.js";
import type { StatementView } from "../adapters/statements.js";
import { CapitalRateBoundsCheckRef, IndexPointUsedRef, indexPointsOf } from "../../indices/types.js";
import { compensationIndexSeries, indexSeriesOf } from "../../indices/series.js";
import { capitalRateChecks } from "../adapters/rate-bounds.js";
import {
  ComponentSubtotalRef,
  DwellingSubtotalRef,
  countField,
  VacancyRateRef,
  type VacancySource,
  ExclusionRef,
  StatementLineRef,
  CompensationStatementLineFilter,
  CsvSeparatorEnum,
  FilingRef,
  ChangesRef,
  changesOf,
} from "./statement-parts.js";

export const StatementRef = builder.objectRef<StatementView>("CompensationStatement");

StatementRef.implement({
  description:
    "A compensation statement (art. 13 for a developer convention, art. 40-41 for a landlord) for one year under one regime. Issued statements are frozen: numbered, versioned, stored as canonical JSON with its SHA-256; a draft (`issued: false`) is computed live from the current data.",
  fields: (t) => ({
    id: t.id({
      nullable: true,
      description: "Global ID of an issued statement; null for a draft.",
      resolve: (s) => (s.row ? encodeGlobalID("CompensationStatement", s.row.id) : null),
    }),
    issued: t.boolean({ description: "True for an issued (frozen) version; false for a draft computed live.", resolve: (s) => s.issued }),
    number: t.string({
      nullable: true,
      description: 'Public number of an issued version, e.g. "CS-2025-000042"; null for a draft.',
      resolve: (s) => s.row?.number ?? null,
    }),
    kind: t.field({ type: CompensationStatementKindEnum, description: "Developer (art. 13) or landlord (art. 40).", resolve: (s) => s.series.kind }),
    year: t.int({ description: "Year compensated.", resolve: (s) => s.series.year }),
    fromMonth: t.field({ type: "Month", description: "First month covered.", resolve: async (s) => (await s.statement()).months.from }),
    toMonth: t.field({ type: "Month", description: "Last month covered.", resolve: async (s) => (await s.statement()).months.to }),
    version: t.int({ nullable: true, description: "Version number within its series (1, 2, …); null for a draft.", resolve: (s) => s.row?.version ?? null }),
    regime: t.field({
      type: CompensationRegimeEnum,
      description: "Regime computed under.",
      deprecationReason: useInstead("legalRegime"),
      resolve: (s) => s.series.regime,
    }),
    legalRegime: t.field({
      type: LegalRegimeEnum,
      description: "Régime légal the statement was computed under (loi du 7 août 2023 or bill 8535).",
      resolve: (s) => s.series.regime,
    }),
    billEntryIntoForce: t.field({
      type: "Date",
      nullable: true,
      description: "Entry into force of bill 8535 used (BILL_8535 only; the operator's setting at computation).",
      resolve: async (s) => (s.row ? (s.row.billEntryIntoForce ? isoDate(s.row.billEntryIntoForce) : null) : (await s.statement()).bill8535EntryIntoForce),
    }),
    conventionSignedOn: t.field({
      type: "Date",
      description: "Signature of the convention (date axis of the RGD 2024 amounts).",
      resolve: async (s) => (await s.statement()).conventionSignedOn,
    }),
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
      description: 'Landlord statements: the surplus to repay to the State (art. 40 §1), "0.00" when none; null for developers.',
      resolve: async (s) => {
        if (s.row) return s.series.kind === "LANDLORD" ? (s.row.total.isNegative() ? new Dec(s.row.total.toFixed()).negated().toFixed(2) : "0.00") : null;
        const st = await s.statement();
        return st.kind === "LANDLORD" ? st.surplusOwedToState : null;
      },
    }),
    lineCount: t.int({ description: "Number of lines.", resolve: async (s) => s.row?.lineCount ?? (await s.statement()).lines.length }),
    contentHash: t.string({
      description: "SHA-256 (hex) of the canonical JSON of the statement; for a draft, the hash it would be issued with.",
      resolve: (s) => s.contentHash(),
    }),
    issuedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When this version was issued; null for a draft.",
      resolve: (s) => s.row?.issuedAt ?? null,
    }),
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
          return resolveArrayConnection(
            { args },
            st.vacancy.filter((v) => v.objectId !== "*").map((rate) => ({ rate, dwellings })),
          );
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
    parameters: t.field({
      type: [ParameterVersionUsedRef],
      description: "Every parameter version (version datée) the statement used; lines cite them by `key`.",
      resolve: async (s) => Object.values((await s.statement()).parameters),
    }),
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
              ? statement.lines.filter(
                  (l) =>
                    (dwellingId === null || l.dwellingId === dwellingId) && (!f.month || l.month === f.month) && (!f.component || l.component === f.component),
                )
              : statement.lines;
          return resolveArrayConnection(
            { args },
            lines.map((line) => ({ line, statement })),
          );
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
        return { statement, filedOn: s.row ? isoDate(s.row.issuedAt) : todayIso() };
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
        const options = {
          regime: st.regime,
          ...(st.bill8535EntryIntoForce !== null && { bill8535EntryIntoForce: st.bill8535EntryIntoForce }),
          indexSeries: compensationIndexSeries(series),
        };
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
