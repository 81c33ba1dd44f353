import { isRecord } from "./files.js";
import { parseJson } from "./network.js";

/**
 * A `fetch` for the SDK that keeps a copy of each answer's `serverTime`, so the doctor can measure the
 * clock's skew against the server's signed time. The SDK verifies every answer's signature and nonce before
 * it accepts it; a time read here counts only when the SDK then reports a successful contact.
 * (The SDK does not expose the signed server time itself; see the report on SDK gaps.)
 * @example
 * const wire = wireRecorder(fetch);
 * createClient({ ...options, fetch: wire.fetch });
 * const serverTime = await wire.lastServerTime();
 */
export function wireRecorder(inner: typeof fetch): {
  fetch: typeof fetch;
  lastServerTime: () => Promise<number | undefined>;
} {
  let last: Promise<number | undefined> = Promise.resolve(undefined);
  const wrapped: typeof fetch = async (input, init) => {
    const response = await inner(input, init);
    last = response
      .clone()
      .text()
      .then((text) => {
        const body = parseJson(text);
        const time =
          isRecord(body) && typeof body.serverTime === "string" ? Date.parse(body.serverTime) : Number.NaN;
        return Number.isFinite(time) ? time : undefined;
      })
      .catch(() => undefined);
    return response;
  };
  return { fetch: wrapped, lastServerTime: () => last };
}
