/**
 * A server process for the bench: the real `startServer` with the floor route, on its own data folder, so
 * the load generator (the parent process) never shares an event loop with it. Prints one JSON line.
 */
import { pino } from "pino";
import { startServer } from "../../packages/server/dist/index.js";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: server.ts DATA_DIR");
const server = await startServer({
  dataDir,
  port: 0,
  floorRoute: true,
  print: () => {},
  logger: pino({ level: "warn" }),
});
process.stdout.write(`${JSON.stringify({ url: server.url, adminToken: server.seeded?.adminToken ?? null })}\n`);
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
