// Fails when an operation does not validate against the committed schema
// snapshot, when the committed generated types are not what the schema and
// the operations generate now, or when a document the frontend sends is over
// the CMS's default token limit (GRAPHQL_MAX_TOKENS), which it would refuse,
// or when the trusted-documents manifest (persisted-documents.json, which the
// CMS imports) is missing an operation or names one by a wrong id.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { Lexer, Source, TokenKind } from "graphql";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const committed = "src/graphql/generated";
const MAX_TOKENS = 2000;
const scratch = mkdtempSync(join(tmpdir(), "codegen-"));
try {
  try {
    execFileSync("npx", ["graphql-codegen", "--config", "codegen.ts", "--silent"], {
      env: { ...process.env, CODEGEN_OUT: scratch + "/" },
      stdio: ["ignore", "inherit", "inherit"],
    });
  } catch {
    console.error("check:codegen: the operations in src/graphql/ do not validate against ../tests/snapshots/schema.graphql.");
    process.exit(1);
  }
  const names = new Set([...readdirSync(committed), ...readdirSync(scratch)]);
  const stale = [...names].filter((name) => {
    const read = (dir) => {
      try {
        return readFileSync(join(dir, name), "utf8");
      } catch {
        return null;
      }
    };
    return read(committed) !== read(scratch);
  });
  if (stale.length) {
    console.error(`check:codegen: ${committed}/ is out of date (${stale.join(", ")}). Run \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
  const generated = readFileSync(join(committed, "graphql.ts"), "utf8");
  const documents = [...generated.matchAll(/export const (\w+)Document = new TypedDocumentString\(`([\s\S]*?)`/g)];
  const over = documents
    .map(([, name, text]) => {
      const lexer = new Lexer(new Source(text));
      let tokens = 0;
      while (lexer.advance().kind !== TokenKind.EOF) tokens++;
      return { name, tokens };
    })
    .filter(({ tokens }) => tokens > MAX_TOKENS);
  if (documents.length === 0 || over.length) {
    console.error(
      `check:codegen: the CMS refuses documents over ${MAX_TOKENS} tokens: ${over.map((o) => `${o.name} (${o.tokens})`).join(", ") || "no documents found"}.`,
    );
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(join(committed, "persisted-documents.json"), "utf8"));
  const ids = Object.keys(manifest);
  const wrong = ids.filter((id) => id !== "sha256:" + createHash("sha256").update(manifest[id]).digest("hex"));
  const operations = [...generated.matchAll(/\{"hash":"(sha256:[0-9a-f]{64})"\}/g)].map(([, id]) => id);
  const missing = operations.filter((id) => !(id in manifest));
  if (wrong.length || missing.length || ids.length === 0) {
    console.error(
      `check:codegen: ${committed}/persisted-documents.json is not the manifest of these operations (wrong ids: ${wrong.length}, missing: ${missing.length}). Run \`npm run codegen\`.`,
    );
    process.exit(1);
  }
  console.log(
    `check:codegen: operations validate, the generated types are up to date, every document is within the token limit, the manifest holds all ${ids.length} operations.`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
