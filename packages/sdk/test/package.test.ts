/**
 * The built package (dist/, from `npm run build`): loads as CommonJS and as ES modules in Node,
 * type-checks for both kinds of TypeScript consumers, bundles for a browser with no Node
 * built-ins, and tree-shakes the operations a bundle does not use.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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
    const cjs = node([
      "-e",
      `const s = require("@abordable/sdk"); const D = require("decimal.js"); console.log(typeof s.createClient, s.ViewerDocument.name, new s.Decimal("0.1").plus("0.2").toFixed(), new s.Decimal(1) instanceof D)`,
    ]);
    expect(cjs.trim()).toBe("function Viewer 0.3 true");
    const esm = node([
      "--input-type=module",
      "-e",
      `import { createClient, ViewerDocument, RateLimitError } from "@abordable/sdk"; console.log(typeof createClient, ViewerDocument.name, new RateLimitError("x").name)`,
    ]);
    expect(esm.trim()).toBe("function Viewer RateLimitError");
  });

  it("type-checks CommonJS and ES-module TypeScript consumers against the declarations", () => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const out = node([
      tsc,
      "--noEmit",
      "--strict",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
      "--lib",
      "es2023,dom",
      "--skipLibCheck",
      "false",
      "test/fixtures/consumer.cts",
      "test/fixtures/consumer.mts",
    ]);
    expect(out).toBe("");
    // A full tsc over the declarations (skipLibCheck off) takes a few seconds alone, but over a
    // minute on the shared 2-core machine under load: a limit well above that, not a speed check.
  }, 240_000);

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

  it("names the package's version in src/version.ts (the User-Agent) as in package.json", () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(readFileSync(new URL("../src/version.ts", import.meta.url), "utf8")).toContain(`SDK_VERSION = ${JSON.stringify(version)}`);
    const esm = node(["--input-type=module", "-e", `import { SDK_VERSION } from "@abordable/sdk"; console.log(SDK_VERSION)`]);
    expect(esm.trim()).toBe(version);
  });

  it("packs a tarball whose README links resolve inside it, without a workspace: dependency", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sdk-pack-"));
    try {
      const script: string = new URL("../scripts/pack.mjs", import.meta.url).href;
      const { pack } = (await import(script)) as { pack: (dir: string, o: { build: boolean }) => { tarball: string; files: string[]; packageJson: object } };
      const { files, packageJson } = pack(dir, { build: false });
      for (const f of [
        "LICENSE",
        "CHANGELOG.md",
        "README.md",
        "schema.graphql",
        "codegen.partner.ts",
        "package.json",
        "dist/esm/index.js",
        "dist/esm/index.d.ts",
        "dist/cjs/index.js",
        "dist/cjs/index.d.ts",
      ])
        expect(files).toContain(f);
      expect(files.some((f) => f.startsWith("src/") || f.startsWith("test/"))).toBe(false);
      const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
      const links = [...readme.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)/g)].map((m) => m[1]!.replace(/^\.\//, ""));
      expect(links.length).toBeGreaterThan(2);
      for (const link of links)
        expect(
          files.some((f) => f === link || f.startsWith(`${link.replace(/\/$/, "")}/`)),
          link,
        ).toBe(true);
      expect(JSON.stringify(packageJson)).not.toContain("workspace:");
      expect(packageJson).not.toHaveProperty("devDependencies");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
