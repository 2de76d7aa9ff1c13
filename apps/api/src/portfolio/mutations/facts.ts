/**
 * The facts of a dwelling that a statement or a rent needs (issue 13 §4), entered or corrected
 * with the date they take effect: since when the landlord manages it (mis en location, art. 40 —
 * the landlord statement counts a dwelling only from then), its first letting (capital
 * remuneration runs from it, bill art. 13 §3), its year of first occupation (annex III energy
 * flat), its equipment (annex III), the rent paid to the developer (art. 13 §1, art. 40 §1), the
 * rent of its ancillary areas (art. 40 §1), and the compensation convention it is under (art. 40).
 * The landlord changes its own dwellings; a ministry administrator any. The effective date and
 * the values replaced are kept in the audit record.
 */
import type { Dwelling } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../../schema/user-errors.js";
import { runMutation } from "../../schema/mutation.js";
import { asDate, checkDecimal, checkId, checkInt } from "../../schema/validate.js";
import { DwellingRef } from "../types/dwelling.js";
import { dwellingInScope } from "../../access/policy.js";
import { conventionToAttach } from "../../access/policy.js";

const RENT = { max: "100000", scale: 2, unit: "EUR" } as const;

const RecordDwellingFactsInput = builder.inputType("RecordDwellingFactsInput", {
  description: "Facts of a dwelling with the date they take effect; fields left out stay as they are.",
  fields: (t) => ({
    dwellingId: t.id({ required: true, description: "The dwelling." }),
    effectiveOn: t.field({ type: "Date", required: true, description: "Date the facts take effect (kept in the audit trail); not in the future." }),
    managedSince: t.field({
      type: "Date",
      required: false,
      description: "Since when the landlord manages the dwelling as affordable rental stock (art. 40); the statement counts it from then.",
    }),
    firstLettingOn: t.field({
      type: "Date",
      required: false,
      description: "Date of first letting (bill art. 13 §3: capital remuneration runs from it); not before managedSince.",
    }),
    firstOccupiedYear: t.int({ required: false, description: "Year of first occupation (annex III energy flat)." }),
    energyRenovated: t.boolean({ required: false, description: "Energy renovation done (annex III)." }),
    hasEquippedKitchen: t.boolean({ required: false, description: "Equipped kitchen (annex III)." }),
    hasOutdoorSpace: t.boolean({ required: false, description: "Balcony, terrace or private garden (annex III)." }),
    rentToDeveloperMonthly: t.field({
      type: "Decimal",
      required: false,
      description: "Monthly rent the landlord pays to the developer (art. 13 §1, art. 40 §1), EUR.",
    }),
    ancillaryRentMonthly: t.field({
      type: "Decimal",
      required: false,
      description: "Monthly rent of the ancillary areas let with the dwelling — parking, cellar (art. 40 §1), EUR.",
    }),
    compensationConventionId: t.id({ required: false, description: "The landlord's compensation convention (art. 40) the dwelling is under." }),
  }),
});

