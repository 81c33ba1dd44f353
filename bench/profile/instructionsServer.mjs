/**
 * The server `instructions.ts` runs under callgrind: plain JavaScript (no TypeScript loader to translate under
 * valgrind), the build of the checkout given (so another worktree's commit can be measured), the real
 * `startServer` with the bench's floor route. Usage: node instructionsServer.mjs ROOT DATA_DIR
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pino } from "pino";

const [root, dataDir] = process.argv.slice(2);
if (!root || !dataDir) throw new Error("usage: instructionsServer.mjs ROOT DATA_DIR");
const { startServer } = await import(pathToFileURL(join(root, "packages/server/dist/index.js")).href);
const server = await startServer({
  dataDir,
  port: 0,
  floorRoute: true,
  // A fresh folder (the floor) needs no admin token or demo product; a copied seed has them already.
  seed: false,
  print: () => {},
  logger: pino({ level: "warn" }),
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
