/**
 * The transport under the client: one POST per operation with the API key, a timeout per
 * attempt, retries with backoff, Retry-After honoured, an Idempotency-Key on every mutation, and
 * responses mapped to typed results or to the SDK's error classes.
 *
 * Usable on its own with any generated `Operation` (what `createClient` does for each method);
 * importing it without the client keeps the other operations out of a bundle.
 */
import type { Operation } from "./operation.js";
import { SDK_VERSION } from "./version.js";
import type { DateMode, DecimalMode, DefaultModes, Resolved, ScalarModes } from "./scalars.js";
import { decodeResult, encodeVariables } from "./scalars-runtime.js";
import {
  AbordableError,
  AuthenticationError,
  ForbiddenError,
  type GraphQLErrorEntry,
  IdempotencyError,
  RateLimitError,
  RequestError,
  ServerError,
  TimeoutError,
  TransportError,
} from "./errors.js";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** The API's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  readonly endpoint: string;
  /**
   * API key (`abk_…`), sent as `Authorization: Bearer …`. Required: `createClient` throws a
   * `TypeError` when it is empty, so that an unset environment variable fails at start-up rather
   * than as a permissions problem later (`process.env.X` is `string | undefined`: it does not compile
   * without a check or a `!`).
   */
  readonly apiKey: string;
  /** Appended to the `User-Agent` the SDK sends (`abordable-sdk/<version>`), e.g. `"my-erp/2.1"`. */
  readonly userAgent?: string;
  /**
   * Client-side throttling (default off): when on, the client waits before sending while the API's
   * last `RateLimit` header said no request is left in the window (until its reset), or after a
   * 429 for its `Retry-After`, instead of sending requests bound to be refused.
   */
  readonly throttle?: boolean;
  /** fetch implementation; the global `fetch` by default (Node 20, browsers). */
  readonly fetch?: FetchLike;
  /** Time limit of one attempt, in ms (default 30 000). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, for failures that may pass (default 3); 0 to never retry. */
  readonly retries?: number;
  /** `decimal` (default): Decimal fields as decimal.js `Decimal`; `string`: as the exact strings sent. */
  readonly decimals?: DecimalMode;
  /** `string` (default): Date and DateTime fields as ISO strings; `date`: as `Date` instances. */
  readonly dates?: DateMode;
  /** First backoff delay in ms (default 250), doubled at each retry with full jitter, at most `maxBackoffMs` (default 8 000). */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Longest `Retry-After` the client waits for, in ms (default 60 000); a longer one is thrown at once. */
  readonly maxRetryAfterMs?: number;
  /** Extra headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Called before every HTTP attempt (logging, tracing). */
  readonly onRequest?: (event: RequestEvent) => void;
  /** Called after every HTTP attempt (logging, metrics, tests), with its elapsed time. */
  readonly onResponse?: (event: ResponseEvent) => void;
}

export interface RequestEvent {
  readonly operation: string;
  readonly kind: "query" | "mutation";
  /** 0 for the first attempt. */
  readonly attempt: number;
  readonly idempotencyKey: string | undefined;
  /** The `User-Agent` sent. */
  readonly userAgent: string;
}

/** The API's rate-limit state from the IETF `RateLimit` / `RateLimit-Policy` headers of a response. */
export interface RateLimitInfo {
  /** Requests left in the current window. */
  readonly remaining: number | undefined;
  /** Seconds until the window resets. */
  readonly resetSeconds: number | undefined;
  /** Requests allowed per window (`RateLimit-Policy` q), and the window in seconds (w). */
  readonly limit: number | undefined;
  readonly windowSeconds: number | undefined;
}

export interface RequestOptions {
  /** Cancels the call (and its retries). */
  readonly signal?: AbortSignal;
  /** Mutations only: the Idempotency-Key to send (a fresh UUID per call by default). Reuse it only to repeat the very same request. */
  readonly idempotencyKey?: string;
  /** Overrides the client's `retries` for this call. */
  readonly retries?: number;
  /** Overrides the client's `timeoutMs` for this call. */
  readonly timeoutMs?: number;
  /** Extra headers for this call. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ResponseEvent {
  readonly operation: string;
  readonly kind: "query" | "mutation";
  /** 0 for the first attempt. */
  readonly attempt: number;
  /** HTTP status; undefined when no response arrived. */
  readonly status: number | undefined;
  readonly correlationId: string | undefined;
  readonly idempotencyKey: string | undefined;
  /** The API replayed the stored response of an earlier request with the same Idempotency-Key. */
  readonly replayed: boolean;
  readonly error: AbordableError | undefined;
  /** Time from sending the request to reading the whole response (or failing), in ms. */
  readonly elapsedMs: number;
  /** The rate-limit headers of the response; undefined when it had none (or no response arrived). */
  readonly rateLimit: RateLimitInfo | undefined;
}

