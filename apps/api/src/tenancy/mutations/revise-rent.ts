/** `reviseRent` (law art. 62; bill art. 37): the yearly revision, a change in the household or income, a flat rent after an unanswered request. */
import { grossRentCapMonthly, leaseDeadlines, revisionDue, roundMoney, type RevisionEvent } from "@abordable/domain";
import type { Lease, RentRevision } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { runMutation } from "../../schema/mutation.js";
import { Problems, UserErrorRef, type UserError } from "../../schema/user-errors.js";
import { checkDecimal } from "../../schema/validate.js";
import { LeaseRef } from "../types/lease.js";
import { citation, iso, LegalRegimeEnum, parameterReference, withCote } from "../adapters/common.js";
import { indexSeriesOf } from "../../indices/series.js";
import { INFORMATION_REQUEST_ORDER, revisionEventsOf, revisionLeaseOf } from "../adapters/facts.js";
import { RENT_HISTORY_ORDER } from "../adapters/rent-history.js";
import { computeRent, rentDwellingOf } from "../adapters/rent.js";
import { RentRevisionRef } from "../types/records.js";
import { dateOf, fail, MONEY, LAST_DAY, INCOME, MUTATE, ownLease, regimeFor } from "./support.js";

const RevisionReasonInput = builder.enumType("RentRevisionReasonInput", {
  description: "Why the rent is revised (art. 62).",
  values: {
    ANNUAL: { description: "Yearly revision (art. 62 §1 al. 1); applies from its notification (receivedOn)." },
    HOUSEHOLD_CHANGE: {
      description: "Household change reported on receivedOn (art. 62 §2 1°): applies from the first day of the month after the one-month period.",
    },
    INCOME_CHANGE: { description: "Income change of at least 5 % reported on receivedOn (art. 62 §2 2°-3°): same date rule." },
    AFTER_INFORMATION: { description: "Complete information received after a flat rent (art. 62 §1 al. 4); applies from its notification (receivedOn)." },
    FLAT_RENT: {
      description:
        "No answer within two months to a recorded request for information (recordRentInformationRequest): a flat rent up to the annex III cap (art. 62 §1 al. 3), from receivedOn.",
    },
  } as const,
});

