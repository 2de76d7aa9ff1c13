/**
 * GraphQL types of the index series (issue 17 point 4): the series kinds, an operator's recorded
 * value, a series as computations use it, the index points a computation used (with `unconfirmed`)
 * and the art. 13 §4 check of the capital remuneration rates against the €STR.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import {
  formatReference,
  lawRef as law,
  type CapitalRateBoundsStatus,
  type IndexPointUsed,
  type IndexSource,
  type IsoDate,
  type LegalReference,
  type Regime,
} from "@abordable/domain";
import { builder } from "../schema/builder.js";
import { LegalReferenceRef, ParameterVersionRef } from "../schema/law.js";
import type { IndexSeriesKind, IndexValueRow } from "./series.js";

export const IndexSeriesKindEnum = builder.enumType("IndexSeriesKind", {
  description:
    "An index series the law refers to. Each has a « known until » day: a figure resolved for a later day rests on an unconfirmed value and says so.",
  values: {
    COTE: {
      description:
        "« Cote d'application de l'échelle mobile des salaires » (base 100 = 1 January 1948; law art. 8 al. 5, art. 15 al. 4; capital indexation art. 13 §5): a step series, each value from the day its tranche applies.",
    },
    CONSTRUCTION_PRICE: {
      description:
        "« Indice semestriel des prix de la construction » (base 1970 = 100; law art. 13 §2 al. 1, art. 40 §2 al. 1): one value per semester (April, October), never interpolated: a missing semester is an INDEX_MISSING error naming it.",
    },
    ECB_SHORT_TERM_RATE: {
      description:
        "« Taux à court terme en euros établi par la Banque centrale européenne » (€STR, law art. 13 §4), percent per year: a step series, each value from the day it applies; none is built in, an operator records the ECB's published values.",
    },
  } as const,
});

export const IndexSeriesArticle: Record<IndexSeriesKind, LegalReference[]> = {
  COTE: [law("8", { alinea: "5" }), law("15", { alinea: "4" })],
  CONSTRUCTION_PRICE: [law("13", { paragraph: "2", alinea: "1" }), law("40", { paragraph: "2", alinea: "1" })],
  ECB_SHORT_TERM_RATE: [law("13", { paragraph: "4" })],
};

export const IndexValueRef = builder.objectRef<IndexValueRow>("IndexValue").implement({
  description:
    "An index value an operator recorded (recordIndexValue or `abordable index record`), with its published source. Immutable: never changed or deleted once recorded.",
  fields: (t) => ({
    id: t.id({ description: "Global ID of the recorded value.", resolve: (r) => encodeGlobalID("IndexValue", r.id) }),
    series: t.field({
      type: IndexSeriesKindEnum,
      description: "Series (cote d'application, indice des prix de la construction, taux à court terme de la BCE).",
      resolve: (r) => r.series,
    }),
    key: t.string({
      description: "COTE and ECB_SHORT_TERM_RATE: the first day the value applies (YYYY-MM-DD); CONSTRUCTION_PRICE: the semester (YYYY-04 or YYYY-10).",
      resolve: (r) => r.key,
    }),
    value: t.field({ type: "Decimal", description: "The published figure (the €STR in percent per year).", resolve: (r) => r.value }),
    source: t.string({ description: "The publication it was taken from (STATEC or ECB reference or URL), as the operator gave it.", resolve: (r) => r.source }),
    knownUntil: t.field({
      type: "Date",
      nullable: true,
      description: "The day up to which the operator declared the series complete with this value; null when not declared.",
      resolve: (r) => r.knownUntil,
    }),
    recordedBy: t.string({ description: "Who recorded it: `apiKey:<id>` (a ministry administrator's key) or `cli:<operator>`.", resolve: (r) => r.recordedBy }),
    recordedAt: t.field({ type: "DateTime", description: "When it was recorded.", resolve: (r) => r.recordedAt }),
  }),
});

/** One point of a series as used: built in (with its citation) or recorded by an operator. */
export interface SeriesPointSource {
  readonly series: IndexSeriesKind;
  readonly key: string;
  readonly validFrom: IsoDate;
  readonly value: string;
  readonly source: IndexSource | { readonly publisher: "ECB"; readonly citation: string };
  readonly origin: "BUILT_IN" | "OPERATOR";
  readonly operatorEntry: IndexValueRow | null;
}

