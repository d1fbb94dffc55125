// Fails when an operation does not validate against the committed schema
// snapshot, or when the committed generated types are not what the schema
// and the operations generate now.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const committed = "src/graphql/generated";
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
  console.log("check:codegen: operations validate and the generated types are up to date.");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
