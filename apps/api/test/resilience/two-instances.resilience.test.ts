/**
 * Several API instances on one PostgreSQL (issue 15): two API processes (`node dist/main.js`) on
 * one database, as behind one address, must share
 * (a) the rate limit: one key's requests spread over both processes are granted the configured
 *     budget (ABORDABLE_RATE_LIMIT_PER_MINUTE) in total, plus what refills while they run, not the
 *     budget per process;
 * (b) idempotency: one mutation with one Idempotency-Key sent to both processes at once is applied
 *     exactly once (one dwelling, one audit event, one idempotency record, checked in SQL), and
 *     every answer is that committed result (the first, or its replay), or a 409
 *     IDEMPOTENT_REQUEST_IN_PROGRESS whose retry replays it.
 * The counts (requests, granted, refused; rounds, applied, lost) are printed.
 *
 * Needs the build (dist/main.js) and ABORDABLE_TEST_DATABASE_URL (a fresh database
 * `<name>_<random>` is created and dropped); skipped with a message otherwise.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CREATE_DWELLING,
  dwellingInput,
  parseKeys,
  post,
  scratchPostgresDatabase,
  startApi,
  waitReady,
  type Answer,
  type ApiProcess,
} from "./support/api-process.js";

const PG_URL = process.env.ABORDABLE_TEST_DATABASE_URL;
/** Requests per minute per key, in both processes (small, so that a per-process limiter shows). */
const BUDGET = 40;
/** Idempotency rounds; each sends the same request twice to each process at once. */
const ROUNDS = 6;

