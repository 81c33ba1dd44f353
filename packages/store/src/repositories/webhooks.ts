import type { WebhookRepository } from "../contracts.js";
import { parseJson, present } from "../json.js";
import type {
  DeliveryAttempt,
  DeliveryStatus,
  WebhookDeliveryRecord,
  WebhookEndpointPatch,
  WebhookEndpointRecord,
} from "../records.js";
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from "../schema.js";
import type { Executor } from "./executor.js";

/** Webhook endpoints, the outbox the event log fills, and the delivery log. */
export class KyselyWebhookRepository implements WebhookRepository {
  constructor(private readonly db: Executor) {}

  async insertEndpoint(endpoint: WebhookEndpointRecord): Promise<void> {
    await this.db
      .insertInto("webhook_endpoints")
      .values({
        id: endpoint.id,
        url: endpoint.url,
        description: endpoint.description ?? null,
        event_types: JSON.stringify(endpoint.eventTypes),
        sealed_secret: endpoint.sealedSecret,
        created_at: endpoint.createdAt,
        disabled_at: endpoint.disabledAt ?? null,
        failing_since: endpoint.failingSince ?? null,
        consecutive_failures: endpoint.consecutiveFailures,
      })
      .execute();
  }

  async findEndpoint(id: string): Promise<WebhookEndpointRecord | undefined> {
    const row = await this.db
      .selectFrom("webhook_endpoints")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row && toEndpoint(row);
  }

  async listEndpoints(): Promise<WebhookEndpointRecord[]> {
    const rows = await this.db.selectFrom("webhook_endpoints").selectAll().orderBy("id").execute();
    return rows.map(toEndpoint);
  }

  async updateEndpoint(id: string, patch: WebhookEndpointPatch): Promise<void> {
    const set: Partial<WebhookEndpointsTable> = {};
    if (patch.url !== undefined) set.url = patch.url;
    if (patch.eventTypes !== undefined) set.event_types = JSON.stringify(patch.eventTypes);
    if (patch.disabledAt !== undefined) set.disabled_at = patch.disabledAt;
    if (patch.failingSince !== undefined) set.failing_since = patch.failingSince;
    if (patch.consecutiveFailures !== undefined) set.consecutive_failures = patch.consecutiveFailures;
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable("webhook_endpoints").set(set).where("id", "=", id).execute();
  }

  /** The oldest outbox rows: each the ids of events appended together. */
  async peekOutbox(limit: number): Promise<{ id: string; eventIds: string[] }[]> {
    const rows = await this.db.selectFrom("webhook_outbox").selectAll().orderBy("id").limit(limit).execute();
    return rows.map((row) => ({ id: row.id, eventIds: parseJson<string[]>(row.event_ids) }));
  }

