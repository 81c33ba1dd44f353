import { createHmac } from "node:crypto";
import { isErrorCode, isRecord, sameBytes } from "@ninsho/core";
import { isOfflineState, type OfflineState } from "../../offline/state.js";
import { type AcceptedRecord, isAcceptedRecord } from "../accepted.js";
import type { ProblemSeed } from "../problem.js";
import type { ClientState, KeySource, ServerDecision } from "../types.js";

/**
 * What the server last said about the license (from signed answers only).
 *
 * @example
 * const facts: LicenseFacts = { channel: "retail", entitlements: ["pro"], status: "active", maxDevices: 3 };
 */
export interface LicenseFacts {
  readonly channel: string;
  readonly entitlements: readonly string[];
  readonly status?: string;
  readonly expiresAt?: string;
  /** The policy the license is issued under, and how many devices it allows (from the server's view). */
  readonly policyId?: string;
  readonly maxDevices?: number;
}

/**
 * A signed `valid: false` verdict: it holds until a later signed answer says otherwise.
 *
 * @example
 * const verdict: ServerVerdict = { state: "suspended", seed: seed("LICENSE_SUSPENDED"), at: Date.now() };
 */
export interface ServerVerdict {
  readonly state: Extract<
    ClientState,
    "suspended" | "revoked" | "expired" | "deactivated" | "mismatch" | "forked" | "superseded"
  >;
  readonly seed: ProblemSeed;
  readonly at: number;
}

/**
 * The device's local state, kept in `state.json` beside the lease. Instants are epoch milliseconds.
 *
 * @example
 * const state: StoredState = emptyState();
 * state.key = "JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2";
 */
export interface StoredState {
  key?: string;
  keySource?: KeySource;
  deviceId?: string;
  licenseId?: string;
  license?: LicenseFacts;
  verdict?: ServerVerdict;
  /** High-water mark of signed server times (answers and lease issue times). */
  serverMarkMs: number;
  /** High-water mark of local times observed while validating. */
  localMarkMs: number;
  lastContactAt?: number;
  /** The signed `serverTime` of the last verified answer (received at `lastContactAt`). */
  lastServerTimeMs?: number;
  /** The fingerprint the server last accepted from this machine. */
  accepted?: AcceptedRecord;
  /**
   * The components the current lease was issued for (their digest is its `fpd`): what this machine is
   * compared with, by the lease's match rule, when its components drift (see `leaseBinding` in core).
   */
  basis?: AcceptedRecord["components"];
  lastAttemptAt?: number;
  /** Online attempts that failed in a row; drives the backoff. */
  failures: number;
  /** Before this, the SDK does not go online on its own. */
  nextOnlineAt?: number;
  lastFailure?: ProblemSeed;
  lastDecision?: ServerDecision;
  /** When this machine gave its slot back (`deactivate()`): no automatic activation after that. */
  releasedAt?: number;
  /** Offline activation: the pinned offline key, installation IDs made, a phone confirmation. */
  offline?: OfflineState;
}

/**
 * @example
 * emptyState(); // { serverMarkMs: 0, localMarkMs: 0, failures: 0 }
 */
export const emptyState = (): StoredState => ({ serverMarkMs: 0, localMarkMs: 0, failures: 0 });

const FORMAT = "ninsho-device-state/1";

/**
 * The MAC key: the per-install secret bound to the product id, so a state file moved between products, or
 * edited by hand, no longer verifies. It detects edits; it is not meant to stop someone who reads the secret.
 *
 * @example
 * const macKey = stateMacKey(randomBytes(32), "prd_01M7Y06QAFRMGX66H6FV39GP2Y");
 */
export const stateMacKey = (secret: Buffer, productId: string): Buffer =>
  createHmac("sha256", secret).update(`ninsho/state/v1\n${productId}`).digest();

const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest();

/**
 * The file's text: the body as a JSON string (so the MAC covers the exact bytes), and its MAC.
 *
 * @example
 * writeFileSync("state.json", serializeState(emptyState(), macKey));
 */
export function serializeState(state: StoredState, macKey: Buffer): string {
  const body = JSON.stringify(state);
  return `${JSON.stringify({ format: FORMAT, body, mac: mac(macKey, body).toString("base64url") }, null, 1)}\n`;
}

/**
 * @example
 * const parsed: StateParse = parseState(text, macKey);
 * if (parsed.kind === "tampered") report("STATE_TAMPERED");
 */
export type StateParse =
  | { readonly kind: "ok"; readonly state: StoredState }
  | { readonly kind: "corrupt"; readonly reason: string }
  | { readonly kind: "tampered"; readonly reason: string };

const optional = (v: unknown, type: "string" | "number" | "object") =>
  v === undefined || (type === "object" ? isRecord(v) : typeof v === type);

const isSeed = (v: unknown): boolean => isRecord(v) && typeof v.code === "string" && isErrorCode(v.code);

/** Loose shape check of what the MAC already vouches for; it guards against a file from another version. */
function isStoredState(v: unknown): v is StoredState {
  if (!isRecord(v)) return false;
  const numbers = ["serverMarkMs", "localMarkMs", "failures"].every((k) => Number.isFinite(v[k]));
  const strings = ["key", "deviceId", "licenseId"].every((k) => optional(v[k], "string"));
  const times = ["lastContactAt", "lastServerTimeMs", "lastAttemptAt", "nextOnlineAt", "releasedAt"].every(
    (k) => optional(v[k], "number"),
  );
  const objects = ["keySource", "license", "lastDecision"].every((k) => optional(v[k], "object"));
  const verdict = v.verdict === undefined || (isRecord(v.verdict) && isSeed(v.verdict.seed));
  const failure = v.lastFailure === undefined || isSeed(v.lastFailure);
  const offline = v.offline === undefined || isOfflineState(v.offline);
  const accepted = v.accepted === undefined || isAcceptedRecord(v.accepted);
  const basis =
    v.basis === undefined ||
    (Array.isArray(v.basis) &&
      v.basis.every((c) => isRecord(c) && typeof c.kind === "string" && typeof c.digest === "string"));
  return numbers && strings && times && objects && verdict && failure && offline && accepted && basis;
}

/**
 * Parse `state.json`. Unreadable or cut-off JSON is `corrupt` (an accident: a full disk, a bad sector);
 * well-formed JSON whose MAC does not verify is `tampered` (someone edited it).
 *
 * @example
 * parseState(serializeState(emptyState(), macKey), macKey).kind; // "ok"
 * parseState("{\"format\":", macKey).kind; // "corrupt"
 */
export function parseState(text: string, macKey: Buffer | undefined): StateParse {
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch {
    return { kind: "corrupt", reason: "it is not complete JSON" };
  }
  if (
    !isRecord(outer) ||
    outer.format !== FORMAT ||
    typeof outer.body !== "string" ||
    typeof outer.mac !== "string"
  ) {
    return { kind: "corrupt", reason: "it is not a Ninsho state file" };
  }
  if (macKey === undefined) return { kind: "tampered", reason: "its install secret is missing" };
  if (!sameBytes(Buffer.from(outer.mac, "base64url"), mac(macKey, outer.body))) {
    return { kind: "tampered", reason: "its MAC does not verify" };
  }
  let body: unknown;
  try {
    body = JSON.parse(outer.body);
  } catch {
    return { kind: "corrupt", reason: "its body is not JSON" };
  }
  return isStoredState(body)
    ? { kind: "ok", state: body }
    : { kind: "corrupt", reason: "its fields are malformed" };
}
