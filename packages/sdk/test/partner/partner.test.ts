/**
 * The SDK as a partner gets it (scripts/partner-check.mjs): packed, installed with
 * `npm install <tarball>` into a scratch project outside the repository, a strict TypeScript
 * consumer with its own graphql-codegen documents, run against a live API.
 */
import { describe, expect, it } from "vitest";

// A plain ES module script (no declarations), imported by URL so that tsc does not check it as TypeScript.
const script: string = new URL("../../scripts/partner-check.mjs", import.meta.url).href;
const { partnerCheck } = (await import(script)) as {
  partnerCheck: () => Promise<Record<string, unknown> & { updatedArea: string; expectedArea: string; userAgent: string; sdkVersion: string }>;
};

describe("a partner installs the SDK from its tarball", () => {
  it("runs a custom typed query and a custom typed mutation against a live API", async () => {
    const seen = await partnerCheck();
    expect(seen).toMatchObject({ areaIsDecimal: true, userErrors: [], elapsed: true, authentication: "AuthenticationError 401 UNAUTHENTICATED" });
    expect(seen.updatedArea).toBe(seen.expectedArea);
    expect(seen.userAgent).toBe(`abordable-sdk/${seen.sdkVersion}`);
    expect(seen.conventionReference).toEqual(expect.any(String));
  });
});
