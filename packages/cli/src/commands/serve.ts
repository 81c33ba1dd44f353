import type { TrustProxy } from "@ninsho/server";
import type { Command } from "commander";
import { defaultIo, type Io } from "../admin/io.js";
import { dataLocation, runLocal, UsageProblem, wholeNumber } from "./local.js";

interface ServeOptions {
  readonly data: string;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl?: string;
  readonly redisUrl?: string;
  readonly workers: number;
  /** `true` for a bare `--trust-proxy` (refused: it says nothing about the proxies). */
  readonly trustProxy?: string | true;
  readonly ipv6Prefix?: number;
  readonly seed: boolean;
}

/**
 * `ninsho serve`: run the activation server. On an empty database it creates the schema, the signing keys,
 * a demo product, policy and key, and prints the admin token once. `--workers N` runs N server processes on
 * one port against one PostgreSQL.
 * @example
 * ninsho serve --data ./data --port 8080
 * DATABASE_URL=postgres://ninsho@db/ninsho ninsho serve --workers 4 --host 0.0.0.0
 * ninsho serve --host 0.0.0.0 --trust-proxy 1   # behind one reverse proxy of yours
 */
export function registerServe(program: Command, io: Io = defaultIo()): void {
  program
    .command("serve")
    .description("run the activation server (embedded SQLite in --data, or PostgreSQL from DATABASE_URL)")
    .option("--data <dir>", "data folder for the SQLite file and the master key", "./data")
    .option("--port <port>", "port to listen on", (v) => Number.parseInt(v, 10), 8080)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--database-url <url>", "postgres://… to use PostgreSQL (default: DATABASE_URL)")
    .option(
      "--workers <n>",
      "server processes sharing the port (PostgreSQL only)",
      wholeNumber("--workers", 1, 256),
      1,
    )
    .option("--redis-url <url>", "redis://… to share rate limits in Redis (default: NINSHO_REDIS_URL)")
    .option(
      "--trust-proxy [proxies]",
      "behind proxies of yours: how many (e.g. 1) or their addresses (e.g. 10.0.0.0/8,fd00::/8); client addresses are read from the right of X-Forwarded-For past them",
    )
    .option(
      "--ipv6-prefix <bits>",
      "leading bits of an IPv6 address that count as one client for rate limits",
      wholeNumber("--ipv6-prefix", 16, 128),
      64,
    )
    .option("--no-seed", "do not seed an admin token and demo product on an empty database")
    .action((options: ServeOptions) => runLocal(io, "serve", () => serve(io, options)));
}

async function serve(io: Io, options: ServeOptions): Promise<void> {
  const where = dataLocation(io, options.data, options.databaseUrl);
  // Loaded here, not at the top: the admin and device commands start without the server's dependencies.
  const { startCluster, startServer, parseTrustProxy } = await import("@ninsho/server");
  const trustProxy = trustedProxies(parseTrustProxy, options.trustProxy);
  if (options.workers > 1 && !where.postgres)
    throw new UsageProblem("WORKERS_NEED_POSTGRES", { workers: options.workers });
  const common = {
    dataDir: where.dataDir,
    port: options.port,
    host: options.host,
    seed: options.seed,
    print: (text: string) => io.stdout.write(`${text}\n`),
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
    ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
    ...(trustProxy === undefined ? {} : { trustProxy }),
    ...(options.ipv6Prefix === undefined ? {} : { ipv6Prefix: options.ipv6Prefix }),
  };
  // The phone-activation page and the support console, served by the same process. Cluster workers get their
  // options as JSON through the environment, which cannot carry a function: they import the pages themselves.
  const running = await listening<{ close(): Promise<void> }>(options, () =>
    options.workers > 1
      ? startCluster({
          ...common,
          workers: options.workers,
          extensionModules: [{ url: import.meta.resolve("@ninsho/web"), name: "registerWeb" }],
        })
      : import("@ninsho/web").then((web) => startServer({ ...common, extensions: [web.registerWeb] })),
  );
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** Start, turning a port another program holds into PORT_IN_USE: which port, and how to choose another. */
async function listening<T>(options: ServeOptions, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") {
      const next = options.port > 0 && options.port < 65535 ? options.port + 1 : 8081;
      throw new UsageProblem("PORT_IN_USE", {
        port: String(options.port),
        host: options.host,
        next: String(next),
      });
    }
    throw error;
  }
}

/** `--trust-proxy`'s value, or the coded refusal of a bare flag or of text that names no proxies. */
function trustedProxies(
  parse: (text: string) => TrustProxy | undefined,
  given: string | true | undefined,
): TrustProxy | undefined {
  if (given === undefined) return undefined;
  const parsed = given === true ? undefined : parse(given);
  if (parsed === undefined) {
    throw new UsageProblem("TRUST_PROXY_INVALID", {
      given: given === true ? "" : ` “${given}”`,
    });
  }
  return parsed;
}
