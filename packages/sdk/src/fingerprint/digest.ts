import { createHmac } from "node:crypto";

/** Prefix of the HMAC key; its version changes only if the digest scheme itself ever changes. */
const KEY_PREFIX = "ninsho/fingerprint/v1/";

/**
 * Digest of one normalised component: HMAC-SHA256 keyed by `"ninsho/fingerprint/v1/" + productSalt` over
 * `kind + "\0" + value`, hex. Salting per product means two vendors' servers cannot join their device
 * tables, and the kind in the message keeps one value read as two kinds from matching across kinds.
 *
 * @example
 * componentDigest("prod_01J...", "board", "S4EWNX0R123456"); // "5f0c…" (64 hex digits)
 */
export function componentDigest(productSalt: string, kind: string, normalizedValue: string): string {
  return createHmac("sha256", `${KEY_PREFIX}${productSalt}`)
    .update(`${kind}\0${normalizedValue}`)
    .digest("hex");
}
