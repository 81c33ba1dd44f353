import type { Locale } from "@ninsho/core";
import { type CliMessageKey, cliText } from "../i18n/index.js";

/**
 * A word of the human output: the `label.*` messages of `src/i18n`. Values of the API (states, channels, event
 * types) stay as they are.
 * @example
 * const l: Label = "maxDevices";
 */
export type Label = CliMessageKey extends infer K ? (K extends `label.${infer L}` ? L : never) : never;

/**
 * A function that gives each label in one language.
 * @example
 * const label: LabelOf = labelsFor("ja"); label("owner"); // "所有者"
 */
export type LabelOf = (label: Label) => string;

/**
 * The labels of a locale.
 * @example
 * labelsFor("en")("maxDevices"); // "Max devices"
 */
export function labelsFor(locale: Locale): LabelOf {
  const t = cliText(locale);
  return (label) => t(`label.${label}`);
}
