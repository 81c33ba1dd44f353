import { describe, type ErrorCode, type Locale } from "@ninsho/core";
import { html } from "hono/html";
import type { Markup } from "./markup.js";

/** The catalogue problem each failure of a page's own call stands for (the script's `pageProblem`). */
const PAGE_PROBLEMS: readonly (readonly ["network" | "unexpected", ErrorCode])[] = [
  ["network", "SERVER_UNREACHABLE"],
  ["unexpected", "RESPONSE_INVALID"],
];
const LOCALES: readonly Locale[] = ["en", "ja"];

/**
 * The failures of a page's own call (no answer; an answer that is not the API's), worded by the catalogue in
 * both languages as data attributes (the page may switch language without a reload), so the browser's script
 * shows the catalogue's code, message and remedy without carrying the catalogue. SERVER_UNREACHABLE's `{url}`
 * stays for the script to fill with the page's own origin: behind a proxy the server does not know the address
 * the browser used.
 * @example
 * shell({ …, after: pageProblems() });
 */
export function pageProblems(): Markup {
  const items = LOCALES.flatMap((locale) =>
    PAGE_PROBLEMS.map(([when, code]) => {
      const { message, remedy } = describe(code, locale);
      return html`<p data-page-problem="${when}" data-lang="${locale}" data-code="${code}" data-message="${message}" data-remedy="${remedy}"></p>`;
    }),
  );
  return html`<div id="ninsho-problems" hidden>${items}</div>`;
}
