import { KEY_ALPHABET } from "@ninsho/core";

/** The key with one symbol of `group` (1-based) replaced by another symbol of the alphabet: a typo. */
export function withTypo(key: string, group: number, position = 1): string {
  const groups = key.split("-");
  const text = groups[group - 1];
  if (text === undefined) throw new Error(`no group ${group} in ${key}`);
  const index = position - 1;
  const original = text[index] ?? "";
  const replacement = KEY_ALPHABET[(KEY_ALPHABET.indexOf(original) + 7) % KEY_ALPHABET.length] ?? "B";
  groups[group - 1] = text.slice(0, index) + replacement + text.slice(index + 1);
  return groups.join("-");
}

/** The key with two neighbouring symbols of `group` swapped (when they differ). */
export function withSwap(key: string, group: number): string | undefined {
  const groups = key.split("-");
  const text = groups[group - 1] ?? "";
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] !== text[i + 1]) {
      groups[group - 1] = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
      return groups.join("-");
    }
  }
  return undefined;
}

/** Full-width forms, as a Japanese IME types them. */
export const fullWidth = (text: string): string =>
  [...text]
    .map((ch) => (ch >= "!" && ch <= "~" ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch))
    .join("");

/** The ways people type one key, all of which must be accepted. */
export const forgivingForms = (key: string): Record<string, string> => ({
  "lower case": key.toLowerCase(),
  "no hyphens": key.replaceAll("-", ""),
  "spaces instead of hyphens": key.replaceAll("-", " "),
  "surrounding spaces": `  ${key}\t`,
  "full-width": fullWidth(key),
  "katakana prolonged mark ー": key.replaceAll("-", "ー"),
  "full-width hyphen－ and lower case": key.toLowerCase().replaceAll("-", "－"),
  "em and en dashes": key.replace("-", "—").replace("-", "–"),
  "full-width with ideographic spaces": fullWidth(key.replaceAll("-", "")).replace(/(.{5})/gu, "$1\u3000"),
});
