import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { type PreparedLease, prepareLease } from "../lease.js";
import type { KeySet } from "../publicKeys.js";
import { createExclusive, type FileRead, readOptional, removeFile, writeAtomic } from "./files.js";
import { type KeptKey, parseKeptKey, serializeKeptKey } from "./keyFile.js";
import { emptyState, parseState, type StoredState, serializeState, stateMacKey } from "./stateFile.js";

/**
 * The files of a state folder. One folder per product. `product.key` keeps the installed key apart from
 * `state.json`, so a damaged or rejected state file does not lose it.
 *
 * @example
 * const leasePath = join(storageDir, STATE_FILES.lease); // "<storageDir>/lease.jwt"
 */
export const STATE_FILES = {
  state: "state.json",
  lease: "lease.jwt",
  secret: "install.secret",
  key: "product.key",
  /** The device's secret, where the OS has no key store (see `deviceKey/platform.ts`). */
  deviceKey: "device.key",
} as const;

/**
 * A damaged or altered file found at load, with the code the status reports.
 *
 * @example
 * const problem: StorageProblem = { code: "STATE_CORRUPT", file: "state.json", reason: "it is not complete JSON" };
 */
export interface StorageProblem {
  readonly code: "STATE_CORRUPT" | "STATE_TAMPERED" | "STATE_UNCONFIRMED";
  readonly file: string;
  readonly reason: string;
}

/**
 * What a state folder held. Anything unusable is replaced by an empty state or no lease, and reported.
 *
 * @example
 * const loaded: LoadedDevice = await store.load();
 * if (loaded.leaseProblem) console.log(loaded.leaseProblem.code);
 */
export interface LoadedDevice {
  readonly state: StoredState;
  readonly lease?: PreparedLease;
  readonly stateProblem?: StorageProblem;
  readonly leaseProblem?: StorageProblem;
  /** The key kept in `product.key`, when that file holds a well-formed one. */
  readonly keptKey?: KeptKey;
  /** A lease file was found, but no public key was given to verify it with: kept as it is, not used. */
  readonly leaseUnverified?: true;
}

const SECRET_BYTES = 32;

const decodeSecret = (read: FileRead): Buffer | undefined => {
  if (read.kind !== "text") return undefined;
  const secret = Buffer.from(read.text.trim(), "base64url");
  return secret.length === SECRET_BYTES ? secret : undefined;
};

/**
 * Reads and writes a device's state folder: `lease.jwt` (the signed lease, self-authenticating),
 * `state.json` (local fields under an HMAC) and `install.secret` (the random per-install MAC secret).
 * Writes are atomic and applied in call order; the lease is always written before the state that refers to it.
 *
 * @example
 * const store = new DeviceStore(storageDir, productId, keys);
 * const loaded = await store.load();
 * await store.saveState(loaded.state);
 */
export class DeviceStore {
  private macKey: Buffer | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** The last write that failed, if the latest one did: the app keeps running from memory. */
  lastWriteError: string | undefined;

  constructor(
    readonly dir: string,
    protected readonly productId: string,
    private readonly keys: KeySet,
  ) {}

  private path(name: keyof typeof STATE_FILES): string {
    return join(this.dir, STATE_FILES[name]);
  }

