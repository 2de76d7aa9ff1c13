import { pageCost } from "../../schema/complexity.js";
import { builder } from "../../schema/builder.js";
import { CantonEnum } from "../../schema/enums.js";

/** Commune. Public reference data. */
export const MunicipalityRef = builder.prismaNode("Municipality", {
  description: "A municipality (commune) of Luxembourg.",
  id: { field: "id" },
  // node(id:) of an unknown code answers null (findUnique), not an internal error.
  nullable: true,
  authScopes: () => true,
  fields: (t) => ({
    code: t.exposeString("id", { description: "Stable code of the municipality (its name in lower-case ASCII), used in filters." }),
    name: t.exposeString("name", { description: "Official name." }),
    canton: t.expose("canton", { type: CantonEnum, description: "Canton." }),
    geographicZone: t.exposeString("geographicZone", {
      nullable: true,
      description: "Zone of the geographic segmentation of land prices (bill art. 14 §2 al. 3); null until set by regulation.",
    }),
  }),
});

builder.queryField("municipalities", (t) =>
  t.prismaConnection({
    type: "Municipality",
    cursor: "id",
    complexity: pageCost,
    description: "Luxembourg's municipalities, ordered by code. Public reference data.",
    totalCount: (_connection, _args, ctx) => ctx.prisma.municipality.count(),
    resolve: (query, _parent, _args, ctx) => ctx.prisma.municipality.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
);
