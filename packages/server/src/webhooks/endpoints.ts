import { newId, ok, type Result } from "@ninsho/core";
import type { WebhookEndpointRecord } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { recordAudit } from "../services/admin/audit.js";
import { newSigningSecret, sealSigningSecret } from "./secrets.js";
import { checkTarget } from "./targets.js";

/** An endpoint as the API shows it: never its secret, sealed or not. */
export function endpointView(endpoint: WebhookEndpointRecord) {
  const { sealedSecret: _s, ...shown } = endpoint;
  return { ...shown, eventTypes: [...endpoint.eventTypes] };
}

/**
 * Register an endpoint. Its signing secret is in the answer once and stored only sealed. An address in the
 * server's own network is refused (WEBHOOK_TARGET_PRIVATE) unless the operator allows private targets.
 * @example
 * const created = await createEndpoint(deps, { url: "https://example.com/hooks", eventTypes: ["*"] }, actor);
 */
export async function createEndpoint(
  deps: ServerDeps,
  input: {
    readonly url: string;
    readonly eventTypes: readonly string[];
    readonly description?: string | undefined;
  },
  actor: string,
): Promise<Result<{ endpoint: WebhookEndpointRecord; secret: string }>> {
  const checked = await checkTarget(deps.webhooks.targets, new URL(input.url));
  if (!checked.ok) return checked;
  const id = newId("webhook");
  const secret = newSigningSecret();
  const at = deps.clock().toISOString();
  const endpoint: WebhookEndpointRecord = {
    id,
    url: input.url,
    ...(input.description === undefined ? {} : { description: input.description }),
    eventTypes: input.eventTypes,
    sealedSecret: sealSigningSecret(deps.secrets, secret, `webhook:${id}`),
    createdAt: at,
    consecutiveFailures: 0,
  };
  await deps.store.transaction(async (tx) => {
    await tx.webhooks.insertEndpoint(endpoint);
    const data = { url: input.url, eventTypes: [...input.eventTypes] };
    await recordAudit(tx, { type: "webhook.created", actor, target: id, data, at });
  });
  return ok({ endpoint, secret });
}
