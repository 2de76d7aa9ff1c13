/**
 * `npm run bench` for the API (issue 16). For each scale (BENCH_SCALES, default small,medium,large)
 * and each database (BENCH_DATABASES, default postgresql,pglite): seeds a database of its own,
 * then measures each scenario (scenarios.ts) through the real API process under load from this
 * process (autocannon, fixed concurrency levels, bodies checked), the same data served by
 * hand-written SQL (baseline.ts) and, for the dwelling page, the one-statement json_agg limit, in
 * the same run, so that every target is a ratio measured side by side. The CPU time of the
 * serving process per request is read from /proc (less noisy than latency on a shared machine).
 * Writes BENCHMARKS.md at the repository root from what it measured.
 *
 * Runs beside anything else:
 * - PostgreSQL: the database named by BENCH_DATABASE_URL (default
 *   postgresql://postgres@127.0.0.1:5432/abordable_bench_<pid>). It is created with a marker table
 *   (`_abordable_bench`); an existing database is dropped and recreated only when it carries that
 *   marker, otherwise the run refuses to touch it. It is dropped at the end unless BENCH_KEEP=1.
 * - PGlite and every file: a temporary folder of its own (mkdtemp), removed at the end; nothing
 *   else is deleted.
 * - Ports: free ones chosen by the system (listen on port 0).
 *
 * Options: `--cpu-prof` profiles the API process once per scenario (node --cpu-prof, one
 * connection, BENCH_DURATION seconds) and prints and reports the CPU time by package.
 * Settings: BENCH_DURATION=10 (seconds per measurement) BENCH_CONCURRENCY=1,10,50
 * BENCH_SKIP_MICRO=1 (skip the vitest micro-benchmarks) BENCH_SCENARIOS=name,… (a subset)
 * BENCH_PROFILE_DIR=dir (with --cpu-prof: keep each raw .cpuprofile there).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { openDatabase, type DatabaseTarget } from "@abordable/api";
import { createApp } from "@abordable/api";
import { createLogger } from "@abordable/api";
import { SCENARIOS as ALL_SCENARIOS, type Prepared, type Scenario } from "./scenarios.js";
import { percentile, startProcess, stopProcess } from "./process.js";
import { summariseProfile } from "./cpu-profile.js";

const API_DIR = fileURLToPath(new URL("../../", import.meta.url));
const ROOT = path.resolve(API_DIR, "../..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "1,10,50").split(",").map(Number);
const KINDS = (process.env.BENCH_DATABASES ?? "postgresql,pglite").split(",") as ("postgresql" | "pglite")[];
const SCALES = (process.env.BENCH_SCALES ?? "small,medium,large").split(",");
const CPU_PROF = process.argv.includes("--cpu-prof");
const KEEP = process.env.BENCH_KEEP === "1";
const SCENARIOS = process.env.BENCH_SCENARIOS ? ALL_SCENARIOS.filter((s) => process.env.BENCH_SCENARIOS!.split(",").includes(s.name)) : ALL_SCENARIOS;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/abordable_bench_${process.pid}`;
const MARKER = "_abordable_bench";
/** The run's own temporary folder: the only one it removes. */
const TMP = mkdtempSync(path.join(os.tmpdir(), "abordable-bench-"));

type Target = "api" | "sql" | "limit";
interface Measure {
  scenario: string;
  target: Target;
  connections: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  cpuMsPerRequest: number;
}
interface DbReport {
  kind: string;
  scale: string;
  seedMs: number;
  statements: Record<string, number>;
  subjects: Record<string, string>;
  facts: Record<string, Record<string, number>>;
  measures: Measure[];
  profiles: Record<string, { busyMs: number; requests: number; byPackage: [string, number][] }>;
}

function log(msg: string): void {
  process.stdout.write(`[bench] ${msg}\n`);
}

/** A port nobody listens on now (the system picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** CPU time (ms) a process has used so far, from /proc (null where there is no /proc). */
function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

const adminUrl = () => {
  const u = new URL(DATABASE_URL);
  u.pathname = "/postgres";
  return u.toString();
};
const dbName = () => decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));

/** Creates the benchmark's PostgreSQL database afresh; refuses to drop one it did not create (no marker table). */
async function freshPostgres(): Promise<void> {
  const name = dbName();
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`BENCH_DATABASE_URL: database name ${name} must be letters, digits and _`);
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount! > 0;
    if (exists) {
      const probe = new pg.Client({ connectionString: DATABASE_URL });
      await probe.connect();
      const marked = (await probe.query(`SELECT to_regclass($1) AS t`, [`public.${MARKER}`])).rows[0].t !== null;
      await probe.end();
      if (!marked)
        throw new Error(
          `BENCH_DATABASE_URL names database "${name}", which exists and was not created by the benchmark (no ${MARKER} table): refusing to drop it. Name a database that does not exist.`,
        );
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(`CREATE TABLE "${MARKER}" (created_at timestamptz NOT NULL DEFAULT now(), pid int NOT NULL)`);
  await db.query(`INSERT INTO "${MARKER}" (pid) VALUES ($1)`, [process.pid]);
  await db.end();
}

