/**
 * API keys in the schema: ministry administrators create and revoke them; every caller can list
 * its own organisation's keys (never the secret, which is shown once at creation).
 */
import { forgetApiKey } from "../identity/key-cache.js";
import { pageCost } from "../schema/complexity.js";
import type { ApiKey, Prisma } from "../generated/prisma/client.js";
import { builder } from "../schema/builder.js";
import { RoleEnum } from "../schema/enums.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../schema/user-errors.js";
import { runMutation } from "../schema/mutation.js";
import { checkId, checkText } from "../schema/validate.js";
import { isMinistryAdmin, organisationOf, type Viewer } from "../identity/viewer.js";
import { issueApiKey, roleFitsOrganisation } from "../identity/api-keys.js";

function apiKeyScope(v: Viewer): Prisma.ApiKeyWhereInput {
  if (isMinistryAdmin(v)) return {};
  return { organisationId: organisationOf(v) };
}

export const ApiKeyRef = builder.prismaNode("ApiKey", {
  description: "An API key of an organisation (`Authorization: Bearer …`). Only a hash is stored; the secret is shown once, at creation.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [apiKeyScope(ctx.viewer)] }),
  authScopes: (key, ctx) => isMinistryAdmin(ctx.viewer) || key.organisationId === organisationOf(ctx.viewer),
  fields: (t) => ({
    label: t.exposeString("label", { description: "What the key is for." }),
    prefix: t.exposeString("prefix", { description: "First characters of the key (abk_<prefix>_…), to tell keys apart." }),
    role: t.expose("role", { type: RoleEnum, description: "Role the key carries." }),
    organisation: t.relation("organisation", { description: "Organisation the key belongs to." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "Creation time." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true, description: "Expiry; null for no expiry." }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true, description: "Revocation time; null while valid." }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true, description: "Last use (to the minute)." }),
  }),
});

builder.queryField("apiKeys", (t) =>
  t.prismaConnection({
    type: "ApiKey",
    cursor: "id",
    complexity: pageCost,
    description: "API keys: all for a ministry administrator, the caller's organisation's otherwise.",
    authScopes: { authenticated: true },
    totalCount: (_c, _a, ctx) => ctx.prisma.apiKey.count({ where: apiKeyScope(ctx.viewer) }),
    resolve: (query, _p, _a, ctx) => ctx.prisma.apiKey.findMany({ ...query, where: apiKeyScope(ctx.viewer), orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
  }),
);

const CreateApiKeyInput = builder.inputType("CreateApiKeyInput", {
  description: "A new API key for an organisation.",
  fields: (t) => ({
    organisationId: t.id({ required: true, description: "Organisation the key is for." }),
    role: t.field({ type: RoleEnum, required: true, description: "Role; must fit the organisation (a landlord role for a social landlord, …)." }),
    label: t.string({ required: true, description: "What the key is for (at most 100 characters)." }),
    expiresAt: t.field({ type: "DateTime", required: false, description: "Expiry, in the future; none by default." }),
  }),
});

const RevokeApiKeyInput = builder.inputType("RevokeApiKeyInput", {
  description: "The key to revoke.",
  fields: (t) => ({ id: t.id({ required: true, description: "The API key." }) }),
});

const CreateApiKeyPayload = builder.objectRef<{ apiKey: ApiKey | null; secret: string | null; userErrors: UserError[] }>("CreateApiKeyPayload").implement({
  description: "Result of createApiKey.",
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, nullable: true, description: "The key created.", resolve: (p) => p.apiKey }),
    secret: t.string({ nullable: true, description: "The key itself, shown this once: store it safely.", resolve: (p) => p.secret }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

const RevokeApiKeyPayload = builder.objectRef<{ apiKey: ApiKey | null; userErrors: UserError[] }>("RevokeApiKeyPayload").implement({
  description: "Result of revokeApiKey.",
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, nullable: true, description: "The key revoked.", resolve: (p) => p.apiKey }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

/** What the audit trail keeps of a key: never its hash. */
const auditView = (k: ApiKey) => ({
  id: k.id,
  organisationId: k.organisationId,
  role: k.role,
  label: k.label,
  prefix: k.prefix,
  expiresAt: k.expiresAt,
  revokedAt: k.revokedAt,
});

builder.mutationField("createApiKey", (t) =>
  t.field({
    type: CreateApiKeyPayload,
    description: "Issues an API key (ministry administrators only).",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "createApiKey", async (tx) => {
        const p = new Problems();
        const organisationId = checkId(p, "organisationId", input.organisationId, "Organisation");
        const label = checkText(p, "label", input.label, { max: 100, required: true });
        if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) p.add("expiresAt", "OUT_OF_RANGE", "expiresAt must be in the future");
        if (p.any) throw new UserErrorsAbort(p.list);
        const organisation = await tx.organisation.findUnique({ where: { id: organisationId! } });
        if (!organisation) p.add("organisationId", "NOT_FOUND", "organisationId: no such organisation");
        else if (organisation.deactivatedAt) p.add("organisationId", "INVALID_STATE", `${organisation.name} was deactivated; no key is issued to it`);
        else {
          const misfit = roleFitsOrganisation(input.role, organisation);
          if (misfit) p.add("role", "INVALID_VALUE", misfit);
        }
        if (p.any) throw new UserErrorsAbort(p.list);
        const issued = await issueApiKey(tx, { organisationId: organisationId!, role: input.role, label: label!, expiresAt: input.expiresAt ?? null });
        const row = await tx.apiKey.findUniqueOrThrow({ where: { id: issued.id } });
        return { result: { apiKey: row, secret: issued.key }, entityType: "ApiKey", entityId: row.id, before: null, after: auditView(row) };
      });
      return { apiKey: out.result?.apiKey ?? null, secret: out.result?.secret ?? null, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("revokeApiKey", (t) =>
  t.field({
    type: RevokeApiKeyPayload,
    description: "Revokes an API key at once (ministry administrators only).",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "revokeApiKey", async (tx) => {
        const p = new Problems();
        const id = checkId(p, "id", input.id, "ApiKey");
        if (p.any) throw new UserErrorsAbort(p.list);
        const before = await tx.apiKey.findUnique({ where: { id: id! } });
        if (!before) p.add("id", "NOT_FOUND", "id: no such API key");
        else if (before.revokedAt) p.add("id", "INVALID_STATE", `This key was already revoked on ${before.revokedAt.toISOString()}`);
        if (p.any || !before) throw new UserErrorsAbort(p.list);
        const after = await tx.apiKey.update({ where: { id: before.id }, data: { revokedAt: new Date() } });
        return { result: after, entityType: "ApiKey", entityId: after.id, before: auditView(before), after: auditView(after) };
      });
      // After the commit: a request racing the transaction cannot re-cache the key as valid (identity/key-cache.ts).
      if (out.result) forgetApiKey(out.result.id);
      return { apiKey: out.result, userErrors: out.userErrors };
    },
  }),
);
