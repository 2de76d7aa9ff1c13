import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildLandlordStatement,
  canonicalStatementJson,
  COMPENSATION_INTERPRETATION_NOTES,
  diffStatements,
  sha256Hex,
  statementContentHash,
  statementToCsv,
  type LandlordStatementInput,
} from "../../src/index.js";

const input: LandlordStatementInput = {
  landlord: { id: "L1", kind: "OTHER" },
  conventionSignedOn: "2024-01-15",
  year: 2025,
  months: { from: "2025-01", to: "2025-02" },
  dwellings: [
    { id: "D1", managedPeriods: [{ from: "2024-01-01", to: null }], amounts: [{ month: "2025-01", rentPaidToDeveloper: "600", tenantRents: "450.5" }] },
    { id: "D2", managedPeriods: [{ from: "2025-02-10", to: null }] },
  ],
};

describe("statement serialisation", () => {
  it("pure SHA-256 matches node:crypto (ASCII, accents, astral, block boundaries)", () => {
    for (const text of ["", "abc", "é « logement abordable » 🏠", "a".repeat(55), "a".repeat(56), "a".repeat(64), "x".repeat(1000)])
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("canonical JSON is independent of key and line order; the hash follows it", () => {
    const s = buildLandlordStatement(input, { regime: "LAW" });
    const shuffled = { ...s, lines: [...s.lines].reverse() };
    const reordered = Object.fromEntries(Object.entries(s).reverse()) as typeof s;
    expect(canonicalStatementJson(shuffled)).toBe(canonicalStatementJson(s));
    expect(canonicalStatementJson(reordered)).toBe(canonicalStatementJson(s));
    expect(statementContentHash(s)).toBe(createHash("sha256").update(canonicalStatementJson(s)).digest("hex"));
    expect(statementContentHash(s, (json) => `len:${json.length}`)).toMatch(/^len:\d+$/);
    expect(JSON.parse(canonicalStatementJson(s)).total).toBe(s.total);
  });

  it("diff: added, removed and changed lines with amounts", () => {
    const before = buildLandlordStatement(input, { regime: "LAW" });
    const after = buildLandlordStatement(
      {
        ...input,
        dwellings: [
          { id: "D1", managedPeriods: [{ from: "2024-01-01", to: null }], amounts: [{ month: "2025-01", rentPaidToDeveloper: "600", tenantRents: "470.5" }] },
          { id: "D3", managedPeriods: [{ from: "2025-02-01", to: null }] },
        ],
      },
      { regime: "LAW" },
    );
    const d = diffStatements(before, after);
    expect(d.changed).toEqual([
      { lineId: "D1|2025-01|TENANT_RENTS", before: "-450.50", after: "-470.50", delta: "-20.00", changedFields: ["exactAmount", "inputs"] },
    ]);
    // The line shows the amount it was given for the month (inputs.amountForMonth), so the inputs change with it.
    expect(after.lines.find((l) => l.lineId === "D1|2025-01|TENANT_RENTS")!.inputs).toEqual({ amountForMonth: "470.5" });
    expect(d.added.map((l) => `${l.lineId} ${l.amount}`)).toEqual(["D3|2025-02|MANAGEMENT_FLAT 300.00"]);
    // D2: managed from 10 February → 300 × 19/28 = 203.571… → 203.57
    expect(d.removed.map((l) => `${l.lineId} ${l.amount}`)).toEqual(["D2|2025-02|MANAGEMENT_FLAT 203.57"]);
    expect(d).toMatchObject({ totalBefore: "953.07", totalAfter: "1029.50", totalDelta: "76.43", identical: false });
    expect(diffStatements(before, before).identical).toBe(true);
  });

  it("CSV: RFC 4180 quoting, CRLF, the same figures to the cent, subtotals and total rows", () => {
    const s = buildLandlordStatement(input, { regime: "LAW" });
    const csv = statementToCsv(s);
    const rows = csv.split("\r\n");
    expect(rows[0]).toBe("line_id,dwelling_id,object_id,object_kind,month,component,rule_id,article,amount,parameter_versions");
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(rows).toContain(
      "D1|2025-01|TENANT_RENTS,D1,D1,DWELLING,2025-01,TENANT_RENTS,compensation.landlord.deficit.tenantRents,law art. 40 §1 al. 3,-450.50,",
    );
    expect(rows).toContain(`TOTAL,,,,,,,,${s.total},`);
    const semicolon = statementToCsv(s, { separator: ";" });
    // the article "law art. 40 §2 al. 1; RGD 2024 art. 3" contains the separator: quoted
    expect(semicolon).toContain('"law art. 40 §2 al. 1; RGD 2024 art. 3"');
    const amounts = rows.slice(1, 1 + s.lines.length).map((r) => r.split(",").at(-2));
    expect(amounts).toEqual(s.lines.map((l) => l.amount));
  });
});

describe("compensation README", () => {
  const readme = readFileSync(new URL("../../src/compensation/README.md", import.meta.url), "utf8");
  it.each(COMPENSATION_INTERPRETATION_NOTES.map((n) => [n.id]))("documents interpretation note %s", (id) => {
    expect(readme).toContain(`\`${id}\``);
  });
});
