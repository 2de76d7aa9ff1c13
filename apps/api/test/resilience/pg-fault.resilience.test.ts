/**
 * Database faults under load (issue 15): the API (`node dist/main.js`) runs on a throwaway
 * PostgreSQL cluster that the test starts itself (test/resilience/support/cluster.ts), while
 * WORKERS clients send createDwelling mutations, each with its own reference and Idempotency-Key.
 * The cluster is killed with SIGKILL and started again, then restarted with `pg_ctl restart -m
 * fast`, both under load. Then:
 * - the API serves again after each fault without being restarted (a mutation is acknowledged
 *   again; /readyz answers 200), and its process never exits;
 * - while the database was away, clients got 503 with Retry-After, never a 500;
 * - no acknowledged write is lost: every acknowledged reference is in the database (checked in SQL).
 * The counts (requested, acknowledged, lost, refused with 503) are printed.
 *
 * Needs the build (dist/main.js) and PostgreSQL's binaries (`pg_config --bindir`); skipped with a
 * message elsewhere.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { clusterUnavailable, startCluster, type Cluster } from "./support/cluster.js";

const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
const WORKERS = Number(process.env.ABORDABLE_FAULT_WORKERS ?? 4);
const why = clusterUnavailable();

const CREATE = `mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id reference } userErrors { field code message } } }`;

interface Counts {
  requested: number;
  acknowledged: number;
  unavailable503: number;
  withoutRetryAfter: number;
  internal500: number;
  other: number;
  networkErrors: number;
}

async function until(what: string, ok: () => Promise<boolean>, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

describe.skipIf(why !== null)(`PostgreSQL faults under load${why ? ` (skipped: ${why})` : ""}`, () => {
  let cluster: Cluster | undefined;
  let child: ChildProcess | undefined;
  let dataDir: string | undefined;
  afterAll(async () => {
    child?.kill("SIGKILL");
    cluster?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("kill -9 and fast restart of PostgreSQL: the API serves again without a restart, 503 meanwhile, no acknowledged write lost", async () => {
    cluster = startCluster();
    dataDir = await mkdtemp(path.join(tmpdir(), "abordable-pgfault-api-"));
    // Below Linux's ephemeral range (32768-60999), where port-0 listeners and outgoing connections take theirs.
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "development",
        LOG_LEVEL: "error",
        ABORDABLE_SEED: "small",
        DATABASE_URL: cluster.url,
        DATABASE_POOL_SIZE: "4",
        DATABASE_CONNECTION_TIMEOUT_MS: "2000",
        ABORDABLE_DATA_DIR: dataDir,
        ABORDABLE_RATE_LIMIT_PER_MINUTE: "1000000",
        ABORDABLE_IDEMPOTENCY_LEASE_MS: "5000",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (d) => (output = (output + d).slice(-20_000)));
    child.stderr!.on("data", (d) => (output = (output + d).slice(-20_000)));
    let exited: number | null | undefined;
    child.on("exit", (code) => (exited = code));
    const base = `http://127.0.0.1:${port}`;
    await until("API ready", async () => (await fetch(`${base}/readyz`)).ok, 240_000).catch((e) => {
      throw new Error(`${(e as Error).message}\n${output}`);
    });
    const keys = await readFile(path.join(dataDir, "demo-api-keys.txt"), "utf8");
    const landlordKey = /SOCIAL_LANDLORD.*\n\s+Authorization: Bearer (abk_\S+)/.exec(keys)![1]!;
    const post = (body: string, idem?: string) =>
      fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${landlordKey}`, ...(idem && { "idempotency-key": idem }) },
        body,
        signal: AbortSignal.timeout(60_000),
      });
    const viewer = (await (await post(JSON.stringify({ query: "{ viewer { organisation { id } } }" }))).json()) as any;
    const landlordId: string = viewer.data.viewer.organisation.id;

    const counts: Counts = { requested: 0, acknowledged: 0, unavailable503: 0, withoutRetryAfter: 0, internal500: 0, other: 0, networkErrors: 0 };
    const acked = new Set<string>();
    const samples: string[] = [];
    let n = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const i = n++;
        const reference = `FAULT-${i}`;
        const input = {
          reference,
          developerId: landlordId,
          category: "ALL_PUBLIC",
          type: "APARTMENT",
          bedrooms: i % 5,
          usefulArea: `${40 + (i % 60)}.5`,
          municipalityCode: "esch-sur-alzette",
          address: `${i}, rue de la Panne`,
        };
        counts.requested += 1;
        try {
          const res = await post(JSON.stringify({ query: CREATE, variables: { input } }), `fault-${randomUUID()}`);
          const text = await res.text();
          if (res.status === 200) {
            const p = JSON.parse(text).data?.createDwelling;
            if (p && p.userErrors.length === 0 && p.dwelling?.reference === reference) {
              counts.acknowledged += 1;
              acked.add(reference);
              continue;
            }
            counts.other += 1;
            if (samples.length < 5) samples.push(`200 ${text.slice(0, 300)}`);
          } else if (res.status === 503) {
            counts.unavailable503 += 1;
            if (!res.headers.get("retry-after")) counts.withoutRetryAfter += 1;
            await new Promise((r) => setTimeout(r, 100));
          } else {
            if (res.status >= 500) counts.internal500 += 1;
            else counts.other += 1;
            if (samples.length < 5) samples.push(`${res.status} ${text.slice(0, 300)}`);
          }
        } catch {
          counts.networkErrors += 1;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, worker);
    const ackedAfter = async (min: number) => until(`a mutation acknowledged (${min} so far needed)`, async () => counts.acknowledged >= min);

    await ackedAfter(20);
    // Fault 1: the postmaster killed with SIGKILL (its backends die with it), then started again.
    cluster.kill();
    await new Promise((r) => setTimeout(r, 1_000));
    await until(
      "cluster started again after SIGKILL",
      async () => {
        cluster!.start();
        return true;
      },
      60_000,
    );
    const afterKill = counts.acknowledged;
    await ackedAfter(afterKill + 20);
    // Fault 2: pg_ctl restart -m fast under load.
    cluster.restartFast();
    const afterRestart = counts.acknowledged;
    await ackedAfter(afterRestart + 20);
    stop = true;
    await Promise.all(workers);
    await until("/readyz 200", async () => (await fetch(`${base}/readyz`)).ok, 30_000);

    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const rows = (await client.query<{ reference: string }>(`SELECT reference FROM "Dwelling" WHERE reference LIKE 'FAULT-%'`)).rows;
    await client.end();
    const stored = new Set(rows.map((r) => r.reference));
    const lost = [...acked].filter((r) => !stored.has(r));
    // The numbers this run produced (for the issue's closing note).
    console.log(
      `PostgreSQL fault run (SIGKILL + restart, fast restart; ${WORKERS} clients): requested ${counts.requested}, acknowledged ${counts.acknowledged}, lost ${lost.length}, ` +
        `503 ${counts.unavailable503} (without Retry-After ${counts.withoutRetryAfter}), 5xx other than 503 ${counts.internal500}, other ${counts.other}, network errors ${counts.networkErrors}; stored ${stored.size}`,
    );
    if (samples.length) console.log(`samples:\n${samples.join("\n")}`);

    expect(exited, `the API process exited:\n${output}`).toBeUndefined();
    expect(lost).toEqual([]);
    expect(counts.internal500, samples.join("\n")).toBe(0);
    expect(counts.withoutRetryAfter).toBe(0);
    // Nothing was stored that the client was not told about beyond requests cut by the faults.
    expect(stored.size).toBeGreaterThanOrEqual(counts.acknowledged);
  });
});