async function dropPostgres(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const probe = new pg.Client({ connectionString: DATABASE_URL });
  await probe.connect();
  const marked = (await probe.query(`SELECT to_regclass($1) AS t`, [`public.${MARKER}`])).rows[0].t !== null;
  await probe.end();
  if (marked) await admin.query(`DROP DATABASE "${dbName()}" WITH (FORCE)`);
  await admin.end();
}

async function prepare(kind: "postgresql" | "pglite", scale: string): Promise<{ env: NodeJS.ProcessEnv; target: DatabaseTarget }> {
  const dataDir = path.join(TMP, `${kind}-${scale}`);
  mkdirSync(dataDir, { recursive: true });
  if (kind === "postgresql") await freshPostgres();
  const env =
    kind === "postgresql" ? { ...process.env, DATABASE_URL, ABORDABLE_DATA_DIR: dataDir } : { ...process.env, DATABASE_URL: "", ABORDABLE_DATA_DIR: dataDir };
  return { env, target: kind === "postgresql" ? { kind, url: DATABASE_URL, poolSize: 10 } : { kind, dataDir } };
}

function seed(env: NodeJS.ProcessEnv, scale: string): { ms: number; keys: Record<string, string> } {
  const started = Date.now();
  const out = execFileSync(process.execPath, [path.join(API_DIR, "dist/cli.js"), "seed", "--scale", scale], { env, encoding: "utf8", maxBuffer: 1 << 26 });
  const keys: Record<string, string> = {};
  for (const line of out.split("\n")) {
    const m = /^(MINISTRY_ADMIN|MINISTRY_ANALYST|SOCIAL_LANDLORD|SOCIAL_DEVELOPER) .*: (abk_\S+)$/.exec(line);
    if (m && !keys[m[1]!]) keys[m[1]!] = m[2]!;
  }
  return { ms: Date.now() - started, keys };
}

/** Requests each measurement of a scenario sends (fixed-amount scenarios need a body each when bodies are single-use). */
function requestsOf(s: Scenario): number {
  const profiled = CPU_PROF && s.singleUse ? (s.amount ?? 1) : 0;
  return s.amount ? s.amount * (s.connections ?? CONCURRENCY).length + profiled : 1;
}

/**
 * With the database open in this process (PGlite allows one process at a time): prepares every
 * scenario's request bodies, checks that the answer is not trivial, then counts the SQL
 * statements of one request after a warm-up, with Prisma's query events.
 */
