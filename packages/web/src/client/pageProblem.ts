import type { ApiAnswer, ApiProblem } from "./api.js";

/** A call that got no refusal of the API's: no answer at all, or one that is not the API's. */
export type PageFailure = Extract<ApiAnswer, { readonly kind: "network" | "unexpected" }>;

/**
 * The catalogue problem a page's failed call stands for, in `locale`: SERVER_UNREACHABLE when no answer came,
 * RESPONSE_INVALID when the answer is not the API's (its HTTP status in `details`). The server words both in
 * both languages (`describe()` of @ninsho/core) as data attributes of `#ninsho-problems`, so the script carries
 * no catalogue; the `{url}` it leaves is filled here with the page's own origin, which a server behind a proxy
 * cannot know.
 * @example
 * const problem = pageProblem({ kind: "network" }, "ja"); // { code: "SERVER_UNREACHABLE", message, remedy }
 */
export function pageProblem(failure: PageFailure, locale: "en" | "ja"): ApiProblem {
  const item = document
    .getElementById("ninsho-problems")
    ?.querySelector(`[data-page-problem="${failure.kind}"][data-lang="${locale}"]`);
  if (!(item instanceof HTMLElement)) throw new Error(`#ninsho-problems has no ${failure.kind} problem`);
  const { code = "", message = "", remedy = "" } = item.dataset;
  // The message is already worded (not an ICU template): its one `{url}` is replaced as text.
  if (failure.kind === "network") return { code, message: message.replace("{url}", location.origin), remedy };
  return { code, message, remedy, details: { status: failure.status } };
}
