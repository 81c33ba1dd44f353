import type { Locale } from "@ninsho/core";

/** Words of the human output, English then Japanese. Values of the API (states, channels, event types) stay as they are. */
const LABELS = {
  id: ["ID", "ID"],
  name: ["Name", "名前"],
  created: ["Created", "作成日時"],
  product: ["Product", "製品"],
  policy: ["Policy", "ポリシー"],
  channel: ["Channel", "チャネル"],
  maxDevices: ["Max devices", "最大デバイス数"],
  lease: ["Lease", "リース期間"],
  grace: ["Grace", "猶予期間"],
  expiry: ["Expiry", "有効期限"],
  threshold: ["Match threshold", "一致しきい値"],
  weights: ["Component weights", "部品の重み"],
  transferable: ["Transferable", "移行可能"],
  transfersPerYear: ["Transfers per year", "年間移行回数"],
  entitlements: ["Entitlements", "機能"],
  state: ["State", "状態"],
  statusReason: ["Status reason", "状態の理由"],
  keyHint: ["Key (last group)", "キー（末尾グループ）"],
  key: ["Key", "キー"],
  owner: ["Owner", "所有者"],
  firstActivated: ["First activated", "初回認証"],
  expires: ["Expires", "期限"],
  devices: ["Devices", "デバイス"],
  timeline: ["Timeline", "履歴"],
  publicKeys: ["Public keys", "公開鍵"],
  retired: ["Retired", "廃止"],
  signsFrom: ["Signs from", "署名開始"],
  role: ["Role", "ロール"],
  lastUsed: ["Last used", "最終使用"],
  revoked: ["Revoked", "失効"],
  platform: ["Platform", "プラットフォーム"],
  activated: ["Activated", "認証日時"],
  lastSeen: ["Last seen", "最終確認"],
  deactivated: ["Deactivated", "解除日時"],
  time: ["Time", "日時"],
  event: ["Event", "イベント"],
  actor: ["Actor", "実行者"],
  reason: ["Reason", "理由"],
  details: ["Details", "詳細"],
  none: ["none", "なし"],
  never: ["never", "無期限"],
  yes: ["yes", "はい"],
  no: ["no", "いいえ"],
  afterFirstActivation: ["after the first activation", "（初回認証から）"],
  noItems: ["(none)", "（なし）"],
} as const satisfies Record<string, readonly [en: string, ja: string]>;

/**
 * A word of the human output.
 * @example
 * const l: Label = "maxDevices";
 */
export type Label = keyof typeof LABELS;

/**
 * A function that gives each label in one language.
 * @example
 * const label: LabelOf = labelsFor("ja"); label("owner"); // "所有者"
 */
export type LabelOf = (label: Label) => string;

/**
 * The labels of a locale.
 * @example
 * labelsFor("en")("maxDevices"); // "Max devices"
 */
export function labelsFor(locale: Locale): LabelOf {
  const index = locale === "ja" ? 1 : 0;
  return (label) => LABELS[label][index];
}
