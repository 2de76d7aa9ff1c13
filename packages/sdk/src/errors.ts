/**
 * What can go wrong, one class per thing the caller handles differently. Every error carries the
 * request's correlation id (header `x-correlation-id`, also `extensions.correlationId`) to quote
 * to the API's operators, who find the request in their logs with it.
 *
 * Rule violations of a mutation are not errors: they come back as `userErrors` in its result.
 */
import type { ErrorCode } from "./generated/schema-map.js";

export type { ErrorCode } from "./generated/schema-map.js";

/** Codes the SDK itself sets when no GraphQL error came back. */
export type SdkErrorCode = "NETWORK_ERROR" | "TIMEOUT" | "BAD_RESPONSE";

/**
 * `AbordableError.code`: one of the schema's `ErrorCode` enum (generated from the API's SDL, each
 * value documented there and in the README) or one of the SDK's. The schema may add codes (an
 * additive change): keep a `default` branch when switching on it.
 */
export type AbordableErrorCode = ErrorCode | SdkErrorCode;

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: AbordableErrorCode; readonly correlationId?: string; readonly [key: string]: unknown };
}

export interface AbordableErrorDetails {
  /** HTTP status, when a response arrived. */
  readonly status?: number;
  /** Error code: `extensions.code` of the first error, or one of the SDK's (NETWORK_ERROR, TIMEOUT…). */
  readonly code?: AbordableErrorCode | undefined;
  readonly correlationId?: string;
  /** Operation name. */
  readonly operation?: string;
  /** The GraphQL errors of the response, as sent. */
  readonly errors?: readonly GraphQLErrorEntry[];
  /** Whether retrying the same request (for a mutation: with the same idempotency key) may succeed. */
  readonly retryable?: boolean;
  /** Seconds the server asked to wait (`Retry-After`). */
  readonly retryAfterSeconds?: number;
  readonly cause?: unknown;
}

/** Base class of every error the SDK throws. */
export class AbordableError extends Error {
  override readonly name: string = "AbordableError";
  readonly status: number | undefined;
  readonly code: AbordableErrorCode | undefined;
  readonly correlationId: string | undefined;
  readonly operation: string | undefined;
  readonly errors: readonly GraphQLErrorEntry[];
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, details: AbordableErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.correlationId = details.correlationId;
    this.operation = details.operation;
    this.errors = details.errors ?? [];
    this.retryable = details.retryable ?? false;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** No usable response: network failure, timeout, or a body that is not a GraphQL response. */
export class TransportError extends AbordableError {
  override readonly name: string = "TransportError";
}

/** The request took longer than `timeoutMs` (a TransportError: retried like one). */
export class TimeoutError extends TransportError {
  override readonly name: string = "TimeoutError";
}

/** HTTP 401: no API key, an unknown, expired or revoked key (code UNAUTHENTICATED). */
export class AuthenticationError extends AbordableError {
  override readonly name: string = "AuthenticationError";
}

/**
 * HTTP 403, or a GraphQL error with code FORBIDDEN (sent with HTTP 200): the key's role or
 * organisation may not read or change this, e.g. a landlord asking for the ministry's dashboard
 * (200), or naming another organisation in an argument such as `landlordId` (403).
 */
export class ForbiddenError extends AbordableError {
  override readonly name: string = "ForbiddenError";
}

/**
 * HTTP 429 (code RATE_LIMITED): too many requests for this API key. The client waits
 * `retryAfterSeconds` and retries while it has retries left; this is thrown once they run out
 * (or when the wait asked for is longer than `maxRetryAfterMs`).
 */
export class RateLimitError extends AbordableError {
  override readonly name: string = "RateLimitError";
}

/** HTTP 5xx, or a GraphQL error with code INTERNAL_SERVER_ERROR. Retried when 502, 503 or 504. */
export class ServerError extends AbordableError {
  override readonly name: string = "ServerError";
}

/**
 * The request itself was refused: invalid query or variables (HTTP 400), too deep or too costly,
 * body too large (413), or another GraphQL error. Retrying it unchanged fails the same way.
 */
export class RequestError extends AbordableError {
  override readonly name: string = "RequestError";
}

/**
 * The API refused a mutation because of its Idempotency-Key: the key was already used for a
 * different request (HTTP 422, IDEMPOTENCY_KEY_REUSED: use a new key for a new request), or a
 * request with the key is still running (HTTP 409 with Retry-After, retried) or was applied and
 * its response lost (HTTP 409: read the object instead).
 */
export class IdempotencyError extends AbordableError {
  override readonly name: string = "IdempotencyError";
}
