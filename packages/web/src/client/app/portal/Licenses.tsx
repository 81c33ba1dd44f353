import { MyLicensesSchema } from "@ninsho/contract";
import { useEffect, useState } from "preact/hooks";
import { type ApiProblem, callApi } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { Field, ProblemNote, problemOf, Status } from "../ui.js";
import { LicenseCard } from "./LicenseCard.js";
import { Troubleshooter } from "./Troubleshooter.js";

/**
 * My licenses with their devices and the moves left, a form to add one by its product key, and the
 * troubleshooter over the same licenses.
 */
export function MyLicenses() {
  const speech = useSpeech();
  const { words } = speech;
  const w = words.portal;
  const licenses = useLoad(
    MyLicensesSchema,
    () => callApi("GET", "/v1/me/licenses", { language: speech.locale, session: true }),
    // Asked again in a new language: the server words why a license does not work (the catalogue's text).
    [speech.locale],
  );
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [said, setSaid] = useState<string | undefined>(undefined);
  // What was said was said in the old language: not repeated in the new one.
  useEffect(() => setSaid(undefined), [speech.locale]);

  const link = async (event: Event) => {
    event.preventDefault();
    if (key.trim() === "") return setError(words.common.required);
    setError(undefined);
    const answer = await callApi("POST", "/v1/me/licenses", {
      body: { key: key.trim() },
      language: speech.locale,
      session: true,
    });
    setProblem(problemOf(answer, speech));
    if (answer.kind === "ok") setKey("");
    licenses.reload();
  };
  const changed = (text: string) => {
    setSaid(text);
    licenses.reload();
  };

  const list = licenses.data?.licenses ?? [];
  return (
    <>
      <ProblemNote problem={licenses.problem} />
      <Status text={said} />
      {licenses.data && list.length === 0 && <p>{w.noLicenses}</p>}
      {list.map((license) => (
        <LicenseCard key={license.id} license={license} onChanged={changed} />
      ))}
      <form noValidate onSubmit={link} class="panel">
        <h2>{w.linkHeading}</h2>
        <Field id="portal-key" label={w.key} hint={w.keyHint} error={error}>
          {(describedBy, invalid) => (
            <input
              id="portal-key"
              autocomplete="off"
              spellcheck={false}
              value={key}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => setKey(e.currentTarget.value)}
            />
          )}
        </Field>
        <ProblemNote problem={problem} />
        <button type="submit" class="primary">
          {w.link}
        </button>
      </form>
      <Troubleshooter licenses={list} />
    </>
  );
}
