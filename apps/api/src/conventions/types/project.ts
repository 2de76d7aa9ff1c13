import { pageCost } from "../../schema/complexity.js";
import { builder } from "../../schema/builder.js";
import { conventionScope, dwellingScope, owns, projectScope } from "../../access/tenant.js";

/** Projet de logement abordable (law art. 8). */
export const ProjectRef = builder.prismaNode("Project", {
  description: "A housing project of a social developer (projet, law art. 8), financed under a financial-participation convention.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [projectScope(ctx.viewer)] }),
  authScopes: (p, ctx) => owns.project(ctx.viewer, p),
  fields: (t) => ({
    name: t.exposeString("name", { description: "Name of the project." }),
    developer: t.relation("developer", { description: "Social developer (promoteur social) of the project." }),
    municipality: t.relation("municipality", { description: "Municipality of the project." }),
    conventions: t.relatedConnection("conventions", {
      description: "Conventions of the project, as far as the caller may see them.",
      cursor: "id",
      complexity: pageCost,
      query: (_a, ctx) => ({ where: conventionScope(ctx.viewer), orderBy: { id: "asc" } }),
    }),
    dwellings: t.relatedConnection("dwellings", {
      description: "Dwellings of the project, as far as the caller may see them.",
      cursor: "id",
      complexity: pageCost,
      totalCount: true,
      query: (_a, ctx) => ({ where: dwellingScope(ctx.viewer), orderBy: { id: "asc" } }),
    }),
  }),
});

builder.queryField("projects", (t) =>
  t.prismaConnection({
    type: "Project",
    cursor: "id",
    complexity: pageCost,
    description: "Projects the caller may see: a developer its own, a landlord those with dwellings it lets, the ministry all.",
    authScopes: { authenticated: true },
    totalCount: (_c, _a, ctx) => ctx.prisma.project.count({ where: projectScope(ctx.viewer) }),
    resolve: (query, _p, _a, ctx) => ctx.prisma.project.findMany({ ...query, where: projectScope(ctx.viewer), orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
);
