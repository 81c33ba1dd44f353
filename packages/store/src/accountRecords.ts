/**
 * The records of end-user accounts as the store keeps them: the domain's `Account` plus what only the server
 * reads (the password hash, the sealed TOTP secret), one-time tokens and sessions by digest, license links and
 * the mail outbox.
 */
import type { Account, AccountTokenPurpose, Locale } from "@ninsho/core";

/** An account with its secrets as stored: a scrypt hash, and the TOTP secret sealed under the master key. */
export interface AccountRecord extends Account {
  /** `$scrypt$…` (see core's `formatPasswordHash`). */
  readonly passwordHash: string;
  /** The confirmed TOTP secret, sealed (`seal(…, accountId)`); absent when two-step sign-in is off. */
  readonly totpSecretSealed?: string;
  /** A secret shown for set-up and not confirmed yet, sealed. */
  readonly totpPendingSealed?: string;
  /** The last TOTP step used to sign in: a code is never accepted twice. */
  readonly totpLastStep?: number;
}

/** Fields that change on an account; `null` clears an optional one. */
export interface AccountPatch {
  readonly passwordHash?: string;
  readonly passwordChangedAt?: string;
  readonly emailVerifiedAt?: string;
  readonly language?: Locale;
  readonly totpSecretSealed?: string | null;
  readonly totpPendingSealed?: string | null;
  readonly totpEnabledAt?: string | null;
}

/** A one-time token (verification, reset, sign-in challenge, recovery code), kept by digest only. */
export interface AccountTokenRecord {
  /** SHA-256 (or keyed HMAC) of the token; the token itself is mailed or shown once and never kept. */
  readonly digest: string;
  readonly accountId: string;
  readonly purpose: AccountTokenPurpose;
  readonly createdAt: string;
  /** Absent: good until used (recovery codes). */
  readonly expiresAt?: string;
  readonly usedAt?: string;
}

/** A signed-in session, kept by the digest of the cookie's token. */
export interface SessionRecord {
  readonly digest: string;
  readonly accountId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** How a license came to an account. */
export type LicenseLinkVia = "key" | "email";

/** A license linked to an account explicitly (by its key); one account per license. */
export interface LicenseLink {
  readonly licenseId: string;
  readonly accountId: string;
  readonly via: LicenseLinkVia;
  readonly linkedAt: string;
}

/**
 * A mail kept for the operator to read (`ninsho outbox`) when no SMTP server is configured. Its subject and body
 * carry links with one-time tokens, so they are sealed under the master key: a stolen database reads none.
 */
export interface OutboxMail {
  readonly id: string;
  readonly to: string;
  /** What the mail is (`verify`, `reset`, …), in the clear for listing. */
  readonly template: string;
  readonly language: Locale;
  /** JSON `{subject, text}` sealed with `seal(…, id)`. */
  readonly sealedMessage: string;
  readonly createdAt: string;
}

/** Where a device-code sign-in stands (RFC 8628's flow): asked, approved by a signed-in owner, or handed out. */
export type DeviceCodeStatus = "pending" | "approved" | "used";

/**
 * A device-code sign-in: a device asks for a code, its owner signs in elsewhere and approves it for one of their
 * licenses, and the device collects that license's key once. Kept by the digest of the device's secret code.
 */
export interface DeviceCodeRecord {
  /** SHA-256 of the device code (256 random bits the device holds). */
  readonly digest: string;
  /** The short code the user types, e.g. `BCDF-GHJK`. */
  readonly userCode: string;
  readonly productId: string;
  readonly status: DeviceCodeStatus;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly accountId?: string;
  readonly licenseId?: string;
}