async function prepareScenarios(
  target: DatabaseTarget,
  keys: Record<string, string>,
): Promise<{ prepared: Record<string, Prepared>; statements: Record<string, number> }> {
  const db = await openDatabase(target);
  const app = await createApp({
    db,
    logger: createLogger("error"),
    config: {
      host: "127.0.0.1",
      port: 0,
      graphiql: false,
      introspection: false,
      nodeEnv: "production",
      shutdownGraceMs: 1000,
      maxBodyBytes: 1 << 20,
      maxQueryDepth: 10,
      maxQueryCost: 20_000,
      rateLimitPerMinute: 1_000_000,
    },
  });
  const url = await app.listen();
  const post = async (role: Scenario["role"], body: string) =>
    (await (await fetch(url, { method: "POST", headers: headers(role, keys), body })).json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  const prepared: Record<string, Prepared> = {};
  const statements: Record<string, number> = {};
  for (const s of SCENARIOS) {
    // Two more bodies than the load needs: one for the warm-up, one counted.
    const p = await s.prepare(
      { sql: db.sql, prisma: db.prisma, gql: (role, query, variables) => post(role, JSON.stringify({ query, variables })) },
      requestsOf(s) + 2,
    );
    const [warm, counted, ...rest] = s.singleUse ? p.bodies : [p.bodies[0]!, p.bodies[0]!, p.bodies[0]!];
    const first = await post(s.role, warm!);
    if (first.errors) throw new Error(`${s.name}: ${JSON.stringify(first.errors).slice(0, 500)}`);
    s.check(first.data!, p);
    const before = db.statementCount();
    await post(s.role, counted!);
    statements[s.name] = db.statementCount() - before;
    prepared[s.name] = { ...p, bodies: rest };
    log(`${s.name}: prepared (${p.subject}), answer checked, ${statements[s.name]} SQL statements per request`);
  }
  await app.close();
  await db.close();
  return { prepared, statements };
}

function headers(role: Scenario["role"], keys: Record<string, string>): Record<string, string> {
  return { "content-type": "application/json", authorization: `Bearer ${keys[role]}` };
}

/** Is this response body a failure (GraphQL errors or user errors come back as HTTP 200)? */
const failedBody = (body: string) => body.includes('"errors"') || /"userErrors":\[\{/.test(body);

type Result = Omit<Measure, "scenario" | "target" | "connections" | "cpuMsPerRequest">;

/**
 * One measurement of a read scenario: autocannon at a fixed number of connections for
 * BENCH_DURATION seconds; every response's latency is recorded (the 'response' event) so that
 * p50/p95/p99 are exact; a response counts as an error when its status is not 2xx or its body
 * carries GraphQL errors or user errors.
 */
async function load(url: string, connections: number, opts: { method: "GET" | "POST"; headers?: Record<string, string>; body?: string }): Promise<Result> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let firstFailedBody: string | undefined;
  // Without a callback autocannon returns its instance, which is also a promise of the result.
  const instance = autocannon({
    url,
    connections,
    duration: DURATION,
    method: opts.method,
    headers: opts.headers,
    body: opts.body,
    verifyBody: (body) => {
      const ok = body !== undefined && !failedBody(body.toString());
      if (!ok) firstFailedBody ??= String(body).slice(0, 400);
      return ok;
    },
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await instance;
  const errors = result.errors + result.non2xx + result.mismatches + result.timeouts;
  // What the errors were (issue 16: errors at 50 connections were reported without a cause).
  if (errors > 0) {
    log(
      `  errors: ${result.errors} connection errors (of which ${result.timeouts} timeouts after ${autocannonTimeoutSeconds} s), ${result.non2xx} non-2xx, ${result.mismatches} failed bodies; statuses ${[...statuses].map(([k, v]) => `${k}: ${v}`).join(", ")}${firstFailedBody ? `; first failed body: ${firstFailedBody}` : ""}`,
    );
  }
  return summarise(latencies, result.duration, errors);
}

/** autocannon's default: a request unanswered this long counts as a timeout (an error). */
const autocannonTimeoutSeconds = 10;

/**
 * One measurement of a heavy scenario: a fixed list of requests (single-use bodies, e.g. one
 * allocation file each) sent by `connections` closed-loop workers with fetch, each timed with
 * performance.now().
 */
async function fixedRequests(
  url: string,
  connections: number,
  opts: { method: "GET" | "POST"; headers?: Record<string, string>; bodies: (string | undefined)[] },
): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < opts.bodies.length) {
        const body = opts.bodies[next++];
        const t0 = performance.now();
        try {
          const res = await fetch(url, { method: opts.method, headers: opts.headers, body });
          const text = await res.text();
          latencies.push(performance.now() - t0);
          if (!res.ok || failedBody(text)) {
            errors += 1;
            if (errors === 1) log(`first failed response: ${res.status} ${text.slice(0, 400)}`);
          }
        } catch (error) {
          errors += 1;
          if (errors === 1) log(`first failed request: ${String(error)}`);
        }
      }
    }),
  );
  return summarise(latencies, (performance.now() - started) / 1000, errors);
}

function summarise(latencies: number[], seconds: number, errors: number): Result {
  latencies.sort((a, b) => a - b);
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return {
    p50: r1(percentile(latencies, 50)),
    p95: r1(percentile(latencies, 95)),
    p99: r1(percentile(latencies, 99)),
    rps: latencies.length / seconds,
    requests: latencies.length,
    errors,
  };
}

/**
 * Waits until the API answers a cheap request quickly again: requests a client gave up on (a
 * timeout under overload) are still being served, and must not be counted against the next
 * measurement.
 */
