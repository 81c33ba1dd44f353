import { fail, ok, type Result } from "@ninsho/core";
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { changedFields, recordAudit } from "../services/admin/audit.js";
import { checkTarget } from "./targets.js";

/**
 * Change an endpoint (URL, event types, disabled), with its audit entry. Enabling ends a failure streak. A new
 * URL is checked as at registration (WEBHOOK_TARGET_PRIVATE).
 * @example
 * await updateEndpoint(deps, "whk_…", { disabled: true, reason: "receiver down for maintenance" }, actor);
 */
export async function updateEndpoint(
  deps: ServerDeps,
  id: string,
  patch: {
    readonly url?: string | undefined;
    readonly eventTypes?: readonly string[] | undefined;
    readonly disabled?: boolean | undefined;
    readonly reason: string;
  },
  actor: string,
): Promise<Result<WebhookEndpointRecord>> {
  const at = deps.clock().toISOString();
  if (patch.url !== undefined) {
    const checked = await checkTarget(deps.webhooks.targets, new URL(patch.url));
    if (!checked.ok) return checked;
  }
  return deps.store.transaction(async (tx): Promise<Result<WebhookEndpointRecord>> => {
    const current = await tx.webhooks.findEndpoint(id);
    if (!current) return fail("WEBHOOK_NOT_FOUND", { webhookId: id });
    const disabledAt =
      patch.disabled === undefined ? undefined : patch.disabled ? (current.disabledAt ?? at) : null;
    await tx.webhooks.updateEndpoint(id, {
      ...(patch.url === undefined ? {} : { url: patch.url }),
      ...(patch.eventTypes === undefined ? {} : { eventTypes: patch.eventTypes }),
      ...(disabledAt === undefined ? {} : { disabledAt }),
      ...(patch.disabled === false ? { consecutiveFailures: 0, failingSince: null } : {}),
    });
    const next = await tx.webhooks.findEndpoint(id);
    if (!next) return fail("WEBHOOK_NOT_FOUND", { webhookId: id });
    const { sealedSecret: _a, ...before } = current;
    const { sealedSecret: _b, ...after } = next;
    const data = { changes: changedFields(before, after) };
    await recordAudit(tx, { type: "webhook.updated", actor, target: id, reason: patch.reason, data, at });
    return ok(next);
  });
}

/**
 * Make a delivery due now again (a replay), whatever its status; the dispatcher sends it at its next pass.
 * @example
 * await replayDelivery(deps, "dlv_…", actor, "receiver fixed");
 */
export async function replayDelivery(
  deps: ServerDeps,
  id: string,
  actor: string,
  reason: string,
): Promise<Result<WebhookDeliveryRecord>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx): Promise<Result<WebhookDeliveryRecord>> => {
    const delivery = await tx.webhooks.findDelivery(id);
    if (!delivery) return fail("DELIVERY_NOT_FOUND", { deliveryId: id });
    await tx.webhooks.requeueDelivery(id, at);
    const data = { eventId: delivery.eventId, endpointId: delivery.endpointId, status: delivery.status };
    await recordAudit(tx, { type: "webhook.replayed", actor, target: delivery.endpointId, reason, data, at });
    return ok({ ...delivery, status: "pending", nextAttemptAt: at });
  });
}
