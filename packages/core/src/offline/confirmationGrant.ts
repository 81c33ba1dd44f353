import { fail, ok, type Result } from "../result.js";
import { blsVerifyX, decodeOfflinePublicKey, type G2Point } from "./bn254.js";
import {
  type ConfirmationId,
  type ConfirmationTerms,
  confirmationMessage,
  LEASE_DAYS_UNLIMITED,
  MAX_GRACE_DAYS,
  parseConfirmationId,
} from "./confirmationId.js";
import { DAY_MS, dayStart } from "./days.js";
import type { InstallationId } from "./installationId.js";

/** What a verified confirmation lets the app do: run until the lease ends, then for the grace. */
export interface ConfirmationGrant {
  readonly terms: ConfirmationTerms;
  /** When the lease ends; absent when it has no end. */
  readonly leaseExpiresAt?: Date;
  readonly graceEndsAt?: Date;
}

/**
 * The instants a confirmation's terms grant, from its installation ID's day.
 * @example
 * grantOf({ leaseDays: 30, graceDays: 14 }, iid.day).leaseExpiresAt;
 */
export function grantOf(terms: ConfirmationTerms, installationDay: number): ConfirmationGrant {
  if (terms.leaseDays === LEASE_DAYS_UNLIMITED) return { terms };
  const leaseExpiresAt = dayStart(installationDay + terms.leaseDays);
  return {
    terms,
    leaseExpiresAt,
    graceEndsAt: new Date(leaseExpiresAt.getTime() + terms.graceDays * DAY_MS),
  };
}

/**
 * The terms that grant no more than a lease window: the lease end rounded down to a whole day from the
 * installation ID's day, the grace in whole days (at most 511); a lease of 4095 days or more has no end.
 * @example
 * termsFor({ leaseExpiresAt, graceEndsAt }, iid.day); // { leaseDays: 7, graceDays: 14 }
 */
export function termsFor(
  window: { readonly leaseExpiresAt: Date; readonly graceEndsAt: Date },
  installationDay: number,
): ConfirmationTerms {
  const fromDay = window.leaseExpiresAt.getTime() - dayStart(installationDay).getTime();
  const leaseDays = Math.max(0, Math.floor(fromDay / DAY_MS));
  const graceDays = Math.floor((window.graceEndsAt.getTime() - window.leaseExpiresAt.getTime()) / DAY_MS);
  return {
    leaseDays: Math.min(leaseDays, LEASE_DAYS_UNLIMITED),
    graceDays: Math.min(Math.max(graceDays, 0), MAX_GRACE_DAYS),
  };
}

/**
 * Check a confirmation typed on a device against the installation ID that device made, with the product's
 * offline public key alone; either version verifies (a version 1 confirmation grants no features). A typo is
 * named by its group (CONFIRMATION_ID_MALFORMED); a confirmation for another installation ID, device, product
 * or key, or altered in any way (a feature bit added included), is CONFIRMATION_INVALID.
 * @example
 * const checked = verifyConfirmationId({ installationId: iid, confirmationId: typed, publicKey });
 * if (checked.ok) saveGrant(checked.value);
 */
export function verifyConfirmationId(input: {
  readonly installationId: Pick<InstallationId, "data" | "day">;
  readonly confirmationId: string | ConfirmationId;
  readonly publicKey: string | G2Point;
}): Result<ConfirmationGrant> {
  const parsed =
    typeof input.confirmationId === "string"
      ? parseConfirmationId(input.confirmationId)
      : ok(input.confirmationId);
  if (!parsed.ok) return parsed;
  const { version, terms, signature } = parsed.value;
  const key = typeof input.publicKey === "string" ? decodeOfflinePublicKey(input.publicKey) : input.publicKey;
  const message = confirmationMessage(input.installationId.data, version, terms);
  if (!key || !blsVerifyX(key, message, signature)) return fail("CONFIRMATION_INVALID");
  return ok(grantOf(terms, input.installationId.day));
}
