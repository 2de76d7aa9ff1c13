/**
 * Coordinates of Luxembourg's 100 municipalities (seed/municipalities.ts), for the distances of
 * law art. 58 al. 1 2° (proximity of the workplace, or of the current home, to the vacancy).
 *
 * SOURCE — copied from the « countries-states-cities-database » (dr5hn), file
 * `contributions/cities/LU.json` of https://github.com/dr5hn/countries-states-cities-database at
 * commit 0685459a9c8e085a28f37016bab4e1e6bfd1d6d3, as recorded in that file (its Luxembourg
 * records were last updated on 2025-12-02). Licence: Open Database License (ODbL) 1.0,
 * https://opendatacommons.org/licenses/odbl/1-0/ (the repository's .github/LICENSE).
 *   « Contains information from countries-states-cities-database
 *   (https://github.com/dr5hn/countries-states-cities-database), which is made available here
 *   under the Open Database License (ODbL). » This table, a derivative database, is itself made
 *   available under the ODbL 1.0.
 *
 * WHAT THE POINTS ARE — each source record is a point for a named place (its `type` as given:
 * adm1/adm2/adm3/city/section), with five significant decimals (about 1 m). It is neither the
 * commune's boundary centroid nor its town hall: distances between them are great-circle
 * distances between those points, an approximation of the « distance » Esch reads on
 * distance.geoportal.lu (road distance). The source states no method per record.
 *
 * HOW THE TABLE WAS DERIVED (ODbL 4.6 b: every alteration) — one source record per commune, taken
 * by name, except:
 *   - the source names some communes differently: Erpeldange (Erpeldange-sur-Sûre), Redange-sur-Attert
 *     (Redange), « Commune de la Vallée de l’Ernz », « Commune de Préizerdaul », and Colmar (a
 *     section of Colmar-Berg: the source has no Colmar-Berg record);
 *   - five communes merged after the source's places were recorded have no record of their own:
 *     Habscht (Hobscheid + Septfontaines, 2018), Helperknapp (Boevange-sur-Attert + Tuntange, 2018),
 *     Rosport-Mompach (Rosport + Mompach, 2018), Bous-Waldbredimus (Bous + Waldbredimus, 2023) and
 *     Groussbus-Wal (Grosbous + Wahl, 2023): their point is the arithmetic mean of the latitudes and
 *     of the longitudes of their former communes' records (exact in decimal; a few km from either).
 * Records are [source id, source name, source type, latitude, longitude] exactly as in the file;
 * the test test/allocation/proximity.test.ts checks the table (100 communes, inside the country,
 * known distances).
 */
import { Dec } from "@abordable/domain";

export const MUNICIPALITY_COORDINATES_SOURCE = {
  name: "countries-states-cities-database (dr5hn), contributions/cities/LU.json",
  url: "https://github.com/dr5hn/countries-states-cities-database/blob/0685459a9c8e085a28f37016bab4e1e6bfd1d6d3/contributions/cities/LU.json",
  commit: "0685459a9c8e085a28f37016bab4e1e6bfd1d6d3",
  licence: "ODbL-1.0 (https://opendatacommons.org/licenses/odbl/1-0/)",
  retrieved: "as recorded in commit 0685459a9c8e085a28f37016bab4e1e6bfd1d6d3 (records updated 2025-12-02)",
} as const;

/** A record of the source: [id, name, type, latitude, longitude] (WGS 84 decimal degrees, as text). */
export type CoordinateRecord = readonly [id: number, name: string, type: string, latitude: string, longitude: string];