/** The scalar modes a set of options selects. */
export type ModesOf<O extends { decimals?: DecimalMode; dates?: DateMode }> = {
  readonly decimals: O["decimals"] extends "string" ? "string" : "decimal";
  readonly dates: O["dates"] extends "date" ? "date" : "string";
};

export interface Requester<M extends ScalarModes = DefaultModes> {
  readonly modes: M;
  /** Runs one operation; resolves to its `data` with scalars converted, or throws an AbordableError. */
  execute<R, V>(operation: Operation<R, V>, variables: V, options?: RequestOptions): Promise<Resolved<R, M>>;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** A random UUID v4 (crypto.randomUUID where available, e.g. not in insecure browser contexts). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Retry-After: delay-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

const int = (re: RegExp, text: string | null): number | undefined => {
  const m = text === null ? null : re.exec(text);
  return m ? Number(m[1]) : undefined;
};

/**
 * Reads the IETF rate-limit fields: `RateLimit: "default";r=42;t=30` and
 * `RateLimit-Policy: "default";q=100;w=60` (draft-ietf-httpapi-ratelimit-headers), and the
 * earlier drafts' `RateLimit-Remaining` / `RateLimit-Reset` / `RateLimit-Limit`.
 */
export function parseRateLimit(headers: Headers): RateLimitInfo | undefined {
  const combined = headers.get("ratelimit");
  const policy = headers.get("ratelimit-policy");
  const info: RateLimitInfo = {
    remaining: int(/(?:^|[;,\s])(?:r|remaining)=(\d+)/, combined) ?? int(/^(\d+)/, headers.get("ratelimit-remaining")),
    resetSeconds: int(/(?:^|[;,\s])(?:t|reset)=(\d+)/, combined) ?? int(/^(\d+)/, headers.get("ratelimit-reset")),
    limit: int(/(?:^|[;,\s])q=(\d+)/, policy) ?? int(/(?:^|[;,\s])limit=(\d+)/, combined) ?? int(/^(\d+)/, headers.get("ratelimit-limit")),
    windowSeconds: int(/(?:^|[;,\s])w=(\d+)/, policy),
  };
  return Object.values(info).some((v) => v !== undefined) ? info : undefined;
}

interface Body {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

function asBody(text: string): Body | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
    const body = parsed as Body;
    if (body.errors !== undefined && !Array.isArray(body.errors)) return undefined;
    return body;
  } catch {
    return undefined;
  }
}

/** Maps a response that carries errors (or a failing status) to the SDK's error classes. */
function errorFor(
  status: number,
  body: Body | undefined,
  correlationId: string | undefined,
  retryAfterSeconds: number | undefined,
  operation: string,
): AbordableError {
  const errors = body?.errors ?? [];
  const codes = errors.map((e) => e.extensions?.code);
  const first = errors[0];
  const code = first?.extensions?.code;
  const message = first ? errors.map((e) => e.message).join("; ") : `HTTP ${status}`;
  const details = { status, code, correlationId: correlationId ?? first?.extensions?.correlationId, operation, errors, retryAfterSeconds };
  const where = `${operation}: ${message}${details.correlationId ? ` (correlation id ${details.correlationId})` : ""}`;
  if (status === 401 || codes.includes("UNAUTHENTICATED")) return new AuthenticationError(where, details);
  if (status === 403 || codes.includes("FORBIDDEN")) return new ForbiddenError(where, details);
  if (status === 429 || codes.includes("RATE_LIMITED")) return new RateLimitError(where, { ...details, retryable: true });
  if ((status === 409 || status === 422) && typeof code === "string" && code.startsWith("IDEMPOTEN")) {
    return new IdempotencyError(where, { ...details, retryable: status === 409 && retryAfterSeconds !== undefined });
  }
  if (status >= 500 || codes.includes("INTERNAL_SERVER_ERROR")) {
    return new ServerError(where, { ...details, retryable: status === 502 || status === 503 || status === 504 });
  }
  return new RequestError(where, details);
}

