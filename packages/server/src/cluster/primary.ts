import cluster, { type Worker } from "node:cluster";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deriveSecrets } from "@ninsho/core";
import { createStore, isPostgresUrl } from "@ninsho/store";
import { banner } from "../banner.js";
import { buildDeps } from "../buildDeps.js";
import { trustProxyProblem } from "../http/trustProxy.js";
import { createLogger } from "../logger.js";
import { writeAdminTokenFile } from "../security/adminTokenFile.js";
import { assertMasterKeyOpens, loadMasterKey } from "../security/masterKey.js";
import { logTightened, makeDataPrivate } from "../security/privateFiles.js";
import { openRedisCounters } from "../security/redisCounters.js";
import { rekeyStoredDigests } from "../security/rekeyDigests.js";
import { type Seeded, seedIfEmpty } from "../seed.js";
import type { StartOptions } from "../serve.js";
import {
  type ExtensionModule,
  isListeningMessage,
  isStartFailedMessage,
  WORKER_OPTIONS_ENV,
  type WorkerOptions,
} from "./protocol.js";

export interface ClusterOptions extends Omit<StartOptions, "extensions"> {
  /** Server processes sharing the port; each is a full server on the one PostgreSQL. */
  readonly workers: number;
  /** App extensions each worker imports (by module URL and export name) and adds to its app. */
  readonly extensionModules?: readonly ExtensionModule[];
}

export interface RunningCluster {
  readonly url: string;
  readonly seeded?: Seeded;
  /** Process ids of the workers now running. */
  pids(): number[];
  /** Stop every worker (each finishes what it is answering) and stop replacing them. */
  close(): Promise<void>;
}

/** Why `--workers` needs PostgreSQL, in the words the command line shows. */
export const workersNeedPostgres = (workers: number): string =>
  `--workers ${workers} needs PostgreSQL: SQLite allows one writing process. Set DATABASE_URL (or --database-url) to a postgres:// URL, or run one process without --workers.`;

