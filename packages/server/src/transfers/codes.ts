import { randomInt } from "node:crypto";
import { fail, type License, type Locale, ok, type Result, sameBytes } from "@ninsho/core";
import type { Repositories } from "@ninsho/store";
import { type Refusal, throttled } from "../accounts/counters.js";
import { accountLink, sendAccountMail } from "../accounts/mail/send.js";
import { keyedDigest } from "../accounts/secrets.js";
import type { ServerDeps } from "../deps.js";

/** How long a mailed code works, and how many wrong tries kill it: 5 guesses at 10^8 codes. */
export const TRANSFER_CODE_LIFETIME_MS = 15 * 60_000;
export const TRANSFER_CODE_TRIES = 5;
/** Codes one license may have mailed per hour: each voids the one before, so guesses never add up past 15. */
const CODES_PER_HOUR = 3;

/** Who proves a move of a license: the account it is linked to, the email the vendor sold it to, or no one. */
export type LicenseOwner =
  | { readonly kind: "account"; readonly email: string; readonly language: Locale }
  | { readonly kind: "email"; readonly email: string; readonly language: Locale }
  | { readonly kind: "none" };

/**
 * The owner of a license: a link by key to an account stands over the vendor's record of the buyer's email.
 * @example
 * const owner = await ownerOf(deps, license, "en");
 */
export async function ownerOf(deps: ServerDeps, license: License, fallback: Locale): Promise<LicenseOwner> {
  const link = await deps.store.accountLicenses.findByLicense(license.id);
  const linked = link && (await deps.store.accounts.findById(link.accountId));
  if (linked) return { kind: "account", email: linked.email, language: linked.language };
  if (license.ownerEmail === undefined) return { kind: "none" };
  const account = await deps.store.accounts.findByEmail(license.ownerEmail);
  return { kind: "email", email: license.ownerEmail, language: account?.language ?? fallback };
}

/** "a•••@example.jp": enough for the owner to know where to look, not an address to harvest. */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf("@");
  return at < 1 ? "•••" : `${email.slice(0, 1)}•••${email.slice(at)}`;
};

const digestOf = (deps: ServerDeps, licenseId: string, code: string) =>
  keyedDigest(deps.accounts.keys.digests, "transfer-code", `${licenseId}\n${code}`);

/** The code as typed: digits only (spaces and hyphens dropped). */
const canonical = (typed: string): string => typed.replace(/[\s-]/g, "");

/**
 * Mail a new transfer code to a license's owner (voiding the one before). No owner: TRANSFER_PROOF_REQUIRED
 * (link the license to an account first); past 3 codes an hour for the license: RATE_LIMITED.
 * @example
 * const sent = await sendTransferCode(deps, license, "ja");
 */
export async function sendTransferCode(
  deps: ServerDeps,
  license: License,
  locale: Locale,
): Promise<Result<{ to: string; expiresAt: string }, Refusal>> {
  const owner = await ownerOf(deps, license, locale);
  if (owner.kind === "none") return fail("TRANSFER_PROOF_REQUIRED");
  const now = deps.clock();
  const counted = await deps.store.rateLimits.consume(`tc:l:${license.id}`, 1, 3_600_000, now.getTime());
  if (counted.count > CODES_PER_HOUR)
    return { ok: false, error: throttled(Math.max(1, Math.ceil((counted.resetAt - now.getTime()) / 1000))) };
  const code = String(randomInt(100_000_000)).padStart(8, "0");
  const expiresAt = new Date(now.getTime() + TRANSFER_CODE_LIFETIME_MS).toISOString();
  await deps.store.transferCodes.put({
    licenseId: license.id,
    digest: digestOf(deps, license.id, code),
    attempts: 0,
    createdAt: now.toISOString(),
    expiresAt,
  });
  const link = accountLink(deps, "/account");
  await sendAccountMail(deps, owner.email, owner.language, "transfer-code", { link, code });
  return ok({ to: maskEmail(owner.email), expiresAt });
}

/**
 * Check a typed code in the transfer's transaction (which holds the license lock). A wrong code counts a try;
 * a code past its 15 minutes or its 5 tries is dead (TRANSFER_CODE_INVALID with no tries left). A right code is
 * used up only by the transfer that succeeds (`useTransferCode`).
 * @example
 * const checked = await checkTransferCode(deps, tx, license.id, "4821 3907");
 */
export async function checkTransferCode(
  deps: ServerDeps,
  tx: Repositories,
  licenseId: string,
  typed: string,
): Promise<Result<void>> {
  const stored = await tx.transferCodes.find(licenseId);
  const invalid = (attemptsLeft: number) => fail("TRANSFER_CODE_INVALID", { attemptsLeft }, { attemptsLeft });
  if (
    !stored ||
    Date.parse(stored.expiresAt) <= deps.clock().getTime() ||
    stored.attempts >= TRANSFER_CODE_TRIES
  )
    return invalid(0);
  if (sameBytes(stored.digest, digestOf(deps, licenseId, canonical(typed)))) return ok(undefined);
  const attempts = await tx.transferCodes.countWrong(licenseId);
  deps.logger.warn({ licenseId, attempts }, "wrong transfer code");
  return invalid(Math.max(0, TRANSFER_CODE_TRIES - attempts));
}
