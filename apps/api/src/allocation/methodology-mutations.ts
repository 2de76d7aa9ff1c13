/**
 * A landlord's allocation methodology, versioned (law art. 57 §1; RGD 13 Oct 2023 art. 3-5; Esch ROI
 * annex 1): each version approved by the minister is a new row (version 1, 2, …), never an edit of
 * an earlier one, so that every decision record and every stored shortlist keeps pointing at the
 * configuration it was ranked with. A shortlist uses the latest version approved on or before its
 * ranking date (file-mutations.ts, `methodologyInForce`). The configuration's shape is checked by
 * the domain's `validateMethodology`; the figures are the landlord's (the law sets none).
 */
import { validateMethodology, type Methodology } from "@abordable/domain";
import { builder } from "../schema/builder.js";
import { runMutation } from "../schema/mutation.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../schema/user-errors.js";
import { asDate, checkId } from "../schema/validate.js";
import { isMinistryAdmin, organisationOf } from "../access/viewer.js";
import type { Context } from "../schema/context.js";
import { iso } from "./common.js";

const MUTATE = { landlord: true, ministryAdmin: true } as const;

function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

const CreateVersionInput = builder.inputType("CreateAllocationMethodologyVersionInput", {
  description:
    "A new version of a landlord's written allocation methodology, as approved by the minister (law art. 57 §1; RGD 13 Oct 2023 art. 3): the next version number; earlier versions and the shortlists ranked with them are unchanged.",
  fields: (t) => ({
    landlordId: t.id({ required: false, description: "Landlord (ministry administrators only; a landlord records its own)." }),
    approvedOn: t.field({
      type: "Date",
      required: true,
      description: "Day of the minister's approval: shortlists ranked on or after it use this version. Not before the approval of the landlord's latest version.",
    }),
    config: t.field({
      type: "JSON",
      required: true,
      description:
        "The weights and thresholds in the allocation engine's Methodology shape (as AllocationMethodology.config shows it: socioEconomic, dwelling, seniority, id, description). `version`, `landlord`, `validFrom` and `approvedByMinisterOn` are set from the version number, the landlord and approvedOn.",
    }),
  }),
});

type MethodologyRow = NonNullable<Awaited<ReturnType<Context["prisma"]["allocationMethodology"]["findUnique"]>>>;

const CreateVersionPayload = builder.objectRef<{ methodology: MethodologyRow | null; userErrors: UserError[] }>("CreateAllocationMethodologyVersionPayload").implement({
  description: "Result of createAllocationMethodologyVersion.",
  fields: (t) => ({
    methodology: t.prismaField({
      type: "AllocationMethodology",
      nullable: true,
      description: "The version created; null when there are user errors.",
      resolve: (query, p, _a, ctx) => (p.methodology ? ctx.prisma.allocationMethodology.findUnique({ ...query, where: { id: p.methodology.id } }) : null),
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

builder.mutationField("createAllocationMethodologyVersion", (t) =>
  t.field({
    type: CreateVersionPayload,
    description:
      "Records a new version of the landlord's allocation methodology approved by the minister (art. 57; RGD art. 3; Esch ROI annex 1): the configuration is checked (every criterion with whole points ≥ 0, bands in the order they are read, no unknown key), numbered after the latest version, and audited. Shortlists ranked from approvedOn use it; earlier shortlists still verify with the version they recorded.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: CreateVersionInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "createAllocationMethodologyVersion", async (tx) => {
        const p = new Problems();
        let landlordId = organisationOf(ctx.viewer);
        if (input.landlordId != null) {
          if (!isMinistryAdmin(ctx.viewer)) p.add("landlordId", "FORBIDDEN", "Only a ministry administrator names the landlord; a landlord records its own methodology");
          else landlordId = checkId(p, "landlordId", input.landlordId, "Organisation") ?? landlordId;
        } else if (isMinistryAdmin(ctx.viewer)) p.add("landlordId", "REQUIRED", "A ministry administrator must name the landlord");
        if (p.any) fail(p);
        // The landlord's row is locked: two versions recorded at once get consecutive numbers.
        const locked = await tx.organisation.updateMany({ where: { id: landlordId, isSocialLandlord: true }, data: { updatedAt: new Date() } });
        if (locked.count === 0) {
          p.add("landlordId", "NOT_FOUND", "No social landlord with this ID (a methodology is a social landlord's, RGD 13 Oct 2023 art. 3)");
          fail(p);
        }
        const landlord = await tx.organisation.findUniqueOrThrow({ where: { id: landlordId }, select: { id: true, name: true } });
        const latest = await tx.allocationMethodology.findFirst({ where: { landlordId }, orderBy: { version: "desc" } });
        if (latest?.approvedOn && input.approvedOn < iso(latest.approvedOn))
          p.add("approvedOn", "OUT_OF_RANGE", `Version ${latest.version} was approved on ${iso(latest.approvedOn)}: a later version cannot have been approved before it`);
        const version = (latest?.version ?? 0) + 1;
        const given = input.config;
        const config =
          given !== null && typeof given === "object" && !Array.isArray(given)
            ? { ...(given as Record<string, unknown>), version: String(version), landlord: landlord.name, validFrom: input.approvedOn, approvedByMinisterOn: input.approvedOn }
            : given;
        const checked = validateMethodology(config);
        if (!checked.ok) for (const x of checked.problems) p.add(["config", ...x.path].join("."), "INVALID_VALUE", `config${x.path.map((k) => `.${k}`).join("")}: ${x.message}`, "law art. 57 §1; RGD 13 Oct 2023 art. 3");
        if (p.any || !checked.ok) fail(p);
        const methodology: Methodology = checked.methodology;
        const row = await tx.allocationMethodology.create({ data: { landlordId, version, config: methodology as object, approvedOn: asDate(input.approvedOn) } });
        return {
          result: row,
          entityType: "AllocationMethodology",
          entityId: row.id,
          before: latest ? { id: latest.id, version: latest.version, approvedOn: latest.approvedOn ? iso(latest.approvedOn) : null } : null,
          after: { id: row.id, landlordId, version, approvedOn: input.approvedOn, config: methodology },
        };
      });
      return { methodology: out.result, userErrors: out.userErrors };
    },
  }),
);
