/**
 * Signing a lease (art. 61, 64: rent computed at allocation), revising its rent (art. 62) and
 * ending it (art. 69-70, bill art. 42). Each mutation takes one input object, runs in one
 * transaction with its audit record and answers rule violations as userErrors.
 */
import {
  grossRentCapMonthly,
  leaseDeadlines,
  leaseEnd,
  revisionDue,
  roundMoney,
  SERIOUS_GROUNDS,
  type EndFacts,
  type RevisionEvent,
  type SeriousGround,
} from "@abordable/domain";
import type { Lease, LeaseTermination, RentRevision } from "../generated/prisma/client.js";
import { builder } from "../schema/builder.js";
import { runMutation } from "../schema/mutation.js";
import { Problems, UserErrorRef, type UserError } from "../schema/user-errors.js";
import { checkDecimal, checkText } from "../schema/validate.js";
import { checkDedicated, checkEligibility } from "@abordable/domain";
import { allocationFileToSign, decode, dwellingToChange, householdOfApplication, householdToSign, refuse, type HouseholdForLease, type LeaseOrigin } from "../access/policy.js";
import { householdOf, operatorRegime, ruleOf, vacancyOf } from "../allocation/common.js";
import { deriveSharedDwellingStatus, guarded, uniquely } from "../schema/one-winner.js";
import { LeaseRef } from "./lease.js";
import { citation, iso, LegalRegimeEnum, parameterReference, todayIso } from "./common.js";
import { categoryOf, INFORMATION_REQUEST_ORDER, revisionEventsOf, revisionLeaseOf, tenantsOf } from "./facts.js";
import { RENT_HISTORY_ORDER } from "./rent-history.js";
import { computeRent, rentDwellingOf, rentIncome, type RentComputationRecord } from "./rent.js";
import { LeaseEndRef, LeaseTerminationRef, RentRevisionRef } from "./types.js";
import { dateOf, fail, MUTATE, ownLease, regimeFor, type Tx } from "./mutation-support.js";
import type { Context } from "../schema/context.js";

const MONEY = { max: "100000", scale: 2, unit: "EUR" } as const;
/** Upper bound of a deadline search window (any time limit ends before it). */
const LAST_DAY = "9999-12-31";
const INCOME = { max: "100000000", scale: 4, unit: "EUR" } as const;

// ───────────── signLease ─────────────

