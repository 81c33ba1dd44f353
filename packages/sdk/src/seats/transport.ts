import { randomBytes } from "node:crypto";
import {
  type ErrorCode,
  isErrorCode,
  type Locale,
  type PublicKeys,
  verifySignedResponse,
} from "@ninsho/core";
import { explain, seed } from "../client/problem.js";
import type { SeatResult } from "./types.js";

/** One request of the seat client: JSON in, a verified signed JSON answer (or the server's problem) out. */
export interface SeatRequest {
  readonly method: "POST" | "DELETE";
  readonly path: string;
  readonly body?: Record<string, unknown>;
  readonly secret?: string;
  /** The answer must be signed by the product's key and echo the nonce (false for DELETE's plain answer). */
  readonly signed: boolean;
  /** Sign the request as the holder (its device proof over the path and the final body, nonce included). */
  readonly prove?: (path: string, body: Record<string, unknown>) => unknown;
}

export interface SeatTransport {
  readonly serverUrl: string;
  readonly keys: PublicKeys;
  readonly locale: Locale;
  readonly timeoutMs: number;
}

/**
 * Send a seat request. Failures are values: the server's coded problem in the client's language,
 * SERVER_UNREACHABLE / SERVER_TIMEOUT / SERVER_ERROR when no answer came, RESPONSE_SIGNATURE_INVALID when an
 * answer is not the product's (a fake local server cannot hand out seats).
 * @example
 * const answer = await sendSeatRequest(transport, { method: "POST", path: "/v1/seats", body, signed: true });
 */
export async function sendSeatRequest(
  transport: SeatTransport,
  request: SeatRequest,
): Promise<SeatResult<Record<string, unknown>>> {
  const nonce = request.signed ? randomBytes(18).toString("base64url") : undefined;
  const unproven =
    request.body === undefined ? undefined : { ...request.body, ...(nonce === undefined ? {} : { nonce }) };
  const body =
    unproven === undefined || request.prove === undefined
      ? unproven
      : { ...unproven, proof: request.prove(request.path, unproven) };
  const url = `${transport.serverUrl.replace(/\/+$/, "")}${request.path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: request.method,
      headers: {
        "accept-language": transport.locale,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(request.secret === undefined ? {} : { authorization: `Bearer ${request.secret}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(transport.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return failure(
      transport,
      timedOut ? "SERVER_TIMEOUT" : "SERVER_UNREACHABLE",
      timedOut ? { seconds: Math.round(transport.timeoutMs / 1000) } : { url: transport.serverUrl },
    );
  }
  const parsed = await res.json().catch(() => undefined);
  if (parsed === null || typeof parsed !== "object") {
    return res.status >= 500
      ? failure(transport, "SERVER_ERROR", { status: res.status })
      : failure(transport, "RESPONSE_INVALID");
  }
  const answer = parsed as Record<string, unknown>;
  if (!res.ok) return serverProblem(transport, res.status, answer);
  if (request.signed) {
    if (verifySignedResponse(answer, transport.keys) !== "valid" || answer.nonce !== nonce)
      return failure(transport, "RESPONSE_SIGNATURE_INVALID");
  }
  return { ok: true, value: answer };
}

function serverProblem(
  transport: SeatTransport,
  status: number,
  answer: Record<string, unknown>,
): SeatResult<never> {
  const error = answer.error as
    | { code?: unknown; message?: unknown; remedy?: unknown; details?: unknown }
    | undefined;
  const code = typeof error?.code === "string" && isErrorCode(error.code) ? error.code : undefined;
  if (code === undefined)
    return status >= 500
      ? failure(transport, "SERVER_ERROR", { status })
      : failure(transport, "RESPONSE_INVALID");
  const text =
    typeof error?.message === "string" && typeof error.remedy === "string"
      ? { text: { locale: transport.locale, message: error.message, remedy: error.remedy } }
      : {};
  return {
    ok: false,
    problem: explain({ ...seed(code, undefined, error?.details), ...text }, transport.locale),
  };
}

const failure = (
  transport: SeatTransport,
  code: ErrorCode,
  params?: Record<string, string | number>,
): SeatResult<never> => ({ ok: false, problem: explain(seed(code, params), transport.locale) });
