/**
 * The codes a request-level error carries in `errors[].extensions.code`, listed in the schema so
 * that clients (the SDK's `AbordableError.code`) are generated from one list and each code is
 * documented with when it happens. Rule violations of a mutation's input are not errors: they are
 * `userErrors` with a `UserErrorCode`.
 */
import { builder } from "./builder.js";

export const ERROR_CODES = {
  UNAUTHENTICATED: "HTTP 401: no API key on a field that needs one, or an unknown, expired or revoked key.",
  FORBIDDEN:
    "HTTP 403 (an argument names another organisation, e.g. `landlordId`) or 200 (the key's role may not read a field, e.g. a landlord asking for `ministryDashboard`).",
  BAD_USER_INPUT:
    "An argument or variable is malformed: a global ID of the wrong type or format, a value out of its format, a variable that does not coerce (HTTP 400); `extensions.field` names it. Nothing was changed.",
  BAD_REQUEST: "HTTP 400: the request is not a GraphQL request the API can run (e.g. no query).",
  GRAPHQL_PARSE_FAILED: "HTTP 400: the query is not valid GraphQL syntax.",
  GRAPHQL_VALIDATION_FAILED: "HTTP 400: the query asks for fields or arguments the schema does not have.",
  QUERY_TOO_COMPLEX: "The query is nested too deep or costs more than the API's limit; `extensions.kind` says which.",
  PAYLOAD_TOO_LARGE: "HTTP 413: the request body is over the API's limit.",
  METHOD_NOT_ALLOWED: "HTTP 405: only GET and POST are served.",
  RATE_LIMITED: "HTTP 429: the key (or address) sent more requests than its limit per minute; `Retry-After` says when to retry.",
  IDEMPOTENCY_KEY_REUSED: "HTTP 422: the Idempotency-Key was already used for a different request; use a new key for a new request.",
  IDEMPOTENT_REQUEST_IN_PROGRESS: "HTTP 409 with Retry-After: a request with this Idempotency-Key is still running.",
  IDEMPOTENT_REQUEST_APPLIED: "HTTP 409: a request with this Idempotency-Key was applied and its response is not stored; read the object instead.",
  BILL_NOT_IN_FORCE: "The `BILL_8535` regime was asked for a date before the bill's entry into force set by the operator.",
  SERVICE_UNAVAILABLE: "HTTP 503 with Retry-After: the database is busy or restarting; retry.",
  INTERNAL_SERVER_ERROR: "HTTP 500: an unexpected error, logged with the correlation id to quote to the API's operators.",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorCodeEnum = builder.enumType("ErrorCode", {
  description:
    "Stable code of a request-level error, sent in `errors[].extensions.code` (not a field of any type: listed so that clients are generated from it). Rule violations of a mutation's input come back as `userErrors` with a `UserErrorCode` instead.",
  values: Object.fromEntries(Object.entries(ERROR_CODES).map(([k, description]) => [k, { description }])) as {
    [K in ErrorCode]: { description: string };
  },
});
