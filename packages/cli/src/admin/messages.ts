import type { Locale } from "@ninsho/core";
import { cliText } from "../i18n/index.js";

/**
 * The admin CLI's own sentences: the labels of a reported problem and the summaries of commands. Problems
 * themselves, the API's and the CLI's own, are worded by the core catalogue (`describe()`). The words are the
 * ICU messages of `src/i18n` (`admin.*`), where a key missing in either language fails to compile.
 * @example
 * const m: Messages = messagesFor("ja");
 */
export interface Messages {
  readonly error: string;
  readonly remedy: string;
  readonly docs: string;
  readonly created: (kind: "product" | "policy", id: string) => string;
  readonly licenseNow: (id: string, state: string) => string;
  readonly deviceDeactivated: (id: string) => string;
  readonly tokenShownOnce: string;
  readonly tokenRevoked: (id: string) => string;
  readonly supportRequestResolved: (id: string, licenseId: string) => string;
  readonly whoami: (tokenId: string, role: string) => string;
  readonly keysProgress: (done: string, total: string, percent: number) => string;
  readonly keysDone: (count: string, seconds: string, out: string) => string;
  readonly morePages: (after: string) => string;
  readonly keyRotated: (kid: string, from: string, retired: readonly string[]) => string;
}

/**
 * The CLI's sentences in a locale.
 * @example
 * messagesFor("en").remedy; // "What to do"
 */
export function messagesFor(locale: Locale): Messages {
  const t = cliText(locale);
  return {
    error: t("admin.error"),
    remedy: t("admin.remedy"),
    docs: t("admin.docs"),
    created: (kind, id) => t("admin.created", { kind, id }),
    licenseNow: (id, state) => t("admin.licenseNow", { id, state }),
    deviceDeactivated: (id) => t("admin.deviceDeactivated", { id }),
    tokenShownOnce: t("admin.tokenShownOnce"),
    tokenRevoked: (id) => t("admin.tokenRevoked", { id }),
    supportRequestResolved: (id, licenseId) => t("admin.supportRequestResolved", { id, licenseId }),
    whoami: (tokenId, role) => t("admin.whoami", { tokenId, role }),
    keysProgress: (done, total, percent) => t("admin.keysProgress", { done, total, percent }),
    keysDone: (count, seconds, out) => t("admin.keysDone", { count, seconds, out }),
    morePages: (after) => t("admin.morePages", { after }),
    keyRotated: (kid, from, retired) =>
      t("admin.keyRotated", { kid, from, retired, retiredCount: retired.length }),
  };
}
