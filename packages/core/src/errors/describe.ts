import { formatMessage, type MessageValue } from "../i18n/format.js";
import type { Locale } from "../i18n/locale.js";
import { catalogue } from "./catalogue.js";
import type { ErrorCode } from "./codes.js";
import { isReason, reasonTexts } from "./reasons.js";
import type { LocalizedText, ProblemParams } from "./text.js";

/**
 * The message and remedy of a problem in a locale, its ICU arguments filled from `params` (reasons worded in
 * the same locale). An argument with no value is left visible rather than silently dropped.
 * @example
 * describe("RATE_LIMITED", "en", { retryAfter: 30 }).remedy; // "Try again after 30 seconds."
 */
export function describe(code: ErrorCode, locale: Locale, params: ProblemParams = {}): LocalizedText {
  const text = catalogue[code][locale];
  const values: Record<string, MessageValue> = {};
  for (const [name, value] of Object.entries(params))
    values[name] = isReason(value)
      ? formatMessage(reasonTexts[value.reason][locale], locale, value.values)
      : value;
  return {
    message: formatMessage(text.message, locale, values),
    remedy: formatMessage(text.remedy, locale, values),
  };
}
