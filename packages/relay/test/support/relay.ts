/**
 * A vendor (a product key pair and its JWKS), grants it signs, and relays on temporary data folders with a
 * clock the test moves. Everything real: the relay's SQLite file, its keys, HTTP through `app.request` or a
 * loopback port.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RelayRequestFile } from "@ninsho/contract";
import {
  deviceSecretText,
  generateSigningKeyPair,
  newDeviceSecret,
  newId,
  privateKeyFromPem,
  type SigningKey,
  signDeviceProof,
  signVolumeGrant,
  type VolumeGrantClaims,
} from "@ninsho/core";
import { createRelayApp, initRelayFiles, openRelay, type RelayContext } from "@ninsho/relay";
import { afterAll } from "vitest";

export const DAY_S = 86_400;
/** The instant every relay test starts at (the grants' issue time). */
export const T0 = Date.parse("2026-12-01T00:00:00.000Z");

/** A vendor: one product, its signing key, the JWKS it publishes. */
export interface Vendor {
  readonly productId: string;
  readonly key: SigningKey;
  readonly jwks: string;
}

/**
 * A vendor with a fresh key (`kid` may be given, to forge with the real one's name).
 * @example
 * const vendor = newVendor();
 */
export function newVendor(kid = newId("signingKey"), productId = newId("product")): Vendor {
  const { privatePem, publicJwk } = generateSigningKeyPair(kid);
  return {
    productId,
    key: { kid, privateKey: privateKeyFromPem(privatePem) },
    jwks: JSON.stringify({ keys: [{ ...publicJwk, prd: productId }] }),
  };
}

/** Grant claims for a relay's request, with test defaults. */
export function grantClaims(
  vendor: Vendor,
  request: RelayRequestFile,
  terms: Partial<VolumeGrantClaims> = {},
): VolumeGrantClaims {
  const iat = Math.floor(T0 / 1000);
  return {
    iss: "ninsho",
    jti: newId("volumeGrant"),
    aud: vendor.productId,
    lic: newId("license"),
    cus: "Hokuriku Plant 4",
    max: 50,
    rnw: 7 * DAY_S,
    off: 30 * DAY_S,
    iat,
    nbf: iat,
    exp: iat + 365 * DAY_S,
    rky: request.relayKey,
    ...terms,
  };
}

/** A clock the test sets. */
export interface Clock {
  now: number;
  readonly read: () => Date;
}
export const newClock = (at = T0): Clock => {
  const clock: Clock = { now: at, read: () => new Date(clock.now) };
  return clock;
};

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A relay's data folder, initialised with the vendor's keys; its request file. */
export function relayFolder(vendor: Vendor): { dataDir: string; request: RelayRequestFile } {
  const dataDir = mkdtempSync(join(tmpdir(), "ninsho-relay-"));
  folders.push(dataDir);
  return { dataDir, request: initRelayFiles(join(dataDir, "data"), vendor.jwks, new Date(T0)) };
}

/** Write a grant text into a file of the folder. */
export function grantFile(dataDir: string, text: string, name = "relay.grant"): string {
  const path = join(dataDir, name);
  writeFileSync(path, text);
  return path;
}

/** A relay on a vendor's grant (signed here): its context, app and clock. */
export function aRelay(vendor: Vendor, terms: Partial<VolumeGrantClaims> = {}, clock = newClock()) {
  const { dataDir, request } = relayFolder(vendor);
  const grant = signVolumeGrant(vendor.key, grantClaims(vendor, request, terms));
  const path = grantFile(dataDir, grant);
  const open = () => {
    const ctx = openRelay({ dataDir: join(dataDir, "data"), grantFile: path, clock: clock.read });
    if (!ctx.ok) throw new Error(`relay refused: ${JSON.stringify(ctx.error)}`);
    return { ctx: ctx.value, app: createRelayApp(ctx.value) };
  };
  return { dataDir, dataFolder: join(dataDir, "data"), grant, grantPath: path, clock, open };
}

/** One machine: its component digests, its secret, and the requests it makes. */
export interface Machine {
  readonly name: string;
  readonly secret: Buffer;
  readonly fingerprint: { collector: string; components: { kind: string; digest: string }[] };
}

export const aMachine = (name: string): Machine => ({
  name,
  secret: newDeviceSecret(),
  fingerprint: {
    collector: "test/1",
    components: ["board", "disk", "mac"].map((kind) => ({ kind, digest: randomBytes(32).toString("hex") })),
  },
});

/** The body of an activation by `machine`, proven with its secret at `at`. */
export function activationBody(machine: Machine, at: Date): Record<string, unknown> {
  const body = {
    fingerprint: machine.fingerprint,
    device: { name: machine.name, platform: "windows" },
    deviceSecret: deviceSecretText(machine.secret),
  };
  return { ...body, proof: signDeviceProof(machine.secret, { path: "/v1/activations", body, at }) };
}

/** The body of a renewal of `lease` by `machine` (with its secret, when the relay asks to restore it). */
export function renewalBody(
  machine: Machine,
  lease: string,
  at: Date,
  withSecret = false,
): Record<string, unknown> {
  const body = {
    lease,
    nonce: randomBytes(18).toString("base64url"),
    ...(withSecret ? { deviceSecret: deviceSecretText(machine.secret) } : {}),
  };
  return { ...body, proof: signDeviceProof(machine.secret, { path: "/v1/renewals", body, at }) };
}

/** POST JSON to an app (or a URL's fetch) and read the answer. */
export async function postJson(
  app: { request(path: string, init: RequestInit): Response | Promise<Response> },
  path: string,
  body: unknown,
): Promise<{
  status: number;
  body: Record<string, unknown> & { error?: { code: string; details?: unknown } };
}> {
  const res = await app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export type { RelayContext };
