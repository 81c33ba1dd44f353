import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { carriedOver } from "./carry.js";
import { chartSvg } from "./chart.js";
import { fillSections, paramTable, rateTable } from "./docs.js";
import { heldOut } from "./heldout.js";
import { simulateFleetParallel } from "./parallel.js";
import { paramNames } from "./params.js";
import { progressBar } from "./progress.js";
import { runAttacks } from "./real/attackRun.js";
import { realSampleResult } from "./real/report.js";
import { runSample, stratify } from "./real/sample.js";
import { OEM, RETAIL } from "./real/server.js";
import { realTables } from "./realTables.js";
import { type Extras, fleetResult } from "./results.js";
import { withDefaults } from "./simulate.js";
import { sweep, worstCase } from "./sweep.js";
import { notes, tables } from "./table.js";

/**
 * `npm run fleet [-- --devices N --years Y --seed S --workers W --out DIR --skip real,attacks,sweep,heldout]`:
 * the full-scale model, the held-out choice, the parameter sweep, the real server on a stratified sample and
 * the attacks; prints the tables and writes fleet.json, fleet.svg and the generated sections of FLEET.md.
 */
const { values } = parseArgs({
  options: {
    devices: { type: "string", default: "1000000" },
    years: { type: "string", default: "3" },
    seed: { type: "string", default: "7" },
    "tuning-seed": { type: "string", default: "20240601" },
    "second-seed": { type: "string", default: "99" },
    "sweep-devices": { type: "string", default: "8000" },
    "per-stratum": { type: "string", default: "25" },
    "sample-population": { type: "string", default: "20000" },
    attacks: { type: "string", default: "20" },
    "attack-days": { type: "string", default: "120" },
    workers: { type: "string" },
    skip: { type: "string", default: "" },
    out: { type: "string", default: new URL("..", import.meta.url).pathname },
  },
});
const num = (name: keyof typeof values): number => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
};
const skip = new Set((values.skip ?? "").split(",").filter(Boolean));
const workers = values.workers ? num("workers") : availableParallelism();
const years = num("years");
const seed = num("seed");
const options = { devices: num("devices"), years, seed };

const load = loadavg()[0] ?? 0;
const cpu = process.cpuUsage();
const bar = progressBar(`model ${options.devices.toLocaleString("en")} devices`, options.devices);
const run = await simulateFleetParallel(options, workers, (n) => bar.tick(n));
bar.done();
const used = process.cpuUsage(cpu);
const extras: { -readonly [K in keyof Extras]: Extras[K] } = {
  scale: {
    devices: options.devices,
    workers,
    wall_seconds: run.seconds,
    cpu_seconds: (used.user + used.system) / 1e6,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    load_average_before: load,
  },
};

const small = num("sweep-devices");
if (!skip.has("heldout")) {
  const steps = progressBar("held out", 1 + 2);
  extras.held_out = await heldOut([num("tuning-seed")], [seed, num("second-seed")], small, years, (l) =>
    steps.tick(1, l),
  );
  steps.done();
}
if (!skip.has("sweep")) {
  const steps = progressBar("sweep", 1 + 2 * paramNames.length);
  const rows = await sweep({ devices: small, years, seed }, [0.5, 2], (l) => steps.tick(1, l));
  steps.done();
  extras.sweep = rows;
  extras.worst_case = worstCase(rows);
}
if (!skip.has("real")) {
  const full = withDefaults({ devices: num("sample-population"), years, seed });
  const strata = stratify(full, num("sample-population"), num("per-stratum"));
  const real: NonNullable<Extras["real"]> = {};
  for (const [channel, policy] of [
    ["retail", RETAIL],
    ["oem", OEM],
  ] as const) {
    const steps = progressBar(`real server, ${channel}`, years * 365);
    let last = 0;
    const sample = await runSample(full, strata, policy, (day) => {
      steps.tick(day - last);
      last = day;
    });
    steps.done();
    real[channel] = realSampleResult(channel, full, sample);
  }
  extras.real = real;
}
if (!skip.has("attacks")) {
  process.stderr.write("attacks on the real server…\n");
  extras.attacks = await runAttacks(seed, num("attacks"), num("attack-days"));
}

const out = values.out.endsWith("/") ? values.out : `${values.out}/`;
Object.assign(extras, await carriedOver(`${out}fleet.json`, skip));
const result = fleetResult(run, extras);
const text = tables(result);
const real = realTables(result);
console.log(`${text}\n\n${notes(result)}\n\n${real}`);
await mkdir(out, { recursive: true });
await writeFile(`${out}fleet.json`, `${JSON.stringify(result, null, 2)}\n`);
await writeFile(`${out}fleet.svg`, await chartSvg(result));
await fillSections(`${out}FLEET.md`, {
  rates: rateTable(),
  params: paramTable(),
  results: `${text}\n\n${notes(result)}`,
  real,
});
console.log(`wrote ${out}fleet.json, ${out}fleet.svg and the tables in ${out}FLEET.md`);
