/**
 * Interpretation notes of the compensation engine: where the texts leave a choice, the reading
 * chosen and why. README.md in this folder reproduces the table (a test keeps them in step).
 */
import type { InterpretationNote } from "../law/notes.js";

export const COMPENSATION_INTERPRETATION_NOTES: readonly InterpretationNote[] = [
  {
    id: "compensation-proration",
    question: "The flats are « par mois »: what is due for a month let only in part (letting starting on the 15th, ending mid-month)?",
    reading:
      "Actual days over days in the month: monthly amount × days let / days of that calendar month (28-31). One function (`prorate`) applies it to every monthly amount: operating flat, capital remuneration, management flat, Fonds du Logement indemnity, emphyteusis deduction, vacancy reduction, and the monthly rents of the landlord's statement (leases, rent paid to the developer, ancillary areas, and the charges listed). Each line shows what it was computed from (monthly amount or rents, days, days in the month). Only amounts a caller gives as already established for a month (`amounts`) are taken as they are.",
    reason:
      "The texts give monthly amounts « par logement donné en location » and no proration rule. Actual/actual days is exact for every month length, gives the full monthly amount for a full month (never 30/31 or 28/30 artefacts), and is additive: the days of two sub-periods add up to the days of the month.",
  },
  {
    id: "compensation-rents-due",
    question: "Art. 40 §1 al. 3 « recettes de loyers perçus » and « dépenses en loyer versée … au promoteur social »: which rents enter a month?",
    reading:
      "The monthly rents due over the days of the month that lie both in their period (a lease `[start, end)`, the rent to the developer, an ancillary area's letting) and in the object's managed days (for a dwelling with accommodation units: managed for the dwelling or any of its units), prorated per `compensation-proration`. A line cites each rent (id when given), its days and the month's days; rents cite no parameter version, since they are data, not legal figures.",
    reason:
      "Rents are monthly amounts under leases that begin and end on any day; no payment ledger is among the inputs, so the rents due stand for the rents received. Counting them only over managed days keeps them in step with the management flat, which runs over the same days.",
  },
  {
    id: "compensation-line-rounding",
    question: "At what level are amounts rounded?",
    reading:
      "Once, at statement-line level (one dwelling or unit, one month, one component), to the cent, half away from zero (`roundMoney`). Subtotals and totals are sums of rounded lines and are never rounded again.",
    reason:
      "The platform's rounding rule (packages/domain/README.md): the line is the smallest amount a landlord or the ministry can check by hand; summing rounded lines makes every total reproducible from the printed lines.",
  },
  {
    id: "compensation-service-year",
    question: "RGD 2024 art. 2 al. 3: « années 1 à 20 d'exercice du service public »: when does a service year start?",
    reading:
      "Public service for a dwelling starts at its first letting. The calendar month of the first letting is month 1 of service year 1; each service year is 12 consecutive calendar months; service year n covers months 12(n−1)+1 to 12n. The coefficient is therefore constant within each monthly payment.",
    reason:
      "The compensation is paid « moyennant un loyer perçu mensuellement » (art. 13 §1): a service year boundary inside a month would split a monthly rent. Counting the first (possibly partial, prorated) month as month 1 gives exactly 240 monthly payments at 1.64 and then 240 at 0.36.",
  },
  {
    id: "compensation-capital-indexation",
    question:
      "Art. 13 §5: the capital remuneration « est adapté annuellement » to the cost-of-living index (bill: the cote d'application): from which base and on which date?",
    reading:
      "Base: the cote in force on the date the amount is fixed — the convention's signature under the law, the dwelling's first letting under the bill (art. 13 §5 as amended). Adaptation once a year, on 1 January: for months of a later calendar year the amount is multiplied by cote(1 January of that year) / cote(base date); in the base year the factor is 1. The rates themselves are those the RGD of 24 January 2024 sets for conventions signed from 2023-10-01 (note `rgd-2024-convention-date`), under both regimes.",
    reason:
      "« Annuellement » sets the rhythm but not the day; 1 January aligns the adaptation with the calendar year for which the compensation is stated and requested (art. 41). The law's « indice du coût de la vie » is read as the cote d'application, the only published cost-of-living series the store holds and the one the bill names.",
  },
  {
    id: "compensation-developer-let-periods",
    question: "Which months carry the developer's compensation?",
    reading:
      "The operating flat, the capital remuneration and the Fonds du Logement indemnity run over the days the dwelling (bill: or unit, for the operating flat) is « donné en location » — the let periods the caller supplies (typically the main lease from developer to landlord), prorated per `compensation-proration`.",
    reason:
      "Art. 13 §1: the compensation is paid « moyennant un loyer perçu mensuellement du bailleur social »; §2 counts « par logement donné en location ». Outside a letting no rent carries it.",
  },
  {
    id: "compensation-emphyteusis-deduction",
    question: "Bill art. 12 (→ art. 17 §1 al. 3): how are the emphyteusis fees received deducted from the land remuneration?",
    reading:
      "The annual fees the land-bringing developer receives are spread in twelfths and deducted month by month (prorated by days let on or after the bill's entry into force) from that month's land remuneration, as a separate negative line never larger than the land line: the land part never becomes negative.",
    reason:
      "The text deducts « de la rémunération du capital investi calculée pour le terrain »: the deduction cannot exceed what it is deducted from. Art. 17 is not among the provisions art. 93bis makes retroactive, so it applies from the operator-set entry into force.",
  },
  {
    id: "compensation-accommodation-units",
    question: "Per dwelling or per accommodation unit?",
    reading:
      "An operator reading (`flatUnitReading`, note `compensation-flat-unit-reading`): under the bill, PER_DWELLING (default) gives one operating flat and one management flat per dwelling for the days it or any of its units is let; PER_UNIT gives one per unit let. Under the law, per dwelling. Capital remuneration and the Fonds du Logement indemnity stay per dwelling under both.",
    reason:
      "The law counts « par logement »; the bill adds « ou par unité d'hébergement » to these two flats only, while the RGD 2024 figures remain « par logement ».",
  },
  {
    id: "compensation-flat-unit-reading",
    question:
      "Bill art. 13 §2 and 40 §2 compensate « par logement ou par unité d'hébergement », but RGD 2024 art. 1 and 3 fix 140 and 300 EUR « par mois par logement »: what does a dwelling of 4 units get?",
    reading:
      "Two readings, chosen by the operator (ABORDABLE_FLAT_UNIT_READING) and named on every statement: PER_DWELLING (default) — one flat per dwelling (300 a month for the 4 units, vacant rooms adding nothing); PER_UNIT — the RGD figure per unit (4 × 300 = 1,200).",
    reason:
      "The only figure in force is per dwelling and no regulation fixes one per unit; the Conseil d'État opposed the bill's definition of « unité d'hébergement », struck by the amendments. Paying each unit the per-dwelling figure back to October 2023 multiplies public money on an uncertain text, so it is the alternative, not the default.",
  },
  {
    id: "compensation-surplus-art-47",
    question: "What becomes of a landlord's surplus (receipts above costs)?",
    reading:
      "Law art. 47 governs it (not art. 40 §1 or 13 §6): the statement shows the surplus and, under the operator's reading (ABORDABLE_SURPLUS_READING), PAID_TO_STATE (default: « à verser à la trésorerie de l'État via le Fonds spécial pour le logement abordable ») or DEDUCTED_FROM_NEXT_TRANCHE (« à moins de pouvoir être déduits de la prochaine tranche de la compensation à liquider »).",
    reason:
      "Art. 47 gives the rule and its exception; whether a deduction is possible is a matter of the ministry's practice the texts do not settle, so both are implemented and the statement names the one applied.",
  },
  {
    id: "compensation-art-93bis-scope",
    question: "Art. 93bis: « Les articles 13 et 40, paragraphes 2 et 3, produisent leurs effets au 1er octobre 2023 » — all of art. 13, or only its §2-3?",
    reading:
      "Operator reading (ABORDABLE_ART_93BIS_SCOPE_READING): WHOLE_ART_13 (default) — all of art. 13 as amended and art. 40 §2-3 are retroactive; ART_13_PAR_2_3_ONLY — « paragraphes 2 et 3 » qualifies both articles, so art. 13 §1 al. 2 (rent cap), §3bis (Fonds du Logement indemnity) and §5 (indexation base at first letting) apply from the bill's entry into force.",
    reason:
      "The sentence can be parsed either way; the article's title (« Régime rétroactif de la rémunération du capital investi … ainsi que de la compensation de service public pour le bailleur social ») supports the wider scope for capital and the bill's own commentary names art. 13 as a whole.",
  },
  {
    id: "compensation-capital-annual-amount",
    question: "RGD 2024 art. 2 fixes the capital remuneration « par an »: how are the monthly lines derived?",
    reading:
      "The annual amount (capital × rate × cote factor × prefinancing coefficient) is computed exactly and spread over the 12 months of the service year by one rule (`monthlyShareOfAnnual`, cumulative twelfths): month k gets round(A·k/12) − round(A·(k−1)/12); 12 consecutive months sum exactly to round(A). A month let for part of its days gets its share prorated.",
    reason:
      "Rounding A/12 each month gives 12 × 2,916.67 = 35,000.04 for an annual 35,000.00: the statement would pay more than the regulation fixes. Cumulative rounding keeps each line within a cent of A/12 and the year exact.",
  },
  {
    id: "compensation-management-flat-days",
    question: "Art. 40 §2: the management flat is due « par logement mis en location »: are vacant days included?",
    reading:
      "Yes: the flat runs over the days the dwelling (or unit) is in the landlord's affordable rental stock (managed periods), vacant or not. Vacancy is reported as rates (art. 40 §3) and reduces nothing unless the operator enables the vacancy-reduction rule.",
    reason:
      "« Mis en location » (placed on the rental market) differs from « donné en location »; the law asks the statement to report vacancy rates but gives no reduction.",
  },
  {
    id: "compensation-vacancy-reduction",
    question: "Does vacancy reduce the landlord's compensation?",
    reading:
      "Not by default. An operator may enable a rule (`vacancyReduction`: reasons, share in [0, 1]) that deducts share × management flat prorated over the vacant days of the listed reasons. OFF by default, no default share.",
    reason:
      "Art. 40 §3 lists three vacancy rates in the statement and leaves the modalities to a grand-ducal regulation that the sources do not contain; no reduction figure exists, so none is invented.",
  },
  {
    id: "compensation-art40-5-timing",
    question: "When does the bill's shorter list of dwellings without management flat (art. 40 §5) apply?",
    reading:
      "From the operator-set entry into force, not retroactively: before it, the law's list (international protection, students, the developer's employees, cooperative members) applies; from it, the bill's (students only where the landlord is the University of Luxembourg; cooperative members).",
    reason: "Art. 93bis makes only art. 13 and art. 40 §2 and §3 retroactive; §5 is amended by bill art. 27 3°.",
  },
  {
    id: "compensation-fonds-indemnity-cote",
    question: "Bill art. 13 §3bis: 0.64 EUR/m²/month at cote 100 « adapté suivant les modalités applicables aux traitements »: which cote for a month?",
    reading:
      "The cote d'application in force on the first day of the month, applied to the whole month, times the useful living area; due on request, for the days the dwelling is let, while another social landlord manages it.",
    reason:
      "Salaries apply the cote tranche to whole months from the first day of the month following the tranche; the recorded tranches all start on a first of month.",
  },
  {
    id: "compensation-surplus",
    question: "What if the landlord's receipts exceed its costs?",
    reading:
      "The statement's total is negative; the outcome is SURPLUS_OWED_TO_STATE and `surplusOwedToState` carries the positive amount. Lines keep their signs (costs +, receipts −).",
    reason:
      "Art. 40 §1 al. 3: the compensation « comble l'éventuel déficit »; a surplus is repaid to the State (docs/rules.md §3, art. 13 §6 for the developer).",
  },
  {
    id: "compensation-filing-rule-date",
    question: "Art. 41 §1: which version of the filing rule governs a given compensation year?",
    reading: "The version in force on 31 December of the compensated year.",
    reason: "The request concerns a closed year; the rule in force when that year ends is the one the landlord can know throughout the year.",
  },
  {
    id: "compensation-filing-law-year",
    question: "Law art. 41 §1 « au plus tard le 30 juin de chaque année »: the request for year Y is due by 30 June of which year?",
    reading:
      "Of year Y+1 under both regimes (`compensation.landlord.applicationYearOffset` = 1): under the law read from art. 41 §2, under the bill stated in §1 (bill art. 28 1°). A statement can therefore be issued once year Y has ended (1 January Y+1) and still be filed on time.",
    reason:
      "« De chaque année » says how often the request is made, not which year it covers. The request must contain the art. 40 §3 statement (rents, charges and vacancy rates of the year) and « un rapport financier annuel établi par un réviseur d'entreprises agréé … couvrant la période pour laquelle la compensation est demandée » (art. 41 §2 3°), which cannot exist before the compensated year has ended; a deadline of 30 June of that same year could never be met. The bill's wording (« l'année qui suit celle pour laquelle la compensation est demandée ») states the same reading explicitly.",
  },
  {
    id: "compensation-residual-prefinancing",
    question: "Bill annex IV: « il y a lieu de tenir compte des sommes versées en préfinancement » — how?",
    reading:
      "The net prefinancing advance, Σ (coefficient − 1) × yearly remuneration over the service years paid (1.64 − 1 = +0.64 per year in years 1-20, 0.36 − 1 = −0.64 per year in years 21-40), is added to the formula's VRPF. The caller may give the advance directly.",
    reason:
      "The coefficients front-load the remuneration (20 × 1.64 + 20 × 0.36 = 40 years' worth): a sale before year 40 leaves the developer with remuneration paid in advance for years it will not serve, which the State recovers with the residual value.",
  },
  {
    id: "compensation-residual-rounding",
    question: "Rounding of the residual value.",
    reading:
      "VRPF = (DC − AE) × PFA × PV / (DC × CT) computed exactly with one division and rounded once to the cent; the prefinancing advance is rounded to the cent separately and added. AE counts full years only (anniversaries), capped at DC.",
    reason: "« Années effectives et complètes »; one division keeps the formula exact before the single rounding.",
  },
  {
    id: "compensation-art72-share",
    question: "Bill art. 43 (→ art. 72 §2): the remuneration « est fixée à 25 pour cent du capital investi » — a lump sum or a base?",
    reading:
      "A base: the capital taken into account is 25 % (cases 1°, 2°) or 100 % (case 3°) of the capital invested, remunerated yearly at the RGD 2024 art. 2 rates (land 3.5 %, construction 4.5 %) in force at the convention. For 1° and 2° the capital is the flat value of al. 4 (useful area × maximum eligible amounts at the convention), supplied by the caller. Social developers cannot use case 3°. Under the law there is no share: modalities are the convention's under art. 13.",
    reason:
      "The sentence defines « une rémunération du capital investi … qui est fixée à »: a remuneration of capital needs a rate; 25 % of the capital paid as a lump would be neither a remuneration nor compatible with art. 13 §4 bounds. Al. 4 makes the existing-housing capital a flat value.",
  },
];
