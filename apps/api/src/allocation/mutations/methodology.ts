/**
 * A landlord's allocation methodology, versioned (law art. 57 §1; RGD 13 Oct 2023 art. 3-5; Esch ROI
 * annex 1): each version is a new row (version 1, 2, …), never an edit of an earlier one, so that
 * every decision record and every stored shortlist keeps pointing at the configuration it was ranked
 * with. A version takes effect only once a ministry administrator records the minister's approval
 * (`approveAllocationMethodologyVersion`; issue 12: the landlord no longer dates its own approval,
 * so it cannot make a methodology of its own making rank the register). A shortlist uses the latest
 * version approved on or before its ranking date (mutations/shortlist.ts, `methodologyInForce`). The configuration's shape is checked by
 * the domain's `validateMethodology`; the figures are the landlord's (the law sets none).
 */
import { validateMethodology, type Methodology } from "@abordable/domain";
import { builder } from "../../schema/builder.js";
import { runMutation } from "../../schema/mutation.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../../schema/user-errors.js";
import { asDate, checkId } from "../../schema/validate.js";
import { organisationOf } from "../../identity/viewer.js";
import { landlordOfMethodology, methodologyToApprove, namedLandlord } from "../../access/policy.js";
import type { Context } from "../../schema/context.js";
import { iso, todayIso } from "../adapters/common.js";

const MUTATE = { landlord: true, ministryAdmin: true } as const;

function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

const CreateVersionInput = builder.inputType("CreateAllocationMethodologyVersionInput", {
  description:
    "A new version of a landlord's written allocation methodology submitted for the minister's approval (law art. 57 §1; RGD 13 Oct 2023 art. 3): the next version number, not in force until a ministry administrator approves it (approveAllocationMethodologyVersion); earlier versions and the shortlists ranked with them are unchanged.",
  fields: (t) => ({
    landlordId: t.id({ required: false, description: "Landlord (ministry administrators only; a landlord records its own)." }),
    approvedOn: t.field({
      type: "Date",
      required: false,
      description:
        "No longer accepted: the minister's approval (law art. 57 §1) is recorded by a ministry administrator with approveAllocationMethodologyVersion, not by the landlord (issue 12, finding 1). Given, the mutation answers a RULE_VIOLATION user error on this field and records nothing.",
      deprecationReason: "2026-12-02: approval is the ministry's act; use approveAllocationMethodologyVersion. Removal after 2027-06-30.",
    }),
    config: t.field({
      type: "JSON",
      required: true,
      description:
        "The weights and thresholds in the allocation engine's Methodology shape (as AllocationMethodology.config shows it: socioEconomic, dwelling, seniority, id, description). `version` and `landlord` are set from the version number and the landlord; `validFrom` and `approvedByMinisterOn` from the approval.",
    }),
  }),
});

type MethodologyRow = NonNullable<Awaited<ReturnType<Context["prisma"]["allocationMethodology"]["findUnique"]>>>;

const CreateVersionPayload = builder
  .objectRef<{ methodology: MethodologyRow | null; userErrors: UserError[] }>("CreateAllocationMethodologyVersionPayload")
  .implement({
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
      "Records a new version of the landlord's allocation methodology, submitted for the minister's approval (art. 57; RGD art. 3; Esch ROI annex 1): the configuration is checked (every criterion with whole points ≥ 0, bands in the order they are read, no unknown key), numbered after the latest version, and audited. Not in force (approvedOn null) until approveAllocationMethodologyVersion; earlier shortlists still verify with the version they recorded.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: CreateVersionInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "createAllocationMethodologyVersion", async (tx) => {
        const p = new Problems();
        // A landlord dating its own approval is what let it unmask the register (issue 12 finding 1).
        if (input.approvedOn != null)
          p.add(
            "approvedOn",
            "RULE_VIOLATION",
            "The minister's approval is recorded by a ministry administrator (approveAllocationMethodologyVersion), not with the version",
            "law art. 57 §1; RGD 13 Oct 2023 art. 3",
          );
        const landlordId = namedLandlord(ctx.viewer, p, "landlordId", input.landlordId);
        if (p.any) fail(p);
        const landlord = await landlordOfMethodology(tx, "landlordId", landlordId);
        const latest = await tx.allocationMethodology.findFirst({ where: { landlordId }, orderBy: { version: "desc" } });
        // Until approved, validFrom is the submission day; the approval sets it (and approvedByMinisterOn).
        const submittedOn = todayIso();
        const version = (latest?.version ?? 0) + 1;
        const given = input.config;
        const config =
          given !== null && typeof given === "object" && !Array.isArray(given)
            ? (({ approvedByMinisterOn: _ignored, ...rest }) => ({ ...rest, version: String(version), landlord: landlord.name, validFrom: submittedOn }))(
                given as Record<string, unknown>,
              )
            : given;
        const checked = validateMethodology(config);
        if (!checked.ok)
          for (const x of checked.problems)
            p.add(
              ["config", ...x.path].join("."),
              "INVALID_VALUE",
              `config${x.path.map((k) => `.${k}`).join("")}: ${x.message}`,
              "law art. 57 §1; RGD 13 Oct 2023 art. 3",
            );
        if (p.any || !checked.ok) fail(p);
        const methodology: Methodology = checked.methodology;
        const row = await tx.allocationMethodology.create({ data: { landlordId, version, config: methodology as object, approvedOn: null } });
        return {
          result: row,
          entityType: "AllocationMethodology",
          entityId: row.id,
          before: latest ? { id: latest.id, version: latest.version, approvedOn: latest.approvedOn ? iso(latest.approvedOn) : null } : null,
          after: { id: row.id, landlordId, version, approvedOn: null, config: methodology },
        };
      });
      return { methodology: out.result, userErrors: out.userErrors };
    },
  }),
);