const SignLeaseInput = builder.inputType("SignLeaseInput", {
  description: "Sign an affordable lease (art. 64): from an allocation file whose visit is done, or for a vacant dwelling of the caller's stock and a household that accepted the caller's offer for it (allocation file or rehousing case). The rent is computed at allocation (art. 61) and stored with its computation.",
  fields: (t) => ({
    allocationFileId: t.id({ required: false, description: "Allocation file in state VISIT with its selected application (the household comes from it)." }),
    dwellingId: t.id({ required: false, description: "Instead of a file: a vacant dwelling of the caller's stock." }),
    accommodationUnitId: t.id({ required: false, description: "With dwellingId: the vacant unit of a shared dwelling." }),
    householdId: t.id({ required: false, description: "With dwellingId: the tenant household; it must have accepted the caller's allocation offer for this vacancy, or a rehousing offer of this dwelling in the caller's case." }),
    startsOn: t.field({ type: "Date", required: true, description: "Entry into the premises (entrée en jouissance); the rent's calculation date." }),
    monthlyCharges: t.field({ type: "Decimal", required: false, description: "Monthly charges advance (art. 63), EUR (default 0)." }),
    annualNetDisposableIncome: t.field({ type: "Decimal", required: false, description: "Annual net disposable income (art. 56), EUR; default: the register's incomes of the household as art. 56 §3 counts them on the start date (family allowances included, dependent children's income ignored, children in their first working years at 0/25/50/100 %)." }),
    flatGrossMonthlyRent: t.field({ type: "Decimal", required: false, description: "Flat monthly gross rent on the commission's advice, below the low-income threshold only (art. 60 §2 al. 2)." }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

const SignLeasePayload = builder.objectRef<{ lease: Lease | null; rentComputation: RentComputationRecord | null; userErrors: UserError[] }>("SignLeasePayload").implement({
  description: "Result of signLease.",
  fields: (t) => ({
    lease: t.field({ type: LeaseRef, nullable: true, description: "The lease signed; null when there are user errors.", resolve: (p) => p.lease }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

builder.mutationField("signLease", (t) =>
  t.field({
    type: SignLeasePayload,
    description:
      "Signs an affordable lease with a household the landlord's own procedure reached: the selected candidate of its allocation file after the visit, a candidate who accepted its offer for this vacancy, or its own tenant who accepted a rehousing offer of this dwelling (art. 67). Eligibility (art. 55 §1 al. 2, or §3 for a rehoused tenant) and the dedicated sub-category (art. 12 §3) are checked again on the signing date. Computes the rent at allocation (art. 60-61) and stores the computation, lets the dwelling (or unit), and closes the allocation file as LEASE_SIGNED; a rehoused tenant's previous lease ends that day. Concurrent signatures on one vacancy or one household: exactly one wins, the others get CONFLICT.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: SignLeaseInput, required: true, description: "The lease to sign." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "signLease", async (tx) => {
        const p = new Problems();
        const options = regimeFor(ctx, p, input.regime);
        checkDecimal(p, "monthlyCharges", input.monthlyCharges, MONEY);
        checkDecimal(p, "annualNetDisposableIncome", input.annualNetDisposableIncome, INCOME);
        checkDecimal(p, "flatGrossMonthlyRent", input.flatGrossMonthlyRent, { ...MONEY, greaterThan: "0" });
        if (input.annualNetDisposableIncome?.isNegative()) p.add("annualNetDisposableIncome", "OUT_OF_RANGE", "The income cannot be negative");
        if ((input.allocationFileId == null) === (input.dwellingId == null)) {
          p.add("allocationFileId", "INVALID_VALUE", "Give either allocationFileId or dwellingId (with householdId)");
          fail(p);
        }
        if (input.dwellingId != null && input.householdId == null) p.add("householdId", "REQUIRED", "householdId is required with dwellingId");
        if (input.allocationFileId != null && (input.householdId != null || input.accommodationUnitId != null)) p.add("allocationFileId", "INVALID_VALUE", "With allocationFileId, the household and the vacancy come from the file: give neither householdId nor accommodationUnitId");
        if (p.any) fail(p);
        const startsOn = input.startsOn;
        let dwelling: Awaited<ReturnType<typeof dwellingToChange<{ accommodationUnits: true }>>>;
        let unitId: string | undefined;
        let household: HouseholdForLease;
        let origin: LeaseOrigin;
        if (input.allocationFileId != null) {
          // Through the procedure: the file of the caller's, after the visit, its selected application.
          const file = await allocationFileToSign(tx, ctx, p, "allocationFileId", input.allocationFileId);
          if (file.status !== "VISIT") p.add("allocationFileId", "INVALID_STATE", `The lease is signed after the visit; the file is in state ${file.status}`, "Esch ROI art. 4; law art. 55 §1 al. 2");
          if (!file.selectedApplicationId) p.add("allocationFileId", "INVALID_STATE", "The file has no selected application");
          if (p.any) fail(p);
          const offer = await tx.allocationOffer.findFirst({ where: { allocationFileId: file.id, applicationId: file.selectedApplicationId!, outcome: { in: ["PENDING", "ACCEPTED"] } }, select: { id: true } });
          const selected = await householdOfApplication(tx, file.selectedApplicationId!);
          if (!offer) p.add("allocationFileId", "INVALID_STATE", "The selected candidate has no housing promise in this file (recordOffer), or refused it", "Esch ROI art. 4");
          if (!selected?.household) p.add("allocationFileId", "INVALID_STATE", "The selected application has no household");
          if (p.any || !selected?.household || !offer) fail(p);
          household = selected.household;
          origin = { kind: "ALLOCATION", fileId: file.id, fileStatus: file.status, applicationId: selected.application.id, offerId: offer.id, sittingTenant: selected.application.isSittingTenantToRehouse };
          dwelling = await tx.dwelling.findUniqueOrThrow({ where: { id: file.dwellingId }, include: { accommodationUnits: true } });
          unitId = file.accommodationUnitId ?? undefined;
        } else {
          dwelling = await dwellingToChange(tx, ctx, p, "dwellingId", input.dwellingId!, { accommodationUnits: true }, "LET");
          if (input.accommodationUnitId != null) {
            unitId = decode(p, "accommodationUnitId", input.accommodationUnitId, "AccommodationUnit");
            if (!dwelling.accommodationUnits.some((u) => u.id === unitId)) refuse(p, "accommodationUnitId", "accommodation unit of this dwelling", "LET");
          }
          // Finding 2: only a household the landlord's own accepted offer or rehousing case reached.
          ({ household, origin } = await householdToSign(tx, p, "householdId", input.householdId!, { dwellingId: dwelling.id, landlordId: dwelling.landlordId, unitId: unitId ?? null }));
        }
        const unit = unitId ? dwelling.accommodationUnits.find((u) => u.id === unitId) : undefined;
        if (dwelling.type === "SHARED_DWELLING" && !unitId) p.add("accommodationUnitId", "REQUIRED", "A shared dwelling is let by accommodation unit", "bill 8535 art. 13 §2 al. 2");
        if (!unitId && dwelling.status !== "VACANT") p.add("dwellingId", "INVALID_STATE", `The dwelling is ${dwelling.status}, not VACANT`);
        if (unit && unit.status !== "VACANT") p.add("accommodationUnitId", "INVALID_STATE", `The unit is ${unit.status}, not VACANT`);
        if (household.members.length === 0) p.add("householdId", "INVALID_STATE", "The household has no members");
        const rehousing = origin.kind === "REHOUSING";
        if (rehousing && startsOn > todayIso()) p.add("startsOn", "OUT_OF_RANGE", "A rehoused tenant's new lease is recorded once the tenant moves (startsOn not in the future): the previous lease ends that day", "law art. 67");
        const held = await tx.lease.findMany({ where: { householdId: household.id, status: "ACTIVE", ...(origin.kind === "REHOUSING" ? { id: { not: origin.previousLeaseId } } : {}) }, select: { id: true } });
        if (held.length > 0) p.add("householdId", "CONFLICT", "The household already holds an active affordable lease (main and permanent home)", "law art. 64 al. 2");
        if (p.any) fail(p);

        // Art. 55 §1 al. 2: the conditions are met again on the day the candidate becomes tenant (§3 for a tenant rehoused);
        // art. 12 §3: a dedicated dwelling goes to a household of its sub-category. The domain decides both.
        const regime = { ...operatorRegime(ctx), ...options };
        const domainHousehold = householdOf(household.candidate, household.members, startsOn);
        const purpose = rehousing || (origin.kind === "ALLOCATION" && origin.sittingTenant) ? "TENANT" : "CANDIDATE";
        const eligibility = checkEligibility(domainHousehold, { ...regime, asOf: startsOn, purpose });
        for (const f of eligibility.failures) p.add("householdId", "RULE_VIOLATION", `Not eligible on ${startsOn}: ${f.reason}`, ruleOf(f.citation));
        const category = vacancyOf(dwelling.id, dwelling.landlordId, dwelling, unit ?? null).category;
        if (category.kind === "DEDICATED") {
          for (const f of checkDedicated(domainHousehold, category.subCategory, { ...regime, allocationDate: startsOn }).failures) p.add("householdId", "RULE_VIOLATION", `Dedicated dwelling (${category.subCategory}): ${f.reason}`, ruleOf(f.citation));
        }
        if (p.any) fail(p);

        let record: RentComputationRecord;
        try {
          record = computeRent(
            {
              annualNetDisposableIncome: input.annualNetDisposableIncome?.toFixed() ?? rentIncome(domainHousehold, startsOn, regime),
              household: { birthDates: household.members.map((m) => iso(m.birthDate)) },
              dwelling: rentDwellingOf(dwelling, startsOn, unit?.usefulArea),
              flatGrossMonthlyRent: input.flatGrossMonthlyRent?.toFixed(),
            },
            startsOn,
            options,
          );
        } catch (error) {
          p.add("annualNetDisposableIncome", "RULE_VIOLATION", `The affordable rent cannot be computed: ${error instanceof Error ? error.message : String(error)}`, "law art. 60, annexe III");
          fail(p);
        }
        // Exactly one winner: the vacancy is taken by a guarded update (a concurrent signature finds it LET),
        // and the partial unique indexes (one active lease per dwelling, unit and household) back it.
        const letOn = dateOf(startsOn);
        if (unit) {
          await guarded(tx.accommodationUnit.updateMany({ where: { id: unit.id, status: "VACANT" }, data: { status: "LET", firstLettingOn: unit.firstLettingOn ?? letOn } }), "accommodationUnitId", "The unit was let meanwhile by another request");
          await deriveSharedDwellingStatus(tx, dwelling.id, letOn);
        } else {
          await guarded(tx.dwelling.updateMany({ where: { id: dwelling.id, status: "VACANT" }, data: { status: "LET", firstLettingOn: dwelling.firstLettingOn ?? letOn } }), "dwellingId", "The dwelling was let meanwhile by another request");
        }
        if (origin.kind === "REHOUSING") {
          const previous = await tx.lease.findUniqueOrThrow({ where: { id: origin.previousLeaseId } });
          await endLeaseAt(tx, previous, startsOn);
        }
        const lease = await uniquely(
          tx.lease.create({
            data: {
              landlordId: dwelling.landlordId,
              dwellingId: dwelling.id,
              accommodationUnitId: unitId ?? null,
              householdId: household.id,
              allocationFileId: origin.kind === "ALLOCATION" ? origin.fileId : null,
              startsOn: letOn,
              monthlyRent: record.netMonthly,
              monthlyCharges: input.monthlyCharges?.toFixed(2) ?? "0.00",
              status: "ACTIVE",
              rentComputation: record as never,
            },
          }),
          [{ match: /household/i, field: "householdId", message: "The household signed another active lease meanwhile (main and permanent home)", rule: "law art. 64 al. 2" }],
          { field: unitId ? "accommodationUnitId" : "dwellingId", message: "An active lease was signed for it meanwhile by another request" },
        );
        await tx.rentRevision.create({ data: { leaseId: lease.id, reason: "ALLOCATION", effectiveFrom: letOn, monthlyRent: record.netMonthly, computation: record as never } });
        if (origin.kind === "ALLOCATION") {
          // The file closes with the lease; a concurrent signature in the same file finds it closed.
          await guarded(tx.allocationFile.updateMany({ where: { id: origin.fileId, status: { notIn: ["LEASE_SIGNED", "CLOSED", "REFUSED"] } }, data: { status: "LEASE_SIGNED", closedOn: letOn } }), input.allocationFileId != null ? "allocationFileId" : "householdId", "The allocation file was closed meanwhile by another request");
          await tx.allocationFileEvent.create({ data: { allocationFileId: origin.fileId, fromStatus: origin.fileStatus as never, toStatus: "LEASE_SIGNED", occurredOn: letOn, reason: `lease ${lease.id} signed` } });
          await tx.allocationOffer.updateMany({ where: { id: origin.offerId, outcome: "PENDING" }, data: { outcome: "ACCEPTED", respondedOn: letOn } });
          await tx.application.update({ where: { id: origin.applicationId }, data: { status: "ALLOCATED" } });
        }
        return { result: { lease, record }, entityType: "Lease", entityId: lease.id, before: null, after: { ...lease, origin: { kind: origin.kind, offerId: origin.offerId }, eligibility: { purpose, eligible: true } } };
      });
      return { lease: out.result?.lease ?? null, rentComputation: out.result?.record ?? null, userErrors: out.userErrors };
    },
  }),
);

// ───────────── reviseRent ─────────────

const RevisionReasonInput = builder.enumType("RentRevisionReasonInput", {
  description: "Why the rent is revised (art. 62).",
  values: {
    ANNUAL: { description: "Yearly revision (art. 62 §1 al. 1); applies from its notification (receivedOn)." },
    HOUSEHOLD_CHANGE: { description: "Household change reported on receivedOn (art. 62 §2 1°): applies from the first day of the month after the one-month period." },
    INCOME_CHANGE: { description: "Income change of at least 5 % reported on receivedOn (art. 62 §2 2°-3°): same date rule." },
    AFTER_INFORMATION: { description: "Complete information received after a flat rent (art. 62 §1 al. 4); applies from its notification (receivedOn)." },
    FLAT_RENT: { description: "No answer within two months to a recorded request for information (recordRentInformationRequest): a flat rent up to the annex III cap (art. 62 §1 al. 3), from receivedOn." },
  } as const,
});

const ReviseRentInput = builder.inputType("ReviseRentInput", {
  description: "A rent revision (art. 61-62) with the household's new income and, if it changed, its members' birth dates.",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    reason: t.field({ type: RevisionReasonInput, required: true, description: "Why." }),
    receivedOn: t.field({ type: "Date", required: true, description: "Events: day the landlord received the information; ANNUAL, AFTER_INFORMATION, FLAT_RENT: day of the notification." }),
    annualNetDisposableIncome: t.field({ type: "Decimal", required: false, description: "The household's annual net disposable income now (art. 56), EUR; required except for FLAT_RENT." }),
    birthDates: t.field({ type: ["Date"], required: false, description: "Birth dates of the members now (household change); default: the household's recorded members." }),
    flatMonthlyRent: t.field({ type: "Decimal", required: false, description: "FLAT_RENT only: the monthly flat rent, at most the annex III cap." }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

const RentRevisionPayload = builder.objectRef<{ lease: Lease | null; revision: RentRevision | null; userErrors: UserError[] }>("RentRevisionPayload").implement({
  description: "Result of reviseRent.",
  fields: (t) => ({
    lease: t.field({ type: LeaseRef, nullable: true, description: "The lease; its monthlyRent is the rent in force today, which is the revised one only once revision.effectiveFrom has come (rentOn(date) for any day); null when there are user errors.", resolve: (p) => p.lease }),
    revision: t.field({ type: RentRevisionRef, nullable: true, description: "The revision recorded, dated from its effectiveFrom.", resolve: (p) => p.revision }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

builder.mutationField("reviseRent", (t) =>
  t.field({
    type: RentRevisionPayload,
    description: "Revises the rent (art. 61-62): checks the revision is due (yearly cycle, 5 % income change, a request for information unanswered for two months for a flat rent), sets its effective date (first day of the month after the one-month period for events) and recomputes the rent with computeAffordableRent on that date. The revision is recorded dated: the lease's rent changes on its effective date, not before.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: ReviseRentInput, required: true, description: "The revision." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "reviseRent", async (tx) => {
        const p = new Problems();
        const options = regimeFor(ctx, p, input.regime);
        checkDecimal(p, "annualNetDisposableIncome", input.annualNetDisposableIncome, INCOME);
        checkDecimal(p, "flatMonthlyRent", input.flatMonthlyRent, { ...MONEY, greaterThan: "0" });
        if (input.reason !== "FLAT_RENT" && !input.annualNetDisposableIncome) p.add("annualNetDisposableIncome", "REQUIRED", "The new income is required to recompute the rent");
        if (input.reason === "FLAT_RENT" && !input.flatMonthlyRent) p.add("flatMonthlyRent", "REQUIRED", "The flat rent is required");
        if (input.birthDates && input.birthDates.length === 0) p.add("birthDates", "INVALID_VALUE", "At least one member");
        if (p.any) fail(p);
        const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, {
          dwelling: true,
          accommodationUnit: true,
          household: { include: { members: true } },
          revisions: { orderBy: RENT_HISTORY_ORDER },
          rentInformationRequests: { orderBy: INFORMATION_REQUEST_ORDER },
        });
        if (lease.status !== "ACTIVE") {
          p.add("leaseId", "INVALID_STATE", "The lease has ended");
          fail(p);
        }
        const receivedOn = input.receivedOn;
        if (receivedOn < iso(lease.startsOn)) p.add("receivedOn", "OUT_OF_RANGE", `receivedOn is before the lease started (${iso(lease.startsOn)})`);
        if (p.any) fail(p);
        // The rent history; a lease whose rent the platform did not set starts its cycle at entry (income unknown: no 5 % test).
        const history = revisionLeaseOf(lease, lease.revisions) ?? { id: lease.id, rentSettings: [{ effectiveFrom: iso(lease.startsOn), kind: "ALLOCATION" as const, annualIncome: "0" }] };
        const known = revisionLeaseOf(lease, lease.revisions) !== null;
        const income = input.annualNetDisposableIncome?.toFixed();
        let effectiveFrom = receivedOn;
        let detail: Record<string, string | null> = { reason: input.reason, receivedOn };
        if (input.reason === "HOUSEHOLD_CHANGE" || input.reason === "INCOME_CHANGE") {
          const event: RevisionEvent = input.reason === "HOUSEHOLD_CHANGE" ? { kind: "HOUSEHOLD_CHANGE", receivedOn } : { kind: "INCOME_CHANGE", receivedOn, newAnnualIncome: known ? income! : "1" };
          const due = revisionDue(history, [event], receivedOn, options).find((d) => d.reason === input.reason);
          if (!due) {
            p.add("annualNetDisposableIncome", "RULE_VIOLATION", "The income changed by less than 5 % compared with the income the current rent was computed from: no revision", "law art. 62 §2 2°-3°");
            fail(p);
          }
          effectiveFrom = due.effectiveFrom!;
          detail = { ...detail, dueBy: due.dueBy, effectiveFrom, rule: citation(due.reference), detail: due.detail, incomeChange: due.incomeChange ?? null };
        } else if (input.reason === "ANNUAL") {
          const due = revisionDue(history, [], receivedOn, options).find((d) => d.reason === "ANNUAL");
          if (!due) {
            p.add("reason", "INVALID_STATE", "No yearly revision is due on this date (the next falls 12 months after the last yearly rent, and none when the rent is under three months old)", "law art. 62 §1 al. 1");
            fail(p);
          }
          detail = { ...detail, triggeredOn: due.triggeredOn, rule: citation(due.reference), detail: due.detail };
        } else if (input.reason === "FLAT_RENT") {
          // Art. 62 §1 al. 3: only once a recorded request for information went unanswered for two months (the engine decides).
          const events = revisionEventsOf(lease.rentInformationRequests);
          const due = revisionDue(history, events, receivedOn, options).find((d) => d.reason === "FLAT_RENT_ALLOWED");
          if (!due) {
            const rule = parameterReference("rent.revision.tenantResponseMonths", receivedOn, options);
            const cited = rule ? citation(rule) : undefined;
            const sent = events.filter((e) => e.kind === "INFORMATION_REQUEST" && e.requestedOn <= receivedOn);
            const open = sent.filter((e) => e.kind === "INFORMATION_REQUEST" && (e.answeredOn === undefined || e.answeredOn > receivedOn));
            if (sent.length === 0) {
              p.add("reason", "INVALID_STATE", "A flat rent may be asked only when the tenant has not answered a request for information within two months: no request is recorded for this lease on or before receivedOn (recordRentInformationRequest)", cited);
            } else if (open.length === 0) {
              p.add("reason", "INVALID_STATE", "The tenant answered every request for information recorded for this lease: no flat rent (revise the rent on the information received)", cited);
            } else {
              // The last day to answer, as the engine's deadlines give it.
              const answerBy = leaseDeadlines({ leaseId: lease.id, revision: { lease: history, events: open } }, { from: receivedOn, to: LAST_DAY }, options)
                .filter((d) => d.kind === "REVISION_ANSWER_DUE")
                .map((d) => d.date)
                .sort()[0];
              p.add("receivedOn", "RULE_VIOLATION", `The tenant may still answer the request for information${answerBy ? ` until ${answerBy}` : ""}: a flat rent may be asked only after the two months have passed without an answer`, cited);
            }
            fail(p);
          }
          detail = { ...detail, triggeredOn: due.triggeredOn, rule: citation(due.reference), detail: due.detail };
        }
        const members = input.birthDates ?? lease.household.members.map((m) => iso(m.birthDate));
        let monthlyRent: string;
        let computation: Record<string, unknown>;
        if (input.reason === "FLAT_RENT") {
          const record = lease.rentComputation as { adults?: number; children?: number } | null;
          let household = { adults: record?.adults ?? 1, children: record?.children ?? 0 };
          try {
            const c = computeRent({ annualNetDisposableIncome: "0", household: { birthDates: members }, dwelling: rentDwellingOf(lease.dwelling, iso(lease.startsOn), lease.accommodationUnit?.usefulArea) }, receivedOn, options);
            household = { adults: c.adults, children: c.children };
          } catch {
            // keep the household of the last computation
          }
          const cap = grossRentCapMonthly(household, receivedOn, options);
          if (input.flatMonthlyRent!.greaterThan(cap.monthly)) {
            p.add("flatMonthlyRent", "RULE_VIOLATION", `The flat rent may not exceed the annex III cap of ${roundMoney(cap.monthly).toFixed(2)} EUR a month`, "law art. 62 §1 al. 3; annexe III 1° b)");
            fail(p);
          }
          monthlyRent = input.flatMonthlyRent!.toFixed(2);
          computation = { kind: "FLAT_RENT", monthlyRent, capMonthly: cap.monthly.toString(), revision: detail };
        } else {
          try {
            const record = computeRent({ annualNetDisposableIncome: income!, household: { birthDates: members }, dwelling: rentDwellingOf(lease.dwelling, iso(lease.startsOn), lease.accommodationUnit?.usefulArea) }, effectiveFrom, options);
            monthlyRent = record.netMonthly;
            computation = { ...record, revision: detail };
          } catch (error) {
            p.add("annualNetDisposableIncome", "RULE_VIOLATION", `The affordable rent cannot be computed: ${error instanceof Error ? error.message : String(error)}`, "law art. 60, annexe III");
            fail(p);
          }
        }
        // The revision is dated: the lease's rent follows it from effectiveFrom (Lease.monthlyRent / rentOn), not before.
        const revision = await tx.rentRevision.create({ data: { leaseId: lease.id, reason: input.reason, effectiveFrom: dateOf(effectiveFrom), monthlyRent, computation: computation as never } });
        const { dwelling: _d, accommodationUnit: _u, household: _h, revisions: _r2, rentInformationRequests: _q, ...before } = lease;
        return { result: { lease: before, revision }, entityType: "Lease", entityId: lease.id, before, after: { ...before, revision } };
      });
      return { lease: out.result?.lease ?? null, revision: out.result?.revision ?? null, userErrors: out.userErrors };
    },
  }),
);

// ───────────── terminateLease ─────────────

const EndGroundEnum = builder.enumType("LeaseEndGround", {
  description: "Ground for ending an affordable lease (law art. 69-70, bill art. 42).",
  values: {
    ELIGIBILITY_LOST_TENANT_NOTICE: { description: "Eligibility lost, notified by the tenant: ends of right 12 months later (art. 69 al. 1; bill §1)." },
    ELIGIBILITY_LOST_LANDLORD_FINDING: { description: "Eligibility lost, found by the landlord: ends of right 6 months after notice of the finding (art. 69 al. 2)." },
    UNPAID_RENT: { description: "Unpaid rent or charges: may be ended 6 months (law) or 15 days (bill) after formal notice (art. 69 al. 3)." },
    YOUNG_TENANT_AGE: { description: "Young people's dwelling: the tenant's 32nd birthday (art. 69 al. 4)." },
    EMPLOYEE_JOB_END: { description: "Employees' dwelling: three months after the job ends, if the employer needs it and no economic dismissal (art. 69 al. 5)." },
    CLOSE_SUPPORT_END: { description: "Bill: close social support ended + three months (§2 al. 3)." },
    STUDENT_ENROLMENT_END: { description: "Bill: enrolment ended + three months (§2 al. 4)." },
    COOPERATIVE_SHARES_TRANSFERRED: { description: "Bill: cooperative shares transferred + three months (§2 al. 5)." },
    RESERVE_FIRST_OCCUPATION: { description: "Bill: reserve dwelling, with effect within three months of first occupation (§2 al. 6)." },
    SERIOUS_GROUNDS: { description: "Bill: one or more of the 14 serious and legitimate grounds, each with evidence: 15 days after notice (§3)." },
    DEATH: { description: "Death of the tenant: passes to eligible household members who lived there, else ends 12 months after death (art. 70)." },
  } as const,
});

const SeriousGroundEnum = builder.enumType("SeriousGround", {
  description: "The 14 serious and legitimate grounds of bill art. 42 4° (art. 69 §3).",
  values: Object.fromEntries(Object.entries(SERIOUS_GROUNDS).map(([k, v]) => [k, { description: `${v.point} ${v.french}` }])) as Record<SeriousGround, { description: string }>,
});

const SeriousGroundInput = builder.inputType("SeriousGroundInput", {
  description: "A serious ground invoked with its evidence.",
  fields: (t) => ({
    ground: t.field({ type: SeriousGroundEnum, required: true, description: "The ground (1° to 14°)." }),
    evidence: t.stringList({ required: true, description: "Evidence: at least one document or finding." }),
  }),
});

const SuccessorInput = builder.inputType("SuccessorInput", {
  description: "A household member who may take over the lease on the tenant's death (art. 70).",
  fields: (t) => ({
    name: t.string({ required: true, description: "Who (name or member reference)." }),
    eligible: t.boolean({ required: true, description: "Meets the eligibility conditions (art. 55 §3)." }),
    livedWithTenant: t.boolean({ required: true, description: "Was a member of the household living with the tenant at the death." }),
  }),
});

const TerminateLeaseInput = builder.inputType("TerminateLeaseInput", {
  description: "Ends a lease on a ground of art. 69-70 (bill art. 42): the date of effect is computed per regime.",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    ground: t.field({ type: EndGroundEnum, required: true, description: "The ground." }),
    noticeOn: t.field({ type: "Date", required: false, description: "Date starting the period: notice, finding notified, formal notice, job/support/enrolment end, share transfer, death (not for YOUNG_TENANT_AGE and RESERVE_FIRST_OCCUPATION)." }),
    effectiveOn: t.field({ type: "Date", required: false, description: "Grounds at the landlord's option: a later date of effect than the earliest (default the earliest)." }),
    seriousGrounds: t.field({ type: [SeriousGroundInput], required: false, description: "SERIOUS_GROUNDS: the grounds and their evidence." }),
    unpaidRents: t.int({ required: false, description: "SERIOUS_GROUNDS 14°: rents unpaid (consecutive or not)." }),
    unpaidCharges: t.boolean({ required: false, description: "SERIOUS_GROUNDS 14°: charges unpaid." }),
    agreedEntryOn: t.field({ type: "Date", required: false, description: "SERIOUS_GROUNDS 10°: agreed entry date." }),
    movedInOn: t.field({ type: "Date", required: false, description: "SERIOUS_GROUNDS 10°: actual move-in date, if any." }),
    employerNeedsDwelling: t.boolean({ required: false, description: "EMPLOYEE_JOB_END: the employer needs the dwelling for another employee." }),
    economicDismissal: t.boolean({ required: false, description: "EMPLOYEE_JOB_END: the employee was dismissed for economic reasons." }),
    successors: t.field({ type: [SuccessorInput], required: false, description: "DEATH: possible successors." }),
    evidence: t.string({ required: false, description: "Evidence or reference of the notice (at most 2000 characters)." }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

const TerminationPayload = builder.objectRef<{ termination: LeaseTermination | null; lease: Lease | null; end: ReturnType<typeof leaseEnd> | null; userErrors: UserError[] }>("LeaseTerminationPayload").implement({
  description: "Result of terminateLease.",
  fields: (t) => ({
    termination: t.field({ type: LeaseTerminationRef, nullable: true, description: "The termination recorded.", resolve: (p) => p.termination }),
    lease: t.field({ type: LeaseRef, nullable: true, description: "The lease (ENDED once the date of effect is past).", resolve: (p) => p.lease }),
    end: t.field({ type: LeaseEndRef, nullable: true, description: "The engine's computation of the end.", resolve: (p) => p.end }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

/** Ends a lease at `on`: ENDED when already past, the dwelling (or unit) vacant again. */
export async function endLeaseAt(tx: Tx, lease: Lease, on: string): Promise<Lease> {
  const past = on <= todayIso();
  const after = await tx.lease.update({ where: { id: lease.id }, data: { endsOn: dateOf(on), ...(past ? { status: "ENDED" } : {}) } });
  if (past) {
    if (lease.accommodationUnitId) {
      await tx.accommodationUnit.update({ where: { id: lease.accommodationUnitId }, data: { status: "VACANT" } });
      // The shared dwelling's status follows its units, counted under the dwelling's row lock (issue 15 §2).
      await deriveSharedDwellingStatus(tx, lease.dwellingId);
    } else {
      await tx.dwelling.update({ where: { id: lease.dwellingId }, data: { status: "VACANT" } });
    }
  }
  return after;
}

builder.mutationField("terminateLease", (t) =>
  t.field({
    type: TerminationPayload,
    description: "Ends a lease on a ground of art. 69-70 (bill art. 42, incl. the 14 serious grounds with evidence): computes the date of effect per regime, records it, and sets the lease ENDED when that date is past.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: TerminateLeaseInput, required: true, description: "The ground and its facts." }) },
    resolve: async (_r, { input }, ctx) => terminate(ctx, input),
  }),
);

async function terminate(ctx: Context, input: typeof TerminateLeaseInput.$inferInput) {
  const out = await runMutation(ctx, "terminateLease", async (tx) => {
    const p = new Problems();
    const options = regimeFor(ctx, p, input.regime);
    const evidence = checkText(p, "evidence", input.evidence, { max: 2000 });
    const lease = await ownLease(tx, ctx, p, "leaseId", input.leaseId, { dwelling: true, household: { include: { members: true } } });
    if (lease.status !== "ACTIVE") p.add("leaseId", "INVALID_STATE", "The lease has already ended");
    const needsNotice = input.ground !== "YOUNG_TENANT_AGE" && input.ground !== "RESERVE_FIRST_OCCUPATION";
    if (needsNotice && !input.noticeOn) p.add("noticeOn", "REQUIRED", `noticeOn is required for ${input.ground}`);
    if (input.ground === "SERIOUS_GROUNDS" && !(input.seriousGrounds?.length)) p.add("seriousGrounds", "REQUIRED", "Name at least one serious ground with its evidence", "bill 8535 art. 42 4° (→ art. 69 §3)");
    if (p.any) fail(p);
    const category = categoryOf(lease.dwelling);
    const noticeOn = input.noticeOn ?? iso(lease.startsOn);
    const applicant = tenantsOf(lease.household.members)[0];
    let facts: EndFacts;
    switch (input.ground) {
      case "ELIGIBILITY_LOST_TENANT_NOTICE": facts = { ground: input.ground, notifiedOn: noticeOn }; break;
      case "ELIGIBILITY_LOST_LANDLORD_FINDING": facts = { ground: input.ground, findingNotifiedOn: noticeOn }; break;
      case "UNPAID_RENT": facts = { ground: input.ground, formalNoticeOn: noticeOn }; break;
      case "YOUNG_TENANT_AGE": facts = { ground: input.ground, category, tenantBirthDate: applicant?.birthDate ?? "1900-01-01" }; break;
      case "EMPLOYEE_JOB_END": facts = { ground: input.ground, category, jobEndedOn: noticeOn, employerNeedsDwelling: input.employerNeedsDwelling ?? false, economicDismissal: input.economicDismissal ?? false }; break;
      case "CLOSE_SUPPORT_END": facts = { ground: input.ground, category, supportEndedOn: noticeOn }; break;
      case "STUDENT_ENROLMENT_END": facts = { ground: input.ground, category, enrolmentEndedOn: noticeOn }; break;
      case "COOPERATIVE_SHARES_TRANSFERRED": facts = { ground: input.ground, category, sharesTransferredOn: noticeOn }; break;
      case "RESERVE_FIRST_OCCUPATION": facts = { ground: input.ground, category, firstOccupiedOn: iso(lease.startsOn) }; break;
      case "SERIOUS_GROUNDS":
        facts = {
          ground: input.ground,
          notifiedOn: noticeOn,
          grounds: input.seriousGrounds!.map((g) => ({ ground: g.ground, evidence: g.evidence })),
          ...(input.agreedEntryOn ? { agreedEntryOn: input.agreedEntryOn } : {}),
          ...(input.movedInOn ? { movedInOn: input.movedInOn } : {}),
          ...(input.unpaidRents != null ? { unpaidRents: input.unpaidRents } : {}),
          ...(input.unpaidCharges != null ? { unpaidCharges: input.unpaidCharges } : {}),
        };
        break;
      case "DEATH":
        facts = { ground: input.ground, diedOn: noticeOn, category, successors: (input.successors ?? []).map((s) => ({ personId: s.name, eligible: s.eligible, householdMember: true, livedWithTenant: s.livedWithTenant })) };
        break;
    }
    const end = leaseEnd(facts, noticeOn, options);
    const reference = citation(end.reference);
    if (!end.available) {
      p.add(input.ground === "SERIOUS_GROUNDS" ? "seriousGrounds" : "ground", "RULE_VIOLATION", `This ground does not apply: ${end.reasonUnavailable ?? "unavailable"}${end.groundsRejected?.length ? ` (${end.groundsRejected.map((g) => `${g.ground}: ${g.reason}`).join("; ")})` : ""}`, reference);
      fail(p);
    }
    if (end.passesTo && end.passesTo.length > 0) {
      p.add("successors", "RULE_VIOLATION", `The lease passes to ${end.passesTo.join(", ")}: it does not end`, reference);
      fail(p);
    }
    let effectiveOn = end.endsOn!;
    if (input.effectiveOn) {
      if (end.ofRight && input.effectiveOn !== effectiveOn) p.add("effectiveOn", "RULE_VIOLATION", `The lease ends of right on ${effectiveOn}`, reference);
      else if (input.effectiveOn < effectiveOn) p.add("effectiveOn", "RULE_VIOLATION", `The earliest date of effect is ${effectiveOn}`, reference);
      else if (end.latestEndOn && input.effectiveOn > end.latestEndOn) p.add("effectiveOn", "RULE_VIOLATION", `The last date of effect is ${end.latestEndOn}`, reference);
      effectiveOn = input.effectiveOn;
    }
    if (p.any) fail(p);
    const groundName = input.ground === "SERIOUS_GROUNDS" ? `SERIOUS_GROUNDS ${(end.groundsRetained ?? []).map((g) => SERIOUS_GROUNDS[g].point).join(" ")}` : input.ground;
    const evidenceText = evidence ?? (input.seriousGrounds ? input.seriousGrounds.map((g) => `${SERIOUS_GROUNDS[g.ground].point} ${g.evidence.join("; ")}`).join(" | ") : null);
    const termination = await tx.leaseTermination.create({
      data: { leaseId: lease.id, ground: groundName, regime: options.regime, noticeOn: input.noticeOn ? dateOf(input.noticeOn) : null, effectiveOn: dateOf(effectiveOn), evidence: evidenceText, computation: { facts, end } as never },
    });
    const { dwelling: _d, household: _h, ...before } = lease;
    const after = await endLeaseAt(tx, before, effectiveOn);
    return { result: { termination, lease: after, end }, entityType: "Lease", entityId: lease.id, before, after: { ...after, termination } };
  });
  return { termination: out.result?.termination ?? null, lease: out.result?.lease ?? null, end: out.result?.end ?? null, userErrors: out.userErrors };
}