const IndexValueOriginEnum = builder.enumType("IndexValueOrigin", {
  description: "Where a point of an index series comes from.",
  values: {
    BUILT_IN: { description: "The repository's data (docs/rules.md §1, or a figure stated in the legal texts: `confirmedBy`)." },
    OPERATOR: { description: "Recorded by an operator with its published source (recordIndexValue)." },
  } as const,
});

export const IndexSeriesPointRef = builder.objectRef<SeriesPointSource>("IndexSeriesPoint").implement({
  description: "One value of an index series as computations use it.",
  fields: (t) => ({
    key: t.string({
      description: "The day the value applies from (YYYY-MM-DD), or the semester (YYYY-04 / YYYY-10) of the « indice semestriel des prix de la construction ».",
      resolve: (p) => p.key,
    }),
    validFrom: t.field({ type: "Date", description: "First day the value applies (a semester: 1 April or 1 October).", resolve: (p) => p.validFrom }),
    value: t.field({ type: "Decimal", description: "The value (the €STR in percent per year).", resolve: (p) => p.value }),
    publisher: t.string({ description: "Publisher of the figure: STATEC (cote, construction index) or ECB (€STR).", resolve: (p) => p.source.publisher }),
    citation: t.string({ description: "Where the figure was taken from.", resolve: (p) => p.source.citation }),
    confirmedBy: t.field({
      type: LegalReferenceRef,
      nullable: true,
      description: "The legal text that states the same figure, when one does (e.g. law art. 13 §2 al. 1: 881,15 d'avril 2021).",
      resolve: (p) => ("confirmedBy" in p.source ? (p.source.confirmedBy ?? null) : null),
    }),
    origin: t.field({ type: IndexValueOriginEnum, description: "Built in, or recorded by an operator.", resolve: (p) => p.origin }),
    operatorEntry: t.field({
      type: IndexValueRef,
      nullable: true,
      description: "The operator's record of this value, when there is one (also when it confirms a built-in value).",
      resolve: (p) => p.operatorEntry,
    }),
  }),
});

/** A series as used: the domain's series (built in + operator points) with its knownUntil. */
export interface SeriesSource {
  readonly series: IndexSeriesKind;
  readonly frenchTerm: string;
  readonly base: string | null;
  readonly lastChecked: IsoDate;
  readonly knownUntil: IsoDate | null;
  readonly points: readonly SeriesPointSource[];
}

export const IndexSeriesRef = builder.objectRef<SeriesSource>("IndexSeries").implement({
  description:
    "An index series as every computation uses it: the built-in values and those an operator recorded, and the day up to which it is known complete.",
  fields: (t) => ({
    series: t.field({ type: IndexSeriesKindEnum, description: "Which series.", resolve: (s) => s.series }),
    frenchTerm: t.string({
      description:
        "The legal term (« cote d'application de l'échelle mobile des salaires », « indice semestriel des prix de la construction », « taux à court terme de la BCE »).",
      resolve: (s) => s.frenchTerm,
    }),
    references: t.field({ type: [LegalReferenceRef], description: "The articles that refer to the series.", resolve: (s) => IndexSeriesArticle[s.series] }),
    article: t.string({
      description: 'The same articles as a citation, e.g. "law art. 13 §4".',
      resolve: (s) => IndexSeriesArticle[s.series].map(formatReference).join("; "),
    }),
    base: t.string({ nullable: true, description: 'Base of the index (e.g. "100 = 1 January 1948"); null for the €STR (a rate).', resolve: (s) => s.base }),
    lastChecked: t.field({ type: "Date", description: "Day the built-in data was last checked against the publisher.", resolve: (s) => s.lastChecked }),
    knownUntil: t.field({
      type: "Date",
      nullable: true,
      description:
        "Last day the series is known complete (the built-in day, moved by operators' declarations): a figure resolved for a later day rests on an unconfirmed value (`unconfirmed` on the point used). Null: nothing is confirmed yet (the €STR until an operator declares it).",
      resolve: (s) => s.knownUntil,
    }),
    points: t.field({ type: [IndexSeriesPointRef], description: "Every value, oldest first.", resolve: (s) => [...s.points] }),
  }),
});

