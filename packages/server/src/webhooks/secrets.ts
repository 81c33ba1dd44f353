import { randomBytes } from "node:crypto";
import { type Secrets, seal, unseal } from "@ninsho/core";

/**
 * Shared signing secrets (a webhook endpoint's, the billing senders'): made here, shown once, kept sealed under
 * the master key and bound to what they belong to, so a stolen database signs and verifies nothing.
 * @example
 * const secret = newSigningSecret(); // "whsec_…"
 */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString("base64url")}`;

/** @example const sealed = sealSigningSecret(deps.secrets, secret, "webhook:whk_…"); */
export const sealSigningSecret = (secrets: Secrets, secret: string, owner: string): string =>
  seal(secrets, secret, `signing-secret:${owner}`);

/** @example const secret = openSigningSecret(deps.secrets, endpoint.sealedSecret, "webhook:whk_…"); */
export const openSigningSecret = (secrets: Secrets, sealed: string, owner: string): string =>
  unseal(secrets, sealed, `signing-secret:${owner}`);
