/** The parts of a `CompensationStatement` (types/statement.ts): lines, subtotals, vacancy rates, exclusions, the art. 41 filing, the changes from the previous version, the line filter and the CSV separator. */
import { encodeGlobalID, resolveArrayConnection } from "@pothos/plugin-relay";
import {
  checkLandlordFiling,
  type CompensationStatement,
  type Component,
  type Exclusion,
  type LineChange,
  type StatementDiff,
  type StatementLine,
  type Subtotal,
  type VacancyRate,
  legalOptions,
} from "@abordable/domain";
import { builder } from "../../schema/builder.js";
import { pageCost } from "../../schema/complexity.js";
import { CompensationComponentEnum, CompensationObjectKindEnum } from "./enums.js";
import {
  LegalReferenceRef as LegalReferenceUnifiedRef,
  parameterVersionKey,
  ParameterVersionRef as ParameterVersionUsedRef,
  useInstead,
} from "../../schema/law.js";
import { LegalReferenceRef, ParameterVersionRef } from "./trace.js";
import type { StatementView } from "../adapters/statements.js";
import { IndexPointUsedRef } from "../../indices/types.js";
import { StatementRef } from "./statement.js";

interface LineSource {
  line: StatementLine;
  statement: CompensationStatement;
}

const objectGid = (kind: "DWELLING" | "ACCOMMODATION_UNIT", id: string) => encodeGlobalID(kind === "DWELLING" ? "Dwelling" : "AccommodationUnit", id);

