import { adminCatalogue } from "./adminCatalogue.js";
import { channelCatalogue } from "./channelCatalogue.js";
import type { ErrorCode, ServerErrorCode } from "./codes.js";
import { deviceCatalogue } from "./deviceCatalogue.js";
import { deviceCliCatalogue } from "./deviceCliCatalogue.js";
import { relayCatalogue } from "./relayCatalogue.js";
import { seatCatalogue } from "./seatCatalogue.js";
import type { CodeTexts } from "./text.js";
import { transferCatalogue } from "./transferCatalogue.js";

/**
 * The words of the codes that travel in HTTP answers (`serverErrorCodes`), in every locale, as ICU messages
 * (`{name}`, `{n, plural, …}`, `{x, select, …}`). A missing entry fails to compile.
 * @example
 * serverCatalogue.KEY_NOT_FOUND.ja.remedy;
 */
export const serverCatalogue: CodeTexts<ServerErrorCode> = {
  ...seatCatalogue,
  ...relayCatalogue,
  ...adminCatalogue,
  ...transferCatalogue,
  ...channelCatalogue,
  BODY_MALFORMED: {
    en: {
      message: "The request body is not valid JSON.",
      remedy: "Send a JSON object with Content-Type: application/json.",
    },
    ja: {
      message: "リクエスト本文が正しい JSON ではありません。",
      remedy: "Content-Type: application/json で JSON オブジェクトを送信してください。",
    },
  },
  BODY_TOO_LARGE: {
    en: {
      message: "The request body is larger than {limit} bytes.",
      remedy: "Send a smaller body; split bulk work into several requests.",
    },
    ja: {
      message: "リクエスト本文が上限の {limit} バイトを超えています。",
      remedy: "本文を小さくするか、複数のリクエストに分けて送信してください。",
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    en: {
      message: "This endpoint accepts only application/json.",
      remedy: "Set the header Content-Type: application/json.",
    },
    ja: {
      message: "このエンドポイントは application/json のみ受け付けます。",
      remedy: "Content-Type: application/json ヘッダーを指定してください。",
    },
  },
  VALIDATION_FAILED: {
    en: {
      message: "The request does not match the expected shape: {issues}",
      remedy: "Correct the fields named above; see the API reference for each field.",
    },
    ja: {
      message: "リクエストの形式が正しくありません: {issues}",
      remedy: "上記の項目を修正してください。各項目は API リファレンスを参照してください。",
    },
  },
  ROUTE_NOT_FOUND: {
    en: {
      message: "There is no endpoint {method} {path}.",
      remedy: "Check the URL and method against the API reference (/openapi.json).",
    },
    ja: {
      message: "{method} {path} というエンドポイントはありません。",
      remedy: "URL とメソッドを API リファレンス (/openapi.json) で確認してください。",
    },
  },
  KEY_MALFORMED: {
    en: {
      message: "The product key is not valid: {reason}",
      remedy:
        "Check the group(s) named and type the key again exactly as printed; letters A, E, I, O, U, L, N, S, Z and the digits 0, 1, 5 never appear in a key.",
    },
    ja: {
      message: "プロダクトキーが正しくありません: {reason}",
      remedy:
        "指摘されたグループを確認し、印刷どおりに再入力してください。キーに A・E・I・O・U・L・N・S・Z と数字 0・1・5 は使われません。",
    },
  },
  KEY_NOT_FOUND: {
    en: {
      message: "This product key is well formed but does not belong to this product's server.",
      remedy:
        "Make sure the key is for this product; if you bought it, contact the seller with your proof of purchase.",
    },
    ja: {
      message: "このプロダクトキーは形式は正しいものの、このサーバーには登録されていません。",
      remedy:
        "対象製品のキーか確認してください。購入済みの場合は購入証明を添えて販売元にお問い合わせください。",
    },
  },
  LICENSE_NOT_FOUND: {
    en: {
      message: "No license {licenseId} exists.",
      remedy: "Check the license id; search by key or email in the support desk.",
    },
    ja: {
      message: "ライセンス {licenseId} は存在しません。",
      remedy: "ライセンス ID を確認するか、サポート画面でキーやメールアドレスから検索してください。",
    },
  },
  LICENSE_SUSPENDED: {
    en: {
      message: "This license is suspended: {reason}",
      remedy:
        "Contact the vendor's support; a suspended license is reinstated once the matter is settled, with no reactivation needed.",
    },
    ja: {
      message: "このライセンスは一時停止されています: {reason}",
      remedy: "販売元のサポートにお問い合わせください。解決後に再開され、再アクティベーションは不要です。",
    },
  },
  LICENSE_REVOKED: {
    en: {
      message: "This license has been revoked: {reason}",
      remedy: "A revoked license cannot be used again. Contact the vendor if you believe this is a mistake.",
    },
    ja: {
      message: "このライセンスは取り消されました: {reason}",
      remedy: "取り消されたライセンスは再利用できません。誤りと思われる場合は販売元にお問い合わせください。",
    },
  },
  LICENSE_EXPIRED: {
    en: {
      message: "This license expired on {expiredAt}.",
      remedy:
        "Renew the subscription or buy a new license; your devices are kept and reactivate when the license is extended.",
    },
    ja: {
      message: "このライセンスは {expiredAt} に期限切れになりました。",
      remedy:
        "サブスクリプションを更新するか新しいライセンスを購入してください。延長されるとデバイスはそのまま再び有効になります。",
    },
  },
  LICENSE_STATE_CONFLICT: {
    en: {
      message:
        "The license is {status}; it cannot be {action, select, suspend {suspended} reinstate {reinstated} revoke {revoked} extend {extended} other {changed}}.",
      remedy:
        "Read the license's timeline to see how it got here; only a suspended license can be reinstated.",
    },
    ja: {
      message:
        "ライセンスは {status} 状態のため、{action, select, suspend {一時停止} reinstate {再開} revoke {取り消し} extend {延長} other {変更}}できません。",
      remedy: "ライセンスの履歴を確認してください。再開できるのは一時停止中のライセンスのみです。",
    },
  },
  DEVICE_LIMIT_REACHED: {
    en: {
      message:
        "This key is already activated on {count} of {max} allowed devices, and this machine is not one of them.",
      remedy:
        "Deactivate a device you no longer use (from that device, or in the customer portal), or move the license to this machine with a transfer if the policy allows it.",
    },
    ja: {
      message:
        "このキーは上限 {max} 台のうち {count} 台で既にアクティベートされており、このマシンはそのいずれでもありません。",
      remedy:
        "使わなくなったデバイスを解除するか（そのデバイスまたはカスタマーポータルから）、ポリシーが許す場合は移行でこのマシンにライセンスを移してください。",
    },
  },
  DEVICE_NOT_FOUND: {
    en: {
      message: "No device {deviceId} is activated on this license.",
      remedy: "List the license's devices to find the right id.",
    },
    ja: {
      message: "このライセンスにデバイス {deviceId} は登録されていません。",
      remedy: "ライセンスのデバイス一覧から正しい ID を確認してください。",
    },
  },
  DEVICE_DEACTIVATED: {
    en: {
      message: "This device was deactivated on {deactivatedAt}.",
      remedy:
        "Activate again with the product key; if the license has a free slot this machine gets it back.",
    },
    ja: {
      message: "このデバイスは {deactivatedAt} に解除されました。",
      remedy: "プロダクトキーで再度アクティベートしてください。空きがあればこのマシンで再び使えます。",
    },
  },
  DEVICE_FORKED: {
    en: {
      message:
        "Two copies of this device were found running on one activation, so it is stopped on every copy; re-activating with the key does not undo this.",
      remedy:
        "Move the license to the machine that should keep it with a transfer from this device (it counts against the transfer allowance of the license's policy), or contact support, who can see the fork on the license.",
    },
    ja: {
      message:
        "1 つのアクティベーションでこのデバイスの複製が 2 台動作しているのが見つかったため、すべての複製で停止しています。プロダクトキーで再アクティベートしても解除されません。",
      remedy:
        "使い続けるマシンへ、このデバイスからの移管でライセンスを移してください（ポリシーの移管回数を 1 回使います）。またはサポートにお問い合わせください。サポートはライセンスでこの複製を確認できます。",
    },
  },
  LEASE_SUPERSEDED: {
    en: {
      message:
        "This copy's lease was replaced: this device was activated again with the product key elsewhere (or on this machine after this lease was saved), and only the newest activation runs.",
      remedy:
        "If this is the machine that should run, activate it again with the product key; if copies of it keep replacing each other, the license is stopped as forked and support or a transfer resolves it.",
    },
    ja: {
      message:
        "このコピーのリースは置き換えられました。このデバイスが別の場所で（またはこのリースの保存後にこのマシンで）プロダクトキーにより再アクティベートされ、最新のアクティベーションだけが動作します。",
      remedy:
        "このマシンで使い続ける場合は、プロダクトキーで再アクティベートしてください。複製が互いに置き換え続けると複製として停止され、移管またはサポートで解決します。",
    },
  },
  DEVICE_PROOF_REQUIRED: {
    en: {
      message:
        "A product key tells the license's state, but not which copy of this device is asking; a lease is handed out only to the device itself.",
      remedy:
        "Validate with the lease the device holds (the SDK does this on its own), or activate this machine with the key.",
    },
    ja: {
      message:
        "プロダクトキーではライセンスの状態は分かりますが、このデバイスのどのコピーからの要求かは分かりません。リースはデバイス本体にだけ発行されます。",
      remedy:
        "デバイスが保持するリースで検証してください（SDK は自動で行います）。またはプロダクトキーでこのマシンをアクティベートしてください。",
    },
  },
  FINGERPRINT_MISMATCH: {
    en: {
      message:
        "This lease belongs to another machine (match score {score} is below the threshold {threshold}, and fewer than two of its unit-level identifiers — board, disk, network adapter, install id — matched).",
      remedy:
        "Activate this machine with the product key; if its hardware was replaced, transfer the license to it.",
    },
    ja: {
      message:
        "このリースは別のマシンのものです（一致スコア {score} がしきい値 {threshold} 未満で、機体固有の識別子（ボード、ディスク、ネットワークアダプター、インストール ID）の一致も 2 つ未満）。",
      remedy:
        "プロダクトキーでこのマシンをアクティベートしてください。ハードウェアを交換した場合はライセンスを移行してください。",
    },
  },
  TRANSFER_NOT_ALLOWED: {
    en: {
      message: "Licenses of this policy cannot be moved to another machine.",
      remedy: "Contact the vendor's support, who can reassign the license after checking the purchase.",
    },
    ja: {
      message: "このポリシーのライセンスは別のマシンに移行できません。",
      remedy: "販売元のサポートにお問い合わせください。購入を確認したうえで再割り当てできます。",
    },
  },
  LEASE_INVALID: {
    en: {
      message: "The lease is not a valid Ninsho lease: {reason}",
      remedy: "Validate with the product key instead, or reactivate this device.",
    },
    ja: {
      message: "リースが正しくありません: {reason}",
      remedy: "代わりにプロダクトキーで検証するか、このデバイスを再アクティベートしてください。",
    },
  },
  DEVICE_PROOF_INVALID: {
    en: {
      message: "This request does not prove it comes from the activated device: {reason}",
      remedy:
        "Use the app on the machine it was activated on; if this is that machine and its device secret was lost, activate it again with the product key.",
    },
    ja: {
      message: "この要求がアクティベート済みのデバイスから送られたことを証明できません: {reason}",
      remedy:
        "アクティベートしたマシンでアプリを使ってください。そのマシンでデバイスシークレットを失った場合は、プロダクトキーで再アクティベートしてください。",
    },
  },
  PRODUCT_NOT_FOUND: {
    en: { message: "No product {productId} exists.", remedy: "List products to find the right id." },
    ja: {
      message: "製品 {productId} は存在しません。",
      remedy: "製品一覧から正しい ID を確認してください。",
    },
  },
  POLICY_NOT_FOUND: {
    en: {
      message: "No policy {policyId} exists.",
      remedy: "List the product's policies to find the right id.",
    },
    ja: {
      message: "ポリシー {policyId} は存在しません。",
      remedy: "製品のポリシー一覧から正しい ID を確認してください。",
    },
  },
  TOKEN_NOT_FOUND: {
    en: { message: "No admin token {tokenId} exists.", remedy: "List tokens to find the right id." },
    ja: {
      message: "管理トークン {tokenId} は存在しません。",
      remedy: "トークン一覧から正しい ID を確認してください。",
    },
  },
  UNAUTHENTICATED: {
    en: {
      message: "A valid admin token is required.",
      remedy:
        "Send Authorization: Bearer <token>; the first start printed an admin token, and `ninsho tokens create` makes more.",
    },
    ja: {
      message: "有効な管理トークンが必要です。",
      remedy:
        "Authorization: Bearer <token> を送信してください。初回起動時に管理トークンが表示され、`ninsho tokens create` で追加できます。",
    },
  },
  FORBIDDEN: {
    en: {
      message: "The role {role} may not do this; it needs {required}.",
      remedy: "Ask an admin for a token with the needed role.",
    },
    ja: {
      message: "ロール {role} ではこの操作はできません（必要なロール: {required}）。",
      remedy: "必要なロールのトークンを管理者に依頼してください。",
    },
  },
  RATE_LIMITED: {
    en: { message: "Too many attempts; slow down.", remedy: "Try again after {retryAfter} seconds." },
    ja: { message: "試行回数が多すぎます。", remedy: "{retryAfter} 秒後にもう一度お試しください。" },
  },
  SERVICE_UNAVAILABLE: {
    en: {
      message: "The activation server cannot reach its database right now.",
      remedy: "Apps keep running on their lease; try again in a minute.",
    },
    ja: {
      message: "アクティベーションサーバーが現在データベースに接続できません。",
      remedy: "アプリはリースで動作を続けます。1 分後にもう一度お試しください。",
    },
  },
  SERVER_BUSY: {
    en: {
      message: "The activation server is busy and did not start on this request.",
      remedy: "Apps keep running on their lease; try again after {retryAfter} seconds.",
    },
    ja: {
      message: "アクティベーションサーバーが混み合っているため、このリクエストは処理されませんでした。",
      remedy: "アプリはリースで動作を続けます。{retryAfter} 秒後にもう一度お試しください。",
    },
  },
  INTERNAL_ERROR: {
    en: {
      message: "Something went wrong on the server (reference {requestId}).",
      remedy: "Try again; if it persists, give the reference to the vendor's support.",
    },
    ja: {
      message: "サーバーで問題が発生しました（参照番号 {requestId}）。",
      remedy: "もう一度お試しください。解決しない場合は参照番号を販売元のサポートにお伝えください。",
    },
  },
  INSTALLATION_ID_MALFORMED: {
    en: {
      message: "The installation ID is not valid: {reason}",
      remedy:
        "Read the group(s) named again from the device's screen and retype them; each group of six digits ends in a check digit, so a typo is caught in the group it is in.",
    },
    ja: {
      message: "インストール ID が正しくありません: {reason}",
      remedy:
        "指摘されたグループをデバイスの画面で読み直して再入力してください。6 桁の各グループの最後の数字はチェック用で、入力ミスはそのグループで見つかります。",
    },
  },
  INSTALLATION_ID_NOT_FOUND: {
    en: {
      message: "This installation ID does not belong to a license of this server: {reason}",
      remedy:
        "Check that the device has the right product key installed and read the ID from its screen again; if it still fails, contact the vendor's support with the ID.",
    },
    ja: {
      message: "このインストール ID はこのサーバーのライセンスのものではありません: {reason}",
      remedy:
        "デバイスに正しいプロダクトキーがインストールされているか確認し、画面から ID を読み直してください。解決しない場合は ID を添えて販売元のサポートにお問い合わせください。",
    },
  },
  OFFLINE_REQUEST_EXPIRED: {
    en: {
      message:
        "This offline request is dated {requestDate}; requests are accepted for {maxAgeDays} days up to today ({today}).",
      remedy:
        "Make a new installation ID or request file on the device now (check that its clock is right) and use it within {maxAgeDays} days.",
    },
    ja: {
      message:
        "このオフライン要求の日付は {requestDate} です。要求は今日（{today}）までの {maxAgeDays} 日間だけ受け付けます。",
      remedy:
        "デバイスで新しいインストール ID または要求ファイルを作成し（時計が正しいか確認してください）、{maxAgeDays} 日以内に使ってください。",
    },
  },
  OFFLINE_FILE_INVALID: {
    en: {
      message: "The offline request file is not valid: {reason}",
      remedy:
        "Use the file exactly as the device wrote it, without editing it; if it was damaged on the way, write a new one on the device.",
    },
    ja: {
      message: "オフライン要求ファイルが正しくありません: {reason}",
      remedy:
        "デバイスが書き出したファイルを編集せずにそのまま使ってください。途中で壊れた場合はデバイスで新しく書き出してください。",
    },
  },
  SIGN_IN_REQUIRED: {
    en: {
      message: "You are not signed in, or your session has ended.",
      remedy: "Sign in with your email address and password, then try again.",
    },
    ja: {
      message: "サインインしていないか、セッションの有効期限が切れています。",
      remedy: "メールアドレスとパスワードでサインインしてから、もう一度お試しください。",
    },
  },
  CROSS_ORIGIN_REFUSED: {
    en: {
      message: "This request came from another site ({origin}), so it was refused to protect your account.",
      remedy:
        "Use the vendor's own account pages; a script calling the API with your session must send Origin: {expected}.",
    },
    ja: {
      message: "このリクエストは別のサイト（{origin}）から送られたため、アカウント保護のため拒否しました。",
      remedy:
        "販売元のアカウントページからご利用ください。セッションを使って API を呼び出すスクリプトは Origin: {expected} を送信してください。",
    },
  },
  INVALID_CREDENTIALS: {
    en: {
      message: "The email address or password is not right.",
      remedy:
        "Check both and try again; if you forgot your password, ask for a reset link. After several failed attempts the account is locked for a while.",
    },
    ja: {
      message: "メールアドレスまたはパスワードが正しくありません。",
      remedy:
        "両方を確認してもう一度お試しください。パスワードを忘れた場合はリセット用リンクを請求してください。何度も失敗するとアカウントはしばらくロックされます。",
    },
  },
  ACCOUNT_LOCKED: {
    en: {
      message: "This account is locked after too many failed sign-ins, until {until}.",
      remedy:
        "To get back in now, reset your password with the emailed link (it unlocks the account); or wait until {until} and sign in again.",
    },
    ja: {
      message: "サインインの失敗が多すぎたため、このアカウントは {until} までロックされています。",
      remedy:
        "すぐに再開するには、メールで届くリンクからパスワードをリセットしてください（ロックも解除されます）。または {until} 以降にもう一度サインインしてください。",
    },
  },
  PASSWORD_TOO_WEAK: {
    en: {
      message:
        "This password cannot be used: {reason, select, short {it is too short} long {it is too long} repeated {it is one character repeated} common {it is one of the passwords guessers try first} email {it is your email address} other {it is too easy to guess}}.",
      remedy:
        "Choose a password of {min} to {max} characters that you use nowhere else; a few unrelated words make a good one.",
    },
    ja: {
      message:
        "このパスワードは使えません: {reason, select, short {短すぎます} long {長すぎます} repeated {同じ文字の繰り返しです} common {推測されやすいよく使われるパスワードです} email {メールアドレスと同じです} other {推測されやすいパスワードです}}。",
      remedy:
        "ほかで使っていない {min}〜{max} 文字のパスワードを選んでください。関係のない単語をいくつか並べると覚えやすく安全です。",
    },
  },
  LINK_EXPIRED: {
    en: {
      message: "This link no longer works: it was used already, it has expired, or it is not one we sent.",
      remedy:
        "Ask for a new one: sign in to send a new verification link, or ask for a new password reset link; use only the newest mail.",
    },
    ja: {
      message:
        "このリンクは使えません。使用済みか、有効期限が切れているか、こちらから送ったものではありません。",
      remedy:
        "新しいリンクを請求してください。サインインして確認リンクを再送するか、パスワードリセットを再度申請し、最新のメールだけをお使いください。",
    },
  },
  SIGN_IN_EXPIRED: {
    en: {
      message: "This sign-in step has expired or was already completed.",
      remedy:
        "Start again: sign in with your email address and password, then enter a new code within 5 minutes.",
    },
    ja: {
      message: "このサインイン手順は有効期限が切れたか、すでに完了しています。",
      remedy: "メールアドレスとパスワードでもう一度サインインし、5 分以内に新しいコードを入力してください。",
    },
  },
  TOTP_CODE_INVALID: {
    en: {
      message: "The code is not right, or it was used already.",
      remedy:
        "Enter the current 6-digit code from your authenticator app (check the phone's clock is set automatically), or one of your unused recovery codes.",
    },
    ja: {
      message: "コードが正しくないか、すでに使用されています。",
      remedy:
        "認証アプリに表示されている現在の 6 桁のコード（スマートフォンの時刻が自動設定か確認してください）、または未使用のリカバリーコードを入力してください。",
    },
  },
  TOTP_STATE_CONFLICT: {
    en: {
      message:
        "{state, select, enabled {Two-step sign-in is already on for this account.} notStarted {There is no two-step sign-in set-up to confirm.} other {Two-step sign-in is off for this account.}}",
      remedy:
        "{state, select, enabled {To set it up again, turn it off first (with a current code), then start over.} notStarted {Start the set-up first; then confirm it with a code from your app.} other {Turn it on first if you want to use it.}}",
    },
    ja: {
      message:
        "{state, select, enabled {このアカウントでは 2 段階サインインがすでに有効です。} notStarted {確認する 2 段階サインインの設定がありません。} other {このアカウントでは 2 段階サインインが無効です。}}",
      remedy:
        "{state, select, enabled {設定し直すには、まず現在のコードで無効にしてからやり直してください。} notStarted {まず設定を開始し、アプリのコードで確認してください。} other {使う場合は先に有効にしてください。}}",
    },
  },
  EMAIL_NOT_VERIFIED: {
    en: {
      message: "Your email address is not verified yet.",
      remedy: "Open the verification link we sent you (ask for a new one if it expired), then try again.",
    },
    ja: {
      message: "メールアドレスがまだ確認されていません。",
      remedy:
        "お送りした確認リンクを開いてから（期限切れの場合は再送を依頼してください）、もう一度お試しください。",
    },
  },
  DEVICE_CODE_PENDING: {
    en: {
      message: "Waiting for you to approve this device: code {userCode}.",
      remedy:
        "On a phone or computer, open {verificationUri}, sign in, enter the code {userCode} and choose the license; this device then continues by itself.",
    },
    ja: {
      message: "このデバイスの承認を待っています（コード {userCode}）。",
      remedy:
        "スマートフォンやパソコンで {verificationUri} を開いてサインインし、コード {userCode} を入力してライセンスを選んでください。その後、このデバイスは自動的に続行します。",
    },
  },
  DEVICE_CODE_EXPIRED: {
    en: {
      message: "This device sign-in has expired or was already completed.",
      remedy: "Start again on the device to get a new code, and approve it within 10 minutes.",
    },
    ja: {
      message: "このデバイスのサインインは有効期限が切れたか、すでに完了しています。",
      remedy: "デバイスでもう一度始めて新しいコードを受け取り、10 分以内に承認してください。",
    },
  },
  USER_CODE_NOT_FOUND: {
    en: {
      message: "There is no device waiting with this code, or it has expired.",
      remedy:
        "Type the code exactly as the device shows it (eight letters, e.g. BCDF-GHJK); if the device shows a new one, use that.",
    },
    ja: {
      message: "このコードで待っているデバイスはないか、有効期限が切れています。",
      remedy:
        "デバイスに表示されたとおりにコード（8 文字、例: BCDF-GHJK）を入力してください。新しいコードが表示されている場合はそちらを使ってください。",
    },
  },
  LICENSE_OWNED_ELSEWHERE: {
    en: {
      message: "This license belongs to another account or was bought with another email address.",
      remedy:
        "Sign in with the account of the email address the license was bought with; if it should be yours, contact the vendor's support with your proof of purchase.",
    },
    ja: {
      message: "このライセンスは別のアカウントのもの、または別のメールアドレスで購入されたものです。",
      remedy:
        "ライセンスを購入したメールアドレスのアカウントでサインインしてください。ご自身のものであるはずの場合は、購入の証明を添えて販売元のサポートにお問い合わせください。",
    },
  },
};

/**
 * Every code's words, in every locale: the server's codes, then the SDK's and the `ninsho` command's own.
 * @example
 * catalogue.NO_TOKEN.en.message; // "No admin token was given."
 */
export const catalogue: CodeTexts<ErrorCode> = {
  ...serverCatalogue,
  ...deviceCatalogue,
  ...deviceCliCatalogue,
};
