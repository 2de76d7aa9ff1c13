import { pageCost } from "../../schema/complexity.js";
import { builder } from "../../schema/builder.js";
import { AccommodationUnitStatusEnum } from "../../schema/enums.js";
import { accommodationUnitScope, leaseScope, owns } from "../../access/tenant.js";

/** Unité d'hébergement (bill art. 13 §2 al. 2). */
export const AccommodationUnitRef = builder.prismaNode("AccommodationUnit", {
  description:
    "An accommodation unit (unité d'hébergement, bill 8535 art. 13 §2 al. 2): the private unit for the exclusive use of one or more occupants within a dwelling, distinct from its shared spaces. Counted per unit for operating costs (art. 13) and management flats (art. 40) under the bill.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [accommodationUnitScope(ctx.viewer)] }),
  select: { dwelling: { select: { landlordId: true, developerId: true } } },
  authScopes: (unit, ctx) => owns.dwelling(ctx.viewer, unit.dwelling),
  fields: (t) => ({
    reference: t.exposeString("reference", { description: "Reference of the unit within its dwelling." }),
    usefulArea: t.expose("usefulArea", { type: "Decimal", description: "Private useful area of the unit, m2." }),
    capacity: t.exposeInt("capacity", { description: "Number of occupants the unit is for." }),
    status: t.expose("status", { type: AccommodationUnitStatusEnum, description: "Letting status." }),
    firstLettingOn: t.expose("firstLettingOn", { type: "Date", nullable: true, description: "Date of first letting." }),
    dwelling: t.relation("dwelling", { description: "The shared dwelling (logement) the unit is part of." }),
    leases: t.relatedConnection("leases", {
      description: "Leases of this unit, newest first.",
      cursor: "id",
      complexity: pageCost,
      totalCount: true,
      query: (_args, ctx) => ({ where: leaseScope(ctx.viewer), orderBy: [{ startsOn: "desc" }, { id: "asc" }] }),
    }),
  }),
});
