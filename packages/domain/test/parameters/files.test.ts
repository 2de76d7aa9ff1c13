import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, GENERATED_PATH, PARAMETERS_DIR, README_PATH } from "../../scripts/compile-parameters.mjs";
import { PARAMETERS, validateParameterDefinition } from "../../src/index.js";

// parameters/<id>.json is the source of truth; generated.ts and the README table are compiled from it.
const files = readdirSync(PARAMETERS_DIR).filter((f) => f.endsWith(".json"));

describe("parameter files", () => {
  it.each(files.map((f) => [f]))("%s: its id is its file name and it validates", (file) => {
    const def = JSON.parse(readFileSync(join(PARAMETERS_DIR, file), "utf8")) as { id: string; group: string };
    expect(`${def.id}.json`).toBe(file);
    const { group: _group, ...definition } = def;
    expect(() => validateParameterDefinition(definition as never)).not.toThrow();
  });

  it("one file per parameter of the store, and no other", () => {
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual([...PARAMETERS.ids].sort());
  });

  it("the committed generated module is what the files compile to (run `npm run -s parameters`)", () => {
    expect(readFileSync(GENERATED_PATH, "utf8")).toBe(compile().module);
  });

  it("the README parameter table is what the files compile to (run `npm run -s parameters`)", () => {
    expect(readFileSync(README_PATH, "utf8")).toBe(compile().readme);
  });

  it("a changed figure makes the generated module stale", () => {
    const dir = mkdtempSync(join(tmpdir(), "parameters-"));
    for (const f of files) writeFileSync(join(dir, f), readFileSync(join(PARAMETERS_DIR, f), "utf8"));
    const f = "rent.effortRate.max.json";
    writeFileSync(join(dir, f), readFileSync(join(dir, f), "utf8").replace('"value": "35"', '"value": "36"'));
    expect(compile(dir).module).not.toBe(readFileSync(GENERATED_PATH, "utf8"));
  });

  it("a file whose id differs from its name is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "parameters-"));
    const text = readFileSync(join(PARAMETERS_DIR, "rent.effortRate.max.json"), "utf8");
    writeFileSync(join(dir, "rent.effortRate.maximum.json"), text);
    expect(() => compile(dir)).toThrow(/does not match the file name/);
  });
});
