/**
 * `npm run bench`: every benchmark in one bounded run on loopback, so each figure is read beside its floor —
 * HTTP on SQLite and PostgreSQL (1 and 2 worker processes), offline checks, validation as the database grows
 * to a million licenses, key generation and database size. Writes results.json, the README's tables and
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
  log("HTTP: SQLite, PostgreSQL with 1 and 2 worker processes");
  const http = await benchHttp(config, work);
  log("offline: confirmation IDs");
  const confirmations = benchConfirmations(config.confirmations);
  log("offline: SDK validate() vs crypto.verify");
  const sdk = await benchSdk(join(config.outDir, "results.json"), config.sdkEnv);
  log("scale: one growing database");
  const scale = await benchScale(config, work);
  const figures = {
    ...http,
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
