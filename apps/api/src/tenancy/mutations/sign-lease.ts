/** `signLease` (law art. 61, 64; art. 55 §1 al. 2 and art. 12 §3 re-checked on the signing date): one input object, one transaction with its audit record, rule violations as userErrors. */
import type { Lease } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { runMutation } from "../../schema/mutation.js";
import { Problems, UserErrorRef, type UserError } from "../../schema/user-errors.js";
import { checkDecimal } from "../../schema/validate.js";
import { checkDedicated, checkEligibility } from "@abordable/domain";
import {
  allocationFileToSign,
  decode,
  dwellingToChange,
  householdOfApplication,
  householdToSign,
  refuse,
  type HouseholdForLease,
  type LeaseOrigin,
} from "../../access/policy.js";
import { householdOf, operatorRegime, ruleOf, vacancyOf } from "../../allocation/adapters/common.js";
import { deriveSharedDwellingStatus, guarded, uniquely } from "../../schema/one-winner.js";
import { LeaseRef } from "../types/lease.js";
import { iso, LegalRegimeEnum, todayIso, withCote } from "../adapters/common.js";
import { indexSeriesOf } from "../../indices/series.js";
import { computeRent, rentDwellingOf, rentIncome, type RentComputationRecord } from "../adapters/rent.js";
import { dateOf, fail, MONEY, INCOME, MUTATE, regimeFor } from "./support.js";
import { endLeaseAt } from "./terminate-lease.js";

const SignLeaseInput = builder.inputType("SignLeaseInput", {
  description:
    "Sign an affordable lease (art. 64): from an allocation file whose visit is done, or for a vacant dwelling of the caller's stock and a household that accepted the caller's offer for it (allocation file or rehousing case). The rent is computed at allocation (art. 61) and stored with its computation.",
  fields: (t) => ({
    allocationFileId: t.id({ required: false, description: "Allocation file in state VISIT with its selected application (the household comes from it)." }),
    dwellingId: t.id({ required: false, description: "Instead of a file: a vacant dwelling of the caller's stock." }),
    accommodationUnitId: t.id({ required: false, description: "With dwellingId: the vacant unit of a shared dwelling." }),
    householdId: t.id({
      required: false,
      description:
        "With dwellingId: the tenant household; it must have accepted the caller's allocation offer for this vacancy, or a rehousing offer of this dwelling in the caller's case.",
    }),
    startsOn: t.field({ type: "Date", required: true, description: "Entry into the premises (entrée en jouissance); the rent's calculation date." }),
    monthlyCharges: t.field({ type: "Decimal", required: false, description: "Monthly charges advance (art. 63), EUR (default 0)." }),
    annualNetDisposableIncome: t.field({
      type: "Decimal",
      required: false,
      description:
        "Annual net disposable income (art. 56), EUR; default: the register's incomes of the household as art. 56 §3 counts them on the start date (family allowances included, dependent children's income ignored, children in their first working years at 0/25/50/100 %).",
    }),
    flatGrossMonthlyRent: t.field({
      type: "Decimal",
      required: false,
      description: "Flat monthly gross rent on the commission's advice, below the low-income threshold only (art. 60 §2 al. 2).",
    }),
    regime: t.field({ type: LegalRegimeEnum, required: false, description: "Regime (default: the bill once in force, else the law)." }),
  }),
});

