// Proves the SDK installs and works as a partner gets it, outside the monorepo:
//   1. `npm pack` of the package (scripts/pack.mjs);
//   2. a scratch project in a fresh temporary directory, `npm install <tarball>` (its other
//      dependencies — typescript, @types/node, @graphql-typed-document-node/core — from the npm
//      registry);
//   3. graphql-codegen's client preset with the codegen config and the SDL shipped in the tarball,
//      for the partner's own documents (partner/src/operations.graphql);
//   4. `tsc` on a strict consumer (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess,
//      skipLibCheck off), and a consumer passing an unset environment variable as the key, which
//      must not compile;
//   5. the compiled consumer run against a live API: the built API (`node apps/api/dist/main.js`)
//      on PGlite in a temporary data directory, on a free port, seeded as on a first start.
// Prints one JSON line with what the consumer saw; exits 1 on any failure.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pack } from "./pack.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const apiMain = path.join(root, "../../apps/api/dist/main.js");
const codegenBin = path.join(root, "node_modules/@graphql-codegen/cli/cjs/bin.js");
const SCRATCH_DEPS = ["typescript@5.9.3", "@types/node@20.19.43", "@graphql-typed-document-node/core@3.2.0"];

const started = Date.now();
const log = (message) => process.stderr.write(`[partner-check +${((Date.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
const run = (cmd, args, cwd, env = {}) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startApi(dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [apiMain], {
    env: { ...process.env, ABORDABLE_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", NODE_ENV: "development", DATABASE_URL: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // Readiness is polled (the process prints no "ready" line on stdout at warn level); bounded by the process exiting.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const keys = readFileSync(path.join(dataDir, "demo-api-keys.txt"), "utf8").split("\n");
  const at = keys.findIndex((line) => line.startsWith("SOCIAL_LANDLORD"));
  const key = /Bearer (abk_\S+)/.exec(keys[at + 1] ?? "")?.[1];
  if (!key) throw new Error("no SOCIAL_LANDLORD demo key");
  return { url: `http://127.0.0.1:${port}/graphql`, key, stop: async () => (child.kill("SIGTERM"), await exited) };
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

export async function partnerCheck() {
  const work = mkdtempSync(path.join(tmpdir(), "abordable-partner-"));
  let api;
  try {
    log("npm pack");
    const { tarball, files, version } = pack(path.join(work, "release"));
    check(
      files.includes("schema.graphql") &&
        files.includes("LICENSE") &&
        files.includes("CHANGELOG.md") &&
        files.includes("dist/cjs/index.js") &&
        files.includes("dist/esm/index.d.ts"),
      `tarball misses files: ${files.join(", ")}`,
    );

    const scratch = path.join(work, "scratch");
    cpSync(path.join(root, "partner"), scratch, { recursive: true, filter: (src) => !/codegen\.ts$|[/\\](gql|dist|node_modules)([/\\]|$)/.test(src) });
    writeFileSync(path.join(scratch, "package.json"), `${JSON.stringify({ name: "partner-scratch", private: true, type: "module" }, null, 2)}\n`);
    log(`npm install ${path.basename(tarball)} in ${scratch}`);
    run("npm", ["install", "--no-audit", "--no-fund", "--save-exact", tarball, ...SCRATCH_DEPS], scratch);
    const installed = JSON.parse(readFileSync(path.join(scratch, "node_modules/@abordable/sdk/package.json"), "utf8"));
    check(
      installed.version === version && !JSON.stringify(installed).includes("workspace:"),
      "installed package.json names a workspace: dependency or another version",
    );

    log("graphql-codegen (client preset) with the shipped config and SDL");
    cpSync(path.join(scratch, "node_modules/@abordable/sdk/codegen.partner.ts"), path.join(scratch, "codegen.ts"));
    // The codegen CLI and preset are the monorepo's (the same pinned versions a partner installs), to keep the scratch install small.
    run(process.execPath, [codegenBin, "--config", "codegen.ts"], scratch, { NODE_PATH: path.join(root, "node_modules") });

    log("tsc: strict consumer");
    const tsc = path.join(scratch, "node_modules/typescript/bin/tsc");
    try {
      run(process.execPath, [tsc, "-p", "tsconfig.json"], scratch);
    } catch (e) {
      throw new Error(`the strict consumer does not type-check:\n${e.stdout}${e.stderr}`);
    }
    let unset = "";
    try {
      run(
        process.execPath,
        [
          tsc,
          "--noEmit",
          "--strict",
          "--exactOptionalPropertyTypes",
          "--module",
          "nodenext",
          "--moduleResolution",
          "nodenext",
          "--types",
          "node",
          "src/unset-key.ts",
        ],
        scratch,
      );
    } catch (e) {
      unset = String(e.stdout);
    }
    check(
      /src\/unset-key\.ts.*error TS2322.*'string \| undefined' is not assignable to type 'string'/s.test(unset),
      `an unset environment variable as apiKey compiled:\n${unset}`,
    );

    log("the consumer against a live API (built API on PGlite)");
    api = await startApi(path.join(work, "api-data"));
    const out = run(process.execPath, ["dist/main.js"], scratch, { ABORDABLE_ENDPOINT: api.url, ABORDABLE_API_KEY: api.key });
    const seen = JSON.parse(out.trim().split("\n").at(-1));
    check(seen.sdkVersion === version && seen.userAgent === `abordable-sdk/${version}`, `version / User-Agent: ${out}`);
    check(seen.areaIsDecimal === true && typeof seen.reference === "string", `custom query: ${out}`);
    check(seen.updatedArea === seen.expectedArea && seen.userErrors.length === 0, `custom mutation: ${out}`);
    check(/^[0-9a-f-]{36}$/.test(seen.mutationIdempotencyKey ?? ""), `custom mutation without an Idempotency-Key: ${out}`);
    check(seen.elapsed === true, `events without elapsed time: ${out}`);
    check(seen.authentication === "AuthenticationError 401 UNAUTHENTICATED", `unknown key: ${out}`);
    return seen;
  } finally {
    await api?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const seen = await partnerCheck();
    process.stdout.write(`${JSON.stringify(seen)}\n`);
    log("ok: installed from the tarball, custom typed query and mutation against a live API");
  } catch (error) {
    log(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}
