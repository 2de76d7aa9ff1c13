/**
 * The schema change policy (README "Versioning"): scripts/schema-check.mjs compares the committed
 * SDL with the last release's (schema/released.graphql) and fails on a breaking change.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse, print, visit } from "graphql";
import { describe, expect, it } from "vitest";

interface Change {
  message: string;
  path?: string;
}
interface Result {
  ok: boolean;
  breaking: Change[];
  allowed: Change[];
  undated: { path: string; reason: string }[];
}
// A plain ES module script (no declarations), imported by URL so that tsc does not check it as TypeScript.
const scriptUrl: string = new URL("../scripts/schema-check.mjs", import.meta.url).href;
const { checkSchema, CURRENT, RELEASED } = (await import(scriptUrl)) as {
  checkSchema: (released: string, current: string, today?: string) => Promise<Result>;
  CURRENT: string;
  RELEASED: string;
};

const script = fileURLToPath(new URL("../scripts/schema-check.mjs", import.meta.url));
const released = readFileSync(RELEASED, "utf8");

type Edit = { type: string; remove?: string; deprecate?: { field: string; reason: string }; add?: string };

/** An SDL with one change made through the AST (fields with their descriptions, enum values). */
function edited(sdl: string, edit: Edit): string {
  const doc = parse(sdl);
  const out = visit(doc, {
    enter(node) {
      if ((node.kind === Kind.OBJECT_TYPE_DEFINITION || node.kind === Kind.ENUM_TYPE_DEFINITION) && node.name.value === edit.type) {
        if (node.kind === Kind.ENUM_TYPE_DEFINITION) return { ...node, values: node.values?.filter((v) => v.name.value !== edit.remove) };
        let fields = (node.fields ?? []).filter((f) => f.name.value !== edit.remove);
        if (edit.add)
          fields = [
            ...fields,
            {
              kind: Kind.FIELD_DEFINITION,
              name: { kind: Kind.NAME, value: edit.add },
              type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "String" } },
              description: { kind: Kind.STRING, value: "New.", block: false },
            },
          ];
        if (edit.deprecate) {
          const { field, reason } = edit.deprecate;
          fields = fields.map((f) =>
            f.name.value !== field
              ? f
              : {
                  ...f,
                  directives: [
                    {
                      kind: Kind.DIRECTIVE,
                      name: { kind: Kind.NAME, value: "deprecated" },
                      arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "reason" }, value: { kind: Kind.STRING, value: reason } }],
                    },
                  ],
                },
          );
        }
        return { ...node, fields };
      }
      return undefined;
    },
  });
  const text = print(out);
  expect(text).not.toBe(print(doc));
  return text;
}

describe("schema change policy", () => {
  it("the committed SDL has no breaking change from the last release", async () => {
    const result = await checkSchema(released, readFileSync(CURRENT, "utf8"));
    expect(result.breaking.map((c) => c.message)).toEqual([]);
    expect(result.undated).toEqual([]);
  });

  it("an added field passes; a removed field or a removed enum value fails", async () => {
    const added = edited(released, { type: "Dwelling", add: "newField" });
    expect((await checkSchema(released, added)).ok).toBe(true);

    const removed = edited(released, { type: "Dwelling", remove: "reference" });
    const r = await checkSchema(released, removed);
    expect(r.ok).toBe(false);
    expect(r.breaking.map((c) => c.path)).toContain("Dwelling.reference");

    const enumValue = edited(released, { type: "UserErrorCode", remove: "CONFLICT" });
    expect((await checkSchema(released, enumValue)).breaking.map((c) => c.path)).toContain("UserErrorCode.CONFLICT");
  });

  it("a removal passes only after a @deprecated whose dated reason has passed; @deprecated needs a date", async () => {
    const deprecate = (reason: string) => edited(released, { type: "Dwelling", deprecate: { field: "reference", reason } });
    const removedFrom = (sdl: string) => edited(sdl, { type: "Dwelling", remove: "reference" });
    const dated = deprecate("Use `code`; removal after 2026-06-30");
    expect((await checkSchema(released, dated, "2026-01-01")).ok).toBe(true);
    const gone = removedFrom(dated);
    expect((await checkSchema(dated, gone, "2026-01-01")).ok).toBe(false);
    const after = await checkSchema(dated, gone, "2026-07-01");
    expect(after.ok).toBe(true);
    expect(after.allowed.map((c) => c.path)).toEqual(["Dwelling.reference"]);
    const undated = await checkSchema(released, deprecate("Use `code` instead"));
    expect(undated.ok).toBe(false);
    expect(undated.undated).toEqual([{ path: "Dwelling.reference", reason: "Use `code` instead" }]);
  });

  it("the CI command exits 1 on a breaking change and 0 on the committed SDL", () => {
    expect(execFileSync(process.execPath, [script], { encoding: "utf8" })).toContain("0 breaking");
    const dir = mkdtempSync(path.join(tmpdir(), "sdk-schema-"));
    try {
      const file = path.join(dir, "schema.graphql");
      writeFileSync(file, edited(released, { type: "Dwelling", remove: "reference" }));
      let status = 0;
      let stderr = "";
      try {
        execFileSync(process.execPath, [script], { env: { ...process.env, ABORDABLE_SCHEMA_CURRENT: file }, encoding: "utf8", stdio: "pipe" });
      } catch (e) {
        status = (e as { status: number }).status;
        stderr = String((e as { stderr: string }).stderr);
      }
      expect(status).toBe(1);
      expect(stderr).toMatch(/BREAKING: Field 'reference' .*was removed from object type 'Dwelling'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
