import type { ClientState } from "@ninsho/sdk";
import type { DeviceLabel, DeviceMessages, DoctorMessages } from "./types.js";

const LABELS: Readonly<Record<DeviceLabel, string>> = {
  state: "状態",
  explanation: "理由",
  product: "製品",
  license: "ライセンス",
  channel: "チャネル",
  entitlements: "機能",
  device: "デバイス",
  key: "キー（末尾グループ）",
  keySource: "キーの入手元",
  leaseIssued: "リース発行",
  leaseUntil: "リース期限",
  graceUntil: "猶予期限",
  licenseExpires: "ライセンス期限",
  lastContact: "最終サーバー接続",
  connection: "接続",
  retryAt: "次回の試行",
  problem: "問題",
  remedy: "対処",
  folder: "状態フォルダー",
  server: "サーバー",
  trust: "信頼する公開鍵",
  collector: "コレクター",
  environment: "実行環境",
  fingerprint: "フィンガープリント",
  notRead: "読み取れない部品",
  lastDecision: "最後の判定",
  clock: "時計",
};

const STATES: Readonly<Record<ClientState, string>> = {
  active: "有効",
  grace: "猶予期間中",
  expired: "期限切れ",
  no_key: "プロダクトキーなし",
  not_activated: "未認証",
  suspended: "停止中",
  revoked: "失効",
  deactivated: "認証解除済み",
  mismatch: "別のマシンのリース",
  forked: "複製（2 台で実行）",
  clock_rollback: "時計の巻き戻し",
  tampered: "ファイルの改ざん",
  corrupt: "ファイルの破損",
};

const doctor: DoctorMessages = {
  heading: (productId, dir, url) => `Ninsho 診断 — 製品 ${productId}、フォルダー ${dir}、サーバー ${url}`,
  title: {
    key: "プロダクトキー",
    server: "サーバーと TLS",
    clock: "時計",
    lease: "リース",
    fingerprint: "フィンガープリント",
    devices: "デバイスと移行",
  },
  outcome: { ok: "OK", warn: "注意", fail: "失敗", fixed: "修復済み", skipped: "未確認" },
  whatToDo: "対処:",
  nothingToDo: "対処は不要です。すべての確認に合格しました。",
  skippedOffline: "確認していません（--offline）",
  skippedUnreachable: "確認していません: サーバーに接続できません",
  skippedNoLease: "確認していません: このマシンはリースを持っていません",
  skippedNoKey: "確認していません: プロダクトキーがインストールされていません",
  keyOk: (hint, source) => `…${hint}（形式は正しい）、${source}`,
  serverOk: (ms, tls) =>
    `${ms} ms で応答。${tls === "https" ? "TLS 証明書を確認しました" : "このマシン上の HTTP（ネットワークを経由しません）"}`,
  clockOk: (skew, signed) => `サーバーの${signed ? "署名付き" : " HTTP（署名なし）の"}時刻との差 ${skew}`,
  leaseOk: (leaseUntil, graceUntil, left) =>
    `署名を確認しました。リースは ${leaseUntil} まで、その後 ${graceUntil} まで猶予期間（残り ${left}）`,
  notActivatedRefused: (code) => `リースなし: 最後の認証は拒否されました（${code}、下記参照）`,
  repaired: (code) => `${code} を検出し、いまサーバーから修復しました`,
  fingerprintSame: (since, collector) => `${since} から変化なし（コレクター ${collector}）`,
  fingerprintViaPrevious: (previous, current) =>
    `以前のコレクターの部品セット（${previous}）で認識されました。次回の更新でサーバーは ${current} に移行し、再認証は不要です`,
  fingerprintSameAsLease: "リース発行時から変化なし",
  changedKinds: (kinds) => `変化した部品: ${kinds}`,
  score: (score, threshold, same) =>
    `一致スコア ${score} ${same ? "≥" : "<"} しきい値 ${threshold}: ${same ? "同じマシンとして認識されます" : "同じマシンとして認識されません"}`,
  devicesOk: (deviceId) => `このマシンは ${deviceId} として枠を使用しています`,
  deviceLine: (id, name, platform, lastSeen) => `${id}  ${name}（${platform}）、最終確認 ${lastSeen}`,
  freeASlot: (transferable) =>
    transferable
      ? "上記のうち使っていないマシンで `ninsho device deactivate` を実行するか、ライセンスをこのマシンに移行してください: `ninsho device transfer <デバイス ID>`。"
      : "上記のうち使っていないマシンで `ninsho device deactivate` を実行してください（このポリシーは移行を認めていません）。",
  noDevice: "枠なし: このマシンは認証されていません",
};

/**
 * The device commands' sentences in Japanese.
 * @example
 * ja.label("graceUntil"); // "猶予期限"
 */
export const ja: DeviceMessages = {
  label: (name) => LABELS[name],
  state: (state, valid) => `${STATES[state]} — ${valid ? "アプリを使用できます" : "アプリを使用できません"}`,
  never: "無期限",
  none: "なし",
  keyInstalled: (hint) =>
    `プロダクトキー …${hint} をインストールしました。\`ninsho device activate\` でこのマシンを認証してください。`,
  pinned: (count, url) => `今後は ${url} の公開鍵 ${count} 個を信頼します（初回接続時に固定）:`,
  pinnedKey: (kid, digest) => `  ${kid}  SHA-256 ${digest}`,
  activatedNew: (deviceId, licenseId) =>
    `認証しました。このマシンはライセンス ${licenseId} のデバイス ${deviceId} です。`,
  recognized: (deviceId, score) =>
    `認証しました。このマシンはデバイス ${deviceId} として認識されました（${score}）。新しい枠は使っていません。`,
  leaseLine: (leaseUntil, graceUntil, left) =>
    `リースは ${leaseUntil} まで、その後 ${graceUntil} まで猶予期間です（サーバーなしで残り ${left}）。`,
  uninstalled: "このマシンからプロダクトキーとリースを削除しました。",
  slotKept: (deviceId) =>
    `サーバーは ${deviceId} をまだライセンスのデバイスとして数えています。別のマシンかカスタマーポータルから枠を解放してください。`,
  deactivated: (deviceId, at) =>
    `${at} に ${deviceId} の認証を解除しました。ライセンスの枠が空きました。キーはインストールされたままです。`,
  transferred: (from, to, left) =>
    `ライセンスを ${from} からこのマシン（${to}）に移行しました。過去 365 日で残りの移行回数は ${left} 回です。`,
  expiryActive: (leaseUntil, leaseLeft, graceUntil) =>
    `認証済みです。リースは ${leaseUntil} まで（残り ${leaseLeft}）、その後 ${graceUntil} まで猶予期間です。`,
  expiryGrace: (leaseEnded, graceUntil, left) =>
    `猶予期間中: リースは ${leaseEnded} に終了しました。${graceUntil} まで動作します（残り ${left}）。`,
  licenseExpires: (at) =>
    at === undefined ? "ライセンス自体に期限はありません。" : `ライセンスは ${at} に期限切れになります。`,
  trustGiven: "ベンダーの公開鍵（--public-key / NINSHO_PUBLIC_KEYS）",
  trustServer: (url, at) => `${at} に ${url} から初回接続時に固定`,
  trustNone: "まだありません（初回の認証時に固定されます）",
  clockOverridden: (now) => `${now}（NINSHO_DEVICE_NOW、テスト専用）`,
  connection: (state, failures) => (failures > 0 ? `${state}（${failures} 回連続で失敗）` : state),
  doctor,
};
