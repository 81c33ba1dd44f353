#!/usr/bin/env node
/**
 * A fresh clone must install with `npm ci`, on every platform npm supports, with no engine warning. This checks
 * the three things that broke that before (npm test runs it):
 *
 *   1. package-lock.json agrees with every package.json: the lockfile's copy of each manifest, and npm's own
 *      judgement (`npm ci --dry-run`, which also re-resolves every range against what is locked);
 *   2. every optional dependency a locked package declares is locked too — npm once wrote lockfiles that kept
 *      only the current machine's platform binaries (@biomejs/cli-*, @rollup/rollup-*, @esbuild/*), and then
 *      `npm ci` fails everywhere else;
 *   3. every locked package that declares `engines.node` runs on the oldest Node the root package.json promises
 *      (canonicalize 5 needed Node 22 while we promise 20.19).
 *
 *   node scripts/check-lockfile.mjs [project folder]   exit 1 with what disagrees, 0 when all agree
 *
 * Why the oldest promised version and not every version the root range admits: dependencies such as vitest
 * (`^20 || ^22 || >=24`) skip the short-lived odd releases, which nobody should run; what a newcomer meets is
 * an old LTS Node, and `.npmrc` has engine-strict=true so install refuses loudly rather than warns.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const project = process.argv[2] ?? repoRoot;
const fix =
  "npm install --package-lock-only --ignore-scripts --no-audit --no-fund, then commit package-lock.json";

const readJson = (path) => JSON.parse(readFileSync(join(project, path), "utf8"));

const dependencyFields = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];
const sameMap = (a = {}, b = {}) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** The root's workspace folders, with a trailing `*` expanded as npm does. */
function workspaceFolders(manifest) {
  return (manifest.workspaces ?? []).flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(project, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(project, parent, entry.name, "package.json")))
      .map((entry) => `${parent}/${entry.name}`);
  });
}

/**
 * 1a. The lockfile's copy of each manifest (root and workspaces) is the manifest. npm ci does not look at a
 * workspace's dependency on another workspace, nor at a workspace that left, so this compares them itself.
 */
function lockedManifestsMatch(packages, rootManifest) {
  const folders = workspaceFolders(rootManifest);
  const drift = [];
  for (const folder of ["", ...folders]) {
    const manifest = readJson(join(folder, "package.json"));
    const locked = packages[folder];
    const shown = folder === "" ? "package.json" : `${folder}/package.json`;
    if (locked === undefined) {
      drift.push(`${shown} is not in the lockfile`);
      continue;
    }
    if (folder !== "" && locked.version !== manifest.version)
      drift.push(`${shown}: version ${manifest.version}, locked ${locked.version}`);
    for (const field of dependencyFields) {
      if (!sameMap(manifest[field], locked[field]))
        drift.push(`${shown}: ${field} differ from the lockfile's copy`);
    }
  }
  for (const path of Object.keys(packages)) {
    if (path !== "" && !path.includes("node_modules/") && !folders.includes(path)) {
      drift.push(`the lockfile still has workspace ${path}, which the root package.json no longer lists`);
    }
  }
  return drift.length === 0 ? [] : [`manifests and lockfile disagree:\n    ${drift.join("\n    ")}`];
}

/** 1. npm ci refuses a lockfile out of step with the manifests; ask it without installing anything. */
function lockfileMatchesManifests() {
  const npm = spawnSync("npm", ["ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd: project,
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  if (npm.status === 0) return [];
  const errors = npm.stderr
    .split("\n")
    .filter((line) => line.startsWith("npm error"))
    .map((line) => line.slice("npm error".length).trim());
  // npm follows its reason with the whole usage text of `npm ci`; keep the reason.
  const usage = errors.indexOf("Clean install a project");
  const said = (usage < 0 ? errors : errors.slice(0, usage)).filter((line) => line !== "").slice(0, 8);
  return [`npm ci refuses this lockfile:\n    ${said.join("\n    ")}`];
}

/** Where Node would find `name` from the locked package at `from`: its own node_modules, then each parent's. */
function resolveLocked(packages, from, name) {
  for (let at = from; ; ) {
    const candidate = at === "" ? `node_modules/${name}` : `${at}/node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (at === "") return undefined;
    const parent = at.lastIndexOf("/node_modules/");
    at = parent < 0 ? "" : at.slice(0, parent);
  }
}

/** 2. Optional dependencies (the per-platform binaries) present for every platform, not just this one. */
function optionalPlatformPackagesLocked(packages) {
  const missing = [];
  for (const [path, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (resolveLocked(packages, path, name) === undefined) {
        missing.push(`${name} (optional dependency of ${path === "" ? "the root" : path})`);
      }
    }
  }
  return missing.length === 0
    ? []
    : [`optional packages missing from the lockfile:\n    ${missing.join("\n    ")}`];
}

/** 3. Every declared engines.node admits the oldest Node we promise. */
function enginesHonest(packages, promised) {
  const oldest = semver.minVersion(promised);
  if (oldest === null) return [`the root engines.node "${promised}" names no version`];
  const needMore = Object.entries(packages)
    .filter(([path]) => path.includes("node_modules/"))
    .filter(([, entry]) => typeof entry.engines?.node === "string")
    .filter(([, entry]) => !semver.satisfies(oldest, entry.engines.node, { includePrerelease: true }))
    .map(
      ([path, entry]) =>
        `${path.replace(/^.*node_modules\//, "")}@${entry.version} needs Node ${entry.engines.node}`,
    );
  return needMore.length === 0
    ? []
    : [
        `packages that do not run on Node ${oldest} (root engines.node "${promised}"):\n    ${needMore.join("\n    ")}`,
      ];
}

const lock = readJson("package-lock.json");
const rootManifest = readJson("package.json");
const promised = rootManifest.engines?.node;
const problems = [
  ...lockedManifestsMatch(lock.packages ?? {}, rootManifest),
  ...lockfileMatchesManifests(),
  ...optionalPlatformPackagesLocked(lock.packages ?? {}),
  ...(typeof promised === "string"
    ? enginesHonest(lock.packages ?? {}, promised)
    : ["the root package.json has no engines.node"]),
];

if (problems.length > 0) {
  console.error(`check-lockfile: package-lock.json is not fit for npm ci\n  ${problems.join("\n  ")}`);
  console.error(
    `  remedy: for a stale lockfile, ${fix}; for an engine, pin a version that runs on the promised Node`,
  );
  process.exit(1);
}
console.log("check-lockfile: package-lock.json matches the manifests, locks every platform, engines honest");
