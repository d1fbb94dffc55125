// Records the frontend's operations, as the CMS answers them, into
// src/__fixtures__/ for the component tests. Run against a CMS with the demo
// content: CMS_GRAPHQL_URL=http://127.0.0.1:8000/graphql/ node scripts/record-fixtures.mjs
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { parse, print, visit } from "graphql";

const url = process.env.CMS_GRAPHQL_URL || "http://127.0.0.1:8000/graphql/";
const dir = "src/graphql";
const definitions = readdirSync(dir)
  .filter((f) => f.endsWith(".graphql"))
  .flatMap((f) => parse(readFileSync(`${dir}/${f}`, "utf8")).definitions);
const fragments = new Map(
  definitions.filter((d) => d.kind === "FragmentDefinition").map((d) => [d.name.value, d]),
);

function documentFor(name) {
  const operation = definitions.find((d) => d.kind === "OperationDefinition" && d.name?.value === name);
  if (!operation) throw new Error(`No operation ${name} in ${dir}`);
  const used = new Set();
  const todo = [operation];
  while (todo.length) {
    visit(todo.pop(), {
      FragmentSpread(node) {
        if (!used.has(node.name.value)) {
          used.add(node.name.value);
          todo.push(fragments.get(node.name.value));
        }
      },
    });
  }
  return [operation, ...[...used].map((n) => fragments.get(n))].map(print).join("\n\n");
}

const cause = "thin-endometrium";
const recordings = {
  "locales.json": ["Locales", {}],
  "chrome-en.json": ["SiteChrome", { locale: "en" }],
  "chrome-de.json": ["SiteChrome", { locale: "de" }],
  "hub-en.json": ["HubPage", { locale: "en" }],
  "hub-de.json": ["HubPage", { locale: "de" }],
  "category-en.json": ["CategoryPage", { slug: "uterine", locale: "en" }],
  "cause-en.json": ["CausePage", { slug: cause, locale: "en" }],
  "cause-de.json": ["CausePage", { slug: cause, locale: "de" }],
  "cause-fr-fallback.json": ["CausePage", { slug: cause, locale: "fr", fallback: true }],
  "sitemap-en.json": ["Sitemap", { locale: "en" }],
  "sitemap-de.json": ["Sitemap", { locale: "de" }],
};

for (const [file, [operationName, variables]] of Object.entries(recordings)) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: documentFor(operationName), variables, operationName }),
  });
  const body = await response.json();
  if (body.errors || !body.data) throw new Error(`${operationName}: ${JSON.stringify(body.errors)}`);
  writeFileSync(`src/__fixtures__/${file}`, JSON.stringify(body.data, null, 2) + "\n");
  console.log(`recorded ${file}`);
}