async function settle(url: string, hdrs: Record<string, string>): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const t0 = performance.now();
    try {
      await (await fetch(url, { method: "POST", headers: hdrs, body: JSON.stringify({ query: "{ viewer { role } }" }) })).text();
    } catch {
      // still busy
    }
    if (performance.now() - t0 < 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Warms the freshly started process up (JIT, connection pool, caches) before anything is recorded:
 * at least WARM_UP_REQUESTS requests and WARM_UP_MS, whichever ends later (at most 30 s). Twenty
 * requests were too few for V8 to optimise the API's code: the first scenario measured paid for it
 * (the dwelling page at 1 connection used 3.0 ms CPU a request, the same page by cursor measured
 * next 1.8 ms), while the limit server's few lines were warm at once.
 */
const WARM_UP_REQUESTS = 200;
const WARM_UP_MS = 2_000;
async function warmUp(url: string, opts: { method: "GET" | "POST"; headers?: Record<string, string>; body?: string }): Promise<void> {
  const started = Date.now();
  for (let i = 0; (i < WARM_UP_REQUESTS || Date.now() - started < WARM_UP_MS) && Date.now() - started < 30_000; i++) {
    await (await fetch(url, { method: opts.method, headers: opts.headers, body: opts.body })).text();
  }
}

const apiEnv = (env: NodeJS.ProcessEnv, port: number): NodeJS.ProcessEnv => ({
  ...env,
  PORT: String(port),
  HOST: "127.0.0.1",
  ABORDABLE_SEED: "none",
  LOG_LEVEL: "warn",
  NODE_ENV: "production",
  ABORDABLE_RATE_LIMIT_PER_MINUTE: "1000000",
  ABORDABLE_INTROSPECTION: "false",
  ABORDABLE_GRAPHIQL: "false",
});

async function benchDatabase(kind: "postgresql" | "pglite", scale: string): Promise<DbReport> {
  log(`${kind} ${scale}: preparing a fresh database and seeding`);
  const { env } = await prepare(kind, scale);
  try {
    const seeded = seed(env, scale);
    log(`${kind} ${scale}: seeded in ${seeded.ms} ms`);
    return await measureDatabase(kind, scale, env, seeded);
  } finally {
    if (kind === "postgresql" && !KEEP) await dropPostgres();
  }
}

async function measureDatabase(
  kind: "postgresql" | "pglite",
  scale: string,
  env: NodeJS.ProcessEnv,
  seeded: { ms: number; keys: Record<string, string> },
): Promise<DbReport> {
  const target: DatabaseTarget = kind === "postgresql" ? { kind, url: DATABASE_URL, poolSize: 10 } : { kind, dataDir: env.ABORDABLE_DATA_DIR! };
  const { prepared, statements } = await prepareScenarios(target, seeded.keys);
  const measures: Measure[] = [];
  const used: Record<string, number> = {};
  /** Bodies of the next measurement: a slice of its own when the bodies are single-use. */
  const nextBodies = (s: Scenario) => {
    const all = prepared[s.name]!.bodies;
    if (!s.amount) return all;
    if (!s.singleUse) return Array.from({ length: s.amount }, () => all[0]!);
    const from = used[s.name] ?? 0;
    used[s.name] = from + s.amount;
    const mine = all.slice(from, from + s.amount);
    if (mine.length < s.amount) throw new Error(`${s.name}: ${mine.length} single-use requests left, ${s.amount} needed`);
    return mine;
  };
  const measure = async (pid: number | undefined, run: () => Promise<Result>) => {
    const c0 = cpuMs(pid);
    const m = await run();
    const c1 = cpuMs(pid);
    return { ...m, cpuMsPerRequest: c0 !== null && c1 !== null && m.requests > 0 ? (c1 - c0) / m.requests : Number.NaN };
  };

  // The API and the baseline server run side by side, and each scenario's measurements alternate
  // between them at each concurrency level (API, then SQL, then limit): the machine's cores are
  // shared with other work whose load drifts over minutes, and a ratio of two measurements taken
  // minutes apart (all API measurements first, then all baseline ones) measured that drift too.
  const apiPort = await freePort();
  const api = await startProcess([path.join(API_DIR, "dist/main.js")], apiEnv(env, apiPort), `http://127.0.0.1:${apiPort}/readyz`);
  const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
  const basePort = await freePort();
  const baseline = await startProcess(
    [path.join(API_DIR, "dist/bench/baseline-main.js")],
    { ...env, PORT: String(basePort) },
    `http://127.0.0.1:${basePort}/ready`,
  );
  // Every scenario warms the fresh process up before any is measured: warmed one after the other,
  // the first measured still ran colder code than the next (the page at 1 connection used 1.7 ms
  // CPU a request, the same page by cursor measured next 0.8 ms).
  for (const s of SCENARIOS)
    if (!s.singleUse) await warmUp(apiUrl, { method: "POST", headers: headers(s.role, seeded.keys), body: prepared[s.name]!.bodies[0] });
  for (const s of SCENARIOS) {
    const opts = { method: "POST" as const, headers: headers(s.role, seeded.keys) };
    // Single-use bodies (one allocation file each) cannot be sent twice: no warm-up for those.
    if (!s.singleUse) await warmUp(apiUrl, { ...opts, body: prepared[s.name]!.bodies[0] });
    const targets: { t: Target; url: string }[] = [];
    for (const [t, p] of [
      ["sql", s.baselinePath],
      ["limit", s.limitPath],
    ] as const) {
      if (!p) continue;
      const url = `http://127.0.0.1:${basePort}${p}${prepared[s.name]!.baselineQuery}`;
      const res = await fetch(url);
      const probe = await res.text();
      if (!res.ok || probe.includes('"error"') || probe.length < 40) throw new Error(`${s.name} ${t}: trivial or failed answer: ${probe.slice(0, 300)}`);
      await warmUp(url, { method: "GET" });
      targets.push({ t, url });
    }
    for (const c of s.connections ?? CONCURRENCY) {
      const m = await measure(api.pid, () =>
        s.amount ? fixedRequests(apiUrl, c, { ...opts, bodies: nextBodies(s) }) : load(apiUrl, c, { ...opts, body: nextBodies(s)[0] }),
      );
      measures.push({ scenario: s.name, target: "api", connections: c, ...m });
      await settle(apiUrl, opts.headers);
      log(
        `${kind} ${scale} api ${s.name} c=${c}: p50 ${m.p50} ms, p95 ${m.p95} ms, ${m.rps.toFixed(1)} req/s, ${m.cpuMsPerRequest.toFixed(2)} ms CPU/req, errors ${m.errors}`,
      );
      for (const { t, url } of targets) {
        const b = await measure(baseline.pid, () =>
          s.amount ? fixedRequests(url, c, { method: "GET", bodies: Array.from({ length: s.amount! }, () => undefined) }) : load(url, c, { method: "GET" }),
        );
        measures.push({ scenario: s.name, target: t, connections: c, ...b });
        log(
          `${kind} ${scale} ${t} ${s.name} c=${c}: p50 ${b.p50} ms, p95 ${b.p95} ms, ${b.rps.toFixed(1)} req/s, ${b.cpuMsPerRequest.toFixed(2)} ms CPU/req, errors ${b.errors}`,
        );
      }
    }
  }
  await stopProcess(api);
  await stopProcess(baseline);

  const profiles: DbReport["profiles"] = {};
  if (CPU_PROF) {
    for (const s of SCENARIOS) {
      const dir = path.join(TMP, `prof-${kind}-${scale}-${s.name}`);
      const port = await freePort();
      const child = await startProcess(
        [`--cpu-prof`, `--cpu-prof-dir=${dir}`, path.join(API_DIR, "dist/main.js")],
        apiEnv(env, port),
        `http://127.0.0.1:${port}/readyz`,
      );
      const url = `http://127.0.0.1:${port}/graphql`;
      const opts = { method: "POST" as const, headers: headers(s.role, seeded.keys) };
      if (!s.singleUse) await warmUp(url, { ...opts, body: prepared[s.name]!.bodies[0] });
      const m = s.amount ? await fixedRequests(url, 1, { ...opts, bodies: nextBodies(s) }) : await load(url, 1, { ...opts, body: prepared[s.name]!.bodies[0] });
      await stopProcess(child);
      const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith(".cpuprofile")) : undefined;
      if (!file) {
        log(`${s.name}: no CPU profile written`);
        continue;
      }
      // BENCH_PROFILE_DIR keeps the raw profile (for function-level reading in DevTools or a script).
      if (process.env.BENCH_PROFILE_DIR) {
        mkdirSync(process.env.BENCH_PROFILE_DIR, { recursive: true });
        writeFileSync(path.join(process.env.BENCH_PROFILE_DIR, `${kind}-${scale}-${s.name}.cpuprofile`), readFileSync(path.join(dir, file)));
      }
      const summary = summariseProfile(path.join(dir, file));
      profiles[s.name] = { ...summary, requests: m.requests };
      log(`${kind} ${scale} --cpu-prof ${s.name}: ${m.requests} requests (plus start-up and warm-up), busy ${summary.busyMs.toFixed(0)} ms`);
      for (const [pkg, ms] of summary.byPackage.slice(0, 12)) log(`    ${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)} %  ${pkg}`);
    }
  }
  const subjects = Object.fromEntries(Object.entries(prepared).map(([k, v]) => [k, v.subject]));
  const facts = Object.fromEntries(Object.entries(prepared).map(([k, v]) => [k, v.facts ?? {}]));
  return { kind, scale, seedMs: seeded.ms, statements, subjects, facts, measures, profiles };
}

