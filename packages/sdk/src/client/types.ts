import type { ErrorCode } from "@ninsho/core";
import type { AcceptedFingerprint } from "./accepted.js";
import type { ClientProblem } from "./problem.js";

/**
 * Where this machine stands, and the code each state carries. The app may run in `active` and `grace` (`valid`
 * says so); there a code appears only as a warning (a server fault, a repaired file). Every other state stops
 * the app and names why:
 * - `active`: a genuine lease, not yet expired.
 * - `grace`: the lease expired; the policy's grace period runs (`timeLeftMs` counts it down).
 * - `expired`: LEASE_EXPIRED (lease and grace are over) or LICENSE_EXPIRED (the server said so, signed).
 * - `no_key`: KEY_NOT_INSTALLED, or KEY_MALFORMED for a preinstalled key with a typo (`keySource` says where).
 * - `not_activated`: NOT_ACTIVATED, or the code of the refused activation (e.g. DEVICE_LIMIT_REACHED; or
 *   REACTIVATION_PROOF_REQUIRED: the license was recently found on two copies of one machine and this device's
 *   activation runs on another copy, so only a transfer proven by the owner, or support, brings it here; its
 *   `details.devices` names the device to transfer from), or PUBLIC_KEYS_MISSING: a lease is in the folder,
 *   but the client was created without keys to verify it.
 * - `suspended` LICENSE_SUSPENDED, `revoked` LICENSE_REVOKED, `deactivated` DEVICE_DEACTIVATED, `mismatch`
 *   FINGERPRINT_MISMATCH (another machine's lease), `forked` DEVICE_FORKED (two copies of one activation,
 *   resolved by a transfer or support), `superseded` LEASE_SUPERSEDED (this device was activated again with the
 *   key elsewhere, so this copy's lease was replaced; `activate()` takes it back, and copies that keep doing so
 *   end as `forked`): signed verdicts of the server, which hold until a later signed answer says otherwise.
 * - `clock_rollback`: CLOCK_ROLLBACK, the clock is earlier than a time this machine has already seen.
 * - `tampered`: STATE_TAMPERED, the lease or the state file was altered.
 * - `corrupt`: STATE_CORRUPT, the lease file is damaged (a damaged state file alone only warns: the lease holds).
 *
 * @example
 * const { state } = await client.validate();
 * if (state === "grace") showBanner("Connect to the internet to renew your license");
 */
export type ClientState =
  | "active"
  | "grace"
  | "expired"
  | "no_key"
  | "not_activated"
  | "suspended"
  | "revoked"
  | "deactivated"
  | "mismatch"
  | "forked"
  | "superseded"
  | "clock_rollback"
  | "tampered"
  | "corrupt";

/**
 * What the app's right to run rests on: a lease signed by the server (an online activation or an installed
 * license file), or a phone confirmation (a confirmation ID typed in: lease and grace instants, no JWS lease,
 * and only the entitlements its signed feature bits grant over the product's phone feature list).
 *
 * @example
 * const { leaseKind } = await client.status();
 * if (leaseKind === "phone-confirmed") showLicenseFileHintForFeaturesNotByPhone();
 */
export type LeaseKind = "signed" | "phone-confirmed";

/**
 * Where the installed product key came from: typed in (`installKey`), or preinstalled by the vendor or the
 * OEM in a file, an environment variable, or a Windows registry value.
 *
 * @example
 * const { keySource } = await client.status();
 * if (keySource?.kind === "registry") console.log(`key from ${keySource.key}\\${keySource.value}`);
 */
export type KeySource =
  | { readonly kind: "installed" }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "env"; readonly name: string }
  | { readonly kind: "registry"; readonly key: string; readonly value: string };

/**
 * How the last exchange with the server went. Each fault is its own state, and none takes the app's rights
 * away: `unreachable` (SERVER_UNREACHABLE), `timeout` (SERVER_TIMEOUT), `server_error` (SERVER_ERROR, HTTP 5xx),
 * `invalid_response` (RESPONSE_INVALID: not an answer), `spoofed` (RESPONSE_SIGNATURE_INVALID: not signed by
 * the product's key, or not an answer to this request), `refused` (an unsigned 4xx refusal, e.g.
 * DEVICE_LIMIT_REACHED), `ok`, or `unknown` before the first exchange.
 *
 * @example
 * const { connection } = await client.status();
 * if (connection.state === "spoofed") log.warn("something impersonates the activation server");
 */
export type ConnectionState =
  | "unknown"
  | "ok"
  | "unreachable"
  | "timeout"
  | "server_error"
  | "invalid_response"
  | "spoofed"
  | "refused";

