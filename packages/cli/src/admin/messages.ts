import type { Locale } from "@ninsho/core";

/**
 * The admin CLI's own sentences: the labels of a reported problem and the summaries of commands. Problems
 * themselves, the API's and the CLI's own, are worded by the core catalogue (`describe()`). Both languages
 * implement this interface, so a missing sentence fails to compile.
 * @example
 * const m: Messages = messagesFor("ja");
 */
export interface Messages {
  readonly error: string;
  readonly remedy: string;
  readonly docs: string;
  readonly created: (kind: "product" | "policy", id: string) => string;
  readonly licenseNow: (id: string, state: string) => string;
  readonly deviceDeactivated: (id: string) => string;
  readonly tokenShownOnce: string;
  readonly tokenRevoked: (id: string) => string;
  readonly whoami: (tokenId: string, role: string) => string;
  readonly keysProgress: (done: string, total: string, percent: number) => string;
  readonly keysDone: (count: string, seconds: string, out: string) => string;
  readonly morePages: (after: string) => string;
  readonly keyRotated: (kid: string, from: string, retired: readonly string[]) => string;
}

const en: Messages = {
  error: "Error",
  remedy: "What to do",
  docs: "Docs",
  created: (kind, id) => `Created ${kind} ${id}.`,
  licenseNow: (id, state) => `License ${id} is now ${state}.`,
  deviceDeactivated: (id) => `Device ${id} is deactivated; its slot is free.`,
  tokenShownOnce: "This token is shown once, now: only its digest is stored. Keep it somewhere safe.",
  tokenRevoked: (id) => `Token ${id} is revoked.`,
  whoami: (tokenId, role) => `Token ${tokenId}, role ${role}.`,
  keysProgress: (done, total, percent) => `keys: ${done} / ${total} (${percent}%)`,
  keysDone: (count, seconds, out) => `Generated ${count} keys in ${seconds} s → ${out}`,
  morePages: (after) => `More: add --after ${after}`,
  keyRotated: (kid, from, retired) =>
    `New signing key ${kid}, in the JWKS now, signs from ${from}${retired.length > 0 ? `; ${retired.join(", ")} sign nothing from then on and still verify` : ""}.`,
};

const ja: Messages = {
  error: "エラー",
  remedy: "対処",
  docs: "参照",
  created: (kind, id) => `${kind === "product" ? "製品" : "ポリシー"} ${id} を作成しました。`,
  licenseNow: (id, state) => `ライセンス ${id} は ${state} になりました。`,
  deviceDeactivated: (id) => `デバイス ${id} の認証を解除しました。枠が空きました。`,
  tokenShownOnce:
    "このトークンは今回だけ表示されます（保存されるのはダイジェストのみ）。安全な場所に保管してください。",
  tokenRevoked: (id) => `トークン ${id} を失効させました。`,
  whoami: (tokenId, role) => `トークン ${tokenId}、ロール ${role}。`,
  keysProgress: (done, total, percent) => `キー: ${done} / ${total}（${percent}%）`,
  keysDone: (count, seconds, out) => `${count} 件のキーを ${seconds} 秒で生成しました → ${out}`,
  morePages: (after) => `続き: --after ${after} を付けてください`,
  keyRotated: (kid, from, retired) =>
    `新しい署名鍵 ${kid} を JWKS に公開しました。${from} から署名に使います${retired.length > 0 ? `。${retired.join("、")} はそれ以降署名せず、検証には使えます` : ""}。`,
};

/**
 * The CLI's sentences in a locale.
 * @example
 * messagesFor("en").remedy; // "What to do"
 */
export function messagesFor(locale: Locale): Messages {
  return locale === "ja" ? ja : en;
}
