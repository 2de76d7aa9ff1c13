/**
 * GraphiQL renders in a real browser with the network off (issue 2, "Done when"): headless
 * Chromium loads the page from the in-process API, with every non-loopback request sent to a dead
 * proxy, runs its scripts, and the DOM it dumps holds GraphiQL's editor with the default query.
 * Needs Debian's chromium (/usr/bin/chromium, or ABORDABLE_CHROMIUM); CI's machine has it. Where
 * no browser is installed the test says so and is skipped.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";

const CHROMIUM = process.env.ABORDABLE_CHROMIUM ?? "/usr/bin/chromium";
const HAVE_BROWSER = existsSync(CHROMIUM);
if (!HAVE_BROWSER) console.warn(`GraphiQL browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!HAVE_BROWSER)("GraphiQL in headless Chromium, network off", () => {
  let api: TestApi;
  let profile: string;
  beforeAll(async () => {
    api = await startTestApi();
    profile = await mkdtemp(path.join(tmpdir(), "abordable-chromium-"));
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it("renders the explorer with the default query from local assets only", async () => {
    const { stdout } = await promisify(execFile)(
      CHROMIUM,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${profile}`,
        // Network off: anything not on loopback goes to a proxy that does not exist.
        "--proxy-server=http://127.0.0.1:9",
        "--proxy-bypass-list=127.0.0.1;localhost",
        "--virtual-time-budget=15000",
        "--dump-dom",
        api.url,
      ],
      { timeout: 90_000, maxBuffer: 1 << 26 },
    );
    // GraphiQL mounted its editor (not just the static HTML shell) and shows our default query.
    expect(stdout).toContain("graphiql-container");
    expect(stdout).toMatch(/graphiql-(query-)?editor/);
    expect(stdout).toContain("FirstDwellings");
    // The note on where the API key goes is in the page, over the explorer.
    expect(stdout).toContain("abordable-auth-note");
  }, 120_000);
});
