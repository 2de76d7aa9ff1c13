/** The audit trail, readable by the ministry (administrators and analysts). */
import { pageCost } from "../../schema/complexity.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { RoleEnum } from "../../schema/enums.js";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { maskAuditPayload } from "../../privacy/personal-data.js";
import "./personal-data-access.js";

builder.scalarType("JSON", {
  description: "A JSON value (audit snapshots). Decimals inside are strings.",
  serialize: (v: unknown) => v,
  parseValue: (v: unknown) => v,
});

builder.prismaObject("AuditEvent", {
  description: "An append-only record of one mutation: who, when, what, before and after.",
  authScopes: { ministry: true },
  fields: (t) => ({
    sequence: t.string({ description: "Position in the trail (increasing).", resolve: (e) => e.id.toString() }),
    occurredAt: t.expose("occurredAt", { type: "DateTime", description: "When the change was committed." }),
    action: t.exposeString("action", { description: "Mutation (or CLI command) that made the change." }),
    entityType: t.exposeString("entityType", { description: "Type of the object changed." }),
    entityId: t.string({
      nullable: true,
      description: "Global ID of the object changed.",
      resolve: (e) => (e.entityId ? encodeGlobalID(e.entityType, e.entityId) : null),
    }),
    role: t.expose("role", { type: RoleEnum, nullable: true, description: "Role of the API key used; null for the CLI." }),
    organisationId: t.string({
      nullable: true,
      description: "Global ID of the organisation whose key made the change; null for the CLI.",
      resolve: (e) => (e.organisationId ? encodeGlobalID("Organisation", e.organisationId) : null),
    }),
    apiKeyPrefix: t.string({
      nullable: true,
      description: "Prefix of the API key used.",
      select: { apiKeyId: true },
      resolve: async (e, _a, ctx) =>
        e.apiKeyId ? ((await ctx.prisma.apiKey.findUnique({ where: { id: e.apiKeyId }, select: { prefix: true } }))?.prefix ?? null) : null,
    }),
    before: t.field({
      type: "JSON",
      nullable: true,
      description:
        "State before the change (null for a creation). Personal data masked for every caller (privacy/personal-data.ts, AUDIT_KEY_CLASSES): incomes and birth dates as coarse bands, the rest as `masked:CLASS`.",
      resolve: (e) => maskAuditPayload(e.before, e.entityType) as typeof e.before,
    }),
    after: t.field({
      type: "JSON",
      nullable: true,
      description: "State after the change, personal data masked as in `before`.",
      resolve: (e) => maskAuditPayload(e.after, e.entityType) as typeof e.after,
    }),
    correlationId: t.exposeString("correlationId", { nullable: true, description: "Correlation id of the request (also in the logs)." }),
  }),
});

const AuditFilter = builder.inputType("AuditFilter", {
  description: "Filters on the audit trail.",
  fields: (t) => ({
    entityType: t.string({ required: false, description: "Type of object, e.g. Dwelling." }),
    action: t.string({ required: false, description: "Mutation name." }),
    from: t.field({ type: "DateTime", required: false, description: "On or after." }),
    to: t.field({ type: "DateTime", required: false, description: "Before." }),
  }),
});

builder.queryField("auditEvents", (t) =>
  t.prismaConnection({
    type: "AuditEvent",
    cursor: "id",
    complexity: pageCost,
    description: "The audit trail, newest first (ministry only).",
    authScopes: { ministry: true },
    args: { filter: t.arg({ type: AuditFilter, required: false, description: "Conditions." }) },
    resolve: (query, _p, { filter }, ctx) => {
      const where: Prisma.AuditEventWhereInput = {
        ...(filter?.entityType && { entityType: filter.entityType }),
        ...(filter?.action && { action: filter.action }),
        ...((filter?.from || filter?.to) && { occurredAt: { ...(filter.from && { gte: filter.from }), ...(filter.to && { lt: filter.to }) } }),
      };
      return ctx.prisma.auditEvent.findMany({ ...query, where, orderBy: { id: "desc" } });
    },
  }),
);
