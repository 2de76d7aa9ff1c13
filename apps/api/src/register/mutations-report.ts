/**
 * A candidate's data report (GDPR right of access, for the register of art. 74): everything the
 * platform holds about the candidate and their household, which organisations could see their
 * personal data (landlords with them in an allocation file, the landlord of their lease), and
 * every change recorded in the audit trail about them (who, when, what). Reads are not logged
 * one by one: "who saw it" is who was entitled to see it, as the access policy decides.
 * Register administrators (ministry administrators) only.
 */
import { builder } from "../schema/builder.js";
import { decodeGlobalId } from "../schema/ids.js";
import { isMinistryAdmin } from "../access/viewer.js";
import { candidateScope } from "../access/tenant.js";

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x)));

builder.queryField("candidateDataReport", (t) =>
  t.field({
    type: "JSON",
    nullable: true,
    description: "Everything held about a candidate (GDPR access report for the national register, art. 74): personal data, household, incomes, applications, allocation files, offers, leases, the organisations entitled to see the personal data, and the audit trail of changes. Null when there is no such candidate. Ministry administrators only.",
    authScopes: { ministryAdmin: true },
    args: { candidateId: t.arg.id({ required: true, description: "The candidate." }) },
    resolve: async (_r, args, ctx) => {
      const id = decodeGlobalId(String(args.candidateId), "Candidate", "candidateId");
      if (!isMinistryAdmin(ctx.viewer)) return null;
      const c = await ctx.prisma.candidate.findFirst({
        where: { id, AND: [candidateScope(ctx.viewer)] },
        include: {
          household: { include: { members: true, leases: { select: { id: true, landlordId: true, dwellingId: true, startsOn: true, endsOn: true, status: true, monthlyRent: true } } } },
          applications: { include: { allocationEntries: { include: { allocationFile: { select: { id: true, landlordId: true, dwellingId: true, status: true } } } }, offers: true } },
        },
      });
      if (!c) return null;
      const entityIds = [c.id, ...(c.household ? [c.household.id] : []), ...c.applications.map((a) => a.id)];
      const audit = await ctx.prisma.auditEvent.findMany({ where: { entityId: { in: entityIds } }, orderBy: { occurredAt: "asc" }, select: { occurredAt: true, action: true, entityType: true, organisationId: true, role: true, apiKeyId: true } });
      const orgIds = new Set<string>([...c.applications.flatMap((a) => a.allocationEntries.map((e) => e.allocationFile.landlordId)), ...(c.household?.leases.map((l) => l.landlordId) ?? [])]);
      const orgs = await ctx.prisma.organisation.findMany({ where: { id: { in: [...orgIds] } }, select: { id: true, name: true } });
      return plain({
        generatedAt: new Date().toISOString(),
        candidate: { ...c, household: undefined, applications: undefined },
        household: c.household,
        applications: c.applications,
        entitledToPersonalData: { ministryAdministrators: true, organisations: orgs },
        changes: audit,
      });
    },
  }),
);
