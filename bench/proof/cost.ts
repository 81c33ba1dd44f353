/**
 * CPU time of one device-proof check on the server, Ed25519 (the scheme before) against HMAC-SHA256 (the
 * scheme now), on the same validation body, in one process: `npx tsx bench/proof/cost.ts`. Each figure is
 * process CPU time (user + system) over many checks, so another process's load does not inflate it.
 * The Ed25519 check is the one the server ran (canonical JSON, SHA-256, one verify on a key object cached per
 * device); the HMAC check is the server's own code, with the sealed secret opened each time and from its cache.
 */
import { generateKeyPairSync, randomBytes, sign, verify } from "node:crypto";
import {
  checkDeviceProof,
  deriveSecrets,
  deviceProofMessage,
  deviceSecretText,
  newDeviceSecret,
  signDeviceProof,
} from "@ninsho/core";
import { openDeviceSecret, sealDeviceSecret } from "../../packages/server/dist/services/deviceSecrets.js";
import { randomFingerprint } from "../http/fixtures.js";

const path = "/v1/validate";
const now = new Date();
// A validation by lease as the SDK sends it: a lease of a real lease's length, 7 components, a nonce.
const body: Record<string, unknown> = {
  lease: `${randomBytes(120).toString("base64url")}.${randomBytes(300).toString("base64url")}.${randomBytes(64).toString("base64url")}`,
  fingerprint: randomFingerprint(),
  nonce: randomBytes(16).toString("base64url"),
};

/** Microseconds of CPU per call of `check`, the best of `rounds` rounds of `n` (warm-up first). */
function cpuMicros(check: () => boolean, n = 40_000, rounds = 5): number {
  for (let i = 0; i < 2_000; i++) if (!check()) throw new Error("a check failed");
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) check();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / n);
  }
  return best;
}

// Before: Ed25519, exactly as the server checked it (the message of the v1 proof, a cached key object).
const { privateKey, publicKey } = generateKeyPairSync("ed25519");
// The same canonical JSON and SHA-256 the v1 message was made of (only its context string differs).
const ed25519Message = (at: string) => Buffer.from(deviceProofMessage(path, body, at), "utf8");
const at = now.toISOString();
const signature = sign(null, ed25519Message(at), privateKey);
const ed25519 = cpuMicros(() => verify(null, ed25519Message(at), publicKey, signature));
const message = ed25519Message(at);
const ed25519VerifyOnly = cpuMicros(() => verify(null, message, publicKey, signature));

// After: HMAC-SHA256 by the device secret, sealed at rest as the server keeps it.
const secrets = deriveSecrets(randomBytes(32));
const secret = newDeviceSecret();
const deviceId = "device_01JBENCHPROOFCOST0000000000";
const sealed = sealDeviceSecret(secrets, deviceSecretText(secret), deviceId);
const proof = signDeviceProof(secret, { path, body, at: now });
const proven = { ...body, proof };
const hmacCheck = (key: Buffer) => checkDeviceProof({ secret: key, path, body: proven, proof, now }).ok;
const hmacCached = cpuMicros(() => {
  const key = openDeviceSecret(secrets, sealed, deviceId);
  return key !== undefined && hmacCheck(key);
});
// Unsealed every time: a fresh sealed text per round would defeat the cache, so time the parts instead.
const unsealEach = cpuMicros(() => {
  const fresh = sealDeviceSecret(secrets, deviceSecretText(secret), deviceId);
  return openDeviceSecret(secrets, fresh, deviceId) !== undefined;
}, 20_000);
const sealOnly = cpuMicros(
  () => sealDeviceSecret(secrets, deviceSecretText(secret), deviceId) !== "",
  20_000,
);
const digestOnly = cpuMicros(() => deviceProofMessage(path, proven, at) !== "");

const row = (name: string, micros: number) =>
  console.log(`${name.padEnd(58)} ${micros.toFixed(1).padStart(6)} µs`);
row("Ed25519 check (canonical JSON + SHA-256 + verify)", ed25519);
row("  of which the Ed25519 verify", ed25519VerifyOnly);
row("HMAC check, secret from the cache", hmacCached);
row("HMAC check, secret unsealed (cached check + unseal)", hmacCached + Math.max(0, unsealEach - sealOnly));
row("  of which unseal (AES-256-GCM of 32 bytes)", Math.max(0, unsealEach - sealOnly));
row("  of which canonical JSON + SHA-256 of the body", digestOnly);
