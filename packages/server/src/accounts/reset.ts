import { fail, normalizeEmail, ok, passwordProblem, type Result, tokenUsable } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import { overHourlyLimit, type Refusal, throttled } from "./counters.js";
import { accountLink, sendAccountMail } from "./mail/send.js";
import { hashPassword } from "./passwords.js";
import { newAccountToken, tokenDigest } from "./secrets.js";
import { expiry } from "./signUp.js";

/** Reset requests one client may make per hour. */
const RESETS_PER_HOUR = 20;

/**
 * Mail a password reset link (one hour, one use; older links stop working) if the email has an account. The
 * answer is the same whether it has one or not.
 * @example
 * await requestReset(deps, "aiko@example.jp", c.get("clientSource"));
 */
export async function requestReset(
  deps: ServerDeps,
  typedEmail: string,
  source: string,
): Promise<Result<{ email: string }, Refusal>> {
  const email = normalizeEmail(typedEmail);
  const retryAfter = await overHourlyLimit(deps, "rs", source, RESETS_PER_HOUR);
  if (retryAfter !== undefined) return { ok: false, error: throttled(retryAfter) };
  const account = await deps.store.accounts.findByEmail(email);
  if (account) {
    const now = deps.clock();
    const token = newAccountToken();
    await deps.store.transaction(async (tx) => {
      await tx.accountTokens.voidAll(account.id, "reset", now.toISOString());
      await tx.accountTokens.insert({
        digest: tokenDigest(token),
        accountId: account.id,
        purpose: "reset",
        createdAt: now.toISOString(),
        ...expiry("reset", now),
      });
    });
    await sendAccountMail(deps, email, account.language, "reset", {
      link: accountLink(deps, "/account/reset", token),
    });
  }
  return ok({ email });
}

/**
 * Set a new password with a reset link. The link proves the mailbox is the owner's, so it also verifies the
 * email, unlocks the account (its sign-in counter starts over) and ends every session. A password the policy
 * refuses leaves the link usable for a better one.
 * @example
 * const done = await confirmReset(deps, body.token, body.password);
 */
export async function confirmReset(deps: ServerDeps, token: string, password: string): Promise<Result<void>> {
  const digest = tokenDigest(token);
  const now = deps.clock();
  const found = await deps.store.accountTokens.find(digest, "reset");
  if (!found || !tokenUsable(found, now)) return fail("LINK_EXPIRED");
  const account = await deps.store.accounts.findById(found.accountId);
  if (!account) return fail("LINK_EXPIRED");
  const weak = passwordProblem(password, account.email);
  if (weak) return { ok: false, error: weak };
  const passwordHash = await hashPassword(
    deps.accounts.keys.passwordPepper,
    password,
    deps.accounts.scryptCost,
  );
  const at = deps.clock().toISOString();
  const done = await deps.store.transaction(async (tx) => {
    if ((await tx.accountTokens.use(digest, "reset", at)) !== account.id) return false;
    await tx.accounts.update(account.id, {
      passwordHash,
      passwordChangedAt: at,
      ...(account.emailVerifiedAt === undefined ? { emailVerifiedAt: at } : {}),
    });
    await tx.accountTokens.deleteSessionsOf(account.id);
    await tx.accountTokens.voidAll(account.id, "challenge", at);
    return true;
  });
  return done ? ok(undefined) : fail("LINK_EXPIRED");
}
