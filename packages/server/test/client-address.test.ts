/**
 * Who a request comes from: the socket's peer, or the address the operator's proxies saw, read from the right
 * of X-Forwarded-For; grouped by IPv6 prefix for the limits.
 */
import { describe, expect, it } from "vitest";
import { addressGroup } from "../src/http/addressGroup.js";
import { clientAddressPicker, parseTrustProxy, trustProxyProblem } from "../src/http/trustProxy.js";

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

  describe("error", () => {
    it("reads --trust-proxy as a count or a list of ranges, and nothing else", () => {
      expect(parseTrustProxy("1")).toBe(1);
      expect(parseTrustProxy(" 10.0.0.0/8, fd00::/8 ,192.0.2.1")).toEqual([
        "10.0.0.0/8",
        "fd00::/8",
        "192.0.2.1",
      ]);
      for (const bad of [
        "",
        "true",
        "yes",
        "-1",
        "99",
        "10.0.0.0/33",
        "10.0.0.0/8/1",
        "10.0.0.0/x",
        "example.com",
      ]) {
        expect(parseTrustProxy(bad), bad).toBeUndefined();
      }
    });

    it("refuses `true` through the API: it trusted the hop the client writes", () => {
      expect(trustProxyProblem(true)).toContain("no longer accepted");
      expect(trustProxyProblem(1.5)).toBeDefined();
      expect(trustProxyProblem(["nonsense"])).toBeDefined();
      expect(trustProxyProblem(2)).toBeUndefined();
      expect(trustProxyProblem(["10.0.0.0/8"])).toBeUndefined();
    });
  });

  describe("security", () => {
    it("a forged left hop never becomes the client", () => {
      for (const trust of [1, ["10.0.0.0/8"]] as const) {
        const pick = clientAddressPicker(trust);
        expect(pick("10.0.0.3", "1.1.1.1, 198.51.100.7")).toBe("198.51.100.7");
        expect(pick("10.0.0.3", "2.2.2.2, 198.51.100.7")).toBe("198.51.100.7");
      }
    });

    it("garbage where the client should be counts against the proxy that passed it on", () => {
      expect(clientAddressPicker(1)("10.0.0.3", "not-an-address")).toBe("10.0.0.3");
      expect(clientAddressPicker(["10.0.0.0/8"])("10.0.0.3", "junk, 10.0.0.4")).toBe("10.0.0.4");
    });

    it("one IPv6 customer rotating addresses within a /64 stays one client", () => {
      const groups = new Set(
        Array.from({ length: 50 }, (_, i) => addressGroup(`2001:db8:7:9:${i.toString(16)}:1:2:3`)),
      );
      expect([...groups]).toEqual(["2001:db8:7:9::/64"]);
    });
  });
});
