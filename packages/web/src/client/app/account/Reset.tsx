import { useState } from "preact/hooks";
import { type ApiProblem, callApi } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf, Status } from "../ui.js";

/** `/account/reset#token=…`: a new password, typed twice, set with the mailed token. */
export function Reset({ token }: { readonly token: string | undefined }) {
  const speech = useSpeech();
  const w = speech.words.account;
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState<{ password?: string; again?: string }>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [done, setDone] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const next: { password?: string; again?: string } = {};
    if (password === "") next.password = speech.words.common.required;
    else if (password !== again) next.again = w.mismatch;
    setErrors(next);
    if (token === undefined || next.password !== undefined || next.again !== undefined) return;
    const answer = await callApi("POST", "/v1/password-resets/confirm", {
      body: { token, password },
      language: speech.locale,
    });
    setProblem(problemOf(answer, speech));
    if (answer.kind === "ok") setDone(true);
  };

  if (token === undefined)
    return (
      <section aria-labelledby="account-reset">
        <h1 id="account-reset">{w.resetTitle}</h1>
        <p role="alert">{w.noToken}</p>
      </section>
    );
  return (
    <section aria-labelledby="account-reset">
      <h1 id="account-reset">{w.resetTitle}</h1>
      {done ? (
        <>
          <Status text={w.passwordChanged} />
          <p>
            <a href={`/portal?lang=${speech.locale}`}>{w.toPortal}</a>
          </p>
        </>
      ) : (
        <form noValidate onSubmit={submit} class="panel">
          <Field
            id="reset-password"
            label={w.newPassword}
            hint={speech.words.portal.passwordHint}
            error={errors.password}
          >
            {(describedBy, invalid) => (
              <input
                id="reset-password"
                type="password"
                autocomplete="new-password"
                value={password}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="reset-again" label={w.confirmPassword} error={errors.again}>
            {(describedBy, invalid) => (
              <input
                id="reset-again"
                type="password"
                autocomplete="new-password"
                value={again}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                onInput={(e) => setAgain(e.currentTarget.value)}
              />
            )}
          </Field>
          <ProblemNote problem={problem} />
          <button type="submit" class="primary">
            {w.setPassword}
          </button>
        </form>
      )}
    </section>
  );
}
