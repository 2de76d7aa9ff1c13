/**
 * Keeping a landlord's portfolio current: create and update dwellings and accommodation units,
 * record a letting and a vacancy. A landlord changes only its own stock; a ministry administrator
 * may act for any landlord. Every rule broken comes back as a user error and changes nothing.
 */
import type { AccommodationUnit, Dwelling, Prisma } from "../generated/prisma/client.js";
import { builder } from "../schema/builder.js";
import { DedicatedSubCategoryEnum, DwellingCategoryEnum, DwellingTypeEnum } from "../schema/enums.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../schema/user-errors.js";
import { runMutation } from "../schema/mutation.js";
import { asDate, checkDecimal, checkId, checkInt, checkText } from "../schema/validate.js";
import { conventionToAttach, dwellingToChange, projectToAttach, socialDeveloper, socialLandlord, unitToChange } from "../access/policy.js";
import { deriveSharedDwellingStatus, guarded, uniquely } from "../schema/one-winner.js";
import { isMinistryAdmin, organisationOf } from "../identity/viewer.js";
import type { Context } from "../schema/context.js";
import { DwellingRef } from "./dwelling.js";
import { AccommodationUnitRef } from "./accommodation-unit.js";

type Tx = Prisma.TransactionClient;

const AREA = { greaterThan: "0", max: "10000", scale: 2, unit: "m2" } as const;
const TEXT = { reference: 50, address: 300 } as const;

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
    dedicatedSubCategory: t.field({ type: DedicatedSubCategoryEnum, required: false, description: "Required for dedicated dwellings, absent otherwise (art. 12 §2)." }),
    type: t.field({ type: DwellingTypeEnum, required: true, description: "Physical type." }),
    bedrooms: t.int({ required: true, description: "Bedrooms (0 for a studio)." }),
    usefulArea: t.field({ type: "Decimal", required: true, description: "Useful living area, m2, greater than 0, two decimals at most." }),
    municipalityCode: t.string({ required: true, description: "Municipality code (Municipality.code)." }),
    address: t.string({ required: true, description: `Postal address (at most ${TEXT.address} characters).` }),
    firstOccupiedYear: t.int({ required: false, description: "Year of first occupation (annex III energy flat)." }),
    energyRenovated: t.boolean({ required: false, description: "Energy renovation done." }),
    hasEquippedKitchen: t.boolean({ required: false, description: "Equipped kitchen (default true)." }),
    hasOutdoorSpace: t.boolean({ required: false, description: "Balcony, terrace or private garden (default false)." }),
    managedSince: t.field({ type: "Date", required: false, description: "Since when the landlord manages it as affordable rental stock (art. 40); default: its first letting (recordLetting)." }),
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

const CreateAccommodationUnitInput = builder.inputType("CreateAccommodationUnitInput", {
  description: "A new accommodation unit (unité d'hébergement) in a shared dwelling.",
  fields: (t) => ({
    dwellingId: t.id({ required: true, description: "The shared dwelling." }),
    reference: t.string({ required: true, description: "Reference within the dwelling." }),
    usefulArea: t.field({ type: "Decimal", required: true, description: "Private useful area, m2." }),
    capacity: t.int({ required: false, description: "Occupants the unit is for (default 1)." }),
  }),
});

const UpdateAccommodationUnitInput = builder.inputType("UpdateAccommodationUnitInput", {
  description: "Changes to an accommodation unit; fields left out stay as they are.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The unit." }),
    reference: t.string({ required: false, description: "Reference within the dwelling." }),
    usefulArea: t.field({ type: "Decimal", required: false, description: "Private useful area, m2." }),
    capacity: t.int({ required: false, description: "Occupants the unit is for." }),
  }),
});

const LettingEventInput = builder.inputType("LettingEventInput", {
  description: "A letting or a vacancy of a dwelling, or of one accommodation unit of a shared dwelling (exactly one of the two).",
  fields: (t) => ({
    dwellingId: t.id({ required: false, description: "The dwelling (not for shared dwellings, which are let unit by unit)." }),
    accommodationUnitId: t.id({ required: false, description: "The accommodation unit." }),
    date: t.field({ type: "Date", required: true, description: "Date of the letting or of the start of vacancy; not in the future." }),
  }),
});

// ───────────── payloads ─────────────

