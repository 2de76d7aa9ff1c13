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
}

/** Semester construction-price index: one value per semester, labelled by its reference month (`YYYY-04` or `YYYY-10`). */
export interface ConstructionPoint {
  readonly semester: string;
  readonly value: string;
  readonly source: IndexSource;
}

export interface CoteSeries {
  readonly id: "COST_OF_LIVING_COTE";
  readonly frenchTerm: string;
  readonly base: string;
  readonly lastChecked: IsoDate;
  readonly points: readonly CotePoint[];
}

export interface ConstructionSeries {
  readonly id: "CONSTRUCTION_PRICE_INDEX";
  readonly frenchTerm: string;
  readonly base: string;
  readonly lastChecked: IsoDate;
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
}
