/**
 * Error policy: errors raised on purpose (GraphQLError with a code: bad input, forbidden, too
 * complex…) reach the client as they are; anything else is masked as "Internal server error" and
 * logged in full with the request's correlation id, which the client also receives.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../schema/context.js";

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const deliberate = original instanceof GraphQLError && formatted.extensions?.code !== "INTERNAL_SERVER_ERROR";
  const deliberateWithoutCode = original instanceof GraphQLError && original.extensions?.code === undefined && original !== error;
  if (deliberate || deliberateWithoutCode) {
    return deliberateWithoutCode ? { ...formatted, extensions: { ...formatted.extensions, code: "BAD_REQUEST" } } : formatted;
  }
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/** Logs unexpected errors with their correlation id and stamps the id on every error sent. */
export const correlationPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue, operationName }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (!(original instanceof GraphQLError) || original.extensions?.code === "INTERNAL_SERVER_ERROR") {
            contextValue.logger.error("unexpected error", { correlationId: contextValue.correlationId, operationName, error: original });
          }
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind === "single" && response.body.singleResult.errors) {
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, correlationId: contextValue.correlationId },
          }));
        }
      },
    };
  },
};
