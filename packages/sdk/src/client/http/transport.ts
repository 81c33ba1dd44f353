import { randomBytes } from "node:crypto";
import { readError } from "@ninsho/contract";
import { type DeviceProof, isRecord, type Locale, verifySignedResponse } from "@ninsho/core";
import type { ProblemSeed } from "../problem.js";
import { seed } from "../problem.js";
import type { KeySet } from "../publicKeys.js";
import type { ConnectionState } from "../types.js";

/**
 * How the client reaches its server.
 *
 * @example
 * const transport: Transport = { url: "https://activation.example.com", fetch, timeoutMs: 10_000, keys, locale: "en" };
 */
export interface Transport {
  readonly url: string;
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs: number;
  readonly keys: KeySet;
  readonly locale: Locale;
}

/**
 * A verified answer (signature, echoed nonce, server time), or why there is none.
 *
 * @example
 * const answer: Exchange = await postSigned(transport, "/v1/validate", payload);
 * if (!answer.ok) console.log(answer.connection, answer.seed.code); // "timeout", "SERVER_TIMEOUT"
 */
export type Exchange =
  | { readonly ok: true; readonly body: Record<string, unknown>; readonly serverTimeMs: number }
  | {
      readonly ok: false;
      readonly connection: Exclude<ConnectionState, "ok" | "unknown">;
      readonly seed: ProblemSeed;
      /** How long the server asked to be left alone (its Retry-After, e.g. with 429 or 503), in ms. */
      readonly retryAfterMs?: number;
    };

/** Fields only a device answer has: an object without any of them and without a signature is just garbage. */
const ANSWER_FIELDS = ["signature", "nonce", "lease", "valid", "device", "license"];

type SignatureCheck = "valid" | "unsigned" | "unknown_key" | "bad_signature";

/** Verify a signed answer with the product's keys (a key shipped without a kid is tried under any kid). */
function checkSignature(body: Record<string, unknown>, keys: KeySet): SignatureCheck {
  const signature = body.signature;
  if (!isRecord(signature) || typeof signature.kid !== "string") return "unsigned";
  const candidates = keys.candidates(signature.kid);
  if (candidates.length === 0) return "unknown_key";
  let result: SignatureCheck = "bad_signature";
  for (const key of candidates) {
    result = verifySignedResponse(body, new Map([[signature.kid, key]]));
    if (result === "valid") return result;
  }
  return result;
}

/** Device answers are a few kilobytes; anything far larger is not one, and must not fill the app's memory. */
const MAX_ANSWER_BYTES = 1 << 20;

