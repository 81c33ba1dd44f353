import { readAs, type Whoami, WhoamiSchema } from "@ninsho/contract";
import { callApi } from "./api.js";
import { byId, type PageLanguage } from "./dom.js";
import { fill } from "./format.js";
import { pageProblem } from "./pageProblem.js";
import type { ClientText } from "./text.js";

/** sessionStorage only: this tab, gone when it closes; never a cookie (no CSRF) and never in a URL (no logs). */
const STORAGE_KEY = "ninsho.console.token";

type Role = Whoami["role"];
const RANK: Readonly<Record<Role, number>> = { readonly: 0, support: 1, admin: 2 };

export interface Session {
  /** The token, while signed in. */
  readonly token: () => string | undefined;
  /** Forget the token and ask for it again, saying why. */
  readonly signOut: (why?: string) => void;
}

/**
 * The console's sign-in: the agent pastes an admin API token, checked with GET /v1/admin/whoami (its role must
 * allow `needs`), then kept for this tab. Until then the page's work area stays hidden.
 * @example
 * const session = setupSession(text, language, "support", () => showWork());
 */
export function setupSession(
  text: ClientText,
  language: PageLanguage,
  needs: Role,
  onReady: () => void,
): Session {
  const signIn = byId("sign-in", HTMLElement);
  const form = byId("sign-in-form", HTMLFormElement);
  const input = byId("token", HTMLInputElement);
  const error = byId("sign-in-error", HTMLParagraphElement);
  const session = byId("session", HTMLDivElement);
  const whoami = byId("whoami", HTMLParagraphElement);
  const work = byId("work", HTMLDivElement);
  let token = sessionStorage.getItem(STORAGE_KEY) ?? undefined;

  const showSignIn = (why?: string) => {
    token = undefined;
    sessionStorage.removeItem(STORAGE_KEY);
    work.hidden = true;
    session.hidden = true;
    signIn.hidden = false;
    error.textContent = why ?? "";
    error.hidden = why === undefined;
    input.setAttribute("aria-invalid", String(why !== undefined));
    input.focus();
  };

  const check = async (candidate: string) => {
    const answer = await callApi("GET", "/v1/admin/whoami", { token: candidate, language });
    if (answer.kind !== "ok") {
      if (answer.kind === "problem" && answer.status === 401) return showSignIn(text.tokenRefused);
      const problem = answer.kind === "problem" ? answer.problem : pageProblem(answer);
      return showSignIn(
        `${problem.message} ${problem.remedy} ${fill(text.errorCode, { code: problem.code })}`,
      );
    }
    const me = readAs(WhoamiSchema, answer.body);
    const role = me?.role;
    const id = me?.tokenId ?? "";
    if (role === undefined || RANK[role] < RANK[needs])
      return showSignIn(fill(text.roleTooLow, { role: role ?? "?" }));
    token = candidate;
    sessionStorage.setItem(STORAGE_KEY, candidate);
    input.value = "";
    signIn.hidden = true;
    whoami.textContent = fill(text.signedInAs, { role, id });
    session.hidden = false;
    work.hidden = false;
    onReady();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const candidate = input.value.trim();
    if (candidate === "") return showSignIn(text.signInFirst);
    void check(candidate);
  });
  byId("sign-out", HTMLButtonElement).addEventListener("click", () => showSignIn());

  if (token === undefined) showSignIn();
  else void check(token);
  return { token: () => token, signOut: showSignIn };
}
