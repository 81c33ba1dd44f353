import type { EntitlementsRequest } from "@ninsho/contract";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { fieldIssues } from "../fieldIssues.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { useSession } from "./session.js";

type Key = "add" | "remove" | "reason";

const list = (text: string) =>
  text
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");

/** Add features to one license or take them away, on top of its policy's, with a reason (admin role). */
export function EntitlementsForm({
  licenseId,
  onDone,
}: {
  readonly licenseId: string;
  readonly onDone: () => void;
}) {
  const session = useSession();
  const speech = useSpeech();
  const { words, t } = speech;
  const w = words.overrides;
  const [text, setText] = useState<Record<Key, string>>({ add: "", remove: "", reason: "" });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Partial<Record<Key, string>> = {};
    if (list(text.add).length + list(text.remove).length === 0) found.add = w.featuresMissing;
    if (text.reason.trim() === "") found.reason = words.common.reasonMissing;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body: EntitlementsRequest = {
      add: list(text.add),
      remove: list(text.remove),
      reason: text.reason.trim(),
    };
    const answer = await session.call("POST", `/v1/admin/licenses/${licenseId}/entitlements`, body);
    const refused = problemOf(answer, speech);
    setProblem(refused);
    const server: Partial<Record<Key, string>> = {};
    for (const [path, message] of fieldIssues(refused))
      if (path === "add" || path === "remove" || path === "reason")
        server[path] = t(words.common.serverRefused, { message });
    setErrors(server);
    if (refused !== undefined) return;
    setText({ add: "", remove: "", reason: "" });
    onDone();
  };

  const input = (key: Key, label: string, hint: string) => (
    <Field id={`features-${key}`} label={label} hint={hint} error={errors[key]}>
      {(describedBy, invalid) => (
        <input
          id={`features-${key}`}
          value={text[key]}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onInput={(e) => setText({ ...text, [key]: e.currentTarget.value })}
        />
      )}
    </Field>
  );

  return (
    <form id="features-form" noValidate onSubmit={submit} class="panel">
      <h3>{w.featuresHeading}</h3>
      {input("add", w.add, w.addHint)}
      {input("remove", w.remove, w.removeHint)}
      {input("reason", words.common.reason, words.common.reasonHint)}
      <ProblemNote problem={problem} />
      <button type="submit" class="primary">
        {w.featuresSave}
      </button>
    </form>
  );
}
