import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALLOCATION_INTERPRETATION_NOTES } from "../../src/index.js";
import { ALLOCATION_EXTRA_PARAMETERS } from "../../src/parameters/data/allocation-extra.js";

const readme = readFileSync(new URL("../../src/allocation/README.md", import.meta.url), "utf8");

describe("allocation README", () => {
  it.each(ALLOCATION_INTERPRETATION_NOTES.map((n) => [n.id]))("lists interpretation note %s", (id) => expect(readme).toContain(`| \`${id}\` |`));
  it.each(ALLOCATION_EXTRA_PARAMETERS.map((p) => [p.id]))("lists parameter %s", (id) => expect(readme).toContain(`\`${id}\``));
  it("states that the law gives no weights", () => expect(readme).toMatch(/The law gives no weights/));
});