/** The source records behind each municipality (by its id, seed/municipalities.ts): one, or the former communes of a merger. */
export const MUNICIPALITY_COORDINATE_RECORDS: Readonly<Record<string, readonly CoordinateRecord[]>> = {
  beaufort: [[66728, "Beaufort", "adm3", "49.83583000", "6.29167000"]],
  bech: [[66729, "Bech", "adm3", "49.75260000", "6.36379000"]],
  beckerich: [[66730, "Beckerich", "adm3", "49.73056000", "5.88722000"]],
  berdorf: [[66732, "Berdorf", "adm3", "49.82051000", "6.34945000"]],
  bertrange: [[66734, "Bertrange", "adm3", "49.61111000", "6.05000000"]],
  bettembourg: [[66736, "Bettembourg", "adm3", "49.51861000", "6.10278000"]],
  bettendorf: [[66737, "Bettendorf", "adm3", "49.87667000", "6.21806000"]],
  betzdorf: [[66738, "Betzdorf", "adm3", "49.68333000", "6.35000000"]],
  bissen: [[66739, "Bissen", "adm3", "49.78733000", "6.06540000"]],
  biwer: [[66740, "Biwer", "adm3", "49.70605000", "6.37201000"]],
  boulaide: [[66742, "Boulaide", "adm3", "49.88778000", "5.81639000"]],
  bourscheid: [[66743, "Bourscheid", "adm3", "49.90862000", "6.06750000"]],
  "bous-waldbredimus": [
    [66744, "Bous", "adm3", "49.55389000", "6.32917000"],
    [66857, "Waldbredimus", "adm3", "49.55676000", "6.28789000"],
  ],
  clervaux: [[66749, "Clervaux", "adm2", "50.05472000", "6.03139000"]],
  "colmar-berg": [[66750, "Colmar", "section", "49.81028000", "6.09722000"]],
  consdorf: [[66753, "Consdorf", "adm3", "49.78018000", "6.33950000"]],
  contern: [[66754, "Contern", "adm3", "49.58194000", "6.22667000"]],
  dalheim: [[66756, "Dalheim", "adm3", "49.54083000", "6.25972000"]],
  diekirch: [[66757, "Diekirch", "adm1", "49.86778000", "6.15583000"]],
  differdange: [[66758, "Differdange", "adm3", "49.52417000", "5.89139000"]],
  dippach: [[66759, "Dippach", "adm3", "49.58701000", "5.98330000"]],
  dudelange: [[66760, "Dudelange", "adm3", "49.48056000", "6.08750000"]],
  echternach: [[66761, "Echternach", "adm2", "49.81212000", "6.41846000"]],
  ell: [[66763, "Ell", "adm3", "49.76389000", "5.85722000"]],
  "erpeldange-sur-sure": [[66764, "Erpeldange", "adm3", "49.86472000", "6.11472000"]],
  "esch-sur-alzette": [[66765, "Esch-sur-Alzette", "adm2", "49.49583000", "5.98056000"]],
  "esch-sur-sure": [[66766, "Esch-sur-Sûre", "adm3", "49.91139000", "5.93639000"]],
  ettelbruck: [[66767, "Ettelbruck", "adm3", "49.84750000", "6.10417000"]],
  feulen: [[66769, "Feulen", "adm3", "49.85000000", "6.01667000"]],
  fischbach: [[66770, "Fischbach", "adm3", "49.74600000", "6.18702000"]],
  flaxweiler: [[66771, "Flaxweiler", "adm3", "49.66602000", "6.34321000"]],
  frisange: [[66772, "Frisange", "adm3", "49.51616000", "6.18858000"]],
  garnich: [[66773, "Garnich", "adm3", "49.61667000", "5.95250000"]],
  goesdorf: [[66774, "Goesdorf", "adm3", "49.92131000", "5.96601000"]],
  grevenmacher: [[66776, "Grevenmacher", "adm1", "49.67751000", "6.44022000"]],
  "groussbus-wal": [
    [66777, "Grosbous", "adm3", "49.82778000", "5.96722000"],
    [66855, "Wahl", "adm3", "49.83667000", "5.90639000"],
  ],
  habscht: [
    [66783, "Hobscheid", "adm3", "49.68861000", "5.91472000"],
    [66842, "Septfontaines", "adm3", "49.70111000", "5.96722000"],
  ],
  heffingen: [[66779, "Heffingen", "adm3", "49.76907000", "6.24049000"]],
  helperknapp: [
    [66741, "Boevange-sur-Attert", "adm3", "49.77256000", "6.01532000"],
    [66850, "Tuntange", "adm3", "49.71778000", "6.01028000"],
  ],
  hesperange: [[66782, "Hesperange", "adm3", "49.56806000", "6.15139000"]],
  junglinster: [[66786, "Junglinster", "adm3", "49.70722000", "6.25306000"]],
  kaerjeng: [[66793, "Käerjeng", "city", "49.58311000", "5.89892000"]],
  kayl: [[66787, "Kayl", "adm3", "49.48917000", "6.03972000"]],
  kehlen: [[66788, "Kehlen", "adm3", "49.66833000", "6.03583000"]],
  kiischpelt: [[66789, "Kiischpelt", "city", "49.97835000", "6.00760000"]],
  koerich: [[66791, "Koerich", "adm3", "49.67000000", "5.95000000"]],
  kopstal: [[66792, "Kopstal", "adm3", "49.66444000", "6.07306000"]],
  "lac-de-la-haute-sure": [[66794, "Lac de la Haute-Sûre", "city", "49.91667000", "5.83333000"]],
  larochette: [[66796, "Larochette", "adm3", "49.78362000", "6.21891000"]],
  lenningen: [[66797, "Lenningen", "adm3", "49.59861000", "6.36806000"]],
  leudelange: [[66798, "Leudelange", "adm3", "49.56833000", "6.06528000"]],
  lintgen: [[66799, "Lintgen", "adm3", "49.72243000", "6.13016000"]],
  lorentzweiler: [[66800, "Lorentzweiler", "adm3", "49.70131000", "6.14234000"]],
  luxembourg: [[66801, "Luxembourg", "section", "49.61167000", "6.13000000"]],
  mamer: [[66802, "Mamer", "adm3", "49.62750000", "6.02333000"]],
  manternach: [[66803, "Manternach", "adm3", "49.70278000", "6.42639000"]],
  mersch: [[66805, "Mersch", "adm1", "49.74889000", "6.10611000"]],
  mertert: [[66806, "Mertert", "adm3", "49.70261000", "6.47966000"]],
  mertzig: [[66807, "Mertzig", "adm3", "49.83389000", "6.00750000"]],
  mondercange: [[66809, "Mondercange", "adm3", "49.53306000", "5.98833000"]],
  "mondorf-les-bains": [[66810, "Mondorf-les-Bains", "adm3", "49.50500000", "6.28111000"]],
  niederanven: [[66813, "Niederanven", "adm3", "49.65196000", "6.26199000"]],
  nommern: [[66816, "Nommern", "adm3", "49.78694000", "6.17472000"]],
  "parc-hosingen": [[66819, "Parc Hosingen", "adm3", "49.99744000", "6.09067000"]],
  petange: [[66822, "Pétange", "adm3", "49.55833000", "5.88056000"]],
  preizerdaul: [[66751, "Commune de Préizerdaul", "city", "49.80114000", "5.93299000"]],
  putscheid: [[66821, "Putscheid", "adm3", "49.96083000", "6.14306000"]],
  rambrouch: [[66823, "Rambrouch", "adm3", "49.83083000", "5.84500000"]],
  "reckange-sur-mess": [[66824, "Reckange-sur-Mess", "adm3", "49.56250000", "6.00889000"]],
  redange: [[66825, "Redange-sur-Attert", "adm1", "49.76437000", "5.88997000"]],
  reisdorf: [[66826, "Reisdorf", "adm3", "49.86861000", "6.26778000"]],
  remich: [[66827, "Remich", "adm2", "49.54500000", "6.36694000"]],
  roeser: [[66829, "Roeser", "adm3", "49.53721000", "6.14629000"]],
  "rosport-mompach": [
    [66831, "Rosport", "adm3", "49.80470000", "6.50532000"],
    [66808, "Mompach", "adm3", "49.74611000", "6.46500000"],
  ],
  rumelange: [[66832, "Rumelange", "adm3", "49.45964000", "6.03089000"]],
  saeul: [[66833, "Saeul", "adm3", "49.72722000", "5.98639000"]],
  sandweiler: [[66834, "Sandweiler", "adm3", "49.61471000", "6.22221000"]],
  sanem: [[66835, "Sanem", "adm3", "49.54806000", "5.92889000"]],
  schengen: [[66836, "Schengen", "adm3", "49.47000000", "6.36200000"]],
  schieren: [[66837, "Schieren", "adm3", "49.83056000", "6.09861000"]],
  schifflange: [[66838, "Schifflange", "adm3", "49.50639000", "6.01278000"]],
  schuttrange: [[66841, "Schuttrange", "adm3", "49.62056000", "6.26861000"]],
  stadtbredimus: [[66844, "Stadtbredimus", "adm3", "49.56278000", "6.36444000"]],
  steinfort: [[66845, "Steinfort", "adm3", "49.66139000", "5.91917000"]],
  steinsel: [[66846, "Steinsel", "adm3", "49.67694000", "6.12389000"]],
  strassen: [[66847, "Strassen", "adm3", "49.62056000", "6.07333000"]],
  tandel: [[66848, "Tandel", "adm3", "49.89750000", "6.18333000"]],
  troisvierges: [[66849, "Troisvierges", "adm3", "50.12111000", "6.00028000"]],
  useldange: [[66852, "Useldange", "adm3", "49.76972000", "5.98222000"]],
  "vallee-de-l-ernz": [[66752, "Commune de la Vallée de l’Ernz", "adm3", "49.82149000", "6.21746000"]],
  vianden: [[66853, "Vianden", "adm2", "49.93500000", "6.20889000"]],
  vichten: [[66854, "Vichten", "adm3", "49.80306000", "6.00000000"]],
  waldbillig: [[66856, "Waldbillig", "adm3", "49.79636000", "6.28431000"]],
  walferdange: [[66858, "Walferdange", "adm3", "49.66321000", "6.13224000"]],
  "weiler-la-tour": [[66861, "Weiler-la-Tour", "adm3", "49.54083000", "6.20083000"]],
  weiswampach: [[66862, "Weiswampach", "adm3", "50.13722000", "6.07500000"]],
  wiltz: [[66863, "Wiltz", "adm1", "49.96547000", "5.93390000"]],
  wincrange: [[66865, "Wincrange", "adm3", "50.05333000", "5.91917000"]],
  winseler: [[66866, "Winseler", "adm3", "49.96778000", "5.89028000"]],
  wormeldange: [[66867, "Wormeldange", "adm3", "49.61114000", "6.40546000"]],
};

/** Latitude and longitude of each municipality (6 decimals, as Municipality.latitude/longitude store them): the record's, or the mean of a merger's records. */
export const MUNICIPALITY_COORDINATES: Readonly<Record<string, { readonly latitude: string; readonly longitude: string }>> = Object.fromEntries(
  Object.entries(MUNICIPALITY_COORDINATE_RECORDS).map(([id, records]) => {
    const mean = (k: 3 | 4) => records.reduce((s, r) => s.plus(r[k]), new Dec(0)).dividedBy(records.length);
    return [id, { latitude: mean(3).toFixed(6), longitude: mean(4).toFixed(6) }];
  }),
);
