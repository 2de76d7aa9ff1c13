/**
 * Keeping a landlord's portfolio current: create and update dwellings and accommodation units,
 * record a letting and a vacancy. A landlord changes only its own stock; a ministry administrator
 * may act for any landlord. Every rule broken comes back as a user error and changes nothing.
 */
import { builder } from "../../schema/builder.js";
import { DedicatedSubCategoryEnum, DwellingCategoryEnum, DwellingTypeEnum } from "../../schema/enums.js";
import { Problems } from "../../schema/user-errors.js";
import { runMutation } from "../../schema/mutation.js";
import { asDate, checkDecimal, checkId, checkInt, checkText } from "../../schema/validate.js";
import { conventionToAttach, projectToAttach, socialDeveloper, socialLandlord } from "../../access/policy.js";
import { uniquely } from "../../schema/one-winner.js";
import { isMinistryAdmin, organisationOf } from "../../identity/viewer.js";
import { todayIso } from "@abordable/domain";
import { fail, TEXT, DwellingPayload, MUTATE, AREA, checkCategory, REFERENCE_TAKEN, ownDwelling } from "./support.js";

// ───────────── inputs ─────────────

const CreateDwellingInput = builder.inputType("CreateDwellingInput", {
  description: "A new dwelling in the caller's stock (or, for a ministry administrator, in the named landlord's).",
  fields: (t) => ({
    reference: t.string({ required: true, description: `The landlord's reference, unique within its stock (at most ${TEXT.reference} characters).` }),
    landlordId: t.id({ required: false, description: "Landlord (ministry administrators only; a landlord always creates in its own stock)." }),
    developerId: t.id({ required: true, description: "Social developer (promoteur social, art. 16) of the dwelling." }),
    projectId: t.id({ required: false, description: "Project it belongs to." }),
    financingConventionId: t.id({ required: false, description: "Financial-participation convention of the developer (art. 8-9)." }),
    compensationConventionId: t.id({ required: false, description: "Compensation convention of the landlord (art. 40)." }),
    category: t.field({ type: DwellingCategoryEnum, required: true, description: "Category (art. 12)." }),
    dedicatedSubCategory: t.field({
      type: DedicatedSubCategoryEnum,
      required: false,
      description: "Required for dedicated dwellings, absent otherwise (art. 12 §2).",
    }),
    type: t.field({ type: DwellingTypeEnum, required: true, description: "Physical type." }),
    bedrooms: t.int({ required: true, description: "Bedrooms (0 for a studio)." }),
    usefulArea: t.field({ type: "Decimal", required: true, description: "Useful living area, m2, greater than 0, two decimals at most." }),
    municipalityCode: t.string({ required: true, description: "Municipality code (Municipality.code)." }),
    address: t.string({ required: true, description: `Postal address (at most ${TEXT.address} characters).` }),
    firstOccupiedYear: t.int({ required: false, description: "Year of first occupation (annex III energy flat)." }),
    energyRenovated: t.boolean({ required: false, description: "Energy renovation done." }),
    hasEquippedKitchen: t.boolean({ required: false, description: "Equipped kitchen (default true)." }),
    hasOutdoorSpace: t.boolean({ required: false, description: "Balcony, terrace or private garden (default false)." }),
    managedSince: t.field({
      type: "Date",
      required: false,
      description: "Since when the landlord manages it as affordable rental stock (art. 40); default: its first letting (recordLetting).",
    }),
  }),
});

const UpdateDwellingInput = builder.inputType("UpdateDwellingInput", {
  description: "Changes to a dwelling; fields left out stay as they are.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The dwelling." }),
    reference: t.string({ required: false, description: "New reference." }),
    category: t.field({ type: DwellingCategoryEnum, required: false, description: "Category (art. 12)." }),
    dedicatedSubCategory: t.field({ type: DedicatedSubCategoryEnum, required: false, description: "Sub-category; must agree with the category (art. 12 §2)." }),
    bedrooms: t.int({ required: false, description: "Bedrooms." }),
    usefulArea: t.field({ type: "Decimal", required: false, description: "Useful living area, m2." }),
    address: t.string({ required: false, description: "Postal address." }),
    firstOccupiedYear: t.int({ required: false, description: "Year of first occupation." }),
    energyRenovated: t.boolean({ required: false, description: "Energy renovation done." }),
    hasEquippedKitchen: t.boolean({ required: false, description: "Equipped kitchen." }),
    hasOutdoorSpace: t.boolean({ required: false, description: "Balcony, terrace or private garden." }),
  }),
});

