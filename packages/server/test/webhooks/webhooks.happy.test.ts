/**
 * Outbound webhooks against a real receiver on 127.0.0.1: every event signed so the receiver can check it,
 * failures retried with exponential backoff, a delivery log, replay, and an alert when an endpoint keeps failing.
 */
import { type LicenseEvent, newId, verifyWebhook } from "@ninsho/core";
import { afterEach, describe, expect, it } from "vitest";
import type { Resolve } from "../../src/webhooks/targets.js";
import { MINUTE } from "../support/clock.js";
import { machine } from "../support/fingerprints.js";
import { call, str } from "../support/http.js";
import { type Receiver, startReceiver } from "../support/receiver.js";
import { type TestServer, useServers } from "../support/server.js";

/** The receiver is on 127.0.0.1: the operator allows private targets (NINSHO_WEBHOOKS_ALLOW_PRIVATE). */
const loopback = { webhooks: { allowPrivate: true } };

interface DeliveryBody {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt?: string;
  lastStatus?: number;
}

describe("outbound webhooks", () => {
  const servers = useServers();
  const receivers: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  async function endpoint(t: TestServer, eventTypes?: string[]) {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const res = await t.adminPost("/v1/admin/webhooks", {
      url: receiver.url,
      ...(eventTypes === undefined ? {} : { eventTypes }),
    });
    expect(res.status).toBe(201);
    return { receiver, id: str(res.body, "id"), secret: str(res.body, "secret") };
  }

  const deliveries = async (t: TestServer, id: string) =>
    (await t.adminGet(`/v1/admin/webhooks/${id}/deliveries`)).body.deliveries as DeliveryBody[];

  it("delivers every license and device event, signed so the receiver verifies it with its secret", async () => {
    const t = await servers.start(loopback);
    const hook = await endpoint(t);
    const c = await t.catalogue();
    await t.activated(c.key, machine("hooked"));
    await t.adminPost(`/v1/admin/licenses/${c.licenseId}/suspend`, { reason: "chargeback" });
    await t.deps.webhooks.runOnce();

    const types = hook.receiver.received.map((r) => JSON.parse(r.body).type);
    expect(types).toEqual(["license.created", "device.activated", "license.suspended"]);
    for (const request of hook.receiver.received) {
      const header = String(request.headers["ninsho-signature"]);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifyWebhook(header, request.body, hook.secret, t.clock.now()).ok).toBe(true);
      expect(verifyWebhook(header, `${request.body} `, hook.secret, t.clock.now()).ok).toBe(false);
      expect(verifyWebhook(header, request.body, "whsec_other", t.clock.now()).ok).toBe(false);
      expect(request.headers["ninsho-event-id"]).toBe(JSON.parse(request.body).id);
    }
    expect((await deliveries(t, hook.id)).every((d) => d.status === "delivered" && d.attempts === 1)).toBe(
      true,
    );
  });

  it("sends only the event types an endpoint asked for", async () => {
    const t = await servers.start(loopback);
    const hook = await endpoint(t, ["device.*"]);
    const c = await t.catalogue();
    await t.activated(c.key, machine("filtered"));
    await t.deps.webhooks.runOnce();
    expect(hook.receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(["device.activated"]);
  });

  it("retries a failing endpoint with exponential backoff, alerts when it keeps failing, and recovers", async () => {
    const t = await servers.start(loopback);
    const hook = await endpoint(t, ["license.created"]);
    hook.receiver.answer = 500;
    await t.catalogue();
    await t.deps.webhooks.runOnce();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const [d] = await deliveries(t, hook.id);
      expect(d).toMatchObject({ status: "pending", attempts: attempt, lastStatus: 500 });
      const wait = Date.parse(d?.nextAttemptAt ?? "") - t.clock.now().getTime();
      waits.push(wait);
      t.clock.advance(wait - 1);
      await t.deps.webhooks.runOnce(); // not yet due: nothing is sent
      expect(hook.receiver.received).toHaveLength(attempt);
      t.clock.advance(1);
      await t.deps.webhooks.runOnce();
    }
    expect(waits).toEqual([1, 2, 4, 8, 16].map((m) => m * MINUTE));
    const listed = (await t.adminGet("/v1/admin/webhooks")).body.webhooks as { failingSince?: string }[];
    expect(listed[0]?.failingSince).toBeDefined();
    const alerts = await t.adminGet(`/v1/admin/audit?target=${hook.id}&type=webhook.failing`);
    expect(alerts.body.entries).toHaveLength(1);

    hook.receiver.answer = 200;
    t.clock.advance(32 * MINUTE);
    await t.deps.webhooks.runOnce();
    const [done] = await deliveries(t, hook.id);
    expect(done).toMatchObject({ status: "delivered", attempts: 7, lastStatus: 200 });
    const after = (await t.adminGet("/v1/admin/webhooks")).body.webhooks as { failingSince?: string }[];
    expect(after[0]?.failingSince).toBeUndefined();
  });

  it("replays a delivered event on request; the receiver gets the same event id again", async () => {
    const t = await servers.start(loopback);
    const hook = await endpoint(t, ["license.created"]);
    await t.catalogue();
    await t.deps.webhooks.runOnce();
    const [first] = await deliveries(t, hook.id);
    const replay = await t.adminPost(`/v1/admin/deliveries/${first?.id}/replay`, {
      reason: "receiver lost it",
    });
    expect(replay.status).toBe(202);
    await t.deps.webhooks.runOnce();
    const bodies = hook.receiver.received.map((r) => JSON.parse(r.body).id);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toBe(bodies[1]);
    const audit = await t.adminGet(`/v1/admin/audit?type=webhook.replayed`);
    expect(audit.body.entries).toMatchObject([{ reason: "receiver lost it", target: hook.id }]);
  });

  it("with no endpoint, a pass empties a burst of outbox rows; an endpoint added later gets the later events", async () => {
    const t = await servers.start(loopback);
    const c = await t.catalogue();
    for (let i = 0; i < 3; i++) await t.activated(c.key, machine(`nobody listens ${i}`));
    // More rows than one batch of the dispatcher reads: the pass goes on until none is left.
    const note = (i: number): LicenseEvent => ({
      id: newId("event"),
      licenseId: c.licenseId,
      type: "license.noted",
      actor: "system",
      data: { i },
      createdAt: t.clock.now().toISOString(),
    });
    for (let i = 0; i < 450; i++) await t.store.events.append(note(i));
    expect((await t.store.webhooks.peekOutbox(1000)).length).toBeGreaterThan(450);
    await t.deps.webhooks.runOnce();
    expect(await t.store.webhooks.peekOutbox(10)).toEqual([]);

    const hook = await endpoint(t, ["license.*"]);
    await t.adminPost(`/v1/admin/licenses/${c.licenseId}/suspend`, { reason: "chargeback" });
    await t.deps.webhooks.runOnce();
    expect(hook.receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(["license.suspended"]);
    expect(await t.store.webhooks.peekOutbox(10)).toEqual([]);
  });

  it("keeps an event committed while no dispatcher ran, and a disabled endpoint gets nothing", async () => {
    const t = await servers.start(loopback);
    const hook = await endpoint(t, ["license.*"]);
    const c = await t.catalogue();
    // The outbox row was written with the event; the dispatcher picks it up whenever it next runs.
    expect(await t.store.webhooks.peekOutbox(10)).not.toHaveLength(0);
    await call(
      t.app,
      "PATCH",
      `/v1/admin/webhooks/${hook.id}`,
      { disabled: true, reason: "maintenance" },
      {
        token: t.admin,
      },
    );
    await t.adminPost(`/v1/admin/licenses/${c.licenseId}/suspend`, { reason: "x" });
    await t.deps.webhooks.runOnce();
    expect(hook.receiver.received).toHaveLength(0);
    expect(await t.store.webhooks.peekOutbox(10)).toHaveLength(0);
  });

  it("delivers to a private receiver when the operator allows it, connecting to the address the check resolved", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const port = new URL(receiver.url).port;
    // A name no real DNS knows: the delivery can only arrive through the address the check resolved.
    const resolve: Resolve = async (hostname) => {
      if (hostname !== "hooks.internal.example") throw new Error(`${hostname}: not found`);
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const t = await servers.start({ webhooks: { allowPrivate: true, resolve } });
    const made = await t.adminPost("/v1/admin/webhooks", {
      url: `http://hooks.internal.example:${port}/hooks`,
    });
    expect(made.status).toBe(201);
    expect((await t.adminPost("/v1/admin/webhooks", { url: "http://[::1]:9/none" })).status).toBe(201);
    const c = await t.catalogue();
    await t.activated(c.key, machine("allowed"));
    await t.deps.webhooks.runOnce();
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual([
      "license.created",
      "device.activated",
    ]);
    expect(receiver.received[0]?.headers.host).toBe(`hooks.internal.example:${port}`);
  });
});
