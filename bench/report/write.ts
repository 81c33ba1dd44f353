import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SuiteFigures } from "../suite/figures.js";
import { RETIRED_KEYS, resultKeys } from "../suite/keys.js";
import type { Machine } from "./machine.js";
import { replaceBlocks } from "./markdown.js";
import { mergeResults, type Results } from "./results.js";
import { scaleChartSvg } from "./scaleChart.js";
import { keygenLine, offlineTable, pgTable, scaleTable, sizeTable, sqliteTable } from "./tables.js";
import { targetsTable } from "./targets.js";

/** How a run went, beside its figures. */
export interface RunContext {
  readonly machine: Machine;
  readonly measuredAt: string;
  readonly loadBefore: string;
  readonly loadAfter: string;
  readonly runtimeSeconds: number;
}

/** A sentence on what the floor is and on noise: how to read the rows. */
function noise(floorRps: number, load: string, cores: number): string {
  const busy = Number(load.split(" ")[0]) > cores;
  const floor = `The floor is POST /_bench/floor on the real app: it pays every global middleware a real route pays (request id, language, client address, content-type and body-size checks), parses the same JSON body and answers a small object. It reached ${floorRps.toLocaleString("en")} requests/s here, with autocannon on the same ${cores} cores; a bare framework route on an idle machine does about 33,000.`;
  return busy
    ? `${floor} Other jobs ran beside this run, so every absolute figure is low and moves from run to run; read the rows against their floor, measured in the same run, interleaved: those ratios hold better than the figures.`
    : `${floor} Figures move by several percent from run to run; the ratios to the floor, measured in the same run, hold better.`;
}

/** results.json (merged), the README's generated blocks and scale.svg, all in `outDir`. */
export async function writeReport(outDir: string, f: SuiteFigures, run: RunContext): Promise<Results> {
  const results = mergeResults(
    join(outDir, "results.json"),
    {
      ...resultKeys(f),
      bench_machine: run.machine.description,
      bench_measured_at: run.measuredAt,
      bench_load_average_before: run.loadBefore,
      bench_load_average_after: run.loadAfter,
      bench_runtime_s: run.runtimeSeconds,
    },
    RETIRED_KEYS,
  );
  const m = run.machine;
  const setting = `HTTP runs of ${f.seconds} s at ${f.connections} connections (autocannon in the bench process), ${f.rounds} interleaved round${f.rounds === 1 ? "" : "s"} over the servers, medians kept; each server in its own process, loopback only${f.quick ? "; BENCH_QUICK=1 (smoke sizes, not figures)" : ""}.`;
  const machineBlock = [
    `Measured ${run.measuredAt} in one run of \`npm run bench\` that took ${Math.round(run.runtimeSeconds)} s, on ${m.cores} cores of ${m.model}, ${m.memoryGiB} GiB of memory, Node ${m.node}.`,
    `Load average (1, 5, 15 min) ${run.loadBefore} before the run and ${run.loadAfter} after it; ${setting}`,
    "",
    noise(f.sqlite.floor.rps, run.loadBefore, m.cores),
  ].join("\n");
  const scaleSubtitle = `${m.cores} × ${m.model}, Node ${m.node}, ${run.measuredAt.slice(0, 10)}`;
  replaceBlocks(join(outDir, "README.md"), [
    { name: "bench-machine", heading: "Machine", body: machineBlock },
    { name: "http-bench", heading: "HTTP on SQLite", body: sqliteTable(f.sqlite) },
    { name: "http-bench-pg", heading: "HTTP on PostgreSQL", body: pgTable(f) },
    { name: "bench-offline", heading: "Offline", body: offlineTable(f) },
    { name: "bench-scale", heading: "Scale", body: `${scaleTable(f)}\n\n${keygenLine(f)}` },
    { name: "bench-size", heading: "Database size", body: sizeTable(f) },
    { name: "bench-targets", heading: "Targets", body: targetsTable(f) },
  ]);
  writeFileSync(join(outDir, "scale.svg"), await scaleChartSvg(f.scale.points, scaleSubtitle));
  return results;
}
