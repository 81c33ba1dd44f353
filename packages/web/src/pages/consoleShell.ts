import type { Locale } from "@ninsho/core";
import { html } from "hono/html";
import { textFor } from "../text/index.js";
import type { Markup } from "./layout.js";

export const CONSOLE_PHONE_PATH = "/console/phone";
export const CONSOLE_LICENSES_PATH = "/console/licenses";

/**
 * The console's pages, for its navigation.
 * @example
 * consoleNav("en", "/console/phone")[0]?.current; // true
 */
export function consoleNav(locale: Locale, current: string) {
  const { page } = textFor(locale);
  return [
    { href: CONSOLE_PHONE_PATH, label: page.consolePhoneTitle, current: current === CONSOLE_PHONE_PATH },
    { href: CONSOLE_LICENSES_PATH, label: page.lookupTitle, current: current === CONSOLE_LICENSES_PATH },
  ];
}

/**
 * Sign-in around a console page's work. The agent pastes an admin API token; the script keeps it in
 * sessionStorage (this tab only) and sends it as a bearer token to the admin API, never in a URL or cookie,
 * so it cannot leak through history, logs or cross-site requests. `work` stays hidden until signed in.
 */
export function signedInArea(locale: Locale, work: Markup): Markup {
  const { page } = textFor(locale);
  return html`<section id="sign-in" class="sign-in" aria-labelledby="sign-in-heading" hidden>
<h2 id="sign-in-heading">${page.signInHeading}</h2>
<form id="sign-in-form" novalidate>
<div class="field">
<label for="token">${page.tokenLabel}</label>
<input id="token" name="token" type="password" autocomplete="off" spellcheck="false" required
  aria-describedby="token-hint sign-in-error">
<p id="token-hint" class="hint">${page.tokenHint}</p>
<p id="sign-in-error" class="field-error" role="alert" hidden></p>
</div>
<button type="submit" class="primary">${page.signIn}</button>
</form>
</section>
<div id="session" class="session" hidden>
<p id="whoami"></p>
<button type="button" id="sign-out" class="secondary">${page.signOut}</button>
</div>
<div id="work" hidden>${work}</div>`;
}
