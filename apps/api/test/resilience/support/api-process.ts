/**
 * The built API (`node dist/main.js`) as a child process, for tests that run several of them or
 * starve their disk: start one on a random port, wait until /readyz answers, post GraphQL with a
 * timeout (a hang is a failure, never a wait), read the demo keys the seed wrote.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { fileURLToPath } from "node:url";

export const MAIN = fileURLToPath(new URL("../../../dist/main.js", import.meta.url));

export interface ApiProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly base: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  readonly exited: Promise<number | string | null>;
  gone(): boolean;
}

export function startApi(env: NodeJS.ProcessEnv): ApiProcess {
  // Below Linux's ephemeral range (32768-60999), where port-0 listeners and outgoing connections take theirs.
  const port = 20_000 + Math.floor(Math.random() * 12_000);
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "development", LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out = (out + d).slice(-30_000)));
  child.stderr!.on("data", (d) => (out = (out + d).slice(-30_000)));
  let gone = false;
  const exited = new Promise<number | string | null>((resolve) =>
    child.on("exit", (code, signal) => {
      gone = true;
      resolve(code ?? signal);
    }),
  );
  return { child, port, base: `http://127.0.0.1:${port}`, output: () => out, exited, gone: () => gone };
}

export async function waitReady(api: ApiProcess, ms = 240_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !api.gone()) {
    try {
      if ((await fetch(`${api.base}/readyz`, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`API did not become ready (${api.gone() ? "it exited" : "timeout"}):\n${api.output().slice(-3000)}`);
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** POSTs a GraphQL body; rejects (AbortError/TimeoutError) when no answer comes within `timeoutMs`. */
export async function post(
  api: Pick<ApiProcess, "base">,
  key: string,
  body: unknown,
  opts: { idempotencyKey?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  const res = await fetch(`${api.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...(opts.idempotencyKey && { "idempotency-key": opts.idempotencyKey }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = { unparsable: text.slice(0, 200) };
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Demo keys as main.ts writes them: "<ROLE padded> <organisation>\n  Authorization: Bearer abk_…". */
export function parseKeys(text: string): { role: string; organisation: string; key: string }[] {
  const keys: { role: string; organisation: string; key: string }[] = [];
  const re = /^(\S+)\s+(.+)\n\s+Authorization: Bearer (abk_\S+)$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) keys.push({ role: m[1]!, organisation: m[2]!.trim(), key: m[3]! });
  return keys;
}

export const CREATE_DWELLING = `mutation($input: CreateDwellingInput!) { createDwelling(input: $input) { dwelling { id reference } userErrors { field code message } } }`;

export function dwellingInput(n: number, reference: string, developerId: string): Record<string, unknown> {
  return {
    reference,
    developerId,
    category: "ALL_PUBLIC",
    type: "APARTMENT",
    bedrooms: n % 5,
    usefulArea: `${40 + (n % 60)}.5`,
    municipalityCode: "esch-sur-alzette",
    address: `${n}, rue des Essais`,
  };
}

/** A database of its own on the PostgreSQL server of `serverUrl`, dropped by the cleanups the caller runs; returns its URL. */
export async function scratchPostgresDatabase(serverUrl: string, cleanups: (() => Promise<void>)[]): Promise<string> {
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || "postgres"}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropper.end();
  });
  url.pathname = `/${name}`;
  return url.toString();
}
