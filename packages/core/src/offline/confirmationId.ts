import { fail, ok, type Result } from "../result.js";
import { packFields, toBytes, toDecimal, unpackFields } from "./bits.js";
import { BN254_P, blsSignX, blsVerifyX, decodeOfflinePublicKey, type G2Point } from "./bn254.js";
import { DAY_MS, dayStart } from "./days.js";
import { formatDigitGroups, laterMalformation, parseDigitGroups, toDigitGroups } from "./digitGroups.js";
import type { InstallationId } from "./installationId.js";
import { confirmationIdName, malformed } from "./malformation.js";

/**
 * Confirmation ID, version 1: 102 digits in 17 groups of six (five data digits and a Damm check digit each).
 * The 85 data digits are the version digit `1` and 84 decimal digits of N = terms · p + x, where x is the
 * x-coordinate of a BLS signature on BN254 (x < p ≈ 2^253.6) and terms (25 bits) are lease days (12), grace
 * days (9) and 4 reserved bits (0). The signature covers the installation ID's data digits, the version and
 * the terms, so a confirmation unlocks one installation ID — one license, product, machine and day — on the
 * terms it states, and nothing else.
 */
export const CONFIRMATION_ID_VERSION = 1;
export const CONFIRMATION_ID_GROUPS = 17;
export const CONFIRMATION_ID_DIGITS = CONFIRMATION_ID_GROUPS * 6;
const PAYLOAD_DIGITS = 84;
const TERM_WIDTHS = [12, 9, 4] as const;
const TERM_LIMIT = 1n << 25n;

/** Lease days meaning "no end before the license's own": the largest 12-bit value. */
export const LEASE_DAYS_UNLIMITED = 4095;
export const MAX_GRACE_DAYS = 511;

/** What a confirmation grants, counted from the installation ID's day. */
export interface ConfirmationTerms {
  /** Whole days from 00:00 UTC of the installation ID's day to the lease's end; 4095 for no end. */
  readonly leaseDays: number;
  /** Days the app keeps running after the lease ends (0 … 511). */
  readonly graceDays: number;
}

/** A confirmation ID, its terms and signature, and its forms. */
export interface ConfirmationId {
  readonly version: typeof CONFIRMATION_ID_VERSION;
  readonly terms: ConfirmationTerms;
  /** x-coordinate of the BLS signature. */
  readonly signature: bigint;
  readonly data: string;
  readonly groups: readonly string[];
  readonly text: string;
}

const packTerms = (t: ConfirmationTerms): bigint =>
  packFields(TERM_WIDTHS, [BigInt(t.leaseDays), BigInt(t.graceDays), 0n]);

/** The bytes a confirmation signs: a label, the installation ID's data digits, the version and the terms. */
const signedMessage = (installationData: string, terms: ConfirmationTerms): Uint8Array =>
  Buffer.concat([
    Buffer.from(`ninsho/confirmation-id/v1\0${installationData}\0${CONFIRMATION_ID_VERSION}`, "ascii"),
    toBytes(packTerms(terms), 4),
  ]);

/**
 * Write a confirmation ID from its terms and signature x-coordinate (no signing: see `issueConfirmationId`).
 * @example
 * encodeConfirmationId({ leaseDays: 30, graceDays: 14 }, x).groups.length; // 17
 */
export const encodeConfirmationId = (terms: ConfirmationTerms, signature: bigint): ConfirmationId => {
  const data = `${CONFIRMATION_ID_VERSION}${toDecimal(packTerms(terms) * BN254_P + signature, PAYLOAD_DIGITS)}`;
  const groups = toDigitGroups(data);
  return {
    version: CONFIRMATION_ID_VERSION,
    terms,
    signature,
    data,
    groups,
    text: formatDigitGroups(groups),
  };
};

/**
 * Sign the confirmation of an installation ID with a product's offline secret key (hex scalar).
 * @example
 * issueConfirmationId(secretKey, iid, { leaseDays: 30, graceDays: 14 }).text; // 17 groups of six digits
 */
export function issueConfirmationId(
  secretKeyHex: string,
  installationId: Pick<InstallationId, "data">,
  terms: ConfirmationTerms,
): ConfirmationId {
  if (!Number.isInteger(terms.leaseDays) || terms.leaseDays < 0 || terms.leaseDays > LEASE_DAYS_UNLIMITED)
    throw new RangeError("leaseDays out of range");
  if (!Number.isInteger(terms.graceDays) || terms.graceDays < 0 || terms.graceDays > MAX_GRACE_DAYS)
    throw new RangeError("graceDays out of range");
  return encodeConfirmationId(terms, blsSignX(secretKeyHex, signedMessage(installationId.data, terms)));
}

/**
 * Read a confirmation ID as a person typed it; a typo is named by its group. The signature is not checked
 * here (see `verifyConfirmationId`).
 * @example
 * parseConfirmationId(typed); // { ok: false, error: { code: "CONFIRMATION_ID_MALFORMED", … } } on a typo
 */
export function parseConfirmationId(input: string): Result<ConfirmationId> {
  const parsed = parseDigitGroups(input, CONFIRMATION_ID_GROUPS);
  if (!parsed.ok)
    return { ok: false, error: malformed("CONFIRMATION_ID_MALFORMED", parsed.error, confirmationIdName) };
  const data = parsed.value;
  const refuse = (kind: "version" | "range") => ({
    ok: false as const,
    error: malformed(
      "CONFIRMATION_ID_MALFORMED",
      laterMalformation(kind, [1], CONFIRMATION_ID_GROUPS),
      confirmationIdName,
    ),
  });
  if (data[0] !== String(CONFIRMATION_ID_VERSION)) return refuse("version");
  const n = BigInt(data.slice(1));
  const packed = n / BN254_P;
  const terms = packed < TERM_LIMIT ? unpackFields(TERM_WIDTHS, packed) : undefined;
  if (terms?.[2] !== 0n) return refuse("range");
  return ok(encodeConfirmationId({ leaseDays: Number(terms[0]), graceDays: Number(terms[1]) }, n % BN254_P));
}

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
 * offline public key alone. A typo is named by its group (CONFIRMATION_ID_MALFORMED); a confirmation for
 * another installation ID, device, product or key, or altered in any way, is CONFIRMATION_INVALID.
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
  const key = typeof input.publicKey === "string" ? decodeOfflinePublicKey(input.publicKey) : input.publicKey;
  const message = signedMessage(input.installationId.data, parsed.value.terms);
  if (!key || !blsVerifyX(key, message, parsed.value.signature)) return fail("CONFIRMATION_INVALID");
  return ok(grantOf(parsed.value.terms, input.installationId.day));
}