const SERIES_OF_POINT: Record<IndexPointUsed["series"], IndexSeriesKind> = { COST_OF_LIVING_COTE: "COTE", CONSTRUCTION_PRICE_INDEX: "CONSTRUCTION_PRICE" };

export const IndexPointUsedRef = builder.objectRef<IndexPointUsed>("IndexPointUsed").implement({
  description:
    "An index value a computation used (« cote d'application », « indice des prix de la construction »), with its source; `unconfirmed` when it was resolved for a day after its series' knownUntil.",
  fields: (t) => ({
    series: t.field({ type: IndexSeriesKindEnum, description: "Series.", resolve: (p) => SERIES_OF_POINT[p.series] }),
    label: t.string({ description: '"cote from 2025-05-01" or "semester 2025-04".', resolve: (p) => p.label }),
    value: t.field({ type: "Decimal", description: "The value used.", resolve: (p) => p.value }),
    validFrom: t.field({ type: "Date", description: "First day of the value (tranche or semester).", resolve: (p) => p.validFrom }),
    validTo: t.field({
      type: "Date",
      nullable: true,
      description: "Day the next value applies (exclusive); null while none is known.",
      resolve: (p) => p.validTo,
    }),
    publisher: t.string({ description: "STATEC.", resolve: (p) => p.source.publisher }),
    citation: t.string({ description: "Where the figure was taken from (built-in data or the operator's source).", resolve: (p) => p.source.citation }),
    unconfirmed: t.boolean({
      description: "True when the value was resolved for a day after the series' knownUntil: a later value (tranche) may already apply.",
      resolve: (p) => p.unconfirmedAfter !== undefined,
    }),
    unconfirmedAfter: t.field({
      type: "Date",
      nullable: true,
      description: "The series' knownUntil the value was resolved beyond; null when confirmed.",
      resolve: (p) => p.unconfirmedAfter ?? null,
    }),
  }),
});

/** The distinct index points of a set of lines, in order of first use, and the earliest knownUntil any of them was resolved beyond. */
export function indexPointsOf(lines: Iterable<{ readonly indices: readonly IndexPointUsed[] }>): {
  points: IndexPointUsed[];
  unconfirmedAfter: IsoDate | null;
} {
  const seen = new Map<string, IndexPointUsed>();
  let unconfirmedAfter: IsoDate | null = null;
  for (const l of lines)
    for (const i of l.indices) {
      const k = `${i.series}|${i.validFrom}|${i.value}|${i.unconfirmedAfter ?? ""}`;
      if (!seen.has(k)) seen.set(k, i);
      if (i.unconfirmedAfter !== undefined && (unconfirmedAfter === null || i.unconfirmedAfter < unconfirmedAfter)) unconfirmedAfter = i.unconfirmedAfter;
    }
  return { points: [...seen.values()], unconfirmedAfter };
}

const CapitalRateKindEnum = builder.enumType("CapitalRateKind", {
  description: "Which capital remuneration rate of a social developer (law art. 13 §3-4; RGD 24 January 2024 art. 2).",
  values: {
    LAND: { description: "Rate on the capital invested in the land (« terrain »): at least the €STR, at most the €STR + 150 bp (art. 13 §4)." },
    CONSTRUCTION: {
      description: "Rate on the capital invested in construction or renovation: at least the €STR + 100 bp, at most the €STR + 250 bp (art. 13 §4).",
    },
  } as const,
});

const CapitalRateBoundsStatusEnum = builder.enumType("CapitalRateBoundsStatus", {
  description: "Outcome of the art. 13 §4 check of a capital remuneration rate against the « taux à court terme de la BCE » (€STR).",
  values: {
    WITHIN_BOUNDS: { description: "floor ≤ rate ≤ cap." },
    BREACHED: { description: "The rate lies outside the bounds of art. 13 §4: flagged, never hidden (the statement still applies the RGD's rate)." },
    ECB_RATE_MISSING: {
      description: "No €STR is recorded on or before the day: the bounds cannot be checked until an operator records the ECB's value (recordIndexValue).",
    },
  } as const,
});

/** A check as the API shows it, with the regime it was made under. */
export interface RateBoundsSource {
  readonly status: CapitalRateBoundsStatus;
  readonly regime: Regime;
}

