import type { Secrets } from "@ninsho/core";
import { type LicenseEvent, newId, signWebhook } from "@ninsho/core";
import type { Store, WebhookDeliveryRecord, WebhookEndpointRecord } from "@ninsho/store";
import type { Logger } from "pino";
import { recordAudit } from "../services/admin/audit.js";
import { deliveryRetry, retryDelayMs } from "./backoff.js";
import { postPinned } from "./post.js";
import { openSigningSecret } from "./secrets.js";
import { subscribes } from "./subscribes.js";
import { pinTarget, type WebhookTargets } from "./targets.js";

/** What the dispatcher needs from the server. */
export interface DispatcherDeps {
  readonly store: Store;
  readonly secrets: Secrets;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** Where deliveries may go (public addresses only, unless the operator allows private ones). */
  readonly targets: WebhookTargets;
}

/** How long one attempt may take before it counts as failed (and how long a claim holds a delivery). */
const ATTEMPT_TIMEOUT_MS = 10_000;
const CLAIM_MS = 5 * 60_000;
/** Outbox rows read at a time. */
const OUTBOX_BATCH = 200;

/** The body an endpoint receives for one event: the event as the timeline keeps it. */
export const payloadOf = (event: LicenseEvent): string =>
  JSON.stringify({
    id: event.id,
    type: event.type,
    licenseId: event.licenseId,
    actor: event.actor,
    ...(event.reason === undefined ? {} : { reason: event.reason }),
    data: event.data,
    createdAt: event.createdAt,
  });

