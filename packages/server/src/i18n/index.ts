import { type Locale, type Translate, translator } from "@ninsho/core";
import { en } from "./en.js";
import { ja } from "./ja.js";

export type { ServerMessageKey } from "./en.js";

/** The server's messages in every language, for the test that compares their keys and arguments. */
export const serverMessages = { en, ja } as const;

/**
 * The server's typed `t`: pick a locale, then word a message by key.
 * @example
 * serverText("ja")("docs.title"); // "エラーコード一覧"
 */
export const serverText: (locale: Locale) => Translate<typeof en> = translator(serverMessages);
