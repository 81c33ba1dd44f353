import { createHash, randomBytes } from "node:crypto";
import { canonicalJson } from "../canonicalJson.js";
import type { ProductKey } from "../keys/productKey.js";
import type { Fingerprint } from "../matching/fingerprint.js";
import { fromBase64Url, toBase64Url } from "../signing/base64url.js";
import { sameBytes } from "../signing/sameBytes.js";
import type { X25519PublicJwk } from "./jwe.js";
import { licenseShortId, offlineProof, offlineProofKey } from "./keyDerived.js";

/**
 * An offline request file, version 1: what a machine reached only by USB writes so the vendor's portal or CLI
 * can turn it into a license file. JSON, with the machine's full fingerprint (so the server matches it exactly
 * as an online activation), the license's short id, and a proof — HMAC-SHA256 under the key-derived proof key
 * over the RFC 8785 canonical JSON of every other field — that its maker holds the product key. The key itself
 * never leaves the machine. `encryptTo` (optional) asks for the license file sealed to that X25519 key.
 */
export const OFFLINE_REQUEST_FORMAT = "ninsho.offline-request";
export const OFFLINE_REQUEST_VERSION = 1;
const PROOF_DOMAIN = "ninsho/offline-request/v1";

export interface OfflineRequest {
  readonly format: typeof OFFLINE_REQUEST_FORMAT;
  readonly version: typeof OFFLINE_REQUEST_VERSION;
  /** The product the machine runs (`prd_…`). */
  readonly productId: string;
  /** `licenseShortId(key)`. */
  readonly licenseShortId: number;
  readonly device: { readonly name: string; readonly platform: string };
  readonly fingerprint: Fingerprint;
  /** When the machine wrote it (ISO 8601); a server refuses old requests. */
  readonly createdAt: string;
  /** 16 random bytes, base64url: two requests of one machine never look alike. */
  readonly nonce: string;
  readonly encryptTo?: X25519PublicJwk;
  /** base64url HMAC-SHA256 (see above). */
  readonly proof: string;
}

export type UnsignedOfflineRequest = Omit<OfflineRequest, "proof">;

const canonical = (value: object): string => {
  const text = canonicalJson(value);
  if (text === undefined) throw new TypeError("request cannot be canonicalized");
  return text;
};

const proofOf = (key: ProductKey, unsigned: UnsignedOfflineRequest): Buffer =>
  offlineProof(offlineProofKey(key), PROOF_DOMAIN, canonical(unsigned));

/** What a machine knows when it writes its request. */
export interface OfflineRequestInput {
  readonly key: ProductKey;
  readonly productId: string;
  readonly device: { readonly name: string; readonly platform: string };
  readonly fingerprint: Fingerprint;
  readonly at: Date;
  /** The public half of a key the machine keeps (see `generateDeviceSealingKey`), to have the file sealed. */
  readonly encryptTo?: X25519PublicJwk;
}

/**
 * Write a request, proof included.
 * @example
 * const request = createOfflineRequest({ key, productId, device, fingerprint, at: new Date() });
 * writeFileSync("activation-request.json", serializeOfflineRequest(request));
 */
export function createOfflineRequest(input: OfflineRequestInput): OfflineRequest {
  const unsigned: UnsignedOfflineRequest = {
    format: OFFLINE_REQUEST_FORMAT,
    version: OFFLINE_REQUEST_VERSION,
    productId: input.productId,
    licenseShortId: licenseShortId(input.key),
    device: { name: input.device.name, platform: input.device.platform },
    fingerprint: input.fingerprint,
    createdAt: input.at.toISOString(),
    nonce: toBase64Url(randomBytes(16)),
    ...(input.encryptTo === undefined ? {} : { encryptTo: input.encryptTo }),
  };
  return { ...unsigned, proof: toBase64Url(proofOf(input.key, unsigned)) };
}

/**
 * A request as the text of its file (indented JSON, a final newline).
 * @example
 * serializeOfflineRequest(request).startsWith("{"); // true
 */
export const serializeOfflineRequest = (request: OfflineRequest): string =>
  `${JSON.stringify(request, null, 2)}\n`;

/**
 * True when the request's proof was made with this key: it came from a holder of the key, unaltered.
 * @example
 * offlineRequestProofHolds(request, licenseKey); // false if any field was edited
 */
export function offlineRequestProofHolds(request: OfflineRequest, key: ProductKey): boolean {
  const { proof, ...unsigned } = request;
  return sameBytes(fromBase64Url(proof), proofOf(key, unsigned));
}

/**
 * The request's digest (SHA-256 of its canonical JSON, base64url): a license file names the request it answers
 * by it, and the server recognises a request sent twice by it.
 * @example
 * offlineRequestDigest(request); // "Xb3…" (43 characters)
 */
export const offlineRequestDigest = (request: OfflineRequest): string =>
  createHash("sha256").update(canonical(request)).digest("base64url");
