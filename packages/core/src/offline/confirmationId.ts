import { ok, type Result } from "../result.js";
import { packFields, toBytes, toDecimal, unpackFields } from "./bits.js";
import { BN254_P, blsSignX } from "./bn254.js";
import {
  formatDigitGroups,
  laterMalformation,
  parseDigitGroups,
  toDigitGroups,
  typedGroups,
} from "./digitGroups.js";
import type { InstallationId } from "./installationId.js";
import { confirmationIdName, malformed } from "./malformation.js";
import { PHONE_FEATURE_SLOTS } from "./phoneFeatures.js";

/**
 * Confirmation ID, version 2 (issued now): 108 digits in 18 groups of six (five data digits and a Damm check
 * digit each). The 90 data digits are the version digit `2` and 89 decimal digits of N = terms · p + x, where x
 * is the x-coordinate of a BLS signature on BN254 (x < p ≈ 2^253.6) and terms (42 bits: 2^42 · p < 10^89) are
 * lease days (12), grace days (9), the phone feature bitmap (20, see `phoneFeatures.ts`) and one bit saying the
 * license has entitlements the bitmap withholds. The signature covers the installation ID's data digits, the
 * version and the terms, so a confirmation unlocks one installation ID — one license, product, machine and day
 * — on the terms and with the features it states, and nothing else: a digit changed to add a feature bit
 * breaks the signature.
 *
 * Version 1 (issued before entitlements crossed the phone): 102 digits in 17 groups; version digit `1`, 84
 * digits, terms of 25 bits (lease 12, grace 9, 4 reserved zero bits). It still verifies and grants no features.
 */
export const CONFIRMATION_ID_VERSION = 2;
export const CONFIRMATION_ID_GROUPS = 18;
export const CONFIRMATION_ID_DIGITS = CONFIRMATION_ID_GROUPS * 6;

/** How each version lays out its digits and terms. */
const LAYOUTS = {
  1: { groups: 17, payloadDigits: 84, widths: [12, 9, 4], termBytes: 4 },
  2: { groups: 18, payloadDigits: 89, widths: [12, 9, PHONE_FEATURE_SLOTS, 1], termBytes: 6 },
} as const;
export type ConfirmationIdVersion = keyof typeof LAYOUTS;

/** Lease days meaning "no end before the license's own": the largest 12-bit value. */
export const LEASE_DAYS_UNLIMITED = 4095;
export const MAX_GRACE_DAYS = 511;

/** What a confirmation grants, counted from the installation ID's day. */
export interface ConfirmationTerms {
  /** Whole days from 00:00 UTC of the installation ID's day to the lease's end; 4095 for no end. */
  readonly leaseDays: number;
  /** Days the app keeps running after the lease ends (0 … 511). */
  readonly graceDays: number;
  /** Bit i grants feature i of the product's phone feature list (version 2; none on version 1). */
  readonly features?: number;
  /** True when the license has entitlements this confirmation does not carry (version 2). */
  readonly featuresWithheld?: boolean;
}

/** A confirmation ID, its terms (every field filled in) and signature, and its forms. */
export interface ConfirmationId {
  readonly version: ConfirmationIdVersion;
  readonly terms: Required<ConfirmationTerms>;
  /** x-coordinate of the BLS signature. */
  readonly signature: bigint;
  readonly data: string;
  readonly groups: readonly string[];
  readonly text: string;
}

const filled = (t: ConfirmationTerms): Required<ConfirmationTerms> => ({
  leaseDays: t.leaseDays,
  graceDays: t.graceDays,
  features: t.features ?? 0,
  featuresWithheld: t.featuresWithheld ?? false,
});

function packTerms(version: ConfirmationIdVersion, t: ConfirmationTerms): bigint {
  const { leaseDays, graceDays, features, featuresWithheld } = filled(t);
  if (version === 1) {
    if (features !== 0 || featuresWithheld) throw new RangeError("version 1 carries no features");
    return packFields(LAYOUTS[1].widths, [BigInt(leaseDays), BigInt(graceDays), 0n]);
  }
  const values = [BigInt(leaseDays), BigInt(graceDays), BigInt(features), featuresWithheld ? 1n : 0n];
  return packFields(LAYOUTS[2].widths, values);
}

/**
 * The bytes a confirmation signs: a label naming the version, the installation ID's data digits, the version
 * and the packed terms.
 * @example
 * confirmationMessage(iid.data, 2, { leaseDays: 30, graceDays: 14, features: 1 }).length; // 72
 */
export const confirmationMessage = (
  installationData: string,
  version: ConfirmationIdVersion,
  terms: ConfirmationTerms,
): Uint8Array =>
  Buffer.concat([
    Buffer.from(`ninsho/confirmation-id/v${version}\0${installationData}\0${version}`, "ascii"),
    toBytes(packTerms(version, terms), LAYOUTS[version].termBytes),
  ]);

