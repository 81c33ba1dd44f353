/**
 * Builders for domain objects with plausible defaults. Optional fields are left absent unless an override sets
 * them, so a round trip can check they come back absent (not `null`, not `undefined`).
 */
import { randomBytes } from "node:crypto";
import {
  type AdminToken,
  type Component,
  type Device,
  fingerprintDigest,
  type License,
  type LicenseEvent,
  newId,
  type Policy,
  type Product,
  type SigningKeyRecord,
} from "@ninsho/core";
import type { IssuedLicense, Repositories } from "@ninsho/store";

const BASE = Date.parse("2025-01-01T00:00:00.000Z");

/** An ISO instant `seconds` after a fixed base (all instants in the suite share one format, as the server's). */
export const at = (seconds: number): string => new Date(BASE + seconds * 1000).toISOString();

export const hex = (bytes = 16): string => randomBytes(bytes).toString("hex");

export const aProduct = (overrides: Partial<Product> = {}): Product => ({
  id: newId("product"),
  name: "Ninsho Test Product",
  createdAt: at(0),
  ...overrides,
});

export const aSigningKey = (
  productId: string,
  overrides: Partial<SigningKeyRecord> = {},
): SigningKeyRecord => ({
  kid: newId("signingKey"),
  productId,
  publicJwk: { kty: "OKP", crv: "Ed25519", x: randomBytes(32).toString("base64url") },
  sealedPrivateKey: `sealed.${hex(32)}`,
  createdAt: at(0),
  ...overrides,
});

export const aPolicy = (productId: string, overrides: Partial<Policy> = {}): Policy => ({
  id: newId("policy"),
  productId,
  name: "Retail desktop",
  channel: "retail",
  maxDevices: 5,
  leaseSeconds: 7 * 86_400,
  graceSeconds: 14 * 86_400,
  expiry: { kind: "none" },
  matchThreshold: 0.7,
  componentWeights: { board: 3, disk: 2, mac: 1 },
  transferable: true,
  transfersPerYear: 3,
  entitlements: ["pro"],
  createdAt: at(0),
  ...overrides,
});

const KEY_SYMBOLS = "BCDFGHJKMPQRTVWXY2346789";
const keyHint = (): string =>
  Array.from(randomBytes(5), (byte) => KEY_SYMBOLS[byte % KEY_SYMBOLS.length] ?? "B").join("");

export const anIssuedLicense = (
  productId: string,
  policyId: string,
  overrides: Partial<IssuedLicense> = {},
): IssuedLicense => ({
  id: newId("license"),
  productId,
  policyId,
  status: "active",
  keyHint: keyHint(),
  createdAt: at(0),
  keyDigest: hex(32),
  sealedKey: `sealed.${hex(24)}`,
  ...overrides,
});

export const components = (): Component[] => [
  { kind: "board", digest: hex() },
  { kind: "disk", digest: hex() },
  { kind: "mac", digest: hex() },
];

export const aDevice = (licenseId: string, overrides: Partial<Device> = {}): Device => {
  const parts = overrides.components ?? components();
  return {
    id: newId("device"),
    licenseId,
    name: "DESKTOP-TEST",
    platform: "linux",
    collector: "linux/2",
    components: parts,
    fingerprintDigest: fingerprintDigest(parts),
    leaseCounters: { issued: 1, issuedFrom: 0 },
    leaseIssuedAt: at(10),
    activatedAt: at(10),
    lastSeenAt: at(10),
    ...overrides,
  };
};

export const anEvent = (licenseId: string, overrides: Partial<LicenseEvent> = {}): LicenseEvent => ({
  id: newId("event"),
  licenseId,
  type: "license.created",
  actor: "system",
  data: {},
  createdAt: at(0),
  ...overrides,
});

export const aToken = (overrides: Partial<AdminToken> = {}): AdminToken => ({
  id: newId("token"),
  name: "ops laptop",
  role: "admin",
  createdAt: at(0),
  ...overrides,
});

export interface Seeded {
  readonly product: Product;
  readonly policy: Policy;
  readonly license: IssuedLicense;
}

/** A product, a policy and one license under it, inserted through `repos` (a store or a transaction). */
export async function seedLicense(
  repos: Repositories,
  overrides: { readonly policy?: Partial<Policy>; readonly license?: Partial<IssuedLicense> } = {},
): Promise<Seeded> {
  const product = aProduct();
  const policy = aPolicy(product.id, overrides.policy);
  const license = anIssuedLicense(product.id, policy.id, overrides.license);
  await repos.products.insert(product);
  await repos.policies.insert(policy);
  await repos.licenses.insertMany([license]);
  return { product, policy, license };
}

/** The domain license of an issued one: what the repositories hand back (key digest and sealed key stay inside). */
export const domainOf = ({ keyDigest: _digest, sealedKey: _sealed, ...license }: IssuedLicense): License =>
  license;
