/**
 * Index series as dated data. Only figures actually listed in docs/rules.md §1 or stated in the
 * legal texts are entered; missing construction semesters are NOT interpolated: resolving one
 * fails (see resolve.ts) until an operator adds the STATEC figure.
 */
import type { ConstructionSeries, CoteSeries, EcbRateSeries, IndexSource } from "./types.js";

const RULE_MAP: IndexSource = { publisher: "STATEC", citation: "docs/rules.md §1 (STATEC publication; not stated in the repository's legal texts)" };

/**
 * "Cote d'application de l'échelle mobile des salaires", base 100 = 1 January 1948.
 * Only 855.62 appears in the texts (law art. 8 al. 5 and art. 15 al. 4: "à la valeur 855,62 de la
 * cote d'application de l'échelle mobile des salaires"); its start date and the other values come
 * from the rule map. The last value stays in force until the next tranche: an operator must add it.
 */
export const COTE_SERIES: CoteSeries = {
  id: "COST_OF_LIVING_COTE",
  frenchTerm: "cote d'application de l'échelle mobile des salaires (indice pondéré du coût de la vie au 1er janvier 1948)",
  base: "100 = 1 January 1948",
  lastChecked: "2026-11-21",
  knownUntil: "2026-11-21",
  points: [
    { validFrom: "2020-01-01", value: "834.76", source: RULE_MAP },
    {
      validFrom: "2021-10-01",
      value: "855.62",
      source: {
        ...RULE_MAP,
        confirmedBy: { text: "LAW_2023", article: "15", alinea: "4", quote: "à la valeur 855,62 de la cote d'application de l'échelle mobile des salaires" },
      },
    },
    { validFrom: "2022-04-01", value: "877.01", source: RULE_MAP },
    { validFrom: "2023-02-01", value: "898.93", source: RULE_MAP },
    { validFrom: "2023-04-01", value: "921.40", source: RULE_MAP },
    { validFrom: "2023-09-01", value: "944.43", source: RULE_MAP },
    { validFrom: "2025-05-01", value: "968.04", source: RULE_MAP },
  ],
};

/**
 * "Indice semestriel des prix de la construction", base 1970 = 100. Known semesters only: every
 * other semester (e.g. 2021-10, 2022-04, 2023-04, 2024-04, 2024-10, 2025-10, 2026-04) is missing
 * and must be filled from STATEC (`withConstructionPoints`), not guessed.
 */
export const CONSTRUCTION_SERIES: ConstructionSeries = {
  id: "CONSTRUCTION_PRICE_INDEX",
  frenchTerm: "indice semestriel des prix de la construction",
  base: "100 = 1970",
  lastChecked: "2026-11-21",
  knownUntil: "2026-11-21",
  points: [
    {
      semester: "2021-04",
      value: "881.15",
      source: {
        ...RULE_MAP,
        confirmedBy: {
          text: "LAW_2023",
          article: "13",
          paragraph: "2",
          alinea: "1",
          quote: "la valeur 881,15 de l'indice semestriel des prix de la construction d'avril 2021",
        },
      },
    },
    { semester: "2022-10", value: "1071.67", source: RULE_MAP },
    { semester: "2023-10", value: "1140.51", source: RULE_MAP },
    { semester: "2025-04", value: "1164.15", source: RULE_MAP },
  ],
};

/**
 * The ECB euro short-term rate (art. 13 §4). No value is stated in the repository's legal texts or
 * rule map, so none is entered: checking the art. 13 §4 bounds needs the operator to record the
 * published €STR (`withEcbRatePoints`), and fails with INDEX_MISSING until then.
 */
export const ECB_SHORT_TERM_RATE_SERIES: EcbRateSeries = {
  id: "ECB_SHORT_TERM_RATE",
  frenchTerm: "taux à court terme en euros établi par la Banque centrale européenne (€STR)",
  lastChecked: "2026-11-21",
  knownUntil: null,
  points: [],
};
