import { join } from "node:path";
import { postgresSize, type SizeProbe, sqliteSize } from "../http/dbsize.js";
import { type FreshDatabase, freshDatabase, postgresProblem } from "../http/pgdb.js";
import { type BenchServer, startBenchServer } from "../http/process.js";
import { BackendBench } from "../http/suite.js";
import type { BenchConfig } from "./config.js";
import type { BackendFigures, PgRun } from "./figures.js";
import { interleavedRounds } from "./rounds.js";

export interface HttpFigures {
  readonly sqlite: BackendFigures;
  readonly pg: PgRun[];
  /** Why PostgreSQL was not measured. */
  readonly pgSkipped?: string;
}

/**
 * The HTTP runs side by side: SQLite in one process, and PostgreSQL (each worker count on a fresh database,
 * dropped after) when it answers. Sizes per device on SQLite and on PostgreSQL with one process; per license
 * on PostgreSQL with one process (SQLite's come from the growing database of the scale bench).
 */
export async function benchHttp(config: BenchConfig, work: string): Promise<HttpFigures> {
  const problem = await postgresProblem(config.pgAdminUrl);
  if (problem !== undefined) console.log(`bench: PostgreSQL skipped (${problem})`);
  const servers: BenchServer[] = [];
  const databases: FreshDatabase[] = [];
  try {
    const start = async (label: string, env: Record<string, string>, size?: (dir: string) => SizeProbe) => {
      const dataDir = join(work, label);
      const server = await startBenchServer(dataDir, env);
      servers.push(server);
      const { probeLicenses, activationKeys } = config;
      const sizeProbe = size?.(dataDir);
      return BackendBench.prepare({
        label,
        server,
        probeLicenses,
        activationKeys,
        ...(sizeProbe ? { size: sizeProbe } : {}),
      });
    };
    const sqlite = await start("sqlite", { BENCH_DATABASE_URL: "", BENCH_WORKERS: "1" }, (dir) =>
      sqliteSize(join(dir, "ninsho.db")),
    );
    const pg: { workers: number; bench: BackendBench }[] = [];
    for (const workers of problem === undefined ? config.pgWorkers : []) {
      const db = await freshDatabase(config.pgAdminUrl);
      databases.push(db);
      const env = { BENCH_DATABASE_URL: db.url, BENCH_WORKERS: String(workers) };
      const size = workers === 1 ? () => postgresSize(db.url) : undefined;
      pg.push({ workers, bench: await start(`pg-${workers}w`, env, size) });
    }
    const figures = await interleavedRounds([sqlite, ...pg.map((p) => p.bench)], config);
    const of = (bench: BackendBench) => {
      const f = figures.get(bench);
      if (!f) throw new Error(`no figures for ${bench.label}`);
      return f;
    };
    const pgRuns: PgRun[] = [];
    for (const { workers, bench } of pg) {
      const licenses = workers === 1 ? await bench.licenseGrowth(config.pgSizeKeys) : undefined;
      pgRuns.push({ workers, figures: { ...of(bench), ...(licenses ? { licenses } : {}) } });
    }
    return {
      sqlite: of(sqlite),
      pg: pgRuns,
      ...(problem === undefined ? {} : { pgSkipped: `${config.pgAdminUrl} did not answer: ${problem}` }),
    };
  } finally {
    for (const server of servers) await server.stop();
    for (const db of databases) await db.drop();
  }
}
