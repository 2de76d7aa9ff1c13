/** GraphQL enums of the tenancy records (rent-setting reasons, revision reasons, inventories, rehousing). */
import type { RENT_SETTING_REASONS } from "../adapters/facts.js";
import { builder } from "../../schema/builder.js";

// ───────────── enums ─────────────

export const RentSettingReasonEnum = builder.enumType("RentSettingReason", {
  description: "Why a rent was set (law art. 61-62).",
  values: {
    ALLOCATION: { description: "Rent computed at allocation (art. 61)." },
    ANNUAL: { description: "Yearly revision (art. 62 §1 al. 1); applies from its notification." },
    HOUSEHOLD_CHANGE: { description: "Change in the household (art. 62 §2 1°); applies from the first day of the month after the one-month period." },
    INCOME_CHANGE: {
      description: "Income change of at least 5 % either way (art. 62 §2 2°-3°); applies from the first day of the month after the one-month period.",
    },
    AFTER_INFORMATION: { description: "Revision on complete information received after a flat rent (art. 62 §1 al. 4)." },
    FLAT_RENT: { description: "Flat rent up to the annex III cap when the tenant did not answer within two months (art. 62 §1 al. 3)." },
  } satisfies Record<(typeof RENT_SETTING_REASONS)[number], { description: string }>,
});

export const RevisionDueReasonEnum = builder.enumType("RevisionDueReason", {
  description: "Why a rent revision is due (art. 62).",
  values: {
    ANNUAL: { description: "Yearly revision (art. 62 §1 al. 1)." },
    HOUSEHOLD_CHANGE: { description: "Household change reported (art. 62 §2 1°)." },
    INCOME_CHANGE: { description: "Income change of 5 % or more reported (art. 62 §2 2°-3°)." },
    FLAT_RENT_ALLOWED: { description: "No answer within two months: a flat rent may be asked (art. 62 §1 al. 3)." },
    AFTER_INFORMATION: { description: "Information received after a flat rent (art. 62 §1 al. 4)." },
  } as const,
});

export const InventoryKindEnum = builder.enumType("InventoryKind", {
  description: "Kind of inventory (état des lieux).",
  values: {
    ENTRY: { description: "At entry into the premises." },
    EXIT: { description: "At the end of the lease (bill art. 63bis §2: the first half of the deposit comes back when it matches the entry one)." },
  } as const,
});

export const RehousingReasonEnum = builder.enumType("RehousingReason", {
  description: "Why a tenant is to be rehoused (law art. 66-67, bill art. 39-40).",
  values: {
    UNDER_OCCUPANCY: { description: "Under-occupancy (art. 66; art. 67 §1 1°)." },
    NON_COMPLIANT: { description: "The dwelling no longer meets the requirements (art. 67 §1 2°)." },
    RENOVATION: { description: "Renovation works (art. 67 §1 3°)." },
    TENANT_REQUEST: { description: "At the tenant's request: mismatch or changed circumstances (law §2, bill §2ter); refusals never end the lease." },
    OTHER_LANDLORD_STOCK: { description: "Bill §4: typology mismatch rehoused in another social landlord's stock." },
    TYPOLOGY_MISMATCH: {
      description: "Bill §2: typology no longer matching the household; the landlord has three years from its knowledge to offer a dwelling.",
    },
  } as const,
});

export const RehousingOfferOutcomeEnum = builder.enumType("RehousingOfferOutcome", {
  description: "The tenant's answer to a rehousing offer (art. 67).",
  values: {
    PENDING: { description: "No answer yet." },
    ACCEPTED: { description: "Accepted: the rehousing case closes." },
    REFUSED_JUSTIFIED: {
      description: "Refused because the offer did not fit the household (typology, school or workplace, art. 67 §1 al. 2-3): the offer does not count.",
    },
    REFUSED_UNJUSTIFIED: { description: "Refused: counts towards the two refusals after which the right to stay is lost (art. 67 §1 al. 4, bill §2bis)." },
  } as const,
});
