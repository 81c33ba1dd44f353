import type { ServerErrorCode } from "./codes.js";
import type { CodeTexts } from "./text.js";

/** The codes of admin changes, billing and webhooks (a part of the server catalogue, kept in its own file). */
export type AdminErrorCode = Extract<
  ServerErrorCode,
  | "LAST_ADMIN_TOKEN"
  | "EXPIRY_IN_PAST"
  | "EXTENSION_BEYOND_SUPPORT_LIMIT"
  | "SUPPORT_EXTENSION_TOO_SOON"
  | "COMPONENT_KIND_UNKNOWN"
  | "WEIGHTS_UNREADABLE_IN_CONTAINER"
  | "POLICY_ARCHIVED"
  | "PRODUCT_ARCHIVED"
  | "POLICY_OF_OTHER_PRODUCT"
  | "PHONE_FEATURES_INVALID"
  | "WEBHOOK_NOT_FOUND"
  | "WEBHOOK_TARGET_PRIVATE"
  | "SUPPORT_REQUEST_NOT_FOUND"
  | "DELIVERY_NOT_FOUND"
  | "SIGNATURE_INVALID"
>;

/**
 * The words of the admin, billing and webhook codes in every locale, spread into `serverCatalogue`.
 * @example
 * adminCatalogue.LAST_ADMIN_TOKEN.ja.remedy;
 */
