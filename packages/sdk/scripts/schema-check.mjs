// The API's schema change policy, enforced: the committed SDL (apps/api/schema.graphql) is
// compared with the SDL of the SDK's last release (schema/released.graphql, recorded at each
// release with `--record`) by @graphql-inspector/core. Additive changes pass; a breaking change
// fails, unless it removes something the released SDL already marked
// `@deprecated(reason: "… removal after YYYY-MM-DD …")` with that date passed. Every
// `@deprecated` of the current SDL must carry such a date.
//
//   node scripts/schema-check.mjs            exit 1 on a breaking change (CI)
//   node scripts/schema-check.mjs --record   writes schema/released.graphql (at a release)
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";

const root = fileURLToPath(new URL("..", import.meta.url));
export const CURRENT = process.env.ABORDABLE_SCHEMA_CURRENT ?? path.join(root, "../../apps/api/schema.graphql");
export const RELEASED = path.join(root, "schema/released.graphql");

const DATE = /\b(\d{4}-\d{2}-\d{2})\b/;

/** Deprecation reasons by path ("Type.field", "Enum.VALUE", "Input.field"), and those without a date. */
function deprecations(schema) {
  const reasons = new Map();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason) reasons.set(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args ?? []) if (arg.deprecationReason) reasons.set(`${type.name}.${field.name}.${arg.name}`, arg.deprecationReason);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (value.deprecationReason) reasons.set(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  return reasons;
}

/**
 * @param {string} releasedSdl
 * @param {string} currentSdl
 * @param {string} today YYYY-MM-DD
 */
export async function checkSchema(releasedSdl, currentSdl, today = new Date().toISOString().slice(0, 10)) {
  const released = buildSchema(releasedSdl);
  const current = buildSchema(currentSdl);
  const changes = await diff(released, current);
  const deprecated = deprecations(released);
  const breaking = [];
  const allowed = [];
  for (const change of changes) {
    if (change.criticality.level !== CriticalityLevel.Breaking) continue;
    const reason = change.path ? deprecated.get(change.path) : undefined;
    const removal = /REMOVED$/.test(change.type);
    const after = reason?.match(DATE)?.[1];
    if (removal && after !== undefined && after <= today) allowed.push({ ...change, deprecationReason: reason });
    else breaking.push(change);
  }
  const undated = [...deprecations(current)].filter(([, reason]) => !DATE.test(reason)).map(([p, reason]) => ({ path: p, reason }));
  return { changes, breaking, allowed, undated, ok: breaking.length === 0 && undated.length === 0 };
}

async function main() {
  if (process.argv.includes("--record")) {
    copyFileSync(CURRENT, RELEASED);
    process.stdout.write(`recorded ${path.relative(process.cwd(), CURRENT)} as the released SDL (${path.relative(process.cwd(), RELEASED)})\n`);
    return;
  }
  const result = await checkSchema(readFileSync(RELEASED, "utf8"), readFileSync(CURRENT, "utf8"));
  const counts = { dangerous: 0, safe: 0 };
  for (const c of result.changes) {
    if (c.criticality.level === CriticalityLevel.Dangerous) counts.dangerous += 1;
    if (c.criticality.level === CriticalityLevel.NonBreaking) counts.safe += 1;
  }
  for (const c of result.allowed) process.stdout.write(`removal after its deprecation date: ${c.message} (${c.deprecationReason})\n`);
  for (const c of result.breaking) process.stderr.write(`BREAKING: ${c.message}${c.path ? ` [${c.path}]` : ""}\n`);
  for (const d of result.undated) process.stderr.write(`@deprecated without a removal date (YYYY-MM-DD): ${d.path}: "${d.reason}"\n`);
  process.stdout.write(
    `schema check against the last release: ${result.breaking.length} breaking, ${counts.dangerous} dangerous, ${counts.safe} safe change(s)\n`,
  );
  if (!result.ok) {
    process.stderr.write(
      'The schema change policy (packages/sdk/README.md, "Versioning") allows additive changes only; deprecate with a dated reason first.\n',
    );
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