  /** Remove an outbox row once its deliveries are written; false when another process took it first. */
  async takeOutbox(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("webhook_outbox").where("id", "=", id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Remove a batch of outbox rows in one statement; how many were there (another process may take some). */
  async dropOutbox(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db.deleteFrom("webhook_outbox").where("id", "in", ids).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async insertDeliveries(deliveries: readonly WebhookDeliveryRecord[]): Promise<void> {
    for (const delivery of deliveries) {
      await this.db.insertInto("webhook_deliveries").values(toDeliveryRow(delivery)).execute();
    }
  }

  /** Pending deliveries due at `now`, oldest first. */
  async dueDeliveries(now: string, limit: number): Promise<WebhookDeliveryRecord[]> {
    const rows = await this.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /**
   * Take a due delivery for one attempt by moving its next attempt to `until` (compare and set on the time it
   * was due): two processes never send the same attempt, and one that dies mid-attempt leaves it due at `until`.
   */
  async claimDelivery(id: string, dueAt: string, until: string): Promise<boolean> {
    const result = await this.db
      .updateTable("webhook_deliveries")
      .set({ next_attempt_at: until })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .where("next_attempt_at", "=", dueAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async recordAttempt(id: string, attempt: DeliveryAttempt): Promise<void> {
    await this.db
      .updateTable("webhook_deliveries")
      .set({
        status: attempt.status,
        attempts: attempt.attempts,
        next_attempt_at: attempt.nextAttemptAt,
        last_attempt_at: attempt.lastAttemptAt,
        last_status: attempt.lastStatus,
        last_error: attempt.lastError,
        delivered_at: attempt.deliveredAt,
      })
      .where("id", "=", id)
      .execute();
  }

  /** Make a delivery due again at `at` (a replay), whatever its status. */
  async requeueDelivery(id: string, at: string): Promise<void> {
    await this.db
      .updateTable("webhook_deliveries")
      .set({ status: "pending", next_attempt_at: at })
      .where("id", "=", id)
      .execute();
  }

  async findDelivery(id: string): Promise<WebhookDeliveryRecord | undefined> {
    const row = await this.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row && toDelivery(row);
  }

  /** An endpoint's delivery log, newest first, optionally of one status, a page before an id. */
  async listDeliveries(
    endpointId: string,
    options: { status?: DeliveryStatus; before?: string; limit?: number } = {},
  ): Promise<WebhookDeliveryRecord[]> {
    let query = this.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("endpoint_id", "=", endpointId)
      .orderBy("id", "desc")
      .limit(options.limit ?? 100);
    if (options.status !== undefined) query = query.where("status", "=", options.status);
    if (options.before !== undefined) query = query.where("id", "<", options.before);
    return (await query.execute()).map(toDelivery);
  }
}

const toEndpoint = (row: WebhookEndpointsTable): WebhookEndpointRecord => ({
  id: row.id,
  url: row.url,
  ...present("description", row.description),
  eventTypes: parseJson<string[]>(row.event_types),
  sealedSecret: row.sealed_secret,
  createdAt: row.created_at,
  ...present("disabledAt", row.disabled_at),
  ...present("failingSince", row.failing_since),
  consecutiveFailures: Number(row.consecutive_failures),
});

const toDeliveryRow = (d: WebhookDeliveryRecord): WebhookDeliveriesTable => ({
  id: d.id,
  endpoint_id: d.endpointId,
  event_id: d.eventId,
  event_type: d.eventType,
  payload: d.payload,
  status: d.status,
  attempts: d.attempts,
  next_attempt_at: d.nextAttemptAt ?? null,
  last_attempt_at: d.lastAttemptAt ?? null,
  last_status: d.lastStatus ?? null,
  last_error: d.lastError ?? null,
  delivered_at: d.deliveredAt ?? null,
  created_at: d.createdAt,
});

const toDelivery = (row: WebhookDeliveriesTable): WebhookDeliveryRecord => ({
  id: row.id,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type,
  payload: row.payload,
  status: row.status as DeliveryStatus,
  attempts: Number(row.attempts),
  ...present("nextAttemptAt", row.next_attempt_at),
  ...present("lastAttemptAt", row.last_attempt_at),
  ...(row.last_status === null ? {} : { lastStatus: Number(row.last_status) }),
  ...present("lastError", row.last_error),
  ...present("deliveredAt", row.delivered_at),
  createdAt: row.created_at,
});

/** Billing events already applied, by `<source>:<event id>`: the second delivery of one is a no-op. */
export class KyselyBillingEventRepository {
  constructor(private readonly db: Executor) {}

  /** Record an event unless it was recorded before; true when this call recorded it. */
  async insertIfAbsent(row: {
    id: string;
    licenseId: string | null;
    kind: string;
    at: string;
  }): Promise<boolean> {
    const result = await this.db
      .insertInto("billing_events")
      .values({ id: row.id, license_id: row.licenseId, kind: row.kind, received_at: row.at })
      .onConflict((oc) => oc.column("id").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }
}
