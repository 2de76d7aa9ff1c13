import { pageCost } from "../../schema/complexity.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { ConventionKindEnum } from "../../schema/enums.js";
import { moneyString } from "../../schema/money.js";
import { conventionScope, dwellingScope, owns } from "../../access/tenant.js";

/** Convention with the State (law art. 8-9, 40; bill art. 72bis). */
export const ConventionRef = builder.prismaNode("Convention", {
  description:
    "A convention between the State and a social developer (financial participation, art. 8-9), a social landlord (compensation, art. 40) or a private partner (bill art. 72bis).",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [conventionScope(ctx.viewer)] }),
  authScopes: (c, ctx) => owns.convention(ctx.viewer, c),
  fields: (t) => ({
    reference: t.exposeString("reference", { description: "Reference of the convention." }),
    kind: t.expose("kind", { type: ConventionKindEnum, description: "Kind of convention." }),
    signedOn: t.expose("signedOn", {
      type: "Date",
      description: "Date of signature; the RGD of 24 January 2024 applies to conventions signed from 1 October 2023.",
    }),
    startsOn: t.expose("startsOn", { type: "Date", description: "Start of the convention." }),
    endsOn: t.expose("endsOn", { type: "Date", nullable: true, description: "End of the convention, if fixed." }),
    durationYears: t.exposeInt("durationYears", { nullable: true, description: "Initial length in years (DC in the residual-value formula, bill annex IV)." }),
    stateParticipation: t.field({
      type: "Decimal",
      nullable: true,
      description: "State financial participation including land (PFA in bill annex IV), EUR.",
      resolve: (c) => moneyString(c.stateParticipation),
    }),
    totalCost: t.field({
      type: "Decimal",
      nullable: true,
      description: "Initial total cost including land brought (CT in bill annex IV), EUR.",
      resolve: (c) => moneyString(c.totalCost),
    }),
    bankLoanPrefinancing: t.exposeBoolean("bankLoanPrefinancing", {
      description: "The developer's contribution is prefinanced by a bank loan: capital remuneration is staggered (RGD 24 January 2024 art. 2).",
    }),
    developer: t.relation("developer", { nullable: true, description: "Social developer party to the convention." }),
    landlord: t.relation("landlord", { nullable: true, description: "Social landlord party to the convention." }),
    project: t.relation("project", { nullable: true, description: "Project financed." }),
    financedDwellings: t.relatedConnection("financedDwellings", {
      description: "Dwellings financed under this convention, as far as the caller may see them.",
      cursor: "id",
      complexity: pageCost,
      totalCount: true,
      query: (_a, ctx) => ({ where: dwellingScope(ctx.viewer), orderBy: { id: "asc" } }),
    }),
    compensatedDwellings: t.relatedConnection("compensatedDwellings", {
      description: "Dwellings managed under this compensation convention, as far as the caller may see them.",
      cursor: "id",
      complexity: pageCost,
      totalCount: true,
      query: (_a, ctx) => ({ where: dwellingScope(ctx.viewer), orderBy: { id: "asc" } }),
    }),
  }),
});

const ConventionFilter = builder.inputType("ConventionFilter", {
  description: "Filters on conventions.",
  fields: (t) => ({
    kinds: t.field({ type: [ConventionKindEnum], required: false, description: "Kinds of convention." }),
    signedInYear: t.int({ required: false, description: "Year of signature." }),
  }),
});

function conventionWhere(filter: typeof ConventionFilter.$inferInput | null | undefined): Prisma.ConventionWhereInput {
  const where: Prisma.ConventionWhereInput = {};
  if (filter?.kinds) where.kind = { in: filter.kinds };
  if (filter?.signedInYear != null) {
    where.signedOn = { gte: new Date(Date.UTC(filter.signedInYear, 0, 1)), lt: new Date(Date.UTC(filter.signedInYear + 1, 0, 1)) };
  }
  return where;
}

builder.queryField("conventions", (t) =>
  t.prismaConnection({
    type: "Convention",
    cursor: "id",
    complexity: pageCost,
    description: "Conventions the caller is party to (the ministry: all), newest signature first.",
    authScopes: { authenticated: true },
    args: { filter: t.arg({ type: ConventionFilter, required: false, description: "Conditions." }) },
    totalCount: (_c, args, ctx) => ctx.prisma.convention.count({ where: { AND: [conventionScope(ctx.viewer), conventionWhere(args.filter)] } }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.convention.findMany({
        ...query,
        where: { AND: [conventionScope(ctx.viewer), conventionWhere(args.filter)] },
        orderBy: [{ signedOn: "desc" }, { id: "asc" }],
      }),
  }),
);
