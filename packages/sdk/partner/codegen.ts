/**
 * graphql-codegen configuration for a partner's own operations against the abordable API, with the
 * client preset: typed documents (`TypedDocumentNode`) that `client.request(document, variables)`
 * runs with the SDK's retries, idempotency, typed errors and exact scalars.
 *
 *   npm install --save-dev @graphql-codegen/cli @graphql-codegen/client-preset
 *   cp node_modules/@abordable/sdk/codegen.partner.ts codegen.ts   # then adjust `documents`
 *   npx graphql-codegen
 *
 * `schema` is the SDL shipped in the SDK (the API version this SDK was released with). The scalars
 * map to the SDK's markers, so that `client.request` types `Decimal` fields as decimal.js
 * `Decimal`s (or strings with `decimals: "string"`) and dates as strings (or `Date`s with
 * `dates: "date"`), exactly as it converts them at run time.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "node_modules/@abordable/sdk/schema.graphql",
  documents: ["src/**/*.graphql"],
  ignoreNoDocuments: true,
  // Relative imports with ".js", as TypeScript's NodeNext resolution (and Node's ES modules) require.
  emitLegacyCommonJSImports: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          ID: "string",
          Decimal: { input: "@abordable/sdk#DecimalInput", output: "@abordable/sdk#DecimalOutput" },
          Date: { input: "@abordable/sdk#DateInput", output: "@abordable/sdk#DateOutput" },
          DateTime: { input: "@abordable/sdk#DateTimeInput", output: "@abordable/sdk#DateTimeOutput" },
          Month: "string",
          JSON: "unknown",
        },
      },
    },
  },
};

export default config;