export function createRequester<const O extends ClientOptions>(options: O): Requester<ModesOf<O>> {
  if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new TypeError(
      "@abordable/sdk: `apiKey` is empty. Pass the API key (abk_…) the ministry issued, e.g. from an environment variable that is set (check it before creating the client).",
    );
  }
  const userAgent = `abordable-sdk/${SDK_VERSION}${options.userAgent ? ` ${options.userAgent}` : ""}`;
  /** With `throttle`: no request is sent before this instant (ms since the epoch). */
  let blockedUntil = 0;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const modes = { decimals: options.decimals === "string" ? "string" : "decimal", dates: options.dates === "date" ? "date" : "string" } as ModesOf<O>;
  const backoffMs = options.backoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 8_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;

  async function attempt(
    operation: Operation<unknown, unknown>,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    n: number,
    idempotencyKey: string | undefined,
  ): Promise<unknown> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    options.onRequest?.({ operation: operation.name, kind: operation.kind, attempt: n, idempotencyKey, userAgent });
    const started = Date.now();
    let rateLimit: RateLimitInfo | undefined;
    const report = (status: number | undefined, correlationId: string | undefined, replayed: boolean, error: AbordableError | undefined) =>
      options.onResponse?.({
        operation: operation.name,
        kind: operation.kind,
        attempt: n,
        status,
        correlationId,
        idempotencyKey,
        replayed,
        error,
        elapsedMs: Date.now() - started,
        rateLimit,
      });
    try {
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(options.endpoint, { method: "POST", headers, body, signal: controller.signal });
        text = await response.text();
      } catch (cause) {
        if (signal?.aborted) throw cause;
        const error = timedOut
          ? new TimeoutError(`${operation.name}: no response within ${timeoutMs} ms`, { code: "TIMEOUT", operation: operation.name, retryable: true, cause })
          : new TransportError(`${operation.name}: ${cause instanceof Error ? cause.message : String(cause)}`, {
              code: "NETWORK_ERROR",
              operation: operation.name,
              retryable: true,
              cause,
            });
        report(undefined, undefined, false, error);
        throw error;
      }
      const correlationId = response.headers.get("x-correlation-id") ?? undefined;
      rateLimit = parseRateLimit(response.headers);
      if (options.throttle) {
        const retryAfter = response.status === 429 ? parseRetryAfter(response.headers.get("retry-after")) : undefined;
        const wait = retryAfter ?? (rateLimit?.remaining === 0 ? rateLimit.resetSeconds : undefined);
        if (wait !== undefined) blockedUntil = Math.max(blockedUntil, Date.now() + wait * 1000);
      }
      const replayed = response.headers.get("idempotency-replayed") === "true";
      const parsed = asBody(text);
      const ok = response.status >= 200 && response.status < 300;
      if (!ok || (parsed?.errors?.length ?? 0) > 0) {
        const error =
          parsed === undefined && !ok && response.status < 500 && response.status !== 401 && response.status !== 403 && response.status !== 429
            ? new TransportError(`${operation.name}: HTTP ${response.status} without a GraphQL body`, {
                status: response.status,
                code: "BAD_RESPONSE",
                correlationId,
                operation: operation.name,
              })
            : errorFor(response.status, parsed, correlationId, parseRetryAfter(response.headers.get("retry-after")), operation.name);
        report(response.status, error.correlationId, replayed, error);
        throw error;
      }
      if (parsed === undefined || parsed.data === undefined || parsed.data === null) {
        const error = new TransportError(`${operation.name}: the response is not a GraphQL result`, {
          status: response.status,
          code: "BAD_RESPONSE",
          correlationId,
          operation: operation.name,
          retryable: true,
        });
        report(response.status, correlationId, replayed, error);
        throw error;
      }
      report(response.status, correlationId, replayed, undefined);
      return parsed.data;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  async function execute<R, V>(operation: Operation<R, V>, variables: V, call: RequestOptions = {}): Promise<Resolved<R, ModesOf<O>>> {
    const idempotencyKey = operation.kind === "mutation" ? (call.idempotencyKey ?? newIdempotencyKey()) : undefined;
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...options.headers,
      ...call.headers,
      "user-agent": userAgent,
      authorization: `Bearer ${options.apiKey}`,
      ...(idempotencyKey !== undefined && { "idempotency-key": idempotencyKey }),
    };
    const body = JSON.stringify({ query: operation.document, operationName: operation.name, variables: encodeVariables(variables ?? {}, operation.variables) });
    const retries = call.retries ?? options.retries ?? 3;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? 30_000;
    for (let n = 0; ; n += 1) {
      if (options.throttle && blockedUntil > Date.now()) {
        const wait = blockedUntil - Date.now();
        if (wait > maxRetryAfterMs) {
          throw new RateLimitError(`${operation.name}: not sent: the API's rate limit resets in ${Math.ceil(wait / 1000)} s, longer than maxRetryAfterMs`, {
            code: "RATE_LIMITED",
            operation: operation.name,
            retryable: true,
            retryAfterSeconds: Math.ceil(wait / 1000),
          });
        }
        await sleep(wait, call.signal);
      }
      try {
        const data = await attempt(operation as Operation<unknown, unknown>, body, headers, timeoutMs, call.signal, n, idempotencyKey);
        return decodeResult(data, operation.result, modes) as Resolved<R, ModesOf<O>>;
      } catch (error) {
        // Queries are safe to repeat; a mutation is repeated only with its Idempotency-Key, so that
        // the API applies it once whichever attempt reached it.
        if (!(error instanceof AbordableError) || !error.retryable || n >= retries) throw error;
        const wait = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : Math.random() * Math.min(maxBackoffMs, backoffMs * 2 ** n);
        if (wait > maxRetryAfterMs) throw error;
        await sleep(wait, call.signal);
      }
    }
  }

  return { modes, execute };
}
