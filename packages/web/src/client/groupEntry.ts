import { digitGroupStatus } from "@ninsho/core";
import { byId } from "./dom.js";
import { fill, onlyDigits } from "./format.js";
import type { ClientText } from "./text.js";

const GROUP_LENGTH = 6;

export interface GroupEntry {
  /** The groups as typed. */
  readonly values: () => string[];
  /** 1-based numbers of the groups whose check digit fails, and of those not yet complete. */
  readonly problems: () => { readonly typos: number[]; readonly incomplete: number[] };
  /** Say what is wrong (or that all is well) and put the cursor on the first group to fix; true when all pass. */
  readonly confirmAll: () => boolean;
  /** Fill from `digits` (any separators), starting at group 0. */
  readonly fillFrom: (digits: string) => void;
  /** Mark the groups the server named (1-based), e.g. a version or range problem no check digit can see. */
  readonly flag: (groups: readonly number[]) => void;
  readonly clear: () => void;
  readonly focusFirst: () => void;
}

/**
 * The installation ID as one input per group, each checked against its Damm check digit as it is typed (core's
 * `digitGroupStatus`, bundled for the browser). A complete group that passes moves the cursor on; one that
 * fails turns red, says "group N has a typo" and keeps the cursor, so the typo is fixed while the screen is
 * still in view. Pasting or auto-filling a whole ID spreads it over the groups.
 * @example
 * const entry = setupGroupEntry(form, text, { change: keepInLanguageLinks, complete: () => submit.focus() });
 */
export function setupGroupEntry(
  form: HTMLFormElement,
  text: ClientText,
  on: {
    /** Any change, with all digits typed so far. */
    readonly change: (digits: string) => void;
    /** A paste or prefill completed every group: the cursor goes where the user goes next. */
    readonly complete: () => void;
  },
): GroupEntry {
  const inputs = [...form.querySelectorAll<HTMLInputElement>("input[data-group]")];
  const statusLine = byId("iid-status", HTMLParagraphElement);
  const errorOf = (i: number) => byId(`g${i + 1}-error`, HTMLParagraphElement);
  const statusOf = (i: number) => digitGroupStatus(i, inputs[i]?.value ?? "");

  const setInvalid = (i: number, message: string | undefined) => {
    const input = inputs[i];
    if (!input) return;
    const error = errorOf(i);
    input.setAttribute("aria-invalid", String(message !== undefined));
    error.textContent = message ?? "";
    error.hidden = message === undefined;
  };

  const problems = () => {
    const typos: number[] = [];
    const incomplete: number[] = [];
    inputs.forEach((_, i) => {
      const status = statusOf(i);
      if (status === "invalid") typos.push(i + 1);
      if (status === "incomplete") incomplete.push(i + 1);
    });
    return { typos, incomplete };
  };

  /** The live line: screen readers hear each typo the moment the sixth digit of its group is typed. */
  const announce = () => {
    const { typos, incomplete } = problems();
    const first = typos[0];
    if (first !== undefined) statusLine.textContent = fill(text.groupTypo, { n: first });
    else if (incomplete.length === 0) statusLine.textContent = text.groupsValid;
    else statusLine.textContent = "";
    statusLine.dataset.state = first !== undefined ? "error" : incomplete.length === 0 ? "ok" : "";
    on.change(inputs.map((input) => input.value).join(""));
  };

  const check = (i: number) => {
    const status = statusOf(i);
    setInvalid(i, status === "invalid" ? text.groupTypoShort : undefined);
    inputs[i]?.classList.toggle("valid", status === "valid");
  };

  const focusAt = (i: number, caret: "start" | "end" = "end") => {
    const input = inputs[i];
    if (!input) return;
    input.focus();
    const at = caret === "end" ? input.value.length : 0;
    input.setSelectionRange(at, at);
  };

  /** Write `digits` into the groups from `start` on; the cursor goes to the first group still to finish. */
  const spread = (start: number, digits: string) => {
    let rest = digits;
    for (let i = start; i < inputs.length && rest !== ""; i++) {
      const input = inputs[i];
      if (!input) break;
      input.value = rest.slice(0, GROUP_LENGTH);
      rest = rest.slice(GROUP_LENGTH);
      check(i);
    }
    announce();
    const { typos, incomplete } = problems();
    if (typos.length === 0 && incomplete.length === 0) return on.complete();
    const next = inputs.findIndex((_, i) => i >= start && statusOf(i) !== "valid");
    focusAt(next === -1 ? Math.min(...typos, ...incomplete) - 1 : next);
  };

  inputs.forEach((input, i) => {
    const typed = () => {
      const digits = onlyDigits(input.value);
      if (digits.length > GROUP_LENGTH + 1) return spread(i, digits); // an auto-fill or a dictated run
      input.value = digits.slice(0, GROUP_LENGTH);
      const overflow = digits.slice(GROUP_LENGTH);
      check(i);
      announce();
      const next = inputs[i + 1];
      // One digit past a full group belongs to the next group, if that one is still empty.
      if (overflow !== "" && next && next.value === "") {
        next.value = overflow;
        check(i + 1);
        focusAt(i + 1);
      } else if (input.value.length === GROUP_LENGTH && statusOf(i) === "valid" && next) {
        focusAt(i + 1, "start");
      }
    };
    // A Japanese IME composes full-width digits before committing them: rewriting the value mid-composition
    // would cancel it, so the group is read when the composition ends.
    input.addEventListener("input", (event) => {
      if (!(event instanceof InputEvent && event.isComposing)) typed();
    });
    input.addEventListener("compositionend", typed);
    input.addEventListener("paste", (event) => {
      const pasted = onlyDigits(event.clipboardData?.getData("text") ?? "");
      if (pasted.length <= GROUP_LENGTH) return; // a single group: let the input event take it
      event.preventDefault();
      spread(i, pasted);
    });
    input.addEventListener("keydown", (event) => {
      const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
      const atEnd = input.selectionStart === input.value.length;
      if (event.key === "Backspace" && atStart && i > 0) {
        event.preventDefault();
        focusAt(i - 1);
      } else if (event.key === "ArrowLeft" && atStart && i > 0) {
        event.preventDefault();
        focusAt(i - 1);
      } else if (event.key === "ArrowRight" && atEnd && i < inputs.length - 1) {
        event.preventDefault();
        focusAt(i + 1, "start");
      } else if (event.key === "Enter" && i < inputs.length - 1) {
        // Groups 1–8: Enter (the phone keypad's "next") moves on; group 9 submits.
        event.preventDefault();
        focusAt(i + 1);
      }
    });
  });

  return {
    values: () => inputs.map((input) => input.value),
    problems,
    confirmAll: () => {
      const { typos, incomplete } = problems();
      for (let i = 0; i < inputs.length; i++) check(i);
      if (typos.length === 0 && incomplete.length === 0) return true;
      const first = typos[0];
      statusLine.textContent =
        first !== undefined
          ? fill(text.groupTypo, { n: first })
          : fill(text.groupsIncomplete, { count: incomplete.length, list: incomplete });
      statusLine.dataset.state = "error";
      focusAt(Math.min(...typos, ...incomplete) - 1);
      return false;
    },
    fillFrom: (digits) => spread(0, onlyDigits(digits)),
    flag: (groups) => {
      for (const n of groups) setInvalid(n - 1, text.groupTypoShort);
      const first = groups[0];
      if (first !== undefined) focusAt(first - 1);
    },
    clear: () => {
      inputs.forEach((input, i) => {
        input.value = "";
        check(i);
      });
      announce();
    },
    focusFirst: () => focusAt(0),
  };
}
