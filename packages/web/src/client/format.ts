import { formatMessage, type MessageValues } from "@ninsho/core";
import { type PageLanguage, pageLanguage } from "./dom.js";

/**
 * Word one of the page's ICU messages in the page's language (core's formatter: plurals, selects, lists by the
 * language's rules); an argument with no value stays visible rather than vanishing.
 * @example
 * fill("Group {n}", { n: 3 }); // "Group 3"
 */
export const fill = (message: string, values: MessageValues): string =>
  formatMessage(message, pageLanguage(), values);

/** A day as people read it in the page's language ("March 31, 2026", "2026年3月31日"). */
export const formatDay = (iso: string, language: PageLanguage): string =>
  new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(new Date(iso));

/** An instant with its time, for timelines. */
export const formatInstant = (iso: string, language: PageLanguage): string =>
  new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

/** Digits read one by one by a screen reader ("1 2 3 4 5 6"), not as one large number. */
export const spelledDigits = (digits: string): string => [...digits].join(" ");

/** Digits people typed, whatever the keyboard: full-width digits become ASCII, everything else goes. */
export const onlyDigits = (typed: string): string => typed.normalize("NFKC").replace(/[^0-9]/g, "");
