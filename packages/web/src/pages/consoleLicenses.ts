import { html } from "hono/html";
import type { Assets } from "../assets.js";
import type { PageLocale } from "../locale.js";
import { textFor } from "../text/index.js";
import { CONSOLE_LICENSES_PATH, consoleNav, signedInArea } from "./consoleShell.js";
import { layout, type Markup } from "./layout.js";

/**
 * `/console/licenses`: the support desk's lookup, by product key or owner email, to a license with its
 * devices and timeline, read from the admin API.
 * @example
 * c.html(consoleLicensesPage(assets, pageLocale(c)));
 */
export function consoleLicensesPage(assets: Assets, lang: PageLocale): Markup {
  const { page } = textFor(lang.locale);
  const work = html`<p class="intro">${page.lookupIntro}</p>
<form id="lookup" class="lookup" role="search" novalidate>
<div class="field">
<label for="query">${page.lookupLabel}</label>
<input id="query" name="query" type="search" autocomplete="off" spellcheck="false" required>
</div>
<button type="submit" class="primary">${page.lookupSubmit}</button>
</form>
<section id="results" class="results" aria-live="polite" hidden></section>
<section id="license" class="license" tabindex="-1" hidden></section>`;
  return layout({
    lang,
    title: page.lookupTitle,
    path: CONSOLE_LICENSES_PATH,
    script: assets.scripts["console-licenses"],
    styles: assets.styles,
    area: "console",
    nav: consoleNav(lang.locale, CONSOLE_LICENSES_PATH),
    main: signedInArea(lang.locale, work),
  });
}
