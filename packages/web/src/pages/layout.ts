import { describe, type ErrorCode, type Locale } from "@ninsho/core";
import { html, raw } from "hono/html";
import type { Asset } from "../assets.js";
import type { PageLocale } from "../locale.js";
import { textFor } from "../text/index.js";

/** What `html` returns: escaped markup, possibly still resolving. */
export type Markup = ReturnType<typeof html>;

export interface LayoutInput {
  readonly lang: PageLocale;
  readonly title: string;
  /** The path of this page, for the language links. */
  readonly path: string;
  readonly script: Asset;
  readonly styles: Asset;
  /** Set on <body>, so the stylesheet can tell the console from the end-user page. */
  readonly area: "public" | "console";
  /** Links of the area's navigation (the console's pages), if any. */
  readonly nav?: readonly { readonly href: string; readonly label: string; readonly current: boolean }[];
  readonly main: Markup;
}

const LOCALES: readonly Locale[] = ["en", "ja"];

/**
 * The client's words as a JSON data block. A `type="application/json"` script is never run, so the CSP's ban on
 * inline scripts does not apply; `<` is escaped so no text can close the element early.
 */
const clientText = (locale: Locale): Markup => {
  const json = JSON.stringify(textFor(locale).client).replace(/</g, "\\u003c");
  return html`<script type="application/json" id="ninsho-text">${raw(json)}</script>`;
};

/** The catalogue problem each failure of a page's own call stands for (the script's `pageProblem`). */
const PAGE_PROBLEMS: readonly (readonly ["network" | "unexpected", ErrorCode])[] = [
  ["network", "SERVER_UNREACHABLE"],
  ["unexpected", "RESPONSE_INVALID"],
];

/**
 * The failures of a page's own call (no answer; an answer that is not the API's), worded by the catalogue in the
 * page's language as data attributes, so the browser's script shows the catalogue's code, message and remedy
 * without carrying the catalogue. SERVER_UNREACHABLE's `{url}` stays for the script to fill with the page's own
 * origin: behind a proxy the server does not know the address the browser used.
 */
const pageProblems = (locale: Locale): Markup => {
  const items = PAGE_PROBLEMS.map(([when, code]) => {
    const { message, remedy } = describe(code, locale);
    return html`<p data-page-problem="${when}" data-code="${code}" data-message="${message}" data-remedy="${remedy}"></p>`;
  });
  return html`<div id="ninsho-problems" hidden>${items}</div>`;
};

const languageLinks = (input: LayoutInput): Markup => {
  const { page } = textFor(input.lang.locale);
  const links = LOCALES.map((locale) => {
    const current = locale === input.lang.locale;
    return html`<a href="${input.path}?lang=${locale}" hreflang="${locale}" lang="${locale}"
      data-lang-link="${locale}" ${current ? raw('aria-current="true"') : ""}>${textFor(locale).page.languageName}</a>`;
  });
  return html`<nav class="langs" aria-label="${page.languageLabel}">${links}</nav>`;
};

const areaNav = (input: LayoutInput): Markup => {
  if (!input.nav || input.nav.length === 0) return html``;
  const links = input.nav.map(
    (link) =>
      html`<a href="${link.href}" ${link.current ? raw('aria-current="page"') : ""}>${link.label}</a>`,
  );
  return html`<nav class="area-nav" aria-label="${textFor(input.lang.locale).page.consoleName}">${links}</nav>`;
};

/**
 * The HTML shell of every page: language, viewport for phones, the page's one stylesheet and one script.
 * @example
 * c.html(layout({ lang, title: "Phone activation", path: "/activate/phone", … }));
 */
export function layout(input: LayoutInput): Markup {
  const { page } = textFor(input.lang.locale);
  return html`<!doctype html>
<html lang="${input.lang.locale}" data-lang-chosen="${String(input.lang.chosen)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${input.title} · Ninsho</title>
<link rel="stylesheet" href="${input.styles.path}">
<script src="${input.script.path}" defer></script>
</head>
<body data-area="${input.area}">
<a class="skip" href="#main">${page.skipToContent}</a>
<header class="bar">
<span class="brand">Ninsho${input.area === "console" ? html` <span class="brand-area">${page.consoleName}</span>` : ""}</span>
${languageLinks(input)}
</header>
${areaNav(input)}
<main id="main" tabindex="-1">
<h1>${input.title}</h1>
<noscript><p class="notice">${page.noscript}</p></noscript>
${input.main}
</main>
${pageProblems(input.lang.locale)}
${clientText(input.lang.locale)}
</body>
</html>`;
}
