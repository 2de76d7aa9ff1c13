/**
 * Luxembourg's 100 municipalities (communes) and their cantons, as they stand since the
 * mergers of 1 September 2023 (Bous-Waldbredimus, Groussbus-Wal), after the law of
 * 24 May 1843 on the cantons and the merger laws of 2011-2023. Compiled from the official list
 * of communes by canton; not yet re-checked against a published register in this repository
 * (test/seed checks 100 communes in 12 cantons). Coordinates and geographic zones come with
 * their own sourced data sets when a rule needs them (art. 58 proximity, bill art. 14 §2).
 */
import type { Canton } from "../generated/prisma/enums.js";

export const MUNICIPALITIES_BY_CANTON: Record<Canton, readonly string[]> = {
  CAPELLEN: ["Dippach", "Garnich", "Habscht", "Käerjeng", "Kehlen", "Koerich", "Kopstal", "Mamer", "Steinfort"],
  CLERVAUX: ["Clervaux", "Parc Hosingen", "Troisvierges", "Weiswampach", "Wincrange"],
  DIEKIRCH: ["Bettendorf", "Bourscheid", "Diekirch", "Erpeldange-sur-Sûre", "Ettelbruck", "Feulen", "Mertzig", "Reisdorf", "Schieren", "Vallée de l'Ernz"],
  ECHTERNACH: ["Beaufort", "Bech", "Berdorf", "Consdorf", "Echternach", "Rosport-Mompach", "Waldbillig"],
  ESCH_SUR_ALZETTE: [
    "Bettembourg",
    "Differdange",
    "Dudelange",
    "Esch-sur-Alzette",
    "Frisange",
    "Kayl",
    "Leudelange",
    "Mondercange",
    "Pétange",
    "Reckange-sur-Mess",
    "Roeser",
    "Rumelange",
    "Sanem",
    "Schifflange",
  ],
  GREVENMACHER: ["Betzdorf", "Biwer", "Flaxweiler", "Grevenmacher", "Junglinster", "Manternach", "Mertert", "Wormeldange"],
  LUXEMBOURG: [
    "Bertrange",
    "Contern",
    "Hesperange",
    "Luxembourg",
    "Niederanven",
    "Sandweiler",
    "Schuttrange",
    "Steinsel",
    "Strassen",
    "Walferdange",
    "Weiler-la-Tour",
  ],
  MERSCH: ["Bissen", "Colmar-Berg", "Fischbach", "Heffingen", "Helperknapp", "Larochette", "Lintgen", "Lorentzweiler", "Mersch", "Nommern"],
  REDANGE: ["Beckerich", "Ell", "Groussbus-Wal", "Préizerdaul", "Rambrouch", "Redange", "Saeul", "Useldange", "Vichten"],
  REMICH: ["Bous-Waldbredimus", "Dalheim", "Lenningen", "Mondorf-les-Bains", "Remich", "Schengen", "Stadtbredimus"],
  VIANDEN: ["Putscheid", "Tandel", "Vianden"],
  WILTZ: ["Boulaide", "Esch-sur-Sûre", "Goesdorf", "Kiischpelt", "Lac de la Haute-Sûre", "Wiltz", "Winseler"],
};

/** Stable identifier of a municipality: its name in lower-case ASCII with dashes ("esch-sur-alzette"). */
export function municipalityId(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export interface MunicipalitySeed {
  id: string;
  name: string;
  canton: Canton;
}

export const MUNICIPALITIES: readonly MunicipalitySeed[] = (Object.entries(MUNICIPALITIES_BY_CANTON) as [Canton, readonly string[]][])
  .flatMap(([canton, names]) => names.map((name) => ({ id: municipalityId(name), name, canton })))
  .sort((a, b) => a.id.localeCompare(b.id));
