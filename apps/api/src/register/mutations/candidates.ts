/**
 * The register's write path (registre national des logements abordables, law art. 74; issue 13
 * §3), kept by register administrators — the ministry's administrators, since the minister keeps
 * the register (art. 74): candidates and their households (communauté domestique, art. 3), each
 * member with their own residence title and its dates (art. 55 §1 4°), income by kind as art. 56
 * §3 counts it, disability and workplace (art. 58); the application with its introduction date;
 * the yearly revision of the criteria (art. 57 §3); withdrawal and closure; one candidate
 * household per person (art. 55 §2); a candidate's data report; anonymisation after the
 * operator's retention period.
 *
 * Audit records of these mutations hold no personal data (IDs, counts and dates only): the audit
 * trail is append-only, and anonymisation must leave nothing behind it.
 */
import { randomUUID } from "node:crypto";
import { addMonths, ageInFullYears, householdIncome, isoOfDate as iso, resolveDecimal, todayIso, type IncomeItem, type Member } from "@abordable/domain";
import type { Prisma } from "../../generated/prisma/client.js";
import type { HouseholdRole } from "../../generated/prisma/enums.js";
import { builder } from "../../schema/builder.js";
import { ApplicationMotiveEnum, HouseholdRoleEnum, MemberSituationEnum, ResidenceStatusEnum } from "../../schema/enums.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../../schema/user-errors.js";
import { runMutation } from "../../schema/mutation.js";
import { asDate, checkDecimal, checkId, checkInt, checkText } from "../../schema/validate.js";
import { operatorOptions as operatorRegime } from "../../schema/legal-options.js";
import type { Context } from "../../schema/context.js";
import { CandidateRef } from "../types/candidate.js";
import { candidateInScope } from "../../access/policy.js";
import { retentionSetting } from "../adapters/retention.js";
import { incomeBandFloor } from "../../privacy/bands.js";
import { applicationsChanged } from "../adapters/application-changes.js";

type Tx = Prisma.TransactionClient;
type CandidateRow = NonNullable<Awaited<ReturnType<typeof candidateInScope>>>;

// ───────────── inputs ─────────────

export const IncomeKindEnum = builder.enumType("IncomeKind", {
  description: "Kind of income as art. 56 §3 counts it.",
  values: {
    NET_TAXABLE_INCOME: { description: "Net income under art. 10 LIR, after social contributions and taxes withheld (art. 56 §3 1°)." },
    ALIMONY_RECEIVED: { description: "Alimony received (rentes alimentaires perçues, art. 56 §3 2°)." },
    ACCIDENT_ANNUITY: { description: "Net accident annuities (art. 56 §3 3°)." },
    FAMILY_ALLOWANCE: { description: "Family allowances (art. 56 §3 4°; not counted for annex II)." },
    OVERTIME: { description: "Gross pay for overtime, art. 115 no. 11 LIR (art. 56 §3 5°)." },
    ALIMONY_PAID: { description: "Alimony paid (rentes alimentaires virées): deducted (art. 56 §3 al. 2)." },
    INTERNSHIP: { description: "Internship pay: income only if the intern was insured for sickness and pension (art. 56 §3 al. 3)." },
  } as const,
});

const IncomeInput = builder.inputType("IncomeInput", {
  description: "An income item of a member for the reference year (art. 56).",
  fields: (t) => ({
    kind: t.field({ type: IncomeKindEnum, required: true, description: "Kind (art. 56 §3)." }),
    amount: t.field({ type: "Decimal", required: true, description: "Amount over `months` months (or the last known monthly amount), EUR, at least 0." }),
    months: t.int({
      required: false,
      description: "Months of the reference year it covers, 1-12 (default 12): an occupation not exercised all year is extrapolated (art. 56 §2).",
    }),
    lastKnownMonthly: t.boolean({
      required: false,
      description: "Change of employer or contract, or no income that year: `amount` is the last known monthly income, extrapolated (art. 56 §2).",
    }),
    insured: t.boolean({ required: false, description: "INTERNSHIP only: insured for sickness and pension during the internship (art. 56 §3 al. 3)." }),
  }),
});

