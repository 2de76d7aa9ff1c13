/**
 * The one Pothos schema builder. Plugins: scope-auth (roles and row ownership), prisma
 * (selections planned from the GraphQL query: a page of nested data costs a bounded number of
 * SQL statements), relay (global IDs, node/nodes, cursor connections), complexity (depth and
 * cost limits).
 */
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError, isObjectType, type GraphQLResolveInfo } from "graphql";
import type { Decimal } from "decimal.js";
import type PrismaTypes from "../generated/pothos-prisma-types.js";
import { getDatamodel } from "../generated/pothos-prisma-types.js";
import { isDeveloper, isLandlord, isMinistry, isMinistryAdmin } from "../identity/viewer.js";
import type { Context } from "./context.js";
import { checkNodeId, decodeRelayGlobalId } from "./ids.js";

export interface SchemaLimits {
  maxDepth: number;
  maxCost: number;
}

/** Most IDs `nodes(ids:)` takes in one call. */
export const MAX_NODES = 100;
/** Page sizes of every connection (the relay plugin's defaults, which the connections keep). */
const MAX_PAGE = 100;
const DEFAULT_PAGE = 20;

/** Whether node(id:) can fetch objects of this type: an object type implementing Node. */
function isNodeType(info: GraphQLResolveInfo, typename: string): boolean {
  const type = info.schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node");
}

/** Limits are read per request from the context so that configuration applies without rebuilding the schema. */
export const limits: SchemaLimits = { maxDepth: 10, maxCost: 20_000 };

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  AuthScopes: {
    authenticated: boolean;
    ministry: boolean;
    ministryAdmin: boolean;
    landlord: boolean;
    developer: boolean;
  };
  Scalars: {
    Decimal: { Input: Decimal; Output: Decimal | { toFixed(): string } | string };
    Date: { Input: string; Output: Date | string };
    DateTime: { Input: Date; Output: Date | string };
    Month: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.viewer.kind === "apiKey",
      ministry: isMinistry(ctx.viewer),
      ministryAdmin: isMinistryAdmin(ctx.viewer),
      landlord: isLandlord(ctx.viewer),
      developer: isDeveloper(ctx.viewer),
    }),
    runScopesOnType: true,
    unauthorizedError: (_parent, _ctx, _info, result) =>
      new GraphQLError(result.message === "Unauthorized" ? "Not authorised: this API key's role or organisation may not read this" : result.message, {
        extensions: { code: "FORBIDDEN" },
      }),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    // IDs are decoded (and their keys checked) once, by schema/ids.ts; node/nodes refuse a malformed one naming the argument.
    decodeGlobalID: (globalID) => decodeRelayGlobalId(globalID),
    nodeQueryOptions: {
      description: "Fetches any object by its global ID; null when it does not exist or the caller may not see it. A malformed ID is refused (BAD_USER_INPUT).",
      args: { id: { description: "Global ID." } },
      resolve: (_root, args, _ctx, info, resolveNode) => {
        checkNodeId(args.id, "id", (typename) => isNodeType(info, typename));
        return resolveNode(args.id);
      },
    },
    nodesQueryOptions: {
      description: `Fetches up to ${MAX_NODES} objects by their global IDs; each is null when it does not exist or the caller may not see it. A malformed ID, or more than ${MAX_NODES}, is refused (BAD_USER_INPUT).`,
      args: { ids: { description: `Global IDs, at most ${MAX_NODES}.` } },
      complexity: (args) => ({ field: 1, multiplier: Math.max(1, Array.isArray(args.ids) ? args.ids.length : 1) }),
      resolve: (_root, args, _ctx, info, resolveNodes) => {
        if (args.ids.length > MAX_NODES) {
          throw new GraphQLError(`ids: at most ${MAX_NODES} IDs per call (got ${args.ids.length}); split the list`, {
            extensions: { code: "BAD_USER_INPUT", field: "ids" },
          });
        }
        args.ids.forEach((id, i) => checkNodeId(id, `ids[${i}]`, (typename) => isNodeType(info, typename)));
        return resolveNodes(args.ids);
      },
    },
    firstArgOptions: {
      description: `Number of items from the start of the list (after \`after\` if given). At most ${MAX_PAGE} per page (a larger value gives ${MAX_PAGE}); ${DEFAULT_PAGE} when neither \`first\` nor \`last\` is given.`,
    },
    lastArgOptions: {
      description: `Number of items from the end of the list (before \`before\` if given). At most ${MAX_PAGE} per page (a larger value gives ${MAX_PAGE}).`,
    },
    afterArgOptions: { description: "Cursor (`cursor` of an edge, or `pageInfo.endCursor`): the page starts after this item." },
    beforeArgOptions: { description: "Cursor (`cursor` of an edge, or `pageInfo.startCursor`): the page ends before this item." },
  },
  complexity: {
    defaultComplexity: 1,
    // Connections price themselves by page size (schema/complexity.ts); plain lists here are small (household members, applications).
    defaultListMultiplier: 1,
    limit: () => ({ depth: limits.maxDepth, complexity: limits.maxCost, breadth: 200 }),
    complexityError: (kind, result) =>
      new GraphQLError(
        String(kind) === "Depth"
          ? `Query is too deep: depth ${result.depth} exceeds the limit of ${result.maxDepth}`
          : String(kind) === "Breadth"
            ? `Query selects too many fields: ${result.breadth} exceeds the limit of ${result.maxBreadth}`
            : `Query is too costly: estimated cost ${result.complexity} exceeds the limit of ${result.maxComplexity}; ask for smaller pages or fewer nested lists`,
        { extensions: { code: "QUERY_TOO_COMPLEX", kind } },
      ),
  },
});

builder.queryType({ description: "Reads of the abordable partner API. Every list is a Relay connection scoped to the caller's organisation." });
builder.mutationType({
  description: "Changes. Each takes one input object and returns a payload with the changed object and `userErrors` for rule violations.",
});
