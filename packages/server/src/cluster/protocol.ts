import type { StartOptions } from "../serve.js";

/** What a worker process is started with (JSON in `WORKER_OPTIONS_ENV`); the master key travels apart. */
export type WorkerOptions = Pick<
  StartOptions,
  | "dataDir"
  | "databaseUrl"
  | "redisUrl"
  | "redisPrefix"
  | "port"
  | "host"
  | "trustProxy"
  | "ipv6Prefix"
  | "floorRoute"
> & { readonly extensionModules?: readonly ExtensionModule[] };

/**
 * An app extension a worker imports itself (a function cannot travel to another process): the module's URL
 * (e.g. `import.meta.resolve("@ninsho/web")`) and the name of its `AppExtension` export.
 */
export interface ExtensionModule {
  readonly url: string;
  readonly name: string;
}

export const WORKER_OPTIONS_ENV = "NINSHO_WORKER_OPTIONS";

/** A worker tells the primary it is serving. */
export interface ListeningMessage {
  readonly type: "ninsho:listening";
  readonly url: string;
}

export const isListeningMessage = (message: unknown): message is ListeningMessage =>
  typeof message === "object" &&
  message !== null &&
  (message as { type?: unknown }).type === "ninsho:listening" &&
  typeof (message as { url?: unknown }).url === "string";

/** A worker tells the primary why it could not start (a Node error code such as EADDRINUSE), then exits. */
export interface StartFailedMessage {
  readonly type: "ninsho:start-failed";
  readonly code: string;
}

export const isStartFailedMessage = (message: unknown): message is StartFailedMessage =>
  typeof message === "object" &&
  message !== null &&
  (message as { type?: unknown }).type === "ninsho:start-failed" &&
  typeof (message as { code?: unknown }).code === "string";
