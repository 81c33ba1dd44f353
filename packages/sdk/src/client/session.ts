import { type Fingerprint, type LeaseBinding, leaseBinding } from "@ninsho/core";
import type { PhoneLease } from "../offline/phoneLease.js";
import { observeServerTime, rollbackFloor, seenAt } from "./clockMarks.js";
import { bestVerdict, grantsOf } from "./grants.js";
import { leaseSignatureHolds, type PreparedLease } from "./lease.js";
import { type ProblemSeed, seed } from "./problem.js";
import type { DeviceStore, LoadedDevice, StorageProblem } from "./storage/deviceStore.js";
import { keptKeyOf, reconcileKeptKey } from "./storage/keyFile.js";
import type { StoredState } from "./storage/stateFile.js";
import type { ClientState, KeySource, LeaseKind } from "./types.js";

/**
 * The local decision: a state, whether the app may run, and why not (or what is not fine).
 *
 * @example
 * const verdict: Verdict = session.judge(Date.now());
 * if (!verdict.valid) console.log(verdict.state, verdict.seed?.code);
 */
export interface Verdict {
  readonly state: ClientState;
  readonly valid: boolean;
  readonly seed?: ProblemSeed;
  /** Which grant decided the times, when the device holds both a signed lease and a phone confirmation. */
  readonly grant?: LeaseKind;
}

// A local time is written down at most this often: often enough that a restart remembers roughly when the
// clock last stood, rarely enough that validating thousands of times a second never waits for a disk.
const LOCAL_MARK_PERSIST_MS = 10 * 60_000;

/** Failures of the exchange itself, which say nothing about the license. */
const TRANSPORT_FAULTS: ReadonlySet<string> = new Set([
  "SERVER_UNREACHABLE",
  "SERVER_TIMEOUT",
  "SERVER_ERROR",
  "RESPONSE_INVALID",
  "RESPONSE_SIGNATURE_INVALID",
]);

/** A lease issued for another machine: no rights here until the server says this machine is that device. */
const unboundVerdict = (binding: Extract<LeaseBinding, { bound: false }>): Verdict => {
  const params = { score: Math.round(binding.score * 100) / 100, threshold: binding.threshold };
  return {
    state: "mismatch",
    valid: false,
    seed: seed("FINGERPRINT_MISMATCH", params, { ...params, local: true }),
  };
};

/** A failed write keeps the app running from memory; the store remembers it for the status. */
const ignoreWriteError = () => undefined;

const storageSeed = (problem: StorageProblem): ProblemSeed =>
  seed(problem.code, { file: problem.file }, { file: problem.file, reason: problem.reason });

/**
 * A device's state in memory, loaded once from the state folder. Every decision reads from here, so
 * `validate()` costs one signature verification and a few comparisons; every change is written through.
 *
 * @example
 * const session = new Session(await store.load(), store, DEFAULT_CLOCK_TOLERANCE_MS, 0.5);
 * session.judge(Date.now()); // { state: "active", valid: true }
 */
export class Session {
  readonly state: StoredState;
  lease: PreparedLease | undefined;
  /** A phone confirmation that verified at load or when typed (see `offline/phoneLease.ts`). */
  phone: PhoneLease | undefined;
  stateProblem: StorageProblem | undefined;
  leaseProblem: StorageProblem | undefined;
  /** A lease file is there, but the client has no public key to verify it (see `ClientOptions.publicKeys`). */
  readonly leaseUnverified: boolean;
  /** A preinstalled key that was found but is malformed, and where. */
  keyProblem: { readonly seed: ProblemSeed; readonly source: KeySource } | undefined;
  private floorMs = 0;
  /** This machine's fingerprint, read once when the client opened; `undefined` when it could not be read. */
  private machine: Fingerprint | undefined;
  /** How the lease relates to this machine (computed when the lease, the basis or the machine change). */
  private binding: LeaseBinding | undefined;
  /** Bumped on every change that a status shows, so the status can cache what did not change. */
  version = 0;
  private persistedLocalMarkMs: number;

