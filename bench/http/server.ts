/**
 * A server process for the bench: the real `startServer` with the floor route, on its own data folder, so
 * the load generator (the parent process) never shares an event loop with it. Prints one JSON line.
 * With BENCH_DATABASE_URL it serves from that PostgreSQL database, and with BENCH_WORKERS > 1 it runs that
 * many worker processes on one port (`startCluster`, as `ninsho serve --workers N`).
 */
import { pino } from "pino";
import { startCluster, startServer } from "../../packages/server/dist/index.js";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: server.ts DATA_DIR");
const databaseUrl = process.env.BENCH_DATABASE_URL;
const workers = Number(process.env.BENCH_WORKERS ?? 1);
const options = {
  dataDir,
  port: 0,
  floorRoute: true,
  print: () => {},
  logger: pino({ level: "warn" }),
  ...(databaseUrl ? { databaseUrl } : {}),
};
const server = workers > 1 ? await startCluster({ ...options, workers }) : await startServer(options);
process.stdout.write(
  `${JSON.stringify({ url: server.url, adminToken: server.seeded?.adminToken ?? null })}\n`,
);
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
