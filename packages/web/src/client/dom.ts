import type { ClientText } from "./text.js";

/**
 * The element with `id`, insisting on its type: the server renders every id a script needs, so a missing one
 * is a bug to see at once rather than a page that silently does nothing.
 */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return found;
}

type Child = Node | string | undefined | false;

/**
 * A new element with text children. Text goes through `textContent` only, never markup, so nothing the server
 * or a user sends can inject HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

/** The page's words, from the JSON block the server wrote. */
export function readText(): ClientText {
  const block = byId("ninsho-text", HTMLScriptElement);
  return JSON.parse(block.textContent ?? "{}") as ClientText;
}

export type PageLanguage = "en" | "ja";

export const pageLanguage = (): PageLanguage => (document.documentElement.lang === "ja" ? "ja" : "en");

/**
 * When the request named no language (no `?lang=`, no Accept-Language), follow the browser's own setting
 * rather than the English default: reload once with `?lang=`, keeping the fragment (a QR code's ID).
 */
export function followBrowserLanguage(): void {
  if (document.documentElement.dataset.langChosen !== "false") return;
  const wanted: PageLanguage = navigator.language.toLowerCase().startsWith("ja") ? "ja" : "en";
  if (wanted === pageLanguage()) return;
  const url = new URL(location.href);
  url.searchParams.set("lang", wanted);
  location.replace(url.toString());
}

/**
 * Keep the language links carrying what was typed (as `#iid=`), so switching language mid-way loses nothing.
 */
export function keepInLanguageLinks(digits: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-lang-link]")) {
    const url = new URL(link.href);
    url.hash = digits === "" ? "" : `iid=${digits}`;
    link.href = url.toString();
  }
}

/** Show `element` and move focus there, so keyboard and screen-reader users land on what just appeared. */
export function reveal(element: HTMLElement): void {
  element.hidden = false;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ behavior: "smooth", block: "start" });
}
