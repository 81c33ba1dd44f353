import type { Locale } from "../i18n/locale.js";

/**
 * An end user's account: an email address and a password, optionally a second factor. It owns the licenses
 * linked to it by key and, once its address is verified, the licenses the vendor sold to that address.
 */
export interface Account {
  readonly id: string;
  /** Normalised (`normalizeEmail`); kept to send mail to, never logged. */
  readonly email: string;
  /** The language its mails are written in. */
  readonly language: Locale;
  readonly createdAt: string;
  /** When the owner proved the address is theirs (a verification or reset link); absent until then. */
  readonly emailVerifiedAt?: string;
  /** When the password was last set: the sign-in counters start over from it, so a reset unlocks. */
  readonly passwordChangedAt: string;
  /** When the TOTP second factor was turned on; absent when off. */
  readonly totpEnabledAt?: string;
}

/**
 * An address as accounts and licenses keep it: trimmed, Unicode NFC, lower case. Mail providers treat the local
 * part without regard to case, and the vendor's `ownerEmail` is compared with it.
 * @example
 * normalizeEmail("  Aiko@Example.JP "); // "aiko@example.jp"
 */
export const normalizeEmail = (email: string): string => email.trim().normalize("NFC").toLowerCase();