export const adminCatalogue: CodeTexts<AdminErrorCode> = {
  LAST_ADMIN_TOKEN: {
    en: {
      message:
        "Token {tokenId} is the last live admin token; revoking it would lock every administrator out.",
      remedy: "Create another admin token first (POST /v1/admin/tokens), then revoke this one.",
    },
    ja: {
      message:
        "トークン {tokenId} は有効な最後の管理者トークンです。取り消すと管理者が誰も操作できなくなります。",
      remedy:
        "先に別の管理者トークンを作成（POST /v1/admin/tokens）してから、このトークンを取り消してください。",
    },
  },
  EXPIRY_IN_PAST: {
    en: {
      message:
        "The new expiry {expiresAt} is not in the future (now is {now}); it would end the license at once.",
      remedy: "Give a later date; to stop a license now, suspend or revoke it with a reason.",
    },
    ja: {
      message:
        "新しい有効期限 {expiresAt} が未来ではありません（現在 {now}）。ライセンスが即座に終了します。",
      remedy:
        "より後の日時を指定してください。今すぐ止めるには、理由を添えて一時停止または取り消しを行ってください。",
    },
  },
  EXTENSION_BEYOND_SUPPORT_LIMIT: {
    en: {
      message:
        "Support may not set this expiry: {why, select, perpetual {a support token cannot make a license perpetual} no_expiry {the license is perpetual, there is no expiry to extend} not_later {{requested} is not later than the current expiry, and support never shortens a license} other {{requested} is more than {days} days past the later of now and the current expiry {current}, so later than {latest}}}.",
      remedy:
        "{why, select, perpetual {Ask an admin to make this change.} no_expiry {Nothing to extend: the license never expires.} not_later {Give a later date, or ask an admin to shorten it.} other {Extend by at most {days} days (until {latest} at the latest), or ask an admin for more.}}",
    },
    ja: {
      message:
        "サポートはこの有効期限を設定できません: {why, select, perpetual {サポートのトークンではライセンスを無期限にできません} no_expiry {ライセンスは無期限で、延長する有効期限がありません} not_later {{requested} は現在の有効期限より後ではありません。サポートはライセンスを短くできません} other {{requested} は現在時刻と現在の有効期限 {current} の遅い方から {days} 日を超えています（上限は {latest}）}}。",
      remedy:
        "{why, select, perpetual {この変更は管理者に依頼してください。} no_expiry {ライセンスは期限切れにならないため、延長は不要です。} not_later {より後の日時を指定するか、短くする場合は管理者に依頼してください。} other {延長は最大 {days} 日（{latest} まで）にするか、それ以上は管理者に依頼してください。}}",
    },
  },
  SUPPORT_EXTENSION_TOO_SOON: {
    en: {
      message:
        "Support already extended this license on {lastAt}; support may extend a license once every {days} days.",
      remedy: "Ask an admin to extend it, or extend it again from {nextAt}.",
    },
    ja: {
      message:
        "サポートは {lastAt} にこのライセンスを延長済みです。サポートによる延長は 1 ライセンスにつき {days} 日に 1 回です。",
      remedy: "管理者に延長を依頼するか、{nextAt} 以降に再度延長してください。",
    },
  },
  COMPONENT_KIND_UNKNOWN: {
    en: {
      message: "No collector sends the component kind {kinds}; its weight would silently count for nothing.",
      remedy: "Use the kinds {known}, or name a kind your own code sends vendor-… (e.g. vendor-dongle).",
    },
    ja: {
      message: "部品の種類 {kinds} を送るコレクターはありません。その重みは何の効果もありません。",
      remedy:
        "{known} のいずれかを使うか、独自に送る種類は vendor-…（例: vendor-dongle）と名付けてください。",
    },
  },
  WEIGHTS_UNREADABLE_IN_CONTAINER: {
    en: {
      message:
        "A workload policy runs in containers, which read only {kinds}; none of them weighs anything here, so no container could be told from another.",
      remedy: "Give os-install (the container id) a weight, e.g. os-install: 15.",
    },
    ja: {
      message:
        "ワークロードのポリシーはコンテナーで動き、コンテナーが読めるのは {kinds} だけですが、そのどれにも重みがありません。コンテナーを区別できません。",
      remedy: "os-install（コンテナー ID）に重みを付けてください（例: os-install: 15）。",
    },
  },
  POLICY_ARCHIVED: {
    en: {
      message: "Policy {policyId} is archived: it keeps its licenses but takes no new ones.",
      remedy: "Choose a policy that is not archived (GET /v1/admin/policies), or restore this one.",
    },
    ja: {
      message:
        "ポリシー {policyId} はアーカイブ済みです。既存のライセンスは保たれますが、新しいライセンスは受け付けません。",
      remedy:
        "アーカイブされていないポリシーを選ぶ（GET /v1/admin/policies）か、このポリシーを元に戻してください。",
    },
  },
  PRODUCT_ARCHIVED: {
    en: {
      message:
        "Product {productId} is archived: its licenses keep working, but it takes no new policies or keys.",
      remedy: "Restore the product first if you mean to sell it again.",
    },
    ja: {
      message:
        "製品 {productId} はアーカイブ済みです。既存のライセンスは使えますが、新しいポリシーやキーは作れません。",
      remedy: "再び販売する場合は、先に製品を元に戻してください。",
    },
  },
  POLICY_OF_OTHER_PRODUCT: {
    en: {
      message: "Policy {policyId} belongs to another product than license {licenseId}.",
      remedy:
        "Move a license only to a policy of its own product; a key of another product is a new license.",
    },
    ja: {
      message: "ポリシー {policyId} はライセンス {licenseId} とは別の製品のものです。",
      remedy:
        "ライセンスは同じ製品のポリシーにのみ移せます。別の製品には新しいライセンスを発行してください。",
    },
  },
  PHONE_FEATURES_INVALID: {
    en: {
      message:
        "{problem, select, too_many {A phone feature list holds at most 20 features} repeated {A phone feature list names each feature once} other {A phone feature list only grows at its end: apps already built read bit i of a confirmation ID as its i-th feature}} (the list now: {current}).",
      remedy:
        "Send the current list unchanged with new features after it. A feature that does not fit is carried by license files and online activations, not by phone.",
    },
    ja: {
      message:
        "{problem, select, too_many {電話用機能リストに入れられる機能は 20 個までです} repeated {電話用機能リストに同じ機能を 2 回入れることはできません} other {電話用機能リストは末尾に追加することしかできません。配布済みのアプリは確認 ID の i 番目のビットをリストの i 番目の機能として読みます}}（現在のリスト: {current}）。",
      remedy:
        "現在のリストをそのまま送り、新しい機能はその後ろに追加してください。入りきらない機能は電話ではなく、ライセンスファイルとオンラインのアクティベーションで渡されます。",
    },
  },
  WEBHOOK_NOT_FOUND: {
    en: {
      message: "There is no webhook endpoint {webhookId}.",
      remedy: "List the endpoints with GET /v1/admin/webhooks.",
    },
    ja: {
      message: "Webhook エンドポイント {webhookId} はありません。",
      remedy: "GET /v1/admin/webhooks でエンドポイントの一覧を確認してください。",
    },
  },
  WEBHOOK_TARGET_PRIVATE: {
    en: {
      message:
        "The webhook address {url} leads into the server's own network ({address}), where a webhook could reach services only the server should.",
      remedy:
        "Give the receiver's public https address. If the receiver really is on the server's private network, the operator allows it by starting the server with NINSHO_WEBHOOKS_ALLOW_PRIVATE=1 (docs/deploy.md).",
    },
    ja: {
      message:
        "Webhook のアドレス {url} はサーバー自身のネットワーク（{address}）を指しています。そこへの Webhook は、サーバーだけが使えるはずのサービスに届いてしまいます。",
      remedy:
        "受信側の公開された https アドレスを指定してください。受信側が本当にサーバーのプライベートネットワーク内にある場合は、運用者が NINSHO_WEBHOOKS_ALLOW_PRIVATE=1 を付けてサーバーを起動すると許可されます（docs/deploy.md）。",
    },
  },
  SUPPORT_REQUEST_NOT_FOUND: {
    en: {
      message: "There is no support request {requestId}.",
      remedy: "List the requests with GET /v1/admin/support-requests (ninsho support-requests list).",
    },
    ja: {
      message: "サポート依頼 {requestId} はありません。",
      remedy:
        "GET /v1/admin/support-requests（ninsho support-requests list）で依頼の一覧を確認してください。",
    },
  },
  DELIVERY_NOT_FOUND: {
    en: {
      message: "There is no webhook delivery {deliveryId}.",
      remedy: "List an endpoint's deliveries with GET /v1/admin/webhooks/<id>/deliveries.",
    },
    ja: {
      message: "Webhook の配信 {deliveryId} はありません。",
      remedy: "GET /v1/admin/webhooks/<id>/deliveries で配信の一覧を確認してください。",
    },
  },
  SIGNATURE_INVALID: {
    en: {
      message:
        "The request's signature is {cause, select, missing {missing} malformed {malformed} stale {too old (more than 5 minutes from our clock)} unset {not checkable: no secret is set for this sender yet (an admin sets it)} other {not made with the shared secret}}.",
      remedy:
        'Sign as documented: header t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body"> with the endpoint\'s secret, over the exact body sent.',
    },
    ja: {
      message:
        "リクエストの署名が{cause, select, missing {ありません} malformed {正しい形式ではありません} stale {古すぎます（当方の時計と 5 分以上ずれています）} unset {確認できません。この送信元のシークレットがまだ設定されていません（管理者が設定します）} other {共有シークレットで作られていません}}。",
      remedy:
        '文書のとおり、ヘッダー t=<UNIX 秒>,v1=<"t.本文" の HMAC-SHA256 の 16 進> を、送信する本文そのものに対し、エンドポイントのシークレットで付けてください。',
    },
  },
};
