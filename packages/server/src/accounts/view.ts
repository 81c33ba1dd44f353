import type { AccountRecord } from "@ninsho/store";

/**
 * An account as its owner sees it: never its hash or sealed secrets.
 * @example
 * return c.json({ status: "signed_in", account: accountView(account) }, 200);
 */
export const accountView = (account: AccountRecord) => ({
  id: account.id,
  email: account.email,
  language: account.language,
  emailVerified: account.emailVerifiedAt !== undefined,
  totp: account.totpEnabledAt !== undefined,
  createdAt: account.createdAt,
});
