import { createHash, createPublicKey, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isRecord } from "@ninsho/core";
import type { PublicKeyInput } from "@ninsho/sdk";
import { CLI_FILES, readJson, writeJson } from "./files.js";

/**
 * One trusted public key as the CLI keeps it: an Ed25519 JWK (with its `kid` when the server published one)
 * or a PEM string as the vendor shipped it.
 * @example
 * const key: TrustedKey = { kty: "OKP", crv: "Ed25519", x: "6oUVIN_nT3ajar30DVYToZ4phOlf-aKSeVWoAq0q3YE", kid: "sk_01…" };
 */
export type TrustedKey =
  | { readonly kty: string; readonly crv: string; readonly x: string; readonly kid?: string }
  | string;

/**
 * The keys that verify this device's leases and answers, and where the trust comes from:
 * - `given`: the vendor's keys, from `--public-key` or NINSHO_PUBLIC_KEYS (now, or saved at an activation);
 * - `server`: pinned on first use from the server's `/.well-known/jwks.json` at the first activation, and
 *   never fetched again unless `activate --repin` says so.
 * @example
 * const trust: Trust = { origin: "server", url: "https://activation.example.com", pinnedAt: "2026-…", keys };
 */
export interface Trust {
  readonly origin: "given" | "server";
  readonly keys: readonly TrustedKey[];
  readonly url?: string;
  readonly pinnedAt?: string;
}

const FORMAT = "ninsho-trusted-keys/1";

const isTrustedKey = (value: unknown): value is TrustedKey =>
  typeof value === "string" ||
  (isRecord(value) &&
    typeof value.kty === "string" &&
    typeof value.crv === "string" &&
    typeof value.x === "string" &&
    (value.kid === undefined || typeof value.kid === "string"));

/** The key as Node reads it; throws for anything that is not an Ed25519 public key. */
function keyObject(key: TrustedKey): KeyObject {
  const object =
    typeof key === "string"
      ? createPublicKey(key)
      : createPublicKey({ key: { kty: key.kty, crv: key.crv, x: key.x }, format: "jwk" });
  if (object.type !== "public" || object.asymmetricKeyType !== "ed25519") throw new TypeError("not Ed25519");
  return object;
}

/**
 * A short, comparable fingerprint of a key: SHA-256 of its SPKI bytes, first 16 hex digits.
 * @example
 * keyDigest(jwk); // "3f9a0c1d5e7b2a64"
 */
export function keyDigest(key: TrustedKey): string {
  const der = keyObject(key).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

/**
 * Read keys from text: a JWKS, a JWK or a list of JWKs (JSON), or PEM. Throws when none is a usable
 * Ed25519 public key.
 * @example
 * parseKeys('{"keys":[{"kty":"OKP","crv":"Ed25519","x":"…","kid":"sk_01…"}]}'); // [ { kty, crv, x, kid } ]
 */
export function parseKeys(text: string): TrustedKey[] {
  const trimmed = text.trim();
  let keys: unknown[];
  if (trimmed.startsWith("-----BEGIN")) keys = [trimmed];
  else {
    const json: unknown = JSON.parse(trimmed);
    keys = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.keys) ? json.keys : [json];
  }
  const usable = keys
    .filter(isTrustedKey)
    .map((key) =>
      typeof key === "string"
        ? key
        : { kty: key.kty, crv: key.crv, x: key.x, ...(key.kid ? { kid: key.kid } : {}) },
    );
  if (usable.length === 0 || usable.length !== keys.length) throw new TypeError("not a list of public keys");
  for (const key of usable) keyObject(key);
  return usable;
}

/**
 * The vendor's keys from `--public-key` / NINSHO_PUBLIC_KEYS: inline JSON or PEM, else a file holding either.
 * @example
 * const keys = await readGivenKeys("./acme-jwks.json");
 */
export async function readGivenKeys(value: string): Promise<TrustedKey[]> {
  const inline = /^\s*[[{]|^\s*-----BEGIN/.test(value);
  return parseKeys(inline ? value : await readFile(value, "utf8"));
}

/**
 * The keys saved in the state folder, if any (an unusable file counts as none).
 * @example
 * const pinned = await loadTrust(dir);
 * if (pinned?.origin === "server") console.log(`pinned from ${pinned.url} at ${pinned.pinnedAt}`);
 */
export async function loadTrust(dir: string): Promise<Trust | undefined> {
  const read = await readJson(join(dir, CLI_FILES.trust));
  if (read.kind !== "value" || !isRecord(read.value) || read.value.format !== FORMAT) return undefined;
  const { origin, keys, url, pinnedAt } = read.value;
  if ((origin !== "given" && origin !== "server") || !Array.isArray(keys) || !keys.every(isTrustedKey)) {
    return undefined;
  }
  return {
    origin,
    keys,
    ...(typeof url === "string" ? { url } : {}),
    ...(typeof pinnedAt === "string" ? { pinnedAt } : {}),
  };
}

/**
 * Save keys as this folder's trust.
 * @example
 * await saveTrust(dir, { origin: "given", keys, pinnedAt: new Date().toISOString() });
 */
export async function saveTrust(dir: string, trust: Trust): Promise<void> {
  await writeJson(join(dir, CLI_FILES.trust), { format: FORMAT, ...trust });
}

/**
 * The keys as the SDK takes them.
 * @example
 * createClient({ ...options, publicKeys: sdkKeys(trust) });
 */
export const sdkKeys = (trust: Trust): PublicKeyInput[] => trust.keys.map((key) => key);
