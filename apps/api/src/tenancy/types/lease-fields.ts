/**
 * Fields added to the Lease type (src/tenancy/lease.ts) by the tenancy capability: the rent's
 * computation and revisions, the deposit, inventories, under-occupancy, rehousing, ends and
 * terminations, and the lease's own deadlines. Relations are planned into the leases' query by the
 * prisma plugin (`select`), so a page of leases costs a fixed number of statements.
 */
import { revisionDue, tenancyUnderOccupancy, deadlineWindowNextDays } from "@abordable/domain";
import { GraphQLError } from "graphql";
import { builder } from "../../schema/builder.js";
import { pageCost } from "../../schema/complexity.js";
import { LegalRegimeEnum, regimeOrThrow, tenancyOptionsOrThrow, todayIso } from "../adapters/common.js";
import { deadlinesOf } from "../adapters/deadlines.js";
import { earliestEnd, endFactsOf, endOptionsOf } from "../adapters/lease-ends.js";
import { FACTS_INCLUDE, INFORMATION_REQUEST_ORDER, occupancyFactsOf, revisionEventsOf, revisionLeaseOf } from "../adapters/facts.js";
import { RENT_HISTORY_ORDER, rentOn, revisionInForce } from "../adapters/rent-history.js";
import { AffordableRentRef } from "./rent.js";
import { isRentRecord } from "../adapters/rent.js";
import { DueRevisionRef, LeaseEndRef, UnderOccupancyRef } from "./results.js";
import { LeaseDeadlineRef, MAX_WINDOW_DAYS } from "./deadline.js";
import { mayConsiderLeaseHealth, omitRow } from "../../privacy/personal-data.js";

const REGIME_ARG = "Regime (default: the bill once its entry into force is set, else the law).";

