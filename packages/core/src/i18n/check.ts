import { argumentNames } from "./format.js";
import { type Locale, locales } from "./locale.js";

/** Every language's table of one package, keyed alike (flat: `KEY` or `CODE.message`). */
export type TablesToCheck = Readonly<Record<Locale, Readonly<Record<string, string>>>>;

/**
 * What is wrong with a package's tables: a key missing in a language, a message that is not valid ICU, or a key
 * whose messages use different arguments in two languages. Empty when the tables agree. Each package's i18n test
 * asserts it is empty, so a slip that the compiler cannot see (a placeholder renamed in one language) fails a test.
 * @example
 * tableMismatches({ en: { a: "{x}" }, ja: { a: "{y}" } }); // ['a: en uses {x}, ja uses {y}']
 */
export function tableMismatches(tables: TablesToCheck): string[] {
  const keys = new Set(locales.flatMap((locale) => Object.keys(tables[locale])));
  const problems: string[] = [];
  for (const key of [...keys].sort()) {
    const names = new Map<Locale, string>();
    for (const locale of locales) {
      const message = tables[locale][key];
      if (message === undefined) {
        problems.push(`${key}: missing in ${locale}`);
        continue;
      }
      try {
        names.set(
          locale,
          argumentNames(message)
            .map((name) => `{${name}}`)
            .join(" ") || "no arguments",
        );
      } catch (error) {
        problems.push(`${key}: ${locale} is not a valid ICU message (${String(error)})`);
      }
    }
    const distinct = new Set(names.values());
    if (distinct.size > 1)
      problems.push(`${key}: ${[...names].map(([locale, used]) => `${locale} uses ${used}`).join(", ")}`);
  }
  return problems;
}
