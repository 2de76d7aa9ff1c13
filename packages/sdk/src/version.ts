// Written by scripts/build.mjs from package.json (test/package.test.ts checks they agree).
/** The SDK's version, sent in `User-Agent: abordable-sdk/<version>`. */
export const SDK_VERSION = "0.2.0";
