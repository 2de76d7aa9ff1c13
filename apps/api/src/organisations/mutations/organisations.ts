/**
 * Organisations and their roles (issue 13 §1): ministry administrators create and amend social
 * landlords (with their approval — agrément, law art. 34 ff. — and its dates), social developers
 * (promoteurs sociaux, art. 16), the Fonds du Logement and the University of Luxembourg (whose
 * students' dwellings keep the management flat under bill art. 40 §5), and deactivate them.
 * Deactivation revokes the organisation's keys and stops new ones; its dwellings, conventions,
 * statements and audit trail stay readable (nothing is deleted). Keys are issued with the existing
 * `createApiKey` (api-keys/schema.ts).
 */
import type { Organisation } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { OrganisationKindEnum } from "../../schema/enums.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../../schema/user-errors.js";
import { runMutation } from "../../schema/mutation.js";
import { asDate, checkId, checkText } from "../../schema/validate.js";
import { organisationOf } from "../../identity/viewer.js";
import { OrganisationRef } from "../types/organisation.js";
import { forgetOrganisationKeys } from "../../identity/key-cache.js";
import { organisationInScope } from "../../access/policy.js";

const NAME_MAX = 200;
const REFERENCE_MAX = 100;

builder.prismaObjectFields("Organisation", (t) => ({
  approvalReference: t.exposeString("approvalReference", {
    nullable: true,
    description: "Reference of the approval (agrément) of a social landlord, law art. 34 ff.",
  }),
  approvedOn: t.expose("approvedOn", { type: "Date", nullable: true, description: "Date the approval (agrément) was granted." }),
  approvalEndsOn: t.expose("approvalEndsOn", {
    type: "Date",
    nullable: true,
    description: "Date the approval (agrément) ends or was withdrawn; null while open-ended.",
  }),
  isUniversityOfLuxembourg: t.exposeBoolean("isUniversityOfLuxembourg", {
    description: "The University of Luxembourg (its students' dwellings keep the management flat, bill art. 40 §5).",
  }),
  deactivatedAt: t.expose("deactivatedAt", {
    type: "DateTime",
    nullable: true,
    description: "When the ministry deactivated the organisation (its keys revoked, its history kept); null while active.",
  }),
}));

const OrganisationFields = {
  name: `Registered name, unique (at most ${NAME_MAX} characters).`,
  approvalReference: `Reference of the approval (agrément, law art. 34 ff.), at most ${REFERENCE_MAX} characters.`,
};

const CreateOrganisationInput = builder.inputType("CreateOrganisationInput", {
  description: "A new organisation: a social landlord (bailleur social, art. 38), a social developer (promoteur social, art. 16), or both.",
  fields: (t) => ({
    name: t.string({ required: true, description: OrganisationFields.name }),
    kind: t.field({
      type: OrganisationKindEnum,
      required: true,
      description: "Legal form (art. 16 and 38 say which forms may be developer or landlord). MINISTRY is refused: there is one ministry.",
    }),
    isSocialDeveloper: t.boolean({ required: false, description: "Acts as promoteur social (art. 16). Default false." }),
    isSocialLandlord: t.boolean({ required: false, description: "Acts as bailleur social (art. 38). Default false." }),
    isUniversityOfLuxembourg: t.boolean({
      required: false,
      description: "The University of Luxembourg (a public establishment; bill art. 40 §5). Default false.",
    }),
    municipalityCode: t.string({ required: false, description: "Municipality of its seat (Municipality.code)." }),
    approvalReference: t.string({ required: false, description: OrganisationFields.approvalReference }),
    approvedOn: t.field({ type: "Date", required: false, description: "Date the approval (agrément) was granted." }),
    approvalEndsOn: t.field({ type: "Date", required: false, description: "Date the approval ends; after approvedOn." }),
  }),
});

const UpdateOrganisationInput = builder.inputType("UpdateOrganisationInput", {
  description: "Changes to an organisation; fields left out stay as they are.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The organisation." }),
    name: t.string({ required: false, description: OrganisationFields.name }),
    isSocialDeveloper: t.boolean({ required: false, description: "Acts as promoteur social (art. 16)." }),
    isSocialLandlord: t.boolean({ required: false, description: "Acts as bailleur social (art. 38)." }),
    municipalityCode: t.string({ required: false, description: "Municipality of its seat." }),
    approvalReference: t.string({ required: false, description: OrganisationFields.approvalReference }),
    approvedOn: t.field({ type: "Date", required: false, description: "Date the approval (agrément) was granted." }),
    approvalEndsOn: t.field({ type: "Date", required: false, description: "Date the approval ends or was withdrawn." }),
  }),
});

const DeactivateOrganisationInput = builder.inputType("DeactivateOrganisationInput", {
  description: "The organisation to deactivate.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The organisation." }),
    reason: t.string({ required: true, description: "Why (kept in the audit trail; at most 500 characters)." }),
  }),
});