describe.skipIf(!PG_URL)(`two API processes on one PostgreSQL${PG_URL ? "" : " (skipped: set ABORDABLE_TEST_DATABASE_URL to a PostgreSQL server)"}`, () => {
  const apis: ApiProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  let databaseUrl = "";
  let keys: { role: string; key: string }[] = [];
  let sql: pg.Client;

  beforeAll(async () => {
    databaseUrl = await scratchPostgresDatabase(PG_URL!, cleanups);
    const env = { DATABASE_URL: databaseUrl, ABORDABLE_RATE_LIMIT_PER_MINUTE: String(BUDGET) };
    // The first process migrates and seeds; the second starts on the seeded database.
    const dirA = await mkdtemp(path.join(tmpdir(), "abordable-two-a-"));
    const dirB = await mkdtemp(path.join(tmpdir(), "abordable-two-b-"));
    cleanups.push(
      () => rm(dirA, { recursive: true, force: true }),
      () => rm(dirB, { recursive: true, force: true }),
    );
    const a = startApi({ ...env, ABORDABLE_DATA_DIR: dirA, ABORDABLE_SEED: "small" });
    apis.push(a);
    await waitReady(a);
    const b = startApi({ ...env, ABORDABLE_DATA_DIR: dirB, ABORDABLE_SEED: "none" });
    apis.push(b);
    await waitReady(b);
    keys = parseKeys(await readFile(path.join(dirA, "demo-api-keys.txt"), "utf8"));
    sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end().catch(() => undefined);
    for (const api of apis) if (!api.gone()) api.child.kill("SIGKILL");
    await Promise.all(apis.map((api) => api.exited));
    for (const clean of cleanups.reverse()) await clean().catch((e) => console.error(`cleanup failed: ${e}`));
  });

  it(`one key's requests over both processes are granted ${BUDGET} per minute in total, not ${BUDGET} per process`, async () => {
    const key = keys.find((k) => k.role === "MINISTRY_ANALYST")!.key;
    const [a, b] = apis as [ApiProcess, ApiProcess];
    const perProcess = Math.ceil(BUDGET * 1.5); // each process alone sees more than the budget
    const body = { query: "{ viewer { organisation { id } } }" };
    const results = { a: { granted: 0, refused: 0 }, b: { granted: 0, refused: 0 } };
    const problems: string[] = [];
    const started = Date.now();
    // Eight requests in flight at a time, alternating between the processes.
    const queue = Array.from({ length: perProcess * 2 }, (_, i) => (i % 2 === 0 ? "a" : "b") as "a" | "b");
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let which = queue.shift(); which; which = queue.shift()) {
          const res = await post(which === "a" ? a : b, key, body);
          if (res.status === 200 && !res.json.errors) results[which].granted += 1;
          else if (res.status === 429) {
            results[which].refused += 1;
            if (!res.headers.get("retry-after")) problems.push(`429 without Retry-After from ${which}`);
          } else problems.push(`${which}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
        }
      }),
    );
    const elapsedS = (Date.now() - started) / 1000;
    const granted = results.a.granted + results.b.granted;
    // The bucket starts full (BUDGET) and refills BUDGET per minute while the requests run.
    const refilled = Math.floor((elapsedS * BUDGET) / 60) + 1;
    console.log(
      `[two processes] rate limit ${BUDGET}/min, one key: ${perProcess * 2} requests (${perProcess} per process) in ${elapsedS.toFixed(1)} s: ` +
        `granted ${granted} (A ${results.a.granted}, B ${results.b.granted}), refused 429 ${results.a.refused + results.b.refused} (A ${results.a.refused}, B ${results.b.refused}); ` +
        `allowed at most ${BUDGET} + ${refilled} refilled; a limiter per process would grant up to ${BUDGET * 2}`,
    );
    expect(problems).toEqual([]);
    expect(granted).toBeGreaterThanOrEqual(BUDGET);
    expect(granted).toBeLessThanOrEqual(BUDGET + refilled);
    // Both processes served the key and both refused it: the limit is one, across them.
    expect(results.a.granted).toBeGreaterThan(0);
    expect(results.b.granted).toBeGreaterThan(0);
    expect(results.a.refused).toBeGreaterThan(0);
    expect(results.b.refused).toBeGreaterThan(0);
    const apiKeyId = (await sql.query<{ id: string }>(`SELECT id FROM "ApiKey" WHERE role = 'MINISTRY_ANALYST' LIMIT 1`)).rows[0]?.id;
    const bucket = (await sql.query<{ tokens: number }>(`SELECT tokens FROM "RateLimitBucket" WHERE key = $1`, [`key:${apiKeyId}`])).rows;
    expect(bucket.length, "the key's bucket is one row in PostgreSQL").toBe(1);
    expect(Number(bucket[0]!.tokens)).toBeLessThan(1);
  });

  it(`one mutation with one Idempotency-Key sent to both processes at once is applied exactly once (${ROUNDS} rounds)`, async () => {
    const key = keys.find((k) => k.role === "SOCIAL_LANDLORD")!.key;
    const [a, b] = apis as [ApiProcess, ApiProcess];
    const viewer = await post(a, key, { query: "{ viewer { organisation { id } } }" });
    const landlordId: string = viewer.json.data.viewer.organisation.id;
    const outcomes = { first: 0, replayed: 0, inProgressThenReplayed: 0 };
    const problems: string[] = [];
    let acknowledged = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const reference = `TWO-${round}-${randomBytes(3).toString("hex")}`;
      const idempotencyKey = `two-${randomUUID()}`;
      const body = JSON.stringify({ query: CREATE_DWELLING, variables: { input: dwellingInput(round, reference, landlordId) } });
      const targets = [a, b, a, b];
      const answers = await Promise.all(targets.map((api) => post(api, key, body, { idempotencyKey })));
      // A 409 "still running" is retried (it names Retry-After; half a second is enough here)
      // until the first request's answer is kept, then must replay it.
      const settled: Answer[] = [];
      for (const [i, answer] of answers.entries()) {
        let res = answer;
        const until = Date.now() + 30_000;
        let waited = false;
        while (res.status === 409 && res.json.errors?.[0]?.extensions?.code === "IDEMPOTENT_REQUEST_IN_PROGRESS" && Date.now() < until) {
          if (!res.headers.get("retry-after")) problems.push(`round ${round}: 409 in progress without Retry-After`);
          waited = true;
          await new Promise((r) => setTimeout(r, 500));
          res = await post(targets[i]!, key, body, { idempotencyKey });
        }
        if (res.status !== 200 || res.json.errors) {
          problems.push(`round ${round}, request ${i} (${i % 2 === 0 ? "A" : "B"}): HTTP ${res.status} ${res.text.slice(0, 300)}`);
          continue;
        }
        const replayed = res.headers.get("idempotency-replayed") === "true";
        if (!replayed) outcomes.first += 1;
        else if (waited) outcomes.inProgressThenReplayed += 1;
        else outcomes.replayed += 1;
        settled.push(res);
      }
      const firsts = settled.filter((r) => r.headers.get("idempotency-replayed") !== "true");
      if (firsts.length !== 1) problems.push(`round ${round}: ${firsts.length} answers applied the change (expected exactly 1)`);
      const winner = firsts[0]?.json.data?.createDwelling;
      if (winner && (winner.userErrors.length > 0 || winner.dwelling?.reference !== reference))
        problems.push(`round ${round}: the applied answer is ${JSON.stringify(winner)}`);
      for (const r of settled) {
        if (JSON.stringify(r.json) !== JSON.stringify(firsts[0]?.json))
          problems.push(`round ${round}: an answer differs from the committed one: ${r.text.slice(0, 300)}`);
      }
      if (winner?.dwelling) acknowledged += 1;

      const dwellings = (await sql.query(`SELECT id FROM "Dwelling" WHERE reference = $1`, [reference])).rows;
      const audits = (await sql.query(`SELECT id FROM "AuditEvent" WHERE action = 'createDwelling' AND after->>'reference' = $1`, [reference])).rows;
      const records = (
        await sql.query<{ committed: boolean; status: number | null }>(
          `SELECT "committedAt" IS NOT NULL AS committed, status FROM "IdempotencyRecord" WHERE key = $1`,
          [idempotencyKey],
        )
      ).rows;
      if (dwellings.length !== 1) problems.push(`round ${round}: ${dwellings.length} dwellings ${reference} in the database`);
      if (audits.length !== 1) problems.push(`round ${round}: ${audits.length} createDwelling audit events for ${reference}`);
      if (records.length !== 1 || !records[0]!.committed || records[0]!.status !== 200)
        problems.push(`round ${round}: idempotency records ${JSON.stringify(records)}`);
    }
    const stored = Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Dwelling" WHERE reference LIKE 'TWO-%'`)).rows[0]!.n);
    console.log(
      `[two processes] idempotency: ${ROUNDS} rounds x 4 concurrent requests (2 per process, one key each round) = ${ROUNDS * 4} requests: ` +
        `applied ${outcomes.first}, replayed at once ${outcomes.replayed}, 409 in progress then replayed ${outcomes.inProgressThenReplayed}; ` +
        `acknowledged ${acknowledged}, rows ${stored}, lost ${Math.max(0, acknowledged - stored)}, duplicated ${Math.max(0, stored - ROUNDS)}`,
    );
    expect(problems, problems.join("\n")).toEqual([]);
    expect(stored).toBe(ROUNDS);
  });
});
