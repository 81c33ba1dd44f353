import { mkdir, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { chartSvg } from "./chart.js";
import { fillSections, rateTable } from "./docs.js";
import { simulateFleetParallel } from "./parallel.js";
import { fleetResult } from "./results.js";
import { notes, tables } from "./table.js";

/** `npm run fleet [-- --devices N --years Y --seed S --workers W --out DIR]`: simulate, print, write outputs. */
const { values } = parseArgs({
  options: {
    devices: { type: "string", default: "100000" },
    years: { type: "string", default: "3" },
    seed: { type: "string", default: "20240601" },
    workers: { type: "string" },
    out: { type: "string", default: new URL("..", import.meta.url).pathname },
  },
});

const options = { devices: Number(values.devices), years: Number(values.years), seed: Number(values.seed) };
for (const [name, value] of Object.entries(options)) {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
}
const run = await simulateFleetParallel(options, ...(values.workers ? [Number(values.workers)] : []));
const result = fleetResult(run);
const text = tables(result);
console.log(text);
console.log(`\n${notes(result)}`);
console.log(
  `\n${options.devices} devices × ${options.years} years, seed ${options.seed}: ${run.seconds.toFixed(1)} s`,
);

const out = values.out.endsWith("/") ? values.out : `${values.out}/`;
await mkdir(out, { recursive: true });
await writeFile(`${out}fleet.json`, `${JSON.stringify(result, null, 2)}\n`);
await writeFile(`${out}fleet.svg`, await chartSvg(result));
await fillSections(`${out}FLEET.md`, { rates: rateTable(), results: `${text}\n\n${notes(result)}` });
console.log(`wrote ${out}fleet.json, ${out}fleet.svg and the tables in ${out}FLEET.md`);