const OrganisationPayload = builder
  .objectRef<{ organisation: Organisation | null; revokedKeys: number | null; userErrors: UserError[] }>("OrganisationPayload")
  .implement({
    description: "Result of an organisation mutation.",
    fields: (t) => ({
      organisation: t.field({
        type: OrganisationRef,
        nullable: true,
        description: "The organisation as changed; null when there are user errors.",
        resolve: (p) => p.organisation,
      }),
      revokedKeys: t.int({
        nullable: true,
        description: "API keys revoked by this change (deactivation; 0 otherwise); null when there are user errors.",
        resolve: (p) => p.revokedKeys,
      }),
      userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
    }),
  });

function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

/** Roles and forms (art. 16, 38, bill art. 40 §5): the checks shared by creation and amendment. */
function checkRoles(
  p: Problems,
  o: {
    kind: string;
    isSocialDeveloper: boolean;
    isSocialLandlord: boolean;
    isUniversityOfLuxembourg: boolean;
    approvedOn: string | null;
    approvalEndsOn: string | null;
  },
) {
  if (o.kind === "MINISTRY") p.add("kind", "INVALID_VALUE", "There is one ministry; it is not created through the API");
  if (!o.isSocialDeveloper && !o.isSocialLandlord)
    p.add("isSocialLandlord", "REQUIRED", "An organisation is a social developer (art. 16), a social landlord (art. 38), or both", "law art. 16, art. 38");
  if (o.isUniversityOfLuxembourg && o.kind !== "PUBLIC_ESTABLISHMENT")
    p.add(
      "isUniversityOfLuxembourg",
      "RULE_VIOLATION",
      "The University of Luxembourg is a public establishment (kind PUBLIC_ESTABLISHMENT)",
      "bill 8535 art. 40 §5",
    );
  if (o.approvedOn && o.approvalEndsOn && o.approvalEndsOn <= o.approvedOn) p.add("approvalEndsOn", "OUT_OF_RANGE", "approvalEndsOn must be after approvedOn");
  if (o.approvalEndsOn && !o.approvedOn) p.add("approvedOn", "REQUIRED", "An approval that ends must say when it was granted");
}

const dateOrNull = (iso: string | null | undefined): Date | null => (iso ? asDate(iso) : null);
const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

