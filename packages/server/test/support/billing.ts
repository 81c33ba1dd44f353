import { signWebhook } from "@ninsho/core";
import { type Answer, call } from "./http.js";
import type { TestServer } from "./server.js";

/** Set a billing sender's secret through the admin API; the secret to sign with. */
export async function billingSecretOf(t: TestServer, source: "generic" | "stripe"): Promise<string> {
  const given = source === "stripe" ? { secret: "whsec_test_stripe_endpoint_secret" } : {};
  const res = await t.adminPost(`/v1/admin/billing/${source}/secret`, { ...given, reason: "test setup" });
  if (res.status !== 201) throw new Error(`billing secret: ${res.status} ${res.text}`);
  return source === "stripe" ? "whsec_test_stripe_endpoint_secret" : String(res.body.secret);
}

/**
 * POST a billing event signed as its sender signs it (the exact bytes sent are the bytes signed), at the
 * server's clock unless `at` (unix seconds) says otherwise.
 */
export function signedBilling(
  t: TestServer,
  path: "/v1/billing/events" | "/v1/billing/stripe",
  body: unknown,
  secret: string,
  options: { readonly at?: number; readonly headers?: Record<string, string> } = {},
): Promise<Answer> {
  const raw = JSON.stringify(body);
  const at = options.at ?? Math.floor(t.clock.now().getTime() / 1000);
  const header = path === "/v1/billing/stripe" ? "stripe-signature" : "ninsho-signature";
  return call(t.app, "POST", path, undefined, {
    raw,
    headers: {
      "content-type": "application/json",
      [header]: signWebhook(secret, at, raw),
      ...options.headers,
    },
  });
}

/** A Stripe event as Stripe sends it, naming a license in its object's metadata. */
export function stripeEvent(
  id: string,
  type: string,
  licenseId: string,
  object: Record<string, unknown> = {},
) {
  return {
    id,
    object: "event",
    api_version: "2024-06-20",
    type,
    data: { object: { metadata: { ninsho_license_id: licenseId }, ...object } },
  };
}
