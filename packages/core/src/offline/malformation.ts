import type { ErrorCode } from "../errors/codes.js";
import type { LocalizedValue } from "../errors/text.js";
import type { Problem } from "../result.js";
import { type DigitCodeMalformation, GROUP_LENGTH } from "./digitGroups.js";

/** What a code is called in each language, and how many groups it has. */
export interface DigitCodeName {
  readonly en: string;
  readonly ja: string;
  readonly groups: number;
}

const list = (groups: readonly number[], and: string): string =>
  groups.length === 1 ? String(groups[0]) : `${groups.slice(0, -1).join(", ")}${and}${groups.at(-1)}`;

/**
 * The reason of a malformation in plain words, naming the groups at fault.
 * @example
 * malformationReason(details, installationIdName).en; // "group 3 has a typo"
 */
export function malformationReason(m: DigitCodeMalformation, name: DigitCodeName): LocalizedValue {
  const en = list(m.groups, " and ");
  const ja = list(m.groups, "・");
  const s = m.groups.length === 1 ? "" : "s";
  switch (m.kind) {
    case "length":
      return m.groups.length > 0
        ? {
            en: `group${s} ${en} ${m.groups.length === 1 ? "does" : "do"} not have ${GROUP_LENGTH} digits`,
            ja: `グループ ${ja} が ${GROUP_LENGTH} 桁ではありません`,
          }
        : {
            en: `it has ${m.length} digits where ${name.en} has ${m.expectedLength} (${name.groups} groups of ${GROUP_LENGTH})`,
            ja: `${m.length} 桁ですが、${name.ja}は ${m.expectedLength} 桁（${GROUP_LENGTH} 桁 × ${name.groups} グループ）です`,
          };
    case "character": {
      const shown = [...new Set(m.invalidCharacters)].map((c) => `"${c}"`).join(", ");
      return {
        en: `group${s} ${en} ${m.groups.length === 1 ? "contains" : "contain"} ${shown}, which is not a digit`,
        ja: `グループ ${ja} に数字でない文字 ${shown} があります`,
      };
    }
    case "checksum":
      return {
        en: `group${s} ${en} ${m.groups.length === 1 ? "has" : "have"} a typo`,
        ja: `グループ ${ja} に入力ミスがあります`,
      };
    case "version":
      return {
        en: `group 1 starts with a format version this software does not read (is it ${name.en}?)`,
        ja: `グループ 1 がこのソフトウェアの読めない形式バージョンで始まっています（${name.ja}ですか？）`,
      };
    case "range":
      return {
        en: `its digits are out of range; group ${en} was probably misread`,
        ja: `数値が範囲外です。グループ ${ja} を読み違えた可能性があります`,
      };
  }
}

/**
 * The problem for a malformed installation or confirmation ID, with the groups at fault in its details.
 * @example
 * malformed("INSTALLATION_ID_MALFORMED", m, installationIdName);
 */
export const malformed = (code: ErrorCode, m: DigitCodeMalformation, name: DigitCodeName): Problem => ({
  code,
  params: { reason: malformationReason(m, name) },
  details: m,
});

export const installationIdName: DigitCodeName = {
  en: "an installation ID",
  ja: "インストール ID",
  groups: 9,
};
export const confirmationIdName: DigitCodeName = { en: "a confirmation ID", ja: "確認 ID", groups: 17 };
