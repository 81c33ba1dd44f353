import { formatMessage } from "../i18n/format.js";
import type { Locale } from "../i18n/locale.js";
import type { TimelineEntry } from "./timeline.js";

/**
 * The words of timeline entries by code, ICU messages over the entry's `params`. A code without words here
 * (added by a later change) is shown by its code: a line is never dropped for want of a sentence.
 */
export const timelineTexts: Readonly<Record<string, { readonly en: string; readonly ja: string }>> = {
  "license.created": { en: "License issued", ja: "ライセンスが発行されました" },
  "license.suspended": { en: "License suspended: {reason}", ja: "ライセンスが一時停止されました: {reason}" },
  "license.reinstated": { en: "License reinstated", ja: "ライセンスが再開されました" },
  "license.revoked": { en: "License revoked: {reason}", ja: "ライセンスが取り消されました: {reason}" },
  "license.extended": { en: "Expiry set to {to}", ja: "有効期限が {to} に設定されました" },
  "license.reassigned": { en: "Owner changed to {to}", ja: "所有者が {to} に変更されました" },
  "license.linked": { en: "Linked to an account", ja: "アカウントにリンクされました" },
  "license.bound": { en: "Bound to this machine's {kind}", ja: "このマシンの {kind} に結び付けられました" },
  "license.warranty_repair": {
    en: "Warranty repair recorded: {reason}",
    ja: "保証修理が記録されました: {reason}",
  },
  "license.rebound": {
    en: "Moved to the repaired machine's new {kind}",
    ja: "修理後のマシンの新しい {kind} に移されました",
  },
  "license.base_consumed": {
    en: "Upgrade and base license linked",
    ja: "アップグレードと元のライセンスが結び付けられました",
  },
  "license.base_released": {
    en: "Base license given back by the upgrade",
    ja: "元のライセンスがアップグレードから返却されました",
  },
  "license.entitlements_changed": {
    en: "Features of this license changed: {reason}",
    ja: "このライセンスの機能が変更されました: {reason}",
  },
  "license.policy_changed": {
    en: "Moved to policy {to}; its rules apply from the next lease",
    ja: "ポリシー {to} に移されました。次のリースから新しい規則が適用されます",
  },
  "license.overrides_changed": {
    en: "Rules of this license changed ({fields}): {reason}",
    ja: "このライセンスの規則が変更されました（{fields}）: {reason}",
  },
  "license.noted": { en: "Note: {reason}", ja: "メモ: {reason}" },
  "policy.updated": {
    en: "Policy edited ({fields}); the change applies from the next lease",
    ja: "ポリシーが変更されました（{fields}）。次のリースから適用されます",
  },
  "policy.archived": { en: "Policy archived", ja: "ポリシーがアーカイブされました" },
  "policy.restored": { en: "Policy restored", ja: "ポリシーが元に戻されました" },
  "device.activated": {
    en: "Device {deviceId} activated",
    ja: "デバイス {deviceId} がアクティベートされました",
  },
  "device.recognized": { en: "Device {deviceId} recognized", ja: "デバイス {deviceId} が認識されました" },
  "device.deactivated": { en: "Device {name} deactivated", ja: "デバイス {name} が無効化されました" },
  "device.renamed": {
    en: "Device {from} renamed {name}",
    ja: "デバイス {from} の名前を {name} に変更しました",
  },
  "device.transferred": {
    en: "License moved from device {fromDeviceId} to {name}",
    ja: "ライセンスがデバイス {fromDeviceId} から {name} に移されました",
  },
  "device.fork_suspected": {
    en: "A copy of device {deviceId} is suspected",
    ja: "デバイス {deviceId} の複製が疑われます",
  },
  "device.forked": {
    en: "Two copies of device {deviceId} were found",
    ja: "デバイス {deviceId} の複製が見つかりました",
  },
  "activation.refused": {
    en: "Activation refused: {reason}",
    ja: "アクティベーションが拒否されました: {reason}",
  },
  "seat.overage": {
    en: "Seat taken over the pool of {seats} ({held} already held; up to {overageAllowed} more while the overage window is open)",
    ja: "{seats} 席の上限を超えて席が使われました（使用中 {held} 席、超過枠が開いている間は最大 {overageAllowed} 席まで追加）",
  },
  "seat.borrowed": { en: "Seat borrowed until {until}", ja: "シートが {until} まで借り出されました" },
  "seat.returned": { en: "Seat returned", ja: "シートが返却されました" },
  "seat.refused": {
    en: "Seat refused to {name}: {reason}",
    ja: "{name} への席の割り当てが拒否されました: {reason}",
  },
  "relay.grant_issued": {
    en: "Volume grant {grantId} issued for a relay: up to {maxDevices} devices until {expiresAt}",
    ja: "リレー用のボリューム許諾 {grantId} を発行しました: {expiresAt} まで最大 {maxDevices} 台",
  },
  "relay.usage_reported": {
    en: "Relay usage report imported ({from} to {to}): {admitted} of {maxDevices} devices admitted, {refused} refused because the grant was full, peak {peak} at once, {renewals} renewals",
    ja: "リレーの利用レポートを取り込みました（{from} 〜 {to}）: {maxDevices} 台中 {admitted} 台を受け入れ、許諾の上限で {refused} 台を拒否、同時最大 {peak} 台、更新 {renewals} 回",
  },
  "support.requested": {
    en: "Support request {supportRequestId} opened ({code}) for the move from device {replacesDeviceId}",
    ja: "デバイス {replacesDeviceId} からの移行についてサポート依頼 {supportRequestId} を作成しました（{code}）",
  },
  "billing.renewed": {
    en: "Subscription renewed until {periodEnd}",
    ja: "サブスクリプションが {periodEnd} まで更新されました",
  },
  "billing.payment_failed": {
    en: "Payment failed: keeps running until {graceEnd} while the payment is fixed",
    ja: "支払いに失敗しました。支払いが直るまで {graceEnd} まで使えます",
  },
  "billing.canceled": {
    en: "Subscription canceled: ends on {periodEnd}",
    ja: "サブスクリプションが解約されました: {periodEnd} に終了します",
  },
  "billing.refunded": {
    en: "Refunded: the license is revoked",
    ja: "返金されました: ライセンスは取り消されました",
  },
};

/**
 * One timeline entry in words, in English or Japanese.
 * @example
 * timelineMessage({ code: "license.suspended", params: { reason: "chargeback" }, … }, "ja");
 * // "ライセンスが一時停止されました: chargeback"
 */
export function timelineMessage(entry: Pick<TimelineEntry, "code" | "params">, locale: Locale): string {
  const text = timelineTexts[entry.code];
  return text === undefined ? entry.code : formatMessage(text[locale], locale, entry.params);
}