// ───────────── mutations ─────────────

builder.mutationField("createDwelling", (t) =>
  t.field({
    type: DwellingPayload,
    description: "Adds a dwelling to a landlord's stock.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: CreateDwellingInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "createDwelling", async (tx) => {
        const p = new Problems();
        const reference = checkText(p, "reference", input.reference, { max: TEXT.reference, required: true });
        const address = checkText(p, "address", input.address, { max: TEXT.address, required: true });
        checkInt(p, "bedrooms", input.bedrooms, { min: 0, max: 20 });
        checkInt(p, "firstOccupiedYear", input.firstOccupiedYear, { min: 1800, max: new Date().getUTCFullYear() + 1 });
        checkDecimal(p, "usefulArea", input.usefulArea, AREA);
        checkCategory(p, input.category, input.dedicatedSubCategory);
        if (input.managedSince && input.managedSince > todayIso()) p.add("managedSince", "OUT_OF_RANGE", "managedSince is in the future");
        let landlordId = organisationOf(ctx.viewer);
        if (input.landlordId != null) {
          if (!isMinistryAdmin(ctx.viewer))
            p.add("landlordId", "FORBIDDEN", "Only a ministry administrator names the landlord; a landlord creates in its own stock");
          else landlordId = checkId(p, "landlordId", input.landlordId, "Organisation") ?? landlordId;
        } else if (isMinistryAdmin(ctx.viewer)) {
          p.add("landlordId", "REQUIRED", "A ministry administrator must name the landlord");
        }
        for (const f of ["developerId", "projectId", "financingConventionId", "compensationConventionId"] as const)
          checkId(p, f, input[f], f === "developerId" ? "Organisation" : f === "projectId" ? "Project" : "Convention");
        if (p.any) fail(p);

        // Every ID goes through the reference policy (issue 12 finding 5): a landlord attaches its
        // dwelling only to a project or convention it is party to; refusals say nothing of others' rows.
        const [landlord, developer, municipality] = await Promise.all([
          socialLandlord(tx, p, "landlordId", landlordId),
          socialDeveloper(tx, p, "developerId", input.developerId),
          tx.municipality.findUnique({ where: { id: input.municipalityCode } }),
        ]);
        if (!municipality) p.add("municipalityCode", "NOT_FOUND", `No municipality with code "${input.municipalityCode}" (see Query.municipalities)`);
        if (p.any || !landlord || !developer) fail(p);
        const project = input.projectId != null ? await projectToAttach(tx, ctx, p, "projectId", input.projectId, developer.id) : null;
        const financing =
          input.financingConventionId != null ? await conventionToAttach(tx, ctx, p, "financingConventionId", input.financingConventionId) : null;
        if (financing && (financing.kind !== "FINANCIAL_PARTICIPATION" || financing.developerId !== developer.id)) {
          p.add("financingConventionId", "RULE_VIOLATION", "Must be a financial-participation convention of this developer", "law art. 8");
        }
        const compensation =
          input.compensationConventionId != null ? await conventionToAttach(tx, ctx, p, "compensationConventionId", input.compensationConventionId) : null;
        if (compensation && (compensation.kind !== "COMPENSATION" || compensation.landlordId !== landlordId)) {
          p.add("compensationConventionId", "RULE_VIOLATION", "Must be a compensation convention of this landlord", "law art. 40");
        }
        if (await tx.dwelling.findFirst({ where: { landlordId, reference } })) p.add("reference", "CONFLICT", REFERENCE_TAKEN(reference).message);
        if (p.any) fail(p);
        const developerId = developer.id;
        const projectId = project?.id;
        const financingConventionId = financing?.id;
        const compensationConventionId = compensation?.id;

        // Two creations with one reference at once: the unique key (landlord, reference) lets one win.
        const dwelling = await uniquely(
          tx.dwelling.create({
            data: {
              reference: reference!,
              landlordId,
              developerId: developerId!,
              projectId: projectId ?? null,
              financingConventionId: financingConventionId ?? null,
              compensationConventionId: compensationConventionId ?? null,
              category: input.category,
              dedicatedSubCategory: input.dedicatedSubCategory ?? null,
              type: input.type,
              bedrooms: input.bedrooms,
              usefulArea: input.usefulArea.toFixed(),
              municipalityId: input.municipalityCode,
              address: address!,
              firstOccupiedYear: input.firstOccupiedYear ?? null,
              energyRenovated: input.energyRenovated ?? false,
              hasEquippedKitchen: input.hasEquippedKitchen ?? true,
              hasOutdoorSpace: input.hasOutdoorSpace ?? false,
              managedSince: input.managedSince ? asDate(input.managedSince) : null,
              status: "VACANT",
            },
          }),
          [],
          REFERENCE_TAKEN(reference),
        );
        return { result: dwelling, entityType: "Dwelling", entityId: dwelling.id, before: null, after: dwelling };
      });
      return { dwelling: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("updateDwelling", (t) =>
  t.field({
    type: DwellingPayload,
    description: "Changes a dwelling of the caller's stock.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: UpdateDwellingInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "updateDwelling", async (tx) => {
        const p = new Problems();
        checkId(p, "id", input.id, "Dwelling");
        const reference = checkText(p, "reference", input.reference, { max: TEXT.reference });
        const address = checkText(p, "address", input.address, { max: TEXT.address });
        checkInt(p, "bedrooms", input.bedrooms, { min: 0, max: 20 });
        checkInt(p, "firstOccupiedYear", input.firstOccupiedYear, { min: 1800, max: new Date().getUTCFullYear() + 1 });
        checkDecimal(p, "usefulArea", input.usefulArea, AREA);
        if (p.any) fail(p);
        const before = await ownDwelling(tx, ctx, p, "id", input.id);
        if (!before) fail(p);
        const category = input.category ?? before.category;
        const sub =
          input.dedicatedSubCategory !== undefined
            ? input.dedicatedSubCategory
            : category === "ALL_PUBLIC" && input.category
              ? null
              : before.dedicatedSubCategory;
        checkCategory(p, category, sub);
        if (reference && reference !== before.reference && (await tx.dwelling.findFirst({ where: { landlordId: before.landlordId, reference } }))) {
          p.add("reference", "CONFLICT", `Reference "${reference}" is already used in this landlord's stock`);
        }
        if (p.any) fail(p);
        const after = await uniquely(
          tx.dwelling.update({
            where: { id: before.id },
            data: {
              ...(reference !== undefined && { reference }),
              ...(address !== undefined && { address }),
              category,
              dedicatedSubCategory: sub ?? null,
              ...(input.bedrooms != null && { bedrooms: input.bedrooms }),
              ...(input.usefulArea != null && { usefulArea: input.usefulArea.toFixed() }),
              ...(input.firstOccupiedYear != null && { firstOccupiedYear: input.firstOccupiedYear }),
              ...(input.energyRenovated != null && { energyRenovated: input.energyRenovated }),
              ...(input.hasEquippedKitchen != null && { hasEquippedKitchen: input.hasEquippedKitchen }),
              ...(input.hasOutdoorSpace != null && { hasOutdoorSpace: input.hasOutdoorSpace }),
            },
          }),
          [],
          REFERENCE_TAKEN(reference),
        );
        return { result: after, entityType: "Dwelling", entityId: after.id, before, after };
      });
      return { dwelling: out.result, userErrors: out.userErrors };
    },
  }),
);
