import type { Locale, LocalizedText } from "@ninsho/core";

/**
 * The CLI's own sentences: problems found before or around a request (each with a message and a remedy, like
 * the API's catalogue) and the summaries of commands. Both languages implement this interface, so a missing
 * sentence fails to compile.
 * @example
 * const m: Messages = messagesFor("ja");
 */
export interface Messages {
  readonly problems: {
    readonly NO_TOKEN: () => LocalizedText;
    readonly UNREACHABLE: (url: string, cause: string) => LocalizedText;
    readonly BAD_RESPONSE: (status: number) => LocalizedText;
    readonly STREAM_BROKEN: (written: number) => LocalizedText;
    readonly STREAM_SHORT: (written: number, expected: number) => LocalizedText;
    readonly INTERRUPTED: (written: number) => LocalizedText;
    readonly OUTPUT_EXISTS: (path: string) => LocalizedText;
    readonly OUTPUT_FAILED: (path: string, cause: string) => LocalizedText;
    readonly STDOUT_FAILED: (cause: string) => LocalizedText;
    readonly EXTEND_CHOICE: () => LocalizedText;
  };
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
  problems: {
    NO_TOKEN: () => ({
      message: "No admin token was given.",
      remedy:
        "Pass --token or set NINSHO_TOKEN. The first `ninsho serve` prints one; `ninsho tokens create` makes more.",
    }),
    UNREACHABLE: (url, cause) => ({
      message: `Cannot reach the Ninsho server at ${url} (${cause}).`,
      remedy: "Check that the server is running (`ninsho serve`) and that --url or NINSHO_URL points to it.",
    }),
    BAD_RESPONSE: (status) => ({
      message: `The server answered HTTP ${status} with something that is not the Ninsho API's answer.`,
      remedy: "Check that --url points to a Ninsho server and not to a proxy or another service.",
    }),
    STREAM_BROKEN: (written) => ({
      message: `The connection broke after ${written} keys were received.`,
      remedy: `The ${written} keys written are stored licenses: keep them, and generate the rest with another \`ninsho keys generate\`.`,
    }),
    STREAM_SHORT: (written, expected) => ({
      message: `The server sent ${written} keys of the ${expected} asked for.`,
      remedy: `The ${written} keys written are stored licenses: keep them, and generate the rest with another \`ninsho keys generate\`.`,
    }),
    INTERRUPTED: (written) => ({
      message: `Interrupted after ${written} keys were received.`,
      remedy: `The ${written} keys written are stored licenses: keep them, and generate the rest with another \`ninsho keys generate\`.`,
    }),
    OUTPUT_EXISTS: (path) => ({
      message: `${path} already exists.`,
      remedy: "Choose another --out file, or pass --force to overwrite it.",
    }),
    OUTPUT_FAILED: (path, cause) => ({
      message: `Cannot write ${path} (${cause}).`,
      remedy: "Check that its folder exists and that you may write there.",
    }),
    STDOUT_FAILED: (cause) => ({
      message: `Cannot write the keys to stdout (${cause}): its reader stopped.`,
      remedy:
        "The keys issued so far are stored licenses; `licenses key` reveals them one by one. Use --out FILE to keep every key.",
    }),
    EXTEND_CHOICE: () => ({
      message: "Give exactly one of --until DATE and --never.",
      remedy: "For example: ninsho licenses extend lic_… --until 2027-12-31 --reason 'renewal'.",
    }),
  },
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
  problems: {
    NO_TOKEN: () => ({
      message: "管理トークンが指定されていません。",
      remedy:
        "--token を指定するか NINSHO_TOKEN を設定してください。初回の `ninsho serve` が表示し、`ninsho tokens create` で追加できます。",
    }),
    UNREACHABLE: (url, cause) => ({
      message: `${url} の Ninsho サーバーに接続できません（${cause}）。`,
      remedy:
        "サーバーが起動しているか（`ninsho serve`）、--url または NINSHO_URL が正しいか確認してください。",
    }),
    BAD_RESPONSE: (status) => ({
      message: `サーバーが HTTP ${status} で Ninsho API ではない応答を返しました。`,
      remedy: "--url がプロキシや別のサービスではなく Ninsho サーバーを指しているか確認してください。",
    }),
    STREAM_BROKEN: (written) => ({
      message: `${written} 件のキーを受信した後に接続が切れました。`,
      remedy: `書き出された ${written} 件は登録済みのライセンスです。保管し、残りは再度 \`ninsho keys generate\` で生成してください。`,
    }),
    STREAM_SHORT: (written, expected) => ({
      message: `要求した ${expected} 件のうち、サーバーが送ったキーは ${written} 件です。`,
      remedy: `書き出された ${written} 件は登録済みのライセンスです。保管し、残りは再度 \`ninsho keys generate\` で生成してください。`,
    }),
    INTERRUPTED: (written) => ({
      message: `${written} 件のキーを受信したところで中断しました。`,
      remedy: `書き出された ${written} 件は登録済みのライセンスです。保管し、残りは再度 \`ninsho keys generate\` で生成してください。`,
    }),
    OUTPUT_EXISTS: (path) => ({
      message: `${path} は既に存在します。`,
      remedy: "別の --out ファイルを指定するか、上書きするなら --force を付けてください。",
    }),
    OUTPUT_FAILED: (path, cause) => ({
      message: `${path} に書き込めません（${cause}）。`,
      remedy: "フォルダーが存在し、書き込み権限があるか確認してください。",
    }),
    STDOUT_FAILED: (cause) => ({
      message: `標準出力にキーを書き込めません（${cause}）。読み手が終了しました。`,
      remedy:
        "発行済みのキーは登録済みのライセンスです（`licenses key` で 1 件ずつ表示できます）。すべてのキーを保存するには --out FILE を使ってください。",
    }),
    EXTEND_CHOICE: () => ({
      message: "--until DATE と --never のどちらか一方だけを指定してください。",
      remedy: "例: ninsho licenses extend lic_… --until 2027-12-31 --reason '更新'",
    }),
  },
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
 * messagesFor("en").problems.NO_TOKEN().remedy;
 */
export function messagesFor(locale: Locale): Messages {
  return locale === "ja" ? ja : en;
}
