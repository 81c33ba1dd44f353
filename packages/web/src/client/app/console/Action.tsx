import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { useSession } from "./session.js";

interface ActionProps {
  /** A unique id for the form's fields. */
  readonly id: string;
  readonly label: string;
  readonly path: string;
  /** Extra fields of the body besides the reason (e.g. the new expiry). */
  readonly body?: () => Record<string, unknown>;
  readonly extra?: preact.ComponentChildren;
  /** The body's name for what is typed (`reason`, or `text` for a note) and its label and hint, if not a reason. */
  readonly text?: { readonly key: "text"; readonly label: string; readonly hint: string };
  readonly onDone: () => void;
}

/**
 * A support action that asks for a reason before it runs (the reason goes into the license's timeline with
 * the token that did it): a button, then a small form with the reason, then the call.
 * @example
 * <Action id="deactivate-dev_1" label="Deactivate" path="/v1/admin/devices/dev_1/deactivate" onDone={reload} />
 */
export function Action({ id, label, path, body, extra, text, onDone }: ActionProps) {
  const session = useSession();
  const speech = useSpeech();
  const { words } = speech;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    if (reason.trim() === "")
      return setError(text === undefined ? words.common.reasonMissing : words.common.required);
    setError(undefined);
    const answer = await session.call("POST", path, {
      ...(body?.() ?? {}),
      [text?.key ?? "reason"]: reason.trim(),
    });
    setProblem(problemOf(answer, speech));
    if (answer.kind !== "ok") return;
    setOpen(false);
    setReason("");
    onDone();
  };
  return (
    <form noValidate onSubmit={submit} class="action">
      {extra}
      <Field
        id={`${id}-reason`}
        label={`${label}: ${text?.label ?? words.common.reason}`}
        hint={text?.hint ?? words.common.reasonHint}
        error={error}
      >
        {(describedBy, invalid) => (
          <input
            id={`${id}-reason`}
            value={reason}
            maxLength={text === undefined ? 500 : 2000}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the user just asked for it
            autoFocus
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        )}
      </Field>
      <ProblemNote problem={problem} />
      <div class="buttons">
        <button type="submit" class="primary">
          {label}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {words.common.cancel}
        </button>
      </div>
    </form>
  );
}
