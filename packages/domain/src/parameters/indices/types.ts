import type { IndexSeriesId, IsoDate, LegalReference } from "../types.js";

/** Where an index value was taken from, and whether one of our legal texts confirms it. */
export interface IndexSource {
  /** The publisher of the figure (STATEC publishes both series). */
  readonly publisher: "STATEC";
  /** How the figure reached this repository (e.g. "docs/rules.md §1"). */
  readonly citation: string;
  /** A legal text of the repository that states the same figure, when one does. */
  readonly confirmedBy?: LegalReference;
}

/** Cote d'application: a step function, each value in force from `validFrom` until the next point. */
export interface CotePoint {
  readonly validFrom: IsoDate;
  readonly value: string;
  readonly source: IndexSource;
  /**
   * Set when the value was resolved for a date after the series' `knownUntil`: the result rests on
   * an unconfirmed value (a later tranche may be in force), and says so.
   */
  readonly unconfirmedAfter?: IsoDate;
}

/** Semester construction-price index: one value per semester, labelled by its reference month (`YYYY-04` or `YYYY-10`). */
export interface ConstructionPoint {
  readonly semester: string;
  readonly value: string;
  readonly source: IndexSource;
  /**
   * Set when the value was resolved for a date after the series' `knownUntil`: the result rests on
   * an unconfirmed value (a later tranche may be in force), and says so.
   */
  readonly unconfirmedAfter?: IsoDate;
}

export interface CoteSeries {
  readonly id: "COST_OF_LIVING_COTE";
  readonly frenchTerm: string;
  readonly base: string;
  readonly lastChecked: IsoDate;
  /**
   * The last day for which the series is known to be complete: after it a new tranche may already be
   * in force, so a value resolved for a later date rests on an unconfirmed value (`unconfirmedAfter`).
   */
  readonly knownUntil: IsoDate;
  readonly points: readonly CotePoint[];
}

export interface ConstructionSeries {
  readonly id: "CONSTRUCTION_PRICE_INDEX";
  readonly frenchTerm: string;
  readonly base: string;
  readonly lastChecked: IsoDate;
  /** The last day for which the series is known to be complete (a semester is never assumed: a missing one fails). */
  readonly knownUntil: IsoDate;
  readonly points: readonly ConstructionPoint[];
}

/** The index value a computation used, for its trace. */
export interface IndexPointUsed {
  readonly series: IndexSeriesId;
  readonly value: string;
  /** Cote: the tranche's first day; construction: the semester label, with the period it was applied to. */
  readonly label: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly source: IndexSource;
  /**
   * Set when the value was resolved for a date after the series' `knownUntil`: the result rests on
   * an unconfirmed value (a later tranche may be in force), and says so.
   */
  readonly unconfirmedAfter?: IsoDate;
}

/**
 * The ECB euro short-term rate (€STR, « taux à court terme en euros établi par la Banque centrale
 * européenne »), law art. 13 §4: a dated step series in percent per year. Only sourced values are
 * entered (the repository's texts state none): an operator records them with `withEcbRatePoints`.
 */
export interface EcbRatePoint {
  readonly validFrom: IsoDate;
  /** Percent per year, e.g. "1.923". */
  readonly value: string;
  readonly source: { readonly publisher: "ECB"; readonly citation: string };
}

export interface EcbRateSeries {
  readonly id: "ECB_SHORT_TERM_RATE";
  readonly frenchTerm: string;
  readonly lastChecked: IsoDate;
  /** The last day for which the series is known to be complete; null while it holds no value. */
  readonly knownUntil: IsoDate | null;
  readonly points: readonly EcbRatePoint[];
}