const SignLeasePayload = builder
  .objectRef<{ lease: Lease | null; rentComputation: RentComputationRecord | null; userErrors: UserError[] }>("SignLeasePayload")
  .implement({
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
      // The index series in use (built in + the operator's recorded values), read once before the transaction.
      const series = await indexSeriesOf(ctx);
      const out = await runMutation(ctx, "signLease", async (tx) => {
        const p = new Problems();
        const options = withCote(regimeFor(ctx, p, input.regime), series);
        checkDecimal(p, "monthlyCharges", input.monthlyCharges, MONEY);
        checkDecimal(p, "annualNetDisposableIncome", input.annualNetDisposableIncome, INCOME);
        checkDecimal(p, "flatGrossMonthlyRent", input.flatGrossMonthlyRent, { ...MONEY, greaterThan: "0" });
        if (input.annualNetDisposableIncome?.isNegative()) p.add("annualNetDisposableIncome", "OUT_OF_RANGE", "The income cannot be negative");
        if ((input.allocationFileId == null) === (input.dwellingId == null)) {
          p.add("allocationFileId", "INVALID_VALUE", "Give either allocationFileId or dwellingId (with householdId)");
          fail(p);
        }
        if (input.dwellingId != null && input.householdId == null) p.add("householdId", "REQUIRED", "householdId is required with dwellingId");
        if (input.allocationFileId != null && (input.householdId != null || input.accommodationUnitId != null))
          p.add(
            "allocationFileId",
            "INVALID_VALUE",
            "With allocationFileId, the household and the vacancy come from the file: give neither householdId nor accommodationUnitId",
          );
        if (p.any) fail(p);
        const startsOn = input.startsOn;
        let dwelling: Awaited<ReturnType<typeof dwellingToChange<{ accommodationUnits: true }>>>;
        let unitId: string | undefined;
        let household: HouseholdForLease;
        let origin: LeaseOrigin;
        if (input.allocationFileId != null) {
          // Through the procedure: the file of the caller's, after the visit, its selected application.
          const file = await allocationFileToSign(tx, ctx, p, "allocationFileId", input.allocationFileId);
          if (file.status !== "VISIT")
            p.add(
              "allocationFileId",
              "INVALID_STATE",
              `The lease is signed after the visit; the file is in state ${file.status}`,
              "Esch ROI art. 4; law art. 55 §1 al. 2",
            );
          if (!file.selectedApplicationId) p.add("allocationFileId", "INVALID_STATE", "The file has no selected application");
          if (p.any) fail(p);
          const offer = await tx.allocationOffer.findFirst({
            where: { allocationFileId: file.id, applicationId: file.selectedApplicationId!, outcome: { in: ["PENDING", "ACCEPTED"] } },
            select: { id: true },
          });
          const selected = await householdOfApplication(tx, file.selectedApplicationId!);
          if (!offer)
            p.add(
              "allocationFileId",
              "INVALID_STATE",
              "The selected candidate has no housing promise in this file (recordOffer), or refused it",
              "Esch ROI art. 4",
            );
          if (!selected?.household) p.add("allocationFileId", "INVALID_STATE", "The selected application has no household");
          if (p.any || !selected?.household || !offer) fail(p);
          household = selected.household;
          origin = {
            kind: "ALLOCATION",
            fileId: file.id,
            fileStatus: file.status,
            applicationId: selected.application.id,
            offerId: offer.id,
            sittingTenant: selected.application.isSittingTenantToRehouse,
          };
          dwelling = await tx.dwelling.findUniqueOrThrow({ where: { id: file.dwellingId }, include: { accommodationUnits: true } });
          unitId = file.accommodationUnitId ?? undefined;
        } else {
          dwelling = await dwellingToChange(tx, ctx, p, "dwellingId", input.dwellingId!, { accommodationUnits: true }, "LET");
          if (input.accommodationUnitId != null) {
            unitId = decode(p, "accommodationUnitId", input.accommodationUnitId, "AccommodationUnit");
            if (!dwelling.accommodationUnits.some((u) => u.id === unitId)) refuse(p, "accommodationUnitId", "accommodation unit of this dwelling", "LET");
          }
          // Finding 2: only a household the landlord's own accepted offer or rehousing case reached.
          ({ household, origin } = await householdToSign(tx, p, "householdId", input.householdId!, {
            dwellingId: dwelling.id,
            landlordId: dwelling.landlordId,
            unitId: unitId ?? null,
          }));
        }
        const unit = unitId ? dwelling.accommodationUnits.find((u) => u.id === unitId) : undefined;
        if (dwelling.type === "SHARED_DWELLING" && !unitId)
          p.add("accommodationUnitId", "REQUIRED", "A shared dwelling is let by accommodation unit", "bill 8535 art. 13 §2 al. 2");
        if (!unitId && dwelling.status !== "VACANT") p.add("dwellingId", "INVALID_STATE", `The dwelling is ${dwelling.status}, not VACANT`);
        if (unit && unit.status !== "VACANT") p.add("accommodationUnitId", "INVALID_STATE", `The unit is ${unit.status}, not VACANT`);
        if (household.members.length === 0) p.add("householdId", "INVALID_STATE", "The household has no members");
        const rehousing = origin.kind === "REHOUSING";
        if (rehousing && startsOn > todayIso())
          p.add(
            "startsOn",
            "OUT_OF_RANGE",
            "A rehoused tenant's new lease is recorded once the tenant moves (startsOn not in the future): the previous lease ends that day",
            "law art. 67",
          );
        const held = await tx.lease.findMany({
          where: { householdId: household.id, status: "ACTIVE", ...(origin.kind === "REHOUSING" ? { id: { not: origin.previousLeaseId } } : {}) },
          select: { id: true },
        });
        if (held.length > 0)
          p.add("householdId", "CONFLICT", "The household already holds an active affordable lease (main and permanent home)", "law art. 64 al. 2");
        if (p.any) fail(p);

        // Art. 55 §1 al. 2: the conditions are met again on the day the candidate becomes tenant (§3 for a tenant rehoused);
        // art. 12 §3: a dedicated dwelling goes to a household of its sub-category. The domain decides both.
        // The annex II ceiling at the cote of the series in use, as the rent below.
        const regime = { ...operatorRegime(ctx), ...options, indexOptions: { coteSeries: series.cote } };
        const domainHousehold = householdOf(household.candidate, household.members, startsOn);
        const purpose = rehousing || (origin.kind === "ALLOCATION" && origin.sittingTenant) ? "TENANT" : "CANDIDATE";
        const eligibility = checkEligibility(domainHousehold, { ...regime, asOf: startsOn, purpose });
        for (const f of eligibility.failures) p.add("householdId", "RULE_VIOLATION", `Not eligible on ${startsOn}: ${f.reason}`, ruleOf(f.citation));
        const category = vacancyOf(dwelling.id, dwelling.landlordId, dwelling, unit ?? null).category;
        if (category.kind === "DEDICATED") {
          for (const f of checkDedicated(domainHousehold, category.subCategory, { ...regime, allocationDate: startsOn }).failures)
            p.add("householdId", "RULE_VIOLATION", `Dedicated dwelling (${category.subCategory}): ${f.reason}`, ruleOf(f.citation));
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
          p.add(
            "annualNetDisposableIncome",
            "RULE_VIOLATION",
            `The affordable rent cannot be computed: ${error instanceof Error ? error.message : String(error)}`,
            "law art. 60, annexe III",
          );
          fail(p);
        }
        // Exactly one winner: the vacancy is taken by a guarded update (a concurrent signature finds it LET),
        // and the partial unique indexes (one active lease per dwelling, unit and household) back it.
        const letOn = dateOf(startsOn);
        if (unit) {
          await guarded(
            tx.accommodationUnit.updateMany({
              where: { id: unit.id, status: "VACANT" },
              data: { status: "LET", firstLettingOn: unit.firstLettingOn ?? letOn },
            }),
            "accommodationUnitId",
            "The unit was let meanwhile by another request",
          );
          await deriveSharedDwellingStatus(tx, dwelling.id, letOn);
        } else {
          await guarded(
            tx.dwelling.updateMany({ where: { id: dwelling.id, status: "VACANT" }, data: { status: "LET", firstLettingOn: dwelling.firstLettingOn ?? letOn } }),
            "dwellingId",
            "The dwelling was let meanwhile by another request",
          );
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
          [
            {
              match: /household/i,
              field: "householdId",
              message: "The household signed another active lease meanwhile (main and permanent home)",
              rule: "law art. 64 al. 2",
            },
          ],
          { field: unitId ? "accommodationUnitId" : "dwellingId", message: "An active lease was signed for it meanwhile by another request" },
        );
        await tx.rentRevision.create({
          data: { leaseId: lease.id, reason: "ALLOCATION", effectiveFrom: letOn, monthlyRent: record.netMonthly, computation: record as never },
        });
        if (origin.kind === "ALLOCATION") {
          // The file closes with the lease; a concurrent signature in the same file finds it closed.
          await guarded(
            tx.allocationFile.updateMany({
              where: { id: origin.fileId, status: { notIn: ["LEASE_SIGNED", "CLOSED", "REFUSED"] } },
              data: { status: "LEASE_SIGNED", closedOn: letOn },
            }),
            input.allocationFileId != null ? "allocationFileId" : "householdId",
            "The allocation file was closed meanwhile by another request",
          );
          await tx.allocationFileEvent.create({
            data: {
              allocationFileId: origin.fileId,
              fromStatus: origin.fileStatus as never,
              toStatus: "LEASE_SIGNED",
              occurredOn: letOn,
              reason: `lease ${lease.id} signed`,
            },
          });
          await tx.allocationOffer.updateMany({ where: { id: origin.offerId, outcome: "PENDING" }, data: { outcome: "ACCEPTED", respondedOn: letOn } });
          await tx.application.update({ where: { id: origin.applicationId }, data: { status: "ALLOCATED" } });
        }
        return {
          result: { lease, record },
          entityType: "Lease",
          entityId: lease.id,
          before: null,
          after: { ...lease, origin: { kind: origin.kind, offerId: origin.offerId }, eligibility: { purpose, eligible: true } },
        };
      });
      return { lease: out.result?.lease ?? null, rentComputation: out.result?.record ?? null, userErrors: out.userErrors };
    },
  }),
);
