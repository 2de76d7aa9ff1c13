/** The one canonical record: canonicalise, seal (SHA-256), verify; tampering is detected. */
import { createHash } from "node:crypto";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { canonicalise, canonicalStatementJson, DomainError, seal, verify } from "../../src/index.js";

const node = (t: string) => createHash("sha256").update(t, "utf8").digest("hex");

describe("canonicalise", () => {
  it("sorts keys by UTF-16 code units, drops undefined members, writes decimals fixed-point", () => {
    expect(canonicalise({ b: 1, a: [true, null, undefined], é: "x", Z: new Decimal("1e-9"), u: undefined })).toBe(
      '{"Z":"0.000000001","a":[true,null,null],"b":1,"é":"x"}',
    );
  });
  it("integer-like keys are sorted as strings too (the slow path), same text as the fast one otherwise", () => {
    expect(canonicalise({ "10": 1, "9": 2, a: { "2": 0, "1": 0 } })).toBe('{"10":1,"9":2,"a":{"1":0,"2":0}}');
    const big = { list: Array.from({ length: 50 }, (_, i) => ({ z: i, a: `n${i}`, m: i / 4 })) };
    expect(canonicalise(big)).toBe(canonicalise(JSON.parse(JSON.stringify(big))));
  });
  it("numbers: as JSON writes them; integersOnly refuses fractions; non-finite is refused", () => {
    expect(canonicalise({ km: 12.5 })).toBe('{"km":12.5}');
    expect(() => canonicalise({ km: 12.5 }, { integersOnly: true })).toThrow(DomainError);
    expect(() => canonicalise({ x: Number.NaN })).toThrow(/non-finite/);
  });
  it("keeps the number rule of stored statement hashes: a statement's canonical JSON is unchanged", () => {
    const statement = {
      lines: [
        { lineId: "b", amount: "1.00", days: 31 },
        { lineId: "a", amount: "2.50", days: 28 },
      ],
      total: "3.50",
      year: 2025,
    } as never;
    expect(canonicalStatementJson(statement)).toBe(
      '{"lines":[{"amount":"2.50","days":28,"lineId":"a"},{"amount":"1.00","days":31,"lineId":"b"}],"total":"3.50","year":2025}',
    );
  });
});

describe("seal and verify", () => {
  const record = { candidate: "C1", points: "12.5", ranking: ["C1", "C2"], nested: { b: 2, a: 1 } };
  it("the seal is the SHA-256 of the canonical text, pure and node:crypto alike", () => {
    const s = seal(record);
    expect(s.hash).toBe(node(s.canonical));
    expect(seal(record, { sha256: node })).toEqual(s);
    expect(seal({ nested: { a: 1, b: 2 }, ranking: ["C1", "C2"], points: "12.5", candidate: "C1" }).hash).toBe(s.hash);
  });
  it("an untouched record verifies", () => {
    const s = seal(record);
    expect(verify(s.canonical, s.hash)).toEqual({ intact: true, canonical: true, recomputedHash: s.hash });
  });
  it("a tampered text, a tampered hash, or a non-canonical text is detected", () => {
    const s = seal(record);
    expect(verify(s.canonical.replace('"12.5"', '"99.5"'), s.hash).intact).toBe(false);
    expect(
      verify(
        s.canonical,
        s.hash.replace(/^./, (c) => (c === "0" ? "1" : "0")),
      ).intact,
    ).toBe(false);
    const reordered = JSON.stringify({ ranking: record.ranking, candidate: "C1", points: "12.5", nested: { a: 1, b: 2 } });
    expect(verify(reordered, node(reordered))).toMatchObject({ intact: true, canonical: false });
  });
});
