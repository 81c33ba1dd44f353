import { en } from "./en.js";
import { ja } from "./ja.js";
import type { Shape } from "./shape.js";

/** Every key the console, the portal and the landing page say something under. */
export type Words = Shape<typeof en>;
export type WordsLocale = "en" | "ja";

const all: Readonly<Record<WordsLocale, Words>> = { en, ja };

/**
 * The words of `locale`.
 * @example
 * wordsFor("ja").nav.search; // "ライセンスを探す"
 */
export const wordsFor = (locale: WordsLocale): Words => all[locale];
