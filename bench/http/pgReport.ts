import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import type { RunFigures } from "./postgres.js";

export interface PgFigures {
  readonly seconds: number;
  readonly rounds: number;
  /** SQLite, one process, measured in the same session (the load on the machine varies between sessions). */
  readonly sqlite: RunFigures;
  readonly pg1: RunFigures;
  readonly pg2: RunFigures;
}

const resultsPath = new URL("../results.json", import.meta.url);
const readmePath = new URL("../README.md", import.meta.url);
const START = "<!-- http-bench-pg:start -->";
const END = "<!-- http-bench-pg:end -->";

/** Write the pg_* keys of bench/results.json (merged with the rest) and the PostgreSQL table in the README. */
export function writePgResults(f: PgFigures): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
  const previous = existsSync(resultsPath)
    ? (JSON.parse(readFileSync(resultsPath, "utf8")) as Record<string, unknown>)
    : {};
  const measuredAt = new Date().toISOString();
  const results = {
    ...previous,
    pg_validate_rps_1w: f.pg1.validate.rps,
    pg_validate_rps_2w: f.pg2.validate.rps,
    pg_validate_p99_ms_1w: f.pg1.validate.p99,
    pg_validate_p99_ms_2w: f.pg2.validate.p99,
    pg_activate_rps_1w: f.pg1.activate.rps,
    pg_activate_rps_2w: f.pg2.activate.rps,
    pg_activate_p99_ms_1w: f.pg1.activate.p99,
    pg_activate_p99_ms_2w: f.pg2.activate.p99,
    pg_session_sqlite_validate_rps: f.sqlite.validate.rps,
    pg_session_sqlite_activate_rps: f.sqlite.activate.rps,
    pg_rounds: f.rounds,
    pg_machine: machine,
    pg_load_average: load,
    pg_measured_at: measuredAt,
  };
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  const row = (name: string, r: RunFigures["validate"]) => `| ${name} | ${r.rps} | ${r.p50} | ${r.p99} |`;
  const rows = [
    "| run | requests/s | p50 ms | p99 ms |",
    "|---|---:|---:|---:|",
    row("POST /v1/validate, SQLite, 1 process", f.sqlite.validate),
    row("POST /v1/validate, PostgreSQL, 1 process", f.pg1.validate),
    row("POST /v1/validate, PostgreSQL, 2 worker processes", f.pg2.validate),
    row("POST /v1/activations, SQLite, 1 process", f.sqlite.activate),
    row("POST /v1/activations, PostgreSQL, 1 process", f.pg1.activate),
    row("POST /v1/activations, PostgreSQL, 2 worker processes", f.pg2.activate),
    "",
    `Measured ${measuredAt} on ${machine} (load average ${load} when done; the machine was shared and busy, so read the rows against each other, not as capacity); medians of ${f.rounds} interleaved runs of ${f.seconds} s, 64 connections (autocannon), PostgreSQL on the same machine, 1,000 licenses with one device each validating by key; activations of new machines on a volume policy.`,
  ];
  const table = `${START}\n${rows.join("\n")}\n${END}`;
  const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : "# Benchmarks\n";
  const next = readme.includes(START)
    ? readme.replace(new RegExp(`${START}[\\s\\S]*${END}`), table)
    : `${readme.trimEnd()}\n\n## HTTP on PostgreSQL (\`BENCH_DATABASE_URL=postgres://… npm run bench\`)\n\n${table}\n`;
  writeFileSync(readmePath, next);
  console.log(`\n${rows.join("\n")}`);
}
