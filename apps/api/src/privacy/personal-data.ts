/**
 * Personal data (données à caractère personnel, GDPR art. 4 1°; special categories of art. 9 for
 * health and disability), classified by field in ONE registry, masked by ONE function.
 *
 * - `FIELD_CLASSES`: every GraphQL field that carries personal, contact, income, birth-date,
 *   health or disability data, or is derived from one (a lease end from a birth date, a rent
 *   computation from incomes), with its class and how to find whose data it is (the subject).
 * - `AUDIT_KEY_CLASSES`: the same classes for the keys of audit payloads (`AuditEvent.before/after`).
 * - `applyPersonalDataMasks(schema)`: wraps the resolver of every classified field, once, when the
 *   schema is built; a field's own resolver never decides alone. The mask is « absent » (null, or
 *   the row left out for the rows listed in `OMITTED_ROWS`); coarse bands are separate fields
 *   (`ageBand`, `incomeBand`) that everyone who sees the row gets.
 * - `relationshipTo(ctx, subject)`: whether the caller may see the subject's personal data —
 *   `UNMASKED` (with the legal purpose that grounds it) or `PSEUDONYMISED`. The rules:
 *   · ministry administrators: register administration (law art. 74);
 *   · ministry analysts: never (pseudonymised records and bands only);
 *   · a landlord: its tenants' households (the lease, TENANCY), and candidates on the shortlist of
 *     a real vacancy it recorded (ALLOCATION_FILE) — the file ranked under a methodology version a
 *     ministry administrator approved, the dwelling a real vacancy of its stock (a convention of
 *     its own covers it, or it was let before), the candidate within the first
 *     `ABORDABLE_UNMASK_PER_VACANCY` ranks (default 10) while the file is open, and only the
 *     selected candidate once it is closed;
 *   · everyone else: nothing (the rows themselves are out of their scope).
 * - Every UNMASKED answer about a candidate or household is written to `PersonalDataAccess` (who,
 *   whose, purpose, grounding row, when) BEFORE the data is returned (fail closed): the ministry
 *   lists them (`personalDataAccesses`), and a candidate's data report (GDPR art. 15) can too.
 *
 * Audit payloads are masked for every caller: the trail exists to account for changes, not to read
 * the register (the register's own fields are the logged way to personal data).
 */
