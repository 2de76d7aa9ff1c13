/**
 * Built once per test run, before any test file: a migrated database and a migrated database
 * seeded with the `small` scale, which every test file then opens as its own copy instead of
 * migrating and seeding again (on two cores that was most of the suite's time).
 *
 * - PGlite: each snapshot is the data directory as a tarball (`dumpDataDir`), written to a
 *   temporary folder of this run; a test file opens it with `loadDataDir`, in memory.
 * - PostgreSQL (ABORDABLE_TEST_DATABASE_URL): each snapshot is a template database; a test file
 *   gets `CREATE DATABASE … TEMPLATE …`. Both templates are dropped when the run ends.
 *
 * The snapshots are made by the same code as a real start (migrations, then the seed and its
 * extensions), so they hold exactly what a per-file migrate-and-seed would.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, type Database } from "../../src/db/database.js";
import { generateSeed } from "../../src/seed/generate.js";
import { writeSeed } from "../../src/seed/write.js";
import { SEED_EXTENSIONS } from "../../src/seed/extensions.js";

export type SnapshotName = "migrated" | "small";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: tarball path per snapshot; PostgreSQL: template database name per snapshot. */
    abordableSnapshots: Record<SnapshotName, string>;
  }
}

async function seedSmall(db: Database): Promise<void> {
  await writeSeed(db.prisma, generateSeed("small"));
  for (const extension of SEED_EXTENSIONS) await extension.run(db.prisma, "small");
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.ABORDABLE_TEST_DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(path.join(tmpdir(), "abordable-test-snapshots-"));
    const db = await openDatabase({ kind: "pglite", dataDir: "memory" });
    const files = {} as Record<SnapshotName, string>;
    const dump = async (name: SnapshotName) => {
      files[name] = path.join(dir, `${name}.tar`);
      await writeFile(files[name], Buffer.from(await (await db.dumpDataDir!()).arrayBuffer()));
    };
    try {
      await dump("migrated");
      await seedSmall(db);
      await dump("small");
    } finally {
      await db.close();
    }
    project.provide("abordableSnapshots", files);
    return () => rm(dir, { recursive: true, force: true });
  }
  const base = new URL(url).pathname.slice(1);
  const tag = randomBytes(4).toString("hex");
  const templates: Record<SnapshotName, string> = { migrated: `${base}_tpl_${tag}_migrated`, small: `${base}_tpl_${tag}_small` };
  for (const [name, database] of Object.entries(templates) as [SnapshotName, string][]) {
    await admin(url, (c) => c.query(`CREATE DATABASE "${database}"`));
    const target = new URL(url);
    target.pathname = `/${database}`;
    const db = await openDatabase({ kind: "postgresql", url: target.toString(), poolSize: 2 });
    try {
      if (name === "small") await seedSmall(db);
    } finally {
      await db.close();
    }
  }
  project.provide("abordableSnapshots", templates);
  return async () => {
    for (const database of Object.values(templates)) await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  };
}
