import { pageCost } from "../../schema/complexity.js";
import { builder } from "../../schema/builder.js";
import { OrganisationKindEnum } from "../../schema/enums.js";
import { dwellingScope, conventionScope } from "../../access/tenant.js";

/**
 * Organisation: a social developer (promoteur social, art. 16), a social landlord (bailleur
 * social, art. 38), both, or the ministry. Names and kinds are public to authenticated callers;
 * the stock and conventions behind them follow the caller's tenant rules.
 */
export const OrganisationRef = builder.prismaNode("Organisation", {
  description: "A social developer (promoteur social, law art. 16) and/or social landlord (bailleur social, law art. 38), or the ministry.",
  id: { field: "id" },
  // node(id:) of an unknown organisation answers null (findUnique), not an internal error.
  nullable: true,
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString("name", { description: "Registered name." }),
    kind: t.expose("kind", { type: OrganisationKindEnum, description: "Legal form." }),
    isSocialDeveloper: t.exposeBoolean("isSocialDeveloper", { description: "Acts as promoteur social (art. 16)." }),
    isSocialLandlord: t.exposeBoolean("isSocialLandlord", { description: "Acts as bailleur social (art. 38)." }),
    municipality: t.relation("municipality", { nullable: true, description: "Municipality of its seat." }),
    managedDwellings: t.relatedConnection("managedDwellings", {
      description: "Dwellings this organisation lets as social landlord, as far as the caller may see them.",
      cursor: "id",
      complexity: pageCost,
      totalCount: true,
      query: (_args, ctx) => ({ where: dwellingScope(ctx.viewer), orderBy: { id: "asc" } }),
    }),
    landlordConventions: t.relatedConnection("landlordConventions", {
      description: "Compensation conventions of this landlord (art. 40), as far as the caller may see them.",
      cursor: "id",
      complexity: pageCost,
      totalCount: true,
      query: (_args, ctx) => ({ where: conventionScope(ctx.viewer), orderBy: { id: "asc" } }),
    }),
    developerConventions: t.relatedConnection("developerConventions", {
      description: "Financial-participation conventions of this developer (art. 8-9), as far as the caller may see them.",
      cursor: "id",
      complexity: pageCost,
      totalCount: true,
      query: (_args, ctx) => ({ where: conventionScope(ctx.viewer), orderBy: { id: "asc" } }),
    }),
  }),
});

builder.queryField("organisations", (t) =>
  t.prismaConnection({
    type: "Organisation",
    cursor: "id",
    complexity: pageCost,
    description: "Social developers, social landlords and the ministry, by name.",
    authScopes: { authenticated: true },
    totalCount: (_c, _a, ctx) => ctx.prisma.organisation.count(),
    resolve: (query, _p, _a, ctx) => ctx.prisma.organisation.findMany({ ...query, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
);
