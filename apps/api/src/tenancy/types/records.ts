/**
 * GraphQL types of the tenancy records (rent revisions, deposits and payments, inventories,
 * rehousing cases and offers, terminations). Records are reachable only through a lease the caller
 * may see, or through node lookups scoped by the lease's landlord (access/tenant.ts leaseScope).
 */
import {
  assessRehousing,
  Dec,
  depositBalance,
  depositExitStatement,
  roundMoney,
  todayIso,
  validateDepositSchedule,
  type DepositExitItem,
  type DepositExitStatement,
  type RehousingAssessment,
} from "@abordable/domain";
import type { Decimal } from "decimal.js";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { leaseScope } from "../../access/tenant.js";
import { isMinistry, organisationOf } from "../../identity/viewer.js";
import { builder } from "../../schema/builder.js";
import { moneyString } from "../../schema/money.js";
import { LegalReferenceRef, RuleTraceRef, LegalRegimeEnum, regimeOrThrow, ParameterVersionRef } from "../adapters/common.js";
import { type Installment, type Withheld, scheduleOf, withheldOf, depositAccountOf, depositExitOf } from "../adapters/deposit.js";
import { rehousingFileOf } from "../adapters/rehousing.js";
import { RENT_HISTORY_ORDER } from "../adapters/rent-history.js";
import { isRentRecord } from "../adapters/rent.js";
import { RentSettingReasonEnum, InventoryKindEnum, RehousingOfferOutcomeEnum, RehousingReasonEnum } from "./enums.js";
import { AffordableRentRef } from "./rent.js";

const money = (d: Decimal): string => roundMoney(d).toFixed(2);

// ───────────── enums ─────────────

// ───────────── records ─────────────

