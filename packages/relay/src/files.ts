import { createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RELAY_REQUEST_FORMAT, type RelayRequestFile } from "@ninsho/contract";
import {
  type PublicKeys,
  privateKeyFromPem,
  publicKeyFromJwk,
  type RelayPublicKey,
  relayKeyId,
  type SigningKey,
} from "@ninsho/core";

/** The files of a relay's data folder; the private ones are mode 0600. */
export const RELAY_FILES = {
  key: "relay.key",
  master: "master.key",
  vendorKeys: "vendor-keys.json",
  request: "relay-request.json",
  database: "relay.db",
} as const;

/** What a relay holds: its signing key, the master key of its sealed values, the vendor's keys it trusts. */
export interface RelayKeys {
  readonly signing: SigningKey;
  readonly publicKey: RelayPublicKey;
  readonly master: Buffer;
  readonly vendorKeys: PublicKeys;
}

const writePrivate = (path: string, text: string) => {
  writeFileSync(path, text, { mode: 0o600, flag: "wx" });
  chmodSync(path, 0o600);
};

const publicOf = (key: KeyObject): RelayPublicKey => {
  const jwk = key.export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("not an Ed25519 key");
  return { kty: "OKP", crv: "Ed25519", x: jwk.x };
};

/**
 * Make a relay's data folder: its key pair (the private half never leaves it), a master key, the vendor's
 * public keys (a JWKS, as the vendor publishes at /.well-known/jwks.json) and the request file the vendor
 * certifies in a grant. Refuses to overwrite an existing key: a new key needs a new grant.
 * @example
 * const request = initRelayFiles("/var/lib/ninsho-relay", readFileSync("jwks.json", "utf8"));
 */
export function initRelayFiles(dataDir: string, vendorJwks: string, now = new Date()): RelayRequestFile {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  parseVendorKeys(vendorJwks);
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  writePrivate(
    join(dataDir, RELAY_FILES.key),
    privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
  );
  writePrivate(join(dataDir, RELAY_FILES.master), `${randomBytes(32).toString("hex")}\n`);
  writeFileSync(join(dataDir, RELAY_FILES.vendorKeys), vendorJwks);
  const request: RelayRequestFile = {
    format: RELAY_REQUEST_FORMAT,
    relayKey: publicOf(publicKey),
    createdAt: now.toISOString(),
  };
  writeFileSync(join(dataDir, RELAY_FILES.request), `${JSON.stringify(request, null, 2)}\n`);
  return request;
}

/**
 * The vendor's public keys from a JWKS text, by kid; throws on a text that is not one.
 * @example
 * const keys = parseVendorKeys(readFileSync("jwks.json", "utf8"));
 */
export function parseVendorKeys(jwksText: string): PublicKeys {
  const parsed = JSON.parse(jwksText) as { keys?: unknown };
  if (!Array.isArray(parsed.keys)) throw new Error("not a JWKS: no keys");
  const keys = new Map<string, KeyObject>();
  for (const jwk of parsed.keys as { kid?: unknown; kty?: unknown; crv?: unknown; x?: unknown }[]) {
    if (
      typeof jwk.kid !== "string" ||
      jwk.kty !== "OKP" ||
      jwk.crv !== "Ed25519" ||
      typeof jwk.x !== "string"
    )
      continue;
    keys.set(jwk.kid, publicKeyFromJwk({ kty: "OKP", crv: "Ed25519", x: jwk.x }));
  }
  if (keys.size === 0) throw new Error("not a JWKS: no Ed25519 key");
  return keys;
}

/**
 * Load a data folder made by `initRelayFiles`.
 * @example
 * const keys = loadRelayFiles("/var/lib/ninsho-relay");
 */
export function loadRelayFiles(dataDir: string): RelayKeys {
  const path = (name: string) => join(dataDir, name);
  if (!existsSync(path(RELAY_FILES.key)))
    throw new Error(`no relay key in ${dataDir}: run ninsho relay init`);
  const privateKey = privateKeyFromPem(readFileSync(path(RELAY_FILES.key), "utf8"));
  const publicKey = publicOf(createPublicKey(privateKey));
  return {
    signing: { kid: relayKeyId(publicKey), privateKey },
    publicKey,
    master: Buffer.from(readFileSync(path(RELAY_FILES.master), "utf8").trim(), "hex"),
    vendorKeys: parseVendorKeys(readFileSync(path(RELAY_FILES.vendorKeys), "utf8")),
  };
}
