/**
 * Attacker: anyone who can reach the billing endpoints and wants a license extended (or a rival's revoked)
 * without the billing secret — a forged or missing signature, a body changed after signing, a captured event
 * replayed later or again.
 */
import { signWebhook } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { billingSecretOf, signedBilling, stripeEvent } from "../support/billing.js";
import { MINUTE } from "../support/clock.js";
import { call, errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";

describe("billing endpoints under attack", () => {
  const servers = useServers();

  it("refuses unsigned, forged, altered and stale events, and changes nothing", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const refund = stripeEvent("evt_x", "charge.refunded", c.licenseId);
    const unset = await signedBilling(t, "/v1/billing/stripe", refund, "whsec_guess");
    expect(errorOf(unset)).toMatchObject({ code: "SIGNATURE_INVALID" });
    const secret = await billingSecretOf(t, "stripe");

    const unsigned = await call(t.app, "POST", "/v1/billing/stripe", refund);
    expect(unsigned.status).toBe(401);
    const forged = await signedBilling(t, "/v1/billing/stripe", refund, "whsec_forged");
    expect(errorOf(forged).code).toBe("SIGNATURE_INVALID");
    const raw = JSON.stringify(refund);
    const at = Math.floor(t.clock.now().getTime() / 1000);
    const altered = await call(t.app, "POST", "/v1/billing/stripe", undefined, {
      raw: raw.replace("evt_x", "evt_y"),
      headers: { "content-type": "application/json", "stripe-signature": signWebhook(secret, at, raw) },
    });
    expect(errorOf(altered).code).toBe("SIGNATURE_INVALID");
    const stale = await signedBilling(t, "/v1/billing/stripe", refund, secret, { at: at - 10 * 60 });
    expect(errorOf(stale)).toMatchObject({ code: "SIGNATURE_INVALID" });
    expect(errorOf(stale).message).toContain("too old");

    const license = await t.adminGet(`/v1/admin/licenses/${c.licenseId}`);
    expect(license.body).toMatchObject({ status: "active" });
  });

  it("a captured event replayed within the tolerance applies once; after it, it is refused as stale", async () => {
    const t = await servers.start();
    const secret = await billingSecretOf(t, "generic");
    const c = await t.catalogue();
    const event = { id: "evt_once", type: "charge.refunded", licenseId: c.licenseId };
    expect((await signedBilling(t, "/v1/billing/events", event, secret)).body).toMatchObject({
      applied: true,
    });
    expect((await signedBilling(t, "/v1/billing/events", event, secret)).body).toMatchObject({
      duplicate: true,
    });
    const signedAt = Math.floor(t.clock.now().getTime() / 1000);
    t.clock.advance(6 * MINUTE);
    const late = await signedBilling(t, "/v1/billing/events", { ...event, id: "evt_new" }, secret, {
      at: signedAt,
    });
    expect(errorOf(late).code).toBe("SIGNATURE_INVALID");
  });

  it("only an admin sets billing secrets; the generic one is shown once and never stored in clear", async () => {
    const t = await servers.start();
    const support = await t.token("support");
    const refused = await t.adminPost("/v1/admin/billing/generic/secret", { reason: "x" }, support.token);
    expect(refused.status).toBe(403);
    const secret = await billingSecretOf(t, "generic");
    expect(await t.store.settings.get("billing.secret.generic")).not.toContain(secret);
    const audit = await t.adminGet("/v1/admin/audit?type=billing.secret_set");
    expect(audit.text).not.toContain(secret);
  });
});
