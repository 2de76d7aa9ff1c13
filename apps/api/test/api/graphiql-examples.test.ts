/**
 * GraphiQL's ready-made content: every example operation is valid against the schema, each tab's
 * Headers hold the Authorization placeholder, and the page carries the note on the API key.
 */
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { AUTH_HEADERS_PLACEHOLDER, EXAMPLE_TABS, renderPlayground } from "../../src/http/graphiql.js";
import { buildSchema } from "../../src/schema.js";

describe("GraphiQL examples", () => {
  it("offers valid example operations for a landlord, a developer and an analyst", () => {
    const schema = buildSchema();
    expect(EXAMPLE_TABS).toHaveLength(3);
    expect(EXAMPLE_TABS.map((t) => t.query.split("\n")[0])).toEqual([
      expect.stringContaining("Social landlord"),
      expect.stringContaining("Social developer"),
      expect.stringContaining("Ministry analyst"),
    ]);
    for (const tab of EXAMPLE_TABS) {
      expect(validate(schema, parse(tab.query)).map((e) => e.message)).toEqual([]);
      expect(JSON.parse(tab.headers)).toEqual({ Authorization: "Bearer <your API key>" });
    }
  });

  it("pre-fills the Headers tab and shows a note on the API key", () => {
    const html = renderPlayground("/graphql");
    expect(JSON.parse(AUTH_HEADERS_PLACEHOLDER)).toEqual({ Authorization: "Bearer <your API key>" });
    expect(html).toContain(JSON.stringify(AUTH_HEADERS_PLACEHOLDER).slice(1, -1));
    expect(html).toMatch(/<aside id="abordable-auth-note" role="note"/);
  });
});
