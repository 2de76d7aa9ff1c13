/**
 * Crash: the API process (`node dist/main.js`) is killed with SIGKILL in the middle of a stream of
 * mutations, on PGlite and on PostgreSQL. After a restart on the same data, every acknowledged
 * mutation is there, exactly once and with the fields sent, and no unacknowledged one is half
 * there (a row without its audit event, an audit event without its row, a unit let without its
 * shared dwelling following). Every unacknowledged request is then sent again with its own
 * Idempotency-Key and must end up applied exactly once (replayed, or applied now).
 *
 * The stream: WORKERS concurrent clients, each sending one mutation after another, every one with
 * an Idempotency-Key: createDwelling (CRASH-<n>), createAccommodationUnit in one shared dwelling
 * (CRASH-U<n>), and recordLetting of an acknowledged unit (updates the unit and its dwelling).
 * The kill lands once at least KILL_AFTER_ACKS mutations of the round were acknowledged, a few
 * milliseconds later, while requests are in flight. ROUNDS kill/restart cycles per database.
 *
 * Needs the build (dist/main.js). PostgreSQL only with ABORDABLE_TEST_DATABASE_URL (a fresh
 * database `<name>_<random>` is created and dropped). Runs with vitest.resilience.config.ts.
 */
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseKeys, post as postTo, scratchPostgresDatabase, startApi as startApiProcess, waitReady, type ApiProcess } from "./support/api-process.js";

const PG_URL = process.env.ABORDABLE_TEST_DATABASE_URL;
const WORKERS = Number(process.env.ABORDABLE_CRASH_WORKERS ?? 4);
const ROUNDS = Number(process.env.ABORDABLE_CRASH_ROUNDS ?? 2);
const KILL_AFTER_ACKS = Number(process.env.ABORDABLE_CRASH_KILL_AFTER ?? 20);
const RESEND_PATIENCE_MS = Number(process.env.ABORDABLE_CRASH_RESEND_PATIENCE_MS ?? 30_000);
const LET_DATE = "2026-01-15";

const CREATE = `mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id reference } userErrors { field code message } } }`;
const UNIT = `mutation($input: CreateAccommodationUnitInput!) { createAccommodationUnit(input: $input) { accommodationUnit { id reference } userErrors { field code message } } }`;
const LET = `mutation($input: LettingEventInput!) { recordLetting(input: $input) { accommodationUnit { id status } dwelling { status } userErrors { field code message } } }`;

type Kind = "dwelling" | "unit" | "let";

/** One mutation sent, and what became of it. */
interface Op {
  n: number;
  round: number;
  kind: Kind;
  /** Dwelling or unit reference; for a letting, the unit's reference. */
  reference: string;
  /** Global ID of the unit let (kind "let"). */
  unitId?: string;
  idempotencyKey: string;
  body: string;
  input: Record<string, any>;
  acked: boolean;
  /** Global ID returned with the acknowledgement. */
  id?: string;
  /** What the client saw when it was not acknowledged. */
  outcome?: string;
  /** How the resend after the restart ended: "replayed", "applied" (now) or "applied-before" (409 IDEMPOTENT_REQUEST_APPLIED). */
  resent?: "replayed" | "applied" | "applied-before";
}

interface Post {
  status: number;
  replayed: boolean;
  json: any;
}

/** The built API with a seed, a limit far above the stream, and a short idempotency lease (claims left by a killed process are taken over once it runs out; default 30 s). */
function startApi(env: NodeJS.ProcessEnv): ApiProcess {
  return startApiProcess({
    ...env,
    LOG_LEVEL: "warn",
    ABORDABLE_SEED: "small",
    ABORDABLE_RATE_LIMIT_PER_MINUTE: "1000000",
    ABORDABLE_IDEMPOTENCY_LEASE_MS: "5000",
  });
}

async function post(port: number, key: string, body: string, idempotencyKey?: string): Promise<Post> {
  const res = await postTo({ base: `http://127.0.0.1:${port}` }, key, body, { ...(idempotencyKey && { idempotencyKey }), timeoutMs: 60_000 });
  return { status: res.status, replayed: res.headers.get("idempotency-replayed") === "true", json: res.json };
}

