/**
 * `BENCH_DATABASE_URL=postgres://…/db npm run bench`: validate and activate on PostgreSQL with 1 and 2 server
 * processes (`--workers 2`), each on a fresh database made beside the one named (dropped after), and SQLite in
 * the same session for comparison, interleaved over BENCH_ROUNDS rounds (default 3; medians are kept). Writes
 * the pg_* keys of bench/results.json and the PostgreSQL table of bench/README.md.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { activationBodies, validationBodies } from "./bodies.js";
import { BenchAdmin } from "./fixtures.js";
import { type LoadResult, load } from "./load.js";
import { writePgResults } from "./pgReport.js";
import { startBenchServer } from "./process.js";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const work = mkdtempSync(join(tmpdir(), "ninsho-bench-pg-"));

/** A fresh database on the server of `adminUrl`, and how to drop it. */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ninsho_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export interface RunFigures {
  readonly validate: LoadResult;
  readonly activate: LoadResult;
}

/** A server ready to be loaded: its validation and activation bodies prepared. */
interface Prepared {
  readonly label: string;
  readonly url: string;
  readonly nextValidate: () => string;
  readonly nextActivate: () => string;
  stop(): Promise<void>;
}

/** One server (SQLite, or PostgreSQL with `workers` processes) with 1,000 devices to validate and keys to activate. */
async function prepare(label: string, env: Record<string, string>): Promise<Prepared> {
  const server = await startBenchServer(join(work, label), env);
  const admin = new BenchAdmin(server.url, server.adminToken);
  const validatePolicy = await admin.policy(`bench validate ${label}`, 3);
  const { keys } = await admin.keys(validatePolicy, 1000);
  const nextValidate = await validationBodies(admin, keys, 1000);
  const activatePolicy = await admin.policy(`bench activate ${label}`, 1_000_000);
  const { keys: activateKeys } = await admin.keys(activatePolicy, 2000);
  return {
    label,
    url: server.url,
    nextValidate,
    nextActivate: activationBodies(activateKeys),
    stop: () => server.stop(),
  };
}

/** The run with the median requests/s. */
const median = (runs: readonly LoadResult[]): LoadResult => {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error("no runs");
  return middle;
};

const databases: { drop: () => Promise<void> }[] = [];
const servers: Prepared[] = [];
try {
  console.log(
    `bench (PostgreSQL): ${rounds} rounds of ${seconds}s per run, 64 connections, loopback; ${work}`,
  );
  const pg1 = await freshDatabase();
  const pg2 = await freshDatabase();
  databases.push(pg1, pg2);
  // All three wait side by side and are loaded in turn, round after round: on a shared machine whose load
  // drifts, interleaved runs and their medians compare the set-ups fairly.
  servers.push(await prepare("sqlite-1w", { BENCH_DATABASE_URL: "", BENCH_WORKERS: "1" }));
  servers.push(await prepare("pg-1w", { BENCH_DATABASE_URL: pg1.url, BENCH_WORKERS: "1" }));
  servers.push(await prepare("pg-2w", { BENCH_DATABASE_URL: pg2.url, BENCH_WORKERS: "2" }));
  const runs = new Map(
    servers.map((s) => [s.label, { validate: [] as LoadResult[], activate: [] as LoadResult[] }]),
  );
  for (let round = 1; round <= rounds; round++) {
    for (const kind of ["validate", "activate"] as const) {
      for (const server of servers) {
        const path = kind === "validate" ? "/v1/validate" : "/v1/activations";
        const body = kind === "validate" ? server.nextValidate : server.nextActivate;
        const result = await load({ url: server.url, path, body, seconds });
        console.log(`round ${round}`, server.label, kind, result);
        runs.get(server.label)?.[kind].push(result);
      }
    }
  }
  const figures = (label: string): RunFigures => {
    const r = runs.get(label);
    if (!r) throw new Error(label);
    return { validate: median(r.validate), activate: median(r.activate) };
  };
  writePgResults({
    seconds,
    rounds,
    sqlite: figures("sqlite-1w"),
    pg1: figures("pg-1w"),
    pg2: figures("pg-2w"),
  });
} finally {
  for (const server of servers) await server.stop();
  for (const db of databases) await db.drop();
  rmSync(work, { recursive: true, force: true });
}
