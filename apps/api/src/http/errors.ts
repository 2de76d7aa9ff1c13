/**
 * Error policy: errors raised on purpose (GraphQLError with a code: bad input, forbidden, too
 * complex…) reach the client as they are; a database that cannot serve (db/errors.ts) becomes
 * SERVICE_UNAVAILABLE with HTTP 503 and Retry-After; anything else is masked as "Internal server
 * error" and logged in full with the request's correlation id, which the client also receives.
 *
 * An anonymous caller refused a field that needs an API key gets HTTP 401 and UNAUTHENTICATED
 * (with WWW-Authenticate), not FORBIDDEN with HTTP 200: the fix is to send a key, not another
 * role. Refusals (401, 403) are logged as security events.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../schema/context.js";
import { databaseUnavailable } from "../db/errors.js";

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const unavailable = databaseUnavailable(original);
  if (unavailable && !(original instanceof GraphQLError && original.extensions?.code === "SERVICE_UNAVAILABLE")) {
    return {
      message:
        unavailable.reason === "disk-full"
          ? "The database's disk is full: nothing was applied; retry later (see Retry-After)"
          : "The database cannot serve now: nothing was applied; retry shortly (see Retry-After)",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "SERVICE_UNAVAILABLE", reason: unavailable.reason, retryAfter: unavailable.retryAfterSeconds },
    };
  }
  const deliberate = original instanceof GraphQLError && formatted.extensions?.code !== "INTERNAL_SERVER_ERROR";
  const deliberateWithoutCode = original instanceof GraphQLError && original.extensions?.code === undefined && original !== error;
  if (deliberate || deliberateWithoutCode) {
    return deliberateWithoutCode ? { ...formatted, extensions: { ...formatted.extensions, code: "BAD_REQUEST" } } : formatted;
  }
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

const NEEDS_KEY = "This field needs an API key: send the header 'Authorization: Bearer abk_…' with a key issued by the ministry";

/** Logs unexpected errors with their correlation id, sets the HTTP status errors call for, and stamps the id on every error sent. */
export const correlationPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue, operationName }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (databaseUnavailable(original)) continue; // logged once below, not as an unexpected error
          if (!(original instanceof GraphQLError) || original.extensions?.code === "INTERNAL_SERVER_ERROR") {
            contextValue.logger.error("unexpected error", { correlationId: contextValue.correlationId, operationName, error: original });
          }
        }
      },
      async willSendResponse({ response, contextValue, operationName }) {
        if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
        const anonymous = contextValue.viewer.kind === "anonymous";
        let retryAfter = 0;
        let unauthenticated = false;
        const forbidden: string[] = [];
        response.body.singleResult.errors = response.body.singleResult.errors.map((e) => {
          const code = e.extensions?.code;
          if (code === "SERVICE_UNAVAILABLE") retryAfter = Math.max(retryAfter, Number(e.extensions?.retryAfter ?? 2) || 2);
          if (code === "FORBIDDEN") {
            forbidden.push(e.path?.join(".") ?? String(e.extensions?.field ?? "?"));
            if (anonymous) {
              unauthenticated = true;
              return { ...e, message: NEEDS_KEY, extensions: { ...e.extensions, code: "UNAUTHENTICATED", correlationId: contextValue.correlationId } };
            }
          }
          return { ...e, extensions: { ...e.extensions, correlationId: contextValue.correlationId } };
        });
        if (forbidden.length > 0) {
          const v = contextValue.viewer;
          contextValue.logger.warn("security event", {
            event: unauthenticated ? "api_key_missing" : "forbidden",
            correlationId: contextValue.correlationId,
            operationName,
            paths: forbidden.slice(0, 20),
            ...(v.kind === "apiKey" && { apiKeyId: v.apiKeyId, role: v.role, organisationId: v.organisationId }),
          });
        }
        if (retryAfter > 0) {
          response.http.status = 503;
          response.http.headers.set("retry-after", String(retryAfter));
        } else if (unauthenticated) {
          response.http.status = 401;
          response.http.headers.set("www-authenticate", 'Bearer realm="abordable"');
        }
      },
    };
  },
};