async function query(port: number, key: string, q: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await post(port, key, JSON.stringify({ query: q, variables }));
  if (res.status !== 200 || res.json.errors) throw new Error(`query failed (${res.status}): ${JSON.stringify(res.json).slice(0, 500)}\n${q}`);
  return res.json.data;
}

/** All nodes of a connection, page by page; `at` picks the connection out of the data. */
async function all(port: number, key: string, q: string, at: (data: any) => any, variables: Record<string, unknown> = {}): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const conn = at(await query(port, key, q, { ...variables, after }));
    nodes.push(...conn.edges.map((e: any) => e.node));
    if (!conn.pageInfo.hasNextPage) return nodes;
    after = conn.pageInfo.endCursor;
  }
}

/** Whether a response acknowledges the mutation, and the global ID it returned. */
function acknowledgement(kind: Kind, res: Post, reference: string): { ok: boolean; id?: string } {
  if (res.status !== 200 || res.json.errors || !res.json.data) return { ok: false };
  if (kind === "dwelling") {
    const p = res.json.data.createDwelling;
    return p.userErrors.length === 0 && p.dwelling?.id && p.dwelling.reference === reference ? { ok: true, id: p.dwelling.id } : { ok: false };
  }
  if (kind === "unit") {
    const p = res.json.data.createAccommodationUnit;
    return p.userErrors.length === 0 && p.accommodationUnit?.id && p.accommodationUnit.reference === reference
      ? { ok: true, id: p.accommodationUnit.id }
      : { ok: false };
  }
  const p = res.json.data.recordLetting;
  return p.userErrors.length === 0 && p.accommodationUnit?.status === "LET" && p.dwelling?.status === "LET"
    ? { ok: true, id: p.accommodationUnit.id }
    : { ok: false };
}

function describeResponse(res: Post): string {
  return `HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`;
}

const DWELLINGS_QUERY = `query($after: String, $landlord: ID!) { dwellings(first: 100, after: $after, filter: { landlordIds: [$landlord] }) {
  edges { node { id reference address bedrooms usefulArea category dedicatedSubCategory type status firstLettingOn municipality { code } developer { id } } }
  pageInfo { hasNextPage endCursor } } }`;
const UNITS_QUERY = `query($after: String, $id: ID!) { node(id: $id) { ... on Dwelling { status firstLettingOn
  accommodationUnits(first: 100, after: $after) { totalCount edges { node { id reference usefulArea status firstLettingOn } } pageInfo { hasNextPage endCursor } } } } }`;
const AUDIT_QUERY = `query($after: String, $action: String!) { auditEvents(first: 100, after: $after, filter: { action: $action }) {
  edges { node { action entityType entityId role after } } pageInfo { hasNextPage endCursor } } }`;

interface State {
  dwellings: Map<string, any[]>;
  units: Map<string, any[]>;
  shared: { status: string; firstLettingOn: string | null; totalCount: number };
  audit: Record<"createDwelling" | "createAccommodationUnit" | "recordLetting", any[]>;
}

async function readState(port: number, adminKey: string, landlordId: string, sharedId: string | undefined): Promise<State> {
  const dwellings = new Map<string, any[]>();
  for (const d of await all(port, adminKey, DWELLINGS_QUERY, (x) => x.dwellings, { landlord: landlordId })) {
    if (d.reference.startsWith("CRASH-")) dwellings.set(d.reference, [...(dwellings.get(d.reference) ?? []), d]);
  }
  const units = new Map<string, any[]>();
  let shared = { status: "VACANT", firstLettingOn: null as string | null, totalCount: 0 };
  if (sharedId) {
    const first = (await query(port, adminKey, UNITS_QUERY, { id: sharedId, after: null })).node;
    shared = { status: first.status, firstLettingOn: first.firstLettingOn, totalCount: first.accommodationUnits.totalCount };
    for (const u of await all(port, adminKey, UNITS_QUERY, (x) => x.node.accommodationUnits, { id: sharedId }))
      units.set(u.reference, [...(units.get(u.reference) ?? []), u]);
  }
  const audit = {} as State["audit"];
  for (const action of ["createDwelling", "createAccommodationUnit", "recordLetting"] as const) {
    audit[action] = await all(port, adminKey, AUDIT_QUERY, (x) => x.auditEvents, { action });
  }
  return { dwellings, units, shared, audit };
}

