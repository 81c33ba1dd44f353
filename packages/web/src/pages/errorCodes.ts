import {
  describe,
  deviceErrorCodes,
  type ErrorCode,
  formatMessage,
  httpStatus,
  isRetiredErrorCode,
  isServerErrorCode,
  type Locale,
  retiredErrorCodes,
  serverErrorCodes,
} from "@ninsho/core";
import { html } from "hono/html";
import { wordsFor } from "../words/index.js";
import type { Markup } from "./markup.js";

export const ERRORS_PATH = "/docs/errors";

/**
 * One code as a card (not a table row, so nothing scrolls sideways on a phone): its words in the page's
 * language, the other language's under them, and its HTTP status; a retired code says so and names its
 * successor. Its id is the code, for `docs` links.
 */
function codeCard(code: ErrorCode, locale: Locale): Markup {
  const w = wordsFor(locale).docs;
  const other: Locale = locale === "en" ? "ja" : "en";
  const mine = describe(code, locale);
  const theirs = describe(code, other);
  const status = isServerErrorCode(code)
    ? html`<span class="status-code">${formatMessage(w.status, locale, { status: httpStatus(code) })}</span>`
    : "";
  return html`<article class="code-card" id="${code}">
<h3><code>${code}</code> ${status}</h3>
${isRetiredErrorCode(code) ? html`<p class="retired">${formatMessage(w.retired, locale, { code: retiredErrorCodes[code] })}</p>` : ""}
<dl>
<dt>${w.message}</dt><dd>${mine.message}</dd>
<dt>${w.remedy}</dt><dd>${mine.remedy}</dd>
</dl>
<div class="other-language" lang="${other}"><p>${theirs.message}</p><p>${theirs.remedy}</p></div>
</article>`;
}

/**
 * The error catalogue as a page: every code of the server's answers and of the device, in both languages.
 * @example
 * errorCodesMain("ja");
 */
export function errorCodesMain(locale: Locale): Markup {
  const w = wordsFor(locale).docs;
  return html`<h1>${w.title}</h1>
<p class="intro">${w.intro}</p>
<h2>${w.serverCodes}</h2>
${serverErrorCodes.map((code) => codeCard(code, locale))}
<h2>${w.deviceCodes}</h2>
${deviceErrorCodes.map((code) => codeCard(code, locale))}`;
}
