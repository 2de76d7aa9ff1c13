/**
 * `pnpm bench` for the API: on the `large` seed, on PostgreSQL and on PGlite, measures each
 * scenario (scenarios.ts) through the real API process under load from this separate process
 * (autocannon, fixed concurrency levels, bodies checked for GraphQL errors), counts the SQL
 * statements of one request, and measures the same data served by hand-written SQL
 * (baseline.ts) in the same run, so that the overhead is a ratio. Then runs the domain's
 * micro-benchmarks and the API-side benchmarks on large data. Writes BENCHMARKS.md at the repository
 * root from what it measured.
 *
 * Settings: BENCH_DATABASES=postgresql,pglite  BENCH_DURATION=10 (seconds per measurement)
 * BENCH_CONCURRENCY=1,10,50  BENCH_PG_ADMIN_URL=postgresql://postgres@127.0.0.1:5432/postgres
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { openDatabase, type DatabaseTarget } from "../db/database.js";
import { createApp } from "../http/server.js";
import { createLogger } from "../logger.js";
import { SCENARIOS, type Scenario } from "./scenarios.js";

const API_DIR = fileURLToPath(new URL("../../", import.meta.url));
const ROOT = path.resolve(API_DIR, "../..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "1,10,50").split(",").map(Number);
const KINDS = (process.env.BENCH_DATABASES ?? "postgresql,pglite").split(",") as ("postgresql" | "pglite")[];
const PG_ADMIN = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const API_PORT = 4810;
const BASELINE_PORT = 4820;

interface Measure { scenario: string; target: "api" | "sql"; connections: number; p50: number; p90: number; p99: number; rps: number; requests: number; errors: number }
interface DbReport { kind: string; seedMs: number; statements: Record<string, number>; measures: Measure[] }

function log(msg: string): void {
  process.stdout.write(`[bench] ${msg}\n`);
}

function envFor(kind: "postgresql" | "pglite", dbUrl: string, dataDir: string): NodeJS.ProcessEnv {
  return kind === "postgresql" ? { ...process.env, DATABASE_URL: dbUrl, ABORDABLE_DATA_DIR: dataDir } : { ...process.env, DATABASE_URL: "", ABORDABLE_DATA_DIR: dataDir };
}

const REUSE = process.env.BENCH_REUSE === "1";

async function prepare(kind: "postgresql" | "pglite"): Promise<{ env: NodeJS.ProcessEnv; target: DatabaseTarget }> {
  const dataDir = path.join(os.tmpdir(), `abordable-bench-${kind}`);
  const url = new URL(PG_ADMIN);
  url.pathname = "/abordable_bench";
  if (!REUSE) rmSync(dataDir, { recursive: true, force: true });
  if (kind === "postgresql" && !REUSE) {
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS abordable_bench WITH (FORCE)`);
    await admin.query(`CREATE DATABASE abordable_bench`);
    await admin.end();
  }
  const env = envFor(kind, url.toString(), dataDir);
  return { env, target: kind === "postgresql" ? { kind, url: url.toString(), poolSize: 10 } : { kind, dataDir } };
}

function seed(env: NodeJS.ProcessEnv): { ms: number; keys: Record<string, string> } {
  // BENCH_REUSE=1 keeps the seeded database of a previous run and the keys it printed.
  const keyFile = path.join(env.ABORDABLE_DATA_DIR!, "bench-keys.json");
  if (REUSE && existsSync(keyFile)) return { ms: 0, keys: JSON.parse(readFileSync(keyFile, "utf8")) as Record<string, string> };
  mkdirSync(env.ABORDABLE_DATA_DIR!, { recursive: true });
  const started = Date.now();
  const out = execFileSync(process.execPath, [path.join(API_DIR, "dist/cli.js"), "seed", "--scale", "large"], { env, encoding: "utf8", maxBuffer: 1 << 26 });
  const keys: Record<string, string> = {};
  for (const line of out.split("\n")) {
    const m = /^(MINISTRY_ADMIN|MINISTRY_ANALYST|SOCIAL_LANDLORD|SOCIAL_DEVELOPER) .*: (abk_\S+)$/.exec(line);
    if (m && !keys[m[1]!]) keys[m[1]!] = m[2]!;
  }
  writeFileSync(keyFile, JSON.stringify(keys));
  return { ms: Date.now() - started, keys };
}

async function statementsPerRequest(target: DatabaseTarget, keys: Record<string, string>): Promise<Record<string, number>> {
  const db = await openDatabase(target);
  const app = await createApp({
    db, logger: createLogger("error"),
    config: { host: "127.0.0.1", port: 0, graphiql: false, introspection: false, nodeEnv: "production", shutdownGraceMs: 1000, maxBodyBytes: 1 << 20, maxQueryDepth: 10, maxQueryCost: 20_000, rateLimitPerMinute: 1_000_000 },
  });
  const url = await app.listen();
  const counts: Record<string, number> = {};
  for (const s of SCENARIOS) {
    const call = () => fetch(url, { method: "POST", headers: headers(s, keys), body: JSON.stringify({ query: s.query, variables: s.variables }) }).then((r) => r.json());
    await call();
    const before = db.statementCount();
    await call();
    counts[s.name] = db.statementCount() - before;
  }
  await app.close();
  await db.close();
  return counts;
}

function headers(s: Scenario, keys: Record<string, string>): Record<string, string> {
  return { "content-type": "application/json", authorization: `Bearer ${keys[s.role]}` };
}

/** Starts a process and resolves once `readyUrl` answers 200 (or rejects if the process exits first). */
function startProcess(args: string[], env: NodeJS.ProcessEnv, readyUrl: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let done = false;
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      if (!done) reject(new Error(`process exited (${code}) before it was ready:\n${out.slice(-2000)}`));
    });
    const poll = async () => {
      while (!done) {
        try {
          if ((await fetch(readyUrl)).ok) {
            done = true;
            resolve(child);
            return;
          }
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    void poll();
  });
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function load(url: string, connections: number, opts: { method: "GET" | "POST"; headers?: Record<string, string>; body?: string }): Promise<Omit<Measure, "scenario" | "target" | "connections">> {
  const result = await autocannon({
    url, connections, duration: DURATION, method: opts.method, headers: opts.headers, body: opts.body,
    // GraphQL errors come back as HTTP 200: a response counts only when its body has no "errors".
    verifyBody: (body) => body !== undefined && !body.toString().includes('"errors"'),
  });
  return {
    p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, rps: result.requests.average,
    requests: result.requests.total, errors: result.errors + result.non2xx + result.mismatches + result.timeouts,
  };
}

async function benchDatabase(kind: "postgresql" | "pglite"): Promise<DbReport> {
  log(`${kind}: preparing a fresh database and seeding the large scale`);
  const { env, target } = await prepare(kind);
  const seeded = seed(env);
  log(`${kind}: seeded in ${seeded.ms} ms`);
  const statements = await statementsPerRequest(target, seeded.keys);
  const measures: Measure[] = [];

  const api = await startProcess([path.join(API_DIR, "dist/main.js")], {
    ...env, PORT: String(API_PORT), HOST: "127.0.0.1", ABORDABLE_SEED: "none", LOG_LEVEL: "warn", NODE_ENV: "production",
    ABORDABLE_RATE_LIMIT_PER_MINUTE: "1000000", ABORDABLE_INTROSPECTION: "false", ABORDABLE_GRAPHIQL: "false",
  }, `http://127.0.0.1:${API_PORT}/readyz`);
  for (const s of SCENARIOS) {
    for (const c of CONCURRENCY) {
      const m = await load(`http://127.0.0.1:${API_PORT}/graphql`, c, { method: "POST", headers: headers(s, seeded.keys), body: JSON.stringify({ query: s.query, variables: s.variables }) });
      measures.push({ scenario: s.name, target: "api", connections: c, ...m });
      log(`${kind} api ${s.name} c=${c}: p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.rps.toFixed(0)} req/s, errors ${m.errors}`);
    }
  }
  await stop(api);

  const baseline = await startProcess([path.join(API_DIR, "dist/bench/baseline-main.js")], { ...env, PORT: String(BASELINE_PORT) }, `http://127.0.0.1:${BASELINE_PORT}/ready`);
  for (const s of SCENARIOS) {
    for (const c of CONCURRENCY) {
      const m = await load(`http://127.0.0.1:${BASELINE_PORT}${s.baselinePath}`, c, { method: "GET" });
      measures.push({ scenario: s.name, target: "sql", connections: c, ...m });
      log(`${kind} sql ${s.name} c=${c}: p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.rps.toFixed(0)} req/s, errors ${m.errors}`);
    }
  }
  await stop(baseline);
  return { kind, seedMs: seeded.ms, statements, measures };
}

/** Runs the vitest benchmarks of a package (its `bench:vitest`/`bench` config) and keeps the lines they print. */
function vitestBenchmarks(cwd: string, config: string): string[] {
  const out = execFileSync("npx", ["vitest", "run", "--config", config], { cwd, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" }, maxBuffer: 1 << 26 });
  return out
    .split("\n")
    .filter((l) => l.trim() !== "" && !/^\s*(✓|×|❯|↓|Test Files|Tests |Start at|Duration|RUN |stdout \||stderr \|)/.test(l));
}

function microBenchmarks(): { domain: string[]; api: string[] } {
  log("domain micro-benchmarks (packages/domain, vitest.bench.config.ts)");
  const domain = vitestBenchmarks(path.join(ROOT, "packages/domain"), "vitest.bench.config.ts");
  log("API-side benchmarks on large data (apps/api, vitest.bench.config.ts)");
  const api = vitestBenchmarks(API_DIR, "vitest.bench.config.ts");
  return { domain, api };
}

function report(dbs: DbReport[], micro: { domain: string[]; api: string[] }): string {
  const lines: string[] = [];
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  lines.push("# Benchmarks", "");
  lines.push(`Generated by \`pnpm bench\` (apps/api/src/bench/run.ts) on ${new Date().toISOString()}: do not edit by hand.`, "");
  lines.push(`Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`);
  lines.push(`Method: the API runs as its own process (\`node apps/api/dist/main.js\`, NODE_ENV=production) on the \`large\` seed; load comes from the benchmark process with autocannon, ${DURATION} s per measurement at ${CONCURRENCY.join(", ")} concurrent connections; a response counts as an error when its status is not 2xx or its body carries GraphQL \`errors\`. "SQL" is a bare node:http server answering the same data with hand-written SQL (apps/api/src/bench/baseline.ts) on the same database, measured the same way in the same run. SQL statements are counted with Prisma's query events around one request after a warm-up. Results vary about ±30 % run to run on a shared 2-core machine.`, "");
  for (const db of dbs) {
    lines.push(`## ${db.kind}`, "", db.seedMs > 0 ? `Seed \`large\` (with the capabilities' seed steps) written in ${(db.seedMs / 1000).toFixed(1)} s.` : "Seed `large` reused from a previous run (BENCH_REUSE=1).", "");
    lines.push("| scenario | target | connections | p50 ms | p90 ms | p99 ms | req/s | requests | errors |", "|---|---|---|---|---|---|---|---|---|");
    for (const m of db.measures) lines.push(`| ${m.scenario} | ${m.target} | ${m.connections} | ${m.p50} | ${m.p90} | ${m.p99} | ${m.rps.toFixed(0)} | ${m.requests} | ${m.errors} |`);
    lines.push("", "| scenario | SQL statements per API request | API p50 / SQL p50 at each concurrency |", "|---|---|---|");
    for (const s of SCENARIOS) {
      const ratios = CONCURRENCY.map((c) => {
        const a = db.measures.find((m) => m.scenario === s.name && m.target === "api" && m.connections === c);
        const q = db.measures.find((m) => m.scenario === s.name && m.target === "sql" && m.connections === c);
        return a && q && q.p50 > 0 ? `${c}: ${(a.p50 / q.p50).toFixed(2)}×` : `${c}: n/a`;
      });
      lines.push(`| ${s.name} (${s.description}) | ${db.statements[s.name] ?? "?"} | ${ratios.join(", ")} |`);
    }
    lines.push("");
  }
  lines.push("## Domain micro-benchmarks", "", "`packages/domain`: `npx vitest run --config vitest.bench.config.ts` (pure functions, no I/O): ranking 50,000 candidates, a 5,000-dwelling statement.", "", "```", ...micro.domain, "```", "");
  lines.push("## API-side benchmarks on large data", "", "`apps/api`: `npx vitest run --config vitest.bench.config.ts` (a 5,000-dwelling statement loaded from the database and computed; a shortlist over 50,000 candidates through the API, PGlite unless ABORDABLE_TEST_DATABASE_URL is set).", "", "```", ...micro.api, "```", "");
  return lines.join("\n");
}

const dbs: DbReport[] = [];
for (const kind of KINDS) dbs.push(await benchDatabase(kind));
const micro = process.env.BENCH_SKIP_MICRO === "1" ? { domain: [], api: [] } : microBenchmarks();
const file = path.join(ROOT, "BENCHMARKS.md");
writeFileSync(file, report(dbs, micro));
log(`report written to ${file}`);