/** The body as text, or `undefined` once it passes the limit (the rest is never read). */
async function readBounded(response: Response): Promise<string | undefined> {
  if (Number(response.headers.get("content-length") ?? 0) > MAX_ANSWER_BYTES) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const failed = (
  connection: Exclude<ConnectionState, "ok" | "unknown">,
  problem: ProblemSeed,
  retryAfterMs?: number,
): Extract<Exchange, { ok: false }> => ({
  ok: false,
  connection,
  seed: problem,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});

/**
 * A Retry-After header in ms: delay-seconds or an HTTP date; `undefined` when absent or unreadable.
 *
 * @example
 * retryAfterMs("120", Date.now()); // 120_000
 */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

/**
 * Proves a request body is the device's: an HMAC by its secret (see `deviceProof.ts` in core), in the body's `proof`.
 *
 * @example
 * const prove: Prover = (path, body) => signDeviceProof(secret, { path, body, at: new Date() });
 */
export type Prover = (path: string, body: Record<string, unknown>) => DeviceProof;

/**
 * POST a request with a fresh random nonce and return the answer only if it is signed by the product's key
 * and echoes that nonce, so neither a fake server nor a replayed old answer is ever taken for the server.
 * With a `prove`, the body (nonce included) is signed with the device's key. Every failure is a value, one
 * per kind of fault: down, slow, 5xx, garbage, not signed, refused.
 *
 * @example
 * const answer = await postSigned(transport, "/v1/deactivations", { lease: token });
 * if (answer.ok) console.log(answer.body.device, new Date(answer.serverTimeMs));
 */
export async function postSigned(
  t: Transport,
  path: string,
  payload: Record<string, unknown>,
  prove?: Prover,
): Promise<Exchange> {
  const nonce = randomBytes(24).toString("base64url");
  const unsigned = { ...payload, nonce };
  const sent = prove ? { ...unsigned, proof: prove(path, unsigned) } : unsigned;
  const got = await postJson(t, path, sent);
  if (!got.ok) return got;
  const { status, body } = got;
  if (status < 200 || status >= 300 || !ANSWER_FIELDS.some((field) => field in body)) {
    return failed("invalid_response", seed("RESPONSE_INVALID", undefined, { status }));
  }
  const signature = checkSignature(body, t.keys);
  if (signature !== "valid") {
    return failed("spoofed", seed("RESPONSE_SIGNATURE_INVALID", undefined, { reason: signature }));
  }
  if (body.nonce !== nonce) {
    // Genuinely signed, but not an answer to this request: a replay.
    return failed("spoofed", seed("RESPONSE_SIGNATURE_INVALID", undefined, { reason: "nonce_mismatch" }));
  }
  const serverTimeMs = typeof body.serverTime === "string" ? Date.parse(body.serverTime) : Number.NaN;
  if (!Number.isFinite(serverTimeMs)) {
    return failed("invalid_response", seed("RESPONSE_INVALID", undefined, { reason: "no server time" }));
  }
  return { ok: true, body, serverTimeMs };
}

/**
 * POST a JSON body and read a JSON object back under the transport's deadline: every fault is a value (down,
 * slow, 5xx, garbage, a coded 4xx refusal); a 2xx or 3xx object comes back as it is, for the caller to judge.
 *
 * @example
 * const got = await postJson(transport, "/v1/device-codes", { productId });
 * if (got.ok) console.log(got.status, got.body.userCode);
 */
export async function postJson(
  t: Transport,
  path: string,
  sent: Record<string, unknown>,
): Promise<
  | { readonly ok: true; readonly status: number; readonly body: Record<string, unknown> }
  | Extract<Exchange, { ok: false }>
> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), t.timeoutMs);
  let status: number;
  let text: string | undefined;
  let waitMs: number | undefined;
  try {
    const response = await t.fetch(`${t.url.replace(/\/+$/, "")}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "accept-language": t.locale,
      },
      body: JSON.stringify(sent),
      signal: controller.signal,
    });
    status = response.status;
    waitMs = retryAfterMs(response.headers.get("retry-after"), Date.now());
    // The body is read under the same deadline: a server may send headers and then stall.
    text = await readBounded(response);
  } catch (error) {
    if (controller.signal.aborted) {
      return failed("timeout", seed("SERVER_TIMEOUT", { seconds: Math.round(t.timeoutMs / 100) / 10 }));
    }
    const cause = error instanceof Error && isRecord(error.cause) ? error.cause.code : undefined;
    return failed(
      "unreachable",
      seed("SERVER_UNREACHABLE", { url: t.url }, { cause: cause ?? String(error) }),
    );
  } finally {
    clearTimeout(timer);
  }
  let body: unknown;
  try {
    body = text === undefined ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (status >= 500) {
    const serverCode = readError(body)?.code;
    return failed("server_error", seed("SERVER_ERROR", { status }, { status, serverCode }), waitMs);
  }
  if (!isRecord(body)) {
    const reason = text === undefined ? `larger than ${MAX_ANSWER_BYTES} bytes` : "not a JSON object";
    return failed("invalid_response", seed("RESPONSE_INVALID", undefined, { status, reason }));
  }
  if (status >= 400 && status < 500) return refusal(body, status, t.locale, waitMs);
  return { ok: true, status, body };
}

/** An unsigned 4xx refusal: its code and words are reported, and it never changes what the device holds. */
function refusal(
  body: Record<string, unknown>,
  status: number,
  locale: Locale,
  waitMs: number | undefined,
): Extract<Exchange, { ok: false }> {
  const error = readError(body);
  if (!error) return failed("invalid_response", seed("RESPONSE_INVALID", undefined, { status }));
  return failed(
    "refused",
    {
      code: error.code,
      ...(error.details === undefined ? {} : { details: error.details }),
      text: { locale, message: error.message, remedy: error.remedy },
    },
    waitMs,
  );
}
