import { describe, expect, it } from "vitest";
import { loadParameters, ParameterDefinitionError, type ParameterDefinition } from "../../src/index.js";

/** A valid definition; each test breaks one thing. Fixtures are cast: the loader guards untyped data too. */
const valid: ParameterDefinition = {
  id: "fixture.sample.amount",
  description: "Fixture amount",
  frenchTerm: "montant d'essai",
  unit: "EUR_PER_MONTH_PER_DWELLING",
  law: [
    {
      validFrom: "2023-10-01",
      validTo: "2025-01-01",
      value: "140",
      indexBasis: { kind: "CONSTRUCTION_PRICE_INDEX", base: "881.15" },
      reference: { text: "LAW_2023", article: "13" },
    },
    { validFrom: "2025-01-01", validTo: null, value: "150", indexBasis: { kind: "NONE" }, reference: { text: "LAW_2023", article: "13" } },
  ],
  bill: {
    start: "ENTRY_INTO_FORCE",
    versions: [{ validTo: null, value: "20", indexBasis: { kind: "CONSTRUCTION_PRICE_INDEX", base: "100" }, reference: { text: "BILL_8535", article: "9" } }],
  },
  lastChecked: "2026-11-21",
};

const broken = (patch: Record<string, unknown>) => ({ ...valid, ...patch }) as unknown as ParameterDefinition;
const lawVersion = (i: number, patch: Record<string, unknown>) => valid.law.map((v, j) => (j === i ? { ...v, ...patch } : v));

function rejects(def: ParameterDefinition, message: RegExp): void {
  let error: unknown;
  try {
    loadParameters([def]);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ParameterDefinitionError);
  expect((error as Error).message).toContain(`"${def.id}"`);
  expect((error as Error).message).toMatch(message);
}

describe("loader validation", () => {
  it("accepts the valid fixture", () => {
    expect(loadParameters([valid]).ids).toEqual(["fixture.sample.amount"]);
  });

  it("rejects overlapping periods", () => {
    rejects(broken({ law: lawVersion(1, { validFrom: "2024-06-01" }) }), /overlap/);
    rejects(broken({ law: lawVersion(0, { validTo: null }) }), /overlap.*open-ended/);
  });
  it("rejects a gap inside the declared span", () => {
    rejects(broken({ law: lawVersion(1, { validFrom: "2025-02-01" }) }), /gap from 2025-01-01 to 2025-02-01/);
  });
  it("rejects a period that ends before it starts", () => {
    rejects(broken({ law: [{ ...valid.law[0], validTo: "2023-01-01" }] }), /not after validFrom/);
  });
  it("rejects malformed decimals and dates", () => {
    rejects(broken({ law: lawVersion(0, { value: "1,5" }) }), /malformed decimal "1,5"/);
    rejects(broken({ law: lawVersion(0, { value: "1e3" }) }), /malformed decimal/);
    rejects(broken({ law: lawVersion(0, { indexBasis: { kind: "COST_OF_LIVING_COTE", base: "855,62" } }) }), /malformed decimal/);
    rejects(broken({ law: lawVersion(0, { validFrom: "2023-02-30" }) }), /not an ISO date/);
    rejects(broken({ lastChecked: "yesterday" }), /lastChecked/);
  });
  it("rejects unknown legal texts and missing articles", () => {
    rejects(broken({ law: lawVersion(0, { reference: { text: "LAW_1979", article: "1" } }) }), /unknown legal text "LAW_1979"/);
    rejects(broken({ law: lawVersion(0, { reference: { text: "LAW_2023", article: " " } }) }), /without an article/);
  });
  it("rejects a unit that does not match the value shape", () => {
    rejects(broken({ unit: "DATE" }), /unit DATE expects a date value, got a decimal/);
    rejects(broken({ unit: "MONTHS", law: [{ ...valid.law[1], value: "2.5" }], bill: "UNCHANGED" }), /whole number/);
    rejects(broken({ unit: "PERCENT" }), /unit PERCENT cannot be index-linked/);
    rejects(
      broken({ unit: "EUR", law: [{ ...valid.law[1], value: { kind: "date", date: "1990-01-01" } }], bill: "UNCHANGED" }),
      /unit EUR does not match a date value/,
    );
    rejects(broken({ unit: "FURLONGS" }), /unknown unit/);
    rejects(broken({ unit: "DAY_OF_YEAR", law: [{ ...valid.law[1], value: { kind: "monthDay", month: 2, day: 30 } }], bill: "UNCHANGED" }), /no such day/);
    rejects(
      broken({ unit: "CODE", law: [{ ...valid.law[1], value: { kind: "code", code: "WEEKLY", allowed: ["ANNUAL"] } }], bill: "UNCHANGED" }),
      /not one of/,
    );
  });
  it("rejects bracket scales with gaps or overlaps", () => {
    const scale = (brackets: unknown[], axisType = "INTEGER") =>
      broken({ unit: "COEFFICIENT", law: [{ ...valid.law[1], value: { kind: "brackets", axis: "serviceYear", axisType, brackets } }], bill: "UNCHANGED" });
    const b = (from: string | null, to: string | null, value = "1", fromInclusive = true, toInclusive = true) => ({
      from,
      to,
      fromInclusive,
      toInclusive,
      value,
    });
    rejects(scale([b("1", "20"), b("22", "40")]), /gap between bracket 0 and 1/);
    rejects(scale([b("1", "20"), b("20", "40")]), /overlap/);
    rejects(scale([b("0", "50"), b("50", "70")], "CONTINUOUS"), /in both bracket/);
    rejects(scale([b("0", "50"), b("51", "70")], "CONTINUOUS"), /gap/);
    rejects(scale([b("1", "20", "1,64")]), /malformed decimal/);
  });
  it("rejects household tables whose cells do not match the columns", () => {
    const table = {
      kind: "householdTable",
      columns: ["ceiling"],
      rows: [{ adults: 1, children: 0, label: "1 adulte", values: { plafond: "4736" } }],
      extraChild: { ceiling: "1" },
      extraAdult: { ceiling: "1" },
    };
    rejects(broken({ unit: "EUR", law: [{ ...valid.law[1], value: table }], bill: "UNCHANGED" }), /do not match columns/);
  });
  it("rejects malformed bill amendments", () => {
    rejects(broken({ bill: { start: "ENTRY_INTO_FORCE", versions: [{ ...valid.law[1] }] } }), /omit validFrom/);
    rejects(broken({ bill: { start: "WHENEVER", versions: [] } }), /UNCHANGED or/);
    rejects(broken({ bill: { start: "ENTRY_INTO_FORCE", versions: [] } }), /without versions/);
    rejects(broken({ law: [], bill: "UNCHANGED" }), /no value in any regime/);
    rejects(
      broken({
        bill: {
          start: "ENTRY_INTO_FORCE",
          versions: [{ validTo: null, value: "20", indexBasis: { kind: "NONE" }, reference: { text: "BILL_9999", article: "9" } }],
        },
      }),
      /unknown legal text/,
    );
  });
  it("rejects bad ids, duplicate ids and unknown interpretation notes", () => {
    rejects(broken({ id: "Compensation operating cost" }), /dotted camelCase/);
    rejects(broken({ interpretationNotes: ["no-such-note"] }), /unknown interpretation note/);
    expect(() => loadParameters([valid, valid])).toThrow(/"fixture.sample.amount": defined twice/);
  });
});
