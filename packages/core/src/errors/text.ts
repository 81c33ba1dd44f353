import type { MessageValue } from "../i18n/format.js";
import type { Locale } from "../i18n/locale.js";
import type { Reason } from "./reasons.js";

/** What one code says in one language, as ICU messages (`{name}`, `{n, plural, …}`, `{x, select, …}`). */
export interface LocalizedText {
  /** What went wrong, in plain words. Its arguments are filled from the problem's params. */
  readonly message: string;
  /** What the reader can do next. */
  readonly remedy: string;
}

/** One entry per code: its message and remedy in every language. */
export type CodeTexts<C extends string> = Readonly<Record<C, Readonly<Record<Locale, LocalizedText>>>>;

/**
 * The values that fill a message's arguments: text, numbers, lists (joined by the locale's list rule), and
 * reasons (`reason(…)`), which are worded in the reader's language. Never a sentence made by the caller.
 */
export type ProblemParams = Readonly<Record<string, MessageValue | Reason>>;
