/**
 * Who a request comes from: the socket's peer, or the address the operator's proxies saw, read from the right
 * of X-Forwarded-For; grouped by IPv6 prefix for the limits.
 */
import { describe, expect, it } from "vitest";
import { addressGroup } from "../src/http/addressGroup.js";
import { clientAddressPicker } from "../src/http/trustProxy.js";

describe("client address", () => {
  describe("happy", () => {
    it("with no trusted proxy, the socket's peer is the client and the header is ignored", () => {
      expect(clientAddressPicker(0)("203.0.113.7", "198.51.100.1")).toBe("203.0.113.7");
    });

    it("behind n proxies, the n-th address from the right", () => {
      const chain = "6.6.6.6, 198.51.100.7, 10.0.0.2";
      expect(clientAddressPicker(1)("10.0.0.3", chain)).toBe("10.0.0.2");
      expect(clientAddressPicker(2)("10.0.0.3", chain)).toBe("198.51.100.7");
      // Fewer hops than proxies: the leftmost there is.
      expect(clientAddressPicker(3)("10.0.0.3", "198.51.100.7")).toBe("198.51.100.7");
    });

    it("behind proxies named by range, the first address from the right outside them", () => {
      const pick = clientAddressPicker(["10.0.0.0/8", "fd00::/8", "192.0.2.9"]);
      expect(pick("10.0.0.3", "6.6.6.6, 198.51.100.7, 192.0.2.9, 10.1.1.1")).toBe("198.51.100.7");
      expect(pick("::ffff:10.0.0.3", "2001:db8::5, fd00::1")).toBe("2001:db8::5");
      // A peer outside the ranges is the client itself, whatever it writes.
      expect(pick("203.0.113.7", "198.51.100.1")).toBe("203.0.113.7");
    });

    it("reads hops written with ports and brackets", () => {
      expect(clientAddressPicker(1)("10.0.0.3", "[2001:db8::1]:4711")).toBe("2001:db8::1");
      expect(clientAddressPicker(1)("10.0.0.3", "198.51.100.7:443")).toBe("198.51.100.7");
    });

    it("groups IPv6 addresses by their /64 (or the prefix given), IPv4 addresses one by one", () => {
      expect(addressGroup("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
      expect(addressGroup("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
      expect(addressGroup("2001:db8:1:2ff::1", { ipv6Prefix: 56 })).toBe("2001:db8:1:200::/56");
      expect(addressGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
      expect(addressGroup("203.0.113.7")).toBe("203.0.113.7");
      expect(addressGroup("fe80::1%eth0")).toBe("fe80::/64");
    });
  });
});
