/**
 * Inbound billing (issue 13 point 6): the vendor's billing and Stripe tell Ninsho what was paid, and the
 * subscription's license follows: renewed → extended, payment failed → grace, canceled → runs to the end of the
 * paid period then stops, refunded → revoked. Each event applies once.
 */
import { describe, expect, it } from "vitest";
import { billingSecretOf, signedBilling, stripeEvent } from "../support/billing.js";
import { DAY } from "../support/clock.js";
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";

const unix = (ms: number) => Math.floor(ms / 1000);

describe("billing events", () => {
  const servers = useServers();

  it("a Stripe-format subscription cancel suspends at period end", async () => {
    const t = await servers.start();
    const secret = await billingSecretOf(t, "stripe");
    const c = await t.catalogue({
      channel: "subscription",
      expiry: { kind: "duration", seconds: 30 * 86_400 },
    });
    const fp = machine("subscriber");
    await t.activated(c.key, fp);
    const periodEnd = t.clock.now().getTime() + 10 * DAY;
    const canceled = stripeEvent("evt_cancel_1", "customer.subscription.deleted", c.licenseId, {
      object: "subscription",
      status: "canceled",
      items: { data: [{ current_period_end: unix(periodEnd) }] },
    });
    const res = await signedBilling(t, "/v1/billing/stripe", canceled, secret);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      applied: true,
      state: "active",
      expiresAt: new Date(unix(periodEnd) * 1000).toISOString(),
    });

    t.clock.advance(9 * DAY); // still inside the period already paid for
    expect((await t.activate(c.key, fp)).status).toBe(200);
    t.clock.advance(2 * DAY); // past it
    expect(errorOf(await t.activate(c.key, fp)).code).toBe("LICENSE_EXPIRED");
    const timeline = await t.timeline(c.licenseId);
    expect(timeline.find((e) => e.type === "billing.canceled")).toMatchObject({
      actor: "billing:stripe",
      reason: "evt_cancel_1",
    });
  });

  it("Stripe: invoice.paid extends to the paid period's end, payment_failed gives grace, charge.refunded revokes", async () => {
    const t = await servers.start();
    const secret = await billingSecretOf(t, "stripe");
    const c = await t.catalogue({
      channel: "subscription",
      expiry: { kind: "duration", seconds: 5 * 86_400 },
    });
    await t.activated(c.key, machine("paid"));
    const periodEnd = unix(t.clock.now().getTime() + 40 * DAY);
    const paid = stripeEvent("evt_paid", "invoice.paid", "unused", {
      metadata: {},
      lines: { data: [{ period: { end: periodEnd }, metadata: { ninsho_license_id: c.licenseId } }] },
    });
    const renewed = await signedBilling(t, "/v1/billing/stripe", paid, secret);
    expect(renewed.body).toMatchObject({
      applied: true,
      expiresAt: new Date(periodEnd * 1000).toISOString(),
    });

    t.clock.advance(41 * DAY);
    const failed = await signedBilling(
      t,
      "/v1/billing/stripe",
      stripeEvent("evt_fail", "invoice.payment_failed", c.licenseId),
      secret,
    );
    expect(failed.body).toMatchObject({ applied: true, state: "active" });
    expect((await t.activate(c.key, machine("paid"))).status).toBe(200);

    const refunded = await signedBilling(
      t,
      "/v1/billing/stripe",
      stripeEvent("evt_refund", "charge.refunded", c.licenseId),
      secret,
    );
    expect(refunded.body).toMatchObject({ applied: true, state: "revoked" });
    expect(errorOf(await t.activate(c.key, machine("paid"))).code).toBe("LICENSE_REVOKED");
    const ignored = await signedBilling(
      t,
      "/v1/billing/stripe",
      stripeEvent("evt_other", "customer.created", c.licenseId),
      secret,
    );
    expect(ignored.body).toMatchObject({ applied: false });
  });

  it("the generic endpoint applies each event once, by its id", async () => {
    const t = await servers.start();
    const secret = await billingSecretOf(t, "generic");
    const c = await t.catalogue({
      channel: "subscription",
      expiry: { kind: "duration", seconds: 5 * 86_400 },
    });
    const periodEnd = new Date(t.clock.now().getTime() + 60 * DAY).toISOString();
    const event = { id: "inv_77", type: "subscription.renewed", licenseId: c.licenseId, periodEnd };
    const first = await signedBilling(t, "/v1/billing/events", event, secret);
    expect(first.body).toMatchObject({ applied: true, duplicate: false, expiresAt: periodEnd });
    const again = await signedBilling(t, "/v1/billing/events", event, secret);
    expect(again.body).toMatchObject({ applied: false, duplicate: true });
    const renewals = (await t.timeline(c.licenseId)).filter((e) => e.type === "billing.renewed");
    expect(renewals).toHaveLength(1);

    const grace = await signedBilling(
      t,
      "/v1/billing/events",
      { id: "pay_1", type: "payment.failed", licenseId: c.licenseId, graceDays: 3 },
      secret,
    );
    expect(grace.body).toMatchObject({ applied: true, expiresAt: periodEnd }); // grace never shortens a paid period
  });
});
