import { AccountSchema, readAs, SignInSchema } from "@ninsho/contract";
import { useState } from "preact/hooks";
import type * as z from "zod";
import { type ApiProblem, callApi } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf, Status } from "../ui.js";

export type Account = z.infer<typeof AccountSchema>;

/**
 * Sign in, or create an account, with email and password. The session is an HTTP-only cookie the server sets:
 * this page never sees it, so a script injected into it could not steal it either.
 */
export function SignInOrUp({ onSignedIn }: { readonly onSignedIn: (account: Account) => void }) {
  const speech = useSpeech();
  const w = speech.words.portal;
  const [mode, setMode] = useState<"in" | "up">("in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    const next: { email?: string; password?: string } = {};
    if (!/^[^@\s]+@[^@\s]+$/.test(email.trim())) next.email = speech.words.common.required;
    if (password === "") next.password = speech.words.common.required;
    setErrors(next);
    if (next.email !== undefined || next.password !== undefined) return;
    const body = { email: email.trim(), password };
    const answer =
      mode === "in"
        ? await callApi("POST", "/v1/sessions", { body, language: speech.locale, session: true })
        : await callApi("POST", "/v1/accounts", {
            body: { ...body, language: speech.locale },
            language: speech.locale,
            session: true,
          });
    setProblem(problemOf(answer, speech));
    if (answer.kind !== "ok") return;
    if (mode === "up") {
      setStatus(w.signedUp);
      setMode("in");
      return;
    }
    const signedIn = readAs(SignInSchema, answer.body);
    if (signedIn?.status === "signed_in") onSignedIn(signedIn.account);
  };

  return (
    <section aria-labelledby="portal-sign-in">
      <h1 id="portal-sign-in">{mode === "in" ? w.signInHeading : w.signUpHeading}</h1>
      <p class="intro">{w.intro}</p>
      <form noValidate onSubmit={submit} class="panel">
        <Field id="portal-email" label={w.email} error={errors.email}>
          {(describedBy, invalid) => (
            <input
              id="portal-email"
              type="email"
              autocomplete="email"
              value={email}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="portal-password" label={w.password} hint={w.passwordHint} error={errors.password}>
          {(describedBy, invalid) => (
            <input
              id="portal-password"
              type="password"
              autocomplete={mode === "in" ? "current-password" : "new-password"}
              value={password}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <ProblemNote problem={problem} />
        <button type="submit" class="primary">
          {mode === "in" ? w.signIn : w.signUp}
        </button>
        <Status text={status} />
      </form>
      <button type="button" class="link" onClick={() => setMode(mode === "in" ? "up" : "in")}>
        {mode === "in" ? w.toSignUp : w.toSignIn}
      </button>
    </section>
  );
}

/** The signed-in account, if the session cookie holds one. */
export async function currentAccount(locale: "en" | "ja"): Promise<Account | undefined> {
  const answer = await callApi("GET", "/v1/me", { language: locale, session: true });
  return answer.kind === "ok" ? readAs(AccountSchema, answer.body) : undefined;
}