builder.mutationField("createOrganisation", (t) =>
  t.field({
    type: OrganisationPayload,
    description: "Creates a social landlord, social developer, the Fonds du Logement or the University of Luxembourg (ministry administrators only).",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: CreateOrganisationInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "createOrganisation", async (tx) => {
        const p = new Problems();
        const name = checkText(p, "name", input.name, { max: NAME_MAX, required: true });
        const approvalReference = checkText(p, "approvalReference", input.approvalReference, { max: REFERENCE_MAX });
        const municipalityCode = checkText(p, "municipalityCode", input.municipalityCode, { max: 64 });
        const o = {
          kind: input.kind,
          isSocialDeveloper: input.isSocialDeveloper ?? false,
          isSocialLandlord: input.isSocialLandlord ?? false,
          isUniversityOfLuxembourg: input.isUniversityOfLuxembourg ?? false,
          approvedOn: input.approvedOn ?? null,
          approvalEndsOn: input.approvalEndsOn ?? null,
        };
        checkRoles(p, o);
        if (p.any) fail(p);
        if (municipalityCode && !(await tx.municipality.findUnique({ where: { id: municipalityCode } })))
          p.add("municipalityCode", "NOT_FOUND", `No municipality with code "${municipalityCode}"`);
        if (await tx.organisation.findUnique({ where: { name: name! } })) p.add("name", "CONFLICT", `An organisation named "${name}" exists already`);
        // The Fonds du Logement is one public establishment created by its own law: a second one is a mistake.
        if (input.kind === "FONDS_DU_LOGEMENT" && (await tx.organisation.findFirst({ where: { kind: "FONDS_DU_LOGEMENT" } })))
          p.add("kind", "CONFLICT", "The Fonds du Logement exists already");
        if (o.isUniversityOfLuxembourg && (await tx.organisation.findFirst({ where: { isUniversityOfLuxembourg: true } })))
          p.add("isUniversityOfLuxembourg", "CONFLICT", "The University of Luxembourg exists already");
        if (p.any) fail(p);
        const row = await tx.organisation.create({
          data: {
            name: name!,
            kind: input.kind,
            isSocialDeveloper: o.isSocialDeveloper,
            isSocialLandlord: o.isSocialLandlord,
            isUniversityOfLuxembourg: o.isUniversityOfLuxembourg,
            municipalityId: municipalityCode ?? null,
            approvalReference: approvalReference ?? null,
            approvedOn: dateOrNull(o.approvedOn),
            approvalEndsOn: dateOrNull(o.approvalEndsOn),
          },
        });
        return { result: row, entityType: "Organisation", entityId: row.id, before: null, after: row };
      });
      return { organisation: out.result, revokedKeys: out.result ? 0 : null, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("updateOrganisation", (t) =>
  t.field({
    type: OrganisationPayload,
    description: "Amends an organisation: name, roles, seat, approval (agrément) and its dates (ministry administrators only).",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: UpdateOrganisationInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "updateOrganisation", async (tx) => {
        const p = new Problems();
        const id = checkId(p, "id", input.id, "Organisation");
        const name = checkText(p, "name", input.name, { max: NAME_MAX });
        const approvalReference = checkText(p, "approvalReference", input.approvalReference, { max: REFERENCE_MAX });
        const municipalityCode = checkText(p, "municipalityCode", input.municipalityCode, { max: 64 });
        if (p.any) fail(p);
        const before = await organisationInScope(tx, ctx.viewer, p, "id", id);
        if (!before) fail(p);
        if (before.kind === "MINISTRY") p.add("id", "INVALID_STATE", "The ministry is not amended through the API");
        if (before.deactivatedAt) p.add("id", "INVALID_STATE", "This organisation was deactivated; its history is read-only");
        const next = {
          kind: before.kind === "MINISTRY" ? "COMPANY" : before.kind,
          isSocialDeveloper: input.isSocialDeveloper ?? before.isSocialDeveloper,
          isSocialLandlord: input.isSocialLandlord ?? before.isSocialLandlord,
          isUniversityOfLuxembourg: before.isUniversityOfLuxembourg,
          approvedOn: input.approvedOn ?? isoOrNull(before.approvedOn),
          approvalEndsOn: input.approvalEndsOn ?? isoOrNull(before.approvalEndsOn),
        };
        checkRoles(p, next);
        if (p.any) fail(p);
        if (name && name !== before.name && (await tx.organisation.findUnique({ where: { name } })))
          p.add("name", "CONFLICT", `An organisation named "${name}" exists already`);
        if (municipalityCode && !(await tx.municipality.findUnique({ where: { id: municipalityCode } })))
          p.add("municipalityCode", "NOT_FOUND", `No municipality with code "${municipalityCode}"`);
        // A landlord with dwellings stays a landlord: its stock would be left without one (art. 38).
        if (before.isSocialLandlord && !next.isSocialLandlord && (await tx.dwelling.count({ where: { landlordId: before.id } })) > 0) {
          p.add("isSocialLandlord", "INVALID_STATE", "This landlord manages dwellings; transfer them before removing its landlord role", "law art. 38");
        }
        if (p.any) fail(p);
        const after = await tx.organisation.update({
          where: { id: before.id },
          data: {
            ...(name !== undefined && { name }),
            isSocialDeveloper: next.isSocialDeveloper,
            isSocialLandlord: next.isSocialLandlord,
            ...(municipalityCode !== undefined && { municipalityId: municipalityCode }),
            ...(approvalReference !== undefined && { approvalReference }),
            approvedOn: dateOrNull(next.approvedOn),
            approvalEndsOn: dateOrNull(next.approvalEndsOn),
          },
        });
        return { result: after, entityType: "Organisation", entityId: after.id, before, after };
      });
      return { organisation: out.result, revokedKeys: out.result ? 0 : null, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("deactivateOrganisation", (t) =>
  t.field({
    type: OrganisationPayload,
    description:
      "Deactivates an organisation (ministry administrators only): its API keys are revoked and no new key can be issued; its dwellings, conventions, statements and audit trail stay readable.",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: DeactivateOrganisationInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "deactivateOrganisation", async (tx) => {
        const p = new Problems();
        const id = checkId(p, "id", input.id, "Organisation");
        const reason = checkText(p, "reason", input.reason, { max: 500, required: true });
        if (p.any) fail(p);
        const before = await organisationInScope(tx, ctx.viewer, p, "id", id);
        if (!before) fail(p);
        if (before.kind === "MINISTRY" || before.id === organisationOf(ctx.viewer)) p.add("id", "INVALID_STATE", "The ministry cannot deactivate itself");
        else if (before.deactivatedAt) p.add("id", "INVALID_STATE", `Already deactivated on ${before.deactivatedAt.toISOString()}`);
        if (p.any) fail(p);
        const now = new Date();
        const revoked = await tx.apiKey.updateMany({ where: { organisationId: before.id, revokedAt: null }, data: { revokedAt: now } });
        const after = await tx.organisation.update({ where: { id: before.id }, data: { deactivatedAt: now } });
        return {
          result: { organisation: after, revokedKeys: revoked.count },
          entityType: "Organisation",
          entityId: after.id,
          before,
          after: { ...after, reason, revokedKeys: revoked.count },
        };
      });
      // Its keys stop working at once in this process, not when the key cache's entries expire (issue 12 finding 3 f).
      if (out.result) forgetOrganisationKeys(out.result.organisation.id);
      return { organisation: out.result?.organisation ?? null, revokedKeys: out.result?.revokedKeys ?? null, userErrors: out.userErrors };
    },
  }),
);
