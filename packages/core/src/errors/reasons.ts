import type { MessageValues } from "../i18n/format.js";
import type { Locale } from "../i18n/locale.js";

/**
 * The words of reasons: the sub-codes that fill a code's `{reason}` (or `{cause}`), one entry per reason with
 * its ICU message in every language. Domain code says which reason and with what values (`reason(…)`), never
 * the sentence; `describe()` words it in the reader's language. In Japanese, where a noun has no plural,
 * `{count, plural, other {…}}` keeps the arguments the same as the English.
 */
export const reasonTexts = {
  // Product keys (KEY_MALFORMED).
  KEY_LENGTH: {
    en: "it has {length} symbols where a key has {expected} (five groups of five)",
    ja: "{length} 文字ですが、キーは {expected} 文字（5 文字 × 5 グループ）です",
  },
  KEY_CHARACTERS: {
    en: "{count, plural, one {group {groups} contains} other {groups {groups} contain}} {characters}, which never appears in a key",
    ja: "{count, plural, other {グループ {groups}}} に、キーに使われない文字 {characters} があります",
  },
  KEY_TYPO: {
    en: "{count, plural, one {group {groups} has} other {groups {groups} have}} a typo",
    ja: "{count, plural, other {グループ {groups}}} に入力ミスがあります",
  },
  // Installation and confirmation IDs (INSTALLATION_ID_MALFORMED, CONFIRMATION_ID_MALFORMED); `name` is
  // `installation` or `confirmation`.
  DIGITS_GROUP_LENGTH: {
    en: "{count, plural, one {group {groups} does} other {groups {groups} do}} not have {digits} digits",
    ja: "{count, plural, other {グループ {groups}}} が {digits} 桁ではありません",
  },
  DIGITS_LENGTH: {
    en: "it has {length} digits where {name, select, installation {an installation ID} other {a confirmation ID}} has {expected} ({groupCount} groups of {digits})",
    ja: "{length} 桁ですが、{name, select, installation {インストール ID} other {確認 ID}}は {expected} 桁（{digits} 桁 × {groupCount} グループ）です",
  },
  DIGITS_CHARACTERS: {
    en: "{count, plural, one {group {groups} contains} other {groups {groups} contain}} {characters}, which is not a digit",
    ja: "{count, plural, other {グループ {groups}}} に数字でない文字 {characters} があります",
  },
  DIGITS_TYPO: {
    en: "{count, plural, one {group {groups} has} other {groups {groups} have}} a typo",
    ja: "{count, plural, other {グループ {groups}}} に入力ミスがあります",
  },
  DIGITS_VERSION: {
    en: "group 1 starts with a format version this software does not read (is it {name, select, installation {an installation ID} other {a confirmation ID}}?)",
    ja: "グループ 1 がこのソフトウェアの読めない形式バージョンで始まっています（{name, select, installation {インストール ID} other {確認 ID}}ですか？）",
  },
  DIGITS_RANGE: {
    en: "its digits are out of range; {count, plural, one {group {groups} was} other {groups {groups} were}} probably misread",
    ja: "数値が範囲外です。{count, plural, other {グループ {groups}}} を読み違えた可能性があります",
  },
  // Leases (LEASE_INVALID; LICENSE_FILE_INVALID for the lease inside a file).
  TOKEN_MALFORMED: { en: "it is not a well-formed token", ja: "トークンの形式が正しくありません" },
  TOKEN_UNKNOWN_KEY: {
    en: "it was signed by a key this product does not know",
    ja: "この製品が知らない鍵で署名されています",
  },
  TOKEN_BAD_SIGNATURE: {
    en: "its signature does not verify (it was altered)",
    ja: "署名が検証できません（改ざんされています）",
  },
  TOKEN_NOT_LEASE: { en: "it is not a lease", ja: "リースではありません" },
  TOKEN_OTHER_PRODUCT_KEY: {
    en: "it was signed with another product's key",
    ja: "別の製品の鍵で署名されています",
  },
  TOKEN_KEY_RETIRED: {
    en: "it was signed after its key was retired ({retiredAt})",
    ja: "鍵の廃止（{retiredAt}）より後に署名されています",
  },
  CLAIMS_INCOMPLETE: { en: "its claims are incomplete", ja: "クレームが不完全です" },
  LEASE_SUBJECT_UNKNOWN: {
    en: "the license or device it names does not exist on this server",
    ja: "リースが示すライセンスまたはデバイスがこのサーバーに存在しません",
  },
  // License files (LICENSE_FILE_INVALID).
  FILE_EMPTY: { en: "the file is empty", ja: "ファイルが空です" },
  FILE_UNREADABLE: { en: "it cannot be read ({cause})", ja: "読み込めません（{cause}）" },
  FILE_NO_KEYS: {
    en: "this machine knows no public key of the product to verify it; pass the vendor's keys with --public-key (or NINSHO_PUBLIC_KEYS)",
    ja: "検証に使う製品の公開鍵がこのマシンにありません。ベンダーの公開鍵を --public-key（または NINSHO_PUBLIC_KEYS）で渡してください",
  },
  FILE_NO_REQUEST: {
    en: "this machine has written no request file for this product",
    ja: "このマシンはこの製品の要求ファイルを書き出していません",
  },
  FILE_SEALED_NO_KEY: {
    en: "it is sealed, and this machine has no key to open it",
    ja: "暗号化されていますが、このマシンには開く鍵がありません",
  },
  FILE_SEALED_ELSEWHERE: {
    en: "it was sealed to another machine, or altered",
    ja: "別のマシン宛てに暗号化されているか、改変されています",
  },
  FILE_NOT_SEALED: {
    en: "the request asked for a sealed file, and this one is not sealed",
    ja: "暗号化を要求しましたが、このファイルは暗号化されていません",
  },
  FILE_BAD_SIGNATURE: {
    en: "its signature does not verify with this product's keys (it was altered)",
    ja: "この製品の鍵で署名を検証できません（改変されています）",
  },
  FILE_NOT_LICENSE_FILE: {
    en: "it is not a Ninsho license file",
    ja: "Ninsho のライセンスファイルではありません",
  },
  FILE_OTHER_PRODUCT: { en: "it is for another product", ja: "別の製品のファイルです" },
  FILE_OTHER_REQUEST: { en: "it answers another request file", ja: "別の要求ファイルに対するファイルです" },
  FILE_LEASE_MISMATCH: {
    en: "the lease inside does not match the file",
    ja: "中のリースがファイルと一致しません",
  },
  FILE_MACHINE_CHANGED: {
    en: "this machine changed after its request file was written; write a new one",
    ja: "要求ファイルを書き出した後にこのマシンが変わりました。新しく書き出してください",
  },
  FILE_LEASE_REFUSED: {
    en: "its lease {why, select, product {is for another product} device {is for another device} times {has inconsistent times} signature {does not verify (it was altered)} other {is not a well-formed lease}}",
    ja: "中のリースが{why, select, product {別の製品のものです} device {別のデバイスのものです} times {矛盾した期間を持っています} signature {検証できません（改変されています）} other {正しい形式ではありません}}",
  },
  // Request files (OFFLINE_FILE_INVALID).
  REQUEST_NOT_JSON: {
    en: "the file is not a JSON object",
    ja: "ファイルが JSON オブジェクトではありません",
  },
  REQUEST_FIELD: {
    en: 'field "{field}" {problem, select, missing {is missing} type {has the wrong type} value {has an invalid value} unknown {is not part of the format} unsupported {names a version this server does not read} other {is not a JSON object}}',
    ja: "項目「{field}」{problem, select, missing {がありません} type {の型が正しくありません} value {の値が正しくありません} unknown {は形式にない項目です} unsupported {はこのサーバーが読めないバージョンです} other {が JSON オブジェクトではありません}}",
  },
  REQUEST_NO_LICENSE: {
    en: "it names no license of this server",
    ja: "このサーバーのライセンスを指していません",
  },
  REQUEST_PROOF_MISMATCH: {
    en: "its proof does not match its license's key (the file was edited, or made with another key)",
    ja: "証明がライセンスのキーと一致しません（ファイルが編集されたか、別のキーで作られています）",
  },
  REQUEST_OTHER_PRODUCT: {
    en: "it names another product than its license's",
    ja: "ライセンスとは別の製品を指しています",
  },
  REQUEST_ENCRYPTION_KEY: { en: "its encryption key cannot be used", ja: "暗号化の鍵を使用できません" },
  // Installation IDs a server does not know (INSTALLATION_ID_NOT_FOUND).
  IID_NO_MATCH: {
    en: "no license here has this ID's license number and key proof (a misread group that still passed its check, or a key for another vendor's server)",
    ja: "この ID のライセンス番号とキー証明に合うライセンスがありません（チェックを通過した読み違い、または別の販売元のキー）",
  },
  IID_OTHER_PRODUCT: {
    en: "the product key installed on the device is for another product",
    ja: "デバイスにインストールされたプロダクトキーは別の製品のものです",
  },
  // Device proof (DEVICE_PROOF_INVALID).
  PROOF_MISSING: { en: "it carries no device proof", ja: "デバイス証明がありません" },
  PROOF_MALFORMED: { en: "its device proof is malformed", ja: "デバイス証明の形式が正しくありません" },
  PROOF_STALE: {
    en: "its device proof was made too long ago or too far ahead (check the clock)",
    ja: "デバイス証明の時刻が離れすぎています（時計を確認してください）",
  },
  PROOF_BAD_SIGNATURE: {
    en: "its device proof was not made with this device's secret over this request",
    ja: "デバイス証明がこのデバイスのシークレットでこのリクエストに対して作られていません",
  },
  PROOF_UNKNOWN_KEY: {
    en: "there is no device secret to check it with (none registered, or not a 32-byte secret)",
    ja: "確認に使うデバイスシークレットがありません（未登録、または 32 バイトのシークレットではありません）",
  },
  PROOF_ANOTHER_KEY: {
    en: "it offers another device secret than the one this device registered",
    ja: "このデバイスに登録されたものとは別のデバイスシークレットが示されています",
  },
  // A lease that no longer stands for its device (LEASE_INVALID on a deactivation).
  LEASE_SUPERSEDED: {
    en: "it is not this device's newest lease (a copy or an old backup cannot deactivate it)",
    ja: "このデバイスの最新のリースではありません（複製や古いバックアップからは無効化できません）",
  },
  LEASE_PAST_GRACE: {
    en: "its grace period has ended, so it no longer stands for the device",
    ja: "猶予期間が終わっているため、デバイスを表しません",
  },
  // The device CLI's test fingerprint file (BAD_FINGERPRINT_FILE's cause).
  FINGERPRINT_FILE_NO_SET: {
    en: "it has no collector and components",
    ja: "collector と components がありません",
  },
} as const satisfies Readonly<Record<string, Readonly<Record<Locale, string>>>>;

/** A reason's code (see `reasonTexts`). */
export type ReasonCode = keyof typeof reasonTexts;

/** A reason as a value: which one, and the values of its arguments. Worded only by `describe()`. */
export interface Reason {
  readonly reason: ReasonCode;
  readonly values?: MessageValues;
}

/**
 * A reason for a problem's params, worded in the reader's language when the problem is described.
 * @example
 * fail("KEY_MALFORMED", { reason: reason("KEY_TYPO", { count: 1, groups: [3] }) });
 */
export const reason = (code: ReasonCode, values?: MessageValues): Reason =>
  values === undefined ? { reason: code } : { reason: code, values };

/**
 * Whether a param value is a reason (and not text, a number or a list).
 * @example
 * isReason(reason("FILE_EMPTY")); // true
 */
export function isReason(value: unknown): value is Reason {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const code: unknown = (value as { reason?: unknown }).reason;
  return typeof code === "string" && Object.hasOwn(reasonTexts, code);
}