/** Runs the vitest benchmarks of a package (its `bench:vitest`/`bench` config) and keeps the lines they print. */
function vitestBenchmarks(cwd: string, config: string): string[] {
  const out = execFileSync("npx", ["vitest", "run", "--config", config], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    maxBuffer: 1 << 26,
  });
  return out.split("\n").filter((l) => l.trim() !== "" && !/^\s*(✓|×|❯|↓|Test Files|Tests |Start at|Duration|RUN |stdout \||stderr \|)/.test(l));
}

function microBenchmarks(): { domain: string[]; api: string[] } {
  log("domain micro-benchmarks (packages/domain, vitest.bench.config.ts)");
  const domain = vitestBenchmarks(path.join(ROOT, "packages/domain"), "vitest.bench.config.ts");
  log("API-side benchmarks on large data (apps/api, vitest.bench.config.ts)");
  const api = vitestBenchmarks(API_DIR, "vitest.bench.config.ts");
  return { domain, api };
}

/** The issue's targets, each a ratio (or a bound) checked against what this run measured, on the largest scale measured. */
interface TargetCheck {
  what: string;
  check: (db: DbReport) => { met: boolean | null; measured: string; why?: string };
}

const find = (db: DbReport | undefined, scenario: string, target: Target, c: number) =>
  db?.measures.find((m) => m.scenario === scenario && m.target === target && m.connections === c);
