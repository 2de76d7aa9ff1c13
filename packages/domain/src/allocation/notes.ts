/**
 * Interpretation notes of the allocation engine (the parameter store's own notes are in
 * src/parameters/notes.ts; results cite both by id). The allocation README reproduces this table.
 */
import type { InterpretationNote } from "../law/notes.js";

export const ALLOCATION_INTERPRETATION_NOTES: readonly InterpretationNote[] = [
  {
    id: "nationals-under-law",
    question:
      "Law art. 55 §1 4° requires « un droit de séjour de plus de trois mois … conformément à la loi modifiée du 29 août 2008 »: do Luxembourg nationals meet it before the bill?",
    reading:
      "Yes: nationality satisfies 4° under both regimes. Under the law, international protection and diplomatic/legitimation cards count only through a residence right recorded for the member; under the bill (art. 32) they count on their own.",
    reason:
      "The 2008 law governs foreigners; read literally, 4° would exclude every Luxembourger. The bill's explicit list (nationality, residence right, protection, card) clarifies rather than widens for nationals.",
  },
  {
    id: "residence-right-covers-stay",
    question: "« droit de séjour de plus de trois mois »: length already held, or length of stay the right covers?",
    reading:
      "The length of stay the right covers (a long-stay right, more than `eligibility.residenceRightMinMonths` months, or unlimited), valid on the application day.",
    reason:
      "The 2008 law distinguishes rights of residence « jusqu'à trois mois » and « de plus de trois mois »; the text names the kind of right, not a waiting period.",
  },
  {
    id: "undivided-third-all-rights",
    question: "Art. 55 §1 2°: does « de plus d'un tiers indivis » qualify ownership only, or every right listed?",
    reading:
      "Every right listed (ownership, usufruct, emphyteusis, right of abode) disqualifies when held for the whole or for an undivided share strictly greater than one third; compared as integers (n × 3 > d).",
    reason: "The phrase follows the whole enumeration; exact integer comparison avoids the non-terminating 1/3.",
  },
  {
    id: "dependent-child-age-exclusive",
    question: "Art. 56 §3: « l'enfant jusqu'à l'âge de 27 ans » co-insured with a member.",
    reading: "Dependent while aged under 27 (until the 27th birthday), on the determination date.",
    reason: "French « jusqu'à l'âge de N ans » ordinarily ends on the Nth birthday.",
  },
  {
    id: "non-dependent-members-adults",
    question: "Annex II counts adults and dependent children: where does a member who is neither (e.g. a non-dependent minor) go?",
    reading: "Every member who is not a dependent child counts as an adult; a child entering working life is an adult from the first year (art. 56 §3 al. 4).",
    reason: "The table has only these two columns; the law makes working children adults explicitly.",
  },
  {
    id: "income-extrapolation",
    question: "Art. 56 §2: how is an occupation not exercised all year extrapolated, and to which items does it apply?",
    reading:
      "Occupation income (net taxable income, overtime, insured internship) earned over m months is × 12 / m; after a change of employer or contract (or with no income in the reference year) the last known monthly income × 12. Alimony, annuities and allowances are taken as received. Monthly income = annual / 12.",
    reason:
      "The text extrapolates « un revenu provenant d'une occupation rémunérée »; it gives no finer unit than the month and speaks of « la moyenne du revenu net de l'année civile ».",
  },
  {
    id: "new-worker-year-of-reference",
    question: "Art. 56 §3 al. 4: which year of working life applies to a child's income?",
    reading: "The year of working life of the reference year: reference year − start year + 1 (at least 1), scaled by `income.newWorkerInclusion`.",
    reason: "The income counted is that of the reference calendar year; its share follows the child's year of working life in that year.",
  },
  {
    id: "art-66-at-least",
    question: "Art. 66: « une chambre à coucher supplémentaire au nombre de membres [ou de couple] » — exactly one more, or at least one more?",
    reading:
      "At least one more: under-occupied when bedrooms ≥ units + 1, where units = members (law) or members with each couple counted once (bill art. 39).",
    reason: "A dwelling with two spare bedrooms is a fortiori under-occupied; « ou de couple » makes a couple count as one bedroom need.",
  },
  {
    id: "seniors-medical-bedroom-one-rule",
    question: "Dedicated dwellings: is there a maximum number of bedrooms, and what of the seniors' medical extra bedroom (bill art. 54 §2 al. 3)?",
    reading:
      "No limit of its own (the former `dedicated-bedroom-limit` had no text behind it): every dwelling follows art. 66 under-occupancy (bedrooms ≥ members, bill: or couples, + 1). A seniors' dedicated dwelling with a duly justified medical reason tolerates one bedroom more (bill art. 31 → art. 54 §2 al. 3; none under the law). One function, `seniorsMedicalExtraBedrooms`, applies it for the shortlist, free choice and the tenancy engine.",
    reason:
      "Art. 54 §2 al. 2 only defines the « logement non adapté » of a senior owner (derogation to art. 55 §1 2°); art. 66 is the text that makes a bedroom beyond the household too many, and the bill's al. 3 derogates from it for seniors. The shortlist and free choice used to exclude a senior couple the tenancy engine housed.",
  },
  {
    id: "international-protection-reading",
    question:
      "Beneficiaries of international protection under the law in force: does art. 55 §1 4° (« droit de séjour … conformément à la loi du 29 août 2008 ») admit them?",
    reading:
      "Operator reading (ABORDABLE_INTERNATIONAL_PROTECTION_READING): INCLUSIVE (default) — a beneficiary (refugee or subsidiary protection) meets 4° under both regimes; STRICT — under the law only a residence right recorded for the member counts (bill art. 32 c) admits them once in force). Applicants for protection (« demandeurs ») are not beneficiaries under either reading. Titles are per member; every eligibility answer and decision record names the reading.",
    reason:
      "The text is ambiguous: 4° refers to the immigration law, yet the law reserves dwellings for them (art. 12 §3 1°) and calls them « candidat-locataire » (art. 68), and the bill adds them explicitly. Excluding the people the law itself houses was a silent choice; inclusion is the default, strictness the alternative.",
  },
  {
    id: "application-day-conditions",
    question: "On which day are the conditions of art. 55 §1 judged?",
    reading:
      "1° (age of majority) and 4° (residence; bill art. 32 « au jour de l'introduction de la demande ») on the day the application was lodged (`applicationDate`); 2° and 3° on the day of the check. At the lease (§1 al. 2, « également à remplir au moment où le candidat-locataire devient locataire ») every condition on that day.",
    reason:
      "1° says « majeure au jour de l'introduction de la demande », the law's 4° « au moment de la demande » and the bill's « au jour de l'introduction de la demande »; judging them on the ranking date excluded applicants whose title expired after they applied, or admitted minors who came of age while waiting.",
  },
  {
    id: "application-before-law",
    question:
      "An application lodged before the law of 7 August 2023 applied (1 October 2023), carried over on the register: on which day are 1° and 4° of art. 55 §1 judged?",
    reading:
      "On 1 October 2023, the first day the law's conditions exist: the day of the application, brought forward to the law's entry into force. 2° and 3° stay on the day of the check.",
    reason:
      "The law's conditions cannot be applied on a day before it was in force (no parameter has a value then), and a register carried over from the former regime must still be ranked; judging 1° and 4° on the law's first day keeps the application-day rule for everyone who applied under it, and does not exclude earlier applicants for the law's absence.",
  },
  {
    id: "dedicated-membership-law",
    question: "Under the law (before the bill), who must belong to a dedicated sub-category other than seniors?",
    reading:
      "The applicant (future tenant), except close social support (« le locataire ou un membre de la communauté domestique ») and seniors (« au moins un membre »). Under the bill: at least one member, in every sub-category.",
    reason:
      "The law defines those sub-categories by the person housed (« Est un jeune, une personne qui… ») without the « au moins un membre » clause the bill adds.",
  },
  {
    id: "proximity-nearest-workplace",
    question: "Art. 58 al. 1 2°: which workplace, when members work in several places? What is a « multitude des lieux de travail » (bill)?",
    reading:
      "The nearest workplace of any member to the vacancy. Under the bill, from `multipleWorkplacesFrom` distinct workplace municipalities (methodology; default 2) proximity is measured from the current home only. No workplace: no points. Distances come from the caller (Esch uses distance.geoportal.lu); none is invented.",
    reason:
      "The law gives no aggregation rule; the bill's fallback presupposes that several workplaces prevent a single measure. The threshold is a methodology choice, not a legal figure.",
  },
  {
    id: "distance-municipality-centroids",
    question: "Art. 58 al. 1 2°: how is the distance between the vacancy and a workplace or home measured when the landlord supplies no distance table?",
    reading:
      "The great-circle distance between the two municipalities' reference points (coordinates the operator records), in km rounded to 0.1 (`centroidDistances`, method GREAT_CIRCLE_MUNICIPALITY_CENTROIDS); every distance used is written in the decision record. A municipality without coordinates gives no distance, hence no proximity points.",
    reason:
      "The law names no method; Esch-sur-Alzette's commission reads road distances on distance.geoportal.lu, which the platform cannot query offline. A straight-line distance between fixed points is reproducible by anyone from the record; an unknown distance is not guessed.",
  },
  {
    id: "title-undocumented-zero",
    question: "Art. 57 §1 1°: what does the current title (titre d'occupation) give when the application documents none?",
    reading:
      "0 points, « not documented »: the other criteria the register's facts support still count (income level and single parenthood from the household; occupation needs the current home and is not documented either).",
    reason:
      "The criterion rewards a documented precarious title; giving an undocumented one the points of OTHER (or any title) would rank a candidate on a situation nobody evidenced. The candidate documents it at the yearly revision (art. 57 §3).",
  },
  {
    id: "refusal-freeze-snapshot",
    question: "Bill art. 57 §3 al. 2: « ne sont révisés que lors de la deuxième année suivant celle du deuxième refus ».",
    reading:
      "After `allocation.refusals.count` successive unjustified refusals (an acceptance or a justified refusal breaks the run), the criteria snapshot in force at the second refusal is used until 1 January of (year of that refusal + `allocation.refusals.revisionDeferralYears`). A new run after that starts a new freeze.",
    reason:
      "« deuxième année suivant celle du deuxième refus » = year of refusal + 2; « révisés » means the priority evaluation is not updated, so the old snapshot keeps applying.",
  },
  {
    id: "quota-share-of-year",
    question: "Art. 53 al. 3: « attribuer jusqu'à 10 pour cent des logements » — a share of what?",
    reading:
      "Of the landlord's allocations in the calendar year, including the one being decided: one more free-choice allocation is allowed when (free-choice so far + 1) × 100 ≤ quota × (allocations so far + 1). The stock (« gérant plus de N logements », strictly more) selects the quota.",
    reason:
      "The quota limits how the landlord allocates, so it is measured on allocations; counting the allocation being made keeps the share at or under the cap at every moment.",
  },
  {
    id: "rehousing-first-group",
    question: "Art. 67 §3: how do sitting tenants to be rehoused rank against new candidates?",
    reading:
      "As a group before every new candidate, ranked among themselves by the same methodology; their eligibility is the tenant's (art. 55 §3: conditions 2° and 4°).",
    reason:
      "« procède prioritairement aux éventuels relogements et ensuite à l'attribution de logements aux locataires nouveaux »; Esch ROI art. 13 repeats it.",
  },
  {
    id: "quorum-majority",
    question: "RGD art. 2: « la majorité de ses membres est présente » and « la majorité des suffrages exprimés ».",
    reading:
      "Quorum: more than half of the full members sit (a full member or their alternate). Opinion: more FOR than AGAINST among FOR/AGAINST votes (abstentions are not cast); on a tie the chair's vote decides; a tie without a chair's vote adopts no opinion.",
    reason: "Absolute majority is the ordinary meaning; an abstention is not a « suffrage exprimé ».",
  },
  {
    id: "secret-votes-stay-secret",
    question: "Esch ROI art. 6: what of the selected candidate's deliberation may leave the commission?",
    reading:
      "The deliberation text, to the staff handling that vacancy's allocation only; the votes stay secret. Without the Esch rule (RGD only) nothing leaves the commission.",
    reason:
      "RGD art. 2 al. 2 keeps « le secret des délibérations et des votes »; Esch relaxes it for « les délibérations » only, « pour les besoins de l'attribution du logement vacant en question ».",
  },
  {
    id: "convocation-calendar-days",
    question: "Esch ROI art. 3: « au moins 5 jours avant la réunion » — which days?",
    reading: "Calendar days: the convocation is dated at the latest on the meeting date minus 5 days (papers: minus 3 days).",
    reason: "The rules say « jours » without « ouvrables ».",
  },
];
