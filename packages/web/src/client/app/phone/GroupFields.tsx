import { useSpeech } from "../i18n.js";
import { type GroupEntry, type GroupLine, INSTALLATION_ID_GROUPS } from "./useGroupEntry.js";

/** The live line's words, and whether it reports something to fix. */
function lineText(line: GroupLine, speech: ReturnType<typeof useSpeech>): { text: string; state: string } {
  const w = speech.words.phone;
  switch (line.kind) {
    case "typo":
      return { text: speech.t(w.groupTypo, { n: line.n }), state: "error" };
    case "incomplete":
      return {
        text: speech.t(w.groupsIncomplete, { count: line.list.length, list: line.list }),
        state: "error",
      };
    case "valid":
      return { text: w.groupsValid, state: "ok" };
    default:
      return { text: "", state: "" };
  }
}

/**
 * One input per group. `inputMode="numeric"` brings up the phone's number pad; each group has its own label
 * and error line, linked with `aria-invalid` when the group's check digit fails. No `maxLength`: a pasted or
 * auto-filled whole ID spills over into the next groups instead of being cut.
 */
export function GroupFields({ entry, hint }: { readonly entry: GroupEntry; readonly hint: string }) {
  const speech = useSpeech();
  const w = speech.words.phone;
  const line = lineText(entry.view.line, speech);
  return (
    <fieldset class="iid" aria-describedby="iid-hint">
      <legend>{w.installationId}</legend>
      <p id="iid-hint" class="hint">
        {hint}
      </p>
      <div class="groups">
        {Array.from({ length: INSTALLATION_ID_GROUPS }, (_, i) => {
          const n = i + 1;
          const mark = entry.view.marks[i] ?? "";
          return (
            <div class="group" key={n}>
              <label for={`g${n}`}>{speech.t(w.groupLabel, { n })}</label>
              <input
                id={`g${n}`}
                name={`g${n}`}
                type="text"
                inputMode="numeric"
                pattern="[0-9]*"
                autoComplete="off"
                autoCorrect="off"
                autoCapitalize="off"
                spellcheck={false}
                enterKeyHint="next"
                class={mark === "valid" ? "valid" : undefined}
                aria-describedby={`g${n}-error`}
                aria-invalid={mark === "typo" ? "true" : "false"}
                {...entry.bind(i)}
              />
              <p id={`g${n}-error`} class="group-error" hidden={mark !== "typo"}>
                {mark === "typo" ? w.groupTypoShort : ""}
              </p>
            </div>
          );
        })}
      </div>
      <p id="iid-status" class="status" role="status" aria-live="polite" data-state={line.state}>
        {line.text}
      </p>
    </fieldset>
  );
}
