#!/usr/bin/env node
/**
 * Operator commands on the configured database (DATABASE_URL, or the embedded one under
 * ABORDABLE_DATA_DIR). Each change writes an audit record, like the API's mutations.
 *
 *   abordable api-key create --organisation "<name>" --role SOCIAL_LANDLORD --label "ERP" [--expires 2027-12-31]
 *   abordable api-key revoke <prefix>
 *   abordable api-key list
 *   abordable seed --scale small|medium|large      (an empty database only)
 *   abordable bootstrap --ministry "<name>"         (ABORDABLE_SEED=none: municipalities, the ministry, its first admin key)
 *   abordable index record --series COTE|CONSTRUCTION_PRICE|ECB_SHORT_TERM_RATE --key <YYYY-MM-DD|YYYY-04|YYYY-10> --value <decimal> --source "<publication>" [--known-until YYYY-MM-DD] [--by "<operator>"]
 *   abordable index list [--series …]              (the series as computations use them: built-in and recorded values, knownUntil)
 */
import { parseArgs } from "node:util";
import { loadConfig, type SeedScale } from "./config.js";
import { createLogger } from "./logger.js";
import { openDatabase, type Database } from "./db/database.js";
import { issueApiKey, roleFitsOrganisation } from "./identity/api-keys.js";
import { Role } from "./generated/prisma/enums.js";
import { seedIfEmpty } from "./seed/index.js";
import { recordAudit } from "./db/audit-trail.js";
import { bootstrap } from "./organisations/adapters/bootstrap.js";
import { randomUUID } from "node:crypto";
import { Dec } from "@abordable/domain";
import { createContext } from "./schema/context.js";
import { INDEX_SERIES_KINDS, loadIndexSeries, type IndexSeriesKind } from "./indices/series.js";
import { recordIndexValueFor, seriesSources } from "./indices/schema.js";
import type { Config } from "./config.js";

const CLI_VIEWER = { kind: "anonymous" } as const;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  const config = loadConfig();
  const logger = createLogger("warn");
  const db = await openDatabase(
    config.databaseUrl ? { kind: "postgresql", url: config.databaseUrl, poolSize: 2 } : { kind: "pglite", dataDir: config.dataDir },
    logger,
  );
  try {
    if (group === "api-key" && command === "create") return await createKey(db, rest);
    if (group === "api-key" && command === "revoke") return await revokeKey(db, rest);
    if (group === "api-key" && command === "list") return await listKeys(db);
    if (group === "bootstrap") return await runBootstrap(db, [command ?? "", ...rest].filter(Boolean));
    if (group === "seed") return await seed(db, [command ?? "", ...rest].filter(Boolean));
    if (group === "index" && command === "record") return await recordIndex(db, config, logger, rest);
    if (group === "index" && command === "list") return await listIndices(db, rest);
    throw new UsageError(
      "usage: abordable api-key create|revoke|list … | abordable seed --scale small|medium|large | abordable bootstrap --ministry … | abordable index record|list …",
    );
  } finally {
    await db.close();
  }
}

async function createKey(db: Database, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { organisation: { type: "string" }, role: { type: "string" }, label: { type: "string" }, expires: { type: "string" } },
  });
  if (!values.organisation || !values.role || !values.label)
    throw new UsageError('api-key create --organisation "<name>" --role <ROLE> --label "<label>" [--expires YYYY-MM-DD]');
  if (!(values.role in Role)) throw new UsageError(`--role must be one of ${Object.keys(Role).join(", ")}`);
  const role = values.role as Role;
  const expiresAt = values.expires ? new Date(`${values.expires}T00:00:00Z`) : null;
  if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now())) throw new UsageError("--expires must be a future date YYYY-MM-DD");
  const org = await db.prisma.organisation.findFirst({
    where: { OR: [{ name: values.organisation }, { id: isUuid(values.organisation) ? values.organisation : undefined }] },
  });
  if (!org) throw new UsageError(`No organisation named "${values.organisation}"`);
  const misfit = roleFitsOrganisation(role, org);
  if (misfit) throw new UsageError(misfit);
  const issued = await db.prisma.$transaction(async (tx) => {
    const key = await issueApiKey(tx, { organisationId: org.id, role, label: values.label!, expiresAt });
    await recordAudit(tx, {
      viewer: CLI_VIEWER,
      correlationId: "cli",
      action: "cli.createApiKey",
      entityType: "ApiKey",
      entityId: key.id,
      before: null,
      after: { organisationId: org.id, role, label: values.label, prefix: key.prefix, expiresAt },
    });
    return key;
  });
  process.stdout.write(`API key for ${org.name} (${role}), shown once:\n${issued.key}\n`);
  return 0;
}

async function revokeKey(db: Database, args: string[]): Promise<number> {
  const prefix = args[0];
  if (!prefix) throw new UsageError("api-key revoke <prefix>");
  const key = await db.prisma.apiKey.findUnique({ where: { prefix } });
  if (!key) throw new UsageError(`No API key with prefix ${prefix}`);
  if (key.revokedAt) throw new UsageError(`Key ${prefix} was already revoked on ${key.revokedAt.toISOString()}`);
  await db.prisma.$transaction(async (tx) => {
    const after = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      viewer: CLI_VIEWER,
      correlationId: "cli",
      action: "cli.revokeApiKey",
      entityType: "ApiKey",
      entityId: key.id,
      before: { revokedAt: null },
      after: { revokedAt: after.revokedAt },
    });
  });
  process.stdout.write(`Revoked ${prefix}\n`);
  return 0;
}

