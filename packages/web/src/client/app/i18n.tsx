import { formatMessage, type MessageValues } from "@ninsho/core";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { type Words, type WordsLocale, wordsFor } from "../../words/index.js";

/** The page's language and what speaks it: its words, ICU filling and Intl formats. */
export interface Speech {
  readonly locale: WordsLocale;
  readonly words: Words;
  /** Fill an ICU message of `words`. */
  readonly t: (message: string, values?: MessageValues) => string;
  /** An instant as date and time in the reader's language and time zone. */
  readonly when: (iso: string | undefined) => string;
  /** A day (YYYY-MM-DD) as the reader writes dates. */
  readonly day: (iso: string) => string;
  /** A day, short (month and day), for a chart's axis. */
  readonly shortDay: (iso: string) => string;
  readonly number: (n: number) => string;
}

/**
 * Everything a page says in `locale`, with Intl formats of that language.
 * @example
 * speech("ja").number(12345); // "12,345"
 */
export function speech(locale: WordsLocale): Speech {
  const words = wordsFor(locale);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", timeZone: "UTC" });
  const numbers = new Intl.NumberFormat(locale);
  return {
    locale,
    words,
    t: (message, values = {}) => formatMessage(message, locale, values),
    when: (iso) => (iso === undefined ? words.common.never : dateTime.format(new Date(iso))),
    day: (iso) => date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    shortDay: (iso) => short.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    number: (n) => numbers.format(n),
  };
}

/**
 * The language a page starts in: the one the server chose (`?lang=`, Accept-Language), else the browser's.
 * @example
 * startLocale(); // "ja" on a Japanese browser with no ?lang=
 */
export function startLocale(): WordsLocale {
  const root = document.documentElement;
  if (root.dataset.langChosen === "false")
    return navigator.language.toLowerCase().startsWith("ja") ? "ja" : "en";
  return root.lang === "ja" ? "ja" : "en";
}

/** Show the page in `locale` from now on: the document's language and the address (so a reload keeps it). */
export function applyLocale(locale: WordsLocale): void {
  document.documentElement.lang = locale;
  const url = new URL(location.href);
  url.searchParams.set("lang", locale);
  history.replaceState(history.state, "", url.toString());
}

export const SpeechContext = createContext<Speech>(speech("en"));

/** The page's speech, inside `<SpeechContext.Provider>`. */
export const useSpeech = (): Speech => useContext(SpeechContext);
