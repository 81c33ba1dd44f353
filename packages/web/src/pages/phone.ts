import { html } from "hono/html";
import type { Assets } from "../assets.js";
import type { PageLocale } from "../locale.js";
import { textFor } from "../text/index.js";
import { answerRegion, groupFields } from "./groupFields.js";
import { layout, type Markup } from "./layout.js";

export const PHONE_PATH = "/activate/phone";

/**
 * `/activate/phone`: an end user types the installation ID their machine shows (or opens a QR code's
 * `#iid=…` link, which the script reads: a fragment never reaches the server or its logs).
 * @example
 * c.html(phonePage(assets, pageLocale(c)));
 */
export function phonePage(assets: Assets, lang: PageLocale): Markup {
  const { page } = textFor(lang.locale);
  const main = html`<p class="intro">${page.phoneIntro}</p>
<form id="activate" class="activate" novalidate>
${groupFields(lang.locale, page.installationIdHint)}
<div class="field">
<label for="device-name">${page.deviceName}</label>
<input id="device-name" name="deviceName" type="text" maxlength="128" autocomplete="off"
  aria-describedby="device-name-hint">
<p id="device-name-hint" class="hint">${page.deviceNameHint}</p>
</div>
<button type="submit" class="primary">${page.submit}</button>
<p class="hint">${page.privacy}</p>
</form>
${answerRegion()}`;
  return layout({
    lang,
    title: page.phoneTitle,
    path: PHONE_PATH,
    script: assets.scripts.phone,
    styles: assets.styles,
    area: "public",
    main,
  });
}
