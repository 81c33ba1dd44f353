import { createHmac } from "node:crypto";
import { compactBits, compactValue } from "../offline/compactFingerprint.js";
import {
  type Component,
  type ComponentSet,
  type Fingerprint,
  fingerprintDigest as fingerprintDigestOf,
} from "./fingerprint.js";

/**
 * What the server stores of a component: `k1.<slot>.<hmac>`, where `hmac` is HMAC-SHA256 under a key derived
 * from the server's master key over the kind and the digest the client sent, and `slot` is that digest's
 * compact value (0 for a kind without a compact slot). The client's digest itself is never stored, so a stolen
 * database cannot be searched by hashing candidate MACs or serials: every guess needs the master key. The slot
 * keeps phone activation matching a device first seen online; it carries a few bits (6 for a NIC), which
 * narrows a guess but never pins one.
 */
const KEYED = /^k1\.(\d{1,4})\.([0-9a-f]{64})$/;

/**
 * The stored form of one digest a client sent. Keying is deterministic, so equal client digests stay equal.
 * @example
 * keyedDigest(secrets.componentDigests, "mac", "5f0c…"); // "k1.37.9ab1…"
 */
export function keyedDigest(key: Buffer, kind: string, digest: string): string {
  const lower = digest.toLowerCase();
  const slot = compactBits(kind) === undefined ? 0 : compactValue(kind, lower);
  const mac = createHmac("sha256", key).update(`${kind}\0${lower}`).digest("hex");
  return `k1.${slot}.${mac}`;
}

/**
 * True for a digest already in stored (keyed) form.
 * @example
 * isKeyedDigest("k1.37.9ab1…"); // true
 */
export const isKeyedDigest = (digest: string): boolean => KEYED.test(digest);

/**
 * The compact slot value a keyed digest carries, or `undefined` for any other digest (or a slot of 0).
 * @example
 * keyedSlot("k1.37.9ab1…"); // 37
 */
export function keyedSlot(digest: string): number | undefined {
  const slot = KEYED.exec(digest)?.[1];
  return slot === undefined || slot === "0" ? undefined : Number(slot);
}

/**
 * Components in stored form: a client's digest keyed, a keyed or compact (`c1.`) one kept as it is.
 * @example
 * keyComponents(secrets.componentDigests, fingerprint.components);
 */
export const keyComponents = (key: Buffer, components: readonly Component[]): Component[] =>
  components.map((c) =>
    isKeyedDigest(c.digest) || c.digest.startsWith("c1.")
      ? c
      : { kind: c.kind, digest: keyedDigest(key, c.kind, c.digest) },
  );

const keySet = (key: Buffer, set: ComponentSet): ComponentSet => ({
  collector: set.collector,
  components: keyComponents(key, set.components),
});

/**
 * A presented fingerprint with every set (current and `previous`) in stored form, for matching against and
 * storing; `presentedDigest` keeps the digest of the set as the client sent it, which a lease carries (`fpd`)
 * so the device can check it against what it collects itself.
 * @example
 * const keyed = keyFingerprint(secrets.componentDigests, request.fingerprint);
 * compareFingerprint(device.components, keyed, weights, threshold);
 */
export function keyFingerprint(key: Buffer, fingerprint: Fingerprint): Fingerprint {
  const current = keySet(key, fingerprint);
  return {
    ...current,
    ...(fingerprint.previous === undefined
      ? {}
      : { previous: fingerprint.previous.map((set) => keySet(key, set)) }),
    presentedDigest: presentedDigest(fingerprint),
  };
}

/**
 * The digest a lease binds: of the components as the client sent them (before keying).
 * @example
 * presentedDigest(keyed) === fingerprintDigest(request.fingerprint.components); // true
 */
export const presentedDigest = (fingerprint: Fingerprint): string =>
  fingerprint.presentedDigest ?? fingerprintDigestOf(fingerprint.components);

/**
 * The product's fingerprint salt: the secret an app ships and salts its component digests with
 * (`ClientOptions.productSalt`), derived from the server's master key so it needs no storage. Unlike the
 * product id it is not public, so digests seen in transit or in an offline request file cannot be searched by
 * hashing candidate MACs and serials. Shown to the admin role only.
 * @example
 * fingerprintSaltFor(secrets.componentDigests, "prd_01J…"); // "nfs1.Qm9…" (48 characters)
 */
export const fingerprintSaltFor = (key: Buffer, productId: string): string =>
  `nfs1.${createHmac("sha256", key).update(`fingerprint-salt\0${productId}`).digest("base64url")}`;
