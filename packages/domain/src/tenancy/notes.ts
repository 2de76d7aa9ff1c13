/**
 * Interpretation notes of the tenancy engine (art. 60-70, annex III, bill art. 63bis): where the
 * text is ambiguous, the reading chosen and why. Traces cite these ids; README.md reproduces the
 * table. Kept apart from the parameter store's notes (src/parameters/notes.ts), which describe data.
 */
import type { InterpretationNote } from "../law/notes.js";

export const TENANCY_INTERPRETATION_NOTES: readonly InterpretationNote[] = [
  {
    id: "rent-rnd-annual",
    question: "Annex III: is the net disposable income (RND) of the formula monthly or annual?",
    reading:
      "Annual. The RND (art. 56: income of the previous calendar year) and the three thresholds of table A are annual amounts; the formula gives an annual gross rent, divided by 12 for the monthly rent. Table B's energy flat is monthly (« Forfait mensuel ») and is deducted from the monthly rent.",
    reason:
      "Table A's three columns are headed « Revenu annuel (euros) ». At cote 968.04 the 1-adult low-income threshold is 19,486.65 EUR a year (1,623.89 a month), a plausible low-income line; read as monthly it would be absurd. The effort rate is scale-free, so annual RND with annual thresholds is the only consistent pairing.",
  },
  {
    id: "rent-cap-on-gross",
    question: "Annex III 1° b): what exactly is capped at 35 % of the rent-ceiling threshold?",
    reading:
      "The gross affordable rent (annual RND × effort rate) is capped at 35 % × the « seuil du plafond de loyer » of the household (indexed), before the equipment, house and energy adjustments of 2°.",
    reason:
      "« Le loyer abordable brut est plafonné … Le plafond du loyer abordable brut correspond à 35 pour cent du seuil du plafond du loyer applicable à la communauté domestique. » The cap binds only for RND above the rent-ceiling threshold; between the max-effort and rent-ceiling thresholds the rent is 35 % of RND.",
  },
  {
    id: "rent-adjustments-on-gross",
    question: "Annex III 2°: are the −2.5 %, −2.5 % and +10 % compounded, and in which order are they and the energy flat applied?",
    reading:
      "Each percentage is a percentage of the (capped) gross rent and they are added: net = gross × (1 − 2.5 % [no equipped kitchen] − 2.5 % [no outdoor space] + 10 % [house]) − energy flat. They are applied in the annex's order a) reductions, b) increase, c) energy flat; the energy flat, a fixed amount, comes last.",
    reason:
      "Each sentence (annex 2° a), b), c); art. 60 §3-5) says « le loyer abordable brut est réduit/augmenté de … », always of the gross rent, never of a rent already adjusted. With additive percentages their order no longer matters; deducting the fixed flat last follows the annex's order and art. 60 §1 (net = gross ± equipment adjustment − energy flat).",
  },
  {
    id: "rent-rounding-once",
    question: "When is the affordable rent rounded?",
    reading:
      "Once, to the cent, half away from zero, on the final monthly net rent. Thresholds, rates, annual and monthly gross amounts and adjustments are carried unrounded (40 significant digits) in the trace.",
    reason:
      "The platform's rounding rule (packages/domain/README.md): money is rounded once, at statement-line level; the monthly net rent is the statement line.",
  },
  {
    id: "rent-flat-below-low",
    question: "Art. 60 §2 al. 2: the flat rent « sur avis de la commission » below the low-income threshold — gross or net, and when?",
    reading:
      "It replaces the monthly gross rent (it is an input, the landlord's decision on the commission's advice) and only when the RND is strictly below the low-income threshold; the equipment, house and energy adjustments still apply to it.",
    reason:
      "The sentence sits in §2, which defines the gross rent; §1 builds every net rent from a gross rent plus the adjustments. « En-dessous du seuil » is strict.",
  },
  {
    id: "rent-threshold-boundaries",
    question: "Which rate applies exactly at the low-income and max-effort thresholds?",
    reading:
      "RND ≤ low threshold: 10 %; RND ≥ max-effort threshold: 35 %; in between the linear formula. The formula gives the same rates at both boundaries, so the reading changes no amount.",
    reason:
      "Annex III 1° a): « en dessous de ce seuil, le taux d'effort est fixé à 10 pour cent » and « à partir duquel le taux d'effort est plafonné à 35 pour cent ».",
  },
  {
    id: "rent-children-age",
    question: "Annex III 1° c): who is a child for table A?",
    reading:
      "A member aged under 14 in completed years on 1 January of the year of the rent calculation (the year of the calculation date) is a dependent child; every other member is an adult, whatever the kinship. A household needs at least one adult.",
    reason:
      "Literal reading of annex III 1° c) (« âgée de moins de 14 ans au 1er janvier de l'année de calcul du loyer … ayant accompli les 14 ans … indépendamment du lien de parenté »).",
  },
  {
    id: "rent-index-date",
    question: "At which cote are table A and table B read?",
    reading: "At the cote d'application in force on the calculation date (allocation or revision date): amount × cote / 100, unrounded.",
    reason:
      "Table A is « à la valeur au nombre cent … et adapté suivant les modalités applicables aux traitements et pensions », i.e. follows each tranche; table B follows the parameter store's note `energy-flat-index-basis`.",
  },
  {
    id: "tenancy-month-arithmetic",
    question: "How are « un mois », « trois mois », « deux années », « quinze jours » from a date computed?",
    reading:
      "Calendar months from day to day (« de quantième à quantième »): 15 March + 1 month = 15 April; when the target month is shorter, its last day (31 January + 1 month = 28/29 February). Years = 12 months, days = calendar days. The computed date is the last day of a time limit to act, and the date at which a termination « à l'expiration d'un délai » takes effect and the occupancy title is lost.",
    reason: "The texts set no computation rule; this is the usual civil-law computation and gives every period one date.",
  },
  {
    id: "tenancy-parameter-date",
    question: "On which date are the figures of a time limit resolved (law or bill, e.g. six months vs fifteen days after formal notice)?",
    reading:
      "On the date of the act that starts the period (notice, finding, formal notice, knowledge, death, offer); a 32nd birthday on the calculation date.",
    reason: "A period is governed by the text in force when it starts; the bill contains no transitional rule for running periods.",
  },
  {
    id: "revision-annual-cycle",
    question: "Art. 62 §1: « révisé annuellement … sauf si le loyer est applicable depuis moins de trois mois » — when is the yearly revision due?",
    reading:
      "12 months after the rent set at allocation or at the previous yearly revision. If on that date the rent in force has applied for less than three months (e.g. after an event revision), that year's revision is skipped and the next one falls 12 months later. The revised rent applies from its notification (art. 62 §1 al. 2), which the engine cannot know: the due date is reported and `effectiveFrom` is null.",
    reason:
      "The text gives a yearly rhythm and one exception; anchoring on the last yearly revision keeps a stable cycle and skipping (not postponing) follows « sauf si ».",
  },
  {
    id: "revision-pre-law-lease",
    question: "Art. 62 §1: when is the first yearly revision of a lease whose rent was set before the law applied (1 October 2023)?",
    reading:
      "The yearly cycle keeps the anniversary of the rent's setting; anniversaries before the rule applied are not revisions under the law, and the first revision is the first anniversary on or after that date (a rent set on 11 February 2022 is revised on 11 February 2024, then yearly). Event revisions (art. 62 §2) apply to such leases as to any other.",
    reason:
      "The law gives no transitional rule for running leases; keeping the anniversary preserves the yearly rhythm the tenant knows, and no revision is dated before the text that requires it.",
  },
  {
    id: "revision-five-percent",
    question: "Art. 62 §2 2°-3°: income change of « au moins 5 pour cent » compared with what?",
    reading:
      "|new income − income used for the rent in force on the day the landlord receives the information| / that income ≥ 5 %, inclusive, in either direction; the change is an exact decimal (4.99 % does not trigger, 5 % does).",
    reason: "« d'au moins 5 pour cent par rapport au revenu pris en considération pour le calcul du loyer actuel ».",
  },
  {
    id: "revision-effective-date",
    question: "Art. 62 §2 al. 2: from when does an event revision apply?",
    reading:
      "From the first day of the month following the end of the one-month period: information received on 10 March → revision due by 10 April → applies from 1 May. The text's « réception par le locataire de l'information » is read as the landlord's receipt of the tenant's information.",
    reason:
      "« Le loyer ainsi révisé est applicable le premier jour du mois qui suit le délai d'un mois prévu à l'alinéa 1er »; read literally (the tenant receiving), the landlord could never know when the month starts.",
  },
  {
    id: "revision-flat-rent",
    question: "Art. 62 §1 al. 3: no answer within two months — from when, and up to how much, may a flat rent be asked?",
    reading:
      "From the day after the last day of the two-month period; at most the monthly gross-rent cap of annex III 1° b) for the household (35 % of the rent-ceiling threshold / 12). When the information then arrives, the revision is due within a month of its receipt.",
    reason:
      "« ne pouvant pas dépasser le plafond du loyer abordable applicable au locataire, conformément à l'annexe III »: annex III has one « plafond du loyer abordable », the gross-rent cap.",
  },
  {
    id: "revision-retroactive-claim",
    question: "Art. 62 §3: when may increases be claimed back to the triggering event?",
    reading:
      "When an income increase or household change is reported later than it occurred, the result flags `retroactiveClaimFrom` = the date it occurred; the claim is made at the next yearly revision.",
    reason:
      "« le bailleur social peut réclamer les éventuelles augmentations de loyer, avec effet rétroactif au fait déclencheur, lors de la prochaine révision au sens du paragraphe 1er ».",
  },
  {
    id: "deposit-schedule-limit",
    question: "Bill art. 63bis §1: what makes a deposit schedule acceptable?",
    reading:
      "Installments of positive amounts that add up exactly to the deposit (3,000 EUR), the last one due on or before entry into the premises + 2 years (same calendar day), none before the signature. Anything else is refused with the rule.",
    reason:
      "« réglé par échéancier, convenu entre parties, … le montant total … soit réglé au plus tard deux années après le jour de l'entrée en jouissance des lieux ».",
  },
  {
    id: "deposit-half-of-held",
    question: "Bill art. 63bis §2 al. 2: « la moitié de la garantie locative » when the tenant has not paid it all?",
    reading: "Half of the amount actually held on the day the keys are returned (paid, net of nothing), unrounded until the statement line.",
    reason:
      "The landlord can only return what it holds; half of 3,000 EUR returned out of a partly paid deposit would pay back more than half of what was given.",
  },
  {
    id: "deposit-balance-trigger",
    question: "Bill art. 63bis §2 al. 3: three months from the charge statements « soit » the co-owners' accounts — which?",
    reading:
      "For a dwelling in a co-owned building, three months from the final approval of the building's annual accounts at the next general meeting; otherwise three months from receipt of the charge statements, which the landlord must request at the latest one month after the end of the lease. Until the triggering date is known the balance has no date.",
    reason:
      "The alternative follows the building: co-owned buildings settle charges through the syndic's accounts, others through the suppliers' and administrations' statements.",
  },
  {
    id: "deposit-late-penalty",
    question: "Bill art. 63bis §2 al. 5: how is the late-return increase counted?",
    reading:
      "Once, on the part still owed: each sum (first half, balance) is late from the later of the day after its deadline and the tenant's formal notice until it is returned (or the calculation date); the late windows of both sums together form one late state, and each monthly period begun in it adds 10 % of the last monthly affordable rent in principal (net rent, charges excluded) — never once per sum. Nothing when the delay is due to the tenant. Rounded once.",
    reason:
      "« A défaut de restitution dans les délais prévus et à partir d'une mise en demeure … majorée d'une somme égale à 10 pour cent du dernier loyer abordable mensuel en principal, pour chaque période mensuelle commencée en retard ». The increase is of « la partie du dépôt de garantie restant due », one sum, « pour chaque période mensuelle commencée en retard »: counting it per half would charge the same late month twice. It runs « à partir » of the formal notice; each sum has its own time limit, which decides when it becomes late.",
  },
  {
    id: "under-occupancy-units",
    question: "Art. 66: « une chambre à coucher supplémentaire au nombre de membres (bill: ou de couple) » — exactly one more, or at least one more?",
    reading:
      "Under-occupied when bedrooms ≥ units + 1 (at least one more), units = members under the law; under the bill a couple counts once (units = members − couples). In a seniors' dedicated dwelling, under the bill, one more bedroom is tolerated for duly justified medical reasons (under-occupied from units + 2).",
    reason:
      "A dwelling with two spare bedrooms is a fortiori under-occupied. The senior exception is bill art. 31 2° b) (art. 54 §2 al. 3); docs/rules.md §5 applies it to under-occupancy. To be unified with the allocation engine's bedroom helpers.",
  },
  {
    id: "rehousing-cases",
    question: "Which rehousing cases lead to termination after two refusals, and what is OTHER_LANDLORD_STOCK?",
    reading:
      "Law art. 67 §1 al. 4: refusals of offers for under-occupancy, non-compliance and renovation (§1). Bill §2bis: also typology mismatch (§2 al. 1). Tenant requests (law §2, bill §2ter) never. OTHER_LANDLORD_STOCK (bill §4) is a typology-mismatch rehousing made in another landlord's stock because the landlord has none of the right typology; it behaves like TYPOLOGY_MISMATCH. Offers not matching the household's typology (§1 al. 2) do not count as offers.",
    reason:
      "§2bis refers to « propositions de relogement au sens des paragraphes 1er, alinéa 1er, et paragraphe 2, alinéa 1er »; §4 is a way of making such an offer, not a new ground.",
  },
  {
    id: "rehousing-deadline-start",
    question: "Bill art. 67 §2: three years from the landlord's knowledge — for knowledge before the bill's entry into force?",
    reading:
      "The three years run from the later of the landlord's knowledge of the mismatch and the bill's entry into force; a commission waiver (§2 al. 3) lifts the obligation and the deadline.",
    reason: "The bill creates the obligation without retroactive effect (art. 93bis is limited to arts. 13 and 40).",
  },
  {
    id: "rehousing-over-seventy",
    question: "Art. 67 §1 al. 5 / bill §2bis al. 2: « locataires âgés de plus de soixante-dix ans » — when and who?",
    reading:
      "Any tenant of the lease who is past the 70th birthday (from the day after it) on the day the second offer is refused; or any household member with a disability. Only for under-occupancy rehousing.",
    reason: "« plus de » is strict; the right to stay is lost by the second refusal, so that is when protection is assessed.",
  },
  {
    id: "end-reserve-window",
    question: "Bill art. 69 §2 al. 6: reserve dwellings « peut être résilié avec effet dans un délai de trois mois depuis la première occupation ».",
    reading:
      "The termination may take effect on any date from the first occupation up to first occupation + 3 months; after that this ground is no longer available.",
    reason:
      "Unlike the other dedicated grounds (« à l'expiration d'un délai de trois mois à compter de … »), the text says « dans un délai de », a window, anchored on first occupation.",
  },
  {
    id: "end-landlord-option",
    question: "Art. 69: « est résilié d'office » vs « peut être (déclaré) résilié ».",
    reading:
      "Eligibility loss (§1 al. 1-2), rehousing refusals (art. 67) and death without eligible successor (art. 70) end the lease of right at the date; unpaid rent (§1 al. 3), dedicated dwellings (§2) and serious grounds (§3) give the landlord the option to end it with effect at the earliest on the date. Each result says which (`ofRight`).",
    reason: "The verbs differ in the text; the engine reports the earliest date and leaves the landlord's decision to the caller.",
  },
  {
    id: "end-serious-grounds-evidence",
    question: "Bill art. 69 §3: what must support a serious ground?",
    reading:
      "Each ground invoked names its point (1° to 14°) and carries at least one piece of evidence; 10° is checked against the agreed entry date (no move-in within 30 days) and 14° against the count of unpaid rents (at least two, consecutive or not) or unpaid charges when those facts are given.",
    reason: "The text requires « motifs graves et légitimes »; a termination of right after fifteen days must rest on documented facts.",
  },
  {
    id: "end-death-successors",
    question: "Art. 70: to whom does the lease pass?",
    reading:
      "To the successors who are eligible (art. 55 §3) and were members of the deceased's household living with them at the death; if none qualifies, the lease ends 12 months after the death. For an employees' dwelling it always ends 12 months after the death (al. 3).",
    reason: "Literal reading of art. 70 al. 1-3.",
  },
  {
    id: "bill-only-provisions",
    question:
      "Provisions the bill introduces (deposit, charge 9°, close-support/student/cooperative/reserve ends, serious grounds, three-year rehousing deadline, senior medical bedroom)?",
    reading:
      "Unavailable under LAW and before the operator-set entry into force under BILL_8535; the functions say so (or throw for the deposit, which does not exist without the bill).",
    reason: "The parameter store has no version of these figures outside the bill's period.",
  },
];