export const StatementLineRef = builder.objectRef<LineSource>("CompensationStatementLine").implement({
  description: "One line of a statement: one dwelling or accommodation unit, one month, one component, rounded to the cent once.",
  fields: (t) => ({
    lineId: t.string({
      description: "Stable id `objectId|month|component` (the same across versions; the diff matches lines by it).",
      resolve: ({ line }) => line.lineId,
    }),
    dwellingId: t.id({ description: "Global ID of the dwelling.", resolve: ({ line }) => encodeGlobalID("Dwelling", line.dwellingId) }),
    objectId: t.id({
      description: "Global ID of the dwelling or accommodation unit the line is computed for.",
      resolve: ({ line }) => objectGid(line.objectKind, line.objectId),
    }),
    objectKind: t.field({ type: CompensationObjectKindEnum, description: "Dwelling or accommodation unit.", resolve: ({ line }) => line.objectKind }),
    month: t.field({ type: "Month", description: "Month compensated.", resolve: ({ line }) => line.month }),
    component: t.field({ type: CompensationComponentEnum, description: "What the line compensates.", resolve: ({ line }) => line.component }),
    ruleId: t.string({ description: "Stable id of the rule that produced the line.", resolve: ({ line }) => line.ruleId }),
    article: t.string({
      description: 'Short citation of the articles applied, e.g. "law art. 40 §2 al. 1; RGD 2024 art. 3".',
      resolve: ({ line }) => line.article,
    }),
    references: t.field({
      type: [LegalReferenceRef],
      description: "The full legal references behind `article`.",
      deprecationReason: useInstead("legalReferences"),
      resolve: ({ line, statement }) => [...(statement.references[line.article] ?? [])],
    }),
    legalReferences: t.field({
      type: [LegalReferenceUnifiedRef],
      description: "The full legal references (références légales) behind `article`.",
      resolve: ({ line, statement }) => [...(statement.references[line.article] ?? [])],
    }),
    interpretationNotes: t.stringList({
      description: "Interpretation notes the rule relies on.",
      resolve: ({ line, statement }) => [...(statement.rules[line.ruleId]?.interpretationNotes ?? [])],
    }),
    inputs: t.field({ type: "JSON", description: "Inputs of the line (decimals and day counts as strings).", resolve: ({ line }) => line.inputs }),
    parameterVersions: t.field({
      type: [ParameterVersionRef],
      description: "Parameter versions the line used.",
      deprecationReason: useInstead("parameters"),
      resolve: ({ line, statement }) => line.parameterVersions.map((key) => ({ key, version: statement.parameters[key]! })),
    }),
    parameters: t.field({
      type: [ParameterVersionUsedRef],
      description: "Parameter versions (versions datées) the line used.",
      resolve: ({ line, statement }) => line.parameterVersions.map((key) => statement.parameters[key]!),
    }),
    indices: t.field({ type: "JSON", description: "Index points used (cote d'application), if any.", resolve: ({ line }) => line.indices }),
    indexPoints: t.field({
      type: [IndexPointUsedRef],
      description:
        "Index values the line used (« cote d'application », « indice des prix de la construction »), typed, each with its source and `unconfirmed` when resolved after its series' knownUntil.",
      resolve: ({ line }) => [...line.indices],
    }),
    exactAmount: t.field({ type: "Decimal", description: "Unrounded amount, for audit.", resolve: ({ line }) => line.exactAmount }),
    amount: t.field({
      type: "Decimal",
      description: "Signed amount to the cent (half-up, rounded once here); totals are sums of these.",
      resolve: ({ line }) => line.amount,
    }),
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

export const DwellingSubtotalRef = builder.objectRef<Subtotal>("CompensationDwellingSubtotal").implement({
  description: "Sum of a statement's lines for one dwelling (its accommodation units included).",
  fields: (t) => ({
    dwellingId: t.id({ description: "Global ID of the dwelling.", resolve: (s) => encodeGlobalID("Dwelling", s.key) }),
    amount: t.field({ type: "Decimal", description: "Sum, two decimals.", resolve: (s) => s.amount }),
    lineCount: t.int({ description: "Number of lines.", resolve: (s) => s.lines }),
  }),
});

export interface VacancySource {
  rate: VacancyRate;
  dwellings: ReadonlySet<string>;
}

export const VacancyRateRef = builder.objectRef<VacancySource>("CompensationVacancyRate").implement({
  description: "Vacancy of a dwelling or unit (or of the whole stock) over the statement's months, by reason (art. 40 §3 3°-5°).",
  fields: (t) => ({
    objectId: t.id({
      nullable: true,
      description: "Global ID of the dwelling or accommodation unit; null for the whole stock.",
      resolve: ({ rate, dwellings }) =>
        rate.objectId === "*" ? null : objectGid(dwellings.has(rate.objectId) ? "DWELLING" : "ACCOMMODATION_UNIT", rate.objectId),
    }),
    managedDays: t.int({ description: "Days in the landlord's affordable stock.", resolve: ({ rate }) => rate.managedDays }),
    changeOfOwnerDays: t.int({ description: "Days vacant because of a change of owner.", resolve: ({ rate }) => rate.vacantDays.CHANGE_OF_OWNER }),
    renovationDays: t.int({ description: "Days vacant because of renovation.", resolve: ({ rate }) => rate.vacantDays.RENOVATION }),
    otherDays: t.int({ description: "Days vacant for another reason.", resolve: ({ rate }) => rate.vacantDays.OTHER }),
    changeOfOwnerRate: t.field({
      type: "Decimal",
      description: "Vacant days / managed days, change of owner (6 decimals).",
      resolve: ({ rate }) => rate.rates.CHANGE_OF_OWNER,
    }),
    renovationRate: t.field({
      type: "Decimal",
      description: "Vacant days / managed days, renovation (6 decimals).",
      resolve: ({ rate }) => rate.rates.RENOVATION,
    }),
    otherRate: t.field({ type: "Decimal", description: "Vacant days / managed days, other reasons (6 decimals).", resolve: ({ rate }) => rate.rates.OTHER }),
  }),
});

interface ExclusionSource {
  exclusion: Exclusion;
  statement: CompensationStatement;
}

export const ExclusionRef = builder.objectRef<ExclusionSource>("CompensationExclusion").implement({
  description: "A component a rule left out for a dwelling (or the whole landlord), with the article that excludes it.",
  fields: (t) => ({
    objectId: t.id({
      description: "Global ID of the dwelling, or of the organisation when the whole statement is excluded (art. 40 §4).",
      resolve: ({ exclusion, statement }) =>
        encodeGlobalID(exclusion.objectId === statement.subjectId && statement.kind === "LANDLORD" ? "Organisation" : "Dwelling", exclusion.objectId),
    }),
    component: t.field({ type: CompensationComponentEnum, description: "Component left out.", resolve: ({ exclusion }) => exclusion.component }),
    reason: t.string({ description: "Why, in words.", resolve: ({ exclusion }) => exclusion.reason }),
    article: t.string({ description: "The article that excludes it.", resolve: ({ exclusion }) => exclusion.article }),
    months: t.field({
      type: ["Month"],
      description: "Months concerned; empty for the whole statement.",
      resolve: ({ exclusion }) => [...(exclusion.months ?? [])],
    }),
  }),
});

interface FilingSource {
  statement: CompensationStatement;
  filedOn: string;
}

export const FilingRef = builder.objectRef<FilingSource>("CompensationFiling").implement({
  description:
    "Art. 41 §1: the landlord files its compensation request by 30 June of the year after the compensated year (bill art. 28 1° says so; the law's « de chaque année » is read the same way, since the request carries the year's audited annual report, art. 41 §2 3°).",
  fields: (t) => ({
    deadline: t.field({ type: "Date", description: "Last day to file the request for this statement's year.", resolve: (f) => filing(f).deadline }),
    filedOn: t.field({ type: "Date", description: "Issued statements: the day issued; drafts: today.", resolve: (f) => f.filedOn }),
    late: t.boolean({ description: "Filed (or filing today) after the deadline.", resolve: (f) => filing(f).late }),
    daysLate: t.int({ description: "Calendar days after the deadline (0 when on time).", resolve: (f) => filing(f).daysLate }),
    references: t.field({
      type: [LegalReferenceRef],
      description: "The provisions of the versions applied (those in force on 31 December of the year): law art. 41 §1 and §2 3°, or bill art. 28 1°.",
      deprecationReason: useInstead("legalReferences"),
      resolve: (f) => [...filing(f).references],
    }),
    legalReferences: t.field({
      type: [LegalReferenceUnifiedRef],
      description:
        "The provisions (références légales) of the versions applied (those in force on 31 December of the year): law art. 41 §1 and §2 3°, or bill art. 28 1°.",
      resolve: (f) => [...filing(f).references],
    }),
    parameters: t.field({
      type: [ParameterVersionUsedRef],
      description: "Parameter versions (versions datées) of the deadline.",
      resolve: (f) => [...filing(f).parameters],
    }),
    parameterVersions: t.field({
      type: [ParameterVersionRef],
      description: "Parameter versions of the deadline.",
      deprecationReason: useInstead("parameters"),
      resolve: (f) => filing(f).parameters.map((version) => ({ key: parameterVersionKey(version), version })),
    }),
  }),
});

export function filing(f: FilingSource) {
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
    changedFields: t.stringList({
      description: "Other fields that differ (inputs, parameterVersions, ruleId…).",
      resolve: ({ change }) => [...change.changedFields],
    }),
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
        resolve: (c, args) =>
          resolveArrayConnection(
            { args },
            c.diff.changed.map((change) => ({ change, after: c.after })),
          ),
      },
      { description: "A page of changed lines.", fields: countField },
    ),
    added: t.connection(
      {
        type: StatementLineRef,
        description: "Lines only in this version.",
        complexity: pageCost,
        resolve: (c, args) =>
          resolveArrayConnection(
            { args },
            c.diff.added.map((line) => ({ line, statement: c.after })),
          ),
      },
      { description: "A page of added lines.", fields: countField },
    ),
    removed: t.connection(
      {
        type: StatementLineRef,
        description: "Lines only in the previous version.",
        complexity: pageCost,
        resolve: (c, args) =>
          resolveArrayConnection(
            { args },
            c.diff.removed.map((line) => ({ line, statement: c.before })),
          ),
      },
      { description: "A page of removed lines.", fields: countField },
    ),
  }),
});

/** `totalCount` on the array connections (resolveArrayConnection computes it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function countField(t: any) {
  return {
    totalCount: t.int({
      description: "Number of items in the whole list (all pages), after the filter.",
      resolve: (c: { totalCount?: number }) => c.totalCount ?? 0,
    }),
  };
}

export const CompensationStatementLineFilter = builder.inputType("CompensationStatementLineFilter", {
  description: "Conditions on statement lines; all given conditions apply together.",
  fields: (t) => ({
    dwellingId: t.id({ required: false, description: "Global ID of a dwelling (its units' lines included)." }),
    month: t.field({ type: "Month", required: false, description: "Month." }),
    component: t.field({ type: CompensationComponentEnum, required: false, description: "Component." }),
  }),
});

export const CsvSeparatorEnum = builder.enumType("CompensationCsvSeparator", {
  description: 'Field separator of the CSV export (amounts always use "." and two decimals).',
  values: {
    COMMA: { description: '"," (RFC 4180).' },
    SEMICOLON: { description: '";" for spreadsheets in decimal-comma locales.' },
  } as const,
});
