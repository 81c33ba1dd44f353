import type { OfflineClient } from "../offline/api.js";
import type { ClientResult } from "./result.js";
import type { ClientEvents, ClientStatus } from "./types.js";

export type { ClientResult } from "./result.js";

/**
 * When `validate()` may go online. `auto` (default): only when due (a refresh once `refreshFraction` of the
 * lease has passed, a retry after its backoff, a repair, a first activation), in the background while the
 * app may run, awaited when it may not. `force`: now, awaited, whatever the schedule. `never`: local only.
 *
 * @example
 * const status = await client.validate({ online: "force" }); // the user pressed "Check now"
 */
export interface ValidateOptions {
  readonly online?: "auto" | "force" | "never";
}

/**
 * A license client for one product on one machine. Every method resolves (a server fault, a damaged file or
 * a refusal is a result, never an exception); only a wrong option in `createClient` throws, or a vendor's own
 * `fingerprint` function if it throws.
 *
 * @example
 * const client = createClient({ url, productId, publicKeys, storageDir });
 * const status = await client.validate();
 * if (!status.valid) console.error(status.message, status.remedy);
 */
export interface NinshoClient extends OfflineClient {
  /** Install a product key as typed (case, spaces, dashes, full-width forms); a typo is named by group, offline. */
  installKey(key: string): Promise<ClientResult>;
  /** Remove the key and the lease from this machine (the server's slot stays taken: `deactivate()` first). */
  uninstallKey(): Promise<ClientStatus>;
  /** Activate this machine with the installed key. */
  activate(): Promise<ClientResult<{ readonly decision: unknown }>>;
  /** The local verdict at once (one signature check); goes online when due (see `ValidateOptions`). */
  validate(options?: ValidateOptions): Promise<ClientStatus>;
  /** The local verdict, never online. */
  status(): Promise<ClientStatus>;
  /** Free this machine's slot on the license; the lease is removed. */
  deactivate(): Promise<ClientResult<{ readonly deviceId: string; readonly deactivatedAt: string }>>;
  /** Move the license from an old machine (by its device id) to this one, within the policy's allowance. */
  transfer(
    fromDeviceId: string,
  ): Promise<ClientResult<{ readonly deviceId: string; readonly transfersLeft: number }>>;
  /** Listen to an event; returns the function that stops listening. */
  on<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): () => void;
  /** Stop a listener added with `on`. */
  off<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): void;
  /** Resolves when background refreshes and writes have finished (for tests and orderly shutdown). */
  idle(): Promise<void>;
  /** Stop starting background work, and wait for what runs. */
  close(): Promise<void>;
}
