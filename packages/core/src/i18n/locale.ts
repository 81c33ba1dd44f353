/** A language Ninsho speaks to people. */
export type Locale = "en" | "ja";

/**
 * Every language Ninsho speaks, in the order tables are checked.
 * @example
 * for (const locale of locales) console.log(t(locale)("error"));
 */
export const locales: readonly Locale[] = ["en", "ja"];
