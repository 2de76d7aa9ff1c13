/**
 * Landlord methodologies — law art. 57 §1 (« évaluation sommaire »), RGD 13 Oct 2023 art. 3-5: each
 * landlord has WRITTEN internal procedures, approved by the minister, that set how the criteria are
 * weighed. Neither the law nor the regulation gives any weight, threshold or point: every figure in
 * a methodology is the landlord's configuration, never a legal figure.
 *
 * DEFAULT_METHODOLOGY follows the criteria of the Esch-sur-Alzette internal rules (Esch ROI art.
 * 10-11 and annex 1: pre-selection on motive, household composition, income, pending termination
 * or eviction, seniority of the application, health; final criteria: health, single-parent family;
 * distance method: workplace in the vacancy's municipality while living elsewhere is an extra
 * criterion). Esch gives no weights: the points below are ILLUSTRATIVE defaults of this product,
 * to be replaced by each landlord's approved figures. "Generation", "nationality" and "social mix"
 * (Esch annex 1) are not scored: they are judged at the commission stage and a numeric score by
 * nationality would conflict with the non-discrimination rule.
 */
import type { Decimal } from "decimal.js";
import { parseDecimal } from "../money/decimal.js";
import type { IsoDate } from "../parameters/types.js";

export type OccupancyTitle =
  | "HOMELESS"
  | "EMERGENCY_SHELTER"
  | "INSTITUTION_LEAVING"
  | "HOSTED_FREE_OF_CHARGE"
  | "INFORMAL_OR_ABUSIVE_SHARING"
  | "SUBLET"
  | "FIXED_TERM_LEASE"
  | "SOCIAL_RENTAL_MANAGEMENT"
  | "OPEN_ENDED_LEASE"
  | "OTHER";

export type InsalubrityLevel = "NONE" | "MINOR" | "SERIOUS" | "ADMINISTRATIVE_CLOSURE";
export type EvictionGround = "GOOD_FAITH" | "NON_PAYMENT" | "OTHER";

/** A step table: the first row whose bound matches gives the points; no row → 0. */
export interface MaxBand {
  readonly max: string;
  readonly points: number;
}
export interface MinBand {
  readonly min: string;
  readonly points: number;
}

export interface Methodology {
  readonly id: string;
  /** Version of the configuration; the decision record keeps it. */
  readonly version: string;
  readonly landlord: string;
  readonly validFrom: IsoDate;
  readonly approvedByMinisterOn?: IsoDate;
  readonly description: string;
  readonly socioEconomic: {
    /** 57 §1 1° nature and precariousness of the current occupancy title. */
    readonly title: Readonly<Record<OccupancyTitle, number>>;
    /** 57 §1 2° notice of termination: bands on the months left until the notice ends (max inclusive). */
    readonly noticeMonthsLeft: readonly MaxBand[];
    /** 57 §1 3° eviction judgment and its motivation. */
    readonly eviction: Readonly<Record<EvictionGround, number>>;
    /** 57 §1 4° occupation: points per bedroom missing against RGD art. 4, capped; area per member bands (m², max inclusive). */
    readonly missingBedroomPoints: number;
    readonly missingBedroomCap: number;
    readonly areaPerMemberM2: readonly MaxBand[];
    /** 57 §1 5° insalubrity (law of 20 December 2019). */
    readonly insalubrity: Readonly<Record<InsalubrityLevel, number>>;
    /** 57 §1 6° current home unsuited to a disabled member. */
    readonly unsuitedForDisability: number;
    /** 57 §1 7° effort rate = rent / current income: bands on the rate (min inclusive, highest first). */
    readonly effortRate: readonly MinBand[];
    /** 57 §1 8° income level: bands on income / annex II ceiling (max inclusive, lowest first). */
    readonly incomeToCeiling: readonly MaxBand[];
    /** 57 §1 9° (bill) single adult with at least one dependent child. */
    readonly singleAdultWithChild: number;
  };
  readonly dwelling: {
    /** 58 al. 1 1°: which typologies are admissible and the points for them. */
    readonly typology: {
      /** EXACT: needed = bedrooms; NOT_TOO_SMALL: needed <= bedrooms (and not under-occupied per art. 66). */
      readonly admissible: "EXACT" | "NOT_TOO_SMALL";
      readonly exactFitPoints: number;
      readonly largerPoints: number;
    };
    /** 58 al. 1 2° proximity: bands on km from the (nearest) workplace — or current home — to the vacancy. */
    readonly proximityKm: readonly MaxBand[];
    /** Distinct workplace municipalities from which there is a « multitude des lieux de travail » (bill art. 35). */
    readonly multipleWorkplacesFrom: number;
    /** Esch annex 1: a member works in the vacancy's municipality but lives elsewhere. */
    readonly worksInVacancyMunicipalityLivesElsewhere: number;
  };
  /** Esch annex 1 « ancienneté de la demande »: points per full year since registration, capped. */
  readonly seniority: { readonly pointsPerFullYear: number; readonly cap: number };
}

