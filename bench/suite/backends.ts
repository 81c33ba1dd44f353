import { join } from "node:path";
import { postgresSize, type SizeProbe, sqliteSize } from "../http/dbsize.js";
import type { Run } from "../http/drive.js";
import { type FreshDatabase, freshDatabase, postgresProblem } from "../http/pgdb.js";
import { type BenchServer, startBenchServer, startFloorServer } from "../http/process.js";
import { BackendBench, FloorBench } from "../http/suite.js";
import { Traffic } from "../http/traffic.js";
import { copySeed, postgresSeed, type Seed } from "../seed/cache.js";
import type { BenchConfig } from "./config.js";
import type { BackendFigures, Floors, PgRun } from "./figures.js";
import { interleavedRounds, type RoundBackend } from "./rounds.js";

export interface HttpFigures {
  readonly floors: Floors;
  readonly sqlite: BackendFigures;
  readonly pg: PgRun[];
  /** Why PostgreSQL was not measured. */
  readonly pgSkipped?: string;
}

const log = (line: string) => console.log(`bench: ${line}`);

/**
 * The HTTP runs side by side, each server in its own process: the two floors that do no work (bare node:http,
 * bare Hono on its Node adapter), the app on a copy of the SQLite seed, and on PostgreSQL (one process and
 * two workers, each on its own copy of the PostgreSQL seed, dropped after) when it answers. Sizes per device
 * on SQLite and on PostgreSQL with one process; per license on PostgreSQL with one process.
 */
export async function benchHttp(config: BenchConfig, work: string, seed: Seed): Promise<HttpFigures> {
  const problem = await postgresProblem(config.pgAdminUrl);
  if (problem !== undefined) log(`PostgreSQL skipped (${problem})`);
  const servers: BenchServer[] = [];
  const databases: FreshDatabase[] = [];
  try {
    const sqliteTraffic = new Traffic(seed.holdersFile, seed.volumeFile);
    const floorBody = sqliteTraffic.floorBody();
    const floor = async (kind: "node" | "framework") => {
      const server = await startFloorServer(kind);
      servers.push(server);
      return new FloorBench(kind === "node" ? "node:http" : "hono", server, floorBody);
    };
    const floors = [await floor("node"), await floor("framework")];

    const start = async (
      label: string,
      s: Seed,
      env: Record<string, string>,
      traffic: Traffic,
      size?: (dir: string) => SizeProbe,
    ) => {
      const dataDir = join(work, label);
      copySeed(s, dataDir, env.BENCH_DATABASE_URL === "");
      const server = await startBenchServer(dataDir, env, s.adminToken);
      servers.push(server);
      const sizeProbe = size?.(dataDir);
      return BackendBench.prepare({ label, server, traffic, ...(sizeProbe ? { size: sizeProbe } : {}) });
    };
    const sqlite = await start(
      "sqlite",
      seed,
      { BENCH_DATABASE_URL: "", BENCH_WORKERS: "1" },
      sqliteTraffic,
      (dir) => sqliteSize(join(dir, "ninsho.db")),
    );
    const pg: { workers: number; bench: BackendBench }[] = [];
    if (problem === undefined) {
      const pgSeed = await postgresSeed(config.workRoot, seed.params, config.pgAdminUrl, log);
      const pgTraffic = new Traffic(pgSeed.holdersFile, pgSeed.volumeFile);
      for (const workers of config.pgWorkers) {
        const db = await freshDatabase(config.pgAdminUrl, pgSeed.template);
        databases.push(db);
        const env = { BENCH_DATABASE_URL: db.url, BENCH_WORKERS: String(workers) };
        const size = workers === 1 ? () => postgresSize(db.url) : undefined;
        pg.push({ workers, bench: await start(`pg-${workers}w`, pgSeed, env, pgTraffic, size) });
      }
    }
    const backends: RoundBackend[] = [
      { bench: sqlite, full: true },
      ...pg.map(({ bench }) => ({ bench, full: false })),
    ];
    const figures = await interleavedRounds(floors, backends, config);
    const of = (bench: BackendBench) => {
      const f = figures.backends.get(bench);
      if (!f) throw new Error(`no figures for ${bench.label}`);
      return f;
    };
    const floorOf = (f: FloorBench | undefined): Run => {
      const measured = f && figures.floors.get(f);
      if (!measured) throw new Error("no floor figures");
      return measured;
    };
    const pgRuns: PgRun[] = [];
    for (const { workers, bench } of pg) {
      const licenses = workers === 1 ? await bench.licenseGrowth(config.pgSizeKeys) : undefined;
      pgRuns.push({ workers, figures: { ...of(bench), ...(licenses ? { licenses } : {}) } });
    }
    return {
      floors: { node: floorOf(floors[0]), framework: floorOf(floors[1]) },
      sqlite: of(sqlite),
      pg: pgRuns,
      ...(problem === undefined ? {} : { pgSkipped: `${config.pgAdminUrl} did not answer: ${problem}` }),
    };
  } finally {
    for (const server of servers) await server.stop();
    for (const db of databases) await db.drop();
  }
}
