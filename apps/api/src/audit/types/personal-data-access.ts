/**
 * The record of unmaskings of personal data (registre des activités de traitement, GDPR art. 30;
 * right of access, art. 15): one row each time a caller was shown a candidate's or a household's
 * personal data, written before the data left (privacy/personal-data.ts). Readable by the ministry
 * (administrators and analysts): it names organisations, keys and register IDs, never the data.
 * Filtered by candidate or household, it is what a candidate's data report lists.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { pageCost } from "../../schema/complexity.js";
import { RoleEnum } from "../../schema/enums.js";
import { decodeGlobalId } from "../../schema/ids.js";

export const PersonalDataPurposeEnum = builder.enumType("PersonalDataPurpose", {
  description: "The legal purpose an unmasking of personal data served (GDPR art. 5 1 b, art. 6).",
  values: {
    REGISTER_ADMINISTRATION: { description: "Keeping the national register (registre national, law art. 74): ministry administrators." },
    ALLOCATION_FILE: {
      description: "Allocating a vacancy (law art. 53-59): a candidate on the shortlist of a landlord's real vacancy, within the bound per vacancy.",
    },
    TENANCY: { description: "Managing a lease (bail abordable, law art. 64): the landlord of the household's lease." },
  } as const,
});

const gid = (type: string, id: string | null) => (id ? encodeGlobalID(type, id) : null);

builder.prismaObject("PersonalDataAccess", {
  description: "One unmasking of personal data: who saw whose data, for which purpose and on which ground, when (GDPR art. 15, 30).",
  authScopes: { ministry: true },
  fields: (t) => ({
    sequence: t.string({ description: "Position in the record (increasing).", resolve: (a) => a.id.toString() }),
    occurredAt: t.expose("occurredAt", { type: "DateTime", description: "When the data was shown." }),
    role: t.expose("role", { type: RoleEnum, nullable: true, description: "Role of the API key used." }),
    organisationId: t.string({
      nullable: true,
      description: "Global ID of the organisation whose key saw the data.",
      resolve: (a) => gid("Organisation", a.organisationId),
    }),
    apiKeyPrefix: t.string({
      nullable: true,
      description: "Prefix of the API key used.",
      select: { apiKeyId: true },
      resolve: async (a, _args, ctx) =>
        a.apiKeyId ? ((await ctx.prisma.apiKey.findUnique({ where: { id: a.apiKeyId }, select: { prefix: true } }))?.prefix ?? null) : null,
    }),
    candidateId: t.string({
      nullable: true,
      description: "Global ID of the candidate whose data was shown (null for a household without a candidate).",
      resolve: (a) => gid("Candidate", a.candidateId),
    }),
    householdId: t.string({
      nullable: true,
      description: "Global ID of the household whose members' data was shown (null when the candidate's own record was).",
      resolve: (a) => gid("Household", a.householdId),
    }),
    purpose: t.field({ type: PersonalDataPurposeEnum, description: "The purpose.", resolve: (a) => a.purpose as "TENANCY" }),
    basisId: t.string({
      nullable: true,
      description: "Global ID of the row that grounds the purpose: the allocation file (ALLOCATION_FILE) or the lease (TENANCY).",
      resolve: (a) => (a.basisType && a.basisId ? encodeGlobalID(a.basisType, a.basisId) : null),
    }),
    correlationId: t.exposeString("correlationId", { nullable: true, description: "Correlation id of the request (also in the logs)." }),
  }),
});

const AccessFilter = builder.inputType("PersonalDataAccessFilter", {
  description: "Filters on the record of unmaskings; all given conditions apply together.",
  fields: (t) => ({
    candidateId: t.id({
      required: false,
      description: "Global ID of a candidate: its accesses, those to its household included (a candidate's data report, GDPR art. 15).",
    }),
    householdId: t.id({ required: false, description: "Global ID of a household." }),
    organisationId: t.id({ required: false, description: "Global ID of the organisation that saw the data." }),
    purpose: t.field({ type: PersonalDataPurposeEnum, required: false, description: "Purpose." }),
    from: t.field({ type: "DateTime", required: false, description: "On or after." }),
    to: t.field({ type: "DateTime", required: false, description: "Before." }),
  }),
});

builder.queryField("personalDataAccesses", (t) =>
  t.prismaConnection({
    type: "PersonalDataAccess",
    cursor: "id",
    complexity: pageCost,
    description: "Every unmasking of personal data, newest first (ministry only): who saw whose data, why and when (GDPR art. 15, 30).",
    authScopes: { ministry: true },
    args: { filter: t.arg({ type: AccessFilter, required: false, description: "Conditions." }) },
    resolve: (query, _p, { filter }, ctx) => {
      const where: Prisma.PersonalDataAccessWhereInput = {};
      if (filter?.candidateId != null) {
        const id = decodeGlobalId(String(filter.candidateId), "Candidate", "filter.candidateId");
        where.OR = [{ candidateId: id }];
      }
      if (filter?.householdId != null) where.householdId = decodeGlobalId(String(filter.householdId), "Household", "filter.householdId");
      if (filter?.organisationId != null) where.organisationId = decodeGlobalId(String(filter.organisationId), "Organisation", "filter.organisationId");
      if (filter?.purpose) where.purpose = filter.purpose;
      if (filter?.from || filter?.to) where.occurredAt = { ...(filter.from && { gte: filter.from }), ...(filter.to && { lt: filter.to }) };
      return ctx.prisma.personalDataAccess.findMany({ ...query, where, orderBy: { id: "desc" } });
    },
  }),
);
