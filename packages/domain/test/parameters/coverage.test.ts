import { describe, expect, it } from "vitest";
import { addDays, PARAMETERS, type RegimeOptions } from "../../src/index.js";

/**
 * Temporal coverage: for every parameter and regime, the versions tile the declared span (each
 * starts where the previous ends, only the last is open) and every day in the span resolves to
 * exactly one version. Boundaries are checked for every version; a daily sweep covers the years
 * the product computes for.
 */
const REGIMES: RegimeOptions[] = [
  { regime: "LAW" },
  { regime: "BILL_8535", bill8535EntryIntoForce: "2026-07-01" },
  { regime: "BILL_8535", bill8535EntryIntoForce: "2027-01-01" },
];
const label = (o: RegimeOptions) => `${o.regime}${o.bill8535EntryIntoForce ? ` (entry into force ${o.bill8535EntryIntoForce})` : ""}`;

describe.each(REGIMES)("temporal coverage under $regime $bill8535EntryIntoForce", (options) => {
  it.each(PARAMETERS.ids.map((id) => [id]))("%s tiles its span and resolves at every boundary", (id) => {
    const versions = PARAMETERS.versions(id, options);
    if (versions.length === 0) {
      expect(PARAMETERS.definition(id).law.length, `${id} has no version under ${label(options)}`).toBe(0);
      return;
    }
    versions.forEach((v, i) => {
      const next = versions[i + 1];
      if (next) expect(v.validTo, `${id}: version ${i} must end where ${i + 1} starts`).toBe(next.validFrom);
      else if (v.validTo !== null) expect(() => PARAMETERS.resolve(id, v.validTo!, options)).toThrow(/not in force/);
      expect(PARAMETERS.resolve(id, v.validFrom, options).version).toEqual(v);
      if (v.validTo !== null) expect(PARAMETERS.resolve(id, addDays(v.validTo, -1), options).version).toEqual(v);
    });
    expect(() => PARAMETERS.resolve(id, addDays(versions[0]!.validFrom, -1), options)).toThrow(/not in force/);
  });

  it("every day from 2023-09-01 to 2028-12-31 matches exactly one version inside each span and none outside", () => {
    for (const id of PARAMETERS.ids) {
      const versions = PARAMETERS.versions(id, options);
      const span = PARAMETERS.span(id, options);
      for (let day = "2023-09-01"; day <= "2028-12-31"; day = addDays(day, 1)) {
        const matching = versions.filter((v) => v.validFrom <= day && (v.validTo === null || day < v.validTo)).length;
        const inSpan = span !== null && day >= span.from && (span.to === null || day < span.to);
        if (matching !== (inSpan ? 1 : 0)) throw new Error(`${id} on ${day} under ${label(options)}: ${matching} versions`);
      }
    }
  });
});

describe("the store", () => {
  it("holds the figures of docs/rules.md sections 1-7", () => {
    expect(PARAMETERS.ids.length).toBeGreaterThan(80);
    expect(new Set(PARAMETERS.ids).size).toBe(PARAMETERS.ids.length);
  });
  it("cites a known text and an article for every version of every regime", () => {
    for (const id of PARAMETERS.ids)
      for (const options of REGIMES)
        for (const v of PARAMETERS.versions(id, options)) {
          expect(v.reference.article.length, id).toBeGreaterThan(0);
          if (v.origin === "BILL_8535") expect(v.reference.text, `${id}: a bill version cites the bill`).toBe("BILL_8535");
        }
  });
});
