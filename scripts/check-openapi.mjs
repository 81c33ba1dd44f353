#!/usr/bin/env node
/**
 * The committed OpenAPI document (docs/openapi.json) must be the one the server generates from its route
 * schemas. This builds the app from packages/server/dist (run `tsc -b` first) on a throwaway in-memory store,
 * reads /openapi.json from it, and compares.
 *
 *   node scripts/check-openapi.mjs           exit 1 with the differences when the committed file drifted
 *   node scripts/check-openapi.mjs --write   rewrite docs/openapi.json (`npm run openapi`)
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const committedPath = join(root, "docs", "openapi.json");
const shownPath = relative(process.cwd(), committedPath) || committedPath;
const write = process.argv.includes("--write");

async function importBuilt(path) {
  const file = join(root, path);
  if (!existsSync(file)) {
    console.error(`check-openapi: ${path} is missing; build first with \`npx tsc -b\``);
    process.exit(2);
  }
  return import(pathToFileURL(file).href);
}

/** The document exactly as the server serves it. */
async function generate() {
  const { createApp, buildDeps } = await importBuilt("packages/server/dist/index.js");
  const { createStore } = await importBuilt("packages/store/dist/index.js");
  const { pino } = await import("pino");
  const store = createStore({ url: ":memory:" });
  const deps = buildDeps({ store, masterKey: randomBytes(32), logger: pino({ level: "silent" }) });
  try {
    const res = await createApp(deps).request("/openapi.json");
    if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}`);
    return `${JSON.stringify(await res.json(), null, 2)}\n`;
  } finally {
    await deps.lastSeen.close();
    await store.close();
  }
}

/** Operations and components added, removed or changed between two documents, for the drift message. */
function differences(before, after) {
  const lines = [];
  const compare = (label, a = {}, b = {}) => {
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(name in a)) lines.push(`  + ${label} ${name}`);
      else if (!(name in b)) lines.push(`  - ${label} ${name}`);
      else if (JSON.stringify(a[name]) !== JSON.stringify(b[name])) lines.push(`  ~ ${label} ${name}`);
    }
  };
  const operations = (doc) =>
    Object.fromEntries(
      Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op]),
      ),
    );
  compare("operation", operations(before), operations(after));
  compare("schema", before.components?.schemas, after.components?.schemas);
  const { paths: _p, components: _c, ...restBefore } = before;
  const { paths: _q, components: _d, ...restAfter } = after;
  if (JSON.stringify(restBefore) !== JSON.stringify(restAfter)) lines.push("  ~ document info");
  return lines;
}

const generated = await generate();

if (write) {
  mkdirSync(dirname(committedPath), { recursive: true });
  writeFileSync(committedPath, generated);
  console.log(`check-openapi: wrote ${shownPath}`);
  process.exit(0);
}

if (!existsSync(committedPath)) {
  console.error(
    `check-openapi: ${shownPath} does not exist; generate it with \`npm run openapi\` and commit it`,
  );
  process.exit(1);
}

const committed = readFileSync(committedPath, "utf8");
if (committed === generated) {
  console.log(`check-openapi: ${shownPath} matches the server's routes`);
  process.exit(0);
}

let changes;
try {
  changes = differences(JSON.parse(committed), JSON.parse(generated));
} catch {
  changes = ["  (the committed file is not valid JSON)"];
}
console.error(
  [
    `check-openapi: ${shownPath} has drifted from the server's route schemas.`,
    "Committed → generated:",
    ...(changes.length > 0 ? changes : ["  (formatting only)"]),
    "Run `npm run openapi` and commit docs/openapi.json with the change to the routes.",
  ].join("\n"),
);
process.exit(1);
