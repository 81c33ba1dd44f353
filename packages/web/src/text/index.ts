import { formatMessage, type Locale, type MessageValues } from "@ninsho/core";
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
 * Word one of the pages' ICU messages in `locale` (core's formatter); a missing value shows instead of vanishing.
 * @example
 * fill("Group {n}", { n: 3 }, "en"); // "Group 3"
 */
export const fill = (message: string, values: MessageValues, locale: Locale): string =>
  formatMessage(message, locale, values);
