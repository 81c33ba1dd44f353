import { fileURLToPath } from "node:url";

/** What one run of `npm run bench` measures, and where it writes. */
export interface BenchConfig {
  /** BENCH_QUICK=1: every part with tiny sizes and durations, for the smoke test. */
  readonly quick: boolean;
  /** Seconds of load per HTTP run. */
  readonly seconds: number;
  /** Interleaved rounds of the HTTP runs (medians are kept). */
  readonly rounds: number;
  /** Seconds of unmeasured load before a route's first run. */
  readonly warmup: number;
  readonly connections: number;
  /** Licenses of the seeded data set, each with one activated device reporting 7 components. */
  readonly licenses: number;
  /** Keys of a volume policy in the seed, for new activations (each takes any number of machines). */
  readonly volumeKeys: number;
  /** Keys issued through the API on a copy of the seed for the key generation figure and the scale step. */
  readonly keygenKeys: number;
  /** Where seeds are kept between runs (default bench/.work; BENCH_WORK). */
  readonly workRoot: string;
  /** Extra keys issued on PostgreSQL to measure its size per license. */
  readonly pgSizeKeys: number;
  /** Confirmation IDs verified, one at a time. */
  readonly confirmations: number;
  /** Worker processes of the PostgreSQL runs. */
  readonly pgWorkers: readonly number[];
  /** PostgreSQL admin connection: fresh databases are made and dropped beside it. */
  readonly pgAdminUrl: string;
  /** Where results.json, README.md and scale.svg go (default: bench/). */
  readonly outDir: string;
  /** Environment of the SDK bench (bench/sdk/validate.ts). */
  readonly sdkEnv: Readonly<Record<string, string>>;
}

const numberEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? Number.NaN);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/**
 * The configuration from the environment: BENCH_QUICK, BENCH_SECONDS, BENCH_ROUNDS, BENCH_OUT, BENCH_WORK, and
 * BENCH_DATABASE_URL (the PostgreSQL admin connection; default postgres://postgres@127.0.0.1:5432/test).
 */
export function benchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = env.BENCH_QUICK === "1";
  const outDir = env.BENCH_OUT || fileURLToPath(new URL("..", import.meta.url));
  const workRoot = env.BENCH_WORK || fileURLToPath(new URL("../.work", import.meta.url));
  const pgAdminUrl = env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
  const pgWorkers = [1, 2];
  if (quick)
    return {
      quick,
      seconds: numberEnv("BENCH_SECONDS", 1),
      warmup: 0,
      rounds: 1,
      connections: 16,
      licenses: 300,
      volumeKeys: 20,
      keygenKeys: 2000,
      workRoot,
      pgSizeKeys: 200,
      confirmations: 5,
      pgWorkers,
      pgAdminUrl,
      outDir,
      sdkEnv: { BENCH_ROUND_MS: "100", BENCH_ROUNDS: "1", BENCH_COLD_STARTS: "3" },
    };
  return {
    quick,
    seconds: numberEnv("BENCH_SECONDS", 5),
    warmup: 2,
    rounds: numberEnv("BENCH_ROUNDS", 3),
    connections: 64,
    licenses: 100_000,
    volumeKeys: 2000,
    keygenKeys: 1_000_000,
    workRoot,
    pgSizeKeys: 20_000,
    confirmations: 100,
    pgWorkers,
    pgAdminUrl,
    outDir,
    sdkEnv: {},
  };
}
