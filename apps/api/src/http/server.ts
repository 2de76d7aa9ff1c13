/**
 * The HTTP edge: Apollo Server 5 on node:http, with the routes and limits a partner API needs
 * before GraphQL runs: /healthz (process up), /readyz (database answers), body size limit,
 * API-key authentication, per-key rate limit with Retry-After (per address for anonymous callers
 * and failed authentications), correlation ids, JSON access logs.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Logger } from "../logger.js";
import { buildSchema } from "../schema/index.js";
import { limits } from "../schema/builder.js";
import { createContext, type Context } from "../schema/context.js";
import { authenticate } from "../access/api-keys.js";
import { RateLimiter } from "./rate-limit.js";
import { graphiqlLandingPage } from "./graphiql.js";
import { correlationPlugin, formatError } from "./errors.js";
import { textInputPlugin } from "./text-input.js";
import { claim, complete, isMutationRequest, isValidIdempotencyKey, release, requestHash } from "./idempotency.js";
import type { Viewer } from "../access/viewer.js";

export interface App {
  readonly server: http.Server;
  listen(): Promise<string>;
  close(): Promise<void>;
}

type AppConfig = Pick<
  Config,
  "host" | "port" | "graphiql" | "introspection" | "maxBodyBytes" | "maxQueryDepth" | "maxQueryCost" | "rateLimitPerMinute" | "shutdownGraceMs" | "nodeEnv"
> & { bill8535EntryIntoForce?: string | undefined; annexIIReadingPeriod?: "ANNUAL" | "MONTHLY" | undefined; idempotencyLeaseMs?: number; readings?: import("../config.js").LegalReadings };

const GRAPHQL_PATH = "/graphql";

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

export async function createApp(deps: { config: AppConfig; db: Database; logger: Logger }): Promise<App> {
  const { config, db, logger } = deps;
  limits.maxDepth = config.maxQueryDepth;
  limits.maxCost = config.maxQueryCost;

  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: it closes HTTP, then Apollo, then the database, in that order.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    formatError,
    plugins: [correlationPlugin, textInputPlugin, config.graphiql ? graphiqlLandingPage(GRAPHQL_PATH) : ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const limiter = new RateLimiter(config.rateLimitPerMinute);
  const failedAuthLimiter = new RateLimiter(config.rateLimitPerMinute);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, correlationId: string): Promise<number> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/readyz") {
      try {
        await db.ping();
        return sendJson(res, 200, { status: "ready", database: db.kind });
      } catch (error) {
        logger.warn("readiness check failed", { correlationId, error });
        return sendJson(res, 503, { status: "unavailable", database: db.kind });
      }
    }
    if (url.pathname !== GRAPHQL_PATH) return sendJson(res, 404, { errors: [{ message: `Not found: the API is at ${GRAPHQL_PATH}` }] });
    if (req.method !== "GET" && req.method !== "POST") {
      throw new HttpError(405, "Use GET or POST", "METHOD_NOT_ALLOWED", { allow: "GET, POST" });
    }

    // Failed authentications are limited per address, before the key is even looked up: once an
    // address has used its allowance of failures, every attempt with a key from it waits (a valid
    // key included), so that keys cannot be guessed faster than the limit.
    const address = req.socket.remoteAddress ?? "?";
    const authorization = header(req, "authorization");
    const rateLimited = (wait: number, what: string) =>
      new HttpError(429, `Rate limit of ${config.rateLimitPerMinute} ${what} per minute reached; retry in ${wait} s`, "RATE_LIMITED", { "retry-after": String(wait) });
    if (authorization) {
      const wait = failedAuthLimiter.peek(`ip:${address}`);
      if (wait > 0) throw rateLimited(wait, "failed authentications from this address");
    }
    const auth = await authenticate(db.prisma, authorization);
    if (!auth.ok) {
      const wait = failedAuthLimiter.take(`ip:${address}`);
      if (wait > 0) throw rateLimited(wait, "failed authentications from this address");
      throw new HttpError(401, auth.reason, "UNAUTHENTICATED", { "www-authenticate": 'Bearer realm="abordable"' });
    }
    const viewer = auth.viewer;
    const wait = limiter.take(viewer.kind === "apiKey" ? `key:${viewer.apiKeyId}` : `ip:${address}`);
    if (wait > 0) throw rateLimited(wait, "requests");

    const body = req.method === "POST" ? await readJsonBody(req, config.maxBodyBytes) : undefined;
    const idempotencyKey = header(req, "idempotency-key");
    let idempotent: { apiKeyId: string; key: string; claimedAt: Date } | undefined;
    if (idempotencyKey !== undefined && viewer.kind === "apiKey" && isMutationRequest(body)) {
      if (!isValidIdempotencyKey(idempotencyKey)) throw new HttpError(400, "Idempotency-Key must be 8 to 128 characters among A-Z a-z 0-9 . _ : -", "BAD_REQUEST");
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
      context: async () => createContext({ db, viewer, correlationId, logger: logger.child({ correlationId }), idempotency: idempotent && { key: idempotent.key, claimedAt: idempotent.claimedAt }, legal: { bill8535EntryIntoForce: config.bill8535EntryIntoForce, annexIIReadingPeriod: config.annexIIReadingPeriod, readings: config.readings } }),
    });
    const status = result.status ?? 200;
    for (const [name, value] of result.headers) res.setHeader(name, value);
    res.statusCode = status;
    if (result.body.kind === "complete") {
      if (idempotent) {
        if (status === 200) await complete(db.prisma, idempotent.apiKeyId, idempotent.key, idempotent.claimedAt, status, result.body.string);
        else await release(db.prisma, idempotent.apiKeyId, idempotent.key, idempotent.claimedAt);
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
    handle(req, res, correlationId)
      .catch((error: unknown) => {
        if (error instanceof HttpError) {
          for (const [k, v] of Object.entries(error.headers)) res.setHeader(k, v);
          return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code, correlationId } }] });
        }
        logger.error("request failed", { correlationId, error });
        return sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", correlationId } }] });
      })
      .then((status) => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.debug("request", { correlationId, method: req.method, path: req.url, status, ms: Math.round(ms * 10) / 10 });
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
  if (text.length === 0) throw new HttpError(400, "Empty JSON body: send {\"query\": \"…\"}", "BAD_REQUEST");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "Request body is not valid JSON", "BAD_REQUEST");
  }
}