/**
 * Outbound webhooks: hands the events of the outbox (written with the events, in their transaction) to every
 * endpoint that takes their type, then sends due deliveries, signed (`Ninsho-Signature`), retrying failures with
 * exponential backoff (`backoff.ts`). Every server process may run one: outbox rows and due deliveries are taken
 * by compare-and-set, so no attempt is sent twice by two processes (a receiver still dedups by event id: an
 * attempt whose answer was lost is sent again).
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: DispatcherDeps) {}

  /** Where endpoints may point: the routes check a URL against it when it is registered or changed. */
  get targets(): WebhookTargets {
    return this.deps.targets;
  }

  /** Run every `intervalMs` in the background until `close`. */
  start(intervalMs = 2_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.deps.logger.error({ err: error }, "webhook dispatch failed"))
        .finally(() => {
          this.running = undefined;
        });
    }, intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass: fan the outbox out into deliveries, then attempt what is due. Tests call it directly. */
  async runOnce(): Promise<void> {
    await this.fanOut();
    await this.deliverDue();
  }

  private async fanOut(): Promise<void> {
    for (;;) {
      const rows = await this.deps.store.webhooks.peekOutbox(OUTBOX_BATCH);
      if (rows.length === 0) return;
      if (await this.dropUnwanted(rows.map((row) => row.id))) continue;
      for (const row of rows) {
        await this.deps.store.transaction(async (tx) => {
          if (!(await tx.webhooks.takeOutbox(row.id))) return;
          const endpoints = (await tx.webhooks.listEndpoints()).filter((e) => e.disabledAt === undefined);
          if (endpoints.length === 0) return;
          const events = await tx.events.findMany(row.eventIds);
          const at = this.deps.clock().toISOString();
          const deliveries: WebhookDeliveryRecord[] = events.flatMap((event) =>
            endpoints
              .filter((endpoint) => subscribes(endpoint.eventTypes, event.type))
              .map((endpoint) => ({
                id: newId("delivery"),
                endpointId: endpoint.id,
                eventId: event.id,
                eventType: event.type,
                payload: payloadOf(event),
                status: "pending" as const,
                attempts: 0,
                nextAttemptAt: at,
                createdAt: at,
              })),
          );
          await tx.webhooks.insertDeliveries(deliveries);
        });
      }
    }
  }

  /**
   * With no enabled endpoint (most servers) the rows name events nobody is sent: drop the batch in one
   * transaction. One durable transaction per row cost 2.2-2.7 s of CPU and ~20 s of fsyncs for the 5,000 rows a
   * few seconds of activations leave (`bench/profile/outbox.ts`; 60-80 ms batched), taken from the requests the
   * server answered meanwhile: the bench's app floor, measured after the previous round's writes, fell from
   * 0.75 to 0.44 of the node:http floor while its instructions per request did not grow (bench/README.md).
   * The endpoints are read again inside the transaction that deletes, as the per-row path reads them.
   */
  private async dropUnwanted(ids: readonly string[]): Promise<boolean> {
    const enabled = (endpoints: readonly WebhookEndpointRecord[]) => endpoints.some((e) => !e.disabledAt);
    // Read first outside a transaction: a server with endpoints takes no write lock here.
    if (enabled(await this.deps.store.webhooks.listEndpoints())) return false;
    return this.deps.store.transaction(async (tx) => {
      if (enabled(await tx.webhooks.listEndpoints())) return false;
      await tx.webhooks.dropOutbox(ids);
      return true;
    });
  }

  private async deliverDue(): Promise<void> {
    const now = this.deps.clock();
    const due = await this.deps.store.webhooks.dueDeliveries(now.toISOString(), 100);
    for (const delivery of due) {
      const until = new Date(now.getTime() + CLAIM_MS).toISOString();
      if (delivery.nextAttemptAt === undefined) continue;
      if (!(await this.deps.store.webhooks.claimDelivery(delivery.id, delivery.nextAttemptAt, until)))
        continue;
      const endpoint = await this.deps.store.webhooks.findEndpoint(delivery.endpointId);
      if (!endpoint) continue;
      await this.attempt(endpoint, delivery);
    }
  }

  /** Send one delivery and write down how it went: the delivery log, the endpoint's streak, an alert. */
  private async attempt(endpoint: WebhookEndpointRecord, delivery: WebhookDeliveryRecord): Promise<void> {
    const sent = await this.send(endpoint, delivery);
    const at = this.deps.clock();
    const attempts = delivery.attempts + 1;
    const delay = sent.ok ? undefined : retryDelayMs(attempts);
    await this.deps.store.webhooks.recordAttempt(delivery.id, {
      status: sent.ok ? "delivered" : delay === undefined ? "failed" : "pending",
      attempts,
      nextAttemptAt: delay === undefined ? null : new Date(at.getTime() + delay).toISOString(),
      lastAttemptAt: at.toISOString(),
      lastStatus: sent.status ?? null,
      lastError: sent.error ?? null,
      deliveredAt: sent.ok ? at.toISOString() : null,
    });
    await this.noteStreak(endpoint, sent.ok, at.toISOString());
  }

  private async send(
    endpoint: WebhookEndpointRecord,
    delivery: WebhookDeliveryRecord,
  ): Promise<{ ok: boolean; status?: number; error?: string }> {
    try {
      const secret = openSigningSecret(this.deps.secrets, endpoint.sealedSecret, `webhook:${endpoint.id}`);
      const t = Math.floor(this.deps.clock().getTime() / 1000);
      const url = new URL(endpoint.url);
      // Checked again now, by the address the connection will use: the name may resolve elsewhere than at
      // registration (DNS rebinding), and the endpoint may predate the check.
      const pinned = await pinTarget(this.deps.targets, url);
      if (!pinned.ok) {
        const address = String(pinned.error.params?.address ?? "?");
        return { ok: false, error: `${pinned.error.code}: ${address} is in the server's own network` };
      }
      const headers = {
        "content-type": "application/json",
        "user-agent": "Ninsho-Webhooks/1",
        "ninsho-signature": signWebhook(secret, t, delivery.payload),
        "ninsho-event-id": delivery.eventId,
        "ninsho-delivery-id": delivery.id,
      };
      const signal = AbortSignal.timeout(ATTEMPT_TIMEOUT_MS);
      const status = await postPinned(url, delivery.payload, headers, pinned.value, signal);
      return status >= 200 && status < 300
        ? { ok: true, status }
        : { ok: false, status, error: `HTTP ${status}` };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message.slice(0, 300) : "send failed" };
    }
  }

  /**
   * Keep the endpoint's failure streak; when it reaches `alertAfterFailures`, write a `webhook.failing` alert to
   * the audit log (and the server log) once per streak; a success ends the streak.
   */
  private async noteStreak(endpoint: WebhookEndpointRecord, ok: boolean, at: string): Promise<void> {
    const current = await this.deps.store.webhooks.findEndpoint(endpoint.id);
    if (!current) return;
    if (ok) {
      if (current.consecutiveFailures > 0 || current.failingSince !== undefined) {
        await this.deps.store.webhooks.updateEndpoint(endpoint.id, {
          consecutiveFailures: 0,
          failingSince: null,
        });
      }
      return;
    }
    const failures = current.consecutiveFailures + 1;
    const alert = failures === deliveryRetry.alertAfterFailures;
    await this.deps.store.transaction(async (tx) => {
      await tx.webhooks.updateEndpoint(endpoint.id, {
        consecutiveFailures: failures,
        ...(current.failingSince === undefined ? { failingSince: at } : {}),
      });
      if (alert) {
        const data = { url: endpoint.url, failures, failingSince: current.failingSince ?? at };
        await recordAudit(tx, { type: "webhook.failing", actor: "system", target: endpoint.id, data, at });
      }
    });
    if (alert) this.deps.logger.warn({ webhookId: endpoint.id, failures }, "webhook endpoint keeps failing");
  }
}