// ───────────── approval (issue 12) ─────────────

const ApproveVersionInput = builder.inputType("ApproveAllocationMethodologyVersionInput", {
  description: "The minister's approval of a landlord's methodology version (law art. 57 §1; RGD 13 Oct 2023 art. 3), recorded by a ministry administrator.",
  fields: (t) => ({
    methodologyId: t.id({ required: true, description: "The version (AllocationMethodology), not yet approved." }),
    approvedOn: t.field({
      type: "Date",
      required: false,
      description:
        "Day of the minister's approval (default today): shortlists ranked on or after it use this version. Not in the future (the minister's decision may precede its recording), not before the landlord's latest approved version.",
    }),
  }),
});

builder.mutationField("approveAllocationMethodologyVersion", (t) =>
  t.field({
    type: CreateVersionPayload,
    description:
      "Records the minister's approval of a landlord's methodology version (art. 57 §1; RGD art. 3): ministry administrators only. From approvedOn the version ranks the landlord's shortlists; a landlord's candidates are unmasked only on shortlists ranked under an approved version. Once only: an approved version is never changed; a version older than an approved one cannot be approved. Audited.",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: ApproveVersionInput, required: true, description: "The approval." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "approveAllocationMethodologyVersion", async (tx) => {
        const p = new Problems();
        const id = checkId(p, "methodologyId", input.methodologyId, "AllocationMethodology");
        if (p.any || !id) fail(p);
        const approvedOn = input.approvedOn ?? todayIso();
        const today = todayIso();
        const current = await methodologyToApprove(tx, "methodologyId", id);
        if (current.approvedOn)
          p.add("methodologyId", "INVALID_STATE", `Version ${current.version} was already approved on ${iso(current.approvedOn)}`, "RGD 13 Oct 2023 art. 3");
        if (approvedOn > today) p.add("approvedOn", "OUT_OF_RANGE", `The approval cannot be dated after today (${today})`);
        const latestApproved = await tx.allocationMethodology.findFirst({
          where: { landlordId: current.landlordId, approvedOn: { not: null } },
          orderBy: { version: "desc" },
        });
        if (latestApproved && latestApproved.version > current.version)
          p.add(
            "methodologyId",
            "INVALID_STATE",
            `Version ${latestApproved.version} is already approved: an older version cannot take effect after it`,
            "RGD 13 Oct 2023 art. 3",
          );
        if (latestApproved?.approvedOn && approvedOn < iso(latestApproved.approvedOn))
          p.add(
            "approvedOn",
            "OUT_OF_RANGE",
            `Version ${latestApproved.version} was approved on ${iso(latestApproved.approvedOn)}: a later version cannot have been approved before it`,
          );
        if (p.any) fail(p);
        const config = { ...(current.config as Record<string, unknown>), validFrom: approvedOn, approvedByMinisterOn: approvedOn };
        const checked = validateMethodology(config);
        if (!checked.ok) {
          for (const x of checked.problems)
            p.add("methodologyId", "INVALID_VALUE", `config${x.path.map((k) => `.${k}`).join("")}: ${x.message}`, "law art. 57 §1; RGD 13 Oct 2023 art. 3");
          fail(p);
        }
        const viewer = ctx.viewer;
        // Conditional update: of two approvals at once, one wins.
        const moved = await tx.allocationMethodology.updateMany({
          where: { id, approvedOn: null },
          data: {
            approvedOn: asDate(approvedOn),
            config: checked.methodology as object,
            approvedByOrganisationId: organisationOf(viewer),
            approvedByApiKeyId: viewer.kind === "apiKey" ? viewer.apiKeyId : null,
          },
        });
        if (moved.count === 0) {
          p.add("methodologyId", "CONFLICT", "The version was approved meanwhile");
          fail(p);
        }
        const after = await tx.allocationMethodology.findUniqueOrThrow({ where: { id } });
        return {
          result: after,
          entityType: "AllocationMethodology",
          entityId: id,
          before: { id, version: current.version, approvedOn: null },
          after: { id, landlordId: after.landlordId, version: after.version, approvedOn, approvedByOrganisationId: after.approvedByOrganisationId },
        };
      });
      return { methodology: out.result, userErrors: out.userErrors };
    },
  }),
);
