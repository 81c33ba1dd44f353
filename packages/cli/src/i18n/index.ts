import { type Locale, type Translate, translator } from "@ninsho/core";
import { en } from "./en.js";
import { ja } from "./ja.js";

export type { CliMessageKey } from "./en.js";

/** The command's messages in every language, for the test that compares their keys and arguments. */
export const cliMessages = { en, ja } as const;

/**
 * The command's typed `t`: pick a locale, then word a message by key.
 * @example
 * cliText("ja")("admin.tokenRevoked", { id: "tok_1" }); // "トークン tok_1 を失効させました。"
 */
export const cliText: (locale: Locale) => Translate<typeof en> = translator(cliMessages);