const MemberInput = builder.inputType("HouseholdMemberInput", {
  description: "A member of the household (communauté domestique, art. 3), the applicant included.",
  fields: (t) => ({
    role: t.field({ type: HouseholdRoleEnum, required: true, description: "Place in the household; exactly one APPLICANT." }),
    firstName: t.string({ required: true, description: "First name (at most 100 characters)." }),
    lastName: t.string({ required: true, description: "Last name (at most 100 characters)." }),
    birthDate: t.field({ type: "Date", required: true, description: "Date of birth." }),
    partnerIndex: t.int({ required: false, description: "Index in `members` of the member this one forms a couple with (bill art. 3 4°bis)." }),
    residenceStatus: t.field({ type: ResidenceStatusEnum, required: false, description: "The member's own residence title (art. 55 §1 4°)." }),
    residentSince: t.field({ type: "Date", required: false, description: "Holder of that title since." }),
    residenceTitleEndsOn: t.field({ type: "Date", required: false, description: "End of that title, when it has one; after residentSince." }),
    hasDisability: t.boolean({ required: false, description: "Has a disability (art. 57 §1 6°)." }),
    workplaceMunicipalityCode: t.string({ required: false, description: "Municipality of the workplace (art. 58 2°)." }),
    isDependent: t.boolean({ required: false, description: "Dependent child (enfant à charge, art. 56 §3 al. 5): income ignored." }),
    workingLifeStartYear: t.int({ required: false, description: "Year the child entered working life (counted at 0/25/50/100 %, art. 56 §3 al. 4)." }),
    holdsOtherDwellingRight: t.boolean({
      required: false,
      description: "Holds ownership, usufruct, emphyteusis or a right of abode on another dwelling (art. 55 §1 2°).",
    }),
    incomes: t.field({ type: [IncomeInput], required: false, description: "Income of the reference year by kind (art. 56 §3)." }),
    situations: t.field({
      type: [MemberSituationEnum],
      required: false,
      description:
        "Situations placing the member in a dedicated sub-category (art. 12 §3), on evidence the register administrator holds; signLease checks a dedicated dwelling's sub-category against them. Each at most once.",
    }),
  }),
});

const RegisterCandidateInput = builder.inputType("RegisterCandidateInput", {
  description: "A new candidate on the register with the household and the application (demande, art. 74).",
  fields: (t) => ({
    address: t.string({ required: true, description: "Current address of the applicant (at most 300 characters)." }),
    municipalityCode: t.string({ required: true, description: "Municipality of residence." }),
    email: t.string({ required: false, description: "E-mail address (at most 200 characters)." }),
    phone: t.string({ required: false, description: "Telephone number (at most 50 characters)." }),
    incomeYear: t.int({ required: true, description: "Calendar year of the incomes declared (art. 56 §2: the year before the determination)." }),
    members: t.field({ type: [MemberInput], required: true, description: "Members, the applicant (role APPLICANT) included; at most 20." }),
    introducedOn: t.field({
      type: "Date",
      required: true,
      description: "Date the application was introduced (introduction de la demande, art. 55 §1 1°); not in the future.",
    }),
    registeredOn: t.field({ type: "Date", required: false, description: "Registration date (seniority); default the introduction date." }),
    motive: t.field({ type: ApplicationMotiveEnum, required: true, description: "Motive of the application." }),
  }),
});

