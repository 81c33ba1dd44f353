import type { Locale } from "@ninsho/core";

/**
 * The sentences of the offline device commands (installation-id, confirm, request-file, install-file).
 * Both languages implement this interface, so a missing sentence fails to compile.
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

const en: OfflineMessages = {
  iidHeading: (date) => `Installation ID of this machine (made on ${date}):`,
  group: (n) => `group ${n}`,
  iidNext: (productId) =>
    `Read it group by group to the phone-activation page or to support (product ${productId}), then type the confirmation ID you get: ninsho device confirm <confirmation ID>`,
  qrHint: (url) => `Or scan the code with a phone: it opens ${url}`,
  offlineKeyHint:
    "A machine that never reaches the server needs the product's offline key: pass --offline-key (the JSON of GET /v1/products/{id}/offline-key, inline or a file) or set NINSHO_OFFLINE_KEY.",
  confirmed: (leaseUntil, graceUntil, left) =>
    `Confirmed by phone: this machine may run until ${leaseUntil}, then on grace until ${graceUntil} (${left} left).`,
  confirmedForever: "Confirmed by phone: this machine may run with no end date.",
  confirmationKept:
    "The confirmation is genuine, but the one installed before runs longer: that one stays in effect.",
  requestWritten: (path, sealed) => {
    const wrote =
      path === undefined ? "Wrote the request file to standard output" : `Wrote the request file ${path}`;
    return sealed
      ? `${wrote}; its license file will be sealed to this machine (its key stays in the state folder).`
      : `${wrote} (its license file will not be sealed).`;
  },
  requestNext:
    "Take it to the vendor's portal (or POST it to /v1/offline/license-files), bring back the license file, then: ninsho device install-file <license file>",
  fileInstalled: (deviceId, licenseId, sealed) =>
    `Installed the license file${sealed ? " (sealed to this machine)" : ""}: this machine is device ${deviceId} on license ${licenseId}.`,
};

const ja: OfflineMessages = {
  iidHeading: (date) => `このマシンのインストール ID（${date} 作成）:`,
  group: (n) => `グループ ${n}`,
  iidNext: (productId) =>
    `電話認証ページまたはサポートにグループごとに読み上げ（製品 ${productId}）、受け取った確認 ID を入力してください: ninsho device confirm <確認 ID>`,
  qrHint: (url) => `またはスマートフォンでコードを読み取ってください: ${url} が開きます`,
  offlineKeyHint:
    "サーバーに接続しないマシンには製品のオフライン鍵が必要です。--offline-key（GET /v1/products/{id}/offline-key の JSON、値またはファイル）を指定するか NINSHO_OFFLINE_KEY を設定してください。",
  confirmed: (leaseUntil, graceUntil, left) =>
    `電話認証を確認しました: このマシンは ${leaseUntil} まで動作し、その後 ${graceUntil} まで猶予期間があります（残り ${left}）。`,
  confirmedForever: "電話認証を確認しました: このマシンは期限なく動作します。",
  confirmationKept:
    "確認 ID は正規のものですが、先にインストールした確認の方が長く有効なため、そちらが引き続き使われます。",
  requestWritten: (path, sealed) => {
    const wrote =
      path === undefined ? "要求ファイルを標準出力に書き出しました" : `要求ファイル ${path} を書き出しました`;
    return sealed
      ? `${wrote}。ライセンスファイルはこのマシン宛てに暗号化されます（鍵は状態フォルダーに保存されています）。`
      : `${wrote}（ライセンスファイルは暗号化されません）。`;
  },
  requestNext:
    "ベンダーのポータルに持ち込み（または /v1/offline/license-files に POST し）、受け取ったライセンスファイルで次を実行してください: ninsho device install-file <ライセンスファイル>",
  fileInstalled: (deviceId, licenseId, sealed) =>
    `ライセンスファイルをインストールしました${sealed ? "（このマシン宛てに暗号化）" : ""}: このマシンはライセンス ${licenseId} のデバイス ${deviceId} です。`,
};

/**
 * The offline commands' sentences in a locale.
 * @example
 * offlineMessagesFor("ja").group(3); // "グループ 3"
 */
export const offlineMessagesFor = (locale: Locale): OfflineMessages => (locale === "ja" ? ja : en);
