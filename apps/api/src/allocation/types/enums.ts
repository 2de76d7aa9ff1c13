/** Enumerations of the allocation capability, every value described with its source. */
import { AttendanceStatus, CommissionRole, OfferOutcome } from "../../generated/prisma/enums.js";
import { builder } from "../../schema/builder.js";

function described<const T extends Record<string, string>>(name: string, source: T, description: string, values: { [K in keyof T]: string }) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(Object.keys(source).map((k) => [k, { value: k, description: values[k as keyof T] }])) as {
      [K in keyof T & string]: { value: K; description: string };
    },
  });
}

const list = <const T extends readonly string[]>(xs: T) => Object.fromEntries(xs.map((x) => [x, x])) as { [K in T[number]]: K };

export const AllocationRegimeEnum = described("AllocationRegime", list(["LAW", "BILL_8535"] as const), "Legal regime of an allocation computation.", {
  LAW: "The law of 7 August 2023 as consolidated on 1 January 2026.",
  BILL_8535: "The law as amended by bill 8535, from its entry-into-force date (law values before it).",
});

export const CommissionRoleEnum = described(
  "CommissionRole",
  CommissionRole,
  "Role in a landlord's advisory commission (commission consultative, RGD 13 Oct 2023 art. 1; Esch ROI art. 2).",
  {
    CHAIR: "Chair (président), designated by the landlord among the full members; decides a tie.",
    SECRETARY: "Administrative secretary; chosen outside the members, neither discusses nor votes.",
    EXTERNAL_MEMBER: "Member from outside the landlord's housing service.",
    EXPERT_MEMBER: "Expert member (social worker presenting the pre-selected files).",
    MEMBER: "Other member.",
  },
);

export const AttendanceStatusEnum = described(
  "AttendanceStatus",
  AttendanceStatus,
  "Attendance of a member at a commission meeting (minutes, Esch ROI art. 7).",
  {
    PRESENT: "Present.",
    ABSENT: "Absent.",
    EXCUSED: "Excused.",
  },
);

export const AllocationOfferOutcomeEnum = described("AllocationOfferOutcome", OfferOutcome, "Outcome of a housing offer (promesse de logement).", {
  PENDING: "Awaiting the candidate's answer.",
  ACCEPTED: "Accepted.",
  REFUSED_JUSTIFIED: "Refused with a valid justification.",
  REFUSED_UNJUSTIFIED: "Refused without a valid justification (two successive ones freeze the criteria, bill art. 57 §3 al. 2).",
});

export const OfferResponseEnum = described(
  "AllocationOfferResponse",
  list(["ACCEPTED", "REFUSED_JUSTIFIED", "REFUSED_UNJUSTIFIED"] as const),
  "A candidate's answer to a housing offer.",
  {
    ACCEPTED: "Accepted: the application is reported ALLOCATED to the register.",
    REFUSED_JUSTIFIED: "Refused with a valid justification (reported to the register, art. 53).",
    REFUSED_UNJUSTIFIED: "Refused without a valid justification (reported to the register; bill art. 57 §3 al. 2).",
  },
);

export const ShortlistGroupEnum = described(
  "ShortlistGroup",
  list(["REHOUSING", "NEW_TENANT"] as const),
  "Group of a ranked candidate (law art. 67 §3: rehousing first).",
  {
    REHOUSING: "A sitting tenant of the landlord to be rehoused: ranked before every new tenant (art. 67 §3).",
    NEW_TENANT: "A new tenant from the register.",
  },
);

export const EligibilityConditionEnum = described(
  "EligibilityCondition",
  list(["ADULT", "NO_OTHER_DWELLING", "INCOME_CEILING", "RESIDENCE"] as const),
  "A condition of eligibility (law art. 55 §1).",
  {
    ADULT: "1° the applicant is of age on the application day.",
    NO_OTHER_DWELLING: "2° no member holds ownership, usufruct, emphyteusis or a right of abode on another dwelling beyond an undivided third.",
    INCOME_CEILING: "3° household income at most the annex II ceiling for its composition.",
    RESIDENCE: "4° a residence right of more than three months (bill art. 32: or nationality, international protection, a diplomatic or legitimation card).",
  },
);