const x = (v: number) => `${v.toFixed(2)}×`;
const maxC = () => Math.max(...CONCURRENCY);

const TARGETS: TargetCheck[] = [
  {
    what: "dwelling page: API p50 at most 2× the one-statement limit at 1 connection",
    check: (db) => {
      const a = find(db, "dwelling-page", "api", 1);
      const l = find(db, "dwelling-page", "limit", 1);
      if (!a || !l) return { met: null, measured: "not measured" };
      const r = a.p50 / l.p50;
      return {
        met: r <= 2,
        measured: `${x(r)} (API ${a.p50} ms, limit ${l.p50} ms; CPU per request ${a.cpuMsPerRequest.toFixed(1)} vs ${l.cpuMsPerRequest.toFixed(1)} ms)`,
        why: "the page is one json_agg statement like the limit's (portfolio/dwelling-page-sql.ts); what is left is the API's fixed cost per request, which the bare limit server does not pay: HTTP and Apollo's pipeline, the key check, and the rate-limit bucket's UPSERT, a second round trip to PostgreSQL per request (http/rate-limit.ts; see the profile).",
      };
    },
  },
  {
    what: "dwelling page: API throughput at least half of the limit's at the highest concurrency",
    check: (db) => {
      const a = find(db, "dwelling-page", "api", maxC());
      const l = find(db, "dwelling-page", "limit", maxC());
      if (!a || !l) return { met: null, measured: "not measured" };
      const r = a.rps / l.rps;
      return {
        met: r >= 0.5,
        measured: `${x(r)} at ${maxC()} connections (API ${a.rps.toFixed(0)} req/s, limit ${l.rps.toFixed(0)} req/s)`,
        why: "the API spends more CPU per page than the limit (column above: Apollo's pipeline, the key check, two statements a request with the rate-limit bucket's), and the cores are shared with the database and the load generator.",
      };
    },
  },
  {
    what: "dwelling page: a deep page (100 on large) costs the same as page 1 (API p50 and CPU per request within 1.25×)",
    check: (db) => {
      const a = find(db, "dwelling-page", "api", 1);
      const d = find(db, "dwelling-page-deep", "api", 1);
      if (!a || !d) return { met: null, measured: "not measured" };
      const r = d.p50 / a.p50;
      const rc = d.cpuMsPerRequest / a.cpuMsPerRequest;
      return { met: r <= 1.25 && rc <= 1.25, measured: `page ${db.facts["dwelling-page-deep"]?.page ?? "?"}: p50 ${x(r)}, CPU ${x(rc)} of page 1` };
    },
  },
  {
    what: "landlord statement (biggest landlord under compensation, real lines): API p50 at most 2× (SQL load p50 + domain compute alone)",
    check: (db) => {
      const a = find(db, "landlord-statement", "api", 1);
      const q = find(db, "landlord-statement", "sql", 1);
      const compute = db.facts["landlord-statement"]?.computeMs;
      if (!a || !q || compute === undefined) return { met: null, measured: "not measured" };
      const r = a.p50 / (q.p50 + compute);
      return {
        met: r <= 2,
        measured: `${x(r)} (API ${a.p50} ms; SQL ${q.p50} ms + compute ${compute.toFixed(1)} ms; ${db.facts["landlord-statement"]?.lines ?? "?"} lines)`,
        why: "the API maps every row through Prisma into the engine's input and builds the GraphQL answer; see the profile.",
      };
    },
  },
  {
    what: "ministry dashboard: p50 under 20 ms at 1 connection (maintained aggregates)",
    check: (db) => {
      const a = find(db, "ministry-dashboard", "api", 1);
      const q = find(db, "ministry-dashboard", "sql", 1);
      if (!a) return { met: null, measured: "not measured" };
      return { met: a.p50 < 20, measured: `p50 ${a.p50} ms (the full-scan SQL baseline: ${q?.p50 ?? "?"} ms, ${q ? x(q.p50 / a.p50) : "?"} slower)` };
    },
  },
  {
    what: "computeShortlist over the whole register, the whole mutation over HTTP: under 300 ms",
    check: (db) => {
      const a = find(db, "shortlist", "api", 1);
      const f = db.facts.shortlist ?? {};
      if (!a) return { met: null, measured: "not measured" };
      return {
        met: a.p50 < 300,
        measured: `p50 ${a.p50} ms (${db.subjects.shortlist ?? ""}; ${f.ranked ?? "?"} ranked, ${f.notLoaded ?? "?"} left out by the SQL filter on the stored evaluations; decision record ${f.recordBytes !== undefined ? `${(f.recordBytes / 1024).toFixed(0)} KiB gzip, ${f.recordCanonicalLength} characters of canonical JSON` : "?"}, the 1 MB bound ${f.recordBytes !== undefined && f.recordBytes < 1_000_000 ? "met" : "not checked"})`,
        why: "the register is read from hashed snapshots with precomputed evaluations and criteria, and only rankable applications are loaded (allocation README); what is left is one SQL pass over every active application, parsing the rankable inputs and rebuilding their households (profile: @abordable/api (allocation), GC, Prisma), and the write transaction. Storing compact ranking facts per snapshot instead of rebuilding households, and joining the criteria totals in the query, are the next steps.",
      };
    },
  },
];

