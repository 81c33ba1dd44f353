import type { ApiAnswer } from "./api.js";
import { limitDetails } from "./confirmation.js";
import { el, type PageLanguage } from "./dom.js";
import { fill, formatDay } from "./format.js";
import { pageProblem } from "./pageProblem.js";
import type { ClientText } from "./text.js";

/**
 * A refusal in the server's own words (the error catalogue, in the page's language): what happened, what to
 * do, and its code for support. A call that got no answer, or one that is not the API's, is shown the same way,
 * as the catalogue's SERVER_UNREACHABLE or RESPONSE_INVALID (`pageProblem`). A full license lists its devices and, when its policy allows transfers, offers
 * to move the license from one of them, which sends the same ID again with `transferFromDeviceId`.
 */
export function renderRefusal(
  answer: HTMLElement,
  refused: Exclude<ApiAnswer, { kind: "ok" }>,
  text: ClientText,
  language: PageLanguage,
  transfer: (from: { readonly id: string; readonly name: string }) => void,
): void {
  answer.dataset.state = "refused";
  const heading = el("h2", { id: "answer-heading" }, text.refusedHeading);
  const problem = refused.kind === "problem" ? refused.problem : pageProblem(refused);
  const parts: Node[] = [
    heading,
    el("p", { class: "problem-message" }, problem.message),
    el("h3", {}, text.whatToDo),
    el("p", { class: "problem-remedy" }, problem.remedy),
  ];
  const limit = problem.code === "DEVICE_LIMIT_REACHED" ? limitDetails(problem.details) : undefined;
  if (limit && limit.devices.length > 0) {
    parts.push(el("h3", {}, text.devicesHeading));
    const rows = limit.devices.map((d) => {
      const summary = fill(text.deviceSummary, {
        name: d.name,
        platform: d.platform,
        activated: formatDay(d.activatedAt, language),
        seen: formatDay(d.lastSeenAt, language),
      });
      const row = el("li", {}, el("span", {}, summary));
      if (limit.transferable) {
        const move = el("button", { type: "button", class: "secondary", "data-transfer-from": d.id });
        move.textContent = fill(text.transferButton, { name: d.name });
        move.addEventListener("click", () => transfer({ id: d.id, name: d.name }));
        row.append(move);
      }
      return row;
    });
    if (limit.transferable) parts.push(el("p", {}, text.transferOffer));
    parts.push(el("ul", { class: "devices" }, ...rows));
  }
  // An answer that is not the API's: its HTTP status helps whoever looks into it.
  const status = refused.kind === "unexpected" ? ` · HTTP ${refused.status}` : "";
  parts.push(el("p", { class: "code" }, `${fill(text.errorCode, { code: problem.code })}${status}`));
  answer.replaceChildren(...parts);
}
