import { hkdfSync } from "node:crypto";
import { DEFAULT_SCRYPT_COST, defaultSignInLimits, type ScryptCost, type SignInLimits } from "@ninsho/core";
import type { Mailer } from "./mail/mailer.js";

/** How end-user accounts behave on this server, apart from the store. */
export interface AccountSettings {
  /**
   * Where users reach this server (e.g. `https://activate.example.com`): mailed links point there, never at a
   * request's Host header (which an attacker sets when asking for a reset link), and it is an origin the CSRF
   * check accepts. A `https:` URL makes session cookies `Secure`.
   */
  readonly publicUrl: string;
  readonly mailer: Mailer;
  /** Keys derived from the master key for accounts (see `accountKeys`). */
  readonly keys: AccountKeys;
  /** The cost of new password hashes (default `DEFAULT_SCRYPT_COST`). */
  readonly scryptCost: ScryptCost;
  readonly signInLimits: SignInLimits;
}

/** Secrets of the accounts, each derived from the master key for one purpose. */
export interface AccountKeys {
  /**
   * Mixed into every password before scrypt (a "pepper"): a stolen database without the master key cannot be
   * used to guess even a weak password offline.
   */
  readonly passwordPepper: Buffer;
  /** HMAC key of the digests of recovery codes and of the emails that name sign-in counters. */
  readonly digests: Buffer;
}

/**
 * The account keys of a master key.
 * @example
 * const keys = accountKeys(masterKey);
 */
export function accountKeys(masterKey: Buffer): AccountKeys {
  const derive = (purpose: string) => Buffer.from(hkdfSync("sha256", masterKey, "ninsho", purpose, 32));
  return { passwordPepper: derive("account-password-pepper/v1"), digests: derive("account-digests/v1") };
}

/** What `buildDeps` takes about accounts; everything has a default. */
export interface AccountOptions {
  readonly publicUrl?: string;
  readonly mailer?: Mailer;
  readonly scryptCost?: ScryptCost;
  readonly signInLimits?: SignInLimits;
}

export const accountDefaults = {
  publicUrl: "http://localhost:8080",
  scryptCost: DEFAULT_SCRYPT_COST,
  signInLimits: defaultSignInLimits,
} as const;
