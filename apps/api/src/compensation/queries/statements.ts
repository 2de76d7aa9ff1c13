/** Reading statements: a draft computed live, one issued statement, and the issued ones as a connection. */
import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import type { Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { pageCost } from "../../schema/complexity.js";
import { decodeGlobalId, decodeGlobalIds } from "../../schema/ids.js";
import { Problems } from "../../schema/user-errors.js";
import { requireActingFor } from "../../access/acting-for.js";
import { CompensationRegimeEnum, CompensationStatementKindEnum } from "../types/enums.js";
import { domainGraphQLError } from "../../schema/domain-errors.js";
import { isUserFacingDomainError } from "../../schema/domain-errors.js";
import { StatementRef } from "../types/statement.js";
import { computeStatement, requestOptionsFor, STATEMENT_SUMMARY, statementScope, StatementView } from "../adapters/statements.js";
import { resolveSubject, StatementSubjectInput } from "../adapters/subject.js";
import { LegalRegimeEnum } from "../../schema/law.js";
import { chooseRegime, REGIME_DEPRECATION } from "../../schema/regime-arg.js";

builder.queryField("compensationStatementDraft", (t) =>
  t.field({
    type: StatementRef,
    nullable: true,
    description:
      "The statement as it would be issued now (`issued: false`), computed live from the stored data. Null when the convention does not exist or the caller may not see it (a landlord its own, a developer its conventions, the ministry all), or when `landlordId` is not a social landlord. FORBIDDEN (HTTP 403) when `landlordId` names an organisation the caller may not act for (outside the ministry: any but its own).",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: StatementSubjectInput, required: true, description: "The statement: landlord or convention, year, regime." }) },
    resolve: async (_r, { input }, ctx) => {
      const p = new Problems();
      const resolved = await resolveSubject(ctx, p, input, "read");
      if (!resolved) {
        const problem = p.list[0]!;
        if (problem.code === "NOT_FOUND") return null;
        throw new GraphQLError(problem.message, { extensions: { code: "BAD_USER_INPUT", field: problem.field.join("."), rule: problem.rule } });
      }
      try {
        const statement = await computeStatement(ctx.prisma, resolved.subject, resolved.year, await requestOptionsFor(ctx, resolved.regime));
        return StatementView.draft(ctx, resolved.subject, statement);
      } catch (e) {
        if (isUserFacingDomainError(e)) throw domainGraphQLError(e);
        throw e;
      }
    },
  }),
);

builder.queryField("compensationStatement", (t) =>
  t.field({
    type: StatementRef,
    nullable: true,
    description: "One issued statement by global ID or number; null when it does not exist or the caller may not see it.",
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: false, description: "Global ID." }),
      number: t.arg.string({ required: false, description: 'Public number, e.g. "CS-2025-000042".' }),
    },
    resolve: async (_r, args, ctx) => {
      if ((args.id == null) === (args.number == null))
        throw new GraphQLError("Give exactly one of id and number", { extensions: { code: "BAD_USER_INPUT", field: "id" } });
      const where: Prisma.CompensationStatementWhereInput =
        args.id != null ? { id: decodeGlobalId(String(args.id), "CompensationStatement", "id") } : { number: args.number! };
      const row = await ctx.prisma.compensationStatement.findFirst({ where: { AND: [where, statementScope(ctx.viewer)] }, select: STATEMENT_SUMMARY });
      return row ? StatementView.issued(ctx, row) : null;
    },
  }),
);

const StatementFilter = builder.inputType("CompensationStatementFilter", {
  description: "Conditions on issued statements; all given conditions apply together.",
  fields: (t) => ({
    kind: t.field({ type: CompensationStatementKindEnum, required: false, description: "Developer or landlord statements." }),
    year: t.int({ required: false, description: "Year compensated." }),
    regime: t.field({
      type: CompensationRegimeEnum,
      required: false,
      deprecationReason: REGIME_DEPRECATION,
      description: "Regime. Deprecated: give legalRegime; both given must agree.",
    }),
    legalRegime: t.field({ type: LegalRegimeEnum, required: false, description: "Régime légal (loi du 7 août 2023, or bill 8535)." }),
    organisationIds: t.idList({
      required: false,
      description: "Global IDs of the landlords or developers (the ministry: any; others only their own organisation, FORBIDDEN (HTTP 403) otherwise).",
    }),
    conventionIds: t.idList({ required: false, description: "Global IDs of conventions." }),
    latestOnly: t.boolean({ required: false, description: "Only the latest version of each series." }),
  }),
});

builder.queryField("compensationStatements", (t) =>
  t.connection(
    {
      type: StatementRef,
      description:
        "Issued statements the caller may see (a landlord its own, a developer its conventions', the ministry all), newest year first, then newest issue.",
      authScopes: { authenticated: true },
      complexity: pageCost,
      args: { filter: t.arg({ type: StatementFilter, required: false, description: "Conditions." }) },
      resolve: async (_r, args, ctx) => {
        const f = args.filter;
        const chosen = chooseRegime(f?.regime, f?.legalRegime, "LAW");
        if ("conflict" in chosen) throw new GraphQLError(chosen.conflict, { extensions: { code: "BAD_USER_INPUT", field: "filter.legalRegime" } });
        const regime = f?.legalRegime ?? f?.regime ?? null;
        const organisationIds = f?.organisationIds ? decodeGlobalIds(f.organisationIds, "Organisation", "filter.organisationIds") : null;
        requireActingFor(ctx.viewer, "filter.organisationIds", organisationIds, "LANDLORD_OR_DEVELOPER");
        const where: Prisma.CompensationStatementWhereInput = {
          AND: [
            statementScope(ctx.viewer),
            {
              ...(f?.kind && { kind: f.kind }),
              ...(f?.year != null && { year: f.year }),
              ...(regime && { regime }),
              ...(organisationIds && { organisationId: { in: organisationIds } }),
              ...(f?.conventionIds && { conventionId: { in: decodeGlobalIds(f.conventionIds, "Convention", "filter.conventionIds") } }),
              ...(f?.latestOnly && { next: { is: null } }),
            },
          ],
        };
        const totalCount = await ctx.prisma.compensationStatement.count({ where });
        const page = await resolveOffsetConnection({ args }, ({ offset, limit }) =>
          ctx.prisma.compensationStatement.findMany({
            where,
            select: STATEMENT_SUMMARY,
            orderBy: [{ year: "desc" }, { issuedAt: "desc" }, { id: "asc" }],
            skip: offset,
            take: limit,
          }),
        );
        return { ...page, totalCount, edges: page.edges.map((e) => (e ? { ...e, node: StatementView.issued(ctx, e.node) } : e)) };
      },
    },
    {
      description: "A page of issued statements.",
      fields: (c) => ({
        totalCount: c.int({
          description: "Number of statements in the whole list (all pages), after filters and the caller's access rules.",
          resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
  ),
);
