import type { PageLanguage } from "./dom.js";

/** The error body every API refusal has (`{error: {code, message, remedy, docs, details}}`). */
export interface ApiProblem {
  readonly code: string;
  readonly message: string;
  readonly remedy: string;
  readonly docs?: string;
  readonly details?: unknown;
}

export type ApiAnswer =
  | { readonly kind: "ok"; readonly status: number; readonly body: unknown }
  | { readonly kind: "problem"; readonly status: number; readonly problem: ApiProblem }
  | { readonly kind: "network" }
  | { readonly kind: "unexpected"; readonly status: number };

export interface CallOptions {
  readonly body?: unknown;
  /** An admin token, sent as a bearer token (the console). */
  readonly token?: string;
  readonly language: PageLanguage;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

function problemOf(body: unknown): ApiProblem | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined;
  const { code, message, remedy, docs, details } = body.error;
  if (typeof code !== "string" || typeof message !== "string" || typeof remedy !== "string") return undefined;
  return { code, message, remedy, ...(typeof docs === "string" ? { docs } : {}), details };
}

/**
 * Call this server's API. Accept-Language asks for refusals in the page's language, so the catalogue's own
 * message and remedy can be shown as they are.
 */
export async function callApi(
  method: "GET" | "POST",
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
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    return { kind: "network" };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: "unexpected", status: response.status };
  }
  if (response.ok) return { kind: "ok", status: response.status, body };
  const problem = problemOf(body);
  return problem
    ? { kind: "problem", status: response.status, problem }
    : { kind: "unexpected", status: response.status };
}

export { isRecord };
