/**
 * Soak: the API process held under a fixed-rate, open-loop load for a long time (10 minutes by
 * default), with no error and no memory growth beyond a stated bound. Run on demand (not part of
 * the test command): `node apps/api/dist/bench/soak.js` after the build.
 *
 * It starts `node dist/main.js` on a fresh database seeded `small` (PGlite in a temporary data
 * directory, or a fresh PostgreSQL database created and dropped), then sends SOAK_RATE requests per
 * second on a fixed schedule (open loop: a slow answer never delays the next request) mixing
 * reads — a page of dwellings with landlord and units, a page of leases, the ministry dashboard —
 * and updateDwelling on the landlord's dwellings toggling a field (with an Idempotency-Key).
 * A request is an error when it fails, times out, is not HTTP 200, or its body carries GraphQL
 * `errors`, `userErrors` or an unexpected value. Latency runs from the scheduled send time to the
 * end of the body. The API process's RSS is read every 5 s from /proc/<pid>/status (VmRSS).
 *
 * Memory: the RSS of a Node process under steady load is a sawtooth — V8 lets garbage pile up
 * between full collections (measured with --trace-gc on this API: the heap after each
 * mark-compact stays at ~73 MB while RSS swings by ~100 MB). A single sample lands anywhere on
 * that tooth, so the growth judged is floor to floor: the lowest RSS in the window after the
 * warm-up (the first 10 % of the run, at most 60 s; the window is as long, at least 30 s) against
 * the lowest RSS in the same length of window at the end. A leak raises the floors; garbage
 * awaiting collection does not. The single samples after the warm-up and at the end are reported
 * too.
 *
 * Pass: no error, the process up to the end and stopping cleanly on SIGTERM, and the floor-to-floor
 * RSS growth within SOAK_RSS_GROWTH_BOUND_MB. Exit code 1 otherwise. The result is written to
 * BENCHMARKS.md at the repository root between `<!-- soak:start -->` and `<!-- soak:end -->`.
 *
 * Settings: SOAK_DATABASE=pglite|postgresql (pglite)  SOAK_RATE=50  SOAK_SECONDS=600
 * SOAK_RSS_GROWTH_BOUND_MB=64  SOAK_PG_ADMIN_URL=postgresql://postgres@127.0.0.1:5432/postgres
 * SOAK_PORT=4830  SOAK_REPORT=<path of BENCHMARKS.md>  SOAK_WRITE_REPORT=0 to skip writing it.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { percentile, startProcess } from "./process.js";

const API_DIR = fileURLToPath(new URL("../../", import.meta.url));
const ROOT = path.resolve(API_DIR, "../..");
const DATABASE = (process.env.SOAK_DATABASE ?? "pglite") as "pglite" | "postgresql";
const RATE = Number(process.env.SOAK_RATE ?? 50);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const BOUND_MB = Number(process.env.SOAK_RSS_GROWTH_BOUND_MB ?? 64);
const PG_ADMIN = process.env.SOAK_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.SOAK_PORT ?? 4830);
const REPORT = process.env.SOAK_REPORT ?? path.join(ROOT, "BENCHMARKS.md");
const SAMPLE_MS = 5_000;
const PRIME = 10;
const TIMEOUT_MS = 30_000;
const WARMUP_S = Math.min(60, SECONDS * 0.1);
const WINDOW_S = Math.max(30, WARMUP_S);
const START = "<!-- soak:start -->";
const END = "<!-- soak:end -->";

function log(msg: string): void {
  process.stdout.write(`[soak] ${msg}\n`);
}

function fail(msg: string): never {
  process.stderr.write(`[soak] ${msg}\n`);
  process.exit(2);
}

if (DATABASE !== "pglite" && DATABASE !== "postgresql") fail(`SOAK_DATABASE must be pglite or postgresql, not ${DATABASE}`);
for (const [name, value] of [
  ["SOAK_RATE", RATE],
  ["SOAK_SECONDS", SECONDS],
  ["SOAK_RSS_GROWTH_BOUND_MB", BOUND_MB],
  ["SOAK_PORT", PORT],
] as const) {
  if (!Number.isFinite(value) || value <= 0) fail(`${name} must be a positive number`);
}

function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]) / 1024;
}

interface Kind {
  name: string;
  description: string;
  share: number;
}

const KINDS: Kind[] = [
  { name: "dwellings", description: "20 dwellings of the landlord with landlord and up to 5 accommodation units each (landlord key)", share: 35 },
  { name: "leases", description: "20 leases of the landlord with dwelling and household size (landlord key)", share: 25 },
  { name: "dashboard", description: "the ministry dashboard (analyst key)", share: 15 },
  {
    name: "updateDwelling",
    description: "updateDwelling of one of 20 of the landlord's dwellings, toggling hasOutdoorSpace, with an Idempotency-Key (landlord key)",
    share: 25,
  },
];

const DWELLINGS = `{ dwellings(first: 20) { totalCount edges { node { id reference bedrooms usefulArea status landlord { id name }
  accommodationUnits(first: 5) { edges { node { id reference status } } } } } } }`;
const LEASES = `{ leases(first: 20) { totalCount edges { node { id status startsOn monthlyRent dwelling { id reference } household { id } } } } }`;
const DASHBOARD = `{ ministryDashboard { stock { municipalityCode category status dwellings } vacancy { landlord dwellings vacant vacancyRate }
  candidatesWaiting { householdSize workplaceMunicipality candidates } } }`;
const UPDATE = `mutation($input: UpdateDwellingInput!) { updateDwelling(input: $input) { dwelling { id hasOutdoorSpace } userErrors { field code message } } }`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "abordable-soak-"));
  let dbName: string | undefined;
  let databaseUrl = "";
  if (DATABASE === "postgresql") {
    dbName = `abordable_soak_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const url = new URL(PG_ADMIN);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  let api: ChildProcess | undefined;
  const cleanup = async () => {
    if (api && api.exitCode === null && api.signalCode === null) {
      const child = api;
      await new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (dbName) {
      const admin = new pg.Client({ connectionString: PG_ADMIN });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
  };

  try {
    log(`${DATABASE}: starting the API on a fresh database, seed small`);
    const startedAt = Date.now();
    api = await startProcess(
      [path.join(API_DIR, "dist/main.js")],
      {
        ...process.env,
        DATABASE_URL: databaseUrl,
        ABORDABLE_DATA_DIR: dataDir,
        ABORDABLE_SEED: "small",
        PORT: String(PORT),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        ABORDABLE_RATE_LIMIT_PER_MINUTE: "1000000",
      },
      `http://127.0.0.1:${PORT}/readyz`,
    );
    log(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (pid ${api.pid})`);
    const pid = api.pid!;
    const exited = new Promise<number | null>((resolve) => api!.once("exit", (code) => resolve(code)));

    const keysFile = path.join(dataDir, "demo-api-keys.txt");
    if (!existsSync(keysFile)) throw new Error(`the seed wrote no ${keysFile}`);
    const keys = [...readFileSync(keysFile, "utf8").matchAll(/^(\S+)\s+(.+)\n\s+Authorization: Bearer (abk_\S+)$/gm)].map((m) => ({ role: m[1]!, key: m[3]! }));
    const keyOf = (role: string) => {
      const found = keys.find((k) => k.role === role);
      if (!found) throw new Error(`no demo key for ${role} in ${keysFile}`);
      return found.key;
    };
    const landlordKey = keyOf("SOCIAL_LANDLORD");
    const analystKey = keyOf("MINISTRY_ANALYST");
    const graphql = `http://127.0.0.1:${PORT}/graphql`;
    const send = async (key: string, body: unknown, extra: Record<string, string> = {}) => {
      const res = await fetch(graphql, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...extra },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      return { status: res.status, text };
    };

    // The landlord's dwellings to update, with their current value of the toggled field.
    const own = JSON.parse((await send(landlordKey, { query: "{ dwellings(first: 20) { edges { node { id hasOutdoorSpace } } } }" })).text) as {
      data: { dwellings: { edges: { node: { id: string; hasOutdoorSpace: boolean } }[] } };
    };
    const targets = own.data.dwellings.edges.map((e) => ({ id: e.node.id, value: e.node.hasOutdoorSpace }));
    if (targets.length === 0) throw new Error("the landlord has no dwelling to update");

    const total = Math.round(RATE * SECONDS);
    const latencies: number[] = [];
    const byKind = new Map<string, { count: number; errors: number; latencies: number[] }>(KINDS.map((k) => [k.name, { count: 0, errors: 0, latencies: [] }]));
    const errorSamples: string[] = [];
    let errors = 0;
    let done = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    let maxLagMs = 0;
    const rss: { t: number; mb: number }[] = [];
    let updateTurn = 0;

    const pick = (i: number): Kind => {
      // A fixed interleaving of the shares (out of 100) so that every second has the same mix.
      let slot = (i * 37) % 100;
      for (const k of KINDS) {
        if (slot < k.share) return k;
        slot -= k.share;
      }
      return KINDS[0]!;
    };

    const fire = async (i: number, scheduled: number) => {
      const kind = pick(i);
      const stat = byKind.get(kind.name)!;
      let problem: string | undefined;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (kind.name === "updateDwelling") {
          const target = targets[updateTurn++ % targets.length]!;
          const value = !target.value;
          target.value = value;
          const res = await send(
            landlordKey,
            { query: UPDATE, variables: { input: { id: target.id, hasOutdoorSpace: value } } },
            { "idempotency-key": `soak-${randomUUID()}` },
          );
          const body =
            res.status === 200
              ? (JSON.parse(res.text) as { errors?: unknown; data?: { updateDwelling?: { dwelling?: { hasOutdoorSpace: boolean }; userErrors: unknown[] } } })
              : undefined;
          if (!body) problem = `HTTP ${res.status} ${res.text.slice(0, 200)}`;
          else if (body.errors) problem = `errors ${JSON.stringify(body.errors).slice(0, 200)}`;
          else if (body.data?.updateDwelling?.userErrors.length) problem = `userErrors ${JSON.stringify(body.data.updateDwelling.userErrors).slice(0, 200)}`;
          else if (body.data?.updateDwelling?.dwelling?.hasOutdoorSpace !== value) problem = `hasOutdoorSpace not ${value}: ${res.text.slice(0, 200)}`;
        } else {
          const [key, query] = kind.name === "dwellings" ? [landlordKey, DWELLINGS] : kind.name === "leases" ? [landlordKey, LEASES] : [analystKey, DASHBOARD];
          const res = await send(key, { query });
          if (res.status !== 200) problem = `HTTP ${res.status} ${res.text.slice(0, 200)}`;
          else {
            const body = JSON.parse(res.text) as { errors?: unknown; data?: Record<string, unknown> };
            if (body.errors) problem = `errors ${JSON.stringify(body.errors).slice(0, 200)}`;
            else if (!body.data || Object.values(body.data).some((v) => v === null || v === undefined)) problem = `no data: ${res.text.slice(0, 200)}`;
          }
        }
      } catch (error) {
        problem = `${(error as Error).name}: ${(error as Error).message}${(error as Error).cause ? ` (${String((error as Error).cause)})` : ""}`;
      } finally {
        inFlight -= 1;
      }
      const ms = performance.now() - scheduled;
      latencies.push(ms);
      stat.count += 1;
      stat.latencies.push(ms);
      done += 1;
      if (problem) {
        errors += 1;
        stat.errors += 1;
        if (errorSamples.length < 10) errorSamples.push(`${kind.name}: ${problem}`);
      }
    };

    // Priming, not measured: PRIME × 4 requests of the same mix one after the other, so that the
    // clock starts on a process past its first compilations and cold caches.
    for (let p = 0; p < PRIME * KINDS.length; p++) await fire(p, performance.now());
    latencies.length = 0;
    for (const stat of byKind.values()) Object.assign(stat, { count: 0, errors: 0, latencies: [] });
    const primingErrors = errors;
    errors = 0;
    done = 0;
    if (primingErrors > 0) throw new Error(`${primingErrors} of the ${PRIME * KINDS.length} priming requests failed:\n${errorSamples.join("\n")}`);
    errorSamples.length = 0;

    log(`load: ${RATE} req/s for ${SECONDS} s (${total} requests), warm-up ${WARMUP_S} s, RSS bound +${BOUND_MB} MB`);
    const t0 = performance.now();
    rss.push({ t: 0, mb: rssMb(pid) });
    const sampler = setInterval(() => {
      try {
        rss.push({ t: (performance.now() - t0) / 1000, mb: rssMb(pid) });
      } catch {
        // the process is gone: the requests will say so
      }
    }, SAMPLE_MS);
    const progressEvery = Math.max(10, Math.min(60, SECONDS / 10)) * 1000;
    const progress = setInterval(() => {
      const last = rss[rss.length - 1];
      log(`${((performance.now() - t0) / 1000).toFixed(0)} s: ${done} done, ${errors} errors, ${inFlight} in flight, RSS ${last?.mb.toFixed(1)} MB`);
    }, progressEvery);

    // Open loop: request i is due at t0 + i / RATE, whatever happened to the previous ones.
    const pending: Promise<void>[] = [];
    let i = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (i < total && t0 + (i * 1000) / RATE <= now) {
          const scheduled = t0 + (i * 1000) / RATE;
          maxLagMs = Math.max(maxLagMs, now - scheduled);
          pending.push(fire(i, scheduled));
          i += 1;
        }
        if (i >= total) return resolve();
        setTimeout(tick, Math.max(0, Math.min(10, t0 + (i * 1000) / RATE - performance.now())));
      };
      tick();
    });
    await Promise.all(pending);
    const elapsedS = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    clearInterval(progress);
    rss.push({ t: elapsedS, mb: rssMb(pid) });
    const stillUp = api.exitCode === null && api.signalCode === null;

    // Stop the API the way an operator does and check it stops cleanly.
    api.kill("SIGTERM");
    const exitCode = await exited;
    api = undefined;

    const sorted = [...latencies].sort((a, b) => a - b);
    const warm = rss.find((s) => s.t >= WARMUP_S) ?? rss[rss.length - 1]!;
    const end = rss[rss.length - 1]!;
    const floor = (from: number, to: number) => Math.min(...rss.filter((s) => s.t >= from && s.t <= to).map((s) => s.mb));
    const startFloor = floor(WARMUP_S, WARMUP_S + WINDOW_S);
    const endFloor = floor(elapsedS - WINDOW_S, elapsedS);
    const growth = endFloor - startFloor;
    const after = rss.filter((s) => s.t >= WARMUP_S);
    const peak = Math.max(...rss.map((s) => s.mb));
    // Least-squares slope of RSS after the warm-up, MB per minute (a trend, not the pass criterion).
    const slope = (() => {
      if (after.length < 2) return 0;
      const mt = after.reduce((a, s) => a + s.t, 0) / after.length;
      const mm = after.reduce((a, s) => a + s.mb, 0) / after.length;
      const num = after.reduce((a, s) => a + (s.t - mt) * (s.mb - mm), 0);
      const den = after.reduce((a, s) => a + (s.t - mt) ** 2, 0);
      return den === 0 ? 0 : (num / den) * 60;
    })();
    const pass = errors === 0 && done === total && growth <= BOUND_MB && stillUp && exitCode === 0;
    const f = (n: number) => n.toFixed(1);

    log(
      `requests ${done}/${total} in ${f(elapsedS)} s (${f(done / elapsedS)} req/s), errors ${errors}, latency p50 ${f(percentile(sorted, 50))} ms, p95 ${f(percentile(sorted, 95))} ms, p99 ${f(percentile(sorted, 99))} ms, max ${f(sorted[sorted.length - 1] ?? NaN)} ms`,
    );
    const sign = (n: number) => `${n >= 0 ? "+" : ""}${f(n)}`;
    const memory =
      `RSS floor ${f(startFloor)} MB after the warm-up (${f(WARMUP_S)}-${f(WARMUP_S + WINDOW_S)} s), ${f(endFloor)} MB at the end (last ${f(WINDOW_S)} s): growth ${sign(growth)} MB (bound +${BOUND_MB} MB); ` +
      `single samples ${f(warm.mb)} MB at ${f(warm.t)} s and ${f(end.mb)} MB at the end (${sign(end.mb - warm.mb)} MB); peak ${f(peak)} MB; trend after the warm-up ${slope >= 0 ? "+" : ""}${slope.toFixed(2)} MB/min`;
    log(memory);
    for (const e of errorSamples) log(`error: ${e}`);
    log(pass ? "PASS" : `FAIL${stillUp ? "" : " (the API process died)"}${exitCode === 0 ? "" : ` (exit code ${exitCode} on SIGTERM)`}`);

    if (process.env.SOAK_WRITE_REPORT !== "0") {
      const env = [`SOAK_DATABASE=${DATABASE}`, `SOAK_RATE=${RATE}`, `SOAK_SECONDS=${SECONDS}`, `SOAK_RSS_GROWTH_BOUND_MB=${BOUND_MB}`].join(" ");
      const lines = [
        START,
        "## Soak",
        "",
        `Generated by \`${env} node apps/api/dist/bench/soak.js\` (apps/api/bench/soak.ts, after the build) on ${new Date().toISOString()}: do not edit by hand.`,
        "",
        `Method: the API process (\`node apps/api/dist/main.js\`, NODE_ENV=production) on a fresh ${DATABASE === "pglite" ? "PGlite data directory" : "PostgreSQL database"} seeded \`small\`; after ${PRIME * KINDS.length} unmeasured priming requests, ` +
          `${RATE} requests per second on a fixed open-loop schedule for ${SECONDS} s from a separate process, mixed as below; an error is a failed or timed-out request (${TIMEOUT_MS / 1000} s), a status other than 200, or a body with GraphQL \`errors\`, \`userErrors\` or an unexpected value; ` +
          `latency runs from the scheduled send time to the end of the body, percentiles are exact (nearest rank over every request). RSS (VmRSS of the API process) is sampled every ${SAMPLE_MS / 1000} s; ` +
          `as V8 lets garbage pile up between full collections (a sawtooth of ~100 MB here while the heap after each mark-compact stays flat), growth is floor to floor: the lowest RSS in the ${WINDOW_S} s after the warm-up (first ${WARMUP_S} s = 10 % of the run, at most 60 s) against the lowest RSS in the last ${WINDOW_S} s. ` +
          `Pass: no error and growth within +${BOUND_MB} MB. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}.`,
        "",
        `**${pass ? "PASS" : "FAIL"}** — ${done} requests in ${f(elapsedS)} s (${f(done / elapsedS)} req/s), ${errors} errors; latency p50 ${f(percentile(sorted, 50))} ms, p95 ${f(percentile(sorted, 95))} ms, p99 ${f(percentile(sorted, 99))} ms, max ${f(sorted[sorted.length - 1] ?? NaN)} ms; ` +
          `${memory}; at most ${maxInFlight} requests in flight, scheduler lag at most ${f(maxLagMs)} ms.`,
        "",
        "| request | share | count | errors | p50 ms | p95 ms | p99 ms |",
        "|---|---|---|---|---|---|---|",
        ...KINDS.map((k) => {
          const s = byKind.get(k.name)!;
          const ks = [...s.latencies].sort((a, b) => a - b);
          return `| ${k.name}: ${k.description} | ${k.share} % | ${s.count} | ${s.errors} | ${f(percentile(ks, 50))} | ${f(percentile(ks, 95))} | ${f(percentile(ks, 99))} |`;
        }),
        "",
        ...(errorSamples.length ? ["First errors:", "", "```", ...errorSamples, "```", ""] : []),
        `RSS samples (s: MB): ${rss.map((s) => `${s.t.toFixed(0)}: ${s.mb.toFixed(0)}`).join(", ")}.`,
        END,
      ];
      const section = lines.join("\n");
      const current = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "";
      const a = current.indexOf(START);
      const b = current.indexOf(END);
      const next =
        a >= 0 && b > a
          ? current.slice(0, a) + section + current.slice(b + END.length)
          : `${current}${current === "" || current.endsWith("\n\n") ? "" : current.endsWith("\n") ? "\n" : "\n\n"}${section}\n`;
      writeFileSync(REPORT, next);
      log(`section written to ${REPORT}`);
    }
    process.exitCode = pass ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[soak] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
