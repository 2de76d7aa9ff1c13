/**
 * Failures of the database that are not the request's fault and that a retry a moment later may
 * get past: the server unreachable or restarting, a connection killed under a transaction, the
 * pool exhausted, the disk full, the embedded database overloaded or stuck. The HTTP edge answers
 * them with 503 and Retry-After (never 500), and an idempotency claim is released, never stored,
 * when a request ends on one: nothing was applied.
 *
 * Errors reach us wrapped several times (pg → @prisma/adapter-pg's DriverAdapterError → a Prisma
 * client error with `meta`), so the test looks at codes and messages along the whole chain.
 */

/** Raised by this module's own guards (pool wait bound, PGlite queue, PGlite disk guard). */
export class DatabaseUnavailableError extends Error {
  constructor(
    message: string,
    /** What an operator looks for: "overloaded", "unreachable", "disk-full", "stuck", "read-only". */
    readonly reason: string,
    /** Seconds a client should wait before retrying. */
    readonly retryAfterSeconds = 2,
  ) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

/** Prisma error codes that mean "the database could not serve this now". */
const PRISMA_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // server reached but timed out
  "P1008", // operations timed out
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2028", // transaction API error (could not start in time, closed under us)
  "P2034", // write conflict or deadlock: retry
  "P2037", // too many connections
]);

/**
 * SQLSTATE classes and codes (PostgreSQL appendix A) that mean the same: 08 connection exception,
 * 53 insufficient resources (53100 disk full, 53200 out of memory, 53300 too many connections),
 * 57P01-57P03 shutdown / crash / cannot connect now, 57014 statement cancelled (timeout), 40001 and
 * 40P01 serialization failure and deadlock, 25P03 idle-in-transaction timeout, 58030 I/O error.
 */
function isTransientSqlState(code: string): boolean {
  return /^(08|53)[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "57014", "40001", "40P01", "25P03", "58030"].includes(code);
}

const TRANSIENT_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|EPIPE|ENOSPC|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery|not yet accepting)|Connection (closed|ended)|server closed the connection|No space left on device|could not extend file|Can't reach database server|Client was closed and is not queryable|Cannot use a pool after calling end/i;

function collect(error: unknown, out: { codes: string[]; text: string[] }, depth: number, seen: Set<unknown>): void {
  if (error === null || error === undefined || depth > 5 || seen.has(error)) return;
  if (typeof error === "string") {
    out.text.push(error);
    return;
  }
  if (typeof error !== "object") return;
  seen.add(error);
  const e = error as Record<string, unknown>;
  for (const key of ["code", "originalCode", "kind", "sqlState"]) if (typeof e[key] === "string") out.codes.push(e[key]);
  for (const key of ["message", "originalMessage", "cause", "reason"]) if (typeof e[key] === "string") out.text.push(e[key]);
  for (const key of ["cause", "meta", "driverAdapterError", "originalError", "errors"]) {
    const v = e[key];
    if (Array.isArray(v)) v.forEach((x) => collect(x, out, depth + 1, seen));
    else if (v && typeof v === "object") collect(v, out, depth + 1, seen);
  }
}

/** Why the database could not serve (for logs and the client's message), or null for any other error. */
export function databaseUnavailable(error: unknown): { reason: string; retryAfterSeconds: number } | null {
  if (error instanceof DatabaseUnavailableError) return { reason: error.reason, retryAfterSeconds: error.retryAfterSeconds };
  const found = { codes: [] as string[], text: [] as string[] };
  collect(error, found, 0, new Set());
  if (found.codes.some((c) => c === "53100") || found.text.some((t) => /No space left on device|ENOSPC|could not extend file/i.test(t)))
    return { reason: "disk-full", retryAfterSeconds: 30 };
  if (
    found.codes.some(
      (c) =>
        PRISMA_CODES.has(c) ||
        isTransientSqlState(c) ||
        ["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections", "TransactionWriteConflict", "SocketTimeout"].includes(c),
    )
  ) {
    return { reason: "unavailable", retryAfterSeconds: 2 };
  }
  if (found.text.some((t) => TRANSIENT_MESSAGE.test(t))) return { reason: "unavailable", retryAfterSeconds: 2 };
  // An error we raised ourselves, wrapped by Prisma on its way up.
  if (found.text.some((t) => t.startsWith("[database-unavailable]"))) return { reason: "unavailable", retryAfterSeconds: 2 };
  return null;
}

/**
 * Unique constraint violations (Prisma P2002, SQLSTATE 23505): the fields of the constraint, or
 * null for any other error. A violation means another request took the value first.
 */
export function uniqueViolation(error: unknown): { fields: string[] } | null {
  const found = { codes: [] as string[], text: [] as string[] };
  collect(error, found, 0, new Set());
  if (!found.codes.some((c) => c === "P2002" || c === "23505" || c === "UniqueConstraintViolation")) return null;
  const fields = new Set<string>();
  const walk = (v: unknown, depth: number): void => {
    if (!v || typeof v !== "object" || depth > 5) return;
    const o = v as Record<string, unknown>;
    const target = o.target ?? (o.constraint as Record<string, unknown> | undefined)?.fields;
    if (Array.isArray(target)) target.forEach((f) => typeof f === "string" && fields.add(f.replace(/^"|"$/g, "")));
    else if (typeof target === "string") fields.add(target);
    for (const key of ["meta", "driverAdapterError", "cause"]) walk(o[key], depth + 1);
  };
  walk(error, 0);
  return { fields: [...fields] };
}