  constructor(
    loaded: LoadedDevice,
    private readonly store: DeviceStore,
    private readonly toleranceMs: number,
    private readonly refreshFraction: number,
  ) {
    this.state = loaded.state;
    // The key lives in its own file too: a damaged, rejected or lost state file does not lose it.
    if (reconcileKeptKey(this.state, loaded.keptKey)) void this.keepKey();
    this.lease = loaded.lease;
    this.stateProblem = loaded.stateProblem;
    this.leaseProblem = loaded.leaseProblem;
    this.leaseUnverified = loaded.leaseUnverified === true;
    this.persistedLocalMarkMs = this.state.localMarkMs;
    // A lease's issue time is a signed server time too: with the state file lost, it still bounds a rollback.
    if (this.lease) this.state.serverMarkMs = Math.max(this.state.serverMarkMs, this.lease.issuedAtMs);
    this.refreshFloor();
  }

  /** Note this machine's fingerprint (read when the client opens): every lease is checked against it. */
  observeMachine(machine: Fingerprint | undefined): void {
    this.version += 1;
    this.machine = machine;
    this.binding = undefined;
  }

  /** Whether the lease is this machine's (see `leaseBinding`); a machine that could not be read is not. */
  bindingOf(lease: PreparedLease): LeaseBinding {
    if (this.binding) return this.binding;
    const { fpd, fpm } = lease.claims;
    this.binding = this.machine
      ? leaseBinding(fpd, fpm, this.state.basis, this.machine)
      : { bound: false, score: 0, threshold: fpm?.t ?? 0 };
    return this.binding;
  }

  private refreshFloor(): void {
    this.floorMs = rollbackFloor(this.state, this.toleranceMs);
  }

  /** The hot path: one Ed25519 verification of the lease, then comparisons. */
  judge(nowMs: number): Verdict {
    const lease = this.lease;
    const phone = this.phone;
    if (!lease && !phone) return this.judgeWithoutLease();
    if (lease && !leaseSignatureHolds(lease)) {
      return { state: "tampered", valid: false, seed: seed("STATE_TAMPERED", { file: "lease.jwt" }) };
    }
    if (nowMs < this.floorMs) {
      const at = new Date(seenAt(this.state)).toISOString();
      return {
        state: "clock_rollback",
        valid: false,
        seed: seed("CLOCK_ROLLBACK", { seenAt: at }, { seenAt: at }),
      };
    }
    if (this.stateProblem?.code === "STATE_TAMPERED") {
      return { state: "tampered", valid: false, seed: storageSeed(this.stateProblem) };
    }
    // The record kept outside the folder does not vouch for the lease: only the server can (storage/recordReconcile.ts).
    if (this.stateProblem?.code === "STATE_UNCONFIRMED") {
      return { state: "corrupt", valid: false, seed: storageSeed(this.stateProblem) };
    }
    const verdict = this.state.verdict;
    if (verdict) return { state: verdict.state, valid: false, seed: verdict.seed };
    const binding = lease && this.bindingOf(lease);
    if (binding && !binding.bound) return unboundVerdict(binding);
    if (phone || !lease) return bestVerdict(grantsOf(lease, phone), nowMs);
    if (nowMs < lease.leaseExpiresAtMs) return { state: "active", valid: true };
    if (nowMs < lease.graceEndsAtMs) return { state: "grace", valid: true };
    const graceEnd = new Date(lease.graceEndsAtMs).toISOString();
    return { state: "expired", valid: false, seed: seed("LEASE_EXPIRED", { graceEnd }) };
  }

  private judgeWithoutLease(): Verdict {
    const damaged =
      this.leaseProblem ?? (this.stateProblem?.code === "STATE_TAMPERED" ? this.stateProblem : undefined);
    if (damaged) {
      const state = damaged.code === "STATE_TAMPERED" ? "tampered" : "corrupt";
      return { state, valid: false, seed: storageSeed(damaged) };
    }
    if (this.leaseUnverified)
      return { state: "not_activated", valid: false, seed: seed("PUBLIC_KEYS_MISSING") };
    if (this.state.key === undefined) {
      return { state: "no_key", valid: false, seed: this.keyProblem?.seed ?? seed("KEY_NOT_INSTALLED") };
    }
    // A refused activation (a full license, an unknown key) says more than "not activated" does.
    const failure = this.state.lastFailure;
    const refused = failure !== undefined && !TRANSPORT_FAULTS.has(failure.code);
    return { state: "not_activated", valid: false, seed: refused ? failure : seed("NOT_ACTIVATED") };
  }

