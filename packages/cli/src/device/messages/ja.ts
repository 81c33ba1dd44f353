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
  NO_TLS: (url) => ({
    message: `${url} はネットワーク越しの平文 HTTP です。応答は署名されていて偽造できませんが、プロダクトキーが暗号化されずに送られます。`,
    remedy: "サーバーの https:// の URL を使ってください（--url または NINSHO_URL）。",
  }),
  KEYS_MISMATCH: (url) => ({
    message: `${url} は、このマシンが信頼する公開鍵を公開していません。別のサーバーか、なりすましです。`,
    remedy:
      "--url / NINSHO_URL を確認してください。ベンダーが新しい鍵を告知した場合は --public-key で渡すか、`ninsho device activate --repin` でサーバーの現在の鍵を信頼してください。",
  }),
  KEYS_ROTATED: (url, vendorKeys) => ({
    message: `${url} は、このマシンがまだ信頼していない鍵で署名しています。ベンダーが署名鍵を更新したか、なりすましです。それまで応答は無視されます。`,
    remedy: vendorKeys
      ? "ベンダーの新しい公開鍵（アプリの更新に同梱されます）を --public-key または NINSHO_PUBLIC_KEYS で渡してください。"
      : "ベンダーが鍵の更新を告知している場合は `ninsho device activate --repin` でサーバーの現在の鍵を信頼するか、ベンダーの新しい鍵を --public-key で渡してください。",
  }),
  clockOk: (skew, signed) => `サーバーの${signed ? "署名付き" : " HTTP（署名なし）の"}時刻との差 ${skew}`,
  CLOCK_SKEW: (skew, ahead, signed) => ({
    message: `システムの時計がサーバーの${signed ? "署名付き" : " HTTP（署名なし）の"}時刻より ${skew} ${ahead ? "進んで" : "遅れて"}います。`,
    remedy: ahead
      ? "時刻の自動設定を有効にしてください。時計が進んでいるとリースが実際より古く見え、後で戻すとオンラインになるまで巻き戻しとして拒否されます。"
      : "時刻の自動設定を有効にしてください。時計が遅れていると、サーバーの計算より長くリースが有効に見えます。",
  }),
  leaseOk: (leaseUntil, graceUntil, left) =>
    `署名を確認しました。リースは ${leaseUntil} まで、その後 ${graceUntil} まで猶予期間（残り ${left}）`,
  LEASE_GRACE: (leaseEnded, graceUntil, left) => ({
    message: `リースは ${leaseEnded} に終了しました。猶予期間で ${graceUntil} まで動作します（残り ${left}）。`,
    remedy:
      "猶予期間が終わる前にインターネットに接続してリースを更新してください（上のサーバーの確認を参照）。",
  }),
  notActivatedRefused: (code) => `リースなし: 最後の認証は拒否されました（${code}、下記参照）`,
  repaired: (code) => `${code} を検出し、いまサーバーから修復しました`,
  fingerprintSame: (since, collector) => `${since} から変化なし（コレクター ${collector}）`,
  fingerprintViaPrevious: (previous, current) =>
    `以前のコレクターの部品セット（${previous}）で認識されました。次回の更新でサーバーは ${current} に移行し、再認証は不要です`,
  fingerprintSameAsLease: "リース発行時から変化なし",
  changedKinds: (kinds) => `変化した部品: ${kinds}`,
  score: (score, threshold, same) =>
    `一致スコア ${score} ${same ? "≥" : "<"} しきい値 ${threshold}: ${same ? "同じマシンとして認識されます" : "同じマシンとして認識されません"}`,
  FINGERPRINT_DRIFT: (changed, total, since) => ({
    message: `${since} 以降、${total} 個中 ${changed} 個の部品が変わりました。サーバーはまだこのマシンを認識します。`,
    remedy:
      "早めにオンラインにしてください。次回の更新で新しい部品が基準になります。その前にさらに部品が変わると、サーバーはこのマシンを認識しなくなります。",
  }),
  driftUnknown: () => ({
    message:
      "リース発行後にフィンガープリントが変わりました。どの部品かは不明です（認証時の記録がありません）。",
    remedy: "オンラインにしてサーバーに照合させてください（`ninsho device doctor`）。",
  }),
  FINGERPRINT_UNREADABLE: (missing) => ({
    message: `個体を識別する部品を 1 つも読み取れません（${missing}）。同じ機種の別のマシンと区別できません。`,
    remedy:
      "コンテナーでは NINSHO_CONTAINER_ID に安定した ID（ボリューム名や Pod 名）を設定してください。それ以外では、上記のハードウェア情報を読めるユーザーでアプリを実行してください。",
  }),
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
  problems: {
    NO_PRODUCT: () => ({
      message: "製品が指定されていません。",
      remedy:
        "--product prd_… を指定するか NINSHO_PRODUCT を設定してください（または以前に認証した --dir）。",
    }),
    BAD_DEVICE_NOW: (value) => ({
      message: `NINSHO_DEVICE_NOW="${value}" は時刻でもオフセットでもありません。`,
      remedy:
        "テスト専用です。ISO 形式の時刻、エポックミリ秒、+8d / -3h のいずれかを指定するか、設定を外してください。",
    }),
    BAD_PUBLIC_KEY: (cause) => ({
      message: `指定された公開鍵は使えません（${cause}）。`,
      remedy:
        "--public-key（または NINSHO_PUBLIC_KEYS）に、ベンダーの JWKS、JWK、または PEM 形式の Ed25519 公開鍵を、値またはファイルで指定してください。",
    }),
    NO_TRUSTED_KEYS: (dir) => ({
      message: `${dir} にはリースがありますが、それを検証する公開鍵がわかりません。`,
      remedy:
        "アプリに同梱されているベンダーの公開鍵を --public-key（または NINSHO_PUBLIC_KEYS）で渡してください。",
    }),
    TLS_FAILED: (url, cause) => ({
      message: `${url} への TLS 接続に失敗しました（${cause}）。`,
      remedy:
        "マシンの日付とサーバーの証明書を確認してください。TLS を検査するプロキシは、このマシンが信頼するか、認証サーバーへの通信を対象外にする必要があります。",
    }),
    BAD_FINGERPRINT_FILE: (path, cause) => ({
      message: `NINSHO_DEVICE_FINGERPRINT=${path} は使えません（${cause}）。`,
      remedy:
        "テスト専用です。JSON のフィンガープリント {collector, components} を指定するか、設定を外してください。",
    }),
  },
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
