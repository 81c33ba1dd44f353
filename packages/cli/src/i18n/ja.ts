import type { CliMessageKey } from "./en.js";

/** The `ninsho` command's own sentences in Japanese: every key of the English, and no other. */
export const ja: Readonly<Record<CliMessageKey, string>> = {
  "admin.error": "エラー",
  "admin.remedy": "対処",
  "admin.docs": "参照",
  "admin.created": "{kind, select, product {製品} other {ポリシー}} {id} を作成しました。",
  "admin.licenseNow": "ライセンス {id} は {state} になりました。",
  "admin.deviceDeactivated": "デバイス {id} の認証を解除しました。枠が空きました。",
  "admin.tokenShownOnce":
    "このトークンは今回だけ表示されます（保存されるのはダイジェストのみ）。安全な場所に保管してください。",
  "admin.tokenRevoked": "トークン {id} を失効させました。",
  "admin.supportRequestResolved":
    "サポート依頼 {id}（ライセンス {licenseId}）を完了にしました。理由は監査ログに記録されています。",
  "admin.whoami": "トークン {tokenId}、ロール {role}。",
  "admin.keysProgress": "キー: {done} / {total}（{percent}%）",
  "admin.keysDone": "{count} 件のキーを {seconds} 秒で生成しました → {out}",
  "admin.morePages": "続き: --after {after} を付けてください",
  "admin.keyRotated":
    "新しい署名鍵 {kid} を JWKS に公開しました。{from} から署名に使います{retiredCount, plural, =0 {} other {。{retired} はそれ以降署名せず、検証には使えます}}。",

  "label.id": "ID",
  "label.name": "名前",
  "label.created": "作成日時",
  "label.phoneFeatures": "電話用機能",
  "label.product": "製品",
  "label.policy": "ポリシー",
  "label.channel": "チャネル",
  "label.maxDevices": "最大デバイス数",
  "label.lease": "リース期間",
  "label.grace": "猶予期間",
  "label.expiry": "有効期限",
  "label.threshold": "一致しきい値",
  "label.weights": "部品の重み",
  "label.transferable": "移行可能",
  "label.transfersPerYear": "年間移行回数",
  "label.transferCooldown": "移行後の待機期間",
  "label.license": "ライセンス",
  "label.status": "状態",
  "label.refusal": "拒否の理由",
  "label.open": "対応中",
  "label.closed": "完了",
  "label.entitlements": "機能",
  "label.seats": "シート数",
  "label.heartbeatTimeout": "ハートビートのタイムアウト",
  "label.overage": "超過利用",
  "label.borrowMaxDays": "貸し出しの上限",
  "label.state": "状態",
  "label.statusReason": "状態の理由",
  "label.keyHint": "キー（末尾グループ）",
  "label.key": "キー",
  "label.owner": "所有者",
  "label.firstActivated": "初回認証",
  "label.expires": "期限",
  "label.devices": "デバイス",
  "label.timeline": "履歴",
  "label.publicKeys": "公開鍵",
  "label.retired": "廃止",
  "label.signsFrom": "署名開始",
  "label.role": "ロール",
  "label.lastUsed": "最終使用",
  "label.revoked": "失効",
  "label.platform": "プラットフォーム",
  "label.activated": "認証日時",
  "label.lastSeen": "最終確認",
  "label.deactivated": "解除日時",
  "label.time": "日時",
  "label.event": "イベント",
  "label.actor": "実行者",
  "label.reason": "理由",
  "label.details": "詳細",
  "label.none": "なし",
  "label.never": "無期限",
  "label.yes": "はい",
  "label.no": "いいえ",
  "label.afterFirstActivation": "（初回認証から）",
  "label.noItems": "（なし）",

  "deviceLabel.state": "状態",
  "deviceLabel.explanation": "理由",
  "deviceLabel.product": "製品",
  "deviceLabel.license": "ライセンス",
  "deviceLabel.channel": "チャネル",
  "deviceLabel.entitlements": "機能",
  "deviceLabel.device": "デバイス",
  "deviceLabel.key": "キー（末尾グループ）",
  "deviceLabel.keySource": "キーの入手元",
  "deviceLabel.leaseIssued": "リース発行",
  "deviceLabel.leaseUntil": "リース期限",
  "deviceLabel.graceUntil": "猶予期限",
  "deviceLabel.licenseExpires": "ライセンス期限",
  "deviceLabel.lastContact": "最終サーバー接続",
  "deviceLabel.connection": "接続",
  "deviceLabel.retryAt": "次回の試行",
  "deviceLabel.problem": "問題",
  "deviceLabel.remedy": "対処",
  "deviceLabel.folder": "状態フォルダー",
  "deviceLabel.server": "サーバー",
  "deviceLabel.trust": "信頼する公開鍵",
  "deviceLabel.collector": "コレクター",
  "deviceLabel.environment": "実行環境",
  "deviceLabel.fingerprint": "フィンガープリント",
  "deviceLabel.notRead": "読み取れない部品",
  "deviceLabel.lastDecision": "最後の判定",
  "deviceLabel.clock": "時計",

  "state.active": "有効",
  "state.grace": "猶予期間中",
  "state.expired": "期限切れ",
  "state.no_key": "プロダクトキーなし",
  "state.not_activated": "未認証",
  "state.suspended": "停止中",
  "state.revoked": "失効",
  "state.deactivated": "認証解除済み",
  "state.mismatch": "別のマシンのリース",
  "state.forked": "複製（2 台で実行）",
  "state.superseded": "置き換え済み（別の場所で再アクティベート）",
  "state.clock_rollback": "時計の巻き戻し",
  "state.tampered": "ファイルの改ざん",
  "state.corrupt": "ファイルの破損",

  "device.state": "{state} — {valid, select, yes {アプリを使用できます} other {アプリを使用できません}}",
  "device.never": "無期限",
  "device.none": "なし",
  "device.keyInstalled":
    "プロダクトキー …{hint} をインストールしました。`ninsho device activate` でこのマシンを認証してください。",
  "device.pinned": "今後は {url} の公開鍵 {count, plural, other {# 個}}を信頼します（初回接続時に固定）:",
  "device.pinnedKey": "  {kid}  SHA-256 {digest}",
  "device.activatedNew": "認証しました。このマシンはライセンス {licenseId} のデバイス {deviceId} です。",
  "device.recognized":
    "認証しました。このマシンはデバイス {deviceId} として認識されました（{score}）。新しい枠は使っていません。",
  "device.leaseLine":
    "リースは {leaseUntil} まで、その後 {graceUntil} まで猶予期間です（サーバーなしで残り {left}）。",
  "device.uninstalled": "このマシンからプロダクトキーとリースを削除しました。",
  "device.slotKept":
    "サーバーは {deviceId} をまだライセンスのデバイスとして数えています。別のマシンかカスタマーポータルから枠を解放してください。",
  "device.deactivated":
    "{at} に {deviceId} の認証を解除しました。ライセンスの枠が空きました。キーはインストールされたままです。",
  "device.transferred":
    "ライセンスを {from} からこのマシン（{to}）に移行しました。過去 365 日で残りの移行回数は {left, plural, other {# 回}}です。",
  "device.transferAllowance":
    "このライセンスは過去 365 日であと {left} 回移行できます（上限 {perYear} 回）。",
  "device.transferAllowanceNone":
    "このライセンスは現在移行できません（365 日で {perYear} 回の上限、または移行の間隔）。次の移行は {nextAt} から可能です。",
  "device.transferCodeSent":
    "ライセンスの所有者であることを確認するコードを {to} に送信しました（{expiresAt} まで有効、5 回まで）。続けて次を実行してください:\n  {command}",
  "device.deviceCodePrompt":
    "アカウントにサインインして {url} を開き、コード {code} を入力してください（{expiresAt} まで有効）。承認を待っています…",
  "device.expiryActive":
    "認証済みです。リースは {leaseUntil} まで（残り {leaseLeft}）、その後 {graceUntil} まで猶予期間です。",
  "device.expiryGrace":
    "猶予期間中: リースは {leaseEnded} に終了しました。{graceUntil} まで動作します（残り {left}）。",
  "device.licenseNeverExpires": "ライセンス自体に期限はありません。",
  "device.licenseExpires": "ライセンスは {at} に期限切れになります。",
  "device.trustGiven": "ベンダーの公開鍵（--public-key / NINSHO_PUBLIC_KEYS）",
  "device.trustServer": "{at} に {url} から初回接続時に固定",
  "device.trustNone": "まだありません（初回の認証時に固定されます）",
  "device.clockOverridden": "{now}（NINSHO_DEVICE_NOW、テスト専用）",
  "device.connection": "{failures, plural, =0 {{state}} other {{state}（# 回連続で失敗）}}",

  "doctor.heading": "Ninsho 診断 — 製品 {productId}、フォルダー {dir}、サーバー {url}",
  "doctor.title.key": "プロダクトキー",
  "doctor.title.server": "サーバーと TLS",
  "doctor.title.clock": "時計",
  "doctor.title.lease": "リース",
  "doctor.title.fingerprint": "フィンガープリント",
  "doctor.title.devices": "デバイスと移行",
  "doctor.title.seat": "席",
  "doctor.title.relay": "リレー",
  "doctor.runsOn":
    "確認していません: アプリはこのフォルダーのアクティベーションではなく{on, select, relay {オンプレミスのリレーのリース} other {フローティングの席}}で動作しています",
  "doctor.seat.none": "席を保持していません。",
  "doctor.seat.held": "席 {id} を {until} まで保持しています（残り {left}）。ハートビートで延長されます。",
  "doctor.seat.borrowed":
    "席 {id} を {until} までオフラインで借りています（残り {left}）。ハートビートは不要です。",
  "doctor.seat.heartbeatsFailing":
    "ハートビートが失敗しています。アプリはこの席であと {left}（{until} まで）動作できます。",
  "doctor.relay.found":
    "リレー {url} を{foundBy, select, srv {DNS SRV レコード _ninsho._tcp で} other {設定で}}見つけました。",
  "doctor.relay.lease":
    "リレーのリースは許諾 {grantId} のもとで署名され、ベンダーの鍵で証明されています。{renewBy} までに更新、{runsUntil} までオフラインで動作します。",
  "doctor.outcome.ok": "OK",
  "doctor.outcome.warn": "注意",
  "doctor.outcome.fail": "失敗",
  "doctor.outcome.fixed": "修復済み",
  "doctor.outcome.skipped": "未確認",
  "doctor.whatToDo": "対処:",
  "doctor.nothingToDo": "対処は不要です。すべての確認に合格しました。",
  "doctor.skippedOffline": "確認していません（--offline）",
  "doctor.skippedUnreachable": "確認していません: サーバーに接続できません",
  "doctor.skippedNoLease": "確認していません: このマシンはリースを持っていません",
  "doctor.skippedNoKey": "確認していません: プロダクトキーがインストールされていません",
  "doctor.keyOk": "…{hint}（形式は正しい）、{source}",
  "doctor.serverOk":
    "{ms} ms で応答。{tls, select, https {TLS 証明書を確認しました} other {このマシン上の HTTP（ネットワークを経由しません）}}",
  "doctor.clockOk": "サーバーの{signed, select, yes {署名付き} other { HTTP（署名なし）の}}時刻との差 {skew}",
  "doctor.leaseOk":
    "署名を確認しました。リースは {leaseUntil} まで、その後 {graceUntil} まで猶予期間（残り {left}）",
  "doctor.notActivatedRefused": "リースなし: 最後の認証は拒否されました（{code}、下記参照）",
  "doctor.repaired": "{code} を検出し、いまサーバーから修復しました",
  "doctor.fingerprintSame": "{since} から変化なし（コレクター {collector}）",
  "doctor.fingerprintViaPrevious":
    "以前のコレクターの部品セット（{previous}）で認識されました。次回の更新でサーバーは {current} に移行し、再認証は不要です",
  "doctor.fingerprintSameAsLease": "リース発行時から変化なし",
  "doctor.changedKinds": "変化した部品: {kinds}",
  "doctor.score":
    "一致スコア {score} {above, select, yes {≥} other {<}} しきい値 {threshold}{pair, select, yes {、機体固有の識別子 {unitIds} 個が一致} other {}}: {same, select, yes {同じマシンとして認識されます} other {同じマシンとして認識されません}}",
  "doctor.devicesOk": "このマシンは {deviceId} として枠を使用しています",
  "doctor.deviceLine": "{id}  {name}（{platform}）、最終確認 {lastSeen}",
  "doctor.freeASlot":
    "{transferable, select, yes {上記のうち使っていないマシンで `ninsho device deactivate` を実行するか、ライセンスをこのマシンに移行してください: `ninsho device transfer --replaces <デバイス ID>`（所有者にコードがメールで届きます）。} other {上記のうち使っていないマシンで `ninsho device deactivate` を実行してください（このポリシーは移行を認めていません）。}}",
  "doctor.noDevice": "枠なし: このマシンは認証されていません",

  "offline.iidHeading": "このマシンのインストール ID（{date} 作成）:",
  "offline.group": "グループ {n}",
  "offline.iidNext":
    "電話認証ページまたはサポートにグループごとに読み上げ（製品 {productId}）、受け取った確認 ID を入力してください: ninsho device confirm <確認 ID>",
  "offline.qrHint": "またはスマートフォンでコードを読み取ってください: {url} が開きます",
  "offline.offlineKeyHint":
    "サーバーに接続しないマシンには製品のオフライン鍵が必要です。--offline-key（GET /v1/products/'{id}'/offline-key の JSON、値またはファイル）を指定するか NINSHO_OFFLINE_KEY を設定してください。",
  "offline.confirmed":
    "電話認証を確認しました: このマシンは {leaseUntil} まで動作し、その後 {graceUntil} まで猶予期間があります（残り {left}）。",
  "offline.confirmedForever": "電話認証を確認しました: このマシンは期限なく動作します。",
  "offline.confirmationKept":
    "確認 ID は正規のものですが、先にインストールした確認の方が長く有効なため、そちらが引き続き使われます。",
  "offline.requestWritten":
    "{where, select, stdout {要求ファイルを標準出力に書き出しました} other {要求ファイル {path} を書き出しました}}{sealed, select, yes {。ライセンスファイルはこのマシン宛てに暗号化されます（鍵は状態フォルダーに保存されています）。} other {（ライセンスファイルは暗号化されません）。}}",
  "offline.requestNext":
    "ベンダーのポータルに持ち込み（または /v1/offline/license-files に POST し）、受け取ったライセンスファイルで次を実行してください: ninsho device install-file <ライセンスファイル>",
  "offline.fileInstalled":
    "ライセンスファイルをインストールしました{sealed, select, yes {（このマシン宛てに暗号化）} other {}}: このマシンはライセンス {licenseId} のデバイス {deviceId} です。",

  "usage.reason.positiveInt": "1 以上の整数を指定してください。",
  "usage.reason.fraction": "0 より大きく 1 以下の数を指定してください（例: 0.55）。",
  "usage.reason.duration": "7d、12h、30m のような期間を指定してください。",
  "usage.reason.weights": "種類=重み をカンマで区切って指定してください（例: board=30,disk=20）。",
  "usage.reason.instant": "日付（2027-01-01）またはオフセット付きの ISO 時刻を指定してください。",
  "usage.reason.noSuchDate": "その日付は存在しません。",
  "usage.reason.expiry": "none、日付（2027-01-01）、または期間（365d）を指定してください。",
  "usage.reason.range": "{name} には {min} から {max} までの整数を指定してください。",
  "usage.reason.durationRange": "{name} には {min} から {max} までの期間を指定してください（例: 2m）。",
  "usage.reason.overage":
    "プールに対する割合と期間を指定してください（例: 10%/24h）。割合は 1% から 100%、期間は 1h から 30d までの時間単位です。",

  "relay.initialised":
    "リレーの鍵ペアを作成しました。{request} をベンダーに送り、返送された許諾ファイルでリレーを起動してください。",
  "relay.listening": "リレーは {url} で待ち受けています: 許諾 {grantId}、最大 {max} 台。",
  "relay.adminToken":
    "管理ページ {url} — 今回の起動の管理トークン（一度だけ表示、ダイジェストのみ保存）: {token}",
  "relay.reported":
    "署名付き利用レポートを {out} に書き出しました。ベンダーに送ってください（ninsho usage-reports import）。",
  "admin.grantIssued":
    "許諾 {grantId}（{maxDevices} 台、{notBefore} から {expiresAt} まで）を {out} に書き出しました。",
  "admin.reportImported":
    "レポート {reportId} を{imported, select, true {取り込みました} other {既に取り込み済みです}}: {maxDevices} 台中 {admitted} 台、最大 {peak} 台、拒否 {refused} 件、更新 {renewals} 回。",
  "local.backedUp": "{from} を {to} にバックアップしました。",
  "local.backupHolds": "  ライセンス {licenses} 件、デバイス {devices} 台、スキーマ {schema}",
  "local.masterKeyCopied":
    "マスターキーを {path} にコピーしました（モード 0600）。キーそのものと同じく厳重に保管してください。",
  "local.masterKeyApart":
    "マスターキーはバックアップに含まれていません。{keyFile}（または NINSHO_MASTER_KEY）をバックアップとは別の安全な場所に保管してください。",
  "local.masterKeyWhy":
    "  それがないと、バックアップの署名鍵とプロダクトキーを開けません（--with-master-key でコピーできます）。",
  "local.restored": "{from} を {to} に復元しました: ライセンス {licenses} 件、デバイス {devices} 台。",
  "local.databaseKept": "  置き換えたデータベースは {path} として残してあります。",
  "local.masterKeyKept": "  置き換えたマスターキーは {path} として残してあります。",
  "local.masterKeyInstalled": "  {source} のマスターキーを {path} として設置しました。",
  "local.upToDate": "{target}: 最新です。適用するものはありません。",
  "local.applied": "{target}: {migrations} を適用しました。",
};
