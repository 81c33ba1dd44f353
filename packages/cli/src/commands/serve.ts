import type { Command } from "commander";

/**
 * `ninsho serve`: run the activation server. On an empty database it creates the schema, the signing keys,
 * a demo product, policy and key, and prints the admin token once.
 * @example
 * ninsho serve --data ./data --port 8080
 */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run the activation server (embedded SQLite in --data, or PostgreSQL from DATABASE_URL)")
    .option("--data <dir>", "data folder for the SQLite file and the master key", "./data")
    .option("--port <port>", "port to listen on", (v) => Number.parseInt(v, 10), 8080)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--database-url <url>", "postgres://… to use PostgreSQL (default: DATABASE_URL)")
    .option("--trust-proxy", "read client addresses from X-Forwarded-For (only behind your own proxy)")
    .option("--no-seed", "do not seed an admin token and demo product on an empty database")
    .action(
      async (options: {
        data: string;
        port: number;
        host: string;
        databaseUrl?: string;
        trustProxy?: boolean;
        seed: boolean;
      }) => {
        // Loaded here, not at the top: the admin and device commands start without the server's dependencies.
        const { startServer } = await import("@ninsho/server");
        const server = await startServer({
          dataDir: options.data,
          port: options.port,
          host: options.host,
          seed: options.seed,
          ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
          ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
        });
        const stop = async () => {
          await server.close();
          process.exit(0);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      },
    );
}
