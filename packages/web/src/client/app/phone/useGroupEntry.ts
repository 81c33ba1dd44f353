import { digitGroupStatus } from "@ninsho/core";
import { useRef, useState } from "preact/hooks";

/** An installation ID, version 1: 9 groups of six digits (docs/offline-activation.md). */
export const INSTALLATION_ID_GROUPS = 9;
const GROUP_LENGTH = 6;

/** Digits people typed, whatever the keyboard: full-width digits become ASCII, everything else goes. */
const onlyDigits = (typed: string): string => typed.normalize("NFKC").replace(/[^0-9]/g, "");

/** What a group shows: a typo (its check digit fails, or the server named it), passed, or nothing yet. */
export type GroupMark = "typo" | "valid" | "";

/** The live line under the groups, said in the page's language when drawn. */
export type GroupLine =
  | { readonly kind: "typo"; readonly n: number }
  | { readonly kind: "valid" }
  | { readonly kind: "incomplete"; readonly list: readonly number[] }
  | { readonly kind: "none" };

export interface GroupView {
  readonly marks: readonly GroupMark[];
  readonly line: GroupLine;
}

/** What group `i`'s input is wired with. */
export interface GroupBinding {
  readonly ref: (element: HTMLInputElement | null) => void;
  readonly onInput: (event: Event) => void;
  readonly onCompositionEnd: () => void;
  readonly onPaste: (event: ClipboardEvent) => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
}

export interface GroupEntry {
  readonly view: GroupView;
  /** The props of group `i`'s input (0-based). */
  readonly bind: (i: number) => GroupBinding;
  readonly values: () => string[];
  /** Say what is wrong (or that all is well), the cursor on the first group to fix; true when all pass. */
  readonly confirmAll: () => boolean;
  /** Fill from `digits` (any separators), starting at group 0. */
  readonly fillFrom: (digits: string) => void;
  /** Mark the groups the server named (1-based): a version or range problem no check digit can see. */
  readonly flag: (groups: readonly number[]) => void;
  readonly clear: () => void;
  readonly focusFirst: () => void;
}

/**
 * The installation ID as one input per group, each checked against its Damm check digit as it is typed (core's
 * `digitGroupStatus`). A complete group that passes moves the cursor on; one that fails is marked, the live
 * line says "group N has a typo" and the cursor stays, so the typo is fixed while the screen is still in view.
 * Pasting or auto-filling a whole ID spreads it over the groups. The inputs keep their own values (the hook
 * writes them): a Japanese IME's composition must not be re-rendered away mid-word.
 * @example
 * const entry = useGroupEntry({ change: keepInAddress, complete: () => submit.current?.focus() });
 */