import { defaultFieldResolver, isNonNullType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { isLandlord, isMinistryAdmin, organisationOf, type Viewer } from "../identity/viewer.js";
import { ageBandOfIso, incomeBand } from "./bands.js";
import { unmaskPerVacancy } from "./relationship.js";

// ───────────── classes ─────────────

/**
 * SITUATION: a person's circumstances as written about them — free text (evidence, reasons, notes,
 * justifications) and the facts of a job, studies or support ending — which may carry any class.
 */
export const PERSONAL_DATA_CLASSES = ["IDENTITY", "CONTACT", "BIRTH_DATE", "INCOME", "HEALTH", "DISABILITY", "RESIDENCE", "SITUATION"] as const;
export type PersonalDataClass = (typeof PERSONAL_DATA_CLASSES)[number];

/** Whose personal data a field carries, read from the object the field is resolved on. */
export type Subject =
  | { readonly kind: "candidate"; readonly id: string }
  | { readonly kind: "household"; readonly id: string }
  /** A lease's data (its household's): the lease's landlord, or null when only reachable through a lease already scoped to the caller. */
  | { readonly kind: "lease"; readonly landlordId: string | null }
  /** Decided by the resolver that built the object (e.g. an eligibility computed on a household the caller gave itself). */
  | { readonly kind: "decided"; readonly visible: boolean };

export interface FieldClass {
  readonly class: PersonalDataClass;
  /** For derived data: what it is derived from. */
  readonly derivedFrom?: string;
  /** Typed `never` so that each entry reads its own parent shape; called with the resolved parent. */
  readonly subject: (parent: never) => Subject;
  /** Only some values of the field are personal (e.g. a lease end only when its ground is a birthday). */
  readonly when?: (parent: never) => boolean;
  /**
   * What a caller without the right gets instead of the value (default: null). Required for a
   * non-null field: a date coarsened to its year (`coarseYear`), a JSON payload with its classified
   * keys masked (`maskPayload`), a string replaced by `masked:CLASS`.
   */
  readonly masked?: (value: never, parent: never) => unknown;
}

export const candidate = (p: { id: string }): Subject => ({ kind: "candidate", id: p.id });
export const household = (p: { householdId: string }): Subject => ({ kind: "household", id: p.householdId });
export const lease = (p: { landlordId?: string }): Subject => ({ kind: "lease", landlordId: p.landlordId ?? null });
const decided = (p: { personal: boolean }): Subject => ({ kind: "decided", visible: p.personal === true });
const YOUNG_TENANT = (p: { ground?: string }) => p.ground === "YOUNG_TENANT_AGE";
/** A row reached only through a lease or allocation file already scoped to the caller (access/tenant.ts): ministry administrators and that landlord. */
const scopedRow = (): Subject => ({ kind: "lease", landlordId: null });
/** Termination grounds whose dates are a person's: the young tenant's 32nd birthday (art. 69), the tenant's death (art. 70). */
const PERSONAL_END_GROUNDS = new Set(["YOUNG_TENANT_AGE", "DEATH"]);
const PERSONAL_END = (t: { ground?: string }) => PERSONAL_END_GROUNDS.has(String(t.ground ?? "").split(" ")[0]!);
const DEATH = (t: { ground?: string }) => t.ground === "DEATH";

/** A date coarsened to its year (YYYY-01-01), as anonymisation keeps a birth date: a valid Date for a non-null field. */
export function coarseYear(value: Date | string): Date | string {
  if (value instanceof Date) return new Date(Date.UTC(value.getUTCFullYear(), 0, 1));
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? `${value.slice(0, 4)}-01-01` : value;
}
const maskedText = (cls: PersonalDataClass) => () => `masked:${cls}`;

/** The registry: `Type.field` → class. Read by the masks, the exposure test and the README. */
export const FIELD_CLASSES: Readonly<Record<string, FieldClass>> = {
  "CandidatePersonalData.registerNumber": { class: "IDENTITY", subject: candidate },
  "CandidatePersonalData.firstName": { class: "IDENTITY", subject: candidate },
  "CandidatePersonalData.lastName": { class: "IDENTITY", subject: candidate },
  "CandidatePersonalData.birthDate": { class: "BIRTH_DATE", subject: candidate },
  "CandidatePersonalData.address": { class: "CONTACT", subject: candidate },
  "CandidatePersonalData.municipality": { class: "CONTACT", subject: candidate },
  "CandidatePersonalData.email": { class: "CONTACT", subject: candidate },
  "CandidatePersonalData.phone": { class: "CONTACT", subject: candidate },
  "CandidatePersonalData.residenceStatus": { class: "RESIDENCE", subject: candidate },
  "CandidatePersonalData.residentSince": { class: "RESIDENCE", subject: candidate },
  "CandidatePersonalData.household": { class: "IDENTITY", subject: candidate },
  "HouseholdMember.firstName": { class: "IDENTITY", subject: household },
  "HouseholdMember.lastName": { class: "IDENTITY", subject: household },
  "HouseholdMember.birthDate": { class: "BIRTH_DATE", subject: household },
  "HouseholdMember.age": { class: "BIRTH_DATE", derivedFrom: "birthDate", subject: household },
  "HouseholdMember.hasDisability": { class: "DISABILITY", subject: household },
  "HouseholdMember.isDependent": { class: "INCOME", subject: household },
  "HouseholdMember.annualNetIncome": { class: "INCOME", subject: household },
  "HouseholdMember.workingLifeStartYear": { class: "INCOME", subject: household },
  "HouseholdMember.workplaceMunicipality": { class: "CONTACT", subject: household },
  "Lease.rentComputation": { class: "INCOME", derivedFrom: "the household's incomes (annual net disposable income, art. 56; annex III)", subject: lease },
  "Lease.medicalReasonEvidence": { class: "HEALTH", subject: lease },
  "Lease.medicalReasonDocumentedOn": { class: "HEALTH", subject: lease },
  "RentRevision.computation": { class: "INCOME", derivedFrom: "the household's incomes (art. 56; annex III)", subject: lease },
  "RentRevision.detail": { class: "INCOME", derivedFrom: "the income change reported (art. 62 §2)", subject: lease },
  "LeaseEnd.endsOn": { class: "BIRTH_DATE", derivedFrom: "the young tenant's birth date (32nd birthday, art. 69)", subject: lease, when: YOUNG_TENANT },
  "LeaseEnd.latestEndOn": { class: "BIRTH_DATE", derivedFrom: "the young tenant's birth date", subject: lease, when: YOUNG_TENANT },
  "LeaseEnd.occupancyTitleLostOn": { class: "BIRTH_DATE", derivedFrom: "the young tenant's birth date", subject: lease, when: YOUNG_TENANT },
  "Lease.endsOn": {
    class: "BIRTH_DATE",
    derivedFrom: "a young tenant's 32nd birthday (art. 69) or the tenant's death (art. 70), among other grounds: the year only",
    subject: lease,
    masked: coarseYear,
  },
  "LeaseTermination.effectiveOn": {
    class: "BIRTH_DATE",
    derivedFrom: "the young tenant's birth date (32nd birthday) or the tenant's death: the year only",
    subject: scopedRow,
    when: PERSONAL_END,
    masked: coarseYear,
  },
  "LeaseTermination.noticeOn": {
    class: "BIRTH_DATE",
    derivedFrom: "the tenant's death (DEATH: the date of death): the year only",
    subject: scopedRow,
    when: DEATH,
    masked: coarseYear,
  },
  "LeaseTermination.evidence": { class: "SITUATION", derivedFrom: "the evidence relied on (serious grounds, refusals)", subject: scopedRow },
  "LeaseTermination.computation": {
    class: "BIRTH_DATE",
    derivedFrom: "the tenant's birth date, successors' names, evidence (art. 69-70): its classified keys masked",
    subject: scopedRow,
    masked: (v: unknown) => maskPayload(v, "Lease"),
  },
  "LeaseEnd.passesTo": {
    class: "IDENTITY",
    derivedFrom: "the successors' names (art. 70)",
    subject: lease,
    when: DEATH,
    masked: (v: readonly unknown[]) => v.map(() => "masked:IDENTITY"),
  },
  "RehousingAssessment.protectedDisabledMember": { class: "DISABILITY", subject: lease },
  "RehousingAssessment.protectedOver70": { class: "BIRTH_DATE", derivedFrom: "a tenant's age on the decisive refusal (art. 67 §1 al. 5)", subject: lease },
  "RehousingCase.waiverReason": { class: "SITUATION", derivedFrom: "the commission's reasons about the household", subject: scopedRow },
  "Inventory.notes": { class: "SITUATION", subject: scopedRow },
  "RentInformationRequest.note": { class: "SITUATION", subject: scopedRow },
  "DepositWithheldSum.reason": { class: "SITUATION", derivedFrom: "the tenant's arrears and damage", subject: scopedRow, masked: maskedText("SITUATION") },
  "AllocationOffer.reason": { class: "SITUATION", derivedFrom: "the candidate's justification of a refusal", subject: scopedRow },
  "CommissionDeliberation.reasons": {
    class: "SITUATION",
    derivedFrom: "the commission's reasons about the candidate",
    subject: scopedRow,
    masked: maskedText("SITUATION"),
  },
  "CriterionContribution.detail": {
    class: "INCOME",
    derivedFrom: "the candidate's household, incomes, home and health (art. 57 §1)",
    subject: (c: { candidateId: string }) => ({ kind: "candidate", id: c.candidateId }),
  },
  "EligibilityFailure.memberKey": { class: "IDENTITY", subject: decided },
  "EligibilityResult.income": { class: "INCOME", subject: decided },
  "EligibilityResult.ceiling": { class: "INCOME", derivedFrom: "the household's income compared", subject: decided },
};

/**
 * Rows left out (not nulled) for a caller who may not see their subject, because their non-null
 * fields would give the value away: a lease deadline dated by a young tenant's 32nd birthday.
 */
export const OMITTED_ROWS = {
  LeaseDeadline: {
    class: "BIRTH_DATE" as PersonalDataClass,
    derivedFrom: "the young tenant's birth date (YOUNG_TENANT_AGE, art. 69)",
    when: (d: { description: string }) => d.description.includes("YOUNG_TENANT_AGE"),
  },
};

/**
 * Audit payload keys (at any depth) → class; their values are replaced by a band or by the class
 * name. A key naming a composite (a rent computation with its trace, a termination with its facts,
 * successors, evidence) is masked AS A WHOLE: whatever the object under it holds, none of it is
 * read. The same keys mask the JSON fields of FIELD_CLASSES (`maskPayload`), e.g.
 * `LeaseTermination.computation`.
 */
export const AUDIT_KEY_CLASSES: Readonly<Record<string, PersonalDataClass>> = {
  registerNumber: "IDENTITY",
  firstName: "IDENTITY",
  lastName: "IDENTITY",
  name: "IDENTITY",
  personId: "IDENTITY",
  successors: "IDENTITY",
  passesTo: "IDENTITY",
  birthDate: "BIRTH_DATE",
  tenantBirthDate: "BIRTH_DATE",
  birthDates: "BIRTH_DATE",
  over70: "BIRTH_DATE",
  termination: "BIRTH_DATE",
  address: "CONTACT",
  email: "CONTACT",
  phone: "CONTACT",
  workplaceMunicipalityId: "CONTACT",
  residentSince: "RESIDENCE",
  residenceStatus: "RESIDENCE",
  residenceTitleEndsOn: "RESIDENCE",
  annualNetIncome: "INCOME",
  annualNetDisposableIncome: "INCOME",
  grossAnnualUncapped: "INCOME",
  grossAnnual: "INCOME",
  grossMonthly: "INCOME",
  effortRate: "INCOME",
  band: "INCOME",
  lowIncomeThreshold: "INCOME",
  lowIncome: "INCOME",
  maxEffort: "INCOME",
  rentCeiling: "INCOME",
  grossAnnualCap: "INCOME",
  scoreBreakdown: "INCOME",
  maxEffortThreshold: "INCOME",
  rentCeilingThreshold: "INCOME",
  thresholds: "INCOME",
  figures: "INCOME",
  trace: "INCOME",
  rentComputation: "INCOME",
  computation: "INCOME",
  income: "INCOME",
  incomes: "INCOME",
  incomeComponents: "INCOME",
  isDependent: "INCOME",
  workingLifeStartYear: "INCOME",
  holdsOtherDwellingRight: "INCOME",
  medicalReasonEvidence: "HEALTH",
  medicalReasonDocumentedOn: "HEALTH",
  hasDisability: "DISABILITY",
  disabledMember: "DISABILITY",
  protection: "DISABILITY",
  evidence: "SITUATION",
  waiverReason: "SITUATION",
  reasons: "SITUATION",
  situation: "SITUATION",
  situations: "SITUATION",
  closureReason: "SITUATION",
  endFacts: "SITUATION",
  withheld: "SITUATION",
  notes: "SITUATION",
  note: "SITUATION",
  minutes: "SITUATION",
};

/** Income keys whose value is an amount: shown as an income band; other INCOME keys as `masked:INCOME`. */
const INCOME_AMOUNT_KEYS = new Set([
  "annualNetIncome",
  "annualNetDisposableIncome",
  "income",
  "lowIncomeThreshold",
  "maxEffortThreshold",
  "rentCeilingThreshold",
  "lowIncome",
  "maxEffort",
  "rentCeiling",
]);

/**
 * Keys of a lease's payloads whose dates may be a person's (the 32nd birthday of a young tenant,
 * the tenant's death): kept as the year only (YYYY-01-01) in audit payloads of leases and in a
 * termination's computation.
 */
export const DERIVED_DATE_KEYS: ReadonlySet<string> = new Set(["endsOn", "effectiveOn", "latestEndOn", "occupancyTitleLostOn", "diedOn", "terminationOn"]);
const DERIVED_DATE_ENTITIES = new Set(["Lease", "LeaseTermination"]);

/** Entity types whose audit payload `name` is a person's (commission members are named in their capacity, not masked). */
const PERSON_NAME_ENTITIES = new Set(["Candidate", "HouseholdMember", "Household"]);

function maskedAuditValue(cls: PersonalDataClass, value: unknown, key: string): unknown {
  if (value === null || value === undefined) return value;
  if (cls === "INCOME" && INCOME_AMOUNT_KEYS.has(key) && (typeof value === "string" || typeof value === "number")) return incomeBand(value) ?? `masked:${cls}`;
  if (cls === "BIRTH_DATE" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) return ageBandOfIso(value);
  return `masked:${cls}`;
}

/** A payload (audit `before`/`after`, a JSON field) with every classified key masked, at any depth; a composite key as a whole. */
export function maskPayload(payload: unknown, entityType: string): unknown {
  const dates = DERIVED_DATE_ENTITIES.has(entityType);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object" || v instanceof Date) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const cls = k === "name" ? (PERSON_NAME_ENTITIES.has(entityType) ? "IDENTITY" : undefined) : AUDIT_KEY_CLASSES[k];
      if (cls) out[k] = maskedAuditValue(cls, x, k);
      else if (dates && DERIVED_DATE_KEYS.has(k) && (typeof x === "string" || x instanceof Date))
        out[k] = coarseYear(x instanceof Date ? x.toISOString().slice(0, 10) : x);
      else out[k] = walk(x);
    }
    return out;
  };
  return walk(payload);
}

