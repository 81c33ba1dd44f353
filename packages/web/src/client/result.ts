import { type Confirmation, NO_END } from "./confirmation.js";
import { el, type PageLanguage } from "./dom.js";
import { fill, formatDay, spelledDigits } from "./format.js";
import type { ClientText } from "./text.js";

export interface ConfirmationView {
  readonly text: ClientText;
  readonly language: PageLanguage;
  readonly startOver: () => void;
  /** How to use the groups: type them in, or read them out to a caller. */
  readonly intro: string;
  /** The name of the device a transfer took the slot from, when this page asked for the transfer. */
  readonly movedFrom?: string | undefined;
}

function grantLines(c: Confirmation, view: ConfirmationView): string[] {
  const { text, language } = view;
  const lines: string[] = [];
  const { grant } = c;
  if (grant.leaseDays >= NO_END || grant.leaseExpiresAt === undefined) lines.push(text.leaseForever);
  else
    lines.push(
      fill(text.leaseUntil, { date: formatDay(grant.leaseExpiresAt, language), days: grant.leaseDays }),
    );
  if (grant.graceDays > 0 && grant.graceEndsAt !== undefined)
    lines.push(
      fill(text.graceUntil, { days: grant.graceDays, date: formatDay(grant.graceEndsAt, language) }),
    );
  lines.push(fill(text.deviceLine, { name: c.device.name }));
  if (c.replayed) lines.push(text.replayed);
  else if (c.transferredFrom !== undefined)
    lines.push(fill(text.transferredFrom, { device: view.movedFrom ?? c.transferredFrom }));
  else if (c.decision?.outcome === "recognized") lines.push(text.recognized);
  else if (c.decision?.outcome === "new_device") lines.push(text.newDevice);
  return lines;
}

/**
 * The confirmation ID in large numbered groups, to read back or type group by group, and what it grants.
 * Screen readers hear each group as "Group 4: 1 2 3 4 5 6", not as a six-digit number.
 */
export function renderConfirmation(answer: HTMLElement, c: Confirmation, view: ConfirmationView): void {
  const { text } = view;
  const groups = c.groups.map((digits, i) =>
    el(
      "li",
      {},
      el("span", { class: "cid-n", "aria-hidden": "true" }, String(i + 1)),
      el("span", { class: "cid-digits", "aria-hidden": "true", "data-cid-group": String(i + 1) }, digits),
      el("span", { class: "sr-only" }, `${fill(text.resultGroup, { n: i + 1 })}: ${spelledDigits(digits)}`),
    ),
  );
  const copy = el("button", { type: "button", class: "secondary" }, text.copy);
  copy.addEventListener("click", () => {
    void navigator.clipboard.writeText(c.confirmationId).then(() => {
      copy.textContent = text.copied;
    });
  });
  // The clipboard needs a secure context (https or localhost); without one the button would only fail.
  copy.hidden = !window.isSecureContext || navigator.clipboard === undefined;
  const again = el("button", { type: "button", class: "secondary" }, text.startOver);
  again.addEventListener("click", view.startOver);
  answer.dataset.state = "confirmed";
  answer.replaceChildren(
    el("h2", { id: "answer-heading" }, text.resultHeading),
    el("p", {}, view.intro),
    el("ol", { class: "cid", id: "confirmation-id", "data-confirmation-id": c.confirmationId }, ...groups),
    el("ul", { class: "grant" }, ...grantLines(c, view).map((line) => el("li", {}, line))),
    el("div", { class: "actions" }, copy, again),
  );
}
