import type { Locale } from "@ninsho/core";
import { cliText } from "../../i18n/index.js";

/**
 * The sentences of the offline device commands (installation-id, confirm, request-file, install-file): the
 * `offline.*` ICU messages of `src/i18n`, where a key missing in either language fails to compile.
 * @example
 * offlineMessagesFor("en").iidHeading("2026-11-21"); // "Installation ID of this machine (made on 2026-11-21):"
 */
export interface OfflineMessages {
  readonly iidHeading: (date: string) => string;
  readonly group: (n: number) => string;
  readonly iidNext: (productId: string) => string;
  readonly qrHint: (url: string) => string;
  readonly offlineKeyHint: string;
  readonly confirmed: (leaseUntil: string, graceUntil: string, left: string) => string;
  readonly confirmedForever: string;
  readonly confirmationKept: string;
  readonly requestWritten: (path: string | undefined, sealed: boolean) => string;
  readonly requestNext: string;
  readonly fileInstalled: (deviceId: string, licenseId: string, sealed: boolean) => string;
}

/**
 * The offline commands' sentences in a locale.
 * @example
 * offlineMessagesFor("ja").group(3); // "グループ 3"
 */
export function offlineMessagesFor(locale: Locale): OfflineMessages {
  const t = cliText(locale);
  const sealedOrNot = (sealed: boolean) => (sealed ? "yes" : "no");
  return {
    iidHeading: (date) => t("offline.iidHeading", { date }),
    group: (n) => t("offline.group", { n }),
    iidNext: (productId) => t("offline.iidNext", { productId }),
    qrHint: (url) => t("offline.qrHint", { url }),
    offlineKeyHint: t("offline.offlineKeyHint"),
    confirmed: (leaseUntil, graceUntil, left) => t("offline.confirmed", { leaseUntil, graceUntil, left }),
    confirmedForever: t("offline.confirmedForever"),
    confirmationKept: t("offline.confirmationKept"),
    requestWritten: (path, sealed) =>
      t("offline.requestWritten", {
        where: path === undefined ? "stdout" : "file",
        path: path ?? "",
        sealed: sealedOrNot(sealed),
      }),
    requestNext: t("offline.requestNext"),
    fileInstalled: (deviceId, licenseId, sealed) =>
      t("offline.fileInstalled", { deviceId, licenseId, sealed: sealedOrNot(sealed) }),
  };
}
