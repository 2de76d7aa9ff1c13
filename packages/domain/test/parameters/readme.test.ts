import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PARAMETER_INTERPRETATION_NOTES as INTERPRETATION_NOTES, PARAMETERS } from "../../src/index.js";

// The README documents every parameter and every interpretation note; this keeps it from drifting.
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it.each(PARAMETERS.ids.map((id) => [id]))("lists parameter %s", (id) => {
    expect(readme).toContain(`\`${id}\``);
  });
  it.each(INTERPRETATION_NOTES.map((n) => [n.id]))("lists interpretation note %s", (id) => {
    expect(readme).toContain(`\`${id}\``);
  });
});
