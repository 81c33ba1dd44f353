import { readAs, readError, type Schema } from "@ninsho/contract";
import type { Locale } from "@ninsho/core";
import { CliError } from "./errors.js";
import { ExitCode } from "./exit.js";

/**
 * How to reach the admin API.
 * @example
 * const options: HttpOptions = { baseUrl: "http://127.0.0.1:8080", token: "nsh_admin_…", locale: "en" };
 */
export interface HttpOptions {
  readonly baseUrl: string;
  readonly token: string | undefined;
  /** Sent as Accept-Language, so the API's messages and remedies come in the user's language. */
  readonly locale: Locale;
  /** Per request, except streams (default 30 s). */
  readonly timeoutMs?: number;
}

/** Query values; `undefined` ones are left out. */
type Query = Readonly<Record<string, string | number | undefined>>;

/**
 * The transport of the admin API: bearer token, Accept-Language, JSON in and out, and every failure turned
 * into a `CliError` with the exit code it deserves (4xx → 3, unreachable → 4, 5xx → 5).
 * @example
 * const http = new Http({ baseUrl: "http://127.0.0.1:8080", token, locale: "en" });
 * const me = await http.json(WhoamiSchema, "GET", "/v1/admin/whoami");
 */
export class Http {
  private readonly base: string;
  private readonly token: string;

  constructor(private readonly options: HttpOptions) {
    const base = options.baseUrl.replace(/\/+$/, "");
    if (!URL.canParse(base) || !/^https?:$/.test(new URL(base).protocol)) {
      throw CliError.of(ExitCode.usage, "BAD_URL", options.locale, { url: options.baseUrl });
    }
    if (options.token === undefined || options.token === "") {
      throw CliError.of(ExitCode.usage, "NO_TOKEN", options.locale);
    }
    this.base = base;
    this.token = options.token;
  }

  /**
   * Send a request and read its JSON answer, checked against the route's schema: an answer of another shape
   * is RESPONSE_INVALID, never trusted as it is.
   * @example
   * await http.json(PolicyListSchema, "GET", "/v1/admin/policies", { query: { productId: "prd_…" } });
   */
  async json<T>(
    schema: Schema<T>,
    method: string,
    path: string,
    request: { query?: Query; body?: unknown } = {},
  ): Promise<T> {
    const response = await this.send(
      method,
      path,
      request,
      AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    );
    const parsed = await readJson(response);
    if (!response.ok) throw this.failure(response.status, parsed);
    const answer = readAs(schema, parsed);
    if (answer === undefined) throw this.badResponse(response.status);
    return answer;
  }

  /**
   * Send a request whose answer is a stream (no timeout); refusals are read and thrown like `json`'s.
   * @example
   * const response = await http.stream("POST", "/v1/admin/key-batches", { policyId, count });
   */
  async stream(method: string, path: string, body: unknown): Promise<Response & { body: ReadableStream }> {
    const response = await this.send(method, path, { body }, undefined);
    if (!response.ok) throw this.failure(response.status, await readJson(response));
    if (response.body === null) throw this.badResponse(response.status);
    return response as Response & { body: ReadableStream };
  }

  private async send(
    method: string,
    path: string,
    request: { query?: Query; body?: unknown },
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const url = new URL(`${this.base}${path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      "accept-language": this.options.locale,
      accept: "application/json, text/csv",
    };
    if (request.body !== undefined) headers["content-type"] = "application/json";
    try {
      return await fetch(url, {
        method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (error) {
      throw this.unreachable(error);
    }
  }

  /** A refusal or failure answer: the API's own error when it sent one. */
  private failure(status: number, parsed: unknown): CliError {
    const exitCode = status >= 500 ? ExitCode.serverError : ExitCode.refused;
    const body = readError(parsed);
    if (body === undefined) return this.badResponse(status);
    return new CliError(exitCode, { ...body, docs: new URL(body.docs, `${this.base}/`).href }, status);
  }

  /** An answer that is not the Ninsho API's (a proxy's page, another service): its HTTP status in details. */
  private badResponse(status: number): CliError {
    const exitCode = status >= 400 && status < 500 ? ExitCode.refused : ExitCode.serverError;
    return CliError.of(
      exitCode,
      "RESPONSE_INVALID",
      this.options.locale,
      {},
      { details: { status }, status },
    );
  }

  /**
   * The connection failed, timed out or broke: SERVER_UNREACHABLE, its cause (`ECONNREFUSED`, "timed out", …)
   * in details.
   * @example
   * throw http.unreachable(error);
   */
  unreachable(error: unknown): CliError {
    const details = { cause: causeOf(error) };
    return CliError.of(
      ExitCode.unreachable,
      "SERVER_UNREACHABLE",
      this.options.locale,
      { url: this.base },
      { details },
    );
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** The most telling words of a network failure: `ECONNREFUSED`, `ENOTFOUND`, "timed out", … */
function causeOf(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "timed out";
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error)
    return "code" in cause && typeof cause.code === "string" ? cause.code : cause.message;
  return error instanceof Error ? error.message : String(error);
}