const DwellingPayload = builder.objectRef<{ dwelling: Dwelling | null; userErrors: UserError[] }>("DwellingPayload").implement({
  description: "Result of a dwelling mutation.",
  fields: (t) => ({
    dwelling: t.field({ type: DwellingRef, nullable: true, description: "The dwelling as changed; null when there are user errors.", resolve: (p) => p.dwelling }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

type UnitWithDwelling = AccommodationUnit & { dwelling: Dwelling };
type UnitChange = { unit: UnitWithDwelling | null; dwelling: Dwelling };

const AccommodationUnitPayload = builder
  .objectRef<{ accommodationUnit: UnitWithDwelling | null; dwelling: Dwelling | null; userErrors: UserError[] }>("AccommodationUnitPayload")
  .implement({
    description: "Result of an accommodation-unit, letting or vacancy mutation.",
    fields: (t) => ({
      accommodationUnit: t.field({
        type: AccommodationUnitRef,
        nullable: true,
        description: "The unit as changed; null when there are user errors or the event was for a whole dwelling.",
        resolve: (p) => p.accommodationUnit,
      }),
      dwelling: t.field({ type: DwellingRef, nullable: true, description: "The dwelling as changed (a shared dwelling's status follows its units).", resolve: (p) => p.dwelling }),
      userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
    }),
  });

// ───────────── helpers ─────────────

function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

function checkCategory(p: Problems, category: string, sub: string | null | undefined): void {
  if (category === "DEDICATED" && !sub) p.add("dedicatedSubCategory", "RULE_VIOLATION", "A dedicated dwelling needs its sub-category", "law art. 12 §2");
  if (category === "ALL_PUBLIC" && sub) p.add("dedicatedSubCategory", "RULE_VIOLATION", "A dwelling for all public has no dedicated sub-category", "law art. 12 §1");
}

/** The dwelling if the caller may change it (its landlord, or a ministry administrator): the reference policy's (access/policy.ts). */
async function ownDwelling(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number | null | undefined) {
  if (globalId == null) return null;
  return dwellingToChange(tx, ctx, p, field, globalId, {});
}

async function ownUnit(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number | null | undefined) {
  if (globalId == null) return null;
  return unitToChange(tx, ctx, p, field, globalId);
}

const REFERENCE_TAKEN = (reference: string | undefined) => ({ field: "reference", message: `Reference "${reference ?? ""}" is already used in this landlord's stock` });

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

const MUTATE = { landlord: true, ministryAdmin: true } as const;

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
          if (!isMinistryAdmin(ctx.viewer)) p.add("landlordId", "FORBIDDEN", "Only a ministry administrator names the landlord; a landlord creates in its own stock");
          else landlordId = checkId(p, "landlordId", input.landlordId, "Organisation") ?? landlordId;
        } else if (isMinistryAdmin(ctx.viewer)) {
          p.add("landlordId", "REQUIRED", "A ministry administrator must name the landlord");
        }
        for (const f of ["developerId", "projectId", "financingConventionId", "compensationConventionId"] as const) checkId(p, f, input[f], f === "developerId" ? "Organisation" : f === "projectId" ? "Project" : "Convention");
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
        const financing = input.financingConventionId != null ? await conventionToAttach(tx, ctx, p, "financingConventionId", input.financingConventionId) : null;
        if (financing && (financing.kind !== "FINANCIAL_PARTICIPATION" || financing.developerId !== developer.id)) {
          p.add("financingConventionId", "RULE_VIOLATION", "Must be a financial-participation convention of this developer", "law art. 8");
        }
        const compensation = input.compensationConventionId != null ? await conventionToAttach(tx, ctx, p, "compensationConventionId", input.compensationConventionId) : null;
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
        const dwelling = await uniquely(tx.dwelling.create({
          data: {
            reference: reference!, landlordId, developerId: developerId!, projectId: projectId ?? null,
            financingConventionId: financingConventionId ?? null, compensationConventionId: compensationConventionId ?? null,
            category: input.category, dedicatedSubCategory: input.dedicatedSubCategory ?? null, type: input.type, bedrooms: input.bedrooms,
            usefulArea: input.usefulArea.toFixed(), municipalityId: input.municipalityCode, address: address!,
            firstOccupiedYear: input.firstOccupiedYear ?? null, energyRenovated: input.energyRenovated ?? false,
            hasEquippedKitchen: input.hasEquippedKitchen ?? true, hasOutdoorSpace: input.hasOutdoorSpace ?? false,
            managedSince: input.managedSince ? asDate(input.managedSince) : null,
            status: "VACANT",
          },
        }), [], REFERENCE_TAKEN(reference));
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
        const sub = input.dedicatedSubCategory !== undefined ? input.dedicatedSubCategory : category === "ALL_PUBLIC" && input.category ? null : before.dedicatedSubCategory;
        checkCategory(p, category, sub);
        if (reference && reference !== before.reference && (await tx.dwelling.findFirst({ where: { landlordId: before.landlordId, reference } }))) {
          p.add("reference", "CONFLICT", `Reference "${reference}" is already used in this landlord's stock`);
        }
        if (p.any) fail(p);
        const after = await uniquely(tx.dwelling.update({
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
        }), [], REFERENCE_TAKEN(reference));
        return { result: after, entityType: "Dwelling", entityId: after.id, before, after };
      });
      return { dwelling: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("createAccommodationUnit", (t) =>
  t.field({
    type: AccommodationUnitPayload,
    description: "Adds an accommodation unit (unité d'hébergement, bill art. 13 §2 al. 2) to a shared dwelling of the caller's stock.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: CreateAccommodationUnitInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation<UnitChange>(ctx, "createAccommodationUnit", async (tx) => {
        const p = new Problems();
        checkId(p, "dwellingId", input.dwellingId, "Dwelling");
        const reference = checkText(p, "reference", input.reference, { max: TEXT.reference, required: true });
        checkDecimal(p, "usefulArea", input.usefulArea, AREA);
        checkInt(p, "capacity", input.capacity, { min: 1, max: 10 });
        if (p.any) fail(p);
        const dwelling = await ownDwelling(tx, ctx, p, "dwellingId", input.dwellingId);
        if (!dwelling) fail(p);
        if (dwelling.type !== "SHARED_DWELLING") {
          p.add("dwellingId", "RULE_VIOLATION", "Accommodation units exist only inside a shared dwelling (type SHARED_DWELLING)", "bill 8535 art. 13 §2 al. 2");
        }
        if (await tx.accommodationUnit.findFirst({ where: { dwellingId: dwelling.id, reference } })) {
          p.add("reference", "CONFLICT", `Reference "${reference}" is already used in this dwelling`);
        }
        if (p.any) fail(p);
        const unit = await uniquely(tx.accommodationUnit.create({
          data: { dwellingId: dwelling.id, reference: reference!, usefulArea: input.usefulArea.toFixed(), capacity: input.capacity ?? 1, status: "VACANT" },
        }), [], { field: "reference", message: `Reference "${reference ?? ""}" is already used in this dwelling` });
        return { result: { unit: { ...unit, dwelling }, dwelling }, entityType: "AccommodationUnit", entityId: unit.id, before: null, after: unit };
      });
      return { accommodationUnit: out.result?.unit ?? null, dwelling: out.result?.dwelling ?? null, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("updateAccommodationUnit", (t) =>
  t.field({
    type: AccommodationUnitPayload,
    description: "Changes an accommodation unit of the caller's stock.",
    authScopes: MUTATE,
    args: { input: t.arg({ type: UpdateAccommodationUnitInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation<UnitChange>(ctx, "updateAccommodationUnit", async (tx) => {
        const p = new Problems();
        checkId(p, "id", input.id, "AccommodationUnit");
        const reference = checkText(p, "reference", input.reference, { max: TEXT.reference });
        checkDecimal(p, "usefulArea", input.usefulArea, AREA);
        checkInt(p, "capacity", input.capacity, { min: 1, max: 10 });
        if (p.any) fail(p);
        const before = await ownUnit(tx, ctx, p, "id", input.id);
        if (!before) fail(p);
        if (reference && reference !== before.reference && (await tx.accommodationUnit.findFirst({ where: { dwellingId: before.dwellingId, reference } }))) {
          p.add("reference", "CONFLICT", `Reference "${reference}" is already used in this dwelling`);
        }
        if (p.any) fail(p);
        const { dwelling, ...beforeUnit } = before;
        const unit = await tx.accommodationUnit.update({
          where: { id: before.id },
          data: {
            ...(reference !== undefined && { reference }),
            ...(input.usefulArea != null && { usefulArea: input.usefulArea.toFixed() }),
            ...(input.capacity != null && { capacity: input.capacity }),
          },
        });
        return { result: { unit: { ...unit, dwelling }, dwelling }, entityType: "AccommodationUnit", entityId: unit.id, before: beforeUnit, after: unit };
      });
      return { accommodationUnit: out.result?.unit ?? null, dwelling: out.result?.dwelling ?? null, userErrors: out.userErrors };
    },
  }),
);

/**
 * A dwelling let without a managed-since date is managed from its first letting at the latest
 * (art. 40: the landlord statement counts a dwelling only from `managedSince`; without it a
 * dwelling created through the API was left out of its statement).
 */
function managedFrom(to: "LET" | "VACANT", dwelling: Dwelling, date: Date): { managedSince?: Date } {
  return to === "LET" && !dwelling.managedSince ? { managedSince: date } : {};
}

/** Letting and vacancy share their checks; `to` is the status reached. */
function lettingMutation(name: "recordLetting" | "recordVacancy", to: "LET" | "VACANT", description: string) {
  const from = to === "LET" ? "VACANT" : "LET";
  builder.mutationField(name, (t) =>
    t.field({
      type: AccommodationUnitPayload,
      description,
      authScopes: MUTATE,
      args: { input: t.arg({ type: LettingEventInput, required: true, description: "The change requested." }) },
      resolve: async (_r, { input }, ctx) => {
        const out = await runMutation<UnitChange>(ctx, name, async (tx) => {
          const p = new Problems();
          if ((input.dwellingId == null) === (input.accommodationUnitId == null)) {
            p.add("dwellingId", "INVALID_VALUE", "Give exactly one of dwellingId and accommodationUnitId");
            fail(p);
          }
          if (input.date > todayIso()) p.add("date", "OUT_OF_RANGE", `date ${input.date} is in the future; record events once they happen`);
          checkId(p, "dwellingId", input.dwellingId, "Dwelling");
          checkId(p, "accommodationUnitId", input.accommodationUnitId, "AccommodationUnit");
          if (p.any) fail(p);
          const date = asDate(input.date);
          if (input.accommodationUnitId != null) {
            const unit = await ownUnit(tx, ctx, p, "accommodationUnitId", input.accommodationUnitId);
            if (!unit) fail(p);
            if (unit.status !== from) p.add("accommodationUnitId", "INVALID_STATE", `The unit is ${unit.status}; only a ${from} unit can become ${to}`);
            if (p.any) fail(p);
            const { dwelling: _d, ...before } = unit;
            // Exactly one winner (issue 15 §2): the unit changes only if it still has the status read.
            await guarded(
              tx.accommodationUnit.updateMany({ where: { id: unit.id, status: from }, data: { status: to, ...(to === "LET" && !unit.firstLettingOn && { firstLettingOn: date }) } }),
              "accommodationUnitId",
              `The unit is no longer ${from}: another request changed it meanwhile`,
            );
            const after = await tx.accommodationUnit.findUniqueOrThrow({ where: { id: unit.id } });
            // A shared dwelling is let while any of its units is let, derived under its row lock in this transaction.
            const dwelling = await deriveSharedDwellingStatus(tx, unit.dwellingId, to === "LET" ? date : undefined);
            return { result: { unit: { ...after, dwelling }, dwelling }, entityType: "AccommodationUnit", entityId: unit.id, before, after: { ...after, date: input.date } };
          }
          const dwelling = await ownDwelling(tx, ctx, p, "dwellingId", input.dwellingId);
          if (!dwelling) fail(p);
          if (dwelling.type === "SHARED_DWELLING") {
            p.add("dwellingId", "RULE_VIOLATION", "A shared dwelling is let unit by unit: give accommodationUnitId", "bill 8535 art. 13 §2 al. 2");
          } else if (dwelling.status !== from) {
            p.add("dwellingId", "INVALID_STATE", `The dwelling is ${dwelling.status}; only a ${from} dwelling can become ${to}`);
          }
          if (p.any) fail(p);
          await guarded(
            tx.dwelling.updateMany({ where: { id: dwelling.id, status: from }, data: { status: to, ...(to === "LET" && !dwelling.firstLettingOn && { firstLettingOn: date }), ...managedFrom(to, dwelling, date) } }),
            "dwellingId",
            `The dwelling is no longer ${from}: another request changed it meanwhile`,
          );
          const after = await tx.dwelling.findUniqueOrThrow({ where: { id: dwelling.id } });
          return { result: { unit: null, dwelling: after }, entityType: "Dwelling", entityId: dwelling.id, before: dwelling, after: { ...after, date: input.date } };
        });
        return { accommodationUnit: out.result?.unit ?? null, dwelling: out.result?.dwelling ?? null, userErrors: out.userErrors };
      },
    }),
  );
}

lettingMutation("recordLetting", "LET", "Records that a vacant dwelling or accommodation unit is let from a date; the first letting date is kept (capital remuneration runs from it, bill art. 13 §3).");
lettingMutation("recordVacancy", "VACANT", "Records that a let dwelling or accommodation unit is vacant from a date (vacancy rates of the statement, art. 40 §3).");
