import { createHash, createHmac, randomBytes } from "node:crypto";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { isErrorCode, isRecord, sameBytes } from "@ninsho/core";
import { createExclusive, type FileRead, readOptional, writeAtomic } from "./files.js";
import type { ServerVerdict, StoredState } from "./stateFile.js";

/**
 * What must survive the state folder: the newest signed answer the device has taken (its signed server time,
 * and the verdict or release it carried) and the clock's high-water marks. It is kept a second time, outside
 * the state folder, so deleting or restoring `state.json` cannot undo a verdict or a rollback: at load the
 * newest and strictest of the two wins (see `reconcileRecord`).
 *
 * @example
 * const record: VerdictRecord = recordOf(session.state, productId);
 */
export interface VerdictRecord {
  readonly productId: string;
  readonly deviceId?: string;
  /** The signed `serverTime` of the newest verified answer (0 before the first). */
  readonly answeredAtMs: number;
  readonly serverMarkMs: number;
  readonly localMarkMs: number;
  /** The signed "no" that answer carried, if it was one. */
  readonly verdict?: ServerVerdict;
  /** That answer gave this machine's slot back (`deactivate()`). */
  readonly released?: true;
}

/**
 * The record of a state as it is now.
 *
 * @example
 * await records.write(recordOf(state, "prd_01M7Y06QAFRMGX66H6FV39GP2Y"));
 */
export const recordOf = (state: StoredState, productId: string): VerdictRecord => ({
  productId,
  ...(state.deviceId === undefined ? {} : { deviceId: state.deviceId }),
  answeredAtMs: state.lastServerTimeMs ?? 0,
  serverMarkMs: state.serverMarkMs,
  localMarkMs: state.localMarkMs,
  ...(state.verdict ? { verdict: state.verdict } : {}),
  ...(state.releasedAt === undefined ? {} : { released: true as const }),
});

/**
 * What reading a record gave. `missing`: never written here (or deleted); `bad`: damaged or altered.
 *
 * @example
 * const read: RecordRead = await records.read();
 * if (read.kind === "ok") console.log(read.record.answeredAtMs);
 */
export type RecordRead =
  | { readonly kind: "ok"; readonly record: VerdictRecord }
  | { readonly kind: "missing" }
  | { readonly kind: "bad"; readonly reason: string };

const FORMAT = "ninsho-verdict-record/1";
const SECRET_FILE = "records.secret";
const SECRET_BYTES = 32;

const set = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value);

/**
 * The per-user folder of the records: outside every app's state folder (and the CLI's), so removing a state
 * folder, or the app's whole data folder, leaves it. An XDG data home, when set, wins on every platform.
 *
 * @example
 * defaultRecordDir("linux", {}); // "/home/ada/.local/share/ninsho-verdicts"
 */
export function defaultRecordDir(
  platform: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const xdg = set(env.XDG_DATA_HOME);
  if (xdg) return join(xdg, "ninsho-verdicts");
  if (platform === "win32") return join(set(env.LOCALAPPDATA) ?? homedir(), "Ninsho Verdicts");
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "Ninsho Verdicts");
  return join(homedir(), ".local", "share", "ninsho-verdicts");
}

const isVerdict = (v: unknown): boolean =>
  isRecord(v) &&
  typeof v.state === "string" &&
  Number.isFinite(v.at) &&
  isRecord(v.seed) &&
  typeof v.seed.code === "string" &&
  isErrorCode(v.seed.code);

function isVerdictRecord(v: unknown, productId: string): v is VerdictRecord {
  if (!isRecord(v) || v.productId !== productId) return false;
  const numbers = ["answeredAtMs", "serverMarkMs", "localMarkMs"].every((k) => Number.isFinite(v[k]));
  const device = v.deviceId === undefined || typeof v.deviceId === "string";
  const verdict = v.verdict === undefined || isVerdict(v.verdict);
  return numbers && device && verdict && (v.released === undefined || v.released === true);
}

const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest();

/**
 * The records of one user, one file per product and state folder, each under an HMAC whose key is a random
 * secret of this folder (not of the state folder, so a restored state folder brings no key that signs one).
 *
 * @example
 * const records = new VerdictRecords(defaultRecordDir(process.platform), productId, storageDir);
 * const read = await records.read();
 */
export class VerdictRecords {
  private readonly file: string;
  private secret: Buffer | undefined;

  constructor(
    readonly dir: string,
    private readonly productId: string,
    storageDir: string,
  ) {
    const name = createHash("sha256")
      .update(`${productId}\n${resolve(storageDir)}`)
      .digest("hex");
    this.file = join(dir, `${name.slice(0, 32)}.json`);
  }

