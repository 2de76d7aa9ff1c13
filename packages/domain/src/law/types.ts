/**
 * The law's shared vocabulary, the lowest layer of the domain (nothing here imports from another
 * folder): dates, regimes, the texts that may be cited, and a legal reference.
 */

/** ISO calendar date `YYYY-MM-DD` (validated at load, compared as strings). */
export type IsoDate = string;

/** The two regimes the product models side by side (docs/rules.md, preamble). */
export const REGIMES = ["LAW", "BILL_8535"] as const;
export type Regime = (typeof REGIMES)[number];

/** Closed list of the texts a parameter may cite. */
export const LEGAL_TEXTS = {
  LAW_2023: "Loi du 7 août 2023 relative au logement abordable, version consolidée applicable au 1er janvier 2026",
  BILL_8535: "Projet de loi 8535 (texte coordonné proposé par la Commission du Logement, 19 mai 2026)",
  RGD_2024_01_24:
    "Règlement grand-ducal du 24 janvier 2024 relatif à la compensation de service public en matière de logements abordables destinés à la location",
  RGD_2023_10_13: "Règlement grand-ducal du 13 octobre 2023 relatif à la location de logements destinés à la location abordable",
  ESCH_ROI: "Règlement d'ordre intérieur de la commission consultative de la Ville d'Esch-sur-Alzette",
} as const;
export type LegalTextId = keyof typeof LEGAL_TEXTS;

/** Where a figure comes from: text, article, paragraph (§), alinea (al.), point (pt), and a short verbatim quote. */
export interface LegalReference {
  readonly text: LegalTextId;
  /** "13", "63bis", "annexe III". */
  readonly article: string;
  readonly paragraph?: string;
  readonly alinea?: string;
  readonly point?: string;
  /** For bill articles: the article of the law of 7 August 2023 it amends or inserts. */
  readonly amends?: { readonly article: string; readonly paragraph?: string; readonly alinea?: string; readonly point?: string };
  /** Short verbatim French quote carrying the figure. */
  readonly quote?: string;
}
