/**
 * `npm run bench`: every benchmark in one bounded run on loopback, so each figure is read beside its floor —
 * the floors that do no work, HTTP on SQLite and PostgreSQL (1 and 2 worker processes) over a seeded data set
 * (bench/.work, reused between runs), offline checks, validation before and after a million more keys, key
 * generation and database size. Writes results.json, the README's tables and
 * scale.svg into bench/ (or BENCH_OUT). BENCH_QUICK=1 runs every part with smoke sizes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchConfirmations } from "./offline/confirmation.js";
import { benchSdk } from "./offline/sdk.js";
import { loadAverage, machine } from "./report/machine.js";
import { writeReport } from "./report/write.js";
import { benchScale } from "./scale/scale.js";
import { sqliteSeed } from "./seed/cache.js";
import { benchHttp } from "./suite/backends.js";
import { benchConfig } from "./suite/config.js";

const config = benchConfig();
const started = performance.now();
const measuredAt = new Date().toISOString();
const loadBefore = loadAverage();
const work = mkdtempSync(join(tmpdir(), "ninsho-bench-"));
const log = (line: string) =>
  console.log(`bench [${Math.round((performance.now() - started) / 1000)} s]: ${line}`);

try {
  log(
    `${config.quick ? "quick, " : ""}${config.rounds} × ${config.seconds} s per run, ${config.connections} connections`,
  );
  const seed = await sqliteSeed(
    config.workRoot,
    { licenses: config.licenses, volumeKeys: config.volumeKeys },
    log,
  );
  log("HTTP: floors (node:http, Hono), SQLite, PostgreSQL with 1 and 2 worker processes");
  const http = await benchHttp(config, work, seed);
  log("offline: confirmation IDs");
  const confirmations = benchConfirmations(config.confirmations);
  log("offline: SDK validate() vs crypto.verify");
  const sdk = await benchSdk(join(config.outDir, "results.json"), config.sdkEnv);
  log("scale: the seeded database, then with the key generation's keys");
  const scale = await benchScale(config, work, seed);
  const figures = {
    ...http,
    licenses: config.licenses,
    scale,
    confirmations,
    sdk,
    seconds: config.seconds,
    rounds: config.rounds,
    connections: config.connections,
    quick: config.quick,
  };
  const runtimeSeconds = Math.round((performance.now() - started) / 1000);
  const context = { machine: machine(), measuredAt, loadBefore, loadAfter: loadAverage(), runtimeSeconds };
  await writeReport(config.outDir, figures, context);
  log(`done; wrote results.json, README.md and scale.svg in ${config.outDir}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
