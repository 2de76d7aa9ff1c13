/**
 * The built package (dist/, from `npm run build`): loads as CommonJS and as ES modules in Node,
 * type-checks for both kinds of TypeScript consumers, bundles for a browser with no Node
 * built-ins, and tree-shakes the operations a bundle does not use.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rolldown } from "rolldown";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = existsSync(new URL("../dist/esm/index.js", import.meta.url)) && existsSync(new URL("../dist/cjs/index.js", import.meta.url));
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" });

async function bundle(entry: string): Promise<string> {
  const build = await rolldown({ input: fileURLToPath(new URL(`./fixtures/${entry}`, import.meta.url)), platform: "browser", cwd: root, logLevel: "silent" });
  const { output } = await build.generate({ format: "esm", minify: true });
  await build.close();
  return output.map((chunk) => ("code" in chunk ? chunk.code : "")).join("\n");
}

describe.skipIf(!built)("the built package", () => {
  it("loads with require() (CommonJS) and import (ES modules)", () => {
    const cjs = node(["-e", `const s = require("@abordable/sdk"); const D = require("decimal.js"); console.log(typeof s.createClient, s.ViewerDocument.name, new s.Decimal("0.1").plus("0.2").toFixed(), new s.Decimal(1) instanceof D)`]);
    expect(cjs.trim()).toBe("function Viewer 0.3 true");
    const esm = node(["--input-type=module", "-e", `import { createClient, ViewerDocument, RateLimitError } from "@abordable/sdk"; console.log(typeof createClient, ViewerDocument.name, new RateLimitError("x").name)`]);
    expect(esm.trim()).toBe("function Viewer RateLimitError");
  });

  it("type-checks CommonJS and ES-module TypeScript consumers against the declarations", () => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const out = node([tsc, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--lib", "es2023,dom", "--skipLibCheck", "false", "test/fixtures/consumer.cts", "test/fixtures/consumer.mts"]);
    expect(out).toBe("");
  });

  it("bundles for a browser, without Node built-ins, and tree-shakes unused operations", async () => {
    const whole = await bundle("browser-client.mjs");
    expect(whole).not.toMatch(/from\s*"node:|require\(/);
    expect(whole).toContain("query Dwellings");
    expect(whole).toContain("mutation CreateDwelling");
    const one = await bundle("browser-one-operation.mjs");
    expect(one).toContain("query Viewer");
    expect(one).not.toContain("query Dwellings");
    expect(one).not.toContain("mutation CreateDwelling");
    console.log(`browser bundle (minified, decimal.js included): whole client ${whole.length} B, one operation ${one.length} B`);
  });
});
