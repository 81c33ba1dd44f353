import type { SdkMessageKey } from "./en.js";

/** The SDK's own sentences in Japanese: every key of the English, and no other (else it fails to compile). */
export const ja: Readonly<Record<SdkMessageKey, string>> = {
  "keySource.installed": "入力されたキー（installKey）",
  "keySource.file": "ファイル {path}",
  "keySource.env": "環境変数 {name}",
  "keySource.registry": "レジストリ {key} の値 {value}",
  "duration.day": "{n} 日",
  "duration.hour": "{n} 時間",
  "duration.minute": "{n} 分",
  "duration.second": "{n} 秒",
  "lease.active":
    "リースの署名を確認しました。{leaseUntil} まで有効で、その後 {graceUntil} まで猶予期間があります（残り {left}）。",
  "lease.grace":
    "リースは {leaseUntil} に期限切れになりました。猶予期間で {graceUntil} まで動作します（残り {left}）。",
  "verdict.signed": "サーバーの署名付き判定（{at}）: {message}",
  "phone.noEnd": "電話認証の確認 ID を製品のオフライン鍵で確認しました。期限はありません。",
  "phone.active":
    "電話認証の確認 ID を製品のオフライン鍵で確認しました。{leaseUntil} まで有効で、その後 {graceUntil} まで猶予期間があります（残り {left}）。",
  "phone.grace":
    "電話認証の期間は {leaseUntil} に終わりました。猶予期間で {graceUntil} まで動作します（残り {left}）。",
};
