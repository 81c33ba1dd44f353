import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SuiteFigures } from "../suite/figures.js";
import { keptFromOthers, resultKeys } from "../suite/keys.js";
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

/** A sentence on what the floors are and on noise: how to read the rows. */
function noise(f: SuiteFigures, load: string, cores: number): string {
  const busy = Number(load.split(" ")[0]) > cores * 0.75;
  const floors = `The headline floor is a bare \`node:http\` server in its own process that reads the same JSON body, parses it and answers a small object (${f.floors.node.rps.toLocaleString("en")} requests/s here); beside it a bare Hono route on @hono/node-server, the framework the server is built on (${f.floors.framework.rps.toLocaleString("en")}/s), and the app's own floor route, which pays every global middleware and does no work (a diagnostic). Every "vs" is against the node:http floor of this run. autocannon runs in the bench process, apart from every server, on the same ${cores} cores.`;
  return busy
    ? `${floors} Other jobs ran beside this run (load above), so every absolute figure is low and moves from run to run; the ratios to the floor, measured interleaved in the same run, hold better, but a busy machine squeezes a server that needs more CPU per request more than a floor that needs little.`
    : `${floors} Figures move by several percent from run to run; the ratios to the floor, measured in the same run, hold better.`;
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
    keptFromOthers,
  );
  const m = run.machine;
  const setting = `HTTP runs of ${f.seconds} s at ${f.connections} connections (autocannon in the bench process), ${f.rounds} interleaved round${f.rounds === 1 ? "" : "s"} over the servers, medians kept; each server in its own process, loopback only; ${f.licenses.toLocaleString("en")} seeded licenses, each with an activated device reporting 7 components, picked at random per request${f.quick ? "; BENCH_QUICK=1 (smoke sizes, not figures)" : ""}.`;
  const machineBlock = [
    `Measured ${run.measuredAt} in one run of \`npm run bench\` that took ${Math.round(run.runtimeSeconds)} s, on ${m.cores} cores of ${m.model}, ${m.memoryGiB} GiB of memory, Node ${m.node}.`,
    `Load average (1, 5, 15 min) ${run.loadBefore} before the run and ${run.loadAfter} after it; ${setting}`,
    "",
    noise(f, run.loadBefore, m.cores),
  ].join("\n");
  const scaleSubtitle = `${m.cores} × ${m.model}, Node ${m.node}, ${run.measuredAt.slice(0, 10)}`;
  replaceBlocks(join(outDir, "README.md"), [
    { name: "bench-machine", heading: "Machine", body: machineBlock },
    { name: "http-bench", heading: "HTTP on SQLite", body: sqliteTable(f) },
    { name: "http-bench-pg", heading: "HTTP on PostgreSQL", body: pgTable(f) },
    { name: "bench-offline", heading: "Offline", body: offlineTable(f) },
    { name: "bench-scale", heading: "Scale", body: `${scaleTable(f)}\n\n${keygenLine(f)}` },
    { name: "bench-size", heading: "Database size", body: sizeTable(f) },
    { name: "bench-targets", heading: "Targets", body: targetsTable(f) },
  ]);
  writeFileSync(join(outDir, "scale.svg"), await scaleChartSvg(f.scale.points, scaleSubtitle));
  return results;
}
