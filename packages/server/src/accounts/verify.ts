import { fail, ok, type Result } from "@ninsho/core";
import type { AccountRecord } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { accountLink, sendAccountMail } from "./mail/send.js";
import { newAccountToken, tokenDigest } from "./secrets.js";
import { expiry } from "./signUp.js";

/**
 * Use a verification link: the account's email counts as its owner's from now on, so the licenses the vendor
 * sold to that address become the account's. A link works once, until it expires (LINK_EXPIRED otherwise).
 * @example
 * const verified = await verifyEmail(deps, body.token);
 */
export async function verifyEmail(deps: ServerDeps, token: string): Promise<Result<{ accountId: string }>> {
  const at = deps.clock().toISOString();
  const accountId = await deps.store.transaction(async (tx) => {
    const id = await tx.accountTokens.use(tokenDigest(token), "verify", at);
    if (id === undefined) return undefined;
    const account = await tx.accounts.findById(id);
    if (account && account.emailVerifiedAt === undefined)
      await tx.accounts.update(id, { emailVerifiedAt: at });
    return id;
  });
  return accountId === undefined ? fail("LINK_EXPIRED") : ok({ accountId });
}

/**
 * Mail a new verification link to a signed-in account whose email is not verified yet (older links stop working).
 * @example
 * await resendVerification(deps, account);
 */
export async function resendVerification(deps: ServerDeps, account: AccountRecord): Promise<void> {
  if (account.emailVerifiedAt !== undefined) return;
  const now = deps.clock();
  const token = newAccountToken();
  await deps.store.transaction(async (tx) => {
    await tx.accountTokens.voidAll(account.id, "verify", now.toISOString());
    await tx.accountTokens.insert({
      digest: tokenDigest(token),
      accountId: account.id,
      purpose: "verify",
      createdAt: now.toISOString(),
      ...expiry("verify", now),
    });
  });
  await sendAccountMail(deps, account.email, account.language, "verify", {
    link: accountLink(deps, "/account/verify", token),
  });
}
