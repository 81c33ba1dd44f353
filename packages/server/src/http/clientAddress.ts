import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";
import { type AddressGrouping, addressGroup, DEFAULT_ADDRESS_GROUPING } from "./addressGroup.js";
import type { AppEnv } from "./env.js";
import { clientAddressPicker, type TrustProxy } from "./trustProxy.js";

/** Where a request comes from, as far as the rate limits are concerned. */
export interface ClientAddressOptions {
  readonly trustProxy: TrustProxy;
  readonly grouping: AddressGrouping;
}

/**
 * Sets `clientIp` (the client's address: the socket's peer, or read from the right of X-Forwarded-For past
 * the trusted proxies) and `clientSource` (its group: the allowance it counts against, an IPv6 /64 by default).
 * @example
 * app.use("*", clientAddress({ trustProxy: 1, grouping: { ipv6Prefix: 64 } }));
 */
export const clientAddress = (
  options: ClientAddressOptions = { trustProxy: 0, grouping: DEFAULT_ADDRESS_GROUPING },
): MiddlewareHandler<AppEnv> => {
  const pick = clientAddressPicker(options.trustProxy);
  return async (c, next) => {
    let peer = "unknown";
    try {
      peer = getConnInfo(c).remote.address ?? "unknown";
    } catch {
      // app.request() in tests has no socket.
    }
    const address = pick(peer, c.req.header("x-forwarded-for"));
    c.set("clientIp", address);
    c.set("clientSource", addressGroup(address, options.grouping));
    await next();
  };
};