/** An audit payload with every classified key masked (at any depth): `maskPayload`. */
export const maskAuditPayload = maskPayload;

export interface MaskContext {
  readonly viewer: Viewer;
  readonly loaders: { candidatePersonalData: { load(id: string): Promise<boolean> }; householdPersonalData: { load(id: string): Promise<boolean> } };
}

/** Whether the caller sees the subject's personal data (loaders: one statement per page, access logged). */
export async function mayUnmask(ctx: MaskContext, subject: Subject): Promise<boolean> {
  switch (subject.kind) {
    case "candidate":
      return ctx.loaders.candidatePersonalData.load(subject.id);
    case "household":
      return ctx.loaders.householdPersonalData.load(subject.id);
    case "lease":
      // Leases are read only by the ministry and their own landlord (access/tenant.ts): the
      // landlord holds its tenants' data for the lease (GDPR art. 6 1 b); the analysts never.
      if (isMinistryAdmin(ctx.viewer)) return true;
      return isLandlord(ctx.viewer) && (subject.landlordId === null || subject.landlordId === organisationOf(ctx.viewer));
    case "decided":
      return subject.visible;
  }
}

/**
 * Whether a computation may consider a lease's health data (the seniors' medical reason for one
 * more bedroom, bill art. 31 → art. 54 §2 al. 3): its landlord and the ministry's administrators
 * may; analysts may not. A result computed for a caller who may not is computed as if no medical
 * reason were recorded and says so, so that neither its verdict nor its threshold reveals one.
 */
