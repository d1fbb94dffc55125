import type { CodegenConfig } from "@graphql-codegen/cli";

// The committed SDL snapshot is the contract: types come from it, never from
// a running server. CODEGEN_OUT lets the drift check generate elsewhere.
const out = process.env.CODEGEN_OUT ?? "src/graphql/generated/";

const config: CodegenConfig = {
  schema: "../tests/snapshots/schema.graphql",
  documents: ["src/graphql/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: "client",
      presetConfig: { fragmentMasking: false, gqlTagName: "graphql", persistedDocuments: true },
      config: {
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        scalars: {
          Date: "string",
          DateTime: "string",
          RichText: "string",
          JSONString: "string",
          PositiveInt: "number",
          UUID: "string",
        },
      },
    },
  },
};

export default config;
