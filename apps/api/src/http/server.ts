/**
 * The HTTP edge: Apollo Server 5 on node:http, with the routes and limits a partner API needs
 * before GraphQL runs: /healthz (liveness: the process is not wedged), /readyz (the database can
 * serve now), body size limit, API-key authentication, per-key rate limit with Retry-After and the
 * IETF RateLimit headers on every response (per address for anonymous callers), failed
 * authentications limited per address and per presented credential (a valid key is never
 * blocked), the client address from X-Forwarded-For only through trusted proxies, correlation ids,
 * JSON access logs with the client's User-Agent, security events for refused attempts, and 503
 * with Retry-After whenever the database cannot serve (never 500).
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Logger } from "../logger.js";
import type { GraphQLSchema } from "graphql";
import { limits } from "../schema/builder.js";
import { createContext, type Context } from "../schema/context.js";
import { authenticate } from "../identity/api-keys.js";
import proxyaddr from "proxy-addr";
import { MemoryRateLimitStore, PostgresRateLimitStore, rateLimitHeaders, type RateDecision, type RateLimitStore } from "./rate-limit.js";
import { databaseUnavailable } from "../db/errors.js";
import { hashKey } from "../identity/api-keys.js";
import { graphiqlLandingPage } from "./graphiql.js";
import { correlationPlugin, formatError } from "./errors.js";
import { textInputPlugin } from "./text-input.js";
import { dwellingPagePlugin, stringifyResult } from "../portfolio/adapters/dwelling-page-plugin.js";
import { claim, complete, isMutationRequest, isValidIdempotencyKey, release, requestHash } from "./idempotency.js";
import type { Viewer } from "../identity/viewer.js";

export interface App {
  readonly server: http.Server;
  listen(): Promise<string>;
  close(): Promise<void>;
}

export type AppConfig = Pick<
  Config,
  "host" | "port" | "graphiql" | "introspection" | "maxBodyBytes" | "maxQueryDepth" | "maxQueryCost" | "rateLimitPerMinute" | "shutdownGraceMs" | "nodeEnv"
> & {
  bill8535EntryIntoForce?: string | undefined;
  annexIIReadingPeriod?: "ANNUAL" | "MONTHLY" | undefined;
  idempotencyLeaseMs?: number;
  readings?: import("../config.js").LegalReadings;
} & Partial<Pick<Config, "trustedProxies" | "authFailuresPerMinute" | "rateLimitMaxBuckets" | "livenessStallMs">>;

const GRAPHQL_PATH = "/graphql";

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The HTTP server around a schema; `src/app.ts` gives it the assembled schema (the schema is the roof, not a part of the server). */
export async function createHttpApp(deps: { config: AppConfig; db: Database; logger: Logger; schema: GraphQLSchema }): Promise<App> {
  const { config, db, logger } = deps;
  limits.maxDepth = config.maxQueryDepth;
  limits.maxCost = config.maxQueryCost;

  const apollo = new ApolloServer<Context>({
    schema: deps.schema,
    introspection: config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: it closes HTTP, then Apollo, then the database, in that order.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    formatError,
    // The json_agg dwellings page's data is written as the database built it (portfolio/dwelling-page-sql.ts).
    stringifyResult,
    // No field carries a cache hint (responses are per API key): Apollo's default cache-control plugin only costs time per field (issue 16).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      correlationPlugin,
      textInputPlugin,
      dwellingPagePlugin,
      config.graphiql ? graphiqlLandingPage(GRAPHQL_PATH) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  // Several API processes on one PostgreSQL share their buckets there; the embedded database is
  // one process, and its single connection is better spent on requests: buckets in memory.
  const store: RateLimitStore = db.kind === "postgresql" ? new PostgresRateLimitStore(db.sql) : new MemoryRateLimitStore(config.rateLimitMaxBuckets ?? 100_000);
  const authFailuresPerMinute = config.authFailuresPerMinute ?? 30;
  const trust = proxyaddr.compile(config.trustedProxies ?? []);
  const livenessStallMs = config.livenessStallMs ?? 60_000;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, correlationId: string, address: string): Promise<number> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") {
      // Liveness: answered from the event loop, so a blocked process does not answer at all; and a
      // pool that has had requests waiting with no query finishing for livenessStallMs is wedged
      // (a restart is what helps). A database that is merely down fails queries quickly, which
      // counts as progress: that is /readyz's business, not a reason to restart.
      const h = db.health();
      const stalledMs = Date.now() - h.lastProgressAt;
      if (h.waiting > 0 && stalledMs > livenessStallMs) {
        logger.error("liveness check failed: database requests wait without progress", { waiting: h.waiting, busy: h.busy, stalledMs });
        return sendJson(res, 503, { status: "wedged", waiting: h.waiting, busy: h.busy, stalledMs });
      }
      return sendJson(res, 200, { status: "ok" });
    }
    if (url.pathname === "/readyz") {
      try {
        await db.ping(2_000);
        return sendJson(res, 200, { status: "ready", database: db.kind, ...db.health() });
      } catch (error) {
        logger.warn("readiness check failed", { correlationId, error });
        res.setHeader("retry-after", String(databaseUnavailable(error)?.retryAfterSeconds ?? 2));
        return sendJson(res, 503, {
          status: "unavailable",
          database: db.kind,
          reason: error instanceof Error ? error.message.replace("[database-unavailable] ", "") : String(error),
        });
      }
    }
    if (url.pathname !== GRAPHQL_PATH) return sendJson(res, 404, { errors: [{ message: `Not found: the API is at ${GRAPHQL_PATH}` }] });
    if (req.method !== "GET" && req.method !== "POST") {
      throw new HttpError(405, "Use GET or POST", "METHOD_NOT_ALLOWED", { allow: "GET, POST" });
    }

    const authorization = header(req, "authorization");
    const refuse = (d: RateDecision, policy: string, what: string, perMinute: number) => {
      security("rate_limited", { policy });
      return new HttpError(429, `Rate limit of ${perMinute} ${what} per minute reached; retry in ${d.retryAfter} s`, "RATE_LIMITED", {
        "retry-after": String(d.retryAfter),
        ...rateLimitHeaders(policy, d),
      });
    };
    const security = (event: string, fields: Record<string, unknown>) =>
      logger.warn("security event", { event, correlationId, address, userAgent: header(req, "user-agent"), ...fields });

    // The key is looked up first, so that failures from an address or with a credential never
    // block a valid key (behind a proxy, one address is everybody). Keys carry 192 random bits:
    // the failure limits below bound the work and the noise of bad credentials, not guessing,
    // which is hopeless anyway. A malformed header costs no database query at all.
    const auth = await authenticate(db.prisma, authorization);
    if (!auth.ok) {
      const credential = `fail-cred:${hashKey(authorization ?? "").slice(0, 32)}`;
      const [byAddress, byCredential] = await Promise.all([
        store.take(`fail-ip:${address}`, authFailuresPerMinute),
        store.take(credential, authFailuresPerMinute),
      ]);
      security("authentication_failed", { reason: auth.reason, credentialPrefix: /abk_([0-9a-f]{8})_/.exec(authorization ?? "")?.[1] });
      if (!byAddress.allowed) throw refuse(byAddress, "auth-failures-per-address", "failed authentications from this address", authFailuresPerMinute);
      if (!byCredential.allowed)
        throw refuse(byCredential, "auth-failures-per-credential", "failed authentications with this credential", authFailuresPerMinute);
      throw new HttpError(401, auth.reason, "UNAUTHENTICATED", {
        "www-authenticate": 'Bearer realm="abordable"',
        ...rateLimitHeaders("auth-failures-per-address", byAddress),
      });
    }
    const viewer = auth.viewer;
    const decision = await store.take(viewer.kind === "apiKey" ? `key:${viewer.apiKeyId}` : `ip:${address}`, config.rateLimitPerMinute);
    if (!decision.allowed) throw refuse(decision, "requests", "requests", config.rateLimitPerMinute);
    for (const [k, v] of Object.entries(rateLimitHeaders("requests", decision))) res.setHeader(k, v);

    const body = req.method === "POST" ? await readJsonBody(req, config.maxBodyBytes) : undefined;
    const idempotencyKey = header(req, "idempotency-key");
    let idempotent: { apiKeyId: string; key: string; claimedAt: Date } | undefined;
    if (idempotencyKey !== undefined && viewer.kind === "apiKey" && isMutationRequest(body)) {
      if (!isValidIdempotencyKey(idempotencyKey))
        throw new HttpError(400, "Idempotency-Key must be 8 to 128 characters among A-Z a-z 0-9 . _ : -", "BAD_REQUEST");
      const decision = await claim(db.prisma, viewer.apiKeyId, idempotencyKey, requestHash(body), config.idempotencyLeaseMs ?? 30_000);
      if (decision.kind === "replay") {
        res.statusCode = decision.status;
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.setHeader("idempotency-replayed", "true");
        res.end(decision.body);
        return decision.status;
      }
      if (decision.kind === "refuse") {
        throw new HttpError(decision.status, decision.message, decision.code, decision.retryAfter ? { "retry-after": String(decision.retryAfter) } : {});
      }
      idempotent = { apiKeyId: viewer.apiKeyId, key: idempotencyKey, claimedAt: decision.claimedAt };
    }
    try {
      return await execute(req, res, url, body, viewer, correlationId, idempotent);
    } catch (error) {
      if (idempotent) await release(db.prisma, idempotent.apiKeyId, idempotent.key, idempotent.claimedAt).catch(() => undefined);
      throw error;
    }
  };

  const execute = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: unknown,
    viewer: Viewer,
    correlationId: string,
    idempotent: { apiKeyId: string; key: string; claimedAt: Date } | undefined,
  ): Promise<number> => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "POST", headers, search: url.search, body },
      context: async () =>
        createContext({
          db,
          viewer,
          correlationId,
          logger: logger.child({ correlationId }),
          idempotency: idempotent && { key: idempotent.key, claimedAt: idempotent.claimedAt },
          legal: { bill8535EntryIntoForce: config.bill8535EntryIntoForce, annexIIReadingPeriod: config.annexIIReadingPeriod, readings: config.readings },
        }),
    });
    const status = result.status ?? 200;
    for (const [name, value] of result.headers) res.setHeader(name, value);
    res.statusCode = status;
    if (result.body.kind === "complete") {
      if (idempotent) {
        // Only a committed change is kept for replay (complete() stores nothing otherwise); any
        // other outcome frees the key, so that a retry runs again instead of replaying a failure.
        const stored = status === 200 && (await complete(db.prisma, idempotent.apiKeyId, idempotent.key, idempotent.claimedAt, status, result.body.string));
        if (!stored) await release(db.prisma, idempotent.apiKeyId, idempotent.key, idempotent.claimedAt);
      }
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
    return status;
  };

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const incoming = header(req, "x-request-id");
    const correlationId = incoming && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader("x-correlation-id", correlationId);
    // The client's address: the peer, or the X-Forwarded-For entry added by the nearest proxy
    // that is not trusted (ABORDABLE_TRUSTED_PROXIES); a client cannot choose its own address.
    const address = proxyaddr(req, trust);
    handle(req, res, correlationId, address)
      .catch((error: unknown) => {
        if (error instanceof HttpError) {
          for (const [k, v] of Object.entries(error.headers)) res.setHeader(k, v);
          return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code, correlationId } }] });
        }
        const unavailable = databaseUnavailable(error);
        if (unavailable) {
          logger.warn("database unavailable", { correlationId, reason: unavailable.reason, error });
          res.setHeader("retry-after", String(unavailable.retryAfterSeconds));
          return sendJson(res, 503, {
            errors: [
              { message: unavailableMessage(unavailable.reason), extensions: { code: "SERVICE_UNAVAILABLE", reason: unavailable.reason, correlationId } },
            ],
          });
        }
        logger.error("request failed", { correlationId, error });
        return sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", correlationId } }] });
      })
      .then((status) => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.debug("request", {
          correlationId,
          method: req.method,
          path: req.url,
          status,
          ms: Math.round(ms * 10) / 10,
          address,
          userAgent: header(req, "user-agent"),
        });
      })
      .catch(() => undefined);
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}${GRAPHQL_PATH}`);
        });
      }),
    close: async () => {
      // Stop accepting connections, let requests in flight finish (up to the grace period), then stop Apollo.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref());
      await Promise.race([closed, grace]);
      server.closeAllConnections();
      await apollo.stop();
    },
  };
}

/** What a client reads when the database cannot serve: nothing was applied, and when to retry. */
export function unavailableMessage(reason: string): string {
  if (reason === "disk-full") return "The database's disk is full: nothing was applied; retry later (see Retry-After)";
  if (reason === "overloaded") return "The API is overloaded: nothing was applied; retry shortly (see Retry-After)";
  return "The database is unavailable: nothing was applied; retry shortly (see Retry-After)";
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): number {
  if (!res.headersSent) {
    res.statusCode = status;
    res.setHeader("content-type", "application/json; charset=utf-8");
  }
  res.end(JSON.stringify(body));
  return status;
}

async function readJsonBody(req: http.IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > maxBytes) throw new HttpError(413, `Request body over ${maxBytes} bytes`, "PAYLOAD_TOO_LARGE");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, `Request body over ${maxBytes} bytes`, "PAYLOAD_TOO_LARGE");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  const type = header(req, "content-type") ?? "";
  if (!type.includes("application/json")) return text;
  if (text.length === 0) throw new HttpError(400, 'Empty JSON body: send {"query": "…"}', "BAD_REQUEST");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "Request body is not valid JSON", "BAD_REQUEST");
  }
}
