import type { DeviceCliErrorCode } from "./codes.js";
import type { CodeTexts } from "./text.js";

/**
 * The words of the `ninsho` command's own codes (`deviceCliErrorCodes`: its device and admin sides), in every
 * locale, as ICU messages; part of `catalogue`. They have no HTTP status: they never travel in an HTTP answer.
 * @example
 * deviceCliCatalogue.NO_PRODUCT.en.message; // "No product was named."
 */
export const deviceCliCatalogue: CodeTexts<DeviceCliErrorCode> = {
  NO_PRODUCT: {
    en: {
      message: "No product was named.",
      remedy: "Pass --product prd_… or set NINSHO_PRODUCT (or --dir to a folder activated before).",
    },
    ja: {
      message: "製品が指定されていません。",
      remedy:
        "--product prd_… を指定するか NINSHO_PRODUCT を設定してください（または以前に認証した --dir）。",
    },
  },
  NO_PRODUCT_SALT: {
    en: {
      message:
        "The vendor's fingerprint salt is missing from the app's configuration, so this machine cannot be described without exposing its hardware identifiers.",
      remedy:
        "Set NINSHO_SALT (or pass --salt) to the salt your software vendor supplied with the app, or ask the vendor for it (vendor: the product's fingerprintSalt from the admin API).",
    },
    ja: {
      message:
        "アプリの設定にベンダーのフィンガープリント用ソルトがないため、ハードウェア識別子を守ったままこのマシンを識別できません。",
      remedy:
        "ソフトウェアのベンダーがアプリと一緒に提供したソルトを NINSHO_SALT（または --salt）に設定するか、ベンダーにお問い合わせください（ベンダーの方へ: 管理 API が返す製品の fingerprintSalt です）。",
    },
  },
  BAD_URL: {
    en: {
      message: 'The server URL "{url}" is not an http or https URL.',
      remedy: "Pass --url http://host:port or set NINSHO_URL.",
    },
    ja: {
      message: "サーバー URL「{url}」は http または https の URL ではありません。",
      remedy: "--url http://host:port を指定するか NINSHO_URL を設定してください。",
    },
  },
  BAD_PUBLIC_KEY: {
    en: {
      message: "The public keys given cannot be used ({cause}).",
      remedy:
        "Pass --public-key (or NINSHO_PUBLIC_KEYS) as the vendor's JWKS, a JWK or a PEM Ed25519 public key, inline or as a file.",
    },
    ja: {
      message: "指定された公開鍵は使えません（{cause}）。",
      remedy:
        "--public-key（または NINSHO_PUBLIC_KEYS）に、ベンダーの JWKS、JWK、または PEM 形式の Ed25519 公開鍵を、値またはファイルで指定してください。",
    },
  },
  NO_TRUSTED_KEYS: {
    en: {
      message: "{dir} holds a lease, but no public key to verify it with is known.",
      remedy: "Pass the vendor's keys with --public-key (or NINSHO_PUBLIC_KEYS), as the app ships them.",
    },
    ja: {
      message: "{dir} にはリースがありますが、それを検証する公開鍵がわかりません。",
      remedy:
        "アプリに同梱されているベンダーの公開鍵を --public-key（または NINSHO_PUBLIC_KEYS）で渡してください。",
    },
  },
  BAD_DEVICE_NOW: {
    en: {
      message: 'NINSHO_DEVICE_NOW="{value}" is not an instant or an offset.',
      remedy: "It is for tests only: give an ISO instant, epoch milliseconds, or +8d / -3h; or unset it.",
    },
    ja: {
      message: 'NINSHO_DEVICE_NOW="{value}" は時刻でもオフセットでもありません。',
      remedy:
        "テスト専用です。ISO 形式の時刻、エポックミリ秒、+8d / -3h のいずれかを指定するか、設定を外してください。",
    },
  },
  BAD_FINGERPRINT_FILE: {
    en: {
      message: "NINSHO_DEVICE_FINGERPRINT={path} cannot be used ({cause}).",
      remedy:
        "It is for tests only: point it at a JSON fingerprint (an object with collector and components), or unset it.",
    },
    ja: {
      message: "NINSHO_DEVICE_FINGERPRINT={path} は使えません（{cause}）。",
      remedy:
        "テスト専用です。JSON のフィンガープリント（collector と components を持つオブジェクト）を指定するか、設定を外してください。",
    },
  },
  TLS_FAILED: {
    en: {
      message: "The TLS connection to {url} failed ({cause}).",
      remedy:
        "Check the machine's date and the server's certificate; a proxy that inspects TLS must be trusted by this machine, or bypassed for the activation server.",
    },
    ja: {
      message: "{url} への TLS 接続に失敗しました（{cause}）。",
      remedy:
        "マシンの日付とサーバーの証明書を確認してください。TLS を検査するプロキシは、このマシンが信頼するか、認証サーバーへの通信を対象外にする必要があります。",
    },
  },
  NO_TLS: {
    en: {
      message:
        "{url} is plain HTTP over a network: answers are signed and cannot be forged, but the product key travels unencrypted.",
      remedy: "Use the server's https:// URL (--url or NINSHO_URL).",
    },
    ja: {
      message:
        "{url} はネットワーク越しの平文 HTTP です。応答は署名されていて偽造できませんが、プロダクトキーが暗号化されずに送られます。",
      remedy: "サーバーの https:// の URL を使ってください（--url または NINSHO_URL）。",
    },
  },
  KEYS_MISMATCH: {
    en: {
      message:
        "{url} does not publish the public keys this machine trusts: it is another server, or something impersonates it.",
      remedy:
        "Check --url / NINSHO_URL. If the vendor announced new keys, pass them with --public-key, or run `ninsho device activate --repin` to trust the server's current keys.",
    },
    ja: {
      message: "{url} は、このマシンが信頼する公開鍵を公開していません。別のサーバーか、なりすましです。",
      remedy:
        "--url / NINSHO_URL を確認してください。ベンダーが新しい鍵を告知した場合は --public-key で渡すか、`ninsho device activate --repin` でサーバーの現在の鍵を信頼してください。",
    },
  },
  KEYS_ROTATED: {
    en: {
      message:
        "{url} now signs with a key this machine does not trust yet: the vendor rotated its signing key (or something impersonates the server). Its answers are ignored until then.",
      remedy:
        "If the vendor announced the rotation, run `ninsho device activate --repin` to trust the server's current keys, or pass the vendor's new keys with --public-key.",
    },
    ja: {
      message:
        "{url} は、このマシンがまだ信頼していない鍵で署名しています。ベンダーが署名鍵を更新したか、なりすましです。それまで応答は無視されます。",
      remedy:
        "ベンダーが鍵の更新を告知している場合は `ninsho device activate --repin` でサーバーの現在の鍵を信頼するか、ベンダーの新しい鍵を --public-key で渡してください。",
    },
  },
  VENDOR_KEYS_OUTDATED: {
    en: {
      message:
        "{url} now signs with a key that is not among the vendor's keys given to this machine: the vendor rotated its signing key (or something impersonates the server). Its answers are ignored until then.",
      remedy:
        "Get the vendor's new public keys (an app update ships them) and pass them with --public-key or NINSHO_PUBLIC_KEYS.",
    },
    ja: {
      message:
        "{url} は、このマシンに渡されたベンダーの公開鍵にない鍵で署名しています。ベンダーが署名鍵を更新したか、なりすましです。それまで応答は無視されます。",
      remedy:
        "ベンダーの新しい公開鍵（アプリの更新に同梱されます）を --public-key または NINSHO_PUBLIC_KEYS で渡してください。",
    },
  },
  CLOCK_SKEW: {
    en: {
      message:
        "The system clock is {skew} {direction, select, ahead {ahead of} other {behind}} the server's {signed, select, yes {signed} other {HTTP (unsigned)}} time.",
      remedy:
        "Turn on automatic time; {direction, select, ahead {a clock running ahead makes the lease look older than it is, and setting it back later is refused as a rollback until the app is online again.} other {a clock running behind keeps a lease looking valid longer here than the server counts it.}}",
    },
    ja: {
      message:
        "システムの時計がサーバーの{signed, select, yes {署名付き} other { HTTP（署名なし）の}}時刻より {skew} {direction, select, ahead {進んで} other {遅れて}}います。",
      remedy:
        "時刻の自動設定を有効にしてください。{direction, select, ahead {時計が進んでいるとリースが実際より古く見え、後で戻すとオンラインになるまで巻き戻しとして拒否されます。} other {時計が遅れていると、サーバーの計算より長くリースが有効に見えます。}}",
    },
  },
  LEASE_GRACE: {
    en: {
      message: "The lease ended on {leaseEnded}; the app runs on grace until {graceUntil} ({left} left).",
      remedy:
        "Connect to the internet so the lease is refreshed (see the server check above), before the grace ends.",
    },
    ja: {
      message:
        "リースは {leaseEnded} に終了しました。猶予期間で {graceUntil} まで動作します（残り {left}）。",
      remedy:
        "猶予期間が終わる前にインターネットに接続してリースを更新してください（上のサーバーの確認を参照）。",
    },
  },
  FINGERPRINT_DRIFT: {
    en: {
      message:
        "{changed} of {total} components changed since {since}; the server still recognises this machine.",
      remedy:
        "Go online soon: the next refresh makes the new parts the baseline. If more parts change first, the server will no longer recognise this machine.",
    },
    ja: {
      message:
        "{since} 以降、{total} 個中 {changed} 個の部品が変わりました。サーバーはまだこのマシンを認識します。",
      remedy:
        "早めにオンラインにしてください。次回の更新で新しい部品が基準になります。その前にさらに部品が変わると、サーバーはこのマシンを認識しなくなります。",
    },
  },
  FINGERPRINT_DRIFT_UNEXPLAINED: {
    en: {
      message:
        "The fingerprint changed since the lease was issued; which components is unknown (no record of the activation).",
      remedy: "Go online so the server compares it (`ninsho device doctor`).",
    },
    ja: {
      message:
        "リース発行後にフィンガープリントが変わりました。どの部品かは不明です（認証時の記録がありません）。",
      remedy: "オンラインにしてサーバーに照合させてください（`ninsho device doctor`）。",
    },
  },
  FINGERPRINT_UNREADABLE: {
    en: {
      message:
        "No unit-level component could be read ({missing}): another machine of the same model would look the same.",
      remedy:
        "In a container, set NINSHO_CONTAINER_ID to a stable id (a volume or pod name); elsewhere, run the app as a user who may read the hardware facts named above.",
    },
    ja: {
      message:
        "個体を識別する部品を 1 つも読み取れません（{missing}）。同じ機種の別のマシンと区別できません。",
      remedy:
        "コンテナーでは NINSHO_CONTAINER_ID に安定した ID（ボリューム名や Pod 名）を設定してください。それ以外では、上記のハードウェア情報を読めるユーザーでアプリを実行してください。",
    },
  },
  NO_TOKEN: {
    en: {
      message: "No admin token was given.",
      remedy:
        "Pass --token or set NINSHO_TOKEN. The first `ninsho serve` prints one; `ninsho tokens create` makes more.",
    },
    ja: {
      message: "管理トークンが指定されていません。",
      remedy:
        "--token を指定するか NINSHO_TOKEN を設定してください。初回の `ninsho serve` が表示し、`ninsho tokens create` で追加できます。",
    },
  },
  EXTEND_CHOICE: {
    en: {
      message: "Give exactly one of --until DATE and --never.",
      remedy: "For example: ninsho licenses extend lic_… --until 2027-12-31 --reason 'renewal'.",
    },
    ja: {
      message: "--until DATE と --never のどちらか一方だけを指定してください。",
      remedy: "例: ninsho licenses extend lic_… --until 2027-12-31 --reason '更新'",
    },
  },
  OUTPUT_EXISTS: {
    en: {
      message: "{path} already exists.",
      remedy: "Choose another --out file, or pass --force to overwrite it.",
    },
    ja: {
      message: "{path} は既に存在します。",
      remedy: "別の --out ファイルを指定するか、上書きするなら --force を付けてください。",
    },
  },
  OUTPUT_FAILED: {
    en: {
      message: "Cannot write {path} ({cause}).",
      remedy: "Check that its folder exists and that you may write there.",
    },
    ja: {
      message: "{path} に書き込めません（{cause}）。",
      remedy: "フォルダーが存在し、書き込み権限があるか確認してください。",
    },
  },
  STDOUT_FAILED: {
    en: {
      message: "Cannot write the keys to stdout ({cause}): its reader stopped.",
      remedy:
        "The keys issued so far are stored licenses; `licenses key` reveals them one by one. Use --out FILE to keep every key.",
    },
    ja: {
      message: "標準出力にキーを書き込めません（{cause}）。読み手が終了しました。",
      remedy:
        "発行済みのキーは登録済みのライセンスです（`licenses key` で 1 件ずつ表示できます）。すべてのキーを保存するには --out FILE を使ってください。",
    },
  },
  STREAM_BROKEN: {
    en: {
      message: "The connection broke after {written} keys were received.",
      remedy:
        "The {written} keys written are stored licenses: keep them, and generate the rest with another `ninsho keys generate`.",
    },
    ja: {
      message: "{written} 件のキーを受信した後に接続が切れました。",
      remedy:
        "書き出された {written} 件は登録済みのライセンスです。保管し、残りは再度 `ninsho keys generate` で生成してください。",
    },
  },
  STREAM_SHORT: {
    en: {
      message: "The server sent {written} keys of the {expected} asked for.",
      remedy:
        "The {written} keys written are stored licenses: keep them, and generate the rest with another `ninsho keys generate`.",
    },
    ja: {
      message: "要求した {expected} 件のうち、サーバーが送ったキーは {written} 件です。",
      remedy:
        "書き出された {written} 件は登録済みのライセンスです。保管し、残りは再度 `ninsho keys generate` で生成してください。",
    },
  },
  INTERRUPTED: {
    en: {
      message: "Interrupted after {written} keys were received.",
      remedy:
        "The {written} keys written are stored licenses: keep them, and generate the rest with another `ninsho keys generate`.",
    },
    ja: {
      message: "{written} 件のキーを受信したところで中断しました。",
      remedy:
        "書き出された {written} 件は登録済みのライセンスです。保管し、残りは再度 `ninsho keys generate` で生成してください。",
    },
  },
  UNEXPECTED: {
    en: {
      message: "Unexpected failure: {cause}",
      remedy: "This is a bug in the ninsho CLI; please report it with the command you ran.",
    },
    ja: {
      message: "予期しない失敗です: {cause}",
      remedy: "ninsho CLI の不具合です。実行したコマンドを添えて報告してください。",
    },
  },
  WORKERS_NEED_POSTGRES: {
    en: {
      message: "--workers {workers} needs PostgreSQL: SQLite allows one writing process.",
      remedy:
        "Set DATABASE_URL (or --database-url) to a postgres:// URL, or run one process without --workers.",
    },
    ja: {
      message: "--workers {workers} には PostgreSQL が必要です。SQLite に書き込めるプロセスは 1 つだけです。",
      remedy:
        "DATABASE_URL（または --database-url）に postgres:// の URL を指定するか、--workers なしで 1 プロセスで起動してください。",
    },
  },
  DATABASE_IS_POSTGRES: {
    en: {
      message: "The database is PostgreSQL; `ninsho {command}` works on the embedded SQLite file only.",
      remedy: "Use {tool} (see docs/deploy.md), and keep NINSHO_MASTER_KEY with the backup.",
    },
    ja: {
      message: "データベースは PostgreSQL です。`ninsho {command}` は組み込みの SQLite ファイル専用です。",
      remedy:
        "{tool} を使ってください（docs/deploy.md 参照）。NINSHO_MASTER_KEY もバックアップと一緒に保管してください。",
    },
  },
  BACKUP_NOT_FOUND: {
    en: { message: "There is no backup at {path}.", remedy: "Give --from the file `ninsho backup` wrote." },
    ja: {
      message: "{path} にバックアップがありません。",
      remedy: "--from には `ninsho backup` が書き出したファイルを指定してください。",
    },
  },
  BACKUP_TARGET_EXISTS: {
    en: {
      message: "{path} already exists.",
      remedy: "Choose a new --out file: a backup never overwrites one.",
    },
    ja: {
      message: "{path} は既に存在します。",
      remedy: "新しい --out ファイルを指定してください。バックアップは既存のファイルを上書きしません。",
    },
  },
  MASTER_KEY_MISSING: {
    en: {
      message: "No master key was found{keyFile, select, none {} other { at {keyFile}}}.",
      remedy:
        "Pass --master-key-file, or set NINSHO_MASTER_KEY: without the master key the data cannot be read.",
    },
    ja: {
      message: "マスターキーが見つかりません{keyFile, select, none {} other {（{keyFile}）}}。",
      remedy:
        "--master-key-file を指定するか NINSHO_MASTER_KEY を設定してください。マスターキーがないとデータを読めません。",
    },
  },
  BACKUP_KEY_MISMATCH: {
    en: {
      message: "The master key from {source} does not open this backup.",
      remedy:
        "Give the master key the backup was made with: --master-key-file, the <backup>.master.key file beside it, or NINSHO_MASTER_KEY. Nothing was restored.",
    },
    ja: {
      message: "{source} のマスターキーではこのバックアップを開けません。",
      remedy:
        "バックアップを作成したときのマスターキーを指定してください（--master-key-file、バックアップの隣の <backup>.master.key、または NINSHO_MASTER_KEY）。何も復元していません。",
    },
  },
  // How `ninsho` was called: commander's parse errors, worded here ({command} is the command path, e.g.
  // "ninsho products list"; {suggestion} is commander's nearest name, or "none").
  USAGE_UNKNOWN_COMMAND: {
    en: {
      message: '"{name}" is not a command of {command}.',
      remedy:
        "{suggestion, select, none {} other {Did you mean {suggestion}? }}Run {command} --help to see its commands.",
    },
    ja: {
      message: "「{name}」は {command} のコマンドではありません。",
      remedy:
        "{suggestion, select, none {} other {{suggestion} のことですか？ }}{command} --help でコマンドの一覧を確認してください。",
    },
  },
  USAGE_UNKNOWN_OPTION: {
    en: {
      message: "{command} has no option {option}.",
      remedy:
        "{suggestion, select, none {} other {Did you mean {suggestion}? }}Run {command} --help to see its options.",
    },
    ja: {
      message: "{command} に {option} というオプションはありません。",
      remedy:
        "{suggestion, select, none {} other {{suggestion} のことですか？ }}{command} --help でオプションの一覧を確認してください。",
    },
  },
  USAGE_MISSING_ARGUMENT: {
    en: {
      message: "{command} needs the argument {argument}.",
      remedy: "Give it after the command; {command} --help shows the usage.",
    },
    ja: {
      message: "{command} には引数 {argument} が必要です。",
      remedy: "コマンドの後に指定してください。使い方は {command} --help で確認できます。",
    },
  },
  USAGE_OPTION_VALUE_MISSING: {
    en: {
      message: "The option {option} of {command} needs a value.",
      remedy: "Write the value right after the option; {command} --help shows what it expects.",
    },
    ja: {
      message: "{command} のオプション {option} には値が必要です。",
      remedy: "オプションの直後に値を指定してください。期待される値は {command} --help で確認できます。",
    },
  },
  USAGE_REQUIRED_OPTION: {
    en: {
      message: "{command} needs the option {option}.",
      remedy: "Add {option}; {command} --help explains it.",
    },
    ja: {
      message: "{command} にはオプション {option} が必要です。",
      remedy: "{option} を指定してください。説明は {command} --help にあります。",
    },
  },
  USAGE_INVALID_VALUE: {
    en: {
      message: '"{value}" is not a valid value for {target} of {command}.',
      remedy: "{reason} {command} --help shows what it expects.",
    },
    ja: {
      message: "「{value}」は {command} の {target} に使えない値です。",
      remedy: "{reason} 期待される値は {command} --help で確認できます。",
    },
  },
  USAGE_EXCESS_ARGUMENTS: {
    en: {
      message: "{command} was given more arguments than it takes ({received} for {expected}).",
      remedy:
        "Remove the extra words (quote a value that contains spaces); {command} --help shows the usage.",
    },
    ja: {
      message: "{command} に指定された引数が多すぎます（{expected} 個まで、指定は {received} 個）。",
      remedy:
        "余分な語を取り除いてください（空白を含む値は引用符で囲みます）。使い方は {command} --help で確認できます。",
    },
  },
  USAGE_CONFLICTING_OPTIONS: {
    en: {
      message: "{option} and {other} cannot be used together.",
      remedy: "Keep one of them; {command} --help explains both.",
    },
    ja: {
      message: "{option} と {other} は同時に使えません。",
      remedy: "どちらか一方にしてください。説明は {command} --help にあります。",
    },
  },
  PORT_IN_USE: {
    en: {
      message: "Port {port} on {host} is already in use by another program.",
      remedy: "Stop that program, or choose another port with --port, e.g. ninsho serve --port {next}.",
    },
    ja: {
      message: "{host} のポート {port} は別のプログラムが使用中です。",
      remedy:
        "そのプログラムを止めるか、--port で別のポートを指定してください（例: ninsho serve --port {next}）。",
    },
  },
  CONFIRMATION_REQUIRED: {
    en: {
      message: "{action} cannot be undone, so it needs --yes to go ahead.",
      remedy: "Check the id, then run the same command again with --yes.",
    },
    ja: {
      message: "{action} は取り消せないため、実行には --yes が必要です。",
      remedy: "ID を確認してから、同じコマンドに --yes を付けて実行し直してください。",
    },
  },
  TRUST_PROXY_INVALID: {
    en: {
      message:
        "--trust-proxy{given} says neither how many proxies stand in front of the server nor which addresses they have.",
      remedy:
        "Give the number of your proxies (e.g. --trust-proxy 1 behind one load balancer) or their addresses and ranges (e.g. --trust-proxy 10.0.0.0/8,fd00::/8); see docs/deploy.md. A bare --trust-proxy is no longer accepted: it believed the first X-Forwarded-For address, which the client writes.",
    },
    ja: {
      message: "--trust-proxy{given} では、サーバーの前にあるプロキシの数もアドレスも分かりません。",
      remedy:
        "プロキシの数（例: ロードバランサー 1 台なら --trust-proxy 1）か、そのアドレスと範囲（例: --trust-proxy 10.0.0.0/8,fd00::/8）を指定してください（docs/deploy.md 参照）。値のない --trust-proxy は使えなくなりました。クライアントが書ける X-Forwarded-For の先頭のアドレスを信じていたためです。",
    },
  },
};