  async load(): Promise<LoadedDevice> {
    const [secretRead, stateRead, leaseRead, keyRead] = await Promise.all([
      readOptional(this.path("secret")),
      readOptional(this.path("state")),
      readOptional(this.path("lease")),
      readOptional(this.path("key")),
    ]);
    const keptKey = keyRead.kind === "text" ? parseKeptKey(keyRead.text) : undefined;
    const secret = decodeSecret(secretRead);
    this.macKey = secret === undefined ? undefined : stateMacKey(secret, this.productId);
    let state = emptyState();
    let stateProblem: StorageProblem | undefined;
    if (stateRead.kind === "unreadable") {
      stateProblem = {
        code: "STATE_CORRUPT",
        file: STATE_FILES.state,
        reason: `it cannot be read (${stateRead.error})`,
      };
    } else if (stateRead.kind === "text") {
      const parsed = parseState(stateRead.text, this.macKey);
      if (parsed.kind === "ok") state = parsed.state;
      else {
        const code = parsed.kind === "tampered" ? "STATE_TAMPERED" : "STATE_CORRUPT";
        stateProblem = { code, file: STATE_FILES.state, reason: parsed.reason };
      }
    }
    let lease: PreparedLease | undefined;
    let leaseProblem: StorageProblem | undefined;
    let leaseUnverified = false;
    if (leaseRead.kind === "unreadable") {
      leaseProblem = {
        code: "STATE_CORRUPT",
        file: STATE_FILES.lease,
        reason: `it cannot be read (${leaseRead.error})`,
      };
    } else if (leaseRead.kind === "text" && this.keys.empty) {
      leaseUnverified = true;
    } else if (leaseRead.kind === "text") {
      const prepared = prepareLease(leaseRead.text, this.keys, this.productId, state.deviceId);
      if (prepared.ok) lease = prepared.lease;
      else {
        const code = prepared.refusal.kind === "tampered" ? "STATE_TAMPERED" : "STATE_CORRUPT";
        leaseProblem = { code, file: STATE_FILES.lease, reason: prepared.refusal.reason };
      }
    }
    return {
      state,
      ...(lease ? { lease } : {}),
      ...(stateProblem ? { stateProblem } : {}),
      ...(leaseProblem ? { leaseProblem } : {}),
      ...(keptKey ? { keptKey } : {}),
      ...(leaseUnverified ? { leaseUnverified } : {}),
    };
  }

  /** Queue a write of the state as it is now (a snapshot: later changes in memory are not written). */
  saveState(state: StoredState): Promise<void> {
    const snapshot = structuredClone(state);
    return this.enqueue(async () => {
      await writeAtomic(this.path("state"), serializeState(snapshot, await this.ensureMacKey()));
    });
  }

  saveLease(token: string): Promise<void> {
    return this.enqueue(() => writeAtomic(this.path("lease"), `${token}\n`));
  }

  /** Queue a write of another file of the folder, by name (private to the user, like every file here). */
  saveFile(name: string, text: string): Promise<void> {
    return this.enqueue(() => writeAtomic(join(this.dir, name), text));
  }

  /** Read another file of the folder, by name, after the writes queued before. */
  async readFile(name: string): Promise<FileRead> {
    await this.idle();
    return readOptional(join(this.dir, name));
  }

  /** Queue a write of the installed key to its own file, or (no key) the file's removal. */
  saveKey(kept: KeptKey | undefined): Promise<void> {
    const path = this.path("key");
    return this.enqueue(() => (kept ? writeAtomic(path, serializeKeptKey(kept)) : removeFile(path)));
  }

  removeLease(): Promise<void> {
    return this.enqueue(() => removeFile(this.path("lease")));
  }

  /** Resolves when every queued write has finished (failed writes included). */
  idle(): Promise<void> {
    return this.queue;
  }

  protected enqueue(write: () => Promise<void>): Promise<void> {
    const run = this.queue.then(write).then(
      () => {
        this.lastWriteError = undefined;
      },
      (error: unknown) => {
        this.lastWriteError = error instanceof Error ? error.message : String(error);
        throw error;
      },
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The MAC key, creating the install secret on first save (or replacing a damaged one). */
  private async ensureMacKey(): Promise<Buffer> {
    if (this.macKey) return this.macKey;
    const fresh = randomBytes(SECRET_BYTES);
    const path = this.path("secret");
    if (!(await createExclusive(path, fresh.toString("base64url")))) {
      const existing = decodeSecret(await readOptional(path));
      if (existing) {
        this.macKey = stateMacKey(existing, this.productId);
        return this.macKey;
      }
      await writeAtomic(path, fresh.toString("base64url"));
    }
    this.macKey = stateMacKey(fresh, this.productId);
    return this.macKey;
  }
}
