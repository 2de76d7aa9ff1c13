/**
 * PGlite on a full disk (issue 15 §3). The embedded database's data directory is put on a small
 * tmpfs that the test mounts itself; the API (`node dist/main.js`) is started on it with a
 * free-space guard of MIN_FREE_MB (ABORDABLE_PGLITE_MIN_FREE_MB; more than one 16 MB WAL segment,
 * so that PGlite itself never meets ENOSPC, on which it would spin). A filler file takes the
 * space down to a little above the guard, and WORKERS clients then create dwellings through the
 * API until the disk is full (the API refuses writes). Then:
 * - every request while full is answered 503 with Retry-After: never a 500, never a hang (each
 *   request has a timeout); /readyz answers 503;
 * - once the filler is removed the API serves writes again, without a restart;
 * - with the disk full again, SIGTERM stops the process (exit 0) within SIGTERM_LIMIT_MS;
 * - no acknowledged create is lost and no refused one is there: the dwellings are counted in the
 *   data directory (opened in this process) against the acknowledgements.
 * The counts (requests, acknowledged, refused, lost) are printed.
 *
 * Needs the build (dist/main.js) and permission to mount a tmpfs (root); skipped with a message
 * otherwise. Runs in the resilience suite (about a minute: the seed runs on the tmpfs).
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statfsSync, writeFileSync, unlinkSync, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { CREATE_DWELLING, dwellingInput, parseKeys, post, startApi, waitReady, type ApiProcess } from "./support/api-process.js";

const SIZE_MB = 112;
const MIN_FREE_MB = 24;
const WORKERS = 4;
const REQUEST_TIMEOUT_MS = 15_000;
const SIGTERM_LIMIT_MS = 10_000;

/** Why a tmpfs cannot be mounted here (tried once), or null. */
function mountUnavailable(): string | null {
  if (process.platform !== "linux") return `not Linux (${process.platform})`;
  const dir = mkdtempSync(path.join(tmpdir(), "abordable-mount-probe-"));
  try {
    const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], { encoding: "utf8" });
    if (r.error) return `mount not runnable (${r.error.message})`;
    if (r.status !== 0) return `mount -t tmpfs not permitted: ${(r.stderr || r.stdout).trim()}`;
    spawnSync("umount", [dir]);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// PGlite only: the PostgreSQL pass of the resilience suite (ABORDABLE_TEST_DATABASE_URL set) does not run it twice.
const why = process.env.ABORDABLE_TEST_DATABASE_URL ? "PGlite only, run in the PGlite pass" : mountUnavailable();
const freeBytes = (dir: string) => {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
};