export const RentRevisionRef = builder.prismaObject("RentRevision", {
  description: "A rent set on the lease (law art. 61-62): at allocation or by revision, with its computation.",
  fields: (t) => ({
    reason: t.field({ type: RentSettingReasonEnum, description: "Why the rent was set.", resolve: (r) => r.reason as "ANNUAL" }),
    effectiveFrom: t.expose("effectiveFrom", { type: "Date", description: "First day the rent applies." }),
    monthlyRent: t.field({ type: "Decimal", description: "Monthly affordable net rent, EUR.", resolve: (r) => moneyString(r.monthlyRent)! }),
    computation: t.field({
      type: AffordableRentRef,
      nullable: true,
      description: "The art. 60 computation (null for a flat rent set without one).",
      resolve: (r) => (isRentRecord(r.computation) ? r.computation : null),
    }),
    detail: t.field({
      type: "JSON",
      nullable: true,
      description: "What triggered it and how the date was set (art. 62), as recorded; null for a rent set at allocation.",
      resolve: (r) => (r.computation as { revision?: unknown } | null)?.revision ?? null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was recorded." }),
  }),
});

export const RentInformationRequestRef = builder.prismaNode("RentInformationRequest", {
  description:
    "A request for information sent to the tenant for the rent (law art. 62 §1 al. 3): without an answer within two months, a flat rent up to the annex III cap may be asked.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, lease: leaseScope(ctx.viewer) }),
  fields: (t) => ({
    requestedOn: t.expose("requestedOn", { type: "Date", description: "Day the request was sent (starts the tenant's two months)." }),
    answeredOn: t.expose("answeredOn", { type: "Date", nullable: true, description: "Day the tenant's complete answer was received; null while unanswered." }),
    note: t.exposeString("note", { nullable: true, description: "What was asked, or a reference of the letter." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was recorded." }),
    lease: t.relation("lease", { description: "The lease." }),
  }),
});

const InstallmentRef = builder.objectRef<Installment>("DepositInstallment").implement({
  description: "An installment of the deposit schedule agreed at signature (bill art. 63bis §1).",
  fields: (t) => ({
    dueOn: t.field({ type: "Date", description: "Due date.", resolve: (i) => i.dueOn }),
    amount: t.field({ type: "Decimal", description: "Amount, EUR.", resolve: (i) => moneyString({ toFixed: () => i.amount })! }),
  }),
});

const WithheldRef = builder.objectRef<Withheld>("DepositWithheldSum").implement({
  description: "A sum withheld from the deposit at exit, duly justified (bill art. 63bis §2 al. 3).",
  fields: (t) => ({
    amount: t.field({ type: "Decimal", description: "Amount, EUR.", resolve: (w) => moneyString({ toFixed: () => w.amount })! }),
    reason: t.string({ description: "Justification (arrears, charges, rental damage).", resolve: (w) => w.reason }),
  }),
});

export const DepositPaymentRef = builder.prismaObject("DepositPayment", {
  description: "A payment towards the deposit.",
  fields: (t) => ({
    paidOn: t.expose("paidOn", { type: "Date", description: "Date paid." }),
    amount: t.field({ type: "Decimal", description: "Amount, EUR.", resolve: (p) => moneyString(p.amount)! }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was recorded." }),
  }),
});

interface Balance {
  required: Decimal;
  paid: Decimal;
  outstanding: Decimal;
  overdue: Decimal;
  held: Decimal;
  nextInstallment: Installment | null;
  latestFullPaymentOn: string | null;
}

const DepositBalanceRef = builder.objectRef<Balance>("DepositBalance").implement({
  description: "Where the deposit stands on a date against its schedule (bill art. 63bis §1).",
  fields: (t) => ({
    required: t.field({ type: "Decimal", description: "The deposit agreed, EUR.", resolve: (b) => money(b.required) }),
    paid: t.field({ type: "Decimal", description: "Paid up to the date, EUR.", resolve: (b) => money(b.paid) }),
    outstanding: t.field({ type: "Decimal", description: "Still to pay overall, EUR.", resolve: (b) => money(b.outstanding) }),
    overdue: t.field({ type: "Decimal", description: "Due under the schedule by the date and not paid, EUR.", resolve: (b) => money(b.overdue) }),
    held: t.field({ type: "Decimal", description: "Held by the landlord, EUR.", resolve: (b) => money(b.held) }),
    nextInstallment: t.field({
      type: InstallmentRef,
      nullable: true,
      description: "The next installment not covered by payments.",
      resolve: (b) => b.nextInstallment,
    }),
    latestFullPaymentOn: t.field({
      type: "Date",
      nullable: true,
      description: "Last day to have paid it all: entry + two years (null when the bill's deposit rule is not in force at entry).",
      resolve: (b) => b.latestFullPaymentOn,
    }),
  }),
});

const DepositExitItemKindEnum = builder.enumType("DepositExitItemKind", {
  description: "A time limit of the deposit's return (bill art. 63bis §2).",
  values: {
    FIRST_HALF_RETURN: { description: "Half of the deposit held, within one month of the keys, if the inventories match and nothing is owed (§2 al. 2)." },
    CHARGE_STATEMENTS_REQUEST: { description: "The landlord asks for the charge statements at the latest one month after the end of the lease (§2 al. 3)." },
    BALANCE_RETURN: { description: "The balance less justified sums, within three months of the charge statements or the co-owners' accounts (§2 al. 3)." },
  } as const,
});

const DepositExitStatusEnum = builder.enumType("DepositExitItemStatus", {
  description: "State of a deposit-return time limit on the calculation date.",
  values: {
    NOT_DUE: { description: "Nothing to do under this item." },
    PENDING: { description: "Due, time limit not passed." },
    DONE: { description: "Done in time." },
    DONE_LATE: { description: "Done after the time limit." },
    OVERDUE: { description: "Time limit passed, not done." },
    WAITING_FOR_TRIGGER: { description: "The event starting the time limit (charge statements, accounts approval) is not known yet." },
  } as const,
});

const DepositExitItemRef = builder.objectRef<DepositExitItem>("DepositExitItem").implement({
  description: "One time limit of the deposit's return, with the amount and the late increase.",
  fields: (t) => ({
    kind: t.field({ type: DepositExitItemKindEnum, description: "Which time limit.", resolve: (i) => i.kind }),
    dueBy: t.field({ type: "Date", nullable: true, description: "Last day; null while the triggering event is unknown.", resolve: (i) => i.dueBy }),
    amount: t.field({ type: "Decimal", description: "Amount to return, EUR (0 for the statements request).", resolve: (i) => money(i.amount) }),
    status: t.field({ type: DepositExitStatusEnum, description: "State on the calculation date.", resolve: (i) => i.status }),
    latePeriods: t.int({ description: "Monthly periods begun late after the tenant's formal notice.", resolve: (i) => i.latePeriods }),
    latePenalty: t.field({
      type: "Decimal",
      description: "Increase: 10 % of the last monthly rent per period begun late (§2 al. 5), EUR.",
      resolve: (i) => money(i.latePenalty),
    }),
    reference: t.field({ type: LegalReferenceRef, description: "Article.", resolve: (i) => i.reference }),
    detail: t.string({ description: "How it was set, in words.", resolve: (i) => i.detail }),
  }),
});

const DepositExitStatementRef = builder.objectRef<DepositExitStatement>("DepositExitStatement").implement({
  description: "The deposit's return at the end of the lease (bill art. 63bis §2): each time limit, amount and late increase.",
  fields: (t) => ({
    held: t.field({ type: "Decimal", description: "Held when the keys came back, EUR.", resolve: (s) => money(s.held) }),
    items: t.field({ type: [DepositExitItemRef], description: "Time limits: first half, statements request, balance.", resolve: (s) => [...s.items] }),
    latePenalty: t.field({
      type: "Decimal",
      description: "Total late increase, EUR.",
      resolve: (s) => money(s.items.reduce((a, i) => a.plus(i.latePenalty), new Dec(0))),
    }),
    dueToTenant: t.field({
      type: "Decimal",
      description: "Still to pay the tenant on the date: unreturned sums plus increases, EUR.",
      resolve: (s) => money(s.dueToTenant),
    }),
    trace: t.field({ type: RuleTraceRef, description: "Computation trace with the parameter versions used.", resolve: (s) => s.trace }),
  }),
});

export const DepositRef = builder.prismaNode("Deposit", {
  description:
    "The rental deposit of a lease (garantie locative, bill art. 63bis): 3,000 EUR by an agreed schedule, fully paid within two years of entry; returned in two parts after the keys; follows a change of landlord.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, lease: leaseScope(ctx.viewer) }),
  authScopes: (d, ctx) => isMinistry(ctx.viewer) || d.holderId === organisationOf(ctx.viewer),
  fields: (t) => ({
    amount: t.field({ type: "Decimal", description: "Deposit agreed, EUR.", resolve: (d) => moneyString(d.amount)! }),
    agreedOn: t.expose("agreedOn", { type: "Date", description: "Day the schedule was agreed." }),
    holder: t.relation("holder", { description: "The landlord holding it now (it follows a change of landlord, §2 al. 6)." }),
    schedule: t.field({
      type: [InstallmentRef],
      description: "The agreed schedule, by due date.",
      resolve: (d) => scheduleOf(d.schedule).sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1)),
    }),
    payments: t.relation("payments", { description: "Payments, oldest first.", query: { orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }] } }),
    keysReturnedOn: t.expose("keysReturnedOn", { type: "Date", nullable: true, description: "Keys handed back." }),
    chargeStatementsOn: t.expose("chargeStatementsOn", {
      type: "Date",
      nullable: true,
      description: "Charge statements (or co-owners' accounts approval) received: starts the balance's three months.",
    }),
    formalNoticeOn: t.expose("formalNoticeOn", { type: "Date", nullable: true, description: "The tenant's formal notice: the late increase runs from it." }),
    withheld: t.field({ type: [WithheldRef], description: "Sums withheld at exit with their justification.", resolve: (d) => withheldOf(d.withheld) }),
    firstHalfReturnedOn: t.expose("firstHalfReturnedOn", { type: "Date", nullable: true, description: "First half returned." }),
    balanceReturnedOn: t.expose("balanceReturnedOn", { type: "Date", nullable: true, description: "Balance returned." }),
    balance: t.field({
      type: DepositBalanceRef,
      description: "Paid, outstanding and overdue on a date (default today).",
      args: {
        asOf: t.arg({ type: "Date", required: false, description: "Date (default today)." }),
        regime: t.arg({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
      },
      select: { payments: true, lease: { select: { id: true, startsOn: true } } },
      resolve: (d, args, ctx) => {
        const account = depositAccountOf(d.lease, d);
        const b = depositBalance(account, args.asOf ?? todayIso());
        let latestFullPaymentOn: string | null;
        try {
          latestFullPaymentOn = validateDepositSchedule(account.entryDate, account.entryDate, [], regimeOrThrow(ctx, args.regime)).latestFullPaymentDate;
        } catch {
          latestFullPaymentOn = null;
        }
        return { ...b, nextInstallment: b.nextInstallment ? { dueOn: b.nextInstallment.dueOn, amount: b.nextInstallment.amount } : null, latestFullPaymentOn };
      },
    }),
    exitStatement: t.field({
      type: DepositExitStatementRef,
      nullable: true,
      description:
        "The return of the deposit once the keys are back (null before): each time limit, amount due and late increase on the date. Needs bill 8535 (art. 63bis).",
      args: {
        asOf: t.arg({ type: "Date", required: false, description: "Date (default today)." }),
        regime: t.arg({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
      },
      select: {
        payments: true,
        lease: { select: { id: true, startsOn: true, endsOn: true, monthlyRent: true, inventories: true, revisions: { orderBy: RENT_HISTORY_ORDER } } },
      },
      resolve: (d, args, ctx) => {
        const exit = depositExitOf(d.lease, d, d.lease.inventories);
        if (!exit) return null;
        return depositExitStatement(depositAccountOf(d.lease, d), exit, args.asOf ?? todayIso(), regimeOrThrow(ctx, args.regime));
      },
    }),
    lease: t.relation("lease", { description: "The lease." }),
  }),
});

export const InventoryRef = builder.prismaObject("Inventory", {
  description: "An inventory (état des lieux) at entry or exit.",
  fields: (t) => ({
    kind: t.expose("kind", { type: InventoryKindEnum, description: "Entry or exit." }),
    doneOn: t.expose("doneOn", { type: "Date", description: "Date." }),
    matchesEntry: t.exposeBoolean("matchesEntry", { nullable: true, description: "Exit only: the dwelling is as at entry, fair wear aside." }),
    notes: t.exposeString("notes", { nullable: true, description: "Notes." }),
  }),
});

export const RehousingOfferRef = builder.prismaNode("RehousingOffer", {
  description: "A dwelling offered to rehouse the tenant (art. 67).",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, case: { lease: leaseScope(ctx.viewer) } }),
  fields: (t) => ({
    dwellingId: t.field({
      type: "ID",
      description: "Global ID of the dwelling offered (it may be in another landlord's stock, bill §4).",
      resolve: (o) => encodeGlobalID("Dwelling", o.dwellingId),
    }),
    noticeOn: t.expose("noticeOn", { type: "Date", description: "Notification of the offer." }),
    outcome: t.expose("outcome", { type: RehousingOfferOutcomeEnum, description: "The tenant's answer." }),
    respondedOn: t.expose("respondedOn", { type: "Date", nullable: true, description: "Date of the answer." }),
    consent: t.string({
      description:
        "Consent of the dwelling's landlord for an offer in another landlord's stock (bill art. 67 §4): NOT_NEEDED (own stock), PENDING (not yet offered to the tenant), GIVEN or DECLINED (never made).",
      resolve: (o) => o.consent,
    }),
  }),
});

const RehousingProblemRef = builder.objectRef<RehousingAssessment["problems"][number]>("RehousingProblem").implement({
  description: "Something wrong with a rehousing file (a deadline missed, an offer that does not count…).",
  fields: (t) => ({
    rule: t.string({ description: "Stable rule id.", resolve: (p) => p.rule }),
    reference: t.field({ type: LegalReferenceRef, description: "Article.", resolve: (p) => p.reference }),
    detail: t.string({ description: "In words.", resolve: (p) => p.detail }),
  }),
});

export const RehousingAssessmentRef = builder.objectRef<RehousingAssessment>("RehousingAssessment").implement({
  description: "Where a rehousing file stands on a date (art. 67, bill art. 40): deadline, refusals, right to stay, termination date and protection.",
  fields: (t) => ({
    obligation: t.boolean({ description: "The landlord must still offer a dwelling.", resolve: (a) => a.obligation }),
    waived: t.boolean({ description: "The commission waived the rehousing (bill §2 al. 3).", resolve: (a) => a.waived }),
    offerDeadline: t.field({
      type: "Date",
      nullable: true,
      description: "Last day to make an offer (bill §2: three years from the landlord's knowledge); null when none applies.",
      resolve: (a) => a.offerDeadline,
    }),
    offerDeadlineMissed: t.boolean({ description: "No offer by the deadline.", resolve: (a) => a.offerDeadlineMissed }),
    accepted: t.boolean({ description: "An offer was accepted.", resolve: (a) => a.accepted }),
    countedRefusals: t.int({ description: "Refusals of valid offers that count towards termination.", resolve: (a) => a.countedRefusals }),
    refusalsBeforeTermination: t.int({
      nullable: true,
      description: "Refusals after which the right to stay is lost (two).",
      resolve: (a) => a.refusalsBeforeTermination,
    }),
    rightToStayLost: t.boolean({ description: "The right to stay is lost: the lease ends of right on terminationOn.", resolve: (a) => a.rightToStayLost }),
    terminationOn: t.field({
      type: "Date",
      nullable: true,
      description: "The lease ends of right and the occupancy title is lost (six months after notice of the second offer).",
      resolve: (a) => a.terminationOn,
    }),
    protectedOver70: t.boolean({
      nullable: true,
      description: "Under-occupancy only: a tenant is over 70 on the decisive refusal (art. 67 §1 al. 5): no termination. Null when not assessed.",
      resolve: (a) => a.protection?.over70 ?? null,
    }),
    protectedDisabledMember: t.boolean({
      nullable: true,
      description: "Under-occupancy only: a household member is disabled: no termination. Null when not assessed.",
      resolve: (a) => a.protection?.disabledMember ?? null,
    }),
    problems: t.field({ type: [RehousingProblemRef], description: "Problems found.", resolve: (a) => [...a.problems] }),
    reference: t.field({ type: LegalReferenceRef, description: "Article applied.", resolve: (a) => a.reference }),
    parameters: t.field({ type: [ParameterVersionRef], description: "Parameter versions used.", resolve: (a) => [...a.parameters] }),
    interpretationNotes: t.stringList({ description: "Interpretation notes relied on.", resolve: (a) => [...a.interpretationNotes] }),
  }),
});

export const RehousingCaseRef = builder.prismaNode("RehousingCase", {
  description: "A rehousing case (relogement, law art. 66-67 as amended by bill art. 39-40).",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, lease: leaseScope(ctx.viewer) }),
  fields: (t) => ({
    reason: t.expose("reason", { type: RehousingReasonEnum, description: "Why." }),
    knownOn: t.expose("knownOn", { type: "Date", description: "The landlord learned of the mismatch (starts the bill's three years)." }),
    waivedOn: t.expose("waivedOn", { type: "Date", nullable: true, description: "Commission waiver (bill §2 al. 3)." }),
    waiverReason: t.exposeString("waiverReason", { nullable: true, description: "Reasons of the waiver." }),
    closedOn: t.expose("closedOn", { type: "Date", nullable: true, description: "Closed (offer accepted or lease ended)." }),
    offers: t.relation("offers", { description: "Offers, in notification order.", query: { orderBy: [{ noticeOn: "asc" }, { id: "asc" }] } }),
    assessment: t.field({
      type: RehousingAssessmentRef,
      description: "The engine's assessment on a date (default today).",
      args: {
        asOf: t.arg({ type: "Date", required: false, description: "Date (default today)." }),
        regime: t.arg({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
      },
      select: {
        offers: { include: { dwelling: { select: { landlordId: true } } }, orderBy: [{ noticeOn: "asc" }, { id: "asc" }] },
        lease: { include: { household: { include: { members: true } } } },
      },
      resolve: (c, args, ctx) =>
        assessRehousing(rehousingFileOf(c.lease, c.lease.household.members, c), args.asOf ?? todayIso(), regimeOrThrow(ctx, args.regime)),
    }),
  }),
});

export const LeaseTerminationRef = builder.prismaObject("LeaseTermination", {
  description: "An end of lease recorded (art. 67, 69-70): ground, notice, the date it takes effect, evidence and computation.",
  fields: (t) => ({
    ground: t.exposeString("ground", {
      description: "Ground, as the tenancy engine names it (SERIOUS_GROUNDS, UNPAID_RENT, YOUNG_TENANT_AGE, REHOUSING_REFUSALS…).",
    }),
    regime: t.expose("regime", { type: LegalRegimeEnum, description: "Regime applied." }),
    noticeOn: t.expose("noticeOn", { type: "Date", nullable: true, description: "Notice, finding, formal notice or event date that starts the period." }),
    effectiveOn: t.expose("effectiveOn", { type: "Date", description: "Date the lease ends and the occupancy title is lost." }),
    evidence: t.exposeString("evidence", { nullable: true, description: "Evidence relied on (serious grounds: each ground's documents)." }),
    computation: t.expose("computation", { type: "JSON", description: "The engine's result (ground, dates, reference, parameter versions)." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was recorded." }),
  }),
});
