import type { ServerMessageKey } from "./en.js";

/** The server's own words in Japanese: every key of the English, and no other. */
export const ja: Readonly<Record<ServerMessageKey, string>> = {
  "docs.title": "エラーコード一覧",
  "docs.serverCodes": "HTTP 応答のコード",
  "docs.deviceCodes": "SDK と ninsho コマンドがデバイス上で報告するコード（HTTP ステータスなし）",
  "docs.code": "コード",
  "docs.status": "HTTP",
  "docs.retired": "廃止されたコード：現在のサーバーは返しません。後継は {code} です。",
  "docs.message": "内容",
  "docs.remedy": "対処",
};
