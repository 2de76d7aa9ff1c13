/**
 * One harness for every worked case in packages/domain/cases (issue 17 point 3): each JSON file
 * holds one case or a list of cases, with the article, the date, the regime, the readings, the
 * input, the expected output and the hand computation, so that a jurist can review them without
 * reading TypeScript. `expected` maps a path into the engine's result to the value it must equal;
 * a path is dot-separated keys, `[n]` indices and `[field=value]` selectors
 * (e.g. `subtotals.byComponent[key=CAPITAL_LAND][0].amount`); a key applied to a list maps it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ENGINES, type CaseOptions } from "./engines.js";

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../cases");

interface WorkedCase {
  id: string;
  article: string;
  title: string;
  engine: string;
  date: string;
  regime: "LAW" | "BILL_8535";
  bill8535EntryIntoForce?: string;
  readings?: Record<string, string>;
  input: Record<string, unknown>;
  /** Path → expected value. */
  expected?: Record<string, unknown>;
  /** Or: a pattern the error message must match (the engine must refuse the input). */
  expectedError?: string;
  /** The hand computation from the text. */
  computation: string | string[];
}

const REQUIRED = ["id", "article", "title", "engine", "date", "regime", "input", "computation"] as const;

function load(): { file: string; c: WorkedCase }[] {
  const out: { file: string; c: WorkedCase }[] = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const raw: unknown = JSON.parse(readFileSync(path.join(DIR, file), "utf8"));
    for (const c of Array.isArray(raw) ? raw : [raw]) out.push({ file, c: c as WorkedCase });
  }
  return out;
}

/** Follows a path such as `lines[component=CAPITAL_LAND].amount` (a key on a list maps the list). */
export function at(value: unknown, p: string): unknown {
  const tokens = p.match(/[^.[\]]+|\[[^\]]*\]/g) ?? [];
  let v: unknown = value;
  for (const t of tokens) {
    if (v === undefined || v === null) return undefined;
    if (t.startsWith("[")) {
      const inner = t.slice(1, -1);
      const eq = inner.indexOf("=");
      if (eq < 0) v = (v as unknown[])[Number(inner)];
      else {
        const k = inner.slice(0, eq);
        const want = inner.slice(eq + 1);
        v = (v as Record<string, unknown>[]).filter((x) => String(x[k]) === want);
      }
    } else if (Array.isArray(v) && t !== "length") v = v.map((x) => (x as Record<string, unknown>)[t]);
    else v = (v as Record<string, unknown>)[t];
  }
  return v;
}

const cases = load();

describe("worked cases (packages/domain/cases)", () => {
  it("every case is complete, names a known engine, and has a unique id", () => {
    const ids = new Set<string>();
    for (const { file, c } of cases) {
      for (const k of REQUIRED) expect(c[k], `${file}: ${k}`).toBeDefined();
      expect(c.expected !== undefined || c.expectedError !== undefined, `${file} ${c.id}: expected or expectedError`).toBe(true);
      expect(Object.keys(ENGINES), `${file} ${c.id}`).toContain(c.engine);
      expect(ids.has(c.id), `${c.id} twice`).toBe(false);
      ids.add(c.id);
    }
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const { file, c } of cases) {
    it(`${c.id} (${c.article}): ${c.title}`, () => {
      const options: CaseOptions = {
        regime: c.regime,
        ...(c.bill8535EntryIntoForce ? { bill8535EntryIntoForce: c.bill8535EntryIntoForce } : {}),
        ...(c.readings ?? {}),
      };
      const run = () => ENGINES[c.engine]!(c.input, c.date, options);
      if (c.expectedError !== undefined) {
        expect(run, file).toThrow(new RegExp(c.expectedError));
        return;
      }
      // As JSON, as a reviewer reads it: exact decimals become their strings (decimal.js toJSON).
      const result: unknown = JSON.parse(JSON.stringify(run()));
      for (const [p, want] of Object.entries(c.expected ?? {})) expect(at(result, p), `${file} ${c.id}: ${p}`).toEqual(want);
    });
  }
});
