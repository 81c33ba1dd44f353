import { fail, normalizeEmail, ok, type Problem, type Result } from "@ninsho/core";
import type { AccountRecord } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { countSignInAttempt, type Refusal, readableInstant } from "./counters.js";
import { accountLink, sendAccountMail } from "./mail/send.js";
import { burnVerification, hashPassword, verifyPassword } from "./passwords.js";
import { newAccountToken, tokenDigest } from "./secrets.js";
import { expiry } from "./signUp.js";

/** What a right password leads to: a session, or first the second factor. */
export type SignInStep =
  | { readonly kind: "signed_in"; readonly account: AccountRecord }
  | { readonly kind: "totp_required"; readonly challenge: string; readonly expiresAt: string };

/** A refusal, and how long to wait when it is a lock or a throttle. */
export type SignInRefusal = Refusal;

/**
 * Check an email and password under the sign-in limits: the attempt is counted first (consume, then decide),
 * refused when the account is locked (its owner is mailed how to get back in, once) or the client throttled,
 * and only then is the password checked. A wrong password and an unknown email are the same INVALID_CREDENTIALS
 * after the same work. A right password gives the attempt back; with a second factor on it leads to a
 * five-minute challenge instead of a session.
 * @example
 * const step = await signIn(deps, body.email, body.password, c.get("clientSource"));
 */
export async function signIn(
  deps: ServerDeps,
  typedEmail: string,
  password: string,
  source: string,
): Promise<Result<SignInStep, SignInRefusal>> {
  const email = normalizeEmail(typedEmail);
  const { keys, scryptCost } = deps.accounts;
  const account = await deps.store.accounts.findByEmail(email);
  const attempt = await countSignInAttempt(deps, email, account, source);
  if (attempt.refusal) {
    if (attempt.justLocked && account) await mailLocked(deps, account, attempt.refusal);
    return { ok: false, error: { ...attempt.refusal, ...retry(attempt.retryAfter) } };
  }
  if (!account) {
    await burnVerification(keys.passwordPepper, password, scryptCost);
    return fail("INVALID_CREDENTIALS");
  }
  const check = await verifyPassword(keys.passwordPepper, password, account.passwordHash, scryptCost);
  if (!check.ok) return fail("INVALID_CREDENTIALS");
  await attempt.refund();
  if (check.rehash) {
    const passwordHash = await hashPassword(keys.passwordPepper, password, scryptCost);
    await deps.store.accounts.update(account.id, { passwordHash });
  }
  if (account.totpEnabledAt === undefined) return ok({ kind: "signed_in", account });
  const challenge = newAccountToken();
  const now = deps.clock();
  const ends = expiry("challenge", now);
  await deps.store.accountTokens.insert({
    digest: tokenDigest(challenge),
    accountId: account.id,
    purpose: "challenge",
    createdAt: now.toISOString(),
    ...ends,
  });
  return ok({ kind: "totp_required", challenge, expiresAt: ends.expiresAt ?? now.toISOString() });
}

const retry = (seconds: number | undefined) => (seconds === undefined ? {} : { retryAfter: seconds });

async function mailLocked(deps: ServerDeps, account: AccountRecord, refusal: Problem): Promise<void> {
  const until = refusal.params?.until;
  await sendAccountMail(deps, account.email, account.language, "locked", {
    link: accountLink(deps, "/account/reset"),
    until: typeof until === "string" ? until : readableInstant(deps.clock().getTime()),
  });
}
