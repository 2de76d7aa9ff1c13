/**
 * A candidate's data report (GDPR right of access, art. 15, for the register of art. 74):
 * everything the platform holds about the candidate and their household, table by table — the
 * candidate, household and members, applications, shortlist entries with their scores, allocation
 * offers and the commission's deliberations on them (without the votes, which stay secret), every
 * lease with its rent revisions, deposit and payments, inventories, information requests, rehousing
 * cases and offers, terminations — which organisations were entitled to see the personal data, who
 * actually saw it (every `PersonalDataAccess` record about the candidate or the household), and
 * every change recorded in the audit trail about these rows (who, when, what).
 *
 * The report is itself an unmasking: it is written to `PersonalDataAccess` (purpose
 * REGISTER_ADMINISTRATION, operation `candidateDataReport`) before it leaves, like every other.
 * Register administrators (ministry administrators) only.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../schema/builder.js";
import { decodeGlobalId } from "../../schema/ids.js";
import { isMinistryAdmin } from "../../identity/viewer.js";
import { candidateScope } from "../../access/tenant.js";
import { logAccesses } from "../../privacy/relationship.js";

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x)));

/** Every table that holds a lease's data about its household (what `candidateDataReport` lists per lease). */
const LEASE_INCLUDE = {
  revisions: { orderBy: { effectiveFrom: "asc" } },
  deposit: { include: { payments: { orderBy: { paidOn: "asc" } } } },
  inventories: true,
  rentInformationRequests: { orderBy: { requestedOn: "asc" } },
  rehousingCases: { include: { offers: { orderBy: { noticeOn: "asc" } } } },
  terminations: { orderBy: { effectiveOn: "asc" } },
} as const;

builder.queryField("candidateDataReport", (t) =>
  t.field({
    type: "JSON",
    nullable: true,
    description:
      "Everything held about a candidate (GDPR access report for the national register, art. 74): personal data, household, incomes, applications, shortlist entries, allocation offers, the commission's deliberations (without the votes), leases with their rents, deposit, inventories, information requests, rehousing cases and terminations, the organisations entitled to see the personal data, who saw it (the access records), and the audit trail of changes. The report is itself recorded as an access. Null when there is no such candidate. Ministry administrators only.",
    authScopes: { ministryAdmin: true },
    args: { candidateId: t.arg.id({ required: true, description: "The candidate." }) },
    resolve: async (_r, args, ctx) => {
      const id = decodeGlobalId(String(args.candidateId), "Candidate", "candidateId");
      if (!isMinistryAdmin(ctx.viewer)) return null;
      const c = await ctx.prisma.candidate.findFirst({
        where: { id, AND: [candidateScope(ctx.viewer)] },
        include: {
          household: { include: { members: true, leases: { include: LEASE_INCLUDE, orderBy: { startsOn: "asc" } } } },
          applications: {
            include: {
              allocationEntries: { include: { allocationFile: { select: { id: true, landlordId: true, dwellingId: true, status: true } } } },
              offers: true,
              deliberations: {
                select: { id: true, allocationFileId: true, opinion: true, reasons: true, isOnSelectedCandidate: true, meeting: { select: { heldOn: true } } },
              },
            },
          },
        },
      });
      if (!c) return null;
      const householdId = c.household?.id ?? null;
      // The report shows the personal data: recorded first (fail closed), as every unmasking is.
      await logAccesses(ctx.prisma, ctx.viewer, { correlationId: ctx.correlationId, operation: "candidateDataReport" }, [
        { purpose: "REGISTER_ADMINISTRATION", basisType: null, basisId: null, candidateId: c.id, householdId },
      ]);
      const leases = c.household?.leases ?? [];
      const entityIds = [
        c.id,
        ...(householdId ? [householdId] : []),
        ...(c.household?.members.map((m) => m.id) ?? []),
        ...c.applications.flatMap((a) => [a.id, ...a.offers.map((o) => o.id), ...a.deliberations.map((d) => d.id)]),
        ...leases.flatMap((l) => [
          l.id,
          ...(l.deposit ? [l.deposit.id] : []),
          ...l.inventories.map((i) => i.id),
          ...l.rentInformationRequests.map((r) => r.id),
          ...l.rehousingCases.flatMap((rc) => [rc.id, ...rc.offers.map((o) => o.id)]),
        ]),
      ];
      const [audit, accesses] = await Promise.all([
        ctx.prisma.auditEvent.findMany({
          where: { entityId: { in: entityIds } },
          orderBy: { occurredAt: "asc" },
          select: { occurredAt: true, action: true, entityType: true, entityId: true, organisationId: true, role: true, apiKeyId: true },
        }),
        ctx.prisma.personalDataAccess.findMany({
          where: { OR: [{ candidateId: c.id }, ...(householdId ? [{ householdId }] : [])] },
          orderBy: { id: "asc" },
          select: {
            occurredAt: true,
            organisationId: true,
            role: true,
            apiKeyId: true,
            purpose: true,
            basisType: true,
            basisId: true,
            operation: true,
            correlationId: true,
          },
        }),
      ]);
      const orgIds = new Set<string>([
        ...c.applications.flatMap((a) => a.allocationEntries.map((e) => e.allocationFile.landlordId)),
        ...leases.map((l) => l.landlordId),
        ...accesses.flatMap((a) => (a.organisationId ? [a.organisationId] : [])),
      ]);
      const orgs = await ctx.prisma.organisation.findMany({ where: { id: { in: [...orgIds] } }, select: { id: true, name: true } });
      const entitled = new Set([
        ...c.applications.flatMap((a) => a.allocationEntries.map((e) => e.allocationFile.landlordId)),
        ...leases.map((l) => l.landlordId),
      ]);
      const keyIds = [...new Set(accesses.flatMap((a) => (a.apiKeyId ? [a.apiKeyId] : [])))];
      const keys = new Map(
        (await ctx.prisma.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, prefix: true } })).map((k) => [k.id, k.prefix]),
      );
      return plain({
        generatedAt: new Date().toISOString(),
        candidate: { ...c, household: undefined, applications: undefined },
        household: c.household ? { ...c.household, leases: undefined } : null,
        applications: c.applications,
        leases,
        entitledToPersonalData: { ministryAdministrators: true, organisations: orgs.filter((o) => entitled.has(o.id)) },
        // Who saw it: every access record about the candidate or the household (this report's own included).
        accesses: accesses.map((a) => ({
          ...a,
          organisation: orgs.find((o) => o.id === a.organisationId)?.name ?? null,
          apiKeyPrefix: a.apiKeyId ? (keys.get(a.apiKeyId) ?? null) : null,
          basisId: a.basisType && a.basisId ? encodeGlobalID(a.basisType, a.basisId) : null,
        })),
        changes: audit,
      });
    },
  }),
);
