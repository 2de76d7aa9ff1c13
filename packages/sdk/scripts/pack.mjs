// Packs @abordable/sdk as a partner installs it: builds dist/ (ESM + CJS + declarations), stages
// the publishable files — dist, README, LICENSE, CHANGELOG, the API's SDL (schema.graphql), the
// partners' codegen config and the example — with a package.json stripped of what only the
// monorepo uses (scripts, devDependencies with their `workspace:` protocol), and runs `npm pack`
// there. Prints the tarball's path; `node scripts/pack.mjs <dir>` writes it to <dir>.
//
// Self-contained: the package's only runtime dependency is decimal.js (from the registry); the
// SDL and the generated types are copied in, nothing is resolved from the workspace.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const FILES = ["dist", "README.md", "LICENSE", "CHANGELOG.md", "schema.graphql", "codegen.partner.ts", "examples/landlord-report.mjs"];

/** `build: false` packs the dist/ already built (e.g. by turbo), without rebuilding it under running tests. */
export function pack(destination = path.join(root, ".pack"), { build = true } = {}) {
  if (build) execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], { stdio: "inherit", cwd: root });
  const stage = mkdtempSync(path.join(tmpdir(), "abordable-sdk-stage-"));
  mkdirSync(path.join(stage, "examples"), { recursive: true });
  cpSync(path.join(root, "dist"), path.join(stage, "dist"), { recursive: true });
  for (const file of ["README.md", "LICENSE", "CHANGELOG.md", "examples/landlord-report.mjs"]) cpSync(path.join(root, file), path.join(stage, file));
  cpSync(path.join(root, "../../apps/api/schema.graphql"), path.join(stage, "schema.graphql"));
  cpSync(path.join(root, "partner/codegen.ts"), path.join(stage, "codegen.partner.ts"));

  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const { scripts: _scripts, devDependencies: _dev, private: _private, ...published } = pkg;
  published.files = FILES;
  published.exports = { ...pkg.exports, "./schema.graphql": "./schema.graphql" };
  const text = `${JSON.stringify(published, null, 2)}\n`;
  if (text.includes("workspace:")) throw new Error("the published package.json still names a workspace: dependency");
  writeFileSync(path.join(stage, "package.json"), text);

  mkdirSync(destination, { recursive: true });
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", destination], { cwd: stage, encoding: "utf8" });
  const [info] = JSON.parse(out);
  rmSync(stage, { recursive: true, force: true });
  return {
    tarball: path.join(destination, info.filename),
    files: info.files.map((/** @type {{ path: string }} */ f) => f.path),
    version: pkg.version,
    packageJson: published,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { tarball } = pack(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  process.stdout.write(`${tarball}\n`);
}