/** Compares the database with the ledger; returns every violation found. `final`: every op must now be applied. */
function check(ops: Op[], state: State, final: boolean): { problems: string[]; unackedPresent: number; unackedAbsent: number; lost: number } {
  const problems: string[] = [];
  /** Acknowledged mutations not (wholly) in the database. */
  let lost = 0;
  let unackedPresent = 0;
  let unackedAbsent = 0;
  const byEntity = (events: any[]) => {
    const m = new Map<string, any[]>();
    for (const e of events) m.set(e.entityId, [...(m.get(e.entityId) ?? []), e]);
    return m;
  };
  const dwellingAudit = byEntity(state.audit.createDwelling);
  const unitAudit = byEntity(state.audit.createAccommodationUnit);
  const letAudit = byEntity(state.audit.recordLetting);
  const mustBeThere = (op: Op) => op.acked || final;

  for (const op of ops) {
    const label = `${op.kind} ${op.reference} (#${op.n}, round ${op.round}, ${op.acked ? "acknowledged" : `unacknowledged: ${op.outcome}`}${op.resent ? `, resent: ${op.resent}` : ""})`;
    if (op.kind === "let") {
      const unit = state.units.get(op.reference)?.[0];
      const isLet = unit?.status === "LET";
      if (mustBeThere(op) && !isLet) problems.push(`${label}: the unit is ${unit?.status ?? "missing"}, not LET`);
      if (op.acked && !isLet) lost += 1;
      if (!op.acked) {
        if (isLet) unackedPresent += 1;
        else unackedAbsent += 1;
      }
      continue;
    }
    const rows = (op.kind === "dwelling" ? state.dwellings : state.units).get(op.reference) ?? [];
    if (rows.length > 1) problems.push(`${label}: ${rows.length} rows with this reference`);
    if (rows.length === 0) {
      if (mustBeThere(op)) problems.push(`${label}: MISSING after the restart`);
      if (op.acked) lost += 1;
      if (!op.acked) unackedAbsent += 1;
      continue;
    }
    if (!op.acked) unackedPresent += 1;
    const row = rows[0];
    if (op.id && row.id !== op.id) problems.push(`${label}: id ${row.id}, acknowledged as ${op.id}`);
    // Whole: the fields sent, and the audit event of the same transaction.
    const sent = op.input;
    const got =
      op.kind === "dwelling"
        ? {
            reference: row.reference,
            address: row.address,
            bedrooms: row.bedrooms,
            usefulArea: row.usefulArea,
            category: row.category,
            dedicatedSubCategory: row.dedicatedSubCategory ?? undefined,
            type: row.type,
            municipalityCode: row.municipality.code,
            developerId: row.developer.id,
          }
        : { dwellingId: sent.dwellingId, reference: row.reference, usefulArea: row.usefulArea };
    for (const [field, value] of Object.entries(sent)) {
      if ((got as Record<string, unknown>)[field] !== value)
        problems.push(`${label}: ${field} is ${JSON.stringify((got as Record<string, unknown>)[field])}, sent ${JSON.stringify(value)}`);
    }
    const events = (op.kind === "dwelling" ? dwellingAudit : unitAudit).get(row.id) ?? [];
    if (events.length !== 1) problems.push(`${label}: ${events.length} creation audit events for the row (expected 1): half applied`);
    else if (events[0].after?.reference !== op.reference) problems.push(`${label}: its audit event records reference ${events[0].after?.reference}`);
  }

  // No audit event without its row (the other half of "whole").
  const dwellingIds = new Set([...state.dwellings.values()].flat().map((d) => d.id));
  for (const e of state.audit.createDwelling) {
    if (String(e.after?.reference ?? "").startsWith("CRASH-") && !dwellingIds.has(e.entityId))
      problems.push(`audit event createDwelling ${e.after.reference} without its dwelling`);
  }
  const units = [...state.units.values()].flat();
  const unitIds = new Set(units.map((u) => u.id));
  for (const e of state.audit.createAccommodationUnit) {
    if (!unitIds.has(e.entityId)) problems.push(`audit event createAccommodationUnit ${e.after?.reference} without its unit`);
  }
  // Lettings: a unit is LET exactly when one recordLetting event exists for it; the shared
  // dwelling follows its units (LET while any is let, first letting date kept).
  for (const u of units) {
    const lets = letAudit.get(u.id) ?? [];
    if (u.status === "LET" && (lets.length !== 1 || u.firstLettingOn !== LET_DATE))
      problems.push(`unit ${u.reference} is LET with ${lets.length} recordLetting events, firstLettingOn ${u.firstLettingOn}`);
    if (u.status !== "LET" && lets.length > 0) problems.push(`unit ${u.reference} is ${u.status} but has ${lets.length} recordLetting events`);
  }
  for (const e of state.audit.recordLetting) {
    if (!unitIds.has(e.entityId)) problems.push(`audit event recordLetting for an unknown unit ${e.entityId}`);
  }
  const anyLet = units.some((u) => u.status === "LET");
  if (state.shared.totalCount !== units.length) problems.push(`shared dwelling: totalCount ${state.shared.totalCount} but ${units.length} units listed`);
  if (state.shared.status !== (anyLet ? "LET" : "VACANT"))
    problems.push(`shared dwelling is ${state.shared.status} while ${units.filter((u) => u.status === "LET").length} of its units are LET`);
  if ((state.shared.firstLettingOn ?? null) !== (anyLet ? LET_DATE : null))
    problems.push(`shared dwelling firstLettingOn ${state.shared.firstLettingOn} (units let: ${anyLet})`);
  return { problems, unackedPresent, unackedAbsent, lost };
}

