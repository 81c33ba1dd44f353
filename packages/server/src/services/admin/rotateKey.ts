import { fail, ok, type Result } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { recordAudit } from "./audit.js";

/** What a rotation did: the new key, when it takes over, and the keys it retires then. */
export interface Rotation {
  readonly productId: string;
  readonly kid: string;
  readonly x: string;
  /** From this instant the new key signs and the others sign nothing new. */
  readonly activeFrom: string;
  /** Keys that stop signing at `activeFrom`; they keep verifying what they signed. */
  readonly retired: readonly string[];
}

/**
 * Rotate a product's signing key: a new key is published in the JWKS at once and signs from `activatesAt`
 * (default now; an instant already past means now), when every other key of the product retires. Retired keys
 * still verify the leases and answers they signed. Scheduling ahead lets vendors ship the new public key in
 * their apps before it signs anything.
 * @example
 * const done = await rotateSigningKey(deps, "prd_01J…", "2026-06-01T00:00:00Z", "token:tok_…");
 */
export async function rotateSigningKey(
  deps: ServerDeps,
  productId: string,
  activatesAt?: string,
  actor = "system",
): Promise<Result<Rotation>> {
  const now = deps.clock();
  const later = activatesAt !== undefined && Date.parse(activatesAt) > now.getTime();
  const from = later ? new Date(activatesAt).toISOString() : now.toISOString();
  return deps.store.transaction(async (tx) => {
    if (!(await tx.products.findById(productId))) return fail("PRODUCT_NOT_FOUND", { productId });
    const key = await deps.keyring.createKey(productId, now.toISOString(), tx, later ? from : undefined);
    const retired = await tx.products.retireSigningKeysAt(productId, key.kid, from);
    const data = { kid: key.kid, activeFrom: from, retired };
    await recordAudit(tx, {
      type: "signing_key.rotated",
      actor,
      target: productId,
      data,
      at: now.toISOString(),
    });
    return ok({ productId, kid: key.kid, x: key.publicJwk.x, activeFrom: from, retired });
  });
}
