/**
 * The run command's process, as a user runs it: `node dist/main.js` on an embedded database in a
 * fresh data directory. First start seeds and serves; SIGTERM stops it cleanly; a restart keeps
 * the data and does not seed again. Needs the build (turbo runs it before the tests).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));

function start(dataDir: string, port: number): { child: ChildProcess; output: () => string; stdout: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ABORDABLE_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "development", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let stdout = "";
  child.stdout!.on("data", (d) => {
    out += d;
    stdout += d;
  });
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, stdout: () => stdout, exited };
}

async function waitForHealth(port: number, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`API on port ${port} did not become ready`);
}

describe("the API process (node dist/main.js)", () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

  it("seeds on first start, stops cleanly on SIGTERM, and keeps its data across a restart", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "abordable-run-"));
    // Below Linux's ephemeral range (32768-60999), where port-0 listeners and outgoing connections take theirs.
    const port = 20_000 + Math.floor(Math.random() * 12_000);

    const first = start(dataDir, port);
    children.push(first.child);
    await waitForHealth(port);
    expect(first.output()).toContain("Demo API keys");
    const keys = await readFile(path.join(dataDir, "demo-api-keys.txt"), "utf8");
    const key = /Bearer (abk_\S+)/.exec(keys)![1]!;
    const query = async () =>
      (await (
        await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
          body: JSON.stringify({ query: "{ dwellings(first: 1) { totalCount } }" }),
        })
      ).json()) as { data: { dwellings: { totalCount: number } } };
    const before = (await query()).data.dwellings.totalCount;
    expect(before).toBeGreaterThan(0);

    const started = Date.now();
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(first.output()).toContain('"msg":"stopped"');
    // stdout is the JSON log stream, one object per line: the demo keys and the GraphiQL hint go to stderr.
    const notJson = first
      .stdout()
      .split("\n")
      .filter((line) => line.trim() !== "")
      .filter((line) => {
        try {
          return typeof JSON.parse(line) !== "object";
        } catch {
          return true;
        }
      });
    expect(notJson).toEqual([]);
    expect(first.stdout()).not.toContain(key);
    expect(first.stdout()).toContain('"msg":"demo API keys issued"');

    const second = start(dataDir, port);
    children.push(second.child);
    await waitForHealth(port);
    expect(second.output()).not.toContain("Demo API keys");
    expect((await query()).data.dwellings.totalCount).toBe(before);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 120_000);

  it("refuses to start on a bad configuration, naming each bad variable", async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: "http", ABORDABLE_SEED: "huge", DATABASE_URL: "mysql://x" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(err).toContain('PORT="http"');
    expect(err).toContain('ABORDABLE_SEED="huge"');
    expect(err).toContain("DATABASE_URL must be a postgresql://");
  });
});
