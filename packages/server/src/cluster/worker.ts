/**
 * A server process under `startCluster`: the same `startServer`, sharing the primary's port (node:cluster
 * hands it connections), never seeding (the primary does, once), told its options and the master key through
 * its environment. It stops on SIGTERM or SIGINT, finishing what it is answering, or when the primary is gone.
 */
import type { AppExtension } from "../app.js";
import { createLogger } from "../logger.js";
import { startServer } from "../serve.js";
import {
  type ListeningMessage,
  type StartFailedMessage,
  WORKER_OPTIONS_ENV,
  type WorkerOptions,
} from "./protocol.js";

const { extensionModules = [], ...options } = JSON.parse(
  process.env[WORKER_OPTIONS_ENV] ?? "{}",
) as WorkerOptions;
const extensions: AppExtension[] = [];
for (const { url, name } of extensionModules) {
  const extension: unknown = ((await import(url)) as Record<string, unknown>)[name];
  if (typeof extension !== "function") throw new Error(`${url} has no app extension named ${name}`);
  extensions.push(extension as AppExtension);
}
const logger = createLogger().child({ worker: process.pid });
const server = await startServer({
  ...options,
  extensions,
  seed: false,
  logger,
  print: () => undefined,
}).catch((error: unknown): Promise<never> => {
  // Said once, plainly; the primary then reports that a worker could not start, and why when Node named it
  // (EADDRINUSE: the command line then says which port is busy and how to choose another).
  logger.fatal({ err: error }, "worker could not start");
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (typeof code !== "string" || !process.send) process.exit(1);
  const failed: StartFailedMessage = { type: "ninsho:start-failed", code };
  // Exit once the message is handed over; until then nothing else runs here.
  return new Promise<never>(() => process.send?.(failed, () => process.exit(1)));
});
const listening: ListeningMessage = { type: "ninsho:listening", url: server.url };
process.send?.(listening);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().finally(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
process.once("disconnect", stop);
