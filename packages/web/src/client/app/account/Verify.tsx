import { useEffect, useState } from "preact/hooks";
import { type ApiProblem, callApi } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { ProblemNote, problemOf } from "../ui.js";

type State = { kind: "checking" } | { kind: "done" } | { kind: "failed"; problem?: ApiProblem };

/** `/account/verify#token=…`: confirms the email as soon as the page opens; the link is the user's consent. */
export function Verify({ token }: { readonly token: string | undefined }) {
  const speech = useSpeech();
  const w = speech.words.account;
  const [state, setState] = useState<State>(token === undefined ? { kind: "failed" } : { kind: "checking" });
  useEffect(() => {
    if (token === undefined) return;
    void callApi("POST", "/v1/accounts/verify", { body: { token }, language: speech.locale }).then(
      (answer) => {
        const problem = problemOf(answer, speech);
        setState(problem === undefined ? { kind: "done" } : { kind: "failed", problem });
      },
    );
  }, [token]);
  return (
    <section aria-labelledby="account-verify">
      <h1 id="account-verify">{w.verifyTitle}</h1>
      {state.kind === "checking" && <p role="status">{w.verifying}</p>}
      {state.kind === "done" && (
        <>
          <p role="status">{w.verified}</p>
          <p>
            <a href={`/portal?lang=${speech.locale}`}>{w.toPortal}</a>
          </p>
        </>
      )}
      {state.kind === "failed" &&
        (state.problem === undefined ? (
          <p role="alert">{w.noToken}</p>
        ) : (
          <ProblemNote problem={state.problem} />
        ))}
    </section>
  );
}
