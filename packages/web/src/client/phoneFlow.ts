import { callApi } from "./api.js";
import { asConfirmation, faultyGroups } from "./confirmation.js";
import { byId, el, keepInLanguageLinks, type PageLanguage, reveal } from "./dom.js";
import { setupGroupEntry } from "./groupEntry.js";
import { renderRefusal } from "./refusal.js";
import { renderConfirmation } from "./result.js";
import type { ClientText } from "./text.js";
import { renderTransferProof } from "./transferProof.js";

export interface PhoneFlowOptions {
  /** The public route for end users, or the support route for the console. */
  readonly endpoint: string;
  /** Who reads the confirmation ID: the user types it; an agent reads it out to a caller. */
  readonly reader: "user" | "agent";
  readonly text: ClientText;
  readonly language: PageLanguage;
  /** Fields sent with the ID besides it (the device's name; the console's reason); empty ones are left out. */
  readonly extra: () => Readonly<Record<string, string>>;
  /** The console's bearer token. */
  readonly token?: () => string | undefined;
  /** The console's token was refused (401): sign in again. */
  readonly onUnauthorized?: () => void;
}

/** Refusals of a move that the owner's mailed code answers. */
const PROOF_CODES: ReadonlySet<string> = new Set(["TRANSFER_PROOF_REQUIRED", "TRANSFER_CODE_INVALID"]);

/** The installation ID in a QR code's link: `#iid=<54 digits>`, any separators. */
const fragmentId = (): string | undefined =>
  new URLSearchParams(location.hash.replace(/^#/, "")).get("iid") ?? undefined;

/**
 * The phone flow on a page: groups checked as typed, the ID prefilled from the URL's fragment, the
 * confirmation ID or the refusal shown below, and a transfer offered when the license is full.
 * @example
 * setupPhoneFlow({ endpoint: "/v1/offline/confirmations", reader: "user", text, language, extra: () => ({}) });
 */
export function setupPhoneFlow(options: PhoneFlowOptions): void {
  const { text, language } = options;
  const form = byId("activate", HTMLFormElement);
  const answer = byId("answer", HTMLElement);
  const submit = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const entry = setupGroupEntry(form, text, { change: keepInLanguageLinks, complete: () => submit?.focus() });

  const prefill = () => {
    const id = fragmentId();
    if (id !== undefined) entry.fillFrom(id);
  };
  prefill();
  window.addEventListener("hashchange", prefill);

  const startOver = () => {
    form.reset();
    entry.clear();
    answer.hidden = true;
    answer.replaceChildren();
    form.hidden = false;
    history.replaceState(null, "", location.pathname + location.search);
    entry.focusFirst();
  };

  let sending = false;
  /**
   * The device a transfer moves the license from (its name says more to a person than its id), and on the
   * public page the code mailed to the owner that proves the move.
   */
  const send = async (from?: { readonly id: string; readonly name: string }, transferCode?: string) => {
    if (sending || !entry.confirmAll()) return;
    const token = options.token?.();
    const extra = Object.fromEntries(
      Object.entries(options.extra()).filter(([, value]) => value.trim() !== ""),
    );
    sending = true;
    if (submit) submit.disabled = true;
    answer.dataset.state = "sending";
    answer.setAttribute("aria-busy", "true");
    answer.replaceChildren(el("p", { class: "sending" }, text.sending));
    answer.hidden = false;
    const result = await callApi("POST", options.endpoint, {
      body: {
        installationId: entry.values().join("-"),
        ...extra,
        ...(from === undefined ? {} : { transferFromDeviceId: from.id }),
        ...(transferCode === undefined ? {} : { transferCode }),
      },
      language,
      ...(token === undefined ? {} : { token }),
      // An end user signed in to the portal on this browser proves a move with that session, no code needed.
      ...(options.reader === "user" ? { session: true } : {}),
    });
    sending = false;
    if (submit) submit.disabled = false;
    answer.removeAttribute("aria-busy");
    const confirmation = result.kind === "ok" ? asConfirmation(result.body) : undefined;
    if (confirmation) {
      renderConfirmation(answer, confirmation, {
        text,
        language,
        startOver,
        movedFrom: from?.name,
        intro: options.reader === "agent" ? text.resultIntroAgent : text.resultIntro,
      });
      form.hidden = true; // the digits to read back are all that matters now
    } else if (result.kind === "ok") {
      renderRefusal(answer, { kind: "unexpected", status: result.status }, text, language, () => {});
    } else {
      if (result.kind === "problem" && result.status === 401) options.onUnauthorized?.();
      renderRefusal(answer, result, text, language, (device) => void send(device));
      const code = result.kind === "problem" ? result.problem.code : undefined;
      if (from !== undefined && options.reader === "user" && code !== undefined && PROOF_CODES.has(code))
        renderTransferProof(answer, { text, language, from, move: (mailed) => void send(from, mailed) });
    }
    reveal(answer);
    // A group the server found wrong (a version or range no check digit can see) is where to go next.
    if (result.kind === "problem" && result.problem.code === "INSTALLATION_ID_MALFORMED")
      entry.flag(faultyGroups(result.problem.details));
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send();
  });
}