const ReviseCandidateInput = builder.inputType("ReviseCandidateInput", {
  description: "The yearly revision of a candidate's criteria (art. 57 §3); fields left out stay as they are.",
  fields: (t) => ({
    candidateId: t.id({ required: true, description: "The candidate." }),
    revisedOn: t.field({ type: "Date", required: true, description: "Date of the revision; not in the future." }),
    incomeYear: t.int({ required: false, description: "New income year (with members)." }),
    members: t.field({ type: [MemberInput], required: false, description: "The household as it is now (replaces the members)." }),
    address: t.string({ required: false, description: "New address." }),
    municipalityCode: t.string({ required: false, description: "New municipality of residence." }),
    motive: t.field({ type: ApplicationMotiveEnum, required: false, description: "New motive." }),
  }),
});

const CloseApplicationKindEnum = builder.enumType("CloseApplicationKind", {
  description: "Why an application leaves the register.",
  values: {
    WITHDRAWAL: { description: "The candidate withdrew it." },
    CLOSURE: { description: "The register closed it (conditions no longer met, no answer, …)." },
  } as const,
});

const CloseApplicationInput = builder.inputType("CloseApplicationInput", {
  description: "Withdrawal or closure of a candidate's active application.",
  fields: (t) => ({
    candidateId: t.id({ required: true, description: "The candidate." }),
    kind: t.field({ type: CloseApplicationKindEnum, required: true, description: "Withdrawal or closure." }),
    on: t.field({ type: "Date", required: true, description: "Date; not in the future." }),
    reason: t.string({ required: true, description: "Reason (at most 500 characters)." }),
  }),
});

const AnonymiseCandidateInput = builder.inputType("AnonymiseCandidateInput", {
  description: "A candidate whose retention period has run out.",
  fields: (t) => ({ candidateId: t.id({ required: true, description: "The candidate." }) }),
});