const DwellingFactsPayload = builder.objectRef<{ dwelling: Dwelling | null; userErrors: UserError[] }>("DwellingFactsPayload").implement({
  description: "Result of recordDwellingFacts.",
  fields: (t) => ({
    dwelling: t.field({
      type: DwellingRef,
      nullable: true,
      description: "The dwelling as changed; null when there are user errors.",
      resolve: (p) => p.dwelling,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

builder.prismaObjectFields("Dwelling", (t) => ({
  managedSince: t.expose("managedSince", {
    type: "Date",
    nullable: true,
    description: "Since when the landlord manages it as affordable rental stock (art. 40); the landlord statement counts it from then.",
  }),
}));

builder.mutationField("recordDwellingFacts", (t) =>
  t.field({
    type: DwellingFactsPayload,
    description: "Enters or corrects the facts of a dwelling that its statement and rent need, with the date they take effect.",
    authScopes: { landlord: true, ministryAdmin: true },
    args: { input: t.arg({ type: RecordDwellingFactsInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordDwellingFacts", async (tx) => {
        const p = new Problems();
        const today = new Date().toISOString().slice(0, 10);
        const dwellingId = checkId(p, "dwellingId", input.dwellingId, "Dwelling");
        const conventionId = checkId(p, "compensationConventionId", input.compensationConventionId, "Convention");
        if (input.effectiveOn > today) p.add("effectiveOn", "OUT_OF_RANGE", "effectiveOn is in the future; record facts once they hold");
        if (input.managedSince && input.managedSince > today) p.add("managedSince", "OUT_OF_RANGE", "managedSince is in the future");
        if (input.firstLettingOn && input.firstLettingOn > today) p.add("firstLettingOn", "OUT_OF_RANGE", "firstLettingOn is in the future");
        checkInt(p, "firstOccupiedYear", input.firstOccupiedYear, { min: 1800, max: new Date().getUTCFullYear() + 1 });
        for (const f of ["rentToDeveloperMonthly", "ancillaryRentMonthly"] as const) {
          checkDecimal(p, f, input[f], RENT);
          if (input[f]?.isNegative()) p.add(f, "OUT_OF_RANGE", `${f} is not negative`);
        }
        if (p.any) throw new UserErrorsAbort(p.list);
        const before = await dwellingInScope(tx, ctx.viewer, p, "dwellingId", dwellingId);
        if (!before) throw new UserErrorsAbort(p.list);
        // Through the reference policy: a convention the caller is not party to is refused like an absent one; kind and landlord are rules on its own.
        const convention = conventionId ? await conventionToAttach(tx, ctx, p, "compensationConventionId", input.compensationConventionId!) : null;
        if (convention && (convention.kind !== "COMPENSATION" || convention.landlordId !== before.landlordId)) {
          p.add("compensationConventionId", "RULE_VIOLATION", "Must be a compensation convention of this dwelling's landlord", "law art. 40");
        }
        const managed = input.managedSince ?? before.managedSince?.toISOString().slice(0, 10) ?? null;
        const firstLet = input.firstLettingOn ?? before.firstLettingOn?.toISOString().slice(0, 10) ?? null;
        if (managed && firstLet && firstLet < managed)
          p.add(
            input.firstLettingOn ? "firstLettingOn" : "managedSince",
            "RULE_VIOLATION",
            `First letting (${firstLet}) before the landlord manages the dwelling (${managed})`,
            "law art. 40",
          );
        if (p.any) throw new UserErrorsAbort(p.list);
        const after = await tx.dwelling.update({
          where: { id: before.id },
          data: {
            ...(input.managedSince && { managedSince: asDate(input.managedSince) }),
            ...(input.firstLettingOn && { firstLettingOn: asDate(input.firstLettingOn) }),
            ...(input.firstOccupiedYear != null && { firstOccupiedYear: input.firstOccupiedYear }),
            ...(input.energyRenovated != null && { energyRenovated: input.energyRenovated }),
            ...(input.hasEquippedKitchen != null && { hasEquippedKitchen: input.hasEquippedKitchen }),
            ...(input.hasOutdoorSpace != null && { hasOutdoorSpace: input.hasOutdoorSpace }),
            ...(input.rentToDeveloperMonthly != null && { rentToDeveloperMonthly: input.rentToDeveloperMonthly.toFixed(2) }),
            ...(input.ancillaryRentMonthly != null && { ancillaryRentMonthly: input.ancillaryRentMonthly.toFixed(2) }),
            ...(conventionId && { compensationConventionId: conventionId }),
          },
        });
        return { result: after, entityType: "Dwelling", entityId: after.id, before, after: { ...after, effectiveOn: input.effectiveOn } };
      });
      return { dwelling: out.result, userErrors: out.userErrors };
    },
  }),
);
