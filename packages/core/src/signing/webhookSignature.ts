import { createHmac } from "node:crypto";
import { fail, ok, type Result } from "../result.js";
import { sameBytes } from "./sameBytes.js";

/**
 * The signature header of a webhook, in Stripe's scheme: `t=<unix seconds>,v1=<hex HMAC-SHA256 over "t.body">`.
 * The time inside the signed text lets a receiver refuse a replay of an old delivery (see `verifyWebhook`).
 * @example
 * signWebhook("whsec_…", 1767225600, '{"id":"evt_…"}'); // "t=1767225600,v1=5f0c…"
 */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  return `t=${unixSeconds},v1=${hmacHex(secret, unixSeconds, body)}`;
}

const hmacHex = (secret: string, t: number | string, body: string): string =>
  createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");

/** Default tolerance between the signed time and the receiver's clock, in seconds (Stripe's is 300). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * Check a `Ninsho-Signature` or `Stripe-Signature` header against the raw body: any `v1` entry (there are two
 * while a secret rolls) must be the HMAC of `t.body`, and `t` within `toleranceSeconds` of `now` (a captured
 * delivery replayed later is refused). Compared in constant time.
 * @example
 * verifyWebhook(header, rawBody, secret, new Date()); // ok(1767225600) or fail("SIGNATURE_INVALID", …)
 */
export function verifyWebhook(
  header: string | undefined,
  body: string,
  secret: string,
  now: Date,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): Result<number> {
  if (header === undefined) return fail("SIGNATURE_INVALID", { cause: "missing" });
  const parts = header.split(",").map((part) => part.trim().split("="));
  const t = parts.find(([name]) => name === "t")?.[1];
  const candidates = parts.filter(([name]) => name === "v1").map(([, value]) => value ?? "");
  if (t === undefined || !/^\d{1,12}$/.test(t) || candidates.length === 0) {
    return fail("SIGNATURE_INVALID", { cause: "malformed" });
  }
  if (Math.abs(now.getTime() / 1000 - Number(t)) > toleranceSeconds) {
    return fail("SIGNATURE_INVALID", { cause: "stale" });
  }
  const expected = Buffer.from(hmacHex(secret, t, body), "hex");
  const matches = candidates.some((hex) => sameBytes(Buffer.from(hex, "hex"), expected));
  return matches ? ok(Number(t)) : fail("SIGNATURE_INVALID", { cause: "mismatch" });
}
