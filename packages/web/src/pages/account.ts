import type { Words } from "../words/index.js";

/** The addresses the server's mails (`accountLink`) and `ninsho device activate --account` send people to. */
export const ACCOUNT_PATHS = ["/account/verify", "/account/reset", "/device"] as const;
export type AccountPath = (typeof ACCOUNT_PATHS)[number];

/**
 * The title of an account page.
 * @example
 * accountTitle("/device", wordsFor("en")); // "Approve a device"
 */
export function accountTitle(path: AccountPath, words: Words): string {
  if (path === "/account/verify") return words.account.verifyTitle;
  if (path === "/account/reset") return words.account.resetTitle;
  return words.account.deviceTitle;
}