  async read(): Promise<RecordRead> {
    const [text, secret] = await Promise.all([readOptional(this.file), this.readSecret()]);
    if (text.kind === "missing") return { kind: "missing" };
    if (text.kind === "unreadable") return { kind: "bad", reason: `it cannot be read (${text.error})` };
    if (!secret) return { kind: "bad", reason: "its secret is missing" };
    return parseRecord(text.text, secret, this.productId);
  }

  /**
   * Write `record` over the one kept, never backwards: another process of the same app may hold an older state
   * in memory, and its write must not take a newer answer or a higher clock mark out of the record.
   */
  async write(next: VerdictRecord): Promise<void> {
    const kept = await this.read();
    const record = kept.kind === "ok" ? newestOf(kept.record, next) : next;
    const secret = this.secret ?? (await this.ensureSecret());
    const body = JSON.stringify(record);
    const text = JSON.stringify({ format: FORMAT, body, mac: mac(secret, body).toString("base64url") });
    await writeAtomic(this.file, `${text}\n`);
  }

  private async readSecret(): Promise<Buffer | undefined> {
    this.secret = decodeSecret(await readOptional(join(this.dir, SECRET_FILE)));
    return this.secret;
  }

  private async ensureSecret(): Promise<Buffer> {
    const path = join(this.dir, SECRET_FILE);
    const fresh = randomBytes(SECRET_BYTES);
    if (!(await createExclusive(path, fresh.toString("base64url")))) {
      const existing = decodeSecret(await readOptional(path));
      if (existing) {
        this.secret = existing;
        return existing;
      }
      // A damaged secret: every record under it is unreadable anyway, and asks the server.
      await writeAtomic(path, fresh.toString("base64url"));
    }
    this.secret = fresh;
    return fresh;
  }
}

/**
 * The record to keep of two: the answer of the newer one (an equal time is the same answer, as this process
 * now sees it: a license file typed in since may have cleared its verdict) and the higher server mark. The
 * local mark is the higher one too, unless this process holds the newest answer: a fresh signed time may
 * rightly have lowered it (a clock that ran fast and was corrected, see `observeServerTime`).
 *
 * @example
 * newestOf(kept, next).answeredAtMs === Math.max(kept.answeredAtMs, next.answeredAtMs); // true
 */
export function newestOf(kept: VerdictRecord, next: VerdictRecord): VerdictRecord {
  const serverMarkMs = Math.max(kept.serverMarkMs, next.serverMarkMs);
  if (next.answeredAtMs > kept.answeredAtMs) return { ...next, serverMarkMs };
  if (next.answeredAtMs < kept.answeredAtMs) {
    return { ...kept, serverMarkMs, localMarkMs: Math.max(kept.localMarkMs, next.localMarkMs) };
  }
  // The same answer: only a grant signed after it (a license file) clears the verdict or release it carried;
  // a local step (`uninstallKey()`) forgets it in `state.json`, never here.
  if (next.serverMarkMs > kept.answeredAtMs) return { ...next, serverMarkMs };
  const { verdict, released, deviceId } = kept;
  return {
    ...next,
    serverMarkMs,
    ...(verdict ? { verdict } : {}),
    ...(released ? { released } : {}),
    ...(next.deviceId === undefined && deviceId !== undefined ? { deviceId } : {}),
  };
}

function decodeSecret(read: FileRead): Buffer | undefined {
  if (read.kind !== "text") return undefined;
  const secret = Buffer.from(read.text.trim(), "base64url");
  return secret.length === SECRET_BYTES ? secret : undefined;
}

/**
 * Read a record's text; anything but a well-formed record of this product under a MAC that verifies is `bad`.
 *
 * @example
 * parseRecord(text, secret, productId).kind; // "ok"
 */
export function parseRecord(text: string, secret: Buffer, productId: string): RecordRead {
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch {
    return { kind: "bad", reason: "it is not complete JSON" };
  }
  if (!isRecord(outer) || outer.format !== FORMAT || typeof outer.body !== "string") {
    return { kind: "bad", reason: "it is not a Ninsho verdict record" };
  }
  const given = Buffer.from(typeof outer.mac === "string" ? outer.mac : "", "base64url");
  if (!sameBytes(given, mac(secret, outer.body))) {
    return { kind: "bad", reason: "its MAC does not verify" };
  }
  let body: unknown;
  try {
    body = JSON.parse(outer.body);
  } catch {
    return { kind: "bad", reason: "its body is not JSON" };
  }
  return isVerdictRecord(body, productId)
    ? { kind: "ok", record: body }
    : { kind: "bad", reason: "its fields are malformed" };
}
