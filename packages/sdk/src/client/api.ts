import type { OfflineClient } from "../offline/api.js";
import type { AccountActivationOptions, TransferOptions, TransferProof } from "./ownership.js";
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
 * What `activate()` may name besides the key: the base of an upgrade license, by key or by id.
 *
 * @example
 * const options: ActivateOptions = { baseKey: "BCDFG-HJKMP-QRTVW-XY234-6789B" };
 */
export interface ActivateOptions {
  readonly baseKey?: string;
  readonly baseLicenseId?: string;
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
  /**
   * Activate this machine with the installed key. An upgrade license's first activation names the license it
   * upgrades (`baseKey`, or `baseLicenseId` when that license is activated on this machine); the server keeps
   * the base with the upgrade from then on (UPGRADE_BASE_REQUIRED without one).
   * @example
   * await client.activate({ baseKey: "BCDFG-HJKMP-QRTVW-XY234-6789B" }); // an upgrade from the old edition
   */
  activate(options?: ActivateOptions): Promise<ClientResult<{ readonly decision: unknown }>>;
  /**
   * Whether the license grants a named feature, decided offline from the signed lease this machine holds
   * (its policy's features with the license's own additions and removals): false while the app may not run.
   * @example
   * if (await client.entitled("export")) showExportMenu();
   */
  entitled(feature: string): Promise<boolean>;
  /** The local verdict at once (one signature check); goes online when due (see `ValidateOptions`). */
  validate(options?: ValidateOptions): Promise<ClientStatus>;
  /** The local verdict, never online. */
  status(): Promise<ClientStatus>;
  /** Free this machine's slot on the license; the lease is removed. */
  deactivate(): Promise<ClientResult<{ readonly deviceId: string; readonly deactivatedAt: string }>>;
  /**
   * Move the license from an old machine (by its device id) to this one, within the policy's allowance, proven
   * by the code mailed to the license's owner (`requestTransferCode()`). The old machine is refused with
   * DEVICE_REPLACED at its next contact; past the allowance, TRANSFER_ALLOWANCE_EXHAUSTED names the support
   * request opened for it. Without a proof the server answers TRANSFER_PROOF_REQUIRED.
   * @example
   * await client.requestTransferCode(); // the owner gets a mail
   * const moved = await client.transfer("dev_01OLDMACHINE", { code: "48213907" });
   */
  transfer(
    fromDeviceId: string,
    proof?: TransferProof,
  ): Promise<ClientResult<{ readonly deviceId: string; readonly transfersLeft: number }>>;
  /**
   * Mail a code to the license's owner that proves a transfer made with the installed key (15 minutes, 5 tries).
   * @example
   * const sent = await client.requestTransferCode();
   * if (sent.ok) console.log(`A code was mailed to ${sent.to}`);
   */
  requestTransferCode(): Promise<ClientResult<{ readonly to: string; readonly expiresAt: string }>>;
  /**
   * Before a transfer: the license's devices (to pick the one this machine replaces) and the allowance left.
   * @example
   * const shown = await client.transferOptions();
   * if (shown.ok) console.log(shown.options.transfers.left, shown.options.devices);
   */
  transferOptions(): Promise<ClientResult<{ readonly options: TransferOptions }>>;
  /**
   * Activate this machine with a license of a signed-in account, without typing the key (like `gh auth login`):
   * shows a code through `onCode`, waits while its owner approves it on the web page it names, then installs
   * the license's key and activates.
   * @example
   * const result = await client.activateWithAccount({
   *   onCode: ({ userCode, verificationUri }) => console.log(`Open ${verificationUri} and enter ${userCode}`),
   * });
   */
  activateWithAccount(
    options: AccountActivationOptions,
  ): Promise<ClientResult<{ readonly decision: unknown; readonly licenseId: string }>>;
  /** Listen to an event; returns the function that stops listening. */
  on<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): () => void;
  /** Stop a listener added with `on`. */
  off<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): void;
  /** Resolves when background refreshes and writes have finished (for tests and orderly shutdown). */
  idle(): Promise<void>;
  /** Stop starting background work, and wait for what runs. */
  close(): Promise<void>;
}
