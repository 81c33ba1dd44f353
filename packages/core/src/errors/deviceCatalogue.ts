import type { SdkErrorCode } from "./codes.js";
import type { CodeTexts } from "./text.js";

/**
 * The words of the SDK's device codes (`sdkErrorCodes`: the machine's own situation — no server, a tampered
 * file, a clock set back), in every locale, as ICU messages; part of `catalogue`. They have no HTTP status.
 * @example
 * deviceCatalogue.NOT_ACTIVATED.en.message; // "This machine is not activated yet."
 */
export const deviceCatalogue: CodeTexts<SdkErrorCode> = {
  LEASE_EXPIRED: {
    en: {
      message: "The lease and its grace period ended on {graceEnd}.",
      remedy: "Connect to the internet so the app can refresh its lease, or use offline activation.",
    },
    ja: {
      message: "リースと猶予期間は {graceEnd} に終了しました。",
      remedy: "インターネットに接続してリースを更新するか、オフライン認証を利用してください。",
    },
  },
  KEY_NOT_INSTALLED: {
    en: {
      message: "No product key is installed on this machine.",
      remedy:
        "Install the key from your purchase: `ninsho device install-key XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`, or type it in the app.",
    },
    ja: {
      message: "このマシンにはプロダクトキーがインストールされていません。",
      remedy:
        "購入時のキーをインストールしてください（`ninsho device install-key XXXXX-XXXXX-XXXXX-XXXXX-XXXXX` またはアプリで入力）。",
    },
  },
  NOT_ACTIVATED: {
    en: {
      message: "This machine is not activated yet.",
      remedy: "Activate it while online (`ninsho device activate`), or use offline activation.",
    },
    ja: {
      message: "このマシンはまだアクティベートされていません。",
      remedy:
        "オンラインでアクティベートするか（`ninsho device activate`）、オフライン認証を利用してください。",
    },
  },
  SERVER_UNREACHABLE: {
    en: {
      message: "The activation server at {url} cannot be reached.",
      remedy:
        "Check the network connection, any proxy or firewall, and the server's address, then try again. An app already activated keeps running on its lease meanwhile and retries on its own.",
    },
    ja: {
      message: "アクティベーションサーバー {url} に接続できません。",
      remedy:
        "ネットワーク接続、プロキシやファイアウォール、サーバーのアドレスを確認してから、もう一度お試しください。認証済みのアプリはその間もリースで動作を続け、自動で再試行します。",
    },
  },
  SERVER_TIMEOUT: {
    en: {
      message: "The activation server did not answer within {seconds} seconds.",
      remedy: "The app keeps running on its lease and retries later with backoff.",
    },
    ja: {
      message: "アクティベーションサーバーが {seconds} 秒以内に応答しませんでした。",
      remedy: "アプリはリースで動作を続け、間隔を空けて再試行します。",
    },
  },
  SERVER_ERROR: {
    en: {
      message: "The activation server failed (HTTP {status}).",
      remedy: "The app keeps running on its lease and retries later; if it persists, tell the vendor.",
    },
    ja: {
      message: "アクティベーションサーバーでエラーが発生しました（HTTP {status}）。",
      remedy: "アプリはリースで動作を続け、後で再試行します。続く場合は販売元にお知らせください。",
    },
  },
  RESPONSE_INVALID: {
    en: {
      message: "The server's answer could not be understood.",
      remedy:
        "Check that the server URL points at the vendor's activation server (not a proxy's error page).",
    },
    ja: {
      message: "サーバーの応答を解釈できませんでした。",
      remedy:
        "サーバー URL が販売元のアクティベーションサーバーを指しているか（プロキシのエラーページでないか）確認してください。",
    },
  },
  RESPONSE_SIGNATURE_INVALID: {
    en: {
      message: "The answer is not signed by this product's key; it was ignored.",
      remedy:
        "Something between this machine and the vendor is impersonating the server; remove it or fix the server URL.",
    },
    ja: {
      message: "応答がこの製品の鍵で署名されていないため、無視しました。",
      remedy:
        "このマシンと販売元の間で何かがサーバーを偽装しています。取り除くか、サーバー URL を修正してください。",
    },
  },
  CLOCK_ROLLBACK: {
    en: {
      message: "The system clock is earlier than a time this machine has already seen ({seenAt}).",
      remedy: "Set the clock to the correct time (enable automatic time), then try again.",
    },
    ja: {
      message: "システム時計が、このマシンで既に確認された時刻（{seenAt}）より前になっています。",
      remedy: "時計を正しい時刻に合わせて（自動設定を有効にして）から、もう一度お試しください。",
    },
  },
  STATE_CORRUPT: {
    en: {
      message: "The saved activation state is damaged ({file}).",
      remedy:
        "It is repaired from the server at the next online check; run `ninsho device activate` if it is not.",
    },
    ja: {
      message: "保存されたアクティベーション状態が壊れています（{file}）。",
      remedy:
        "次回のオンライン確認でサーバーから修復されます。修復されない場合は `ninsho device activate` を実行してください。",
    },
  },
  STATE_TAMPERED: {
    en: {
      message: "The saved lease or state was altered and was rejected.",
      remedy: "Go online so the app can fetch a genuine lease; do not edit the files in the state folder.",
    },
    ja: {
      message: "保存されたリースまたは状態が改変されていたため、拒否しました。",
      remedy:
        "オンラインにして正規のリースを取得してください。状態フォルダーのファイルは編集しないでください。",
    },
  },
  STATE_UNCONFIRMED: {
    en: {
      message:
        "This machine's saved activation cannot be confirmed offline: its records are missing or disagree.",
      remedy:
        "Connect to the internet: the app asks the server at once and runs again if the license is in order.",
    },
    ja: {
      message:
        "このマシンの保存されたアクティベーションをオフラインでは確認できません（記録が見つからないか、食い違っています）。",
      remedy:
        "インターネットに接続してください。アプリがすぐにサーバーへ確認し、ライセンスに問題がなければ再び使えるようになります。",
    },
  },
  CONFIRMATION_ID_MALFORMED: {
    en: {
      message: "The confirmation ID is not valid: {reason}",
      remedy:
        "Check the group(s) named against the confirmation ID you were given and retype them; each group of six digits ends in a check digit.",
    },
    ja: {
      message: "確認 ID が正しくありません: {reason}",
      remedy:
        "指摘されたグループを受け取った確認 ID と見比べて再入力してください。6 桁の各グループの最後の数字はチェック用です。",
    },
  },
  CONFIRMATION_INVALID: {
    en: {
      message:
        "This confirmation ID was not issued for this machine's installation ID and product, so it was refused.",
      remedy:
        "Check every group against the one you were given; if it still fails, get a confirmation ID for the installation ID this machine shows now (it changes with the date and the hardware).",
    },
    ja: {
      message:
        "この確認 ID はこのマシンのインストール ID と製品に対して発行されたものではないため、拒否しました。",
      remedy:
        "すべてのグループを受け取ったものと見比べてください。それでも失敗する場合は、このマシンに現在表示されているインストール ID で確認 ID を取得し直してください（ID は日付とハードウェアで変わります）。",
    },
  },
  LICENSE_FILE_INVALID: {
    en: {
      message: "The license file cannot be installed on this machine: {reason}",
      remedy:
        "Use the license file made from this machine's latest request file, without editing it; if in doubt, write a new request file and have it turned into a license file again.",
    },
    ja: {
      message: "このライセンスファイルはこのマシンにインストールできません: {reason}",
      remedy:
        "このマシンの最新の要求ファイルから作られたライセンスファイルを、編集せずに使ってください。不明な場合は要求ファイルを書き出し直し、ライセンスファイルを作り直してください。",
    },
  },
  PUBLIC_KEYS_MISSING: {
    en: {
      message:
        "This app was set up without the product's public keys, so it cannot verify a lease or the server's answers.",
      remedy:
        "Update the app or contact its vendor. (Vendor: pass the product's public keys, the server's /.well-known/jwks.json shipped with the app, as publicKeys to createClient.)",
    },
    ja: {
      message: "このアプリは製品の公開鍵なしで設定されているため、リースやサーバーの応答を検証できません。",
      remedy:
        "アプリを更新するか、販売元にお問い合わせください。（販売元の方へ: アプリに同梱したサーバーの /.well-known/jwks.json を、製品の公開鍵として createClient の publicKeys に渡してください。）",
    },
  },
  PRODUCT_SALT_MISSING: {
    en: {
      message:
        "This app was set up without the product's fingerprint salt, so it cannot describe this machine without exposing its hardware identifiers.",
      remedy:
        "Update the app or contact its vendor. (Vendor: ship the product's fingerprintSalt, from the admin API's answer about the product, as productSalt to createClient.)",
    },
    ja: {
      message:
        "このアプリは製品のフィンガープリント用ソルトなしで設定されているため、ハードウェア識別子を守ったままこのマシンを識別できません。",
      remedy:
        "アプリを更新するか、販売元にお問い合わせください。（販売元の方へ: 管理 API が返す製品情報の fingerprintSalt を、createClient の productSalt としてアプリに同梱してください。）",
    },
  },
  OFFLINE_KEY_NOT_SHIPPED: {
    en: {
      message:
        "This app was built without the product's offline key, so it cannot verify a confirmation ID and phone activation is not available.",
      remedy:
        "Activate online, or update the app. (Vendor: ship the product's offline key as the offline option of createClient, or ship the product's public keys so the SDK can verify the key the server certifies.)",
    },
    ja: {
      message:
        "このアプリは製品のオフライン鍵なしで作られているため、確認 ID を検証できず、電話によるアクティベーションは使えません。",
      remedy:
        "オンラインでアクティベートするか、アプリを更新してください。（販売元の方へ: 製品のオフライン鍵を createClient の offline オプションとして同梱するか、サーバーが証明する鍵を SDK が検証できるよう製品の公開鍵を同梱してください。）",
    },
  },
};
