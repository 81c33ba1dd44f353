import type { Locale } from "@ninsho/core";
import { html } from "hono/html";
import { wordsFor } from "../words/index.js";
import type { Markup } from "./markup.js";

export const FAVICON_PATH = "/favicon.svg";

/** A key in a circle, in the accent colour; an SVG, so one file serves every size and both colour schemes. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#1f5fbf"/><circle cx="12" cy="16" r="5" fill="none" stroke="#fff" stroke-width="3"/><path d="M17 16h10v4M23 16v3" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>`;

export interface ShellInput {
  readonly locale: Locale;
  /** False when nothing in the request chose the language: the script may follow `navigator.language`. */
  readonly chosen: boolean;
  readonly title: string;
  readonly stylesPath: string;
  /** The page's script; none for the pages that are only text (the landing page, the error codes). */
  readonly scriptPath?: string;
  /** Set on <body>, so the stylesheet can tell the areas apart. */
  readonly area: "public" | "console" | "portal";
  /** What the page shows before (or without) its script. */
  readonly main: Markup;
  /** The path of the page, for the language switch of a page without script. */
  readonly path: string;
  /** Data for the script outside what it draws (the catalogue's words for a call that got no answer). */
  readonly after?: Markup;
}

/**
 * The HTML of the console, the portal, the landing page and the error codes. Pages with a script are drawn by
 * Preact into `#app`; the server's `main` is what shows until then (and the whole page when there is none).
 * @example
 * c.html(shell({ locale: "en", chosen: true, title: "Console", area: "console", … }));
 */
export function shell(input: ShellInput): Markup {
  const words = wordsFor(input.locale);
  const other: Locale = input.locale === "en" ? "ja" : "en";
  return html`<!doctype html>
<html lang="${input.locale}" data-lang-chosen="${String(input.chosen)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${input.title} · Ninsho</title>
<link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml">
<link rel="stylesheet" href="${input.stylesPath}">
${input.scriptPath === undefined ? "" : html`<script src="${input.scriptPath}" defer></script>`}
</head>
<body data-area="${input.area}">
<div id="app">
<a class="skip" href="#main">${words.common.skip}</a>
<header class="bar">
<a class="brand" href="/">Ninsho</a>
<nav class="langs" aria-label="${words.common.languageLabel}">
<a href="${input.path}?lang=${other}" hreflang="${other}" lang="${other}">${wordsFor(other).common.languageName}</a>
</nav>
</header>
<main id="main" tabindex="-1">
${input.main}
</main>
</div>
${input.after ?? ""}
</body>
</html>`;
}