const fixed = (d: { toFixed(): string } | null | undefined): string | null => (d ? d.toFixed() : null);

export const CapitalRateBoundsCheckRef = builder.objectRef<RateBoundsSource>("CapitalRateBoundsCheck").implement({
  description:
    "Law art. 13 §4: a social developer's capital remuneration rate (RGD 24 January 2024 art. 2) checked against bounds set on the « taux à court terme de la BCE » (€STR) in force on the day (under bill 8535 a negative €STR counts as zero). Flagged when breached, when the €STR is missing, or when it rests on an unconfirmed €STR.",
  fields: (t) => ({
    kind: t.field({ type: CapitalRateKindEnum, description: "Land or construction rate.", resolve: (c) => c.status.kind }),
    asOf: t.field({
      type: "Date",
      description: "Day checked: the rate applied to the convention (fixed on its signature day) against the €STR of that day.",
      resolve: (c) => c.status.asOf,
    }),
    status: t.field({
      type: CapitalRateBoundsStatusEnum,
      description: "Within bounds, breached, or not checkable (€STR missing).",
      resolve: (c) => c.status.status,
    }),
    flagged: t.boolean({
      description: "True when the statement draws attention to this check: breached, €STR missing, or €STR unconfirmed.",
      resolve: (c) => c.status.flagged,
    }),
    rate: t.field({ type: "Decimal", description: "The rate applied, percent per year.", resolve: (c) => c.status.rate.toFixed() }),
    ecbRate: t.field({
      type: "Decimal",
      nullable: true,
      description: "The €STR used, percent per year; null when missing.",
      resolve: (c) => c.status.check?.ecbRate.value ?? null,
    }),
    ecbRateValidFrom: t.field({
      type: "Date",
      nullable: true,
      description: "First day of the €STR value used.",
      resolve: (c) => c.status.check?.ecbRate.validFrom ?? null,
    }),
    ecbRateCitation: t.string({
      nullable: true,
      description: "Source of the €STR value used (the ECB publication the operator recorded).",
      resolve: (c) => c.status.check?.ecbRate.source.citation ?? null,
    }),
    floor: t.field({
      type: "Decimal",
      nullable: true,
      description: "Lowest rate allowed, percent per year (« ni inférieur à zéro »); null when the €STR is missing.",
      resolve: (c) => fixed(c.status.check?.floor),
    }),
    cap: t.field({
      type: "Decimal",
      nullable: true,
      description: "Highest rate allowed, percent per year; null when the €STR is missing.",
      resolve: (c) => fixed(c.status.check?.cap),
    }),
    unconfirmed: t.boolean({
      description: "The €STR was resolved for a day after its series' knownUntil (or none is declared): the check rests on an unconfirmed value.",
      resolve: (c) => c.status.check?.unconfirmed ?? false,
    }),
    unconfirmedAfter: t.field({
      type: "Date",
      nullable: true,
      description: "The €STR series' knownUntil the check was made beyond; null when confirmed or missing.",
      resolve: (c) => c.status.check?.ecbRate.unconfirmedAfter ?? null,
    }),
    message: t.string({
      description: "The check in words.",
      resolve: ({ status: s }) =>
        s.status === "ECB_RATE_MISSING"
          ? `${s.kind} rate ${s.rate.toFixed()} % not checked: ${s.missing}`
          : `${s.kind} rate ${s.rate.toFixed()} % ${s.status === "WITHIN_BOUNDS" ? "within" : "OUTSIDE"} [${s.check!.floor.toFixed()} %, ${s.check!.cap.toFixed()} %] (€STR ${s.check!.ecbRate.value} % from ${s.check!.ecbRate.validFrom}${s.check!.unconfirmed ? ", unconfirmed" : ""})`,
    }),
    article: t.string({
      description: '"law art. 13 §4" (under bill 8535, as amended by its art. 9 5°).',
      resolve: (c) => (c.regime === "BILL_8535" ? "law art. 13 §4 (as amended by bill 8535 art. 9 5°)" : "law art. 13 §4"),
    }),
    parameters: t.field({
      type: [ParameterVersionRef],
      description: "Parameter versions used (the rate and the premiums of the bounds).",
      resolve: (c) => [...c.status.parameters],
    }),
  }),
});
