/**
 * CPU time of key generation as `POST /v1/admin/key-batches` does it (the server's bulk issue: keys, short ids,
 * digests, sealed keys, events, committed in batches; each batch turned into CSV lines), in one process on a
 * fresh SQLite file. On a shared machine the process's CPU time holds where wall time does not.
 *
 *   npm run build && npx tsx bench/profile/keygen.ts 100000
 *
 * KEYGEN_PROFILE=1 profiles the issue with the inspector and prints the summary (`summary.ts`).
 */

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore } from "@ninsho/store";
import { pino } from "pino";
import { buildDeps } from "../../packages/server/dist/index.js";
import { createPolicy, createProduct } from "../../packages/server/dist/services/admin/catalog.js";
import { issueLicenses } from "../../packages/server/dist/services/admin/issueKeys.js";
import { summarise } from "./summary.js";

const count = Number(process.argv[2] ?? 100_000);
/** Bytes this process handed to write calls (the WAL's frames, checkpoints into the database file). */
const io = () => Number(/wchar: (\d+)/.exec(readFileSync("/proc/self/io", "utf8"))?.[1] ?? 0);
const work = mkdtempSync(join(tmpdir(), "ninsho-keygen-"));
const store = createStore({ url: join(work, "ninsho.db") });
const deps = buildDeps({ store, masterKey: Buffer.alloc(32, 7), logger: pino({ level: "silent" }) });
try {
  await store.migrate();
  const product = await createProduct(deps, { name: "keygen" });
  if (!product.ok) throw new Error(product.error.code);
  const policy = await createPolicy(deps, {
    productId: product.value.id,
    name: "keygen",
    channel: "retail",
    maxDevices: 3,
  });
  if (!policy.ok) throw new Error("no policy");
  const session = process.env.KEYGEN_PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const ioFrom = io();
  const cpuFrom = process.cpuUsage();
  const wallFrom = performance.now();
  let lines = 0;
  let bytes = 0;
  for await (const batch of issueLicenses(deps, { policy: policy.value, count, actor: "bench:keygen" })) {
    const text = batch
      .map(({ license, key }) => `${license.id},${key},${license.policyId},${license.createdAt}\n`)
      .join("");
    bytes += Buffer.byteLength(text);
    lines += batch.length;
    if (lines % 100_000 < batch.length && lines < count) {
      const soFar = process.cpuUsage(cpuFrom);
      console.log(
        `keygen: ${lines.toLocaleString("en")} keys, CPU ${((soFar.user + soFar.system) / 1e6).toFixed(2)} s`,
      );
    }
  }
  const cpu = process.cpuUsage(cpuFrom);
  const wall = performance.now() - wallFrom;
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const written = io() - ioFrom;
  console.log(
    `keygen: ${lines.toLocaleString("en")} keys (${(bytes / 1e6).toFixed(1)} MB of CSV): CPU ${cpuS.toFixed(2)} s ` +
      `(user ${(cpu.user / 1e6).toFixed(2)}, system ${(cpu.system / 1e6).toFixed(2)}), ` +
      `${((cpu.user + cpu.system) / lines).toFixed(1)} µs per key; wall ${(wall / 1000).toFixed(2)} s; ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ` +
      `written by write calls ${(written / 1e6).toFixed(0)} MB (${(written / lines / 1024).toFixed(1)} KiB per key)`,
  );
  if (session) {
    const { profile } = await session.post("Profiler.stop");
    console.log(summarise(profile as unknown as Parameters<typeof summarise>[0], lines, 30));
  }
} finally {
  await deps.lastSeen.close();
  await store.close();
  rmSync(work, { recursive: true, force: true });
}
