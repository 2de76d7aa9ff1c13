/**
 * Keeping a landlord's portfolio current: create and update dwellings and accommodation units,
 * record a letting and a vacancy. A landlord changes only its own stock; a ministry administrator
 * may act for any landlord. Every rule broken comes back as a user error and changes nothing.
 */
import type { Dwelling } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { Problems } from "../../schema/user-errors.js";
import { runMutation } from "../../schema/mutation.js";
import { asDate, checkDecimal, checkId, checkInt, checkText } from "../../schema/validate.js";
import { deriveSharedDwellingStatus, guarded, uniquely } from "../../schema/one-winner.js";
import { todayIso } from "@abordable/domain";
import type { UnitChange } from "./support.js";
import { fail, AccommodationUnitPayload, TEXT, AREA, MUTATE, ownDwelling, ownUnit } from "./support.js";

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
        const unit = await uniquely(
          tx.accommodationUnit.create({
            data: { dwellingId: dwelling.id, reference: reference!, usefulArea: input.usefulArea.toFixed(), capacity: input.capacity ?? 1, status: "VACANT" },
          }),
          [],
          { field: "reference", message: `Reference "${reference ?? ""}" is already used in this dwelling` },
        );
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
              tx.accommodationUnit.updateMany({
                where: { id: unit.id, status: from },
                data: { status: to, ...(to === "LET" && !unit.firstLettingOn && { firstLettingOn: date }) },
              }),
              "accommodationUnitId",
              `The unit is no longer ${from}: another request changed it meanwhile`,
            );
            const after = await tx.accommodationUnit.findUniqueOrThrow({ where: { id: unit.id } });
            // A shared dwelling is let while any of its units is let, derived under its row lock in this transaction.
            const dwelling = await deriveSharedDwellingStatus(tx, unit.dwellingId, to === "LET" ? date : undefined);
            return {
              result: { unit: { ...after, dwelling }, dwelling },
              entityType: "AccommodationUnit",
              entityId: unit.id,
              before,
              after: { ...after, date: input.date },
            };
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
            tx.dwelling.updateMany({
              where: { id: dwelling.id, status: from },
              data: { status: to, ...(to === "LET" && !dwelling.firstLettingOn && { firstLettingOn: date }), ...managedFrom(to, dwelling, date) },
            }),
            "dwellingId",
            `The dwelling is no longer ${from}: another request changed it meanwhile`,
          );
          const after = await tx.dwelling.findUniqueOrThrow({ where: { id: dwelling.id } });
          return {
            result: { unit: null, dwelling: after },
            entityType: "Dwelling",
            entityId: dwelling.id,
            before: dwelling,
            after: { ...after, date: input.date },
          };
        });
        return { accommodationUnit: out.result?.unit ?? null, dwelling: out.result?.dwelling ?? null, userErrors: out.userErrors };
      },
    }),
  );
}

lettingMutation(
  "recordLetting",
  "LET",
  "Records that a vacant dwelling or accommodation unit is let from a date; the first letting date is kept (capital remuneration runs from it, bill art. 13 §3).",
);
lettingMutation(
  "recordVacancy",
  "VACANT",
  "Records that a let dwelling or accommodation unit is vacant from a date (vacancy rates of the statement, art. 40 §3).",
);
