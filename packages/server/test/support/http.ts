import type { ErrorCode } from "@ninsho/core";
import { documentedMismatches, isDocumented } from "../../../../testing/openapi.js";

/** Anything with Hono's `request` (the app under test). */
export interface Requestable {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** An answer, its body parsed once. */
export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The JSON body, or `{}` when the body is not JSON. */
  readonly body: T;
}

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly remedy: string;
    readonly docs: string;
    readonly details?: unknown;
  };
}

export interface CallOptions {
  readonly token?: string;
  readonly headers?: Record<string, string>;
  /** A raw body sent as it is (with its own content type in `headers`). */
  readonly raw?: string | Uint8Array;
}

/**
 * Fail when a JSON answer of a documented route disagrees with the committed OpenAPI document for its status:
 * a field the document does not declare, a missing or mistyped one (ajv, every object closed; see
 * testing/openapi.ts). `call` runs it on every answer, so each route test checks the contract as it goes.
 * @example
 * expectMatchesContract("GET", "/healthz", await get(app, "/healthz"));
 */
export function expectMatchesContract(method: string, path: string, answer: Answer<unknown>): void {
  if (!isDocumented(method, path)) return;
  if (answer.text === "" || !(answer.headers.get("content-type") ?? "").startsWith("application/json"))
    return;
  const mismatches = documentedMismatches(method, path, answer.status, JSON.parse(answer.text));
  if (mismatches.length > 0) {
    throw new Error(
      `the answer breaks the OpenAPI document:\n${mismatches.join("\n")}\n${answer.text.slice(0, 500)}`,
    );
  }
}

/** Send a request and read its answer, checked against the OpenAPI document (`expectMatchesContract`). */
export async function call<T = Record<string, unknown>>(
  app: Requestable,
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let payload: string | Uint8Array | undefined = options.raw;
  if (payload === undefined && body !== undefined) {
    payload = JSON.stringify(body);
    headers["content-type"] ??= "application/json";
  }
  const init: RequestInit = { method, headers, ...(payload === undefined ? {} : { body: payload }) };
  const res = await app.request(path, init);
  const text = await res.text();
  let parsed: unknown = {};
  try {
    parsed = text === "" ? {} : JSON.parse(text);
  } catch {
    parsed = {};
  }
  const answer: Answer<T> = { status: res.status, headers: res.headers, text, body: parsed as T };
  expectMatchesContract(method, path, answer);
  return answer;
}

export const post = <T = Record<string, unknown>>(
  app: Requestable,
  path: string,
  body?: unknown,
  options?: CallOptions,
) => call<T>(app, "POST", path, body, options);

export const get = <T = Record<string, unknown>>(app: Requestable, path: string, options?: CallOptions) =>
  call<T>(app, "GET", path, undefined, options);

/** The error of an answer, or a failure naming what came instead. */
export function errorOf(answer: Answer<unknown>): ErrorBody["error"] {
  const body = answer.body as Partial<ErrorBody>;
  if (!body.error || typeof body.error.code !== "string") {
    throw new Error(`expected an error body, got ${answer.status} ${answer.text.slice(0, 500)}`);
  }
  return body.error;
}

/** A value from a parsed body by path (`a.b.0.c`), for concise assertions on untyped JSON. */
export function pick(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** A string from a body by path; fails the test when it is not one. */
export function str(value: unknown, path: string): string {
  const found = pick(value, path);
  if (typeof found !== "string")
    throw new Error(`expected a string at ${path}, got ${JSON.stringify(found)}`);
  return found;
}
