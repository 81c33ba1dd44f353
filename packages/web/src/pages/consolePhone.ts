import { html } from "hono/html";
import type { Assets } from "../assets.js";
import type { PageLocale } from "../locale.js";
import { textFor } from "../text/index.js";
import { CONSOLE_PHONE_PATH, consoleNav, signedInArea } from "./consoleShell.js";
import { answerRegion, groupFields } from "./groupFields.js";
import { layout, type Markup } from "./layout.js";

/**
 * `/console/phone`: support staff do the phone flow for a caller through the support route, with a reason for
 * the license's timeline.
 * @example
 * c.html(consolePhonePage(assets, pageLocale(c)));
 */
export function consolePhonePage(assets: Assets, lang: PageLocale): Markup {
  const { page } = textFor(lang.locale);
  const work = html`<p class="intro">${page.consolePhoneIntro}</p>
<form id="activate" class="activate" novalidate>
${groupFields(lang.locale, page.consoleInstallationIdHint)}
<div class="field">
<label for="reason">${page.reason}</label>
<textarea id="reason" name="reason" rows="2" maxlength="500" aria-describedby="reason-hint"></textarea>
<p id="reason-hint" class="hint">${page.reasonHint}</p>
</div>
<div class="field">
<label for="device-name">${page.consoleDeviceName}</label>
<input id="device-name" name="deviceName" type="text" maxlength="128" autocomplete="off">
</div>
<button type="submit" class="primary">${page.submit}</button>
</form>
${answerRegion()}`;
  return layout({
    lang,
    title: page.consolePhoneTitle,
    path: CONSOLE_PHONE_PATH,
    script: assets.scripts["console-phone"],
    styles: assets.styles,
    area: "console",
    nav: consoleNav(lang.locale, CONSOLE_PHONE_PATH),
    main: signedInArea(lang.locale, work),
  });
}