export function useGroupEntry(on: {
  /** Any change, with all digits typed so far. */
  readonly change: (digits: string) => void;
  /** A paste or prefill completed every group: the cursor goes where the user goes next. */
  readonly complete: () => void;
}): GroupEntry {
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const blank: GroupMark[] = Array.from({ length: INSTALLATION_ID_GROUPS }, () => "");
  const [view, setView] = useState<GroupView>({ marks: blank, line: { kind: "none" } });
  const marks = useRef<GroupMark[]>([...blank]);

  const input = (i: number) => inputs.current[i] ?? undefined;
  const values = () => Array.from({ length: INSTALLATION_ID_GROUPS }, (_, i) => input(i)?.value ?? "");
  const statusOf = (i: number) => digitGroupStatus(i, input(i)?.value ?? "");
  const problems = () => {
    const typos: number[] = [];
    const incomplete: number[] = [];
    for (let i = 0; i < INSTALLATION_ID_GROUPS; i++) {
      const status = statusOf(i);
      if (status === "invalid") typos.push(i + 1);
      if (status === "incomplete") incomplete.push(i + 1);
    }
    return { typos, incomplete };
  };
  const check = (i: number) => {
    const status = statusOf(i);
    marks.current[i] = status === "invalid" ? "typo" : status === "valid" ? "valid" : "";
  };
  const show = (line: GroupLine) => setView({ marks: [...marks.current], line });
  /** The live line: screen readers hear each typo the moment the sixth digit of its group is typed. */
  const announce = () => {
    const { typos, incomplete } = problems();
    const first = typos[0];
    show(
      first !== undefined
        ? { kind: "typo", n: first }
        : incomplete.length === 0
          ? { kind: "valid" }
          : { kind: "none" },
    );
    on.change(values().join(""));
  };
  const focusAt = (i: number, caret: "start" | "end" = "end") => {
    const at = input(i);
    if (!at) return;
    at.focus();
    const position = caret === "end" ? at.value.length : 0;
    at.setSelectionRange(position, position);
  };

  /** Write `digits` into the groups from `start` on; the cursor goes to the first group still to finish. */
  const spread = (start: number, digits: string) => {
    let rest = digits;
    for (let i = start; i < INSTALLATION_ID_GROUPS && rest !== ""; i++) {
      const at = input(i);
      if (!at) break;
      at.value = rest.slice(0, GROUP_LENGTH);
      rest = rest.slice(GROUP_LENGTH);
      check(i);
    }
    announce();
    const { typos, incomplete } = problems();
    if (typos.length === 0 && incomplete.length === 0) return on.complete();
    const next = values().findIndex((_, i) => i >= start && statusOf(i) !== "valid");
    focusAt(next === -1 ? Math.min(...typos, ...incomplete) - 1 : next);
  };

  const typed = (i: number) => {
    const at = input(i);
    if (!at) return;
    const digits = onlyDigits(at.value);
    if (digits.length > GROUP_LENGTH + 1) return spread(i, digits); // an auto-fill or a dictated run
    at.value = digits.slice(0, GROUP_LENGTH);
    const overflow = digits.slice(GROUP_LENGTH);
    check(i);
    const next = input(i + 1);
    // One digit past a full group belongs to the next group, if that one is still empty.
    if (overflow !== "" && next && next.value === "") {
      next.value = overflow;
      check(i + 1);
      focusAt(i + 1);
    } else if (at.value.length === GROUP_LENGTH && statusOf(i) === "valid" && next) {
      focusAt(i + 1, "start");
    }
    announce();
  };

  const keyDown = (i: number, event: KeyboardEvent) => {
    const at = input(i);
    if (!at) return;
    const atStart = at.selectionStart === 0 && at.selectionEnd === 0;
    const atEnd = at.selectionStart === at.value.length;
    const last = i === INSTALLATION_ID_GROUPS - 1;
    // Groups 1–8: Enter (the phone keypad's "next") moves on; group 9 submits.
    const back = (event.key === "Backspace" || event.key === "ArrowLeft") && atStart && i > 0;
    const forward = (event.key === "ArrowRight" && atEnd) || event.key === "Enter";
    if (back) focusAt(i - 1);
    else if (forward && !last) focusAt(i + 1, event.key === "Enter" ? "end" : "start");
    else return;
    event.preventDefault();
  };

  return {
    view,
    bind: (i) => ({
      ref: (element) => {
        inputs.current[i] = element;
      },
      // A Japanese IME composes full-width digits before committing them: rewriting the value mid-composition
      // would cancel it, so the group is read when the composition ends.
      onInput: (event) => {
        if (!(event instanceof InputEvent && event.isComposing)) typed(i);
      },
      onCompositionEnd: () => typed(i),
      onPaste: (event) => {
        const pasted = onlyDigits(event.clipboardData?.getData("text") ?? "");
        if (pasted.length <= GROUP_LENGTH) return; // a single group: let the input event take it
        event.preventDefault();
        spread(i, pasted);
      },
      onKeyDown: (event) => keyDown(i, event),
    }),
    values,
    confirmAll: () => {
      for (let i = 0; i < INSTALLATION_ID_GROUPS; i++) check(i);
      const { typos, incomplete } = problems();
      if (typos.length === 0 && incomplete.length === 0) return true;
      const first = typos[0];
      show(first !== undefined ? { kind: "typo", n: first } : { kind: "incomplete", list: incomplete });
      focusAt(Math.min(...typos, ...incomplete) - 1);
      return false;
    },
    fillFrom: (digits) => spread(0, onlyDigits(digits)),
    flag: (groups) => {
      for (const n of groups) marks.current[n - 1] = "typo";
      show(view.line);
      const first = groups[0];
      if (first !== undefined) focusAt(first - 1);
    },
    clear: () => {
      for (let i = 0; i < INSTALLATION_ID_GROUPS; i++) {
        const at = input(i);
        if (at) at.value = "";
        check(i);
      }
      announce();
    },
    focusFirst: () => focusAt(0),
  };
}