const CandidatePayload = builder.objectRef<{ candidate: CandidateRow | { id: string } | null; userErrors: UserError[] }>("CandidatePayload").implement({
  description: "Result of a register mutation.",
  fields: (t) => ({
    candidate: t.field({
      type: CandidateRef,
      nullable: true,
      description: "The candidate as changed; null when there are user errors.",
      resolve: (p) => p.candidate as never,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

builder.prismaObjectFields("Application", (t) => ({
  introducedOn: t.expose("introducedOn", { type: "Date", nullable: true, description: "Date the application was introduced (introduction de la demande)." }),
  lastRevisedOn: t.expose("lastRevisedOn", { type: "Date", nullable: true, description: "Last yearly revision of the criteria (art. 57 §3)." }),
  closedOn: t.expose("closedOn", { type: "Date", nullable: true, description: "Withdrawal or closure date." }),
  evaluationOutdated: t.boolean({
    description:
      "The criteria were last evaluated (revision, else registration) more than `register.criteriaRevision.intervalMonths` months ago: due for the revision of art. 57 §3. False for a closed application.",
    select: { registeredOn: true, lastRevisedOn: true, status: true },
    resolve: (a, _args, ctx) => a.status === "ACTIVE" && isOutdated(a.lastRevisedOn ?? a.registeredOn, todayIso(), ctx),
  }),
}));

// ───────────── rules ─────────────

function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

/** Art. 57 §3: evaluated more than the parameter's months before `today`. */
function isOutdated(evaluated: Date, today: string, ctx: Pick<Context, "legal">): boolean {
  const months = Number(resolveDecimal("register.criteriaRevision.intervalMonths", today, operatorRegime(ctx)).value.toFixed(0));
  // The kernel's calendar: a month added to 31 January is 28/29 February, not 3 March.
  return addMonths(iso(evaluated), months) < today;
}

type MemberIn = typeof MemberInput.$inferInput;

/** The member's income for the year as art. 56 counts it (the domain's householdIncome on the member alone). */
function countedIncome(m: MemberIn, i: number, incomeYear: number, ctx: Context): string {
  const incomes: IncomeItem[] = (m.incomes ?? []).map((x) => ({
    kind: x.kind,
    amount: x.amount.toFixed(),
    ...(x.months != null && { months: x.months }),
    ...(x.lastKnownMonthly != null && { lastKnownMonthly: x.lastKnownMonthly }),
    ...(x.insured != null && { insured: x.insured }),
  }));
  const member: Member = {
    id: `m${i}`,
    birthDate: m.birthDate,
    role: m.role === "APPLICANT" ? "APPLICANT" : "MEMBER",
    incomes,
    ...((m.isDependent || m.workingLifeStartYear != null) && {
      child: {
        ...(m.isDependent && { familyAllowanceReceived: true }),
        ...(m.workingLifeStartYear != null && { workingLifeStartYear: m.workingLifeStartYear }),
      },
    }),
  };
  return householdIncome({ members: [member] }, `${incomeYear + 1}-01-01`, operatorRegime(ctx)).annual.toFixed(2);
}

/** Checks the members (names, dates, roles, couples, residence titles, incomes) and returns the rows to create. */
async function checkMembers(
  tx: Tx,
  p: Problems,
  ctx: Context,
  members: readonly MemberIn[],
  incomeYear: number,
  introducedOn: string,
  exceptCandidateId: string | null,
) {
  const applicants = members.filter((m) => m.role === "APPLICANT");
  if (members.length === 0 || members.length > 20) p.add("members", "OUT_OF_RANGE", "A household has 1 to 20 members");
  if (applicants.length !== 1)
    p.add("members", "RULE_VIOLATION", `A household has exactly one applicant (role APPLICANT); got ${applicants.length}`, "law art. 3");
  const workplaces = new Set<string>();
  members.forEach((m, i) => {
    const f = (name: string) => `members.${i}.${name}`;
    checkText(p, f("firstName"), m.firstName, { max: 100, required: true });
    checkText(p, f("lastName"), m.lastName, { max: 100, required: true });
    checkText(p, f("workplaceMunicipalityCode"), m.workplaceMunicipalityCode, { max: 64 });
    if (m.workplaceMunicipalityCode) workplaces.add(m.workplaceMunicipalityCode);
    if (m.birthDate > introducedOn) p.add(f("birthDate"), "OUT_OF_RANGE", "Born after the introduction of the application");
    if (m.situations && new Set(m.situations).size !== m.situations.length) p.add(f("situations"), "INVALID_VALUE", "Each situation is given at most once");
    if (m.partnerIndex != null && (m.partnerIndex < 0 || m.partnerIndex >= members.length || m.partnerIndex === i))
      p.add(f("partnerIndex"), "OUT_OF_RANGE", `partnerIndex must name another member (0-${members.length - 1})`);
    if (m.residentSince && m.residentSince > introducedOn)
      p.add(f("residentSince"), "RULE_VIOLATION", "The residence title must be held at the application", "law art. 55 §1 4°");
    if (m.residenceTitleEndsOn && m.residentSince && m.residenceTitleEndsOn <= m.residentSince)
      p.add(f("residenceTitleEndsOn"), "OUT_OF_RANGE", "residenceTitleEndsOn must be after residentSince");
    if (m.residenceTitleEndsOn && m.residenceTitleEndsOn < introducedOn)
      p.add(f("residenceTitleEndsOn"), "RULE_VIOLATION", "The residence title had ended at the application", "law art. 55 §1 4°");
    checkInt(p, f("workingLifeStartYear"), m.workingLifeStartYear, { min: 1900, max: incomeYear + 1 });
    (m.incomes ?? []).forEach((x, j) => {
      checkDecimal(p, `members.${i}.incomes.${j}.amount`, x.amount, { max: "100000000", scale: 2, unit: "EUR" });
      if (x.amount.isNegative()) p.add(`members.${i}.incomes.${j}.amount`, "OUT_OF_RANGE", "An income amount is not negative (alimony paid has its own kind)");
      checkInt(p, `members.${i}.incomes.${j}.months`, x.months, { min: 1, max: 12 });
    });
  });
  const applicant = applicants[0];
  if (applicant && !p.any) {
    // Art. 55 §1 1°: an adult on the day the application is introduced.
    const majority = Number(resolveDecimal("eligibility.majorityAge", introducedOn, operatorRegime(ctx)).value.toFixed(0));
    if (ageInFullYears(applicant.birthDate, introducedOn) < majority)
      p.add("members", "RULE_VIOLATION", `The applicant must be at least ${majority} on the day the application is introduced`, "law art. 55 §1 1°");
  }
  if (p.any) return null;
  for (const code of workplaces)
    if (!(await tx.municipality.findUnique({ where: { id: code } })))
      p.add("members", "NOT_FOUND", `No municipality with code "${code}" (workplaceMunicipalityCode)`);
  // Art. 55 §2: a person counts in one candidate's household only. A person is matched by name
  // and date of birth (the register holds no national identification number); a tenant's
  // household does not count (al. 2: a tenant's member may apply in their own right).
  for (const [i, m] of members.entries()) {
    const other = await tx.householdMember.findFirst({
      where: {
        firstName: { equals: m.firstName.trim(), mode: "insensitive" },
        lastName: { equals: m.lastName.trim(), mode: "insensitive" },
        birthDate: asDate(m.birthDate),
        household: {
          leases: { none: { status: "ACTIVE" } },
          candidate: {
            anonymisedAt: null,
            applications: { some: { status: { in: ["ACTIVE", "SUSPENDED"] } } },
            ...(exceptCandidateId && { id: { not: exceptCandidateId } }),
          },
        },
      },
    });
    if (other)
      p.add(`members.${i}`, "RULE_VIOLATION", "This person is already in the household of another candidate with an open application", "law art. 55 §2");
  }
  if (p.any) return null;
  return members.map((m, i) => ({
    id: randomUUID(),
    role: m.role as HouseholdRole,
    firstName: m.firstName.trim(),
    lastName: m.lastName.trim(),
    birthDate: asDate(m.birthDate),
    hasDisability: m.hasDisability ?? false,
    workplaceMunicipalityId: m.workplaceMunicipalityCode ?? null,
    isDependent: m.isDependent ?? false,
    holdsOtherDwellingRight: m.holdsOtherDwellingRight ?? false,
    residenceStatus: m.residenceStatus ?? null,
    workingLifeStartYear: m.workingLifeStartYear ?? null,
    residentSince: m.residentSince ? asDate(m.residentSince) : null,
    residenceTitleEndsOn: m.residenceTitleEndsOn ? asDate(m.residenceTitleEndsOn) : null,
    incomeComponents: (m.incomes ?? []).map((x) => ({
      kind: x.kind,
      amount: x.amount.toFixed(2),
      months: x.months ?? 12,
      lastKnownMonthly: x.lastKnownMonthly ?? false,
      insured: x.insured ?? null,
    })),
    annualNetIncome: countedIncome(m, i, incomeYear, ctx),
    partnerIndex: m.partnerIndex ?? null,
    situations: m.situations ?? [],
  }));
}

async function writeMembers(tx: Tx, householdId: string, rows: NonNullable<Awaited<ReturnType<typeof checkMembers>>>) {
  await tx.householdMember.createMany({ data: rows.map(({ partnerIndex: _p, ...r }) => ({ ...r, householdId })) });
  for (const r of rows) if (r.partnerIndex !== null) await tx.householdMember.update({ where: { id: r.id }, data: { partnerId: rows[r.partnerIndex]!.id } });
}

/** What the audit trail keeps of a register change: no personal data. */
const auditView = (c: { id: string; registerNumber: string }, extra: Record<string, unknown> = {}) => ({
  candidateId: c.id,
  registerNumber: c.registerNumber,
  ...extra,
});

// ───────────── mutations ─────────────

builder.mutationField("registerCandidate", (t) =>
  t.field({
    type: CandidatePayload,
    description:
      "Registers a candidate with the household and the application on the national register (art. 74; register administrators: ministry administrators).",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: RegisterCandidateInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "registerCandidate", async (tx) => {
        const p = new Problems();
        const address = checkText(p, "address", input.address, { max: 300, required: true });
        const municipality = checkText(p, "municipalityCode", input.municipalityCode, { max: 64, required: true });
        const email = checkText(p, "email", input.email, { max: 200 });
        const phone = checkText(p, "phone", input.phone, { max: 50 });
        const today = todayIso();
        if (input.introducedOn > today) p.add("introducedOn", "OUT_OF_RANGE", "introducedOn is in the future");
        if (input.registeredOn && (input.registeredOn < input.introducedOn || input.registeredOn > today))
          p.add("registeredOn", "OUT_OF_RANGE", "registeredOn is between the introduction and today");
        checkInt(p, "incomeYear", input.incomeYear, { min: 2000, max: Number(input.introducedOn.slice(0, 4)) });
        if (p.any) fail(p);
        if (!(await tx.municipality.findUnique({ where: { id: municipality! } })))
          p.add("municipalityCode", "NOT_FOUND", `No municipality with code "${municipality}"`);
        const rows = await checkMembers(tx, p, ctx, input.members, input.incomeYear, input.introducedOn, null);
        if (p.any || !rows) fail(p);
        const applicant = rows.find((r) => r.role === "APPLICANT")!;
        const candidate = await tx.candidate.create({
          data: {
            registerNumber: `RNLA-${input.introducedOn.slice(0, 4)}-${randomUUID().slice(0, 8).toUpperCase()}`,
            firstName: applicant.firstName,
            lastName: applicant.lastName,
            birthDate: applicant.birthDate,
            address: address!,
            municipalityId: municipality!,
            residenceStatus: applicant.residenceStatus ?? "NONE",
            residentSince: applicant.residentSince,
            email: email ?? null,
            phone: phone ?? null,
          },
        });
        const household = await tx.household.create({ data: { candidateId: candidate.id, incomeYear: input.incomeYear, memberCount: rows.length } });
        await writeMembers(tx, household.id, rows);
        await tx.application.create({
          data: {
            candidateId: candidate.id,
            registeredOn: asDate(input.registeredOn ?? input.introducedOn),
            introducedOn: asDate(input.introducedOn),
            motive: input.motive,
            lastRevisedOn: asDate(input.registeredOn ?? input.introducedOn),
          },
        });
        // The application's inputs as an immutable, hashed snapshot (issue 16): what a shortlist references.
        await applicationsChanged(tx, { candidateId: candidate.id });
        return {
          result: candidate,
          entityType: "Candidate",
          entityId: candidate.id,
          before: null,
          after: auditView(candidate, { members: rows.length, introducedOn: input.introducedOn }),
        };
      });
      return { candidate: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("reviseCandidate", (t) =>
  t.field({
    type: CandidatePayload,
    description:
      "Records the yearly revision of a candidate's criteria (art. 57 §3), with the household and incomes as they are now (register administrators).",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: ReviseCandidateInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "reviseCandidate", async (tx) => {
        const p = new Problems();
        const id = checkId(p, "candidateId", input.candidateId, "Candidate");
        const address = checkText(p, "address", input.address, { max: 300 });
        const municipality = checkText(p, "municipalityCode", input.municipalityCode, { max: 64 });
        if (input.revisedOn > todayIso()) p.add("revisedOn", "OUT_OF_RANGE", "revisedOn is in the future");
        checkInt(p, "incomeYear", input.incomeYear, { min: 2000, max: Number(input.revisedOn.slice(0, 4)) });
        if ((input.incomeYear == null) !== (input.members == null))
          p.add("members", "REQUIRED", "A new income year comes with the members' incomes for it, and the other way round", "law art. 56 §2");
        if (p.any) fail(p);
        const c = await candidateInScope(tx, ctx.viewer, p, "candidateId", id);
        if (!c) fail(p);
        const application = c.applications.find((a) => a.status === "ACTIVE");
        if (c.anonymisedAt) p.add("candidateId", "INVALID_STATE", "This candidate was anonymised");
        else if (!application) p.add("candidateId", "INVALID_STATE", "The candidate has no active application to revise");
        else if (input.revisedOn < iso(application.lastRevisedOn ?? application.registeredOn))
          p.add("revisedOn", "OUT_OF_RANGE", "revisedOn is before the last evaluation");
        if (municipality && !(await tx.municipality.findUnique({ where: { id: municipality } })))
          p.add("municipalityCode", "NOT_FOUND", `No municipality with code "${municipality}"`);
        const rows = input.members ? await checkMembers(tx, p, ctx, input.members, input.incomeYear!, input.revisedOn, c.id) : null;
        if (p.any || !application) fail(p);
        if (rows && c.household) {
          // The members are replaced: links to them (couples) go first.
          await tx.householdMember.updateMany({ where: { householdId: c.household.id }, data: { partnerId: null } });
          await tx.householdMember.deleteMany({ where: { householdId: c.household.id } });
          await writeMembers(tx, c.household.id, rows);
          await tx.household.update({ where: { id: c.household.id }, data: { incomeYear: input.incomeYear!, memberCount: rows.length } });
          const applicant = rows.find((r) => r.role === "APPLICANT")!;
          await tx.candidate.update({
            where: { id: c.id },
            data: {
              firstName: applicant.firstName,
              lastName: applicant.lastName,
              birthDate: applicant.birthDate,
              residenceStatus: applicant.residenceStatus ?? c.residenceStatus,
              residentSince: applicant.residentSince,
            },
          });
        }
        const after = await tx.candidate.update({
          where: { id: c.id },
          data: { ...(address && { address }), ...(municipality && { municipalityId: municipality }) },
        });
        await tx.application.update({
          where: { id: application.id },
          data: { lastRevisedOn: asDate(input.revisedOn), ...(input.motive && { motive: input.motive }) },
        });
        // The yearly revision (art. 57 §3) snapshots every application of the candidate again (a new hash when an input changed).
        await applicationsChanged(tx, { candidateId: c.id });
        return {
          result: after,
          entityType: "Candidate",
          entityId: c.id,
          before: auditView(c, { lastRevisedOn: application.lastRevisedOn }),
          after: auditView(after, { lastRevisedOn: input.revisedOn, members: rows?.length ?? null }),
        };
      });
      return { candidate: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("closeApplication", (t) =>
  t.field({
    type: CandidatePayload,
    description: "Records the withdrawal or closure of a candidate's active application (register administrators).",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: CloseApplicationInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "closeApplication", async (tx) => {
        const p = new Problems();
        const id = checkId(p, "candidateId", input.candidateId, "Candidate");
        const reason = checkText(p, "reason", input.reason, { max: 500, required: true });
        if (input.on > todayIso()) p.add("on", "OUT_OF_RANGE", "on is in the future");
        if (p.any) fail(p);
        const c = await candidateInScope(tx, ctx.viewer, p, "candidateId", id);
        if (!c) fail(p);
        const application = c.applications.find((a) => a.status === "ACTIVE" || a.status === "SUSPENDED");
        if (!application) p.add("candidateId", "INVALID_STATE", "The candidate has no open application");
        else if (input.on < iso(application.registeredOn)) p.add("on", "OUT_OF_RANGE", "on is before the registration");
        if (p.any || !application) fail(p);
        await tx.application.update({
          where: { id: application.id },
          data: { status: "WITHDRAWN", closedOn: asDate(input.on), closureReason: `${input.kind}: ${reason}` },
        });
        return {
          result: c,
          entityType: "Candidate",
          entityId: c.id,
          before: auditView(c, { status: application.status }),
          after: auditView(c, { status: "WITHDRAWN", kind: input.kind, on: input.on }),
        };
      });
      return { candidate: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("anonymiseCandidate", (t) =>
  t.field({
    type: CandidatePayload,
    description:
      "Anonymises a candidate once the retention period (operator setting ABORDABLE_REGISTER_RETENTION_MONTHS, with its source in ABORDABLE_REGISTER_RETENTION_SOURCE) has run from the closure of the last application: register number, names, contact, address, residence dates, disability, workplaces, other dwelling rights and refusal reasons are erased, birth dates kept as the year and incomes as the lower bound of their EUR 20,000 band; the record stays for statistics.",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: AnonymiseCandidateInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "anonymiseCandidate", async (tx) => {
        const p = new Problems();
        const id = checkId(p, "candidateId", input.candidateId, "Candidate");
        if (p.any) fail(p);
        const c = await candidateInScope(tx, ctx.viewer, p, "candidateId", id);
        if (!c) fail(p);
        const retention = retentionSetting();
        if (c.anonymisedAt) p.add("candidateId", "INVALID_STATE", "Already anonymised");
        else if (!retention.ok) p.add("candidateId", "INVALID_STATE", retention.message);
        else if (c.applications.some((a) => a.status === "ACTIVE" || a.status === "SUSPENDED"))
          p.add("candidateId", "INVALID_STATE", "The candidate has an open application");
        else if (c.household && (await tx.lease.count({ where: { householdId: c.household.id, status: "ACTIVE" } })) > 0)
          p.add("candidateId", "INVALID_STATE", "The candidate's household has an active lease");
        else {
          const closed = c.applications.map((a) => a.closedOn ?? a.updatedAt).sort((a, b) => b.getTime() - a.getTime())[0] ?? c.updatedAt;
          const until = addMonths(iso(closed), retention.months);
          if (until > todayIso())
            p.add("candidateId", "INVALID_STATE", `The retention period (${retention.months} months, ${retention.source}) runs until ${until}`);
        }
        if (p.any) fail(p);
        // Every personal field goes (issue 12 finding 3 e); what statistics need stays, coarsened:
        // the birth year, the municipality of residence, the residence title's kind, the household's
        // composition (roles, couples, dependants) and each income as the lower bound of its band.
        const yearOnly = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
        const after = await tx.candidate.update({
          where: { id: c.id },
          data: {
            registerNumber: `ANON-${c.id}`,
            firstName: "—",
            lastName: "—",
            birthDate: yearOnly(c.birthDate),
            address: "—",
            email: null,
            phone: null,
            residentSince: null,
            anonymisedAt: new Date(),
          },
        });
        for (const m of c.household?.members ?? []) {
          await tx.householdMember.update({
            where: { id: m.id },
            data: {
              firstName: "—",
              lastName: "—",
              birthDate: yearOnly(m.birthDate),
              annualNetIncome: incomeBandFloor(m.annualNetIncome),
              incomeComponents: [],
              hasDisability: false,
              workplaceMunicipalityId: null,
              holdsOtherDwellingRight: false,
              residenceStatus: null,
              residentSince: null,
              residenceTitleEndsOn: null,
              situations: [],
              workingLifeStartYear: null,
            },
          });
        }
        await tx.application.updateMany({ where: { candidateId: c.id }, data: { situation: [], closureReason: null, snapshotHash: null } });
        // The shortlist's input snapshots hold the same personal data (birth dates, incomes, titles): they go too, with
        // their precomputations (cascade). A decision record that referenced them can no longer be replayed for this
        // candidate: verifyShortlist answers snapshotsIntact false rather than keep the data (GDPR art. 5 §1 e, art. 17).
        await tx.applicationSnapshot.deleteMany({ where: { candidateId: c.id } });
        // A refusal's justification is the candidate's own words about their circumstances.
        await tx.allocationOffer.updateMany({ where: { application: { candidateId: c.id } }, data: { reason: null } });
        return { result: after, entityType: "Candidate", entityId: c.id, before: auditView(c), after: auditView(after, { anonymisedAt: after.anonymisedAt }) };
      });
      return { candidate: out.result, userErrors: out.userErrors };
    },
  }),
);
