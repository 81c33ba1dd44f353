/**
 * Durable commits on SQLite as activations make them: 64 writers at once, each committing one small
 * transaction after another through `store.transaction` (group commit), for a few seconds; commits per second,
 * and how much of the time the event loop was busy (a commit that waits for the disk on the loop's thread shows
 * as busy: nothing else can run). Several checkouts compare in one process, interleaved, as validateByLease does:
 *
 *   node --conditions=ninsho-source --import tsx bench/profile/commits.ts . /tmp/before
 *
 * COMMITS_SECONDS (default 3), COMMITS_ROUNDS (3).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { newId } from "@ninsho/core";
import { seedLicense } from "../../packages/store/test/support/builders.js";

type StoreModule = typeof import("../../packages/store/src/index.js");

const SECONDS = Number(process.env.COMMITS_SECONDS ?? 3);
const ROUNDS = Number(process.env.COMMITS_ROUNDS ?? 3);
const WRITERS = 64;

async function round(store: Awaited<ReturnType<typeof open>>["store"], licenseId: string) {
  const until = performance.now() + SECONDS * 1000;
  const before = performance.eventLoopUtilization();
  let commits = 0;
  const writer = async () => {
    while (performance.now() < until) {
      await store.transaction(async (tx) => {
        await tx.events.append({
          id: newId("event"),
          licenseId,
          type: "device.activated",
          actor: "bench",
          data: { n: commits },
          createdAt: new Date().toISOString(),
        });
      });
      commits++;
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  const busy = performance.eventLoopUtilization(before).utilization;
  return { perSecond: commits / SECONDS, busy };
}

async function open(root: string) {
  const { createStore } = (await import(join(root, "packages/store/src/index.ts"))) as StoreModule;
  const dir = mkdtempSync(join(tmpdir(), "ninsho-commits-"));
  const store = createStore({ url: join(dir, "ninsho.db") });
  await store.migrate();
  const { license } = await seedLicense(store);
  return { root, store, licenseId: license.id, dir };
}

const roots = (process.argv.length > 2 ? process.argv.slice(2) : ["."]).map((r) => resolve(r));
const opened = [];
for (const root of roots) opened.push(await open(root));
const figures = new Map<string, { perSecond: number; busy: number }[]>(roots.map((r) => [r, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (const o of opened) figures.get(o.root)?.push(await round(o.store, o.licenseId));
}
console.log(
  `${WRITERS} writers, ${ROUNDS} rounds of ${SECONDS} s: durable commits per second, event loop busy`,
);
for (const [root, runs] of figures) {
  const shown = runs
    .map((f) => `${Math.round(f.perSecond)}/s (${Math.round(f.busy * 100)}% busy)`)
    .join(", ");
  console.log(`  ${root}: ${shown}`);
}
for (const o of opened) {
  await o.store.close();
  rmSync(o.dir, { recursive: true, force: true });
}
