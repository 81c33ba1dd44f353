import type { Locale } from "@ninsho/core";
import { en } from "./en.js";
import { ja } from "./ja.js";
import type { WebText } from "./types.js";

export type { PageText, WebText } from "./types.js";

const texts: Readonly<Record<Locale, WebText>> = { en, ja };

/**
 * The pages' words in `locale`.
 * @example
 * textFor("ja").page.submit; // "確認 ID を取得"
 */
export const textFor = (locale: Locale): WebText => texts[locale];

/**
 * Fill `{name}` placeholders; unknown ones stay as they are, so a missing value shows instead of vanishing.
 * @example
 * fill("Group {n}", { n: 3 }); // "Group 3"
 */
export const fill = (template: string, params: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
