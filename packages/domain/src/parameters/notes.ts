/**
 * Interpretation notes: where a text is ambiguous, the reading chosen and why (docs/rules.md,
 * preamble). Parameters list the notes they rely on; the README reproduces this table.
 */
import type { InterpretationNote } from "../law/notes.js";

export type { InterpretationNote };

/** The parameter store's own notes (the domain README documents them); the one registry is src/notes.ts. */
export const PARAMETER_INTERPRETATION_NOTES: readonly InterpretationNote[] = [
  {
    id: "annex-ii-annual-reading",
    question: "Annex II ceilings are headed « Revenu mensuel » (and art. 55 §1 3° says « revenu mensuel »): monthly or annual?",
    reading:
      "Annual income, at cote 100 (× cote/100): the only reading (`eligibility.incomeCeiling.readingPeriod` = ANNUAL). The former MONTHLY alternative is removed: it made the ceiling vacuous (45,846 EUR a month for one adult, so 500,000 EUR a year was eligible and everyone got top points on art. 57 §1 8°), and a reading that makes a legal condition vacuous is not a reading; an operator setting MONTHLY is refused with a clear error.",
    reason:
      "Read as monthly, the single-adult ceiling at cote 968.04 would be 45,846.37 EUR a month, which no affordable-housing scheme targets; annex III table A, on the same cote-100 basis and of the same magnitude (1 adult: 5,485 max-effort threshold), is headed « Revenu annuel ».",
  },
  {
    id: "household-table-composition",
    question: "How do households larger than the listed rows read annex II and annex III table A?",
    reading:
      "Take the listed row for min(adults, 2) and min(children, 3), then add « enfant à charge supplémentaire » per child beyond 3 and « adulte supplémentaire » per adult beyond 2. Annex II's « 1 ou 2 adultes – N enfants » rows are entered once per adult count with the same figure.",
    reason: "The tables list base rows and per-person increments only; this is the only reading that gives every composition one value.",
  },
  {
    id: "energy-flat-index-basis",
    question: "Annex III table B (forfait compensatoire de performance énergétique): which index basis?",
    reading: "Table B amounts are at cote 100 and indexed with the cote d'application, as the annex says.",
    reason:
      "Annex III says so after table B itself: « Les valeurs du tableau B s'entendent à la valeur au nombre cent de l'indice pondéré du coût de la vie au 1er janvier 1948 et adapté suivant les modalités applicables aux traitements et pensions des fonctionnaires de l'État » (the former note said table B states no index: it does).",
  },
  {
    id: "energy-flat-area-brackets",
    question: "Table B brackets are « 50m² ou moins », « 51 à 70m² », …: where does 50.5 m² fall?",
    reading: "Brackets are (−∞, 50], (50, 70], (70, 90], … (150, ∞): a fractional area belongs to the next bracket up.",
    reason: "Useful living area is measured with decimals; the integer labels would otherwise leave gaps.",
  },
  {
    id: "construction-index-semester",
    question: "Which semester of the construction-price index applies on a given date?",
    reading:
      "The semester whose reference month (April or October) most recently began: 1 April–30 September → April index of that year; 1 October–31 March → the October index. Callers may force a semester (e.g. the one named in a convention).",
    reason: "The law names the index only by semester (« d'avril 2021 ») and sets no publication lag; missing semesters fail rather than being interpolated.",
  },
  {
    id: "cote-open-ended",
    question: "Until when is the last recorded cote d'application in force?",
    reading: "Until the next tranche; the last point (968.04 from 2025-05-01) is open-ended. An operator adds later tranches with `withCotePoints`.",
    reason: "The cote is a step function published by STATEC; the repository's texts give no later tranche, and none is invented.",
  },
  {
    id: "bedroom-age-twelve",
    question: "RGD 13 Oct 2023 art. 4: « une chambre à coucher par personne âgée de douze ans au plus » literally means « at most twelve ».",
    reading:
      "A person aged 12 or more on 1 January of the allocation year gets an own bedroom (or one per couple); children under 12 share, at most two per bedroom.",
    reason:
      "Read literally, the first clause contradicts the second (« au moins une chambre à coucher par deux enfants de moins de douze ans »); Esch ROI art. 11 repeats the wording, and its pre-selection examples (« logement à 2 chambres » for « 1 enfant ayant plus de 12 ans ou bien avec 2 enfants de bas âge ») follow this reading.",
  },
  {
    id: "rgd-2024-convention-date",
    question: "On which date do the RGD of 24 January 2024 amounts apply?",
    reading:
      "On the date the convention is signed: « pour toute convention … conclue … à partir du 1er octobre 2023 ». Pass the convention date as asOf. Conventions signed earlier have no flat in this data.",
    reason:
      "The regulation's own scope clause. Bill art. 9 6° moves the date for the capital rates to « la première mise en location », but the regulation, unchanged, still keys its rates on the convention; an engine under the bill should pass the first-letting date once a new regulation says so.",
  },
  {
    id: "bill-retroactivity-scope",
    question: "What exactly does art. 93bis make retroactive?",
    reading:
      "All of art. 13 (operating-cost ceiling, §3 exclusions, §3bis Fonds du Logement indemnity, §4 zero reference rate, §5) and art. 40 §2 (management flat ceiling) and §3 (statement) from 2023-10-01; every other amendment applies from the operator-set entry into force.",
    reason: "« Les articles 13 et 40, paragraphes 2 et 3, produisent leurs effets au 1er octobre 2023. » (bill art. 49).",
  },
  {
    id: "quota-below-threshold",
    question: "Free-choice quota for a landlord at or below the lowest threshold?",
    reading: "0 %: the bracket scale starts with [0, 200] → 0 (law) or [0, 100] → 0 (bill).",
    reason: "Art. 53 al. 3 authorises free choice only for landlords « gérant plus de » the threshold.",
  },
  {
    id: "art-14-ceilings-from-2026",
    question: "Art. 14 ceilings and study-fee rates before 1 January 2026?",
    reading:
      "From 2023-10-01 to 2025-12-31 the original figures: land 900 / 450, serviced land 1,300 / 650 and off-plan land 1,300 EUR per m² (the figures the budget law of 19 December 2025 art. 7 1°-2° changed to 1,886 / 943, 2,300 / 1,150 and 2,300 from 2026-01-01); every other ceiling and the study-fee rates (15 / 18 / 15 %) are the same from 2023-10-01.",
    reason:
      "Bill 8535's amendments on its art. 10 strike the figures it first quoted (« ~~900~~ 1 886 », « ~~450~~ 943 », « ~~1 300~~ 2 300 », « ~~650~~ 1 150 ») and explain that these values « ont été modifiées par l'article 7, point 1° [2°], de la loi du 19 décembre 2025 concernant le budget … pour l'exercice 2026 »: the struck figures are the original text's, and only those were changed. The other figures are quoted by bill art. 10 as the ones it replaces (« le chiffre 400 est remplacé … »), i.e. the text in force before 2026.",
  },
  {
    id: "bill-geographic-segmentation",
    question: "Bill art. 10: land ceilings « soumis à une segmentation géographique ».",
    reading: "The parameter holds the figure of the text (at construction index 100); zone factors are operator parameters to come with the regulation.",
    reason: "The bill defines segmentation (« division du territoire national en zones homogènes de prix fonciers ») but gives no zone figures.",
  },
  {
    id: "dated-from-document",
    question: "RGD of 13 October 2023 and Esch ROI: from when?",
    reading: "RGD 13 Oct 2023 from 2023-10-13 (its date); Esch ROI from 2024-01-01 (start of the commission's five-year composition).",
    reason: "Neither publication nor approval date is in the sources; the date of the document is the closest figure the texts give.",
  },
  {
    id: "new-worker-year-axis",
    question: "Art. 56 §3: children entering working life are counted « à 0 pour cent la première année … à 100 pour cent la quatrième année ».",
    reading: "Axis = year of working life (1, 2, 3, 4 and later); 100 % from the fourth year on.",
    reason: "The text stops at the fourth year; full inclusion thereafter is the only consistent continuation.",
  },
  {
    id: "age-limit-exclusive",
    question: "Young people's dwellings: « moins de 26 ans » (bill: 29).",
    reading: "The parameter is an exclusive upper bound: eligible while age < 26 (bill < 29) at allocation.",
    reason: "Literal reading of « a moins de ».",
  },
];

/** The ids parameter definitions may cite (checked when the store loads). */
export const PARAMETER_NOTE_IDS: ReadonlySet<string> = new Set(PARAMETER_INTERPRETATION_NOTES.map((n) => n.id));
