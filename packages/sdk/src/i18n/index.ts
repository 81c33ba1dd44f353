import { type Locale, type Translate, translator } from "@ninsho/core";
import { en } from "./en.js";
import { ja } from "./ja.js";

export type { SdkMessageKey } from "./en.js";

/** The SDK's messages in every language, for the test that compares their keys and arguments. */
export const sdkMessages = { en, ja } as const;

/**
 * The SDK's typed `t`: pick a locale, then word a message by key.
 * @example
 * sdkText("ja")("keySource.env", { name: "ACME_KEY" }); // "環境変数 ACME_KEY"
 */
export const sdkText: (locale: Locale) => Translate<typeof en> = translator(sdkMessages);
