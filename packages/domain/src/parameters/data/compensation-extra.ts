/**
 * Parameters added for the compensation engine (issue 4): the shares of the capital invested that
 * art. 72 §2 as amended by bill 8535 (bill art. 43) remunerates for dwellings placed under the
 * affordable lease. The law (consolidated 2026-01-01) leaves these modalities to the convention of
 * art. 13, so the law regime has no version.
 */
import type { ParameterDefinition } from "../types.js";
import { atEntryIntoForce, bill, CHECKED } from "./builders.js";

const art72 = (point: string, quote: string) => bill("43", { point: "1°", amends: { article: "72", paragraph: "2", alinea: "1", point }, quote });

export const COMPENSATION_EXTRA_PARAMETERS: readonly ParameterDefinition[] = [
  {
    id: "compensation.optionalRegime.capitalShare.existingAidedConventionExpired",
    description: "Art. 72 §2 al. 1 1° (bill): share of the capital invested remunerated for existing dwellings that received a financial participation (or a 1979 construction aid) whose art. 21 convention has expired",
    frenchTerm: "25 pour cent du capital investi pour les logements existants ayant bénéficié d'une participation financière",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("25", art72("1°", "25 pour cent du capital investi pour les logements existants ayant bénéficié d'une participation financière")),
    lastChecked: CHECKED,
  },
  {
    id: "compensation.optionalRegime.capitalShare.existingNotAided",
    description: "Art. 72 §2 al. 1 2° (bill): share of the capital invested remunerated for existing dwellings that received neither a financial participation nor a 1979 construction aid",
    frenchTerm: "25 pour cent du capital investi pour les logements existants n'ayant pas bénéficié d'une participation financière",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("25", art72("2°", "25 pour cent du capital investi pour les logements existants n'ayant pas bénéficié d'une participation financière")),
    lastChecked: CHECKED,
  },
  {
    id: "compensation.optionalRegime.capitalShare.newProject",
    description: "Art. 72 §2 al. 1 3° (bill): share of the capital invested remunerated for new construction, renovation and initial transformation, and off-plan purchases",
    frenchTerm: "100 pour cent du capital investi pour la construction de nouveaux projets",
    unit: "PERCENT",
    law: [],
    bill: atEntryIntoForce("100", art72("3°", "100 pour cent du capital investi pour la construction de nouveaux projets, la rénovation et la transformation initiale de biens existants")),
    lastChecked: CHECKED,
  },
];
