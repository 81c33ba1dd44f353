import { readAs, TransferCodeSentSchema } from "@ninsho/contract";
import { callApi } from "./api.js";
import { el, type PageLanguage } from "./dom.js";
import { fill } from "./format.js";
import { pageProblem } from "./pageProblem.js";
import type { ClientText } from "./text.js";

export interface TransferProofView {
  readonly text: ClientText;
  readonly language: PageLanguage;
  /** The device the caller chose to replace. */
  readonly from: { readonly id: string; readonly name: string };
  /** Send the installation ID again, moving the license from `from`, with the mailed code. */
  readonly move: (code: string) => void;
}

/** A labelled input with its hint and a place for what is wrong with it. */
function field(id: string, label: string, hint: string, attributes: Readonly<Record<string, string>>) {
  const input = el("input", { id, "aria-describedby": `${id}-hint`, autocomplete: "off", ...attributes });
  const error = el("p", { id: `${id}-error`, class: "field-error", role: "alert", hidden: "" });
  const say = (wrong: string | undefined) => {
    error.textContent = wrong ?? "";
    error.hidden = wrong === undefined;
    input.setAttribute("aria-invalid", String(wrong !== undefined));
    input.setAttribute("aria-describedby", wrong === undefined ? `${id}-hint` : `${id}-hint ${id}-error`);
  };
  const box = el("div", { class: "field" }, el("label", { for: id }, label), input);
  box.append(el("p", { id: `${id}-hint`, class: "hint" }, hint), error);
  return { box, input, say };
}

/**
 * The owner's proof for a move from the phone page (the server answers TRANSFER_PROOF_REQUIRED without it): the
 * key asks for a code mailed to the license's owner (POST /v1/transfers/codes), and the code goes with the
 * installation ID again. A signed-in owner needs neither: the page sends its session, so a link to sign in is
 * offered too.
 */
export function renderTransferProof(answer: HTMLElement, view: TransferProofView): void {
  const { text, language, from } = view;
  const key = field("proof-key", text.proofKey, text.proofKeyHint, { spellcheck: "false" });
  const code = field("proof-code", text.proofCode, text.proofCodeHint, { inputmode: "numeric" });
  const status = el("p", { class: "status", role: "status" });
  const problem = el("div", { class: "notice", role: "alert", hidden: "" });
  const keyForm = el(
    "form",
    { novalidate: "" },
    key.box,
    el("button", { type: "submit", class: "secondary" }, text.proofSend),
  );
  keyForm.append(status);
  const codeForm = el("form", { novalidate: "" }, code.box);
  codeForm.append(
    el("button", { type: "submit", class: "primary" }, fill(text.proofMove, { name: from.name })),
  );
  const signIn = el("a", { href: `/portal?lang=${language}` }, text.proofSignIn);

  keyForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = key.input.value.trim();
    key.say(typed === "" ? text.proofMissing : undefined);
    if (typed === "") return;
    void callApi("POST", "/v1/transfers/codes", { body: { key: typed }, language }).then((sent) => {
      const mailed = sent.kind === "ok" ? readAs(TransferCodeSentSchema, sent.body) : undefined;
      if (mailed !== undefined) {
        problem.hidden = true;
        status.textContent = fill(text.proofSent, { to: mailed.to });
        code.input.focus();
        return;
      }
      const shown =
        sent.kind === "problem"
          ? sent.problem
          : pageProblem(sent.kind === "ok" ? { kind: "unexpected", status: sent.status } : sent);
      problem.replaceChildren(
        el("p", {}, shown.message),
        el("p", {}, shown.remedy),
        el("p", { class: "hint" }, fill(text.errorCode, { code: shown.code })),
      );
      problem.hidden = false;
    });
  });
  codeForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = code.input.value.trim();
    code.say(typed === "" ? text.proofMissing : undefined);
    if (typed !== "") view.move(typed);
  });

  answer.append(
    el(
      "section",
      { class: "proof", "aria-labelledby": "proof-heading" },
      el("h3", { id: "proof-heading" }, text.proofHeading),
      el("p", {}, text.proofIntro),
      keyForm,
      problem,
      codeForm,
      el("p", {}, signIn),
    ),
  );
}