const ReviseRentInput = builder.inputType("ReviseRentInput", {
  description: "A rent revision (art. 61-62) with the household's new income and, if it changed, its members' birth dates.",
  fields: (t) => ({
    leaseId: t.id({ required: true, description: "The lease." }),
    reason: t.field({ type: RevisionReasonInput, required: true, description: "Why." }),
    receivedOn: t.field({
      type: "Date",
      required: true,
      description: "Events: day the landlord received the information; ANNUAL, AFTER_INFORMATION, FLAT_RENT: day of the notification.",
    }),
    annualNetDisposableIncome: t.field({
      type: "Decimal",
      required: false,
      description: "The household's annual net disposable income now (art. 56), EUR; required except for FLAT_RENT.",
    }),
    birthDates: t.field({
      type: ["Date"],
      required: false,
      description: "Birth dates of the members now (household change); default: the household's recorded members.",
    }),
    flatMonthlyRent: t.field({ type: "Decimal", required: false, description: "FLAT_RENT only: the monthly flat rent, at most the annex III cap." }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

const RentRevisionPayload = builder
  .objectRef<{ lease: Lease | null; revision: RentRevision | null; userErrors: UserError[] }>("RentRevisionPayload")
  .implement({
    description: "Result of reviseRent.",
    fields: (t) => ({
      lease: t.field({
        type: LeaseRef,
        nullable: true,
        description:
          "The lease; its monthlyRent is the rent in force today, which is the revised one only once revision.effectiveFrom has come (rentOn(date) for any day); null when there are user errors.",
        resolve: (p) => p.lease,
      }),
      revision: t.field({
        type: RentRevisionRef,
        nullable: true,
        description: "The revision recorded, dated from its effectiveFrom.",
        resolve: (p) => p.revision,
      }),
      userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationField("reviseRent", (t) =>
  t.field({
    type: RentRevisionPayload,
    description:
      "Revises the rent (art. 61-62): checks the revision is due (yearly cycle, 5 % income change, a request for information unanswered for two months for a flat rent), sets its effective date (first day of the month after the one-month period for events) and recomputes the rent with computeAffordableRent on that date. The revision is recorded dated: the lease's rent changes on its effective date, not before.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: ReviseRentInput, required: true, description: "The revision." }) },
    resolve: async (_r, { input }, ctx) => {
      // The index series in use (built in + the operator's recorded values), read once before the transaction.
      const series = await indexSeriesOf(ctx);
      const out = await runMutation(ctx, "reviseRent", async (tx) => {
        const p = new Problems();
        const options = withCote(regimeFor(ctx, p, input.regime), series);
        checkDecimal(p, "annualNetDisposableIncome", input.annualNetDisposableIncome, INCOME);
        checkDecimal(p, "flatMonthlyRent", input.flatMonthlyRent, { ...MONEY, greaterThan: "0" });
        if (input.reason !== "FLAT_RENT" && !input.annualNetDisposableIncome)
          p.add("annualNetDisposableIncome", "REQUIRED", "The new income is required to recompute the rent");
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
        const history = revisionLeaseOf(lease, lease.revisions) ?? {
          id: lease.id,
          rentSettings: [{ effectiveFrom: iso(lease.startsOn), kind: "ALLOCATION" as const, annualIncome: "0" }],
        };
        const known = revisionLeaseOf(lease, lease.revisions) !== null;
        const income = input.annualNetDisposableIncome?.toFixed();
        let effectiveFrom = receivedOn;
        let detail: Record<string, string | null> = { reason: input.reason, receivedOn };
        if (input.reason === "HOUSEHOLD_CHANGE" || input.reason === "INCOME_CHANGE") {
          const event: RevisionEvent =
            input.reason === "HOUSEHOLD_CHANGE"
              ? { kind: "HOUSEHOLD_CHANGE", receivedOn }
              : { kind: "INCOME_CHANGE", receivedOn, newAnnualIncome: known ? income! : "1" };
          const due = revisionDue(history, [event], receivedOn, options).find((d) => d.reason === input.reason);
          if (!due) {
            p.add(
              "annualNetDisposableIncome",
              "RULE_VIOLATION",
              "The income changed by less than 5 % compared with the income the current rent was computed from: no revision",
              "law art. 62 §2 2°-3°",
            );
            fail(p);
          }
          effectiveFrom = due.effectiveFrom!;
          detail = { ...detail, dueBy: due.dueBy, effectiveFrom, rule: citation(due.reference), detail: due.detail, incomeChange: due.incomeChange ?? null };
        } else if (input.reason === "ANNUAL") {
          const due = revisionDue(history, [], receivedOn, options).find((d) => d.reason === "ANNUAL");
          if (!due) {
            p.add(
              "reason",
              "INVALID_STATE",
              "No yearly revision is due on this date (the next falls 12 months after the last yearly rent, and none when the rent is under three months old)",
              "law art. 62 §1 al. 1",
            );
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
              p.add(
                "reason",
                "INVALID_STATE",
                "A flat rent may be asked only when the tenant has not answered a request for information within two months: no request is recorded for this lease on or before receivedOn (recordRentInformationRequest)",
                cited,
              );
            } else if (open.length === 0) {
              p.add(
                "reason",
                "INVALID_STATE",
                "The tenant answered every request for information recorded for this lease: no flat rent (revise the rent on the information received)",
                cited,
              );
            } else {
              // The last day to answer, as the engine's deadlines give it.
              const answerBy = leaseDeadlines({ leaseId: lease.id, revision: { lease: history, events: open } }, { from: receivedOn, to: LAST_DAY }, options)
                .filter((d) => d.kind === "REVISION_ANSWER_DUE")
                .map((d) => d.date)
                .sort()[0];
              p.add(
                "receivedOn",
                "RULE_VIOLATION",
                `The tenant may still answer the request for information${answerBy ? ` until ${answerBy}` : ""}: a flat rent may be asked only after the two months have passed without an answer`,
                cited,
              );
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
            const c = computeRent(
              {
                annualNetDisposableIncome: "0",
                household: { birthDates: members },
                dwelling: rentDwellingOf(lease.dwelling, iso(lease.startsOn), lease.accommodationUnit?.usefulArea),
              },
              receivedOn,
              options,
            );
            household = { adults: c.adults, children: c.children };
          } catch {
            // keep the household of the last computation
          }
          const cap = grossRentCapMonthly(household, receivedOn, options);
          if (input.flatMonthlyRent!.greaterThan(cap.monthly)) {
            p.add(
              "flatMonthlyRent",
              "RULE_VIOLATION",
              `The flat rent may not exceed the annex III cap of ${roundMoney(cap.monthly).toFixed(2)} EUR a month`,
              "law art. 62 §1 al. 3; annexe III 1° b)",
            );
            fail(p);
          }
          monthlyRent = input.flatMonthlyRent!.toFixed(2);
          computation = { kind: "FLAT_RENT", monthlyRent, capMonthly: cap.monthly.toString(), revision: detail };
        } else {
          try {
            const record = computeRent(
              {
                annualNetDisposableIncome: income!,
                household: { birthDates: members },
                dwelling: rentDwellingOf(lease.dwelling, iso(lease.startsOn), lease.accommodationUnit?.usefulArea),
              },
              effectiveFrom,
              options,
            );
            monthlyRent = record.netMonthly;
            computation = { ...record, revision: detail };
          } catch (error) {
            p.add(
              "annualNetDisposableIncome",
              "RULE_VIOLATION",
              `The affordable rent cannot be computed: ${error instanceof Error ? error.message : String(error)}`,
              "law art. 60, annexe III",
            );
            fail(p);
          }
        }
        // The revision is dated: the lease's rent follows it from effectiveFrom (Lease.monthlyRent / rentOn), not before.
        const revision = await tx.rentRevision.create({
          data: { leaseId: lease.id, reason: input.reason, effectiveFrom: dateOf(effectiveFrom), monthlyRent, computation: computation as never },
        });
        const { dwelling: _d, accommodationUnit: _u, household: _h, revisions: _r2, rentInformationRequests: _q, ...before } = lease;
        return { result: { lease: before, revision }, entityType: "Lease", entityId: lease.id, before, after: { ...before, revision } };
      });
      return { lease: out.result?.lease ?? null, revision: out.result?.revision ?? null, userErrors: out.userErrors };
    },
  }),
);