export function mayConsiderLeaseHealth(ctx: MaskContext, landlordId: string): Promise<boolean> {
  return mayUnmask(ctx, { kind: "lease", landlordId });
}

/** THE mask: the value, or null when the caller may not see the subject's personal data. */
export async function maskField<T>(ctx: MaskContext, key: string, parent: unknown, value: T): Promise<T | null> {
  const spec = FIELD_CLASSES[key];
  if (!spec || value === null || value === undefined) return value;
  if (spec.when && !spec.when(parent as never)) return value;
  if (await mayUnmask(ctx, spec.subject(parent as never))) return value;
  return spec.masked ? (spec.masked(value as never, parent as never) as T) : null;
}

/** Rows to omit for the caller (see OMITTED_ROWS); every other row is kept. */
export function omitRow(ctx: MaskContext, type: keyof typeof OMITTED_ROWS, row: { description: string }): boolean {
  return OMITTED_ROWS[type].when(row) && !(isMinistryAdmin(ctx.viewer) || isLandlord(ctx.viewer));
}

/**
 * Wraps every classified field's resolver with `maskField`. Fails at start when the registry names
 * a field the schema does not have, or a non-null field (a mask must be able to answer null).
 */
export function applyPersonalDataMasks(schema: GraphQLSchema): GraphQLSchema {
  unmaskPerVacancy(); // a wrong operator setting stops the start
  for (const key of Object.keys(FIELD_CLASSES)) {
    const [typeName, fieldName] = key.split(".") as [string, string];
    const type = schema.getType(typeName);
    const field = type && isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`personal-data registry: ${key} is not a field of the schema`);
    if (isNonNullType(field.type) && typeName !== "CandidatePersonalData" && !FIELD_CLASSES[key]!.masked)
      throw new Error(`personal-data registry: ${key} is non-null and has no masked form, a mask could not hide it`);
    const inner: GraphQLFieldResolver<unknown, MaskContext> = (field.resolve as GraphQLFieldResolver<unknown, MaskContext> | undefined) ?? defaultFieldResolver;
    field.resolve = async (parent, args, ctx, info) => maskField(ctx, key, parent, await inner(parent, args, ctx, info));
  }
  return schema;
}
