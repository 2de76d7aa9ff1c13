// One lint configuration for the whole monorepo (flat config).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/generated/**", "**/node_modules/**", "**/.data/**", "**/.turbo/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Money and rates never pass through a JS number (developers' guide: "Money is exact").
      "no-restricted-globals": ["error", { name: "parseFloat", message: "Money and rates are decimal.js Decimals: use new Decimal(string)." }],
      "no-restricted-properties": ["error", { property: "toNumber", message: "Never turn a Decimal into a JS number; keep it a Decimal or a string." }],
    },
  },
  {
    // Tests read GraphQL responses as loosely typed JSON; the SDK's own type tests cover typing.
    files: ["**/test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
