import { formatMessage, type MessageValues } from "./format.js";
import type { Locale } from "./locale.js";

/**
 * A package's messages in every language. `en` names the keys; every other language must have exactly those keys
 * (declare it as `Record<keyof typeof en, string>`), so a key missing in either language fails to compile, and
 * `tableMismatches` fails a test on placeholders that differ.
 */
export type MessageTables<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

/** Words one message of a package in the locale it was made for. */
export type Translate<K extends string> = (key: K, values?: MessageValues) => string;

/**
 * The typed `t` of a package: pick a locale, then word messages by key.
 * @example
 * const textFor = translator({ en: { hello: "Hello {name}" }, ja: { hello: "{name} さん、こんにちは" } });
 * textFor("ja")("hello", { name: "Aiko" }); // "Aiko さん、こんにちは"
 */
export function translator<K extends string>(tables: MessageTables<K>): (locale: Locale) => Translate<K> {
  return (locale) => (key, values) => formatMessage(tables[locale][key], locale, values);
}