function crashSuite(kind: "pglite" | "postgresql") {
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    for (const clean of cleanups.reverse()) await clean().catch((e) => console.error(`cleanup failed: ${e}`));
  });

  it(`acknowledged mutations survive a SIGKILL, unacknowledged ones are whole or absent, and resending them applies each once (${kind})`, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), `abordable-crash-${kind}-`));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    let databaseUrl = "";
    if (kind === "postgresql") databaseUrl = await scratchPostgresDatabase(PG_URL!, cleanups);
    const env = { ABORDABLE_DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
    const log = (msg: string) => console.log(`[crash ${kind}] ${msg}`);

    let api = startApi(env);
    children.push(api.child);
    await waitReady(api);
    expect(api.output()).toContain("Demo API keys");
    const keysText = await readFile(path.join(dataDir, "demo-api-keys.txt"), "utf8");
    const keys = parseKeys(keysText);
    const adminKey = keys.find((k) => k.role === "MINISTRY_ADMIN")!.key;
    const landlordKey = keys.find((k) => k.role === "SOCIAL_LANDLORD")!.key;
    expect(adminKey).toBeTruthy();
    expect(landlordKey).toBeTruthy();
    const landlordId: string = (await query(api.port, landlordKey, "{ viewer { organisation { id } } }")).viewer.organisation.id;

    const ops: Op[] = [];
    let next = 0;
    const makeOp = (round: number, kind: Kind, input: Record<string, any>, reference: string, unitId?: string): Op => {
      const q = kind === "dwelling" ? CREATE : kind === "unit" ? UNIT : LET;
      const op: Op = {
        n: next++,
        round,
        kind,
        reference,
        unitId,
        idempotencyKey: `crash-${randomUUID()}`,
        body: JSON.stringify({ query: q, variables: { input } }),
        input,
        acked: false,
      };
      ops.push(op);
      return op;
    };
    const dwellingInput = (n: number, reference: string) => ({
      reference,
      developerId: landlordId,
      category: "ALL_PUBLIC",
      type: "APARTMENT",
      bedrooms: n % 5,
      usefulArea: `${40 + (n % 60)}.${(n % 9) + 1}`,
      municipalityCode: "esch-sur-alzette",
      address: `${n}, rue du Crash`,
    });

    // The shared dwelling the units go into, acknowledged before the stream.
    const sharedOp = makeOp(
      0,
      "dwelling",
      { ...dwellingInput(0, "CRASH-SHARED"), type: "SHARED_DWELLING", category: "DEDICATED", dedicatedSubCategory: "STUDENTS", bedrooms: 6 },
      "CRASH-SHARED",
    );
    const sharedRes = await post(api.port, landlordKey, sharedOp.body, sharedOp.idempotencyKey);
    const sharedAck = acknowledgement("dwelling", sharedRes, "CRASH-SHARED");
    expect(sharedAck.ok, describeResponse(sharedRes)).toBe(true);
    sharedOp.acked = true;
    sharedOp.id = sharedAck.id;
    const sharedId = sharedAck.id!;

    const problems: string[] = [];
    const lettable: { id: string; reference: string }[] = [];
    const measures: string[] = [];

    /** Acknowledged mutations (all rounds so far) missing after the latest restart. */
    let lostAfterRestarts = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      // ---- the stream, and the kill in its middle
      let killed = false;
      let inFlight = 0;
      let sent = 0;
      let acked = 0;
      let inFlightAtKill = -1;
      let killTimer: NodeJS.Timeout | undefined;
      const target = KILL_AFTER_ACKS + Math.floor(Math.random() * KILL_AFTER_ACKS);
      const current = api;
      const kill = () => {
        if (killed) return;
        if (inFlight === 0) {
          killTimer = setTimeout(kill, 1);
          return;
        }
        killed = true;
        inFlightAtKill = inFlight;
        current.child.kill("SIGKILL");
      };
      const worker = async (w: number) => {
        let i = 0;
        while (!killed) {
          i += 1;
          const n = next;
          const dice = (n * 7 + w * 3 + i) % 20;
          let op: Op;
          if (dice < 3 && lettable.length > 0) {
            const unit = lettable.splice(Math.floor(Math.random() * lettable.length), 1)[0]!;
            op = makeOp(round, "let", { accommodationUnitId: unit.id, date: LET_DATE }, unit.reference, unit.id);
          } else if (dice < 8) {
            const reference = `CRASH-U${n}`;
            op = makeOp(round, "unit", { dwellingId: sharedId, reference, usefulArea: `${10 + (n % 20)}.${(n % 9) + 1}` }, reference);
          } else {
            const reference = `CRASH-${n}`;
            op = makeOp(round, "dwelling", dwellingInput(n, reference), reference);
          }
          sent += 1;
          inFlight += 1;
          try {
            const res = await post(current.port, landlordKey, op.body, op.idempotencyKey);
            const ack = acknowledgement(op.kind, res, op.reference);
            if (ack.ok) {
              op.acked = true;
              op.id = ack.id;
              acked += 1;
              if (op.kind === "unit") lettable.push({ id: ack.id!, reference: op.reference });
              if (acked >= target && !killTimer && !killed) killTimer = setTimeout(kill, Math.floor(Math.random() * 15));
            } else {
              op.outcome = describeResponse(res);
              if (!killed) problems.push(`round ${round}: ${op.kind} ${op.reference} refused before the kill: ${op.outcome}`);
            }
          } catch (error) {
            op.outcome = `no response (${(error as Error).cause ?? (error as Error).message})`;
            if (!killed) problems.push(`round ${round}: ${op.kind} ${op.reference} failed before the kill: ${op.outcome}`);
          } finally {
            inFlight -= 1;
          }
        }
      };
      const streamStarted = Date.now();
      await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
      await current.exited;
      const streamMs = Date.now() - streamStarted;
      expect(killed).toBe(true);
      expect(inFlightAtKill, "the kill must land while requests are in flight").toBeGreaterThan(0);
      const roundOps = ops.filter((o) => o.round === round);
      const unacked = roundOps.filter((o) => !o.acked);

      // ---- restart on the same data: no reseed, then the ledger against the database
      api = startApi(env);
      children.push(api.child);
      const restartStarted = Date.now();
      await waitReady(api);
      const restartMs = Date.now() - restartStarted;
      if (api.output().includes("Demo API keys")) problems.push(`round ${round}: the restart seeded again`);
      expect(await readFile(path.join(dataDir, "demo-api-keys.txt"), "utf8")).toBe(keysText);

      const state = await readState(api.port, adminKey, landlordId, sharedId);
      const after = check(ops, state, false);
      const afterRound = check(roundOps, state, false);
      problems.push(...after.problems.map((p) => `round ${round}, after the restart: ${p}`));
      lostAfterRestarts = Math.max(lostAfterRestarts, after.lost);

      // ---- resend every unacknowledged request of the round with its own Idempotency-Key
      // In parallel; a 409 IDEMPOTENT_REQUEST_IN_PROGRESS is retried after its Retry-After (1 s) for
      // up to RESEND_PATIENCE_MS: the killed process's claims must be released by then.
      let replayed = 0;
      let appliedNow = 0;
      let appliedBefore = 0;
      await Promise.all(
        unacked.map(async (op) => {
          const until = Date.now() + RESEND_PATIENCE_MS;
          let res = await post(api.port, landlordKey, op.body, op.idempotencyKey);
          while (res.status === 409 && res.json.errors?.[0]?.extensions?.code === "IDEMPOTENT_REQUEST_IN_PROGRESS" && Date.now() < until) {
            await new Promise((r) => setTimeout(r, 1000));
            res = await post(api.port, landlordKey, op.body, op.idempotencyKey);
          }
          const ack = acknowledgement(op.kind, res, op.reference);
          if (ack.ok) {
            op.resent = res.replayed ? "replayed" : "applied";
            if (res.replayed) replayed += 1;
            else appliedNow += 1;
            op.id = ack.id;
            if (op.kind === "unit") lettable.push({ id: ack.id!, reference: op.reference });
          } else if (res.status === 409 && res.json.errors?.[0]?.extensions?.code === "IDEMPOTENT_REQUEST_APPLIED") {
            op.resent = "applied-before";
            appliedBefore += 1;
          } else {
            problems.push(
              `round ${round}: resending ${op.kind} ${op.reference} (key ${op.idempotencyKey}, first: ${op.outcome}) got, after ${RESEND_PATIENCE_MS / 1000} s of retries, ${describeResponse(res)}`,
            );
          }
        }),
      );
      const resentOps = ops.filter((o) => o.acked || o.resent);
      const final = check(resentOps, await readState(api.port, adminKey, landlordId, sharedId), true);
      problems.push(...final.problems.map((p) => `round ${round}, after resending: ${p}`));
      // Later rounds treat the resolved requests as acknowledged.
      for (const op of unacked) if (op.resent) op.acked = true;

      const line =
        `round ${round}: sent ${sent} (${roundOps.filter((o) => o.kind === "dwelling").length} createDwelling, ${roundOps.filter((o) => o.kind === "unit").length} createAccommodationUnit, ${roundOps.filter((o) => o.kind === "let").length} recordLetting) in ${streamMs} ms, ` +
        `acknowledged ${acked}, in flight at the kill ${inFlightAtKill}, unacknowledged ${unacked.length}; after the restart (${restartMs} ms) ` +
        `found ${afterRound.unackedPresent} of the unacknowledged applied and ${afterRound.unackedAbsent} absent, lost ${after.lost} acknowledged, every acknowledged one ${after.problems.length === 0 ? "present and whole" : "NOT all present and whole"}; ` +
        `resent ${unacked.length}: ${replayed} replayed, ${appliedNow} applied now, ${appliedBefore} reported applied before the crash (409), ${unacked.length - replayed - appliedNow - appliedBefore} unresolved`;
      measures.push(line);
      log(line);
    }

    const total = ops.filter((o) => o.round > 0);
    log(
      `total: ${total.length} mutations sent over ${ROUNDS} kill(s), ${total.filter((o) => o.acked && !o.resent).length} acknowledged at the first try, ${total.filter((o) => o.resent).length} resolved by resending; lost ${lostAfterRestarts} acknowledged`,
    );
    if (problems.length > 0) log(`PROBLEMS:\n  ${problems.join("\n  ")}`);

    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    expect(problems, `crash consistency violated:\n${problems.join("\n")}`).toEqual([]);
  });
}

describe("crash: SIGKILL in the middle of a stream of mutations, then restart", () => {
  describe("on PGlite (embedded, data directory)", () => crashSuite("pglite"));
  describe.skipIf(!PG_URL)("on PostgreSQL (ABORDABLE_TEST_DATABASE_URL)", () => crashSuite("postgresql"));
});
