import type { Locale } from "@ninsho/core";
import { html } from "hono/html";
import { wordsFor } from "../words/index.js";
import type { Markup } from "./markup.js";

/**
 * What an app page shows until its script has drawn it: a loading line, and why it stays if scripts are off.
 * @example
 * appMain("en");
 */
export function appMain(locale: Locale): Markup {
  const { common } = wordsFor(locale);
  return html`<p class="loading" role="status">${common.loading}</p>`;
}
