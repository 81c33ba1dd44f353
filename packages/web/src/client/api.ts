import { type ApiError, readError } from "@ninsho/contract";

/** The languages the pages speak. */
export type PageLanguage = "en" | "ja";

/**
 * A problem as a page shows it: the error an API refusal carries (`{error: {code, message, remedy, docs,
 * details}}`, read by the contract's one reader), or one the page words itself from the catalogue (no docs).
 */
export type ApiProblem = Omit<ApiError, "code" | "docs"> & { readonly code: string; readonly docs?: string };

export type ApiAnswer =
  | { readonly kind: "ok"; readonly status: number; readonly body: unknown }
  | { readonly kind: "problem"; readonly status: number; readonly problem: ApiProblem }
  | { readonly kind: "network" }
  | { readonly kind: "unexpected"; readonly status: number };

export interface CallOptions {
  readonly body?: unknown;
  /** An admin token, sent as a bearer token (the console). */
  readonly token?: string;
  /** Send this site's cookies: the portal's session cookie (HTTP-only, so the page never reads it). */
  readonly session?: boolean;
  readonly language: PageLanguage;
}

/**
 * Call this server's API. Accept-Language asks for refusals in the page's language, so the catalogue's own
 * message and remedy can be shown as they are.
 */
export async function callApi(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  options: CallOptions,
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": options.language };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      credentials: options.session === true ? "same-origin" : "omit",
      cache: "no-store",
    });
  } catch {
    return { kind: "network" };
  }
  return answerOf(response);
}

/**
 * Read an answer of this server's API: its JSON body when ok, else the catalogue problem it carries.
 * @example
 * const answer = await answerOf(await fetch("/v1/admin/key-batches", init));
 */
export async function answerOf(response: Response): Promise<ApiAnswer> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: "unexpected", status: response.status };
  }
  if (response.ok) return { kind: "ok", status: response.status, body };
  const problem = readError(body);
  return problem
    ? { kind: "problem", status: response.status, problem }
    : { kind: "unexpected", status: response.status };
}