  /**
   * When the SDK goes online next on its own: after a backoff or a verdict, at the time set then; otherwise
   * once `refreshFraction` of the lease has passed; at once when something needs repairing or activating.
   */
  dueAt(clockSetBack = false): number {
    const { nextOnlineAt, failures } = this.state;
    const lease = this.lease;
    // A clock set back makes every local schedule meaningless; only a signed server time can settle it.
    // A lease this machine is not bound to: only the server can say whether it is this device.
    const unbound = lease !== undefined && !this.bindingOf(lease).bound;
    if (!lease || this.stateProblem || this.leaseProblem || clockSetBack || unbound) {
      return failures > 0 && nextOnlineAt !== undefined ? nextOnlineAt : 0;
    }
    if (nextOnlineAt !== undefined) return nextOnlineAt;
    return lease.issuedAtMs + this.refreshFraction * (lease.leaseExpiresAtMs - lease.issuedAtMs);
  }

  /** What is not fine while the app may still run: a repaired file, or the last online failure. */
  warning(): ProblemSeed | undefined {
    if (this.stateProblem) return storageSeed(this.stateProblem);
    return this.state.lastFailure;
  }

  /** Note a local time; returns after scheduling a write when the mark moved far enough to be worth one. */
  observeLocalTime(nowMs: number): void {
    if (nowMs <= this.state.localMarkMs) return;
    this.state.localMarkMs = nowMs;
    this.refreshFloor();
    if (nowMs - this.persistedLocalMarkMs >= LOCAL_MARK_PERSIST_MS) void this.save();
  }

  observeServerTime(serverTimeMs: number, nowMs: number): void {
    this.version += 1;
    observeServerTime(this.state, serverTimeMs, nowMs, this.toleranceMs);
    this.refreshFloor();
  }

  /** Take a verified lease: it replaces whatever lease or damage was there. Written before the state. */
  async takeLease(lease: PreparedLease): Promise<void> {
    this.version += 1;
    this.lease = lease;
    this.binding = undefined;
    this.leaseProblem = undefined;
    this.state.deviceId = lease.claims.sub;
    this.state.licenseId = lease.claims.lic;
    this.state.serverMarkMs = Math.max(this.state.serverMarkMs, lease.issuedAtMs);
    this.refreshFloor();
    await this.store.saveLease(lease.token).catch(ignoreWriteError);
  }

  async dropLease(): Promise<void> {
    this.version += 1;
    this.lease = undefined;
    this.leaseProblem = undefined;
    await this.store.removeLease().catch(ignoreWriteError);
  }

  /**
   * Write the state. A state file found altered is left as it is until the server repairs it: writing a
   * fresh one with a valid MAC would erase the evidence, and the next start would trust it. So is an
   * unconfirmed lease: writing would make a record that vouches for it.
   */
  async save(): Promise<void> {
    this.version += 1;
    if (this.stateProblem?.code === "STATE_TAMPERED" || this.stateProblem?.code === "STATE_UNCONFIRMED")
      return;
    this.persistedLocalMarkMs = this.state.localMarkMs;
    await this.store.saveState(this.state).catch(ignoreWriteError);
  }

  /** Install a key. A different key clears the failure backoff: it deserves its own first attempt. */
  async setKey(key: string, source: KeySource): Promise<void> {
    if (this.state.key !== key) {
      this.state.failures = 0;
      delete this.state.lastFailure;
      delete this.state.nextOnlineAt;
    }
    this.state.key = key;
    this.state.keySource = source;
    this.keyProblem = undefined;
    await this.save();
    await this.keepKey();
  }

  /** Write the key to its own file (`product.key`), or remove that file when no key is installed. */
  private keepKey(): Promise<void> {
    return this.store.saveKey(keptKeyOf(this.state)).catch(ignoreWriteError);
  }

  /** Forget the key and the lease on this machine (the server is not told). */
  async forget(): Promise<void> {
    for (const field of [
      "key",
      "keySource",
      "deviceId",
      "licenseId",
      "license",
      "accepted",
      "basis",
      "verdict",
      "nextOnlineAt",
    ] as const) {
      delete this.state[field];
    }
    // The pinned offline key belongs to the product and stays; what the key made or was granted goes.
    if (this.state.offline)
      this.state.offline = { ...(this.state.offline.key ? { key: this.state.offline.key } : {}) };
    this.phone = undefined;
    this.keyProblem = undefined;
    await this.keepKey();
    await this.dropLease();
    await this.save();
  }

  /** The server answered: what it said replaces whatever was damaged in the state folder. */
  repaired(): void {
    this.version += 1;
    this.stateProblem = undefined;
    this.leaseProblem = undefined;
  }
}