/** A worker that dies while serving is replaced after this pause (a crash loop stays slow and logged). */
const RESPAWN_DELAY_MS = 1000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Run `workers` server processes on one port (node:cluster) against one PostgreSQL. The primary migrates,
 * checks the master key and hands it to the workers through their environment, waits until all listen, then
 * seeds a fresh database once and prints the banner. It serves nothing itself and holds no database
 * connection afterwards; a worker that dies is replaced.
 * @example
 * const running = await startCluster({ workers: 4, databaseUrl: "postgres://ninsho@db/ninsho", port: 8080 });
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const trustProblem = trustProxyProblem(options.trustProxy ?? 0);
  if (trustProblem !== undefined) throw new TypeError(trustProblem);
  const dataDir = resolve(options.dataDir ?? "./data");
  const databaseUrl = options.databaseUrl || process.env.DATABASE_URL || join(dataDir, "ninsho.db"); // empty means unset
  if (!isPostgresUrl(databaseUrl)) throw new Error(workersNeedPostgres(options.workers));
  const logger = options.logger ?? createLogger();
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  logTightened(logger, makeDataPrivate(dataDir));
  const master = loadMasterKey(dataDir, process.env.NINSHO_MASTER_KEY);
  const store = createStore({ url: databaseUrl, poolSize: 2 });
  const redisUrl = options.redisUrl || process.env.NINSHO_REDIS_URL || undefined;
  try {
    await store.migrate();
    await assertMasterKeyOpens(store, master.key);
    await rekeyStoredDigests(store, deriveSecrets(master.key), logger);
    // Say it here, once, rather than through every worker failing to start.
    if (redisUrl) await (await openRedisCounters(redisUrl, options.redisPrefix ?? "ninsho")).close();
  } catch (error) {
    await store.close();
    if (master.source === "created") rmSync(join(dataDir, "master.key"), { force: true });
    throw error;
  }

  const workerOptions: WorkerOptions = {
    dataDir,
    databaseUrl,
    port: options.port ?? 8080,
    host: options.host ?? "127.0.0.1",
    ...(redisUrl === undefined ? {} : { redisUrl }),
    ...(options.redisPrefix === undefined ? {} : { redisPrefix: options.redisPrefix }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.ipv6Prefix === undefined ? {} : { ipv6Prefix: options.ipv6Prefix }),
    ...(options.floorRoute === undefined ? {} : { floorRoute: options.floorRoute }),
    ...(options.extensionModules === undefined ? {} : { extensionModules: options.extensionModules }),
  };
  const env = {
    [WORKER_OPTIONS_ENV]: JSON.stringify(workerOptions),
    NINSHO_MASTER_KEY: master.key.toString("hex"),
  };
  cluster.setupPrimary({ exec: fileURLToPath(new URL("./worker.js", import.meta.url)), args: [] });

  const live = new Set<Worker>();
  let closing = false;
  const fork = (): Promise<string> => {
    const worker = cluster.fork(env);
    live.add(worker);
    return new Promise<string>((ready, refuse) => {
      let listening = false;
      let failure: string | undefined;
      worker.on("message", (message: unknown) => {
        if (isStartFailedMessage(message)) failure = message.code;
        if (!isListeningMessage(message)) return;
        listening = true;
        ready(message.url);
      });
      worker.once("exit", (code, signal) => {
        live.delete(worker);
        const how = signal ?? `code ${code}`;
        if (!listening) return refuse(workerStartError(how, failure));
        if (closing) return;
        logger.warn({ worker: worker.process.pid, exit: how }, "worker died; starting another");
        setTimeout(() => {
          if (!closing) fork().catch((error: unknown) => logger.error({ err: error }, "replacement failed"));
        }, RESPAWN_DELAY_MS).unref();
      });
    });
  };

  const close = async () => {
    closing = true;
    await Promise.all([...live].map((worker) => stopWorker(worker)));
  };
  let url: string;
  let seeded: Seeded | undefined;
  try {
    const urls = await Promise.all(Array.from({ length: options.workers }, () => fork()));
    url = urls[0] ?? "";
    // Seed once, after the workers listen (a start that cannot listen must not make and lose the token).
    const deps = buildDeps({ store, masterKey: master.key, logger });
    seeded = options.seed === false ? undefined : await seedIfEmpty(deps);
    await deps.lastSeen.close();
  } catch (error) {
    await close();
    throw error;
  } finally {
    await store.close();
  }
  print(`Ninsho activation server listening on ${url} (${options.workers} worker processes)`);
  print(
    `database: PostgreSQL; master key: ${master.source}; rate limits: ${redisUrl ? "redis" : "postgres"}`,
  );
  if (seeded) {
    const showToken = options.showAdminToken ?? process.stdout.isTTY === true;
    const tokenFile = showToken ? undefined : writeAdminTokenFile(dataDir, seeded.adminToken);
    for (const line of banner(url, seeded, tokenFile)) print(line);
  }
  return {
    url,
    ...(seeded ? { seeded } : {}),
    pids: () => [...live].flatMap((worker) => (worker.process.pid === undefined ? [] : [worker.process.pid])),
    close,
  };
}

/**
 * Why the cluster could not start: a worker's own error code (EADDRINUSE when the port is taken) travels with
 * the error as `code`, as a single process's listen error does, so the caller tells both cases alike.
 */
function workerStartError(how: string, code: string | undefined): Error {
  const error: Error & { code?: string } = new Error(
    `a worker exited (${how}) before it could serve${code === undefined ? "" : ` (${code})`}`,
  );
  if (code !== undefined) error.code = code;
  return error;
}

/** SIGTERM, then SIGKILL if it has not exited in time. */
function stopWorker(worker: Worker): Promise<void> {
  return new Promise((done) => {
    if (worker.isDead()) return done();
    const timer = setTimeout(() => worker.process.kill("SIGKILL"), STOP_TIMEOUT_MS);
    worker.once("exit", () => {
      clearTimeout(timer);
      done();
    });
    worker.process.kill("SIGTERM");
  });
}
