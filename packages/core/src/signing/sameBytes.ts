import { timingSafeEqual } from "node:crypto";

/**
 * Whether a presented value (a MAC, a digest, a token) is byte-equal to the expected one, in time that does not
 * depend on where they first differ, so an attacker timing many guesses learns nothing of the secret's bytes. A string is
 * compared as its UTF-8 bytes. Different lengths give `false` without throwing (Node's `timingSafeEqual`
 * throws): every caller compares values whose length is public (a MAC's, a digest's, a token format's), so
 * checking it first leaks nothing. Node only: the browser bundle (`browser.ts`) does not export it.
 *
 * @example
 * sameBytes(Buffer.from(header.mac, "base64url"), hmac(key, body)); // false for any other MAC, of any length
 * sameBytes(storedDigest, digestOf(typed)); // strings: their UTF-8 bytes
 */
export function sameBytes(a: Uint8Array | string, b: Uint8Array | string): boolean {
  const left = typeof a === "string" ? Buffer.from(a, "utf8") : a;
  const right = typeof b === "string" ? Buffer.from(b, "utf8") : b;
  return left.length === right.length && timingSafeEqual(left, right);
}
