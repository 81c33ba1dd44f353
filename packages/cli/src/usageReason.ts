import type { Locale } from "@ninsho/core";
import { InvalidArgumentError } from "commander";
import { type CliMessageKey, cliText } from "./i18n/index.js";

/** The reasons an option parser gives, as keys of the command's messages (`usage.reason.*`). */
export type UsageReasonKey = Extract<CliMessageKey, `usage.reason.${string}`>;

type ReasonValues = Readonly<Record<string, string | number>>;

/**
 * Refusals by their English words. Commander keeps only the message of what a parser throws (it becomes the
 * tail of its own "argument … is invalid." line), so the reason is thrown in English and found again here
 * when the usage problem is worded in the user's language.
 */
const refusals = new Map<string, { readonly key: UsageReasonKey; readonly values: ReasonValues }>();

const word = (locale: Locale, key: UsageReasonKey, values: ReasonValues): string =>
  (cliText(locale) as (key: UsageReasonKey, values?: ReasonValues) => string)(key, values);

/**
 * Refuse an option's value: throws commander's `InvalidArgumentError` (a usage exit, 2) with a reason from the
 * command's messages.
 * @example
 * if (!/^\d+$/.test(text)) refuse("usage.reason.positiveInt");
 */
export function refuse(key: UsageReasonKey, values: ReasonValues = {}): never {
  const english = word("en", key, values);
  refusals.set(english, { key, values });
  throw new InvalidArgumentError(english);
}

/**
 * A parser's reason in `locale`: one thrown by `refuse` in the user's language, any other as it was given.
 * @example
 * usageReason("Expected a whole number of 1 or more.", "ja"); // "1 以上の整数を指定してください。"
 */
export function usageReason(text: string, locale: Locale): string {
  const refusal = refusals.get(text.trim());
  return refusal === undefined ? text : word(locale, refusal.key, refusal.values);
}
