/**
 * Keeping a landlord's portfolio current: create and update dwellings and accommodation units,
 * record a letting and a vacancy. A landlord changes only its own stock; a ministry administrator
 * may act for any landlord. Every rule broken comes back as a user error and changes nothing.
 */
import type { AccommodationUnit, Dwelling, Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../../schema/user-errors.js";
import { dwellingToChange, unitToChange } from "../../access/policy.js";
import type { Context } from "../../schema/context.js";
import { DwellingRef } from "../types/dwelling.js";
import { AccommodationUnitRef } from "../types/accommodation-unit.js";

type Tx = Prisma.TransactionClient;

export const AREA = { greaterThan: "0", max: "10000", scale: 2, unit: "m2" } as const;
export const TEXT = { reference: 50, address: 300 } as const;

// ───────────── payloads ─────────────

export const DwellingPayload = builder.objectRef<{ dwelling: Dwelling | null; userErrors: UserError[] }>("DwellingPayload").implement({
  description: "Result of a dwelling mutation.",
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

type UnitWithDwelling = AccommodationUnit & { dwelling: Dwelling };
export type UnitChange = { unit: UnitWithDwelling | null; dwelling: Dwelling };

export const AccommodationUnitPayload = builder
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
      dwelling: t.field({
        type: DwellingRef,
        nullable: true,
        description: "The dwelling as changed (a shared dwelling's status follows its units).",
        resolve: (p) => p.dwelling,
      }),
      userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
    }),
  });

// ───────────── helpers ─────────────

export function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

export function checkCategory(p: Problems, category: string, sub: string | null | undefined): void {
  if (category === "DEDICATED" && !sub) p.add("dedicatedSubCategory", "RULE_VIOLATION", "A dedicated dwelling needs its sub-category", "law art. 12 §2");
  if (category === "ALL_PUBLIC" && sub)
    p.add("dedicatedSubCategory", "RULE_VIOLATION", "A dwelling for all public has no dedicated sub-category", "law art. 12 §1");
}

/** The dwelling if the caller may change it (its landlord, or a ministry administrator): the reference policy's (access/policy.ts). */
export async function ownDwelling(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number | null | undefined) {
  if (globalId == null) return null;
  return dwellingToChange(tx, ctx, p, field, globalId, {});
}

export async function ownUnit(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number | null | undefined) {
  if (globalId == null) return null;
  return unitToChange(tx, ctx, p, field, globalId);
}

export const REFERENCE_TAKEN = (reference: string | undefined) => ({
  field: "reference",
  message: `Reference "${reference ?? ""}" is already used in this landlord's stock`,
});

export { todayIso } from "@abordable/domain";

export const MUTATE = { landlord: true, ministryAdmin: true } as const;