export const DEFAULT_METHODOLOGY: Methodology = {
  id: "abordable-default-esch",
  version: "1.0.0",
  landlord: "DEFAULT",
  validFrom: "2024-01-01",
  description:
    "Default methodology modelled on the Esch-sur-Alzette internal rules (art. 10-11, annex 1). The law (art. 57, 58) and the RGD of 13 October 2023 (art. 3-5) give no weights; Esch gives none either: the points are illustrative and must be replaced by the landlord's approved figures.",
  socioEconomic: {
    title: {
      HOMELESS: 30,
      EMERGENCY_SHELTER: 25,
      INSTITUTION_LEAVING: 20,
      HOSTED_FREE_OF_CHARGE: 15,
      INFORMAL_OR_ABUSIVE_SHARING: 15,
      SUBLET: 10,
      FIXED_TERM_LEASE: 8,
      SOCIAL_RENTAL_MANAGEMENT: 5,
      OPEN_ENDED_LEASE: 0,
      OTHER: 5,
    },
    noticeMonthsLeft: [
      { max: "1", points: 20 },
      { max: "3", points: 15 },
      { max: "6", points: 10 },
      { max: "12", points: 5 },
    ],
    eviction: { GOOD_FAITH: 20, NON_PAYMENT: 10, OTHER: 10 },
    missingBedroomPoints: 6,
    missingBedroomCap: 18,
    areaPerMemberM2: [
      { max: "9", points: 10 },
      { max: "12", points: 6 },
      { max: "15", points: 3 },
    ],
    insalubrity: { NONE: 0, MINOR: 5, SERIOUS: 15, ADMINISTRATIVE_CLOSURE: 25 },
    unsuitedForDisability: 15,
    effortRate: [
      { min: "0.5", points: 15 },
      { min: "0.4", points: 10 },
      { min: "0.3", points: 5 },
    ],
    incomeToCeiling: [
      { max: "0.25", points: 15 },
      { max: "0.5", points: 10 },
      { max: "0.75", points: 5 },
    ],
    singleAdultWithChild: 10,
  },
  dwelling: {
    typology: { admissible: "NOT_TOO_SMALL", exactFitPoints: 15, largerPoints: 0 },
    proximityKm: [
      { max: "5", points: 10 },
      { max: "15", points: 6 },
      { max: "30", points: 3 },
    ],
    multipleWorkplacesFrom: 2,
    worksInVacancyMunicipalityLivesElsewhere: 5,
  },
  seniority: { pointsPerFullYear: 2, cap: 10 },
};

// ---------------------------------------------------------------------------------------------
// Validation of a landlord's configuration (art. 57; RGD art. 3-5; Esch ROI annex 1)

/** One defect of a methodology configuration: where (path of keys) and what. */
export interface MethodologyProblem {
  readonly path: readonly string[];
  readonly message: string;
}

export type MethodologyValidation =
  | { readonly ok: true; readonly methodology: Methodology }
  | { readonly ok: false; readonly problems: readonly MethodologyProblem[] };

/** Largest number of points a single rule may give: the GraphQL Int range, in which scores are exposed. */
const MAX_POINTS = 2_147_483_647;

/**
 * Checks that `input` is a complete methodology in the engine's shape before a landlord's version
 * is stored: every title, ground and level has points; points are whole numbers ≥ 0 (a negative
 * typology score is the engine's exclusion marker); bands are decimal strings ≥ 0 in the order the
 * engine reads them (first match wins: `max` strictly ascending, `min` strictly descending); the
 * « many workplaces » threshold is at least 2 distinct municipalities; no unknown key (a typo must
 * not silently give 0 points). Nothing here is a legal figure: the checks are on the shape only.
 */
