import { isRecord } from "@ninsho/core";

/**
 * What a plain GET gave: an answer (any status), or the kind of failure — down, slow, or a TLS handshake
 * that failed (an expired or self-signed certificate, a name that does not match, a proxy breaking in).
 * @example
 * const got: Got = await get("https://activation.example.com/healthz", 5000);
 * if (!got.ok && got.failure === "tls") console.log(got.cause); // "CERT_HAS_EXPIRED"
 */
export type Got =
  | {
      readonly ok: true;
      readonly status: number;
      readonly text: string;
      /** The HTTP `Date` header in epoch ms, when sent (unsigned: a hint, not evidence). */
      readonly dateMs?: number;
    }
  | { readonly ok: false; readonly failure: "timeout" | "unreachable" | "tls"; readonly cause: string };

const TLS_CODE = /CERT|TLS|SSL|EPROTO|HANDSHAKE|ALTNAME/i;
const MAX_BYTES = 1 << 20;

const causeOf = (error: unknown): string => {
  const cause = error instanceof Error && isRecord(error.cause) ? error.cause : undefined;
  const code = cause?.code;
  if (typeof code === "string") return code;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return typeof message === "string" ? message : "fetch failed";
};

/**
 * GET a URL with a deadline over the whole answer, reading at most 1 MiB. Never throws.
 * @example
 * const got = await get(`${url}/.well-known/jwks.json`, 5000);
 */
export async function get(url: string, timeoutMs: number, fetcher: typeof fetch = fetch): Promise<Got> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetcher(url, {
      signal: controller.signal,
      headers: { accept: "application/json" },
    });
    const buffer = Buffer.from(await response.arrayBuffer());
    const date = Date.parse(response.headers.get("date") ?? "");
    return {
      ok: true,
      status: response.status,
      text: buffer.subarray(0, MAX_BYTES).toString("utf8"),
      ...(Number.isFinite(date) ? { dateMs: date } : {}),
    };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, failure: "timeout", cause: `${timeoutMs} ms` };
    const cause = causeOf(error);
    return { ok: false, failure: TLS_CODE.test(cause) ? "tls" : "unreachable", cause };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether a URL's host is this machine (plain HTTP is fine there: nothing crosses a network).
 * @example
 * isLoopback("http://127.0.0.1:8080"); // true
 */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

/**
 * Parse JSON text, `undefined` when it is not JSON.
 * @example
 * parseJson('{"status":"ok"}'); // { status: "ok" }
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
