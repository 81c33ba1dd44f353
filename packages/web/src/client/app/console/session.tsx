import { readAs, type Whoami, WhoamiSchema } from "@ninsho/contract";
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { type ApiAnswer, callApi } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Field, problemOf } from "../ui.js";

/** sessionStorage only: this tab, gone when it closes; never a cookie (no CSRF) and never in a URL (no logs). */
const STORAGE_KEY = "ninsho.console.token";

export interface AdminSession {
  readonly me: Whoami;
  /** Call the admin API with this session's token, in the page's language. */
  readonly call: (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string,
    body?: unknown,
  ) => Promise<ApiAnswer>;
  readonly token: string;
  readonly signOut: () => void;
}

export const SessionContext = createContext<AdminSession | undefined>(undefined);

/** The signed-in session; the console draws its pages only inside one. */
export function useSession(): AdminSession {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error("useSession outside a signed-in console");
  return session;
}

type State =
  | { readonly kind: "checking" }
  | { readonly kind: "signed-out"; readonly why?: string }
  | { readonly kind: "signed-in"; readonly me: Whoami; readonly token: string };

/**
 * The console's sign-in: an admin API token, checked with GET /v1/admin/whoami and then kept for this tab.
 * @example
 * const session = useAdminSession(); // undefined until signed in
 */
export function useAdminSession(): { session: AdminSession | undefined; form: preact.JSX.Element | null } {
  const speech = useSpeech();
  const [state, setState] = useState<State>(() =>
    sessionStorage.getItem(STORAGE_KEY) === null ? { kind: "signed-out" } : { kind: "checking" },
  );
  const [typed, setTyped] = useState("");

  const check = async (token: string) => {
    const answer = await callApi("GET", "/v1/admin/whoami", { token, language: speech.locale });
    const me = answer.kind === "ok" ? readAs(WhoamiSchema, answer.body) : undefined;
    if (me === undefined) {
      sessionStorage.removeItem(STORAGE_KEY);
      // A token refused is the token's fault; no answer, or not the API's, is the catalogue's to word.
      const failed =
        answer.kind === "network" || answer.kind === "unexpected" ? problemOf(answer, speech) : undefined;
      const why =
        failed === undefined
          ? speech.words.signIn.refused
          : `${failed.message} ${failed.remedy} ${speech.t(speech.words.common.errorCode, { code: failed.code })}`;
      setState({ kind: "signed-out", why });
      return;
    }
    sessionStorage.setItem(STORAGE_KEY, token);
    setTyped("");
    setState({ kind: "signed-in", me, token });
  };

  useEffect(() => {
    const kept = sessionStorage.getItem(STORAGE_KEY);
    if (kept !== null) void check(kept);
  }, []);

  if (state.kind === "signed-in") {
    const { token, me } = state;
    return {
      form: null,
      session: {
        me,
        token,
        call: (method, path, body) =>
          callApi(method, path, { token, language: speech.locale, ...(body === undefined ? {} : { body }) }),
        signOut: () => {
          sessionStorage.removeItem(STORAGE_KEY);
          setState({ kind: "signed-out" });
        },
      },
    };
  }
  const { words } = speech;
  const why = state.kind === "signed-out" ? state.why : undefined;
  const form = (
    <section class="sign-in" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{words.signIn.heading}</h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (typed.trim() === "") return setState({ kind: "signed-out", why: words.common.required });
          setState({ kind: "checking" });
          void check(typed.trim());
        }}
      >
        <Field id="token" label={words.signIn.token} hint={words.signIn.tokenHint} error={why}>
          {(describedBy, invalid) => (
            <input
              id="token"
              type="password"
              autocomplete="off"
              spellcheck={false}
              required
              value={typed}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="primary" disabled={state.kind === "checking"}>
          {state.kind === "checking" ? words.common.loading : words.signIn.submit}
        </button>
      </form>
    </section>
  );
  return { session: undefined, form };
}