/**
 * Write a confirmation ID from its terms and signature x-coordinate (no signing: see `issueConfirmationId`).
 * @example
 * encodeConfirmationId({ leaseDays: 30, graceDays: 14, features: 0b1 }, x).groups.length; // 18
 */
export const encodeConfirmationId = (
  terms: ConfirmationTerms,
  signature: bigint,
  version: ConfirmationIdVersion = CONFIRMATION_ID_VERSION,
): ConfirmationId => {
  const { payloadDigits } = LAYOUTS[version];
  const data = `${version}${toDecimal(packTerms(version, terms) * BN254_P + signature, payloadDigits)}`;
  const groups = toDigitGroups(data);
  return { version, terms: filled(terms), signature, data, groups, text: formatDigitGroups(groups) };
};

/**
 * Sign the confirmation of an installation ID with a product's offline secret key (hex scalar), in the current
 * version (features need version 2; version 1 is here only to show that old confirmations still verify).
 * @example
 * issueConfirmationId(secretKey, iid, { leaseDays: 30, graceDays: 14, features: 0b1 }).text; // 18 groups
 */
export function issueConfirmationId(
  secretKeyHex: string,
  installationId: Pick<InstallationId, "data">,
  terms: ConfirmationTerms,
  version: ConfirmationIdVersion = CONFIRMATION_ID_VERSION,
): ConfirmationId {
  const t = filled(terms);
  if (!Number.isInteger(t.leaseDays) || t.leaseDays < 0 || t.leaseDays > LEASE_DAYS_UNLIMITED)
    throw new RangeError("leaseDays out of range");
  if (!Number.isInteger(t.graceDays) || t.graceDays < 0 || t.graceDays > MAX_GRACE_DAYS)
    throw new RangeError("graceDays out of range");
  if (!Number.isInteger(t.features) || t.features < 0 || t.features >= 2 ** PHONE_FEATURE_SLOTS)
    throw new RangeError("features out of range");
  const message = confirmationMessage(installationId.data, version, t);
  return encodeConfirmationId(t, blsSignX(secretKeyHex, message), version);
}

/**
 * Read a confirmation ID as a person typed it, of either version (17 groups for version 1, 18 for version 2);
 * a typo is named by its group. The signature is not checked here (see `verifyConfirmationId`).
 * @example
 * parseConfirmationId(typed); // { ok: false, error: { code: "CONFIRMATION_ID_MALFORMED", … } } on a typo
 */
export function parseConfirmationId(input: string): Result<ConfirmationId> {
  const typed = typedGroups(input);
  const v1 = LAYOUTS[1];
  // An old code is read as one only when it was typed whole: 102 digits, or 17 groups apart.
  const version: ConfirmationIdVersion =
    typed.length === v1.groups * 6 || typed.groups === v1.groups ? 1 : CONFIRMATION_ID_VERSION;
  const { groups: expected, payloadDigits, widths } = LAYOUTS[version];
  const parsed = parseDigitGroups(input, expected);
  if (!parsed.ok)
    return { ok: false, error: malformed("CONFIRMATION_ID_MALFORMED", parsed.error, confirmationIdName) };
  const data = parsed.value;
  const refuse = (kind: "version" | "range") => ({
    ok: false as const,
    error: malformed("CONFIRMATION_ID_MALFORMED", laterMalformation(kind, [1], expected), confirmationIdName),
  });
  // 17 whole groups of a current code: a group was left out, not a version 1 code.
  if (version === 1 && data[0] === String(CONFIRMATION_ID_VERSION)) {
    const short = { ...laterMalformation("range", [], CONFIRMATION_ID_GROUPS), kind: "length" as const };
    const m = { ...short, length: typed.length };
    return { ok: false, error: malformed("CONFIRMATION_ID_MALFORMED", m, confirmationIdName) };
  }
  if (data[0] !== String(version) || data.length !== payloadDigits + 1) return refuse("version");
  const n = BigInt(data.slice(1));
  const fields = unpackFields(widths, n / BN254_P);
  if (fields === undefined || (version === 1 && fields[2] !== 0n)) return refuse("range");
  const [leaseDays = 0n, graceDays = 0n, features = 0n, withheld = 0n] =
    version === 1 ? fields.slice(0, 2) : fields;
  const terms = {
    leaseDays: Number(leaseDays),
    graceDays: Number(graceDays),
    features: Number(features),
    featuresWithheld: withheld === 1n,
  };
  return ok(encodeConfirmationId(terms, n % BN254_P, version));
}