async function listKeys(db: Database): Promise<number> {
  const keys = await db.prisma.apiKey.findMany({ include: { organisation: true }, orderBy: { createdAt: "asc" } });
  for (const k of keys) {
    const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : k.expiresAt && k.expiresAt < new Date() ? "expired" : "valid";
    process.stdout.write(
      `${k.prefix}  ${k.role.padEnd(17)} ${state.padEnd(8)} last used ${k.lastUsedAt?.toISOString() ?? "never"}  ${k.organisation.name} — ${k.label}\n`,
    );
  }
  return 0;
}

async function seed(db: Database, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { scale: { type: "string", default: "small" } } });
  if (!["small", "medium", "large"].includes(values.scale!)) throw new UsageError("--scale must be small, medium or large");
  const started = Date.now();
  const result = await seedIfEmpty(db.prisma, values.scale as SeedScale);
  if (!result) throw new UsageError("The database already holds data; seed an empty database (another ABORDABLE_DATA_DIR or DATABASE_URL).");
  process.stdout.write(`Seeded ${values.scale} in ${Date.now() - started} ms: ${JSON.stringify(result.counts)}\n`);
  for (const k of result.demoKeys) process.stdout.write(`${k.role} ${k.organisation}: ${k.key}\n`);
  return 0;
}

async function runBootstrap(db: Database, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ministry: { type: "string", default: "Ministère du Logement et de l'Aménagement du territoire" } } });
  const result = await bootstrap(db.prisma, values.ministry!);
  process.stdout.write(`${result.municipalities} municipalities; ministry ${result.ministryId}\n`);
  process.stdout.write(result.key ? `MINISTRY_ADMIN key, shown once:\n${result.key}\n` : "The ministry existed already: no key issued (use api-key create)\n");
  return 0;
}

function seriesArg(value: string | undefined): IndexSeriesKind {
  if (!value || !(INDEX_SERIES_KINDS as readonly string[]).includes(value)) throw new UsageError(`--series must be one of ${INDEX_SERIES_KINDS.join(", ")}`);
  return value as IndexSeriesKind;
}

/** `index record`: the same code path as the recordIndexValue mutation (indices/record.ts), audited as the operator (action cli.recordIndexValue). */
async function recordIndex(db: Database, config: Config, logger: ReturnType<typeof createLogger>, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      series: { type: "string" },
      key: { type: "string" },
      value: { type: "string" },
      source: { type: "string" },
      "known-until": { type: "string" },
      by: { type: "string" },
    },
  });
  const usage =
    'index record --series <SERIES> --key <YYYY-MM-DD|YYYY-04|YYYY-10> --value <decimal> --source "<publication>" [--known-until YYYY-MM-DD] [--by "<operator>"]';
  if (!values.key || !values.value || values.source === undefined) throw new UsageError(usage);
  const series = seriesArg(values.series);
  let value;
  try {
    value = new Dec(values.value);
  } catch {
    throw new UsageError(`--value must be a decimal number (got "${values.value}")`);
  }
  const ctx = createContext({
    db,
    viewer: CLI_VIEWER,
    correlationId: `cli-${randomUUID()}`,
    logger,
    idempotency: undefined,
    legal: { bill8535EntryIntoForce: config.bill8535EntryIntoForce, annexIIReadingPeriod: config.annexIIReadingPeriod, readings: config.readings },
  });
  const operator = values.by ?? process.env.USER ?? "operator";
  const out = await recordIndexValueFor(
    ctx,
    { series, key: values.key, value, source: values.source, knownUntil: values["known-until"] ?? null },
    { action: "cli.recordIndexValue", recordedBy: `cli:${operator}` },
  );
  if (out.userErrors.length > 0) {
    for (const e of out.userErrors) process.stderr.write(`${e.field.join(".")}: ${e.code}: ${e.message}\n`);
    return 1;
  }
  const v = out.indexValue!;
  process.stdout.write(
    `${out.unchanged ? "Unchanged (already recorded)" : "Recorded"}: ${v.series} ${v.key} = ${v.value} (source: ${v.source})${v.knownUntil ? `, known until ${v.knownUntil}` : ""}\n`,
  );
  process.stdout.write(`${v.series} is now known until ${out.series?.knownUntil ?? "— (not declared)"}\n`);
  return 0;
}

async function listIndices(db: Database, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { series: { type: "string" } } });
  const only = values.series === undefined ? null : seriesArg(values.series);
  for (const s of seriesSources(await loadIndexSeries(db.prisma), only)) {
    process.stdout.write(`${s.series} — ${s.frenchTerm}; known until ${s.knownUntil ?? "— (not declared)"}\n`);
    for (const p of s.points)
      process.stdout.write(`  ${p.key.padEnd(10)} ${p.value.padStart(10)}  ${p.origin === "OPERATOR" ? "operator" : "built-in"}  ${p.source.citation}\n`);
    if (s.points.length === 0) process.stdout.write("  (no value recorded)\n");
  }
  return 0;
}

const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