export function validateMethodology(input: unknown): MethodologyValidation {
  const problems: MethodologyProblem[] = [];
  const fail = (path: readonly string[], message: string) => problems.push({ path, message });
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

  const object = (v: unknown, path: readonly string[], keys: readonly string[], optional: readonly string[] = []): Record<string, unknown> | undefined => {
    if (!isObject(v)) {
      fail(path, "expected an object");
      return undefined;
    }
    for (const k of Object.keys(v))
      if (!keys.includes(k) && !optional.includes(k)) fail([...path, k], `unknown field (expected one of ${[...keys, ...optional].join(", ")})`);
    for (const k of keys) if (!(k in v)) fail([...path, k], "missing");
    return v;
  };
  const points = (v: unknown, path: readonly string[]) => {
    if (v === undefined) return;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX_POINTS)
      fail(path, `points must be a whole number from 0 to ${MAX_POINTS}, got ${JSON.stringify(v)}`);
  };
  const text = (v: unknown, path: readonly string[]) => {
    if (v === undefined) return;
    if (typeof v !== "string" || v.trim() === "") fail(path, "expected a non-empty text");
  };
  const date = (v: unknown, path: readonly string[]) => {
    if (v === undefined) return;
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
      fail(path, `expected a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
  };
  const pointsTable = (v: unknown, path: readonly string[], keys: readonly string[]) => {
    const o = object(v, path, keys);
    if (o) for (const k of keys) points(o[k], [...path, k]);
  };
  const bands = (v: unknown, path: readonly string[], bound: "max" | "min") => {
    if (v === undefined) return;
    if (!Array.isArray(v)) {
      fail(path, "expected a list of bands");
      return;
    }
    let previous: Decimal | undefined;
    v.forEach((b: unknown, i) => {
      const at = [...path, String(i)];
      const o = object(b, at, [bound, "points"]);
      if (!o) return;
      points(o.points, [...at, "points"]);
      const raw = o[bound];
      if (raw === undefined) return;
      let d: Decimal | undefined;
      try {
        d = typeof raw === "string" ? parseDecimal(raw) : undefined;
      } catch {
        d = undefined;
      }
      if (!d || d.isNegative()) {
        fail([...at, bound], `expected a decimal string ≥ 0 (e.g. "0.5"), got ${JSON.stringify(raw)}`);
        return;
      }
      if (previous && (bound === "max" ? !d.greaterThan(previous) : !d.lessThan(previous)))
        fail(
          [...at, bound],
          `bands are read first match first: each "${bound}" must be strictly ${bound === "max" ? "greater" : "smaller"} than the previous one (${previous.toFixed()})`,
        );
      previous = d;
    });
  };

  const d = DEFAULT_METHODOLOGY;
  const root = object(input, [], ["id", "version", "landlord", "validFrom", "description", "socioEconomic", "dwelling", "seniority"], ["approvedByMinisterOn"]);
  if (root) {
    for (const k of ["id", "version", "landlord", "description"]) text(root[k], [k]);
    date(root.validFrom, ["validFrom"]);
    date(root.approvedByMinisterOn, ["approvedByMinisterOn"]);
    const s = object(root.socioEconomic, ["socioEconomic"], Object.keys(d.socioEconomic));
    if (s) {
      const at = (k: string) => ["socioEconomic", k];
      pointsTable(s.title, at("title"), Object.keys(d.socioEconomic.title));
      bands(s.noticeMonthsLeft, at("noticeMonthsLeft"), "max");
      pointsTable(s.eviction, at("eviction"), Object.keys(d.socioEconomic.eviction));
      points(s.missingBedroomPoints, at("missingBedroomPoints"));
      points(s.missingBedroomCap, at("missingBedroomCap"));
      bands(s.areaPerMemberM2, at("areaPerMemberM2"), "max");
      pointsTable(s.insalubrity, at("insalubrity"), Object.keys(d.socioEconomic.insalubrity));
      points(s.unsuitedForDisability, at("unsuitedForDisability"));
      bands(s.effortRate, at("effortRate"), "min");
      bands(s.incomeToCeiling, at("incomeToCeiling"), "max");
      points(s.singleAdultWithChild, at("singleAdultWithChild"));
    }
    const w = object(root.dwelling, ["dwelling"], Object.keys(d.dwelling));
    if (w) {
      const t = object(w.typology, ["dwelling", "typology"], Object.keys(d.dwelling.typology));
      if (t) {
        if (t.admissible !== undefined && t.admissible !== "EXACT" && t.admissible !== "NOT_TOO_SMALL")
          fail(["dwelling", "typology", "admissible"], `expected EXACT or NOT_TOO_SMALL, got ${JSON.stringify(t.admissible)}`);
        points(t.exactFitPoints, ["dwelling", "typology", "exactFitPoints"]);
        points(t.largerPoints, ["dwelling", "typology", "largerPoints"]);
      }
      bands(w.proximityKm, ["dwelling", "proximityKm"], "max");
      const many = w.multipleWorkplacesFrom;
      if (many !== undefined && (typeof many !== "number" || !Number.isInteger(many) || many < 2 || many > MAX_POINTS))
        fail(
          ["dwelling", "multipleWorkplacesFrom"],
          `a « multitude » of workplaces starts at 2 distinct municipalities or more (whole number), got ${JSON.stringify(many)}`,
        );
      points(w.worksInVacancyMunicipalityLivesElsewhere, ["dwelling", "worksInVacancyMunicipalityLivesElsewhere"]);
    }
    const y = object(root.seniority, ["seniority"], Object.keys(d.seniority));
    if (y) {
      points(y.pointsPerFullYear, ["seniority", "pointsPerFullYear"]);
      points(y.cap, ["seniority", "cap"]);
    }
  }
  return problems.length === 0 ? { ok: true, methodology: input as Methodology } : { ok: false, problems };
}
