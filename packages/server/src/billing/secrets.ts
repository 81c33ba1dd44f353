import { fail, ok, type Result } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import { recordAudit } from "../services/admin/audit.js";
import { newSigningSecret, openSigningSecret, sealSigningSecret } from "../webhooks/secrets.js";

/** The two senders of billing events: the vendor's own billing (generic) and Stripe. */
export type BillingSource = "generic" | "stripe";

const settingKey = (source: BillingSource) => `billing.secret.${source}`;

/**
 * The secret a billing sender signs with, opened; `undefined` until an admin set one (every event is refused).
 * @example
 * const secret = await billingSecret(deps, "stripe");
 */
export async function billingSecret(deps: ServerDeps, source: BillingSource): Promise<string | undefined> {
  const sealed = await deps.store.settings.get(settingKey(source));
  return sealed === undefined ? undefined : openSigningSecret(deps.secrets, sealed, `billing:${source}`);
}

/**
 * Set a billing sender's secret: a new random one for the generic endpoint (returned once), or the one Stripe
 * shows for the webhook endpoint (`whsec_…`). Stored sealed; audited without the secret.
 * @example
 * const { secret } = await setBillingSecret(deps, "generic", undefined, actor, "first setup");
 */
export async function setBillingSecret(
  deps: ServerDeps,
  source: BillingSource,
  given: string | undefined,
  actor: string,
  reason: string,
): Promise<Result<{ secret?: string }>> {
  if (source === "stripe" && given === undefined)
    return fail("VALIDATION_FAILED", { issues: "secret: required" });
  const secret = given ?? newSigningSecret();
  const at = deps.clock().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.settings.set(settingKey(source), sealSigningSecret(deps.secrets, secret, `billing:${source}`));
    await recordAudit(tx, { type: "billing.secret_set", actor, target: `billing:${source}`, reason, at });
  });
  return ok(given === undefined ? { secret } : {});
}
