import type { PageLanguage } from "./dom.js";

/**
 * Fill `{name}` placeholders; an unknown one stays visible rather than vanishing.
 * @example
 * fill("Group {n}", { n: 3 }); // "Group 3"
 */
export const fill = (template: string, params: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));

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