builder.prismaObjectFields("Lease", (t) => ({
  rentComputation: t.field({
    type: AffordableRentRef,
    nullable: true,
    description:
      "The computation (art. 60, annex III) of the rent in force today (see monthlyRent), every figure with its rule and parameter version; null for a rent the platform did not compute (imported, or a flat rent).",
    select: { rentComputation: true, revisions: { orderBy: RENT_HISTORY_ORDER } },
    resolve: (l) => {
      const current = revisionInForce(l.revisions, todayIso());
      const computation = current ? current.computation : l.rentComputation;
      return isRentRecord(computation) ? computation : null;
    },
  }),
  rentOn: t.field({
    type: "Decimal",
    description:
      "The affordable net rent per month in force on a day (art. 61-62), EUR: a revision applies from its effective date (events: the first day of the month after the one-month period, art. 62 §2 al. 2), never before.",
    args: { date: t.arg({ type: "Date", required: true, description: "The day." }) },
    select: { monthlyRent: true, revisions: { orderBy: RENT_HISTORY_ORDER } },
    resolve: (l, args) => rentOn(l, l.revisions, args.date),
  }),
  rentInformationRequests: t.relation("rentInformationRequests", {
    description: "Requests for information sent to the tenant (art. 62 §1 al. 3), oldest first.",
    query: { orderBy: INFORMATION_REQUEST_ORDER },
  }),
  revisions: t.relatedConnection("revisions", {
    description: "Rents set on the lease (art. 61-62): at allocation and each revision, latest first.",
    cursor: "id",
    complexity: pageCost,
    totalCount: true,
    query: () => ({ orderBy: [{ effectiveFrom: "desc" }, { id: "asc" }] }),
  }),
  revisionsDue: t.field({
    type: [DueRevisionRef],
    description:
      "Rent revisions due on a date (art. 61-62; default today): the yearly revision cycle from the rents set on the platform, and the flat rent the recorded information requests allow (art. 62 §1 al. 3-4). Empty for a rent the platform did not set.",
    args: {
      asOf: t.arg({ type: "Date", required: false, description: "Date (default today)." }),
      regime: t.arg({ type: LegalRegimeEnum, required: false, description: REGIME_ARG }),
    },
    select: { revisions: { orderBy: RENT_HISTORY_ORDER }, rentInformationRequests: { orderBy: INFORMATION_REQUEST_ORDER } },
    resolve: async (l, args, ctx) => {
      const r = revisionLeaseOf(l, l.revisions);
      if (!r || l.status !== "ACTIVE") return [];
      // The flat-rent cap (annex III 1° b) at the cote of the series in use.
      return revisionDue(r, revisionEventsOf(l.rentInformationRequests), args.asOf ?? todayIso(), await tenancyOptionsOrThrow(ctx, args.regime));
    },
  }),
  deposit: t.relation("deposit", { nullable: true, description: "Rental deposit (bill art. 63bis), once a schedule is agreed." }),
  inventories: t.relation("inventories", { description: "Inventories (états des lieux), entry first.", query: { orderBy: [{ kind: "asc" }] } }),
  underOccupancy: t.field({
    type: UnderOccupancyRef,
    description:
      "Under-occupancy on a date (art. 66, bill art. 39; default today), with the seniors' medical bedroom recorded on the lease (recordMedicalBedroomReason).",
    args: {
      asOf: t.arg({ type: "Date", required: false, description: "Date (default today)." }),
      regime: t.arg({ type: LegalRegimeEnum, required: false, description: REGIME_ARG }),
      medicalReasonDocumented: t.arg.boolean({
        required: false,
        description:
          "What-if: overrides the recorded medical reason for one more bedroom in a seniors' dwelling (bill art. 31); default: documented on or before asOf (medicalReasonDocumentedOn).",
      }),
    },
    select: { landlordId: true, dwelling: true, accommodationUnitId: true, medicalReasonDocumentedOn: true, household: { include: { members: true } } },
    resolve: async (l, args, ctx) => {
      const asOf = args.asOf ?? todayIso();
      const healthDataConsidered = await mayConsiderLeaseHealth(ctx, l.landlordId);
      // Health data (the medical reason) only for those who may read it; others get the assessment without it.
      const facts = occupancyFactsOf(
        healthDataConsidered ? l : { ...l, medicalReasonDocumentedOn: null },
        l.dwelling,
        l.household.members,
        asOf,
        args.medicalReasonDocumented,
      );
      return { ...tenancyUnderOccupancy(facts, asOf, regimeOrThrow(ctx, args.regime)), healthDataConsidered };
    },
  }),
  medicalReasonDocumentedOn: t.expose("medicalReasonDocumentedOn", {
    type: "Date",
    nullable: true,
    description:
      "Seniors' dwelling: day duly justified medical reasons for one more bedroom were documented (bill art. 31 → art. 54 §2 al. 3); null when none.",
  }),
  medicalReasonEvidence: t.exposeString("medicalReasonEvidence", { nullable: true, description: "The documents supporting the medical reason." }),
  rehousingCases: t.relation("rehousingCases", {
    description: "Rehousing cases (art. 66-67), oldest first.",
    query: { orderBy: [{ knownOn: "asc" }, { id: "asc" }] },
  }),
  endOptions: t.field({
    type: [LeaseEndRef],
    description:
      "The ends the recorded facts open (art. 69-70): a young tenant's 32nd birthday, the reserve window, an employee's job end, eligibility lost, unpaid rent…",
    args: {
      asOf: t.arg({ type: "Date", required: false, description: "Calculation date (default today)." }),
      regime: t.arg({ type: LegalRegimeEnum, required: false, description: REGIME_ARG }),
    },
    select: { dwelling: true, household: { include: { members: true } } },
    resolve: (l, args, ctx) => endOptionsOf(endFactsOf(l, l.dwelling, l.household.members), args.asOf ?? todayIso(), regimeOrThrow(ctx, args.regime)),
  }),
  earliestEnd: t.field({
    type: LeaseEndRef,
    nullable: true,
    description: "The earliest end among endOptions that is available (art. 69-70); null when none.",
    args: {
      asOf: t.arg({ type: "Date", required: false, description: "Calculation date (default today)." }),
      regime: t.arg({ type: LegalRegimeEnum, required: false, description: REGIME_ARG }),
    },
    select: { dwelling: true, household: { include: { members: true } } },
    resolve: (l, args, ctx) =>
      earliestEnd(endOptionsOf(endFactsOf(l, l.dwelling, l.household.members), args.asOf ?? todayIso(), regimeOrThrow(ctx, args.regime))),
  }),
  terminations: t.relation("terminations", {
    description: "Ends of lease recorded (art. 67, 69-70).",
    query: { orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }] },
  }),
  deadlines: t.field({
    type: [LeaseDeadlineRef],
    description: "This lease's deadlines in the window [asOf, asOf + withinDays] (see Query.leaseDeadlines).",
    args: {
      withinDays: t.arg.int({ required: false, defaultValue: 90, description: `Window length in days (0-${MAX_WINDOW_DAYS}).` }),
      asOf: t.arg({ type: "Date", required: false, description: "First day of the window (default today)." }),
      regime: t.arg({ type: LegalRegimeEnum, required: false, description: REGIME_ARG }),
    },
    select: FACTS_INCLUDE,
    resolve: async (l, args, ctx) => {
      const days = args.withinDays ?? 90;
      if (days < 0 || days > MAX_WINDOW_DAYS)
        throw new GraphQLError(`withinDays must be between 0 and ${MAX_WINDOW_DAYS}`, { extensions: { code: "BAD_USER_INPUT" } });
      return deadlinesOf(l, deadlineWindowNextDays(args.asOf ?? todayIso(), days), await tenancyOptionsOrThrow(ctx, args.regime))
        .filter((d) => !omitRow(ctx, "LeaseDeadline", d))
        .map((d) => ({ ...d, lease: l }));
    },
  }),
}));
