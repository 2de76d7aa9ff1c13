/**
 * ABORDABLE_PGLITE_FSYNC=true must reach the disk. PGlite's file system layer (Emscripten NODEFS)
 * turns PostgreSQL's fsync calls into no-ops, so with fsync "on" nothing was ever flushed; the
 * PGlite gate (db/database.ts, PgliteGate.flush) flushes the write-ahead log itself after every
 * operation. Counted with strace in a child process that opens the database from the build and
 * commits COMMITS inserts: fsync off, no flush at all; fsync on, at least one fdatasync per commit.
 * The counts and the time per commit are printed. Skipped with a message without strace.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DATABASE = fileURLToPath(new URL("../../dist/db/database.js", import.meta.url));
const COMMITS = 50;
const probe = spawnSync("strace", ["-V"], { encoding: "utf8" });
const why = process.env.ABORDABLE_TEST_DATABASE_URL ? "PGlite only, run in the PGlite pass" : probe.status === 0 ? null : "strace is not installed";

function run(fsync: boolean): { flushes: number; msPerCommit: number } {
  const dir = mkdtempSync(path.join(tmpdir(), "abordable-fsync-"));
  try {
    const script = path.join(dir, "run.mjs");
    writeFileSync(
      script,
      `import { openDatabase } from ${JSON.stringify(DATABASE)};
const db = await openDatabase({ kind: "pglite", dataDir: ${JSON.stringify(path.join(dir, "data"))}, fsync: ${fsync}, minFreeBytes: 0 });
await db.prisma.$executeRawUnsafe("CREATE TABLE fsync_probe (id serial PRIMARY KEY, v text)");
const t0 = performance.now();
for (let i = 0; i < ${COMMITS}; i++) await db.prisma.$executeRawUnsafe("INSERT INTO fsync_probe (v) VALUES ($1)", "v" + i);
process.stdout.write("ms " + ((performance.now() - t0) / ${COMMITS}).toFixed(2) + "\\n");
await db.close();
`,
    );
    const summary = path.join(dir, "strace.txt");
    const r = spawnSync("strace", ["-f", "-c", "-o", summary, "-e", "trace=fsync,fdatasync,syncfs,sync_file_range", process.execPath, script], {
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const text = spawnSync("cat", [summary], { encoding: "utf8" }).stdout;
    const flushes = [...text.matchAll(/^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(fsync|fdatasync|syncfs|sync_file_range)\s*$/gm)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    return { flushes, msPerCommit: Number(/ms ([\d.]+)/.exec(r.stdout)?.[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(why !== null)(`PGlite fsync setting${why ? ` (skipped: ${why})` : ""}`, () => {
  it(`fsync on flushes the write-ahead log once per commit at least; fsync off flushes nothing (${COMMITS} commits)`, () => {
    const off = run(false);
    const on = run(true);
    console.log(
      `[fsync] ${COMMITS} commits: fsync off ${off.flushes} flush calls, ${off.msPerCommit} ms per commit; fsync on ${on.flushes} flush calls, ${on.msPerCommit} ms per commit`,
    );
    expect(off.flushes).toBe(0);
    expect(on.flushes).toBeGreaterThanOrEqual(COMMITS);
  });
});
