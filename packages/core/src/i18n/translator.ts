import type { ArgumentsOf } from "./arguments.js";
import { formatMessage, type MessageValue, type MessageValues } from "./format.js";
import type { Locale } from "./locale.js";

/**
 * A package's messages in every language. `en` names the keys (declare it `as const`, so its messages' argument
 * names are known to the type checker); every other language must have exactly those keys (declare it as
 * `Record<keyof typeof en, string>`), so a key missing in either language fails to compile, and
 * `tableMismatches` fails a test on placeholders that differ.
 */
export type MessageTables<E extends Readonly<Record<string, string>>> = Readonly<{
  en: E;
  ja: Readonly<Record<keyof E, string>>;
}>;

/** The values a message needs: exactly its arguments, or none. */
export type ValuesFor<S extends string> = [ArgumentsOf<S>] extends [never]
  ? []
  : string extends ArgumentsOf<S>
    ? [values?: MessageValues]
    : [values: { readonly [Name in ArgumentsOf<S>]: MessageValue }];

/** Words one message of a package in the locale it was made for: the key, then the values its message names. */
export type Translate<E extends Readonly<Record<string, string>>> = <K extends keyof E & string>(
  key: K,
  ...values: ValuesFor<E[K]>
) => string;

/**
 * The typed `t` of a package: pick a locale, then word messages by key, with the values each message names.
 * @example
 * const textFor = translator({ en: { hello: "Hello {name}" }, ja: { hello: "{name} さん、こんにちは" } } as const);
 * textFor("ja")("hello", { name: "Aiko" }); // "Aiko さん、こんにちは"
 */
export function translator<E extends Readonly<Record<string, string>>>(
  tables: MessageTables<E>,
): (locale: Locale) => Translate<E> {
  return (locale) =>
    (key, ...values) => {
      const table: Readonly<Record<keyof E, string>> = locale === "en" ? tables.en : tables.ja;
      return formatMessage(table[key], locale, values[0]);
    };
}