/**
 * The last decision the server explained (signed): which components matched or changed, the score and the
 * threshold, or the refusal.
 *
 * @example
 * const { lastDecision } = await client.status();
 * console.log(lastDecision?.outcome, lastDecision?.match);
 */
export interface ServerDecision {
  readonly at: string;
  readonly by: "activation" | "validation" | "transfer" | "deactivation";
  /** `new_device`, `recognized`, `valid`, `transferred`, `deactivated`, or the refusal's code. */
  readonly outcome: string;
  /** The server's explanation of the fingerprint match, as it sent it. */
  readonly match?: unknown;
}

/**
 * The connection part of a status.
 *
 * @example
 * const { connection } = await client.status();
 * console.log(connection.state, connection.failures, connection.retryAt);
 */
export interface ConnectionStatus {
  readonly state: ConnectionState;
  /** Online attempts that failed in a row. */
  readonly failures: number;
  readonly lastAttemptAt?: string;
  /** When the SDK goes online next on its own (refresh due, or the end of a backoff). */
  readonly retryAt?: string;
  readonly problem?: ClientProblem;
}

/**
 * Everything `status()` and `validate()` tell the app. Times are ISO 8601 instants; `timeLeftMs` is how long
 * the app keeps running without the server (to the end of grace), always present when there is a lease.
 *
 * @example
 * const s = await client.validate();
 * if (!s.valid) showDialog(s.message, s.remedy);
 * else if (s.state === "grace") showBanner(`Offline: ${Math.ceil((s.timeLeftMs ?? 0) / 86_400_000)} days left`);
 */
export interface ClientStatus {
  readonly state: ClientState;
  /** Whether the app may run now. */
  readonly valid: boolean;
  /** Set whenever something is not fine, even while the app may run (a server fault, a repaired file). */
  readonly code?: ErrorCode;
  readonly message?: string;
  readonly remedy?: string;
  readonly problem?: ClientProblem;
  /** The decision just made, in plain words. */
  readonly explanation: string;
  readonly productId: string;
  readonly licenseId?: string;
  readonly channel?: string;
  readonly entitlements?: readonly string[];
  /** The license's policy and how many devices it allows, as the server last described the license. */
  readonly policyId?: string;
  readonly maxDevices?: number;
  readonly deviceId?: string;
  /** The installed key's last group, enough to tell keys apart. */
  readonly keyHint?: string;
  readonly keySource?: KeySource;
  /** What the lease times below come from: a signed lease, or a phone confirmation (its signed feature bits). */
  readonly leaseKind?: LeaseKind;
  readonly leaseIssuedAt?: string;
  readonly leaseExpiresAt?: string;
  readonly graceEndsAt?: string;
  readonly licenseExpiresAt?: string;
  readonly timeLeftMs?: number;
  readonly leaseTimeLeftMs?: number;
  readonly lastServerContactAt?: string;
  /** The signed server time of the last verified answer, which arrived at `lastServerContactAt` here. */
  readonly lastServerTime?: string;
  /** The fingerprint the server last accepted from this machine (what it compares the next one with). */
  readonly acceptedFingerprint?: AcceptedFingerprint;
  readonly connection: ConnectionStatus;
  readonly lastDecision?: ServerDecision;
  /** The last write to the state folder failed (the app keeps running from memory): why. */
  readonly storageError?: string;
  readonly checkedAt: string;
}

/**
 * What an online attempt gave, as the `refresh` event reports it.
 *
 * @example
 * client.on("refresh", (r) => { if (!r.ok) log.info(`retry at ${r.retryAt}: ${r.problem.code}`); });
 */
export type RefreshOutcome =
  | { readonly ok: true; readonly at: string }
  | { readonly ok: false; readonly at: string; readonly problem: ClientProblem; readonly retryAt?: string };

/**
 * The events a client emits, and their listeners.
 * - `state`: the state or its code changed (e.g. `active` → `grace`, or a server fault appeared).
 * - `lease`: a new lease was stored.
 * - `refresh`: an online attempt ended.
 *
 * @example
 * client.on("state", (status, previous) => console.log(`${previous ?? "start"} → ${status.state}`));
 */
export interface ClientEvents {
  /** The state or its code changed; `previous` is `undefined` on the first report. */
  state: (status: ClientStatus, previous: ClientState | undefined) => void;
  /** A new lease was stored. */
  lease: (lease: {
    readonly deviceId: string;
    readonly leaseExpiresAt: string;
    readonly graceEndsAt: string;
  }) => void;
  /** An online attempt ended. */
  refresh: (outcome: RefreshOutcome) => void;
}