export const EligibilityPurposeEnum = described("EligibilityPurpose", list(["CANDIDATE", "TENANT"] as const), "Which conditions of art. 55 are checked.", {
  CANDIDATE: "A candidate (art. 55 §1): all four conditions, on the application day or when becoming tenant (§1 al. 2).",
  TENANT: "A tenant (art. 55 §3): conditions 2° and 4° only.",
});

export const IncomeKindEnum = described(
  "EligibilityIncomeKind",
  list(["NET_TAXABLE_INCOME", "ALIMONY_RECEIVED", "ACCIDENT_ANNUITY", "FAMILY_ALLOWANCE", "OVERTIME", "ALIMONY_PAID", "INTERNSHIP"] as const),
  "An income item of art. 56 §3.",
  {
    NET_TAXABLE_INCOME: "1° net income (art. 10 LIR) after social contributions and taxes withheld.",
    ALIMONY_RECEIVED: "2° alimony received.",
    ACCIDENT_ANNUITY: "3° net accident annuities.",
    FAMILY_ALLOWANCE: "4° family allowances (not counted for annex II).",
    OVERTIME: "5° gross pay for overtime.",
    ALIMONY_PAID: "Alimony paid: deducted (art. 56 §3 al. 2).",
    INTERNSHIP: "Internship pay: income only when insured for sickness and pension (art. 56 §3 al. 3).",
  },
);

export const RealRightKindEnum = described(
  "EligibilityRealRightKind",
  list(["OWNERSHIP", "USUFRUCT", "EMPHYTEUSIS", "RIGHT_OF_ABODE"] as const),
  "A real right on another dwelling (art. 55 §1 2°).",
  {
    OWNERSHIP: "Ownership (propriété).",
    USUFRUCT: "Usufruct (usufruit).",
    EMPHYTEUSIS: "Emphyteusis (emphytéose).",
    RIGHT_OF_ABODE: "Right of abode (droit d'habitation).",
  },
);

export const RightLocationEnum = described(
  "EligibilityRightLocation",
  list(["LUXEMBOURG", "ABROAD"] as const),
  "Where the other dwelling is (art. 55 §1 2°: anywhere).",
  {
    LUXEMBOURG: "In Luxembourg.",
    ABROAD: "Abroad.",
  },
);

export const FileEventEnum = described(
  "AllocationFileEventType",
  list(["CANDIDATE_PROPOSED", "SOCIAL_ENQUIRY_COMPLETED", "COMMISSION_OPINION_GIVEN", "VISIT_DONE", "NEXT_CANDIDATE"] as const),
  "A step of the allocation file taken with transitionAllocationFile (the others have their own mutation: computeShortlist, recordOffer, recordOfferResponse, allocate).",
  {
    CANDIDATE_PROPOSED: "The next candidate of the shortlist is proposed (needs candidateId); the social enquiry starts (art. 59).",
    SOCIAL_ENQUIRY_COMPLETED: "The social worker's enquiry is completed (needs socialWorker, art. 59).",
    COMMISSION_OPINION_GIVEN: "The commission's opinion on the proposed candidate (needs deliberationId; minutes signed, RGD art. 2, Esch ROI art. 5, 7).",
    VISIT_DONE: "The visit of the dwelling after the housing promise (Esch ROI art. 4).",
    NEXT_CANDIDATE: "After a refusal, back to the shortlist for the next candidate.",
  },
);

export const OpinionEnum = described("CommissionOpinion", list(["FAVOURABLE", "UNFAVOURABLE"] as const), "The commission's opinion (avis) on a candidate.", {
  FAVOURABLE: "Favourable.",
  UNFAVOURABLE: "Unfavourable.",
});

export const VoteEnum = described(
  "CommissionVote",
  list(["FOR", "AGAINST", "ABSTAIN"] as const),
  "A member's vote; abstentions are not votes cast (RGD art. 2).",
  {
    FOR: "For the candidate.",
    AGAINST: "Against the candidate.",
    ABSTAIN: "Abstention (not a vote cast).",
  },
);
