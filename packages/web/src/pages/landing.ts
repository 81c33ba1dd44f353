import type { Locale } from "@ninsho/core";
import { html } from "hono/html";
import { wordsFor } from "../words/index.js";
import type { Markup } from "./markup.js";

export const LANDING_PATH = "/";

/**
 * What this server is, and a card for each of its pages, for a newcomer who opened its address.
 * @example
 * landingMain("ja"); // the cards, in Japanese
 */
export function landingMain(locale: Locale): Markup {
  const w = wordsFor(locale).landing;
  const q = `?lang=${locale}`;
  const cards = [
    { href: `/console${q}`, title: w.consoleTitle, text: w.consoleText },
    { href: `/portal${q}`, title: w.portalTitle, text: w.portalText },
    { href: `/activate/phone${q}`, title: w.phoneTitle, text: w.phoneText },
    { href: `/docs/errors${q}`, title: w.errorsTitle, text: w.errorsText },
    { href: "/openapi.json", title: w.apiTitle, text: w.apiText },
  ];
  return html`<h1>${w.title}</h1>
<p class="intro">${w.intro}</p>
<ul class="cards">${cards.map(
    (card) =>
      html`<li><a href="${card.href}"><strong>${card.title}</strong><span>${card.text}</span></a></li>`,
  )}</ul>`;
}
