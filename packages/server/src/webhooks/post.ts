import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedAddress } from "./targets.js";

/**
 * A lookup that answers every name with the one address already checked, in both shapes Node asks for (one
 * address, or all of them when it races IPv4 and IPv6): the connection goes where the check looked, never to
 * an address a second DNS answer would give.
 */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}

/**
 * POST `body` to `url` and resolve with the answer's status (its body is read and dropped). Redirects are not
 * followed: a receiver cannot send the delivery on to an address that was never checked. `pinned` is the
 * address to connect to for a host name (`undefined` for an IP literal, which Node connects to as it is);
 * TLS still checks the certificate against the URL's name.
 * @example
 * const status = await postPinned(new URL("https://hooks.example.com/"), "{}", headers, pinned, signal);
 */
export function postPinned(
  url: URL,
  body: string,
  headers: Record<string, string>,
  pinned: ResolvedAddress | undefined,
  signal: AbortSignal,
): Promise<number> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        signal,
        ...(pinned === undefined ? {} : { lookup: pinnedLookup(pinned) }),
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
