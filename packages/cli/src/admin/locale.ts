import type { Locale } from "@ninsho/core";

/**
 * The user's language from the environment, as POSIX orders it: `LC_ALL`, then `LC_MESSAGES`, then `LANG`
 * (an empty variable counts as unset). Japanese when it starts with `ja` (`ja_JP.UTF-8`, `ja`), else English.
 * @example
 * detectLocale({ LANG: "ja_JP.UTF-8" }); // "ja"
 * detectLocale({ LC_ALL: "C", LANG: "ja_JP.UTF-8" }); // "en"
 */
export function detectLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return value.toLowerCase().startsWith("ja") ? "ja" : "en";
}
