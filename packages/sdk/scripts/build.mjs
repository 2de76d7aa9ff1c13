// Builds the package twice from src/: ES modules in dist/esm and CommonJS in dist/cjs, each with
// its type declarations, then marks dist/cjs as CommonJS for Node and TypeScript (the package
// itself is "type": "module").
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const dist = new URL("../dist/", import.meta.url);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync(dist, { recursive: true, force: true });
for (const project of ["tsconfig.build.json", "tsconfig.cjs.json"]) {
  execFileSync(process.execPath, [tsc, "-p", project], { stdio: "inherit", cwd: new URL("..", import.meta.url) });
}
writeFileSync(new URL("cjs/package.json", dist), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