const ms = (v: number) => (Number.isFinite(v) ? String(v) : "n/a");

function report(dbs: DbReport[], micro: { domain: string[]; api: string[] }): string {
  const lines: string[] = [];
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  lines.push("# Benchmarks", "");
  // The settings of the run, so that the one command that wrote this report can be run again as it was.
  const settings = Object.entries(process.env)
    .filter(([k]) => k.startsWith("BENCH_") && k !== "BENCH_DATABASE_URL" && k !== "BENCH_PROFILE_DIR")
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(" ");
  lines.push(
    `Generated by \`${settings ? `${settings} ` : ""}npm run bench${CPU_PROF ? " -- --cpu-prof" : ""}\` (apps/api/bench/run.ts) on ${new Date().toISOString()}: do not edit by hand.`,
    "",
  );
  lines.push(
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}.`,
    "",
  );
  lines.push(
    `Method: for each scale and database, a database of the run's own is seeded; the API runs as its own process (\`node apps/api/dist/main.js\`, NODE_ENV=production) and load comes from the benchmark process with autocannon at fixed concurrency levels, ${DURATION} s per measurement (or a fixed number of requests for the heavy scenarios); every response's latency is recorded (exact percentiles), and a response counts as an error when its status is not 2xx or its body carries GraphQL \`errors\` or user errors. Each scenario first checks that its answer is not trivial. "sql" is a bare node:http server answering the same data with hand-written SQL (apps/api/bench/baseline.ts); "limit" answers the dwelling page with one json_agg statement that builds the whole JSON in the database (the physical limit). All three are measured in the same run on the same database, alternating at each concurrency level (API, SQL, limit) so that a drift of the shared machine's load falls on all three. "CPU ms/req" is the serving process's own CPU time per request from /proc (the database's is not in it for PostgreSQL; for PGlite the database runs inside the process). The load generator, the API and the database share the machine's cores with other work: absolute times are noisy, so the targets are ratios measured side by side in the same run.`,
    "",
  );
  const largest = (kind: string) => dbs.filter((d) => d.kind === kind).at(-1);
  lines.push(
    "## Targets",
    "",
    "Checked on the largest scale measured, for each database.",
    "",
    "| target | database (scale) | measured | met | why, and what would fix it |",
    "|---|---|---|---|---|",
  );
  for (const t of TARGETS) {
    for (const kind of KINDS) {
      const db = largest(kind);
      if (!db) continue;
      const r = t.check(db);
      lines.push(
        `| ${t.what} | ${kind} (${db.scale}) | ${r.measured} | ${r.met === null ? "n/a" : r.met ? "yes" : "**no**"} | ${r.met === false ? (r.why ?? "") : ""} |`,
      );
    }
  }
  lines.push("");
  lines.push(
    "## Cost growth",
    "",
    "API p50 (ms) and CPU per request (ms) at 1 connection, by scale.",
    "",
    `| scenario | database | ${SCALES.map((s) => `${s} p50 / CPU`).join(" | ")} |`,
    `|---|---|${SCALES.map(() => "---").join("|")}|`,
  );
  for (const s of SCENARIOS) {
    for (const kind of KINDS) {
      const cells = SCALES.map((scale) => {
        const m = find(
          dbs.find((d) => d.kind === kind && d.scale === scale),
          s.name,
          "api",
          1,
        );
        return m ? `${ms(m.p50)} / ${m.cpuMsPerRequest.toFixed(1)}` : "not run";
      });
      lines.push(`| ${s.name} | ${kind} | ${cells.join(" | ")} |`);
    }
  }
  lines.push("");
  for (const db of dbs) {
    lines.push(
      `## ${db.kind}, ${db.scale} seed`,
      "",
      `Seed \`${db.scale}\` (with the capabilities' seed steps) written in ${(db.seedMs / 1000).toFixed(1)} s.`,
      "",
    );
    lines.push(
      "| scenario | target | connections | p50 ms | p95 ms | p99 ms | req/s | CPU ms/req | requests | errors |",
      "|---|---|---|---|---|---|---|---|---|---|",
    );
    for (const m of db.measures)
      lines.push(
        `| ${m.scenario} | ${m.target} | ${m.connections} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${m.rps.toFixed(1)} | ${Number.isFinite(m.cpuMsPerRequest) ? m.cpuMsPerRequest.toFixed(2) : "n/a"} | ${m.requests} | ${m.errors} |`,
      );
    lines.push("", "| scenario | subject | SQL statements per API request | API p50 / SQL p50 | API p50 / limit p50 |", "|---|---|---|---|---|");
    for (const s of SCENARIOS) {
      const ratio = (t: Target) =>
        (s.connections ?? CONCURRENCY)
          .map((c) => {
            const a = find(db, s.name, "api", c);
            const q = find(db, s.name, t, c);
            return a && q && q.p50 > 0 ? `${c}: ${x(a.p50 / q.p50)}` : `${c}: n/a`;
          })
          .join(", ");
      lines.push(
        `| ${s.name} (${s.description}) | ${db.subjects[s.name] ?? "?"} | ${db.statements[s.name] ?? "?"} | ${ratio("sql")} | ${s.limitPath ? ratio("limit") : "—"} |`,
      );
    }
    lines.push("");
    if (Object.keys(db.profiles).length > 0) {
      lines.push(`### CPU profile (${db.kind}, ${db.scale}: \`--cpu-prof\`, one connection, self time by package, start-up and warm-up included)`, "");
      for (const [name, p] of Object.entries(db.profiles)) {
        lines.push(
          `- **${name}** (${p.requests} requests, ${p.busyMs.toFixed(0)} ms busy): ${p.byPackage
            .slice(0, 10)
            .map(([pkg, t]) => `${pkg} ${((100 * t) / p.busyMs).toFixed(1)} %`)
            .join(", ")}`,
        );
      }
      lines.push("");
    }
  }
  if (micro.domain.length > 0) {
    lines.push(
      "## Domain micro-benchmarks",
      "",
      "`packages/domain`: `npx vitest run --config vitest.bench.config.ts` (pure functions, no I/O).",
      "",
      "```",
      ...micro.domain,
      "```",
      "",
    );
    lines.push("## API-side benchmarks on large data", "", "`apps/api`: `npx vitest run --config vitest.bench.config.ts`.", "", "```", ...micro.api, "```", "");
  }
  return lines.join("\n");
}

try {
  const dbs: DbReport[] = [];
  const file = path.join(ROOT, "BENCHMARKS.md");
  // The soak section (apps/api/bench/soak.ts, run on demand) is kept as it is.
  const soak = existsSync(file) ? /<!-- soak:start -->[\s\S]*<!-- soak:end -->/.exec(readFileSync(file, "utf8"))?.[0] : undefined;
  const write = (micro: { domain: string[]; api: string[] }) => {
    writeFileSync(file, report(dbs, micro) + (soak ? `\n${soak}\n` : ""));
    log(`report written to ${file}`);
  };
  // Written after each database, so that a run stopped at a larger scale keeps what it measured.
  for (const scale of SCALES)
    for (const kind of KINDS) {
      dbs.push(await benchDatabase(kind, scale));
      write({ domain: [], api: [] });
    }
  if (process.env.BENCH_SKIP_MICRO !== "1") write(microBenchmarks());
} finally {
  rmSync(TMP, { recursive: true, force: true });
}
