import type { Locale } from "@ninsho/core";
import { html } from "hono/html";
import { fill, textFor } from "../text/index.js";
import type { Markup } from "./layout.js";

/** An installation ID, version 1: 9 groups of six digits (docs/offline-activation.md). */
export const INSTALLATION_ID_GROUPS = 9;

/**
 * One input per group. `inputmode="numeric"` brings up the phone's number pad; each group has its own label
 * and error line, which the script fills and links with `aria-invalid` when the group's check digit fails.
 * No `maxlength`: a pasted or auto-filled whole ID spills over into the next groups instead of being cut.
 */
export function groupFields(locale: Locale, hint: string): Markup {
  const { page } = textFor(locale);
  const groups = Array.from({ length: INSTALLATION_ID_GROUPS }, (_, i) => {
    const n = i + 1;
    return html`<div class="group">
<label for="g${n}">${fill(page.groupLabel, { n }, locale)}</label>
<input id="g${n}" name="g${n}" data-group="${i}" type="text" inputmode="numeric" pattern="[0-9]*"
  autocomplete="off" autocorrect="off" autocapitalize="off" spellcheck="false" enterkeyhint="next"
  aria-describedby="g${n}-error" aria-invalid="false">
<p id="g${n}-error" class="group-error" hidden></p>
</div>`;
  });
  return html`<fieldset class="iid" aria-describedby="iid-hint">
<legend>${page.installationId}</legend>
<p id="iid-hint" class="hint">${hint}</p>
<div class="groups">${groups}</div>
<p id="iid-status" class="status" role="status" aria-live="polite"></p>
</fieldset>`;
}

/** Where the script writes the answer: the confirmation ID, or the refusal and what to do. */
export const answerRegion = (): Markup =>
  html`<section id="answer" class="answer" aria-live="polite" tabindex="-1" hidden></section>`;
