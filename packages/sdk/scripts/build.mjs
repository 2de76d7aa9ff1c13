// Builds the package twice from src/: ES modules in dist/esm and CommonJS in dist/cjs, each with
// its type declarations, then marks dist/cjs as CommonJS for Node and TypeScript (the package
// itself is "type": "module"). First writes src/version.ts from package.json, so that the
// User-Agent the SDK sends names the version being built (changesets bumps package.json).
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const dist = new URL("../dist/", import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const versionFile = new URL("../src/version.ts", import.meta.url);
const versionText = `// Written by scripts/build.mjs from package.json (test/package.test.ts checks they agree).\n/** The SDK's version, sent in \`User-Agent: abordable-sdk/<version>\`. */\nexport const SDK_VERSION = ${JSON.stringify(version)};\n`;
if (readFileSync(versionFile, "utf8") !== versionText) writeFileSync(versionFile, versionText);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync(dist, { recursive: true, force: true });
for (const project of ["tsconfig.build.json", "tsconfig.cjs.json"]) {
  execFileSync(process.execPath, [tsc, "-p", project], { stdio: "inherit", cwd: new URL("..", import.meta.url) });
}
writeFileSync(new URL("cjs/package.json", dist), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