describe.skipIf(why !== null)(`PGlite on a full disk (tmpfs of ${SIZE_MB} MB)${why ? ` (skipped: ${why})` : ""}`, () => {
  const mnt = why === null ? mkdtempSync(path.join(tmpdir(), "abordable-diskfull-")) : "";
  let api: ApiProcess | undefined;
  afterAll(async () => {
    if (api && !api.gone()) {
      api.child.kill("SIGKILL");
      await api.exited;
    }
    if (mnt) {
      spawnSync("umount", [mnt]);
      rmSync(mnt, { recursive: true, force: true });
    }
  });

  it("writes get 503 with Retry-After while the disk is full, /readyz 503, SIGTERM works, writes resume when space returns, nothing acknowledged is lost", async () => {
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${SIZE_MB}m`, "tmpfs", mnt], { encoding: "utf8" });
    expect(mounted.status, mounted.stderr).toBe(0);
    const dataDir = path.join(mnt, "data");
    const filler = path.join(mnt, "filler");
    const log = (m: string) => console.log(`[disk full] ${m}`);

    api = startApi({
      ABORDABLE_DATA_DIR: dataDir,
      ABORDABLE_SEED: "small",
      ABORDABLE_PGLITE_MIN_FREE_MB: String(MIN_FREE_MB),
      ABORDABLE_RATE_LIMIT_PER_MINUTE: "1000000",
    });
    await waitReady(api);
    const key = parseKeys(await readFile(path.join(dataDir, "demo-api-keys.txt"), "utf8")).find((k) => k.role === "SOCIAL_LANDLORD")!.key;
    const landlordId: string = (await post(api, key, { query: "{ viewer { organisation { id } } }" })).json.data.viewer.organisation.id;
    log(`seeded; ${(freeBytes(mnt) / 1048576).toFixed(1)} MB free of ${SIZE_MB}`);

    const acked = new Set<string>();
    /** References whose create was refused with 503: "nothing was applied", so they must be absent. */
    const refused = new Set<string>();
    /** Requests without an answer (timeouts): either outcome is allowed for those. */
    const unanswered = new Set<string>();
    const counts = { requests: 0, acknowledged: 0, refused503: 0, without503RetryAfter: 0, internal500: 0, other: 0, timeouts: 0, cutBySigterm: 0 };
    /** Set once SIGTERM is about to be sent: a request the stopping process no longer takes is not a hang. */
    let terminating = false;
    const samples: string[] = [];
    let n = 0;
    const reasons = new Set<string>();
    /** One create through the API; returns what happened. */
    const create = async (): Promise<"ack" | "503" | "other"> => {
      const i = n++;
      const reference = `DISK-${i}`;
      counts.requests += 1;
      try {
        const res = await post(
          api!,
          key,
          { query: CREATE_DWELLING, variables: { input: dwellingInput(i, reference, landlordId) } },
          { idempotencyKey: `disk-${randomUUID()}`, timeoutMs: REQUEST_TIMEOUT_MS },
        );
        const p = res.json.data?.createDwelling;
        if (res.status === 200 && p && p.userErrors.length === 0 && p.dwelling?.reference === reference) {
          counts.acknowledged += 1;
          acked.add(reference);
          return "ack";
        }
        if (res.status === 503) {
          counts.refused503 += 1;
          refused.add(reference);
          reasons.add(String(res.json.errors?.[0]?.extensions?.reason));
          if (!res.headers.get("retry-after")) counts.without503RetryAfter += 1;
          return "503";
        }
        if (res.status >= 500) counts.internal500 += 1;
        else counts.other += 1;
        if (samples.length < 5) samples.push(`HTTP ${res.status} ${res.text.slice(0, 300)}`);
        return "other";
      } catch (error) {
        unanswered.add(reference);
        if (terminating && (error as Error).name !== "TimeoutError") {
          counts.cutBySigterm += 1;
          return "other";
        }
        counts.timeouts += 1;
        if (samples.length < 5) samples.push(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${(error as Error).name}`);
        return "other";
      }
    };
    /** WORKERS clients creating until `stop` says so (or `max` requests in all). */
    const stream = async (stop: (outcome: "ack" | "503" | "other") => boolean, max: number) => {
      let done = false;
      let sent = 0;
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          while (!done && sent < max) {
            sent += 1;
            if (stop(await create())) done = true;
          }
        }),
      );
      return done;
    };
    const fill = (leaveBytes: number) => {
      const size = Math.max(0, freeBytes(mnt) - leaveBytes);
      writeFileSync(filler, Buffer.alloc(size));
      return size;
    };

    // ---- 1. the disk fills up through the API's writes
    const fillerBytes = fill((MIN_FREE_MB + 1) * 1048576);
    log(`filler of ${(fillerBytes / 1048576).toFixed(1)} MB; ${(freeBytes(mnt) / 1048576).toFixed(1)} MB free`);
    const ackedBeforeFull = counts.acknowledged;
    expect(await stream((o) => o === "503", 20_000), "the disk never filled up").toBe(true);
    log(`full after ${counts.acknowledged - ackedBeforeFull} acknowledged creates; ${(freeBytes(mnt) / 1048576).toFixed(1)} MB free`);

    // ---- 2. while full: every request 503 with Retry-After, /readyz 503
    const whileFull = { ...counts };
    await stream(() => false, 40);
    const read = await post(api, key, { query: "{ viewer { organisation { id } } }" }, { timeoutMs: REQUEST_TIMEOUT_MS }).catch((e: Error) => ({
      status: -1,
      headers: new Headers(),
      text: e.name,
      json: {},
    }));
    const readyz = await fetch(`${api.base}/readyz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const readyzBody = await readyz.text();
    log(
      `while full: 40 creates -> ${counts.refused503 - whileFull.refused503} x 503, ${counts.acknowledged - whileFull.acknowledged} acknowledged; a read -> ${read.status}; /readyz -> ${readyz.status} ${readyzBody.slice(0, 200)}`,
    );
    expect(counts.refused503 - whileFull.refused503).toBe(40);
    expect([200, 503]).toContain(read.status);
    if (read.status === 503) expect(read.headers.get("retry-after")).toBeTruthy();
    expect(readyz.status).toBe(503);
    expect(readyz.headers.get("retry-after")).toBeTruthy();
    expect(readyzBody).toMatch(/disk/i);

    // ---- 3. space returns: writes are served again by the same process
    unlinkSync(filler);
    const ackedBeforeFree = counts.acknowledged;
    let attempts = 0;
    // The guard looks at the disk at most every 250 ms: the first attempts may still be refused.
    expect(await stream((o) => (attempts++, o === "ack"), 200), "no write was served after the space returned").toBe(true);
    await stream(() => false, 40);
    const ackedAfterFree = counts.acknowledged - ackedBeforeFree;
    log(`space freed: ${attempts} attempts until the first write was served, then ${ackedAfterFree} acknowledged (no restart)`);
    expect(api.gone()).toBe(false);
    expect(ackedAfterFree).toBeGreaterThanOrEqual(40);
    expect((await fetch(`${api.base}/readyz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })).status).toBe(200);

    // ---- 4. full again, with writes in flight: SIGTERM stops the process
    fill((MIN_FREE_MB - 4) * 1048576);
    expect(await stream((o) => o === "503", 20_000)).toBe(true);
    terminating = true;
    const inFlight = stream(() => false, 8);
    const termAt = Date.now();
    api.child.kill("SIGTERM");
    const code = await Promise.race([api.exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), SIGTERM_LIMIT_MS))]);
    const stopMs = Date.now() - termAt;
    await inFlight;
    log(`SIGTERM while full: ${code === "still running" ? `still running after ${SIGTERM_LIMIT_MS} ms` : `exited with ${code} in ${stopMs} ms`}`);
    expect(code, api.output().slice(-2000)).toBe(0);

    // ---- 5. the ledger against the data directory
    unlinkSync(filler);
    expect(existsSync(filler)).toBe(false);
    const db = await PGlite.create(dataDir);
    const rows = (await db.query<{ reference: string }>(`SELECT reference FROM "Dwelling" WHERE reference LIKE 'DISK-%'`)).rows.map((r) => r.reference);
    const audits = (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'createDwelling' AND after->>'reference' LIKE 'DISK-%'`)
    ).rows[0]!.n;
    await db.close();
    const stored = new Set(rows);
    const lost = [...acked].filter((r) => !stored.has(r));
    const appliedThoughRefused = [...refused].filter((r) => stored.has(r));
    log(
      `requests ${counts.requests}, acknowledged ${counts.acknowledged}, refused 503 ${counts.refused503} (without Retry-After ${counts.without503RetryAfter}; reasons ${[...reasons].join(", ")}), ` +
        `500 ${counts.internal500}, other ${counts.other}, no answer ${counts.timeouts}, refused by the stopping process ${counts.cutBySigterm}; rows ${rows.length} (audit events ${audits}), lost ${lost.length}, refused but applied ${appliedThoughRefused.length}`,
    );
    if (samples.length) log(`samples:\n${samples.join("\n")}`);
    expect(counts.internal500, samples.join("\n")).toBe(0);
    expect(counts.timeouts, samples.join("\n")).toBe(0);
    expect(counts.other, samples.join("\n")).toBe(0);
    expect(counts.without503RetryAfter).toBe(0);
    expect(lost).toEqual([]);
    expect(appliedThoughRefused).toEqual([]);
    expect(rows.length).toBe(stored.size);
    expect(audits).toBe(rows.length);
  });
});
