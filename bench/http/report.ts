import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { LoadResult } from "./load.js";

export interface HttpFigures {
  readonly seconds: number;
  readonly keygenCount: number;
  readonly floor: LoadResult;
  readonly validate: LoadResult;
  readonly activate: LoadResult;
  readonly keygenSeconds: number;
  readonly keygenPeakMb: number;
  readonly validateLarge: LoadResult;
}

const resultsPath = new URL("../results.json", import.meta.url);
const readmePath = new URL("../README.md", import.meta.url);
const START = "<!-- http-bench:start -->";
const END = "<!-- http-bench:end -->";

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

/** Write bench/results.json (merged with what other benches wrote) and the table in bench/README.md. */
export function writeResults(f: HttpFigures): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const previous = existsSync(resultsPath)
    ? (JSON.parse(readFileSync(resultsPath, "utf8")) as Record<string, unknown>)
    : {};
  const results = {
    ...previous,
    floor_rps: f.floor.rps,
    validate_rps: f.validate.rps,
    validate_p50_ms: f.validate.p50,
    validate_p99_ms: f.validate.p99,
    validate_ratio_to_floor: ratio(f.validate.rps, f.floor.rps),
    activate_rps: f.activate.rps,
    activate_p99_ms: f.activate.p99,
    activate_ratio_to_floor: ratio(f.activate.rps, f.floor.rps),
    keygen_1m_s: Math.round(f.keygenSeconds * 10) / 10,
    keygen_peak_mb: f.keygenPeakMb,
    keygen_count: f.keygenCount,
    validate_rps_1k_licenses: f.validate.rps,
    validate_rps_1m_licenses: f.validateLarge.rps,
    validate_1m_vs_1k: ratio(f.validateLarge.rps, f.validate.rps),
    http_machine: machine,
    http_measured_at: new Date().toISOString(),
  };
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  const rows = [
    "| run | requests/s | p50 ms | p99 ms | vs floor |",
    "|---|---:|---:|---:|---:|",
    `| floor (parse JSON, answer) | ${f.floor.rps} | ${f.floor.p50} | ${f.floor.p99} | 1.000 |`,
    `| POST /v1/validate, 1k licenses | ${f.validate.rps} | ${f.validate.p50} | ${f.validate.p99} | ${ratio(f.validate.rps, f.floor.rps)} |`,
    `| POST /v1/validate, ${(f.keygenCount + 1001).toLocaleString("en")} licenses | ${f.validateLarge.rps} | ${f.validateLarge.p50} | ${f.validateLarge.p99} | ${ratio(f.validateLarge.rps, f.floor.rps)} |`,
    `| POST /v1/activations (durable) | ${f.activate.rps} | ${f.activate.p50} | ${f.activate.p99} | ${ratio(f.activate.rps, f.floor.rps)} |`,
    "",
    `Key generation: ${f.keygenCount.toLocaleString("en")} keys generated, stored and streamed as CSV in ${f.keygenSeconds.toFixed(1)} s; server peak memory ${f.keygenPeakMb} MB.`,
    "",
    `Measured ${results.http_measured_at} on ${machine}; ${f.seconds} s per run, 64 connections (autocannon), server in its own process.`,
  ];
  const table = `${START}\n${rows.join("\n")}\n${END}`;
  const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : "# Benchmarks\n";
  const next = readme.includes(START)
    ? readme.replace(new RegExp(`${START}[\\s\\S]*${END}`), table)
    : `${readme.trimEnd()}\n\n## HTTP (\`npm run bench\`)\n\n${table}\n`;
  writeFileSync(readmePath, next);
  console.log(`\n${rows.join("\n")}`);
}
