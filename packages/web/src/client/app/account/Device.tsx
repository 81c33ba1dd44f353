import { MyLicensesSchema } from "@ninsho/contract";
import { useState } from "preact/hooks";
import { type ApiProblem, callApi } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { Prose } from "../Prose.js";
import { Field, ProblemNote, problemOf, Status } from "../ui.js";

/**
 * `/device?code=…`: the signed-in user approves the code `ninsho device activate --account` shows, for one of
 * their licenses; the terminal, polling, then receives its activation.
 */
export function Device({ initialCode }: { readonly initialCode: string }) {
  const speech = useSpeech();
  const w = speech.words.account;
  const licenses = useLoad(
    MyLicensesSchema,
    () => callApi("GET", "/v1/me/licenses", { language: speech.locale, session: true }),
    [],
  );
  const list = licenses.data?.licenses ?? [];
  const [code, setCode] = useState(initialCode);
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [done, setDone] = useState(false);
  const licenseId = chosen !== "" ? chosen : (list[0]?.id ?? "");

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(code.trim() === "" ? speech.words.common.required : undefined);
    if (code.trim() === "" || licenseId === "") return;
    const answer = await callApi("POST", "/v1/me/device-codes/approve", {
      body: { userCode: code.trim().toUpperCase(), licenseId },
      language: speech.locale,
      session: true,
    });
    setProblem(problemOf(answer, speech));
    if (answer.kind === "ok") setDone(true);
  };

  return (
    <section aria-labelledby="device-title">
      <h1 id="device-title">{w.deviceTitle}</h1>
      {done ? (
        <Status text={w.approved} />
      ) : (
        <>
          <p class="intro">
            <Prose text={w.deviceIntro} />
          </p>
          <ProblemNote problem={licenses.problem} />
          {licenses.data && list.length === 0 && (
            <p>
              {w.noLicenses} <a href={`/portal?lang=${speech.locale}`}>{w.toPortal}</a>
            </p>
          )}
          <form noValidate onSubmit={submit} class="panel">
            <Field id="device-code" label={w.code} hint={w.codeHint} error={error}>
              {(describedBy, invalid) => (
                <input
                  id="device-code"
                  autocomplete="off"
                  autocapitalize="characters"
                  spellcheck={false}
                  value={code}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onInput={(e) => setCode(e.currentTarget.value)}
                />
              )}
            </Field>
            {list.length > 0 && (
              <Field id="device-license" label={w.license}>
                {(describedBy) => (
                  <select
                    id="device-license"
                    value={licenseId}
                    aria-describedby={describedBy}
                    onChange={(e) => setChosen(e.currentTarget.value)}
                  >
                    {list.map((license) => (
                      <option key={license.id} value={license.id}>
                        {`${license.productName} · ${license.policyName} · …${license.keyHint}`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <ProblemNote problem={problem} />
            <button type="submit" class="primary" disabled={list.length === 0}>
              {w.approve}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
